//! The inferred schema as an ordered tree with comments, and its two
//! written forms: YAML, with each comment after its line, and JSON, where
//! a mapping's comment becomes its `$comment`. Keys are written in the
//! tree's order, which inference makes deterministic.

use std::fmt::Write;

use crate::model::front_matter::scalar::{Scalar, resolve_plain};

/// A value of the schema.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Str(String),
    /// Items, each with an optional comment.
    List(Vec<(Value, Option<String>)>),
    /// Keys and values, each with an optional comment.
    Map(Vec<(String, Value, Option<String>)>),
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

/// The tree as YAML, after `header` (comment lines, without `#`).
pub fn to_yaml(root: &Value, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        let _ = writeln!(out, "# {line}");
    }
    match root {
        Value::Map(members) if !members.is_empty() => map(&mut out, members, 0, false),
        other => {
            let _ = writeln!(out, "{}", scalar(other));
        }
    }
    out
}

fn comment(out: &mut String, comment: &Option<String>) {
    if let Some(c) = comment {
        let _ = write!(out, "  # {c}");
    }
}

/// Members of a mapping at `indent`; the first one's indentation already
/// written when `inline` (after a list's `- `).
fn map(out: &mut String, members: &[(String, Value, Option<String>)], indent: usize, inline: bool) {
    for (i, (key, value, note)) in members.iter().enumerate() {
        if i > 0 || !inline {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&text(key));
        out.push(':');
        nested(out, value, note, indent);
    }
}

/// A value after `key:` or `-`, and its comment.
fn nested(out: &mut String, value: &Value, note: &Option<String>, indent: usize) {
    match value {
        Value::Map(members) if !members.is_empty() => {
            comment(out, note);
            out.push('\n');
            map(out, members, indent + 2, false);
        }
        Value::List(items) if !items.is_empty() => {
            comment(out, note);
            out.push('\n');
            list(out, items, indent + 2);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            comment(out, note);
            out.push('\n');
        }
    }
}

fn list(out: &mut String, items: &[(Value, Option<String>)], indent: usize) {
    for (value, note) in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match value {
            Value::Map(members) if !members.is_empty() && note.is_none() => {
                out.push(' ');
                map(out, members, indent + 2, true);
            }
            _ => nested(out, value, note, indent),
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Str(s) => text(s),
        Value::List(_) => "[]".to_string(),
        Value::Map(_) => "{}".to_string(),
    }
}

/// A string as YAML: plain when YAML 1.1 reads it back as the same
/// string, else double-quoted (JSON's escapes are YAML's).
fn text(s: &str) -> String {
    let mut chars = s.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '$' | '/' | '_'))
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '$' | '/' | '_' | '-' | '.' | ' '))
        && !s.ends_with(' ')
        && resolve_plain(s) == Scalar::Str;
    if plain { s.to_string() } else { json_string(s) }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The tree as JSON, two spaces a level, with a mapping's comment as its
/// first key `$comment` (comments on other values are left out).
pub fn to_json(root: &Value) -> String {
    let mut out = String::new();
    json(&mut out, root, None, 0);
    out.push('\n');
    out
}

fn json(out: &mut String, value: &Value, note: Option<&String>, indent: usize) {
    let pad = |n: usize| " ".repeat(n);
    match value {
        Value::Map(members) => {
            let mut all: Vec<(&str, &Value, Option<&String>)> = Vec::new();
            let commented;
            if let Some(c) = note {
                commented = Value::Str(c.clone());
                all.push(("$comment", &commented, None));
            }
            all.extend(members.iter().map(|(k, v, c)| (k.as_str(), v, c.as_ref())));
            if all.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            for (i, (key, value, note)) in all.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                out.push_str(&json_string(key));
                out.push_str(": ");
                json(out, value, *note, indent + 2);
                out.push_str(if i + 1 < all.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::List(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push_str("[\n");
            for (i, (value, note)) in items.iter().enumerate() {
                out.push_str(&pad(indent + 2));
                json(out, value, note.as_ref(), indent + 2);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push(']');
        }
        Value::Bool(b) => out.push_str(&b.to_string()),
        Value::Int(n) => out.push_str(&n.to_string()),
        Value::Str(s) => out.push_str(&json_string(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::yaml_tree::{Node, NodeKind};

    fn sample() -> Value {
        Value::Map(vec![
            ("$schema".into(), Value::str("https://x.test/s"), None),
            (
                "properties".into(),
                Value::Map(vec![(
                    "a key: with colon".into(),
                    Value::Map(vec![
                        ("type".into(), Value::str("string"), None),
                        (
                            "enum".into(),
                            Value::List(vec![
                                (Value::str("no"), Some("2".into())),
                                (Value::str("中文"), None),
                                (Value::Int(511), None),
                            ]),
                            None,
                        ),
                        (
                            "anyOf".into(),
                            Value::List(vec![
                                (
                                    Value::Map(vec![("type".into(), Value::str("null"), None)]),
                                    Some("1 of 3".into()),
                                ),
                                (
                                    Value::Map(vec![
                                        ("type".into(), Value::str("array"), None),
                                        ("items".into(), Value::Map(vec![]), None),
                                    ]),
                                    None,
                                ),
                            ]),
                            None,
                        ),
                    ]),
                    Some("3 of 3".into()),
                )]),
                None,
            ),
            ("additionalProperties".into(), Value::Bool(false), None),
        ])
    }

    /// The YAML read back by postlint's own YAML reader, as a tree of the
    /// same shape (comments aside).
    fn read_back(node: &Node) -> Value {
        match &node.kind {
            NodeKind::Scalar { text, value, .. } => match value {
                Scalar::Bool(b) => Value::Bool(*b),
                Scalar::Int => Value::Int(text.parse().unwrap()),
                _ => Value::Str(text.clone()),
            },
            NodeKind::Sequence(items) => {
                Value::List(items.iter().map(|i| (read_back(i), None)).collect())
            }
            NodeKind::Mapping(pairs) => Value::Map(
                pairs
                    .iter()
                    .map(|(k, v)| (k.as_str().unwrap().to_string(), read_back(v), None))
                    .collect(),
            ),
            NodeKind::Alias => panic!("no alias"),
        }
    }

    fn uncommented(v: &Value) -> Value {
        match v {
            Value::List(items) => {
                Value::List(items.iter().map(|(v, _)| (uncommented(v), None)).collect())
            }
            Value::Map(m) => Value::Map(
                m.iter()
                    .map(|(k, v, _)| (k.clone(), uncommented(v), None))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    #[test]
    fn yaml_reads_back_as_the_tree() {
        let tree = sample();
        let yaml = to_yaml(&tree, &["a header".to_string()]);
        let root = crate::model::yaml::parse_general(&yaml, 0)
            .unwrap()
            .unwrap();
        assert_eq!(read_back(&root), uncommented(&tree), "{yaml}");
        assert!(yaml.contains("  # 3 of 3\n"), "{yaml}");
        assert!(yaml.contains("- \"no\"  # 2\n"), "{yaml}");
    }

    #[test]
    fn json_parses_with_comments_as_dollar_comment() {
        let json = to_json(&sample());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let prop = &parsed["properties"]["a key: with colon"];
        assert_eq!(prop["$comment"], "3 of 3");
        assert_eq!(prop["enum"][2], 511);
        assert_eq!(prop["anyOf"][0]["$comment"], "1 of 3");
        assert_eq!(parsed["additionalProperties"], false);
    }
}
