//! Validating a post against its schema once for all the family's rules,
//! and placing each violation where it is written: a missing top-level key
//! at the opening `---` (at 1:1 without front matter), a missing nested
//! key at its parent's key, an unknown key at the key, a repeated item at
//! the later one, anything else at the value; with the keyword's place in
//! the schema file as a related location.

use std::ops::Range;

use serde_json::Value;

use super::{Compiled, Loaded};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::front_matter::block::FrontMatter;
use crate::model::schema::json_view::JsonView;
use crate::model::schema::pointer::{self, Step};
use crate::model::schema::validate::{Kind, Violation, validate};
use crate::model::yaml::{Node, NodeKind};
use crate::rules::Context;

mod block;
mod filter;
pub mod per_post;
mod reference;
mod view;

use filter::{left_to_invalid_date, one_per_value, supplied};
use view::{schema_of_post, top_level, view};

pub use per_post::Family;

/// Push the findings of the family's rule `family` for the post: the
/// post is validated once, for the first of the family's rules.
pub fn report(ctx: &Context, family: Family, out: &mut crate::rules::Sink) {
    if ctx.settings.schema.loaded.is_none() {
        return;
    }
    for (f, d) in ctx.schema.findings(|| findings(ctx)) {
        if *f == family {
            out.push(d.clone());
        }
    }
}

fn findings(ctx: &Context) -> Vec<(Family, Diagnostic)> {
    let Some(loaded) = ctx.settings.schema.loaded.as_deref() else {
        return Vec::new();
    };
    let Some(schema) = schema_of_post(ctx) else {
        return Vec::new();
    };
    let view = view(ctx);
    let mut violations = validate(&schema.validator, &view);
    if violations.is_empty() {
        return Vec::new();
    }
    violations.retain(|v| !supplied(ctx, v) && !left_to_invalid_date(ctx, v));
    one_per_value(&mut violations);
    let pairs = top_level(ctx);
    place_all(ctx, loaded, schema, &pairs, &view, violations)
}

