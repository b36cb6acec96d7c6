//! The ids a page's fragments (`#section`) can point at: the ids kramdown
//! gives its headings (written `{#id}`, or made from the heading's text
//! when `auto_ids` is on), and the `id` and `name` attributes of its HTML.

use std::collections::HashMap;
use std::ops::Range;

use super::skip::markdown_skips;

/// How kramdown makes a heading's id, from the site's `kramdown:` settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdRules {
    /// `auto_ids` (on by default): headings without `{#id}` get one.
    pub auto_ids: bool,
    /// `auto_id_prefix`, written before each made id.
    pub prefix: String,
    /// `input: GFM` (Jekyll's default): ids made as GitHub makes them,
    /// else as kramdown's own parser does.
    pub gfm: bool,
    /// `auto_id_stripping`: kramdown's parser drops HTML tags from the
    /// heading's text first.
    pub stripping: bool,
}

impl Default for IdRules {
    fn default() -> IdRules {
        IdRules {
            auto_ids: true,
            prefix: String::new(),
            gfm: true,
            stripping: false,
        }
    }
}

/// The ids of the body `range` of `text`, a Markdown file's when
/// `markdown` (an HTML file has only its attributes' ids).
pub fn ids(text: &str, range: Range<usize>, markdown: bool, rules: &IdRules) -> Vec<String> {
    let body = &text[range];
    let mut out = Vec::new();
    let skips = if markdown {
        markdown_skips(body)
    } else {
        Vec::new()
    };
    let skipped = |at: usize| skips.iter().any(|s| s.contains(&at));
    if markdown {
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut previous: Option<(usize, &str)> = None;
        let mut at = 0;
        for line in body.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            if skipped(start) {
                previous = None;
                continue;
            }
            let heading = atx(content).or_else(|| {
                let (_, text) = previous?;
                setext_underline(content).then_some(text)
            });
            previous = (!content.trim().is_empty() && atx(content).is_none())
                .then_some((start, content.trim()));
            let Some(heading) = heading else {
                continue;
            };
            previous = None;
            match explicit_id(heading) {
                Some(id) => out.push(id.to_string()),
                None if rules.auto_ids => out.push(made_id(heading, rules, &mut used)),
                None => {}
            }
        }
    }
    attribute_ids(body, &skipped, &mut out);
    out
}

/// The text of an ATX heading (`## Text ##`).
fn atx(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let text = &rest[level..];
    if !text.is_empty() && !text.starts_with([' ', '\t']) {
        return None;
    }
    Some(text.trim().trim_end_matches('#').trim_end())
}

/// Whether a line underlines the one before as a Setext heading.
fn setext_underline(line: &str) -> bool {
    let t = line.trim_end();
    let indent = t.len() - t.trim_start_matches(' ').len();
    let t = t.trim_start();
    indent <= 3
        && !t.is_empty()
        && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
        && (t.starts_with('=') || t.len() >= 2)
}

/// A heading's own id, written `{#id}` at its end.
fn explicit_id(heading: &str) -> Option<&str> {
    let open = heading.rfind("{#")?;
    let inner = heading[open + 2..].strip_suffix('}')?;
    let id = inner.split_whitespace().next()?;
    (!id.is_empty()).then_some(id)
}

/// The id kramdown makes of a heading's text, unique in the page.
fn made_id(heading: &str, rules: &IdRules, used: &mut HashMap<String, usize>) -> String {
    if rules.gfm {
        // kramdown-parser-gfm: `generate_gfm_header_id`.
        let mut id: String = heading
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == ' ' || *c == '\t')
            .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
            .collect();
        let n = used.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            id.push_str(&format!("-{}", *n - 1));
        }
        return format!("{}{id}", rules.prefix);
    }
    // kramdown's own parser: `generate_id`.
    let text = if rules.stripping {
        strip_tags(heading)
    } else {
        heading.to_string()
    };
    let text = text.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    let mut id: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if id.is_empty() {
        id = "section".to_string();
    }
    match used.get_mut(&id) {
        Some(n) => {
            *n += 1;
            id = format!("{id}-{n}");
        }
        None => {
            used.insert(id.clone(), 0);
        }
    }
    format!("{}{id}", rules.prefix)
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The values of the `id` and `name` attributes of HTML `text`: what a
/// layout or an include gives every page it renders.
pub fn html_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    attribute_ids(text, &|_| false, &mut out);
    out
}

/// The values of `id="…"` and `name="…"` attributes outside code.
fn attribute_ids(body: &str, skipped: &dyn Fn(usize) -> bool, out: &mut Vec<String>) {
    let bytes = body.as_bytes();
    for name in [" id=", " name=", "\tid=", "\nid="] {
        let mut from = 0;
        while let Some(found) = body[from..].find(name) {
            let at = from + found + name.len();
            from = at;
            if skipped(at) {
                continue;
            }
            let (value_start, end) = match bytes.get(at) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let Some(len) = body[at + 1..].find(q as char) else {
                        continue;
                    };
                    (at + 1, at + 1 + len)
                }
                // Unquoted: up to a space or the tag's end.
                Some(_) => {
                    let len = body[at..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                        .unwrap_or(body.len() - at);
                    (at, at + len)
                }
                None => continue,
            };
            let value = &body[value_start..end];
            if !value.is_empty() && !value.contains(['{', '<', '\n']) {
                out.push(value.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(body: &str, rules: &IdRules) -> Vec<String> {
        ids(body, 0..body.len(), true, rules)
    }

    #[test]
    fn headings_get_the_ids_github_gives_them() {
        let body = "# Getting started\n\nText.\n\n## Install `npm` & run!\n\n## Getting started\n\nÜber uns\n--------\n\n    # not a heading\n\n```\n# nor this\n```\n\n### Own {#mine}\n";
        assert_eq!(
            of(body, &IdRules::default()),
            [
                "getting-started",
                "install-npm--run",
                "getting-started-1",
                "über-uns",
                "mine"
            ]
        );
    }

    #[test]
    fn kramdowns_own_parser_and_its_options() {
        let rules = IdRules {
            gfm: false,
            prefix: "h-".into(),
            ..IdRules::default()
        };
        assert_eq!(
            of(
                "# 1. Getting started\n\n# Getting started\n\n# 123\n",
                &rules
            ),
            ["h-getting-started", "h-getting-started-1", "h-section"]
        );
        let off = IdRules {
            auto_ids: false,
            ..IdRules::default()
        };
        assert_eq!(of("# Title {#t}\n\n# Other\n", &off), ["t"]);
    }

    #[test]
    fn html_ids_and_names_count() {
        let body = "<h2 id=\"tides\">Tides</h2>\n<a name='old'></a> <a name=1>x</a>\n";
        assert_eq!(
            ids(body, 0..body.len(), false, &IdRules::default()),
            ["tides", "old", "1"]
        );
    }
}
