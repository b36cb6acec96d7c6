//! From a schema to the subschemas that apply at a path of keys and
//! items, as far as a editor needs them: `$ref` (local and to other
//! files) followed, `allOf`, `anyOf`, `oneOf` and `if`/`then`/`else`
//! taken as alternatives, then `properties`, `additionalProperties`,
//! `items` and `prefixItems` stepped through.

use serde_json::Value;

use super::context::Segment;

/// How deep `$ref`s and combinators are followed: a cycle stops there.
const MAX_DEPTH: usize = 32;

/// A subschema, and the URI of the file it is in (against which its
/// `$ref`s resolve).
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    pub uri: &'a str,
    pub value: &'a Value,
}

/// The schema files a `$ref` may reach, by URI.
pub trait Files {
    fn file(&self, uri: &str) -> Option<(&str, &Value)>;
}

/// The subschemas at `path` below `root`, each with its combinators and
/// `$ref`s expanded.
pub fn at_path<'a>(files: &'a dyn Files, root: At<'a>, path: &[Segment]) -> Vec<At<'a>> {
    let mut here = Vec::new();
    expand(files, root, &mut here, 0);
    for segment in path {
        let mut next = Vec::new();
        for at in &here {
            for child in step(at, segment) {
                expand(files, child, &mut next, 0);
            }
        }
        here = next;
    }
    here
}

/// The schemas `at` names one step down.
fn step<'a>(at: &At<'a>, segment: &Segment) -> Vec<At<'a>> {
    let Value::Object(schema) = at.value else {
        return Vec::new();
    };
    let within = |value: &'a Value| At { uri: at.uri, value };
    match segment {
        Segment::Key(key) => {
            if let Some(p) = schema.get("properties").and_then(|p| p.get(key.as_str())) {
                return vec![within(p)];
            }
            match schema.get("additionalProperties") {
                Some(a @ Value::Object(_)) => vec![within(a)],
                _ => Vec::new(),
            }
        }
        Segment::Item => {
            let mut out = Vec::new();
            match schema.get("items") {
                Some(i @ Value::Object(_)) => out.push(within(i)),
                Some(Value::Array(items)) => out.extend(items.iter().map(within)),
                _ => {}
            }
            if let Some(Value::Array(items)) = schema.get("prefixItems") {
                out.extend(items.iter().map(within));
            }
            out
        }
    }
}

/// `at` and the alternatives its `$ref` and combinators name, into `out`.
fn expand<'a>(files: &'a dyn Files, at: At<'a>, out: &mut Vec<At<'a>>, depth: usize) {
    if depth > MAX_DEPTH || out.len() > 64 {
        return;
    }
    let Value::Object(schema) = at.value else {
        return;
    };
    out.push(at);
    if let Some(Value::String(reference)) = schema.get("$ref")
        && let Some(target) = resolve(files, at.uri, reference)
    {
        expand(files, target, out, depth + 1);
    }
    for keyword in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = schema.get(keyword) {
            for b in branches {
                expand(
                    files,
                    At {
                        uri: at.uri,
                        value: b,
                    },
                    out,
                    depth + 1,
                );
            }
        }
    }
    for keyword in ["then", "else"] {
        if let Some(b) = schema.get(keyword) {
            expand(
                files,
                At {
                    uri: at.uri,
                    value: b,
                },
                out,
                depth + 1,
            );
        }
    }
}

/// The subschema a `$ref` names: a file (relative to `base`) and a JSON
/// pointer in it.
fn resolve<'a>(files: &'a dyn Files, base: &'a str, reference: &str) -> Option<At<'a>> {
    let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
    let (uri, root) = if file.is_empty() {
        files.file(base)?
    } else {
        let joined = url::Url::parse(base).ok()?.join(file).ok()?;
        files.file(joined.as_str())?
    };
    let pointer = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
    let value = if pointer.is_empty() {
        root
    } else {
        root.pointer(&pointer)?
    };
    Some(At { uri, value })
}
