//! The `schema` family: front matter checked against the schemas
//! `[[schema]]` in `postlint.toml` declares, each finding where it is
//! written. The schemas are read and compiled once per run, before any
//! post, by the caller ([`Loaded`]); the rules read no file.

use std::path::Path;
use std::sync::Arc;

use crate::model::jekyll::site::Site;
use crate::model::schema::document::Document;

pub mod place;
pub mod reference;
pub mod required;
pub mod unknown_key;
pub mod value;
pub mod wrong_type;

rules! {
    "schema-wrong-type" => post wrong_type,
    "schema-required" => post required,
    "schema-unknown-key" => post unknown_key,
    "schema-value" => post value,
    "schema-reference" => post reference,
}

/// One `[[schema]]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    pub name: String,
    /// The schema file, relative to the config's folder.
    pub schema: String,
    /// `files`: globs of the documents, relative to the config's folder.
    pub files: Vec<String>,
    /// `scope`: a Jekyll `defaults:` scope, `path` and `type`.
    pub scope: Option<(String, Option<String>)>,
}

/// A schema file read for the run: its path as shown, its `file://` URI,
/// its text's tree (for places) and its text.
#[derive(Clone, Debug)]
pub struct SchemaFile {
    pub shown: String,
    pub uri: String,
    pub document: Document,
    pub text: String,
}

/// One declared schema, compiled.
pub struct Compiled {
    pub declared: Declared,
    pub validator: jsonschema::Validator,
    pub globs: globset::GlobSet,
}

/// Every declared schema, compiled, with the files they read.
pub struct Loaded {
    pub schemas: Vec<Compiled>,
    /// Every schema file (the declared ones and those their `$ref`s reach).
    pub files: Vec<SchemaFile>,
    /// The folder the `files` globs are relative to.
    pub root: std::path::PathBuf,
    /// A hash of every file read (schemas and `_data`), for the cache key.
    pub digest: String,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loaded({})", self.digest)
    }
}

/// `[[schema]]` and the schemas read.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub declared: Vec<Declared>,
    pub loaded: Option<Arc<Loaded>>,
}

impl Loaded {
    /// The schema of the document at `path` and why: the most specific
    /// match, then the later table, as Jekyll picks `defaults:`.
    pub fn schema_for(&self, path: &Path, site: &Site) -> Option<(&Compiled, String)> {
        let from_root = path.strip_prefix(&self.root).unwrap_or(path);
        let from_root = from_root.to_string_lossy().replace('\\', "/");
        let from_root = from_root.trim_start_matches("./");
        let relative = site.relative(path);
        let kind = document_type(&relative, site);
        let mut best: Option<(usize, &Compiled, String)> = None;
        for compiled in &self.schemas {
            let d = &compiled.declared;
            let found = if let Some((scope, want)) = &d.scope {
                let scope = scope.trim_start_matches("./").trim_matches('/');
                let in_path = scope.is_empty()
                    || relative == scope
                    || relative.starts_with(&format!("{scope}/"));
                let of_type = want.as_deref().is_none_or(|w| w == kind);
                (in_path && of_type).then(|| {
                    let rank = 2 * scope.split('/').filter(|s| !s.is_empty()).count()
                        + usize::from(want.is_some());
                    let why = format!(
                        "scope path `{scope}`{}",
                        want.as_deref()
                            .map(|w| format!(", type `{w}`"))
                            .unwrap_or_default()
                    );
                    (rank, why)
                })
            } else {
                let matched = compiled.globs.matches(from_root);
                matched.first().map(|&i| {
                    let glob = &d.files[i];
                    let literal = glob
                        .split('/')
                        .take_while(|s| !s.contains(['*', '?', '[', '{']));
                    (2 * literal.count(), format!("`files` glob `{glob}`"))
                })
            };
            if let Some((rank, why)) = found
                && best.as_ref().is_none_or(|(r, ..)| rank >= *r)
            {
                best = Some((rank, compiled, why));
            }
        }
        best.map(|(_, c, why)| (c, format!("schema `{}` ({why})", c.declared.name)))
    }

    /// The schema file at `uri`.
    pub fn file(&self, uri: &str) -> Option<&SchemaFile> {
        self.files.iter().find(|f| f.uri == uri)
    }
}

/// A document's type as `defaults:` scopes name it: `posts`, `drafts`, a
/// collection's label, or `pages`.
pub fn document_type<'a>(relative: &str, site: &'a Site) -> &'a str {
    let parts: Vec<&str> = relative.split('/').collect();
    let has = |folder: &str| parts[..parts.len().saturating_sub(1)].contains(&folder);
    if has("_posts") {
        return "posts";
    }
    if has("_drafts") {
        return "drafts";
    }
    for c in &site.collections {
        if has(&format!("_{}", c.label)) {
            return &c.label;
        }
    }
    "pages"
}