/// The steps down the post's tree to the value at `pointer`.
fn walk<'p>(
    pairs: &[(String, Option<&'p Node>, Range<usize>)],
    pointer: &str,
) -> Option<(Range<usize>, Vec<Step<'p>>)> {
    let mut tokens = pointer::tokens(pointer);
    let first = tokens.next()?;
    let (_, node, key_span) = pairs.iter().rev().find(|(k, ..)| *k == first)?;
    let node = (*node)?;
    let rest: String = pointer[1 + escaped_len(&first)..].to_string();
    Some((key_span.clone(), pointer::walk(node, &rest)))
}

fn escaped_len(token: &str) -> usize {
    token.replace('~', "~0").replace('/', "~1").len()
}

/// Where the value at `pointer` is written, and where its key is.
fn value_place(
    ctx: &Context,
    pairs: &[(String, Option<&Node>, Range<usize>)],
    pointer: &str,
) -> (Range<usize>, Option<Range<usize>>) {
    match walk(pairs, pointer) {
        Some((key_span, steps)) => {
            let last = steps[steps.len() - 1];
            let key = if steps.len() == 1 {
                Some(key_span)
            } else {
                last.key.map(|k| k.span.clone())
            };
            let span = if last.node.span.is_empty() {
                // An empty item at its `-`.
                key.clone()
                    .or_else(|| block::dash(ctx.post.text, last.node.span.start))
                    .unwrap_or(last.node.span.clone())
            } else {
                block::indicator(ctx.post.text, last.node).unwrap_or_else(|| last.node.span.clone())
            };
            (span, key)
        }
        None => (opening(ctx), None),
    }
}

/// The opening `---`, or 1:1 without front matter.
fn opening(ctx: &Context) -> Range<usize> {
    match &ctx.post.front_matter {
        FrontMatter::Missing => ctx.post.start..ctx.post.start,
        other => other
            .block()
            .map_or(ctx.post.start..ctx.post.start, |b| b.open.clone()),
    }
}

fn place_all(
    ctx: &Context,
    loaded: &Loaded,
    schema: &Compiled,
    pairs: &[(String, Option<&Node>, Range<usize>)],
    view: &JsonView,
    violations: Vec<Violation>,
) -> Vec<(Family, Diagnostic)> {
    let mut out = Vec::new();
    // An unknown key a short edit from a missing one: one finding.
    let mut renamed: Vec<(String, String, String)> = Vec::new();
    for v in &violations {
        if let Kind::Unknown { keys } = &v.kind {
            for k in keys {
                let near = violations.iter().find_map(|r| match &r.kind {
                    Kind::Required { key }
                        if r.instance == v.instance && strsim::levenshtein(k, key) <= 2 =>
                    {
                        Some(key.clone())
                    }
                    _ => None,
                });
                if let Some(near) = near {
                    renamed.push((v.instance.clone(), k.clone(), near));
                }
            }
        }
    }
    for v in &violations {
        let related = related(loaded, v);
        let with_related = |d: Diagnostic| match &related {
            Some((shown, span)) => d.related_in(
                shown.clone(),
                span.clone(),
                format!("`{}` in the schema", v.keyword),
            ),
            None => d,
        };
        match &v.kind {
            Kind::Required { key } => {
                if renamed.iter().any(|(i, _, n)| *i == v.instance && n == key) {
                    continue;
                }
                let span = if v.instance.is_empty() {
                    opening(ctx)
                } else {
                    let (span, key_span) = value_place(ctx, pairs, &v.instance);
                    key_span.unwrap_or(span)
                };
                let d = Diagnostic::new("", span, format!("missing key `{key}`"))
                    .label(format!("`{key}` is required here"))
                    .help(format!(
                        "add `{key}:` with a value, as schema `{}` requires",
                        schema.declared.name
                    ));
                out.push((Family::Required, with_related(d)));
            }
            Kind::Unknown { keys } => {
                for k in keys {
                    let mut pointer_to_key = v.instance.clone();
                    pointer_to_key.push('/');
                    pointer_to_key.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    let (span, key_span) = value_place(ctx, pairs, &pointer_to_key);
                    let key_span = key_span.unwrap_or(span);
                    let near = renamed
                        .iter()
                        .find(|(i, u, _)| *i == v.instance && u == k)
                        .map(|(.., n)| n.clone());
                    let d = match near {
                        Some(near) => Diagnostic::new(
                            "",
                            key_span.clone(),
                            format!("unknown key `{k}`: did you mean `{near}`?"),
                        )
                        .label(format!("`{near}` is required and missing"))
                        .help(format!("rename `{k}` to `{near}`"))
                        .fix(Fix::unsafe_(
                            format!("rename `{k}` to `{near}`"),
                            vec![Edit {
                                range: key_span,
                                content: near.clone(),
                            }],
                        )),
                        None => Diagnostic::new("", key_span, format!("unknown key `{k}`"))
                            .label("the schema does not allow this key")
                            .help(format!(
                                "remove `{k}`, or add it to the schema's `properties`"
                            )),
                    };
                    out.push((Family::UnknownKey, with_related(d)));
                }
            }
            Kind::Duplicate => {
                let span = duplicate(pairs, view, &v.instance)
                    .unwrap_or_else(|| value_place(ctx, pairs, &v.instance).0);
                let d = Diagnostic::new("", span, "repeated item")
                    .label("the same as an earlier item")
                    .help("remove the repeated item: the schema asks for unique items");
                out.push((Family::Value, with_related(d)));
            }
            Kind::Reference => {
                let d = reference::finding(ctx, loaded, pairs, view, v);
                out.push((Family::Reference, with_related(d)));
            }
            kind => {
                let (span, key) = value_place(ctx, pairs, &v.instance);
                let span = match key {
                    Some(key) if v.at_key => key,
                    _ => span,
                };
                let block = block::is_indicator(&ctx.post.text[span.clone()]);
                let written = &if block {
                    block::shown(view.value.pointer(&v.instance))
                } else {
                    ctx.post.text[span.clone()].to_string()
                };
                let (family, d) = match kind {
                    Kind::Type { expected } => {
                        let expected = &with_article(expected);
                        let mut d = Diagnostic::new(
                            "",
                            span.clone(),
                            format!(
                                "`{written}` is {}, not {expected}",
                                json_type(view, &v.instance)
                            ),
                        )
                        .label(format!("the schema asks for {expected}"))
                        .help(format!("write {expected} here"));
                        if expected == "a string" && !block && !written.contains(['"', '\\', '\n'])
                        {
                            d = d
                                .help(format!("quote it, as `\"{written}\"`, to keep it text"))
                                .fix(Fix::safe(
                                    "quote the value",
                                    vec![Edit {
                                        range: span.clone(),
                                        content: format!("\"{written}\""),
                                    }],
                                ));
                        }
                        (Family::Type, d)
                    }
                    Kind::Enum { allowed } => {
                        let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
                        let mut d = Diagnostic::new(
                            "",
                            span.clone(),
                            format!("`{written}` is not an allowed value"),
                        )
                        .label("not one of the schema's values")
                        .help(match list.as_slice() {
                            [one] => format!("use {one}"),
                            _ => format!("use one of {}", list.join(", ")),
                        });
                        let nearest = allowed
                            .iter()
                            .filter_map(Value::as_str)
                            .map(|a| (strsim::levenshtein(a, written), a))
                            .filter(|(d, _)| *d <= 2)
                            .min();
                        if let Some((_, near)) = nearest.filter(|_| !block) {
                            d = d.fix(Fix::unsafe_(
                                format!("replace with `{near}`"),
                                vec![Edit {
                                    range: span.clone(),
                                    content: near.to_string(),
                                }],
                            ));
                        }
                        (Family::Value, d)
                    }
                    _ => (
                        Family::Value,
                        Diagnostic::new("", span.clone(), format!("`{written}` {}", v.message))
                            .label(format!("fails `{}`", v.keyword))
                            .help(format!(
                                "change the value to satisfy the schema's `{}`",
                                v.keyword
                            )),
                    ),
                };
                out.push((family, with_related(d)));
            }
        }
    }
    out
}

/// The JSON type of the value at `pointer`, in words, Psych's when JSON's
/// does not say it.
fn json_type(view: &JsonView, pointer: &str) -> &'static str {
    if let Some((_, kind)) = view.special.iter().find(|(p, _)| p == pointer) {
        return kind.type_name();
    }
    match view.value.pointer(pointer) {
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(n)) if n.is_f64() => "a float",
        Some(Value::Number(_)) => "an integer",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "a list",
        Some(Value::Object(_)) => "a mapping",
        None => "missing",
    }
}

