//! A `jekyllData` or `jekyllDocument` value that names nothing: the
//! finding at the name (the first such item of a list), with the nearest
//! name the site has (within two edits) as help and as an unsafe fix, else
//! a few of its names.

use std::ops::Range;

use serde_json::Value;

use super::value_place;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::front_matter::scalar::{Scalar, resolve_plain};
use crate::model::schema::json_view::JsonView;
use crate::model::schema::keywords::{data_names, names_allow};
use crate::model::schema::validate::Violation;
use crate::model::yaml::Node;
use crate::rules::Context;
use crate::rules::schema::Loaded;

/// How many names the help lists when none is near.
const LISTED: usize = 5;

pub(super) fn finding(
    ctx: &Context,
    loaded: &Loaded,
    pairs: &[(String, Option<&Node>, Range<usize>)],
    view: &JsonView,
    v: &Violation,
) -> Diagnostic {
    // In a list, the first item that names nothing.
    let (pointer, value) = match view.value.pointer(&v.instance) {
        Some(Value::Array(items)) => {
            let names = allowed(loaded, v).map(|(names, _)| names);
            match items
                .iter()
                .position(|i| names.as_ref().is_some_and(|n| !names_allow(n, i)))
            {
                Some(i) => (format!("{}/{i}", v.instance), Some(&items[i])),
                None => (v.instance.clone(), None),
            }
        }
        other => (v.instance.clone(), other),
    };
    let (span, _) = value_place(ctx, pairs, &pointer);
    let d = Diagnostic::new("", span.clone(), v.message.clone()).label("names nothing");
    let (Some((names, source)), Some(value)) = (allowed(loaded, v), value) else {
        return d.help("use a name the site has");
    };
    let name = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let nearest = names
        .iter()
        .map(|n| (strsim::levenshtein(n, &name), n))
        .filter(|(d, _)| *d <= 2)
        .min();
    let written = &ctx.post.text[span.clone()];
    // A fix in place of a block's indicator would leave its lines behind.
    if let Some((_, near)) = nearest.filter(|_| !super::block::is_indicator(written)) {
        return d
            .help(format!("use `{near}`, the nearest name in {source}"))
            .fix(Fix::unsafe_(
                format!("replace with `{near}`"),
                vec![Edit {
                    range: span,
                    content: as_yaml(near, written),
                }],
            ));
    }
    if names.is_empty() {
        return d.help(format!("{source} has no names yet: add one"));
    }
    let listed: Vec<String> = names
        .iter()
        .take(LISTED)
        .map(|n| format!("`{n}`"))
        .collect();
    let more = match names.len().saturating_sub(LISTED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    d.help(format!(
        "use one of the names in {source}: {}{more}",
        listed.join(", ")
    ))
}

/// The names the keyword allows (sorted) and where they are, in words:
/// `` `_data/authors` ``, `` the collection `posts` ``.
fn allowed(loaded: &Loaded, v: &Violation) -> Option<(Vec<String>, String)> {
    let file = loaded.file(&v.schema_file)?;
    let spec = file.document.value.pointer(&v.schema_pointer)?;
    match v.keyword.as_str() {
        "jekyllData" => {
            let names = data_names(&loaded.site, spec).ok()?;
            let source = match spec {
                Value::String(name) => name.as_str(),
                other => other.get("file")?.as_str()?,
            };
            Some((names, format!("`_data/{source}`")))
        }
        "jekyllDocument" => {
            let label = spec.as_str()?;
            let mut names = loaded.site.documents.get(label)?.clone();
            names.sort();
            Some((names, format!("the collection `{label}`")))
        }
        _ => None,
    }
}

/// `name` as a YAML value in place of `written`: quoted when `written` is,
/// or when YAML would read it plain as something other than this text.
fn as_yaml(name: &str, written: &str) -> String {
    let plain = !written.starts_with(['"', '\''])
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | ' '))
        && !name.starts_with(['-', ' '])
        && !name.ends_with(' ')
        && resolve_plain(name) == Scalar::Str;
    if plain {
        name.to_string()
    } else {
        serde_json::to_string(name).unwrap_or_else(|_| name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::as_yaml;

    #[test]
    fn a_name_is_quoted_when_plain_yaml_would_read_it_otherwise() {
        assert_eq!(as_yaml("ann", "cy"), "ann");
        assert_eq!(as_yaml("ann lee", "cy"), "ann lee");
        assert_eq!(as_yaml("ann", "\"cy\""), "\"ann\"");
        assert_eq!(as_yaml("no", "na"), "\"no\"");
        assert_eq!(as_yaml("2022", "2021x"), "\"2022\"");
        assert_eq!(as_yaml("a: b", "a"), "\"a: b\"");
    }
}
