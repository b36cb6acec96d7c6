//! A subschema in words for an editor (its title, description, type,
//! allowed values, default and examples), and values written as YAML.

use serde_json::Value;

use super::navigate::At;
use crate::model::front_matter::scalar::{Scalar, resolve_plain};

/// The JSON types a schema names.
pub fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The first of `keyword` among `subs` that is a string.
fn first<'a>(subs: &[At<'a>], keyword: &str) -> Option<&'a str> {
    subs.iter()
        .find_map(|a| a.value.get(keyword).and_then(Value::as_str))
}

/// The short line beside a key: its title, else its type.
pub fn summary(subs: &[At<'_>]) -> Option<String> {
    first(subs, "title")
        .map(String::from)
        .or_else(|| type_summary(subs))
}

/// The types, `yamlType`s and formats of a key, as `string | date`.
fn type_summary(subs: &[At<'_>]) -> Option<String> {
    let mut kinds: Vec<String> = Vec::new();
    for at in subs {
        for t in types(at.value) {
            if !kinds.iter().any(|k| k == t) {
                kinds.push(t.to_string());
            }
        }
        for keyword in ["yamlType", "format"] {
            if let Some(Value::String(f)) = at.value.get(keyword)
                && !kinds.contains(f)
            {
                kinds.push(f.clone());
            }
        }
    }
    (!kinds.is_empty()).then(|| kinds.join(" | "))
}

/// A subschema in Markdown, under `name`.
pub fn describe(name: &str, subs: &[At<'_>]) -> String {
    let mut out = match first(subs, "title") {
        Some(title) => format!("**{title}** ({name})"),
        None => format!("**{name}**"),
    };
    if let Some(text) = first(subs, "markdownDescription").or_else(|| first(subs, "description")) {
        out.push_str("\n\n");
        out.push_str(text.trim());
    }
    let mut facts = Vec::new();
    if let Some(kinds) = type_summary(subs) {
        facts.push(format!("type: {kinds}"));
    }
    let allowed: Vec<String> = subs
        .iter()
        .filter_map(|a| a.value.get("enum").and_then(Value::as_array))
        .flatten()
        .chain(subs.iter().filter_map(|a| a.value.get("const")))
        .map(|v| format!("`{}`", yaml_scalar(v)))
        .collect();
    if !allowed.is_empty() {
        facts.push(format!("one of {}", allowed.join(", ")));
    }
    for at in subs {
        if let Some(spec) = at.value.get("jekyllData") {
            facts.push(format!("a key of `_data/{}`", data_file(spec)));
        }
        if let Some(Value::String(label)) = at.value.get("jekyllDocument") {
            facts.push(format!("a document of `{label}`"));
        }
    }
    if let Some(default) = subs.iter().find_map(|a| a.value.get("default")) {
        facts.push(format!("default: `{}`", yaml_scalar(default)));
    }
    let examples: Vec<String> = subs
        .iter()
        .filter_map(|a| a.value.get("examples").and_then(Value::as_array))
        .flatten()
        .map(|v| format!("`{}`", yaml_scalar(v)))
        .collect();
    if !examples.is_empty() {
        facts.push(format!("examples: {}", examples.join(", ")));
    }
    if !facts.is_empty() {
        out.push_str("\n\n");
        out.push_str(&facts.join("  \n"));
    }
    out
}

/// The `_data` file (and path inside it) a `jekyllData` spec names.
pub fn data_file(spec: &Value) -> String {
    (spec.as_str())
        .or_else(|| spec.get("file").and_then(Value::as_str))
        .unwrap_or_default()
        .to_string()
}

/// A `_data` record's own name, for the line beside it.
pub fn entry_title(entry: &Value) -> Option<String> {
    ["name", "title", "label"]
        .iter()
        .find_map(|k| entry.get(k).and_then(Value::as_str))
        .map(String::from)
}

/// A written scalar without its quotes.
pub fn unquote(text: &str) -> String {
    let t = text.trim();
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return t[1..t.len() - 1].to_string();
        }
    }
    t.to_string()
}

/// A string as a plain scalar when YAML 1.1 reads it back as the same
/// string, else quoted.
pub fn plain_or_quoted(s: &str) -> String {
    let plain = !s.is_empty()
        && resolve_plain(s) == Scalar::Str
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', ' ',
        ])
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\t']);
    if plain {
        s.to_string()
    } else {
        Value::String(s.to_string()).to_string()
    }
}

/// A JSON value as a YAML scalar (a flow collection for the others).
pub fn yaml_scalar(value: &Value) -> String {
    match value {
        Value::String(s) => plain_or_quoted(s),
        other => other.to_string(),
    }
}

/// A JSON value as block YAML, indented by `indent`, ending in a line
/// break.
pub fn yaml(value: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut out = String::new();
            for (k, v) in map {
                let k = plain_or_quoted(k);
                match v {
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{k}:\n{}", yaml(v, indent + 2)));
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{k}:\n{}", yaml(v, indent)));
                    }
                    _ => out.push_str(&format!("{pad}{k}: {}\n", yaml_scalar(v))),
                }
            }
            out
        }
        Value::Array(items) if !items.is_empty() => {
            let mut out = String::new();
            for item in items {
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let inner = yaml(item, indent + 2);
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", yaml_scalar(item))),
                }
            }
            out
        }
        other => format!("{pad}{}\n", yaml_scalar(other)),
    }
}