/// The later of two equal items of the list at `pointer`.
fn duplicate(
    pairs: &[(String, Option<&Node>, Range<usize>)],
    view: &JsonView,
    pointer: &str,
) -> Option<Range<usize>> {
    let items = view.value.pointer(pointer)?.as_array()?;
    let later = (1..items.len()).find(|&i| items[..i].contains(&items[i]))?;
    let (_, steps) = walk(pairs, pointer)?;
    let NodeKind::Sequence(nodes) = &steps.last()?.node.kind else {
        return None;
    };
    nodes.get(later).map(|n| n.span.clone())
}

/// The keyword's place in its schema file.
fn related(loaded: &Loaded, v: &Violation) -> Option<(String, Range<usize>)> {
    let file = loaded.file(&v.schema_file)?;
    let root = file.document.root.as_ref()?;
    let steps = pointer::walk(root, &v.schema_pointer);
    let last = steps.last()?;
    let span = last.key.map_or(last.node.span.clone(), |k| k.span.clone());
    Some((file.shown.clone(), span))
}

/// `string` as "a string", `integer` as "an integer".
fn with_article(kind: &str) -> String {
    kind.split(", ")
        .map(|k| {
            let k = k.trim_matches(|c| c == '[' || c == ']' || c == '"');
            match k {
                "array" => "a list".to_string(),
                "object" => "a mapping".to_string(),
                "null" => "null".to_string(),
                "integer" => "an integer".to_string(),
                other => format!("a {other}"),
            }
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Whether the schema of the post types its top-level `key` (`type`,
/// `yamlType`, `enum`, `const` or `format` under `properties`): then the
/// schema's finding is the only one about its type.
pub fn types_key(ctx: &Context, key: &str) -> bool {
    schema_of_post(ctx).is_some_and(|schema| schema.typed_keys.iter().any(|k| k == key))
}
