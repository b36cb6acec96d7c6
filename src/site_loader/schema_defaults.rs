//! The values `defaults:` in `_config.yml` gives documents, judged by the
//! schemas of the documents its scopes reach: Jekyll merges a default into
//! every such document that lacks the key, so a bad one is a defect of
//! every one of them, reported once, where it is written.

use std::path::Path;

use serde_json::Value;

use crate::model::schema::document::line_col;
use crate::model::schema::json_view;
use crate::model::schema::pointer;
use crate::model::schema::validate::{Kind, Violation, validate};
use crate::model::yaml::{self, Node, NodeKind};
use crate::rules::schema::{Compiled, Declared};

/// Check each value of each `defaults:` entry of the site's `_config.yml`
/// (at `site_root`) against every schema whose documents its scope may
/// reach; `root` is the config's folder, which `files` globs are relative
/// to. The first value a schema refuses is the error, `FILE:LINE:COL:
/// message`.
pub fn check(site_root: &Path, root: &Path, schemas: &[Compiled]) -> Result<(), String> {
    if schemas.is_empty() {
        return Ok(());
    }
    let file = site_root.join("_config.yml");
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Ok(());
    };
    // A `_config.yml` that does not parse is the site loader's to report.
    let Ok((Some(tree), anchors)) = yaml::parse_anchored(&text, 0) else {
        return Ok(());
    };
    let shown = file
        .strip_prefix(root)
        .unwrap_or(&file)
        .to_string_lossy()
        .replace('\\', "/");
    // The site's folder from the config's, which globs start with.
    let site_prefix = site_root
        .strip_prefix(root)
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    for entry in entries(&tree) {
        let values = entry.values;
        let path = join(&site_prefix, &entry.path);
        let kind = entry.kind;
        let view = json_view::view(values, Some(&anchors));
        for compiled in schemas {
            if !reaches(&compiled.declared, &path, kind) {
                continue;
            }
            // The values are judged as a front matter that holds them:
            // only a value's own violations, not what the mapping lacks
            // or keys the schema does not name (a document may set them).
            let refused = validate(&compiled.validator, &view)
                .into_iter()
                .find(|v| !v.instance.is_empty());
            if let Some(v) = refused {
                let steps = pointer::walk(values, &v.instance);
                let node = steps.last().map_or(values, |s| s.node);
                let written = text[node.span.clone()].trim();
                let key = pointer::tokens(&v.instance).next().unwrap_or_default();
                let (line, col) = line_col(&text, node.span.start);
                return Err(format!(
                    "{shown}:{line}:{col}: `defaults` gives `{key}` a value schema `{}` refuses: {}",
                    compiled.declared.name,
                    reason(&v, written)
                ));
            }
        }
    }
    Ok(())
}

/// One `defaults:` entry of a `_config.yml`: its scope's `path` (from
/// the site's folder) and `type`, and its `values` mapping.
pub struct Entry<'a> {
    pub path: String,
    pub kind: Option<&'a str>,
    pub values: &'a Node,
}

/// The `defaults:` entries of a `_config.yml` read as `tree`, those whose
/// `values` is a mapping.
pub fn entries(tree: &Node) -> Vec<Entry<'_>> {
    let Some(NodeKind::Sequence(items)) = get(tree, "defaults").map(|n| &n.kind) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let values = get(item, "values")?;
            if !matches!(values.kind, NodeKind::Mapping(_)) {
                return None;
            }
            let scope = get(item, "scope");
            let path = scope.and_then(|s| get(s, "path")).map_or("", scalar);
            Some(Entry {
                path: path.trim_start_matches("./").trim_matches('/').to_string(),
                kind: scope.and_then(|s| get(s, "type")).map(scalar),
                values,
            })
        })
        .collect()
}

/// Why a value is refused, in words.
fn reason(v: &Violation, written: &str) -> String {
    match &v.kind {
        Kind::Type { expected } => format!(
            "`{written}` is not of type {}",
            expected.trim_matches(|c| c == '[' || c == ']' || c == '"')
        ),
        Kind::Enum { allowed } => {
            let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
            format!("`{written}` is not one of {}", list.join(", "))
        }
        Kind::Reference => v.message.clone(),
        _ => format!("`{written}` {}", v.message),
    }
}

/// The value of `key` in a mapping node (the last pair, as Psych keeps).
fn get<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    pointer::child(node, key).map(|s| s.node)
}

/// A scalar node's text, unquoted.
fn scalar(node: &Node) -> &str {
    match &node.kind {
        NodeKind::Scalar { text, .. } => text.as_str(),
        _ => "",
    }
}

/// `path` below `prefix`, both `/`-separated, without `./` or slashes at
/// the ends.
fn join(prefix: &str, path: &str) -> String {
    let path = path.trim_start_matches("./").trim_matches('/');
    match (prefix.trim_matches('/'), path) {
        ("", p) => p.to_string(),
        (pre, "") => pre.to_string(),
        (pre, p) => format!("{pre}/{p}"),
    }
}

/// Whether the documents of a `defaults:` scope (`path` from the config's
/// folder, `kind`) may be ones the schema `declared` applies to: one path
/// inside the other, and the same type when both name one. A `files` glob
/// is taken by its folder up to its first wildcard.
fn reaches(declared: &Declared, path: &str, kind: Option<&str>) -> bool {
    let related = |a: &str, b: &str| {
        let (a, b) = (a.trim_matches('/'), b.trim_matches('/'));
        a.is_empty()
            || b.is_empty()
            || a == b
            || a.strip_prefix(b).is_some_and(|r| r.starts_with('/'))
            || b.strip_prefix(a).is_some_and(|r| r.starts_with('/'))
    };
    if let Some((scope, want)) = &declared.scope {
        let types = match (want.as_deref(), kind) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        return types && related(scope.trim_start_matches("./"), path);
    }
    declared.files.iter().any(|glob| {
        let glob = glob.trim_start_matches("./");
        let literal = &glob[..glob.find(['*', '?', '[', '{']).unwrap_or(glob.len())];
        let folder = literal.rsplit_once('/').map_or("", |(f, _)| f);
        // A glob in `_posts` (or `_drafts`, or a collection's `_<label>`)
        // names documents of that type.
        let folder_type = folder
            .split('/')
            .rev()
            .find_map(|part| part.strip_prefix('_'))
            .map(|label| if label == "drafts" { "posts" } else { label });
        let types = match (folder_type, kind) {
            (Some(a), Some(b)) => a == b || (a == "posts" && b == "drafts"),
            _ => true,
        };
        types && related(folder, path)
    })
}
