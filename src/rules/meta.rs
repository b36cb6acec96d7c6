//! Reading a rule document: a `---` header of `key: value` lines (id, family,
//! severity, fix, summary), then Markdown whose ```` ```post bad ````,
//! ```` ```post good ```` and ```` ```post fixed ```` blocks are examples.

use crate::diagnostic::{Applicability, Severity};

/// A rule's metadata, from its document.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    pub id: String,
    pub family: String,
    /// `None`: off unless configured.
    pub default_severity: Option<Severity>,
    /// The safety of the rule's fix, when it has one.
    pub fix: Option<Applicability>,
    pub summary: String,
    /// The document without its header.
    pub body: String,
    pub examples: Vec<Example>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleKind {
    Bad,
    Good,
    Fixed,
    /// `postlint.toml` text for the example that follows.
    Config,
    /// The Jekyll site's `_config.yml` for the example that follows
    /// (```` ```yaml _config.yml ````).
    SiteConfig,
}

#[derive(Clone, Debug)]
pub struct Example {
    pub kind: ExampleKind,
    /// The 1-based line of the opening fence in the document.
    pub line: usize,
    pub text: String,
    /// The path the example is checked as, when the fence names one
    /// (```` ```post bad _posts/notes.md ````).
    pub path: Option<String>,
}

impl RuleMeta {
    pub fn parse(doc: &str) -> Result<RuleMeta, String> {
        let rest = doc
            .strip_prefix("---\n")
            .ok_or("the document must start with `---`")?;
        let end = rest
            .find("\n---\n")
            .ok_or("the header is not closed with `---`")?;
        let header = &rest[..end];
        let body = &rest[end + 5..];
        let get = |key: &str| -> Result<String, String> {
            header
                .lines()
                .find_map(|l| {
                    l.strip_prefix(key)?
                        .strip_prefix(':')
                        .map(|v| v.trim().to_string())
                })
                .ok_or_else(|| format!("the header has no `{key}`"))
        };
        let id = get("id")?;
        let family = get("family")?;
        let default_severity = match get("severity")?.as_str() {
            "off" => None,
            s => Some(Severity::parse(s).ok_or_else(|| format!("unknown severity `{s}`"))?),
        };
        let fix = match get("fix")?.as_str() {
            "none" => None,
            "safe" => Some(Applicability::Safe),
            "unsafe" => Some(Applicability::Unsafe),
            s => return Err(format!("unknown fix safety `{s}`")),
        };
        let summary = get("summary")?;
        let header_lines = header.lines().count() + 2;
        Ok(RuleMeta {
            id,
            family,
            default_severity,
            fix,
            summary,
            examples: examples(body, header_lines),
            body: body.to_string(),
        })
    }
}

fn examples(body: &str, line_offset: usize) -> Vec<Example> {
    let mut out = Vec::new();
    let mut current: Option<Example> = None;
    for (i, line) in body.lines().enumerate() {
        match &mut current {
            None => {
                let mut words = line.split_whitespace();
                let kind = match (words.next(), words.next()) {
                    (Some("```post"), Some("bad")) => ExampleKind::Bad,
                    (Some("```post"), Some("good")) => ExampleKind::Good,
                    (Some("```post"), Some("fixed")) => ExampleKind::Fixed,
                    (Some("```toml"), Some("config")) => ExampleKind::Config,
                    (Some("```yaml"), Some("_config.yml")) => ExampleKind::SiteConfig,
                    _ => continue,
                };
                current = Some(Example {
                    kind,
                    line: line_offset + i + 1,
                    text: String::new(),
                    // The rest of the line: a path may hold spaces.
                    path: {
                        let rest = words.collect::<Vec<_>>().join(" ");
                        (!rest.is_empty()).then_some(rest)
                    },
                });
            }
            Some(example) => {
                if line.trim_end() == "```" {
                    out.extend(current.take());
                } else {
                    example.text.push_str(line);
                    example.text.push('\n');
                }
            }
        }
    }
    out
}
