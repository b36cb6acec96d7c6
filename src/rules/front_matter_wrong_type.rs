use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return;
    };
    for entry in entries {
        match entry.key.as_str() {
            "title" => {
                if let Some(d) = not_a_string(&entry.value, "title") {
                    out.push(d);
                }
            }
            key @ ("tags" | "categories") => match &entry.value.kind {
                NodeKind::Sequence(items) => {
                    for item in items {
                        if let Some(d) = not_a_string(item, key) {
                            out.push(d);
                        }
                    }
                }
                NodeKind::Scalar { .. } | NodeKind::Alias => {
                    if let Some(d) = not_a_string(&entry.value, key) {
                        out.push(d);
                    }
                }
                NodeKind::Mapping(_) => out.push(
                    Diagnostic::new(
                        "front-matter-wrong-type",
                        entry.value.span.clone(),
                        format!("`{key}` is a mapping, not a list or a string"),
                    )
                    .label("expected a list such as `[a, b]`")
                    .help(format!("write `{key}` as a list, such as `{key}: [news, world]`")),
                ),
            },
            _ => {}
        }
    }
}

/// A diagnostic when `node` is a scalar that YAML 1.1 does not read as a
/// string (or a collection), with a fix that quotes a plain scalar.
fn not_a_string(node: &Node, key: &str) -> Option<Diagnostic> {
    let (kind, fix) = match &node.kind {
        NodeKind::Scalar { value: Scalar::Str | Scalar::Null, .. } | NodeKind::Alias => return None,
        NodeKind::Scalar { text, value, plain } => {
            let fix = plain.then(|| {
                Fix::safe(
                    "quote the value",
                    vec![Edit {
                        range: node.span.clone(),
                        content: quote(text),
                    }],
                )
            });
            (value.type_name(), fix)
        }
        _ => (node.type_name(), None),
    };
    let mut d = Diagnostic::new(
        "front-matter-wrong-type",
        node.span.clone(),
        format!("`{key}` holds {kind}, not a string"),
    )
    .label(format!("YAML 1.1 reads this as {kind}"));
    d = match &node.kind {
        NodeKind::Scalar { text, .. } => d.help(format!("quote it: `{}`", quote(text))),
        _ => d.help(format!("`{key}` must be text")),
    };
    if let Some(fix) = fix {
        d = d.fix(fix);
    }
    Some(d)
}

/// A double-quoted YAML string for `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
