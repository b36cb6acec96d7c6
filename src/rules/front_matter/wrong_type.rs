//! `front-matter-wrong-type`: a front matter value has the wrong type under YAML 1.1.

use super::quote;
use crate::diagnostic::{Edit, Fix};
use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return;
    };
    for entry in entries {
        // A key its schema types is the schema's.
        if crate::rules::schema::place::types_key(ctx, &entry.key) {
            continue;
        }
        match entry.key.as_str() {
            "title" => {
                not_a_string(&entry.value, "title", out);
            }
            key @ ("tags" | "categories") => match &entry.value.kind {
                NodeKind::Sequence(items) => {
                    for item in items {
                        not_a_string(item, key, out);
                    }
                }
                NodeKind::Scalar { .. } | NodeKind::Alias => {
                    not_a_string(&entry.value, key, out);
                }
                NodeKind::Mapping(_) => out.push(
                    out.diagnostic(
                        entry.value.span.clone(),
                        format!("`{key}` is a mapping, not a list or a string"),
                    )
                    .label("expected a list such as `[a, b]`")
                    .help(format!(
                        "write `{key}` as a list, such as `{key}: [news, world]`"
                    )),
                ),
            },
            _ => {}
        }
    }
}

/// A diagnostic when `node` is a scalar that YAML 1.1 does not read as a
/// string (or a collection), with a fix that quotes a plain scalar.
fn not_a_string(node: &Node, key: &str, out: &mut Sink) {
    let (kind, fix) = match &node.kind {
        NodeKind::Scalar {
            value: Scalar::Str | Scalar::Null,
            ..
        }
        | NodeKind::Alias => return,
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
    let mut d = out
        .diagnostic(
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
    out.push(d);
}
