//! What a front matter's schema offers an editor: the keys and values to
//! complete at the cursor, and what a key or value under it means. Read
//! from the schema files and the site's `_data`; the caller turns them into
//! its protocol's terms.

pub mod context;
pub mod navigate;
mod words;

use std::ops::Range;

use serde_json::Value;

use self::context::{Segment, What};
use self::navigate::{At, Files, at_path};
use super::keywords::{SiteData, data_entry, data_names};

/// What the schema of one document is read with.
pub struct Assist<'a> {
    pub files: &'a dyn Files,
    pub root: At<'a>,
    pub data: &'a SiteData,
}

/// Whether a candidate is a key or a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Key,
    Value,
}

/// One completion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub label: String,
    /// The text that replaces the word under the cursor.
    pub insert: String,
    pub kind: Kind,
    /// A short line beside the label (the title, the type, a `_data`
    /// entry's name).
    pub detail: Option<String>,
    /// Markdown: the description, default and examples.
    pub documentation: Option<String>,
    /// A key the schema requires (offered first).
    pub required: bool,
}

impl Assist<'_> {
    /// The completions at byte `offset` of `text`, and the span they
    /// replace.
    pub fn complete(&self, text: &str, offset: usize) -> Option<(Range<usize>, Vec<Candidate>)> {
        let cx = context::at(text, offset)?;
        let here = at_path(self.files, self.root, &cx.path);
        let mut out = Vec::new();
        match cx.what {
            What::Key => self.keys(&here, &cx.siblings, &mut out),
            What::Value => self.values(&here, &mut out),
            What::Item => {
                self.values(&here, &mut out);
                self.keys(&here, &cx.siblings, &mut out);
            }
        }
        if cx.space {
            for c in &mut out {
                c.insert.insert(0, ' ');
            }
        }
        Some((cx.word, out))
    }

    /// The description of the key or value under byte `offset` of
    /// `text` (Markdown), and its span.
    pub fn hover(&self, text: &str, offset: usize) -> Option<(Range<usize>, String)> {
        let (path, span, on_value) = context::hovered(text, offset)?;
        let here = at_path(self.files, self.root, &path);
        if here.is_empty() {
            return None;
        }
        let name = match path.last() {
            Some(Segment::Key(k)) => format!("`{k}`"),
            _ => "item".to_string(),
        };
        let mut out = words::describe(&name, &here);
        if on_value {
            let written = words::unquote(&text[span.clone()]);
            for at in &here {
                if let Some(spec) = at.value.get("jekyllData")
                    && let Some(entry) = data_entry(self.data, spec, &written)
                {
                    out.push_str(&format!(
                        "\n\n`{written}` in `_data/{}`:\n\n```yaml\n{}```",
                        words::data_file(spec),
                        words::yaml(entry, 0)
                    ));
                    break;
                }
            }
        }
        Some((span, out))
    }

    /// The keys the schemas at `here` allow and the mapping lacks.
    fn keys(&self, here: &[At<'_>], siblings: &[String], out: &mut Vec<Candidate>) {
        let required: Vec<&str> = here
            .iter()
            .filter_map(|a| a.value.get("required").and_then(Value::as_array))
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for at in here {
            let Some(Value::Object(properties)) = at.value.get("properties") else {
                continue;
            };
            for (key, sub) in properties {
                if siblings.contains(key)
                    || out.iter().any(|c| c.kind == Kind::Key && &c.label == key)
                {
                    continue;
                }
                let subs = at_path(
                    self.files,
                    At {
                        uri: at.uri,
                        value: sub,
                    },
                    &[],
                );
                out.push(Candidate {
                    label: key.clone(),
                    insert: format!("{}: ", words::plain_or_quoted(key)),
                    kind: Kind::Key,
                    detail: words::summary(&subs),
                    documentation: Some(words::describe(&format!("`{key}`"), &subs)),
                    required: required.contains(&key.as_str()),
                });
            }
        }
    }

    /// The values the schemas at `here` name: `enum`, `const`, booleans,
    /// `_data` keys and collection documents.
    fn values(&self, here: &[At<'_>], out: &mut Vec<Candidate>) {
        let mut push = |value: &Value, detail: Option<String>, documentation: Option<String>| {
            let insert = words::yaml_scalar(value);
            if out
                .iter()
                .any(|c| c.kind == Kind::Value && c.insert == insert)
            {
                return;
            }
            out.push(Candidate {
                label: match value {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                },
                insert,
                kind: Kind::Value,
                detail,
                documentation,
                required: false,
            });
        };
        for at in here {
            let schema = at.value;
            if let Some(Value::Array(values)) = schema.get("enum") {
                for v in values {
                    push(v, None, None);
                }
            }
            if let Some(v) = schema.get("const") {
                push(v, None, None);
            }
            if words::types(schema).contains(&"boolean") {
                push(&Value::Bool(true), None, None);
                push(&Value::Bool(false), None, None);
            }
            if let Some(spec) = schema.get("jekyllData")
                && let Ok(names) = data_names(self.data, spec)
            {
                let file = words::data_file(spec);
                for name in names {
                    let entry = data_entry(self.data, spec, &name);
                    let detail = entry.and_then(words::entry_title);
                    let documentation = entry.map(|e| {
                        format!(
                            "`{name}` in `_data/{file}`:\n\n```yaml\n{}```",
                            words::yaml(e, 0)
                        )
                    });
                    push(&Value::String(name), detail, documentation);
                }
            }
            if let Some(Value::String(label)) = schema.get("jekyllDocument")
                && let Some(names) = self.data.documents.get(label)
            {
                for name in names {
                    push(
                        &Value::String(name.clone()),
                        Some(format!("a document of `{label}`")),
                        None,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
