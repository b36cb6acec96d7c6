//! The `schema` family: front matter checked against the schemas
//! `[[schema]]` in `postlint.toml` declares, each finding where it is
//! written. The schemas are read and compiled once per run, before any
//! post, by the caller ([`Loaded`]); the rules read no file.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

use crate::model::jekyll::site::Site;
use crate::model::schema::assist::Assist;
use crate::model::schema::assist::navigate::{At, Files};
use crate::model::schema::document::Document;
use crate::model::schema::keywords::SiteData;

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
    /// The schema file's `file://` URI, which its `$ref`s resolve against.
    pub uri: String,
    /// A hash of the schema file, the files its `$ref`s reach and the
    /// `_data` files and collections their keywords name: a post's cache
    /// key holds its own schema's digest alone.
    pub digest: String,
    pub validator: jsonschema::Validator,
    pub globs: globset::GlobSet,
    /// The top-level keys the schema types (`type`, `yamlType`, `enum`,
    /// `const` or `format` under `properties`): the front matter rules
    /// leave their types to the schema.
    pub typed_keys: Vec<String>,
}

/// Every declared schema, compiled, with the files they read.
pub struct Loaded {
    pub schemas: Vec<Compiled>,
    /// Every schema file (the declared ones and those their `$ref`s reach).
    pub files: Vec<SchemaFile>,
    /// The folder the `files` globs are relative to.
    pub root: std::path::PathBuf,
    /// A hash of every file read (schemas and `_data`): it names the
    /// schemas' content in memos of this run. The cache key holds each
    /// post's own schema's [`Compiled::digest`] instead.
    pub digest: String,
    /// The `_data` files and collection documents the keywords name.
    pub site: Arc<SiteData>,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the digest: the settings' fingerprint prints this, and a post
        // is checked again only when its own schema changes.
        write!(f, "Loaded({} schemas)", self.schemas.len())
    }
}

/// `[[schema]]` and the schemas read.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub declared: Vec<Declared>,
    pub loaded: Option<Arc<Loaded>>,
}

impl Files for Loaded {
    fn file(&self, uri: &str) -> Option<(&str, &serde_json::Value)> {
        (self.files.iter())
            .find(|f| f.uri == uri)
            .map(|f| (f.uri.as_str(), &f.document.value))
    }
}

impl Loaded {
    /// What an editor reads `compiled`'s schema with: completion and hover.
    pub fn assist<'a>(&'a self, compiled: &'a Compiled) -> Option<Assist<'a>> {
        let (uri, value) = Files::file(self, &compiled.uri)?;
        Some(Assist {
            files: self,
            root: At { uri, value },
            data: &self.site,
        })
    }

    /// The schema of the document at `path` and why (the scope or glob
    /// that picked it): the most specific match, then the later table, as
    /// Jekyll picks `defaults:`.
    pub fn schema_for(&self, path: &Path, site: &Site) -> Option<(&Compiled, String)> {
        let (compiled, why) = self.best(path, site, true)?;
        Some((compiled, why?))
    }

    /// The schema of the document at `path`, as [`Loaded::schema_for`]
    /// picks it.
    pub fn schema_of(&self, path: &Path, site: &Site) -> Option<&Compiled> {
        self.best(path, site, false).map(|(c, _)| c)
    }

    /// The best match for `path`, with why (in words) when `why` is asked.
    fn best(&self, path: &Path, site: &Site, why: bool) -> Option<(&Compiled, Option<String>)> {
        let from_root = path.strip_prefix(&self.root).unwrap_or(path);
        let from_root = match from_root.to_str() {
            Some(s) if !s.contains('\\') => Cow::Borrowed(s),
            _ => Cow::Owned(from_root.to_string_lossy().replace('\\', "/")),
        };
        let from_root = globset::Candidate::new(from_root.trim_start_matches("./"));
        // What a `scope` is matched against, made only when one is declared.
        let scoped = OnceCell::new();
        let scoped = || {
            scoped.get_or_init(|| {
                let relative = site.relative(path);
                let kind = document_type(&relative, site);
                (relative, kind)
            })
        };
        let mut best: Option<(usize, &Compiled, usize)> = None;
        for compiled in &self.schemas {
            let d = &compiled.declared;
            // The rank, and which glob matched.
            let found = if let Some((scope, want)) = &d.scope {
                let (relative, kind) = scoped();
                let scope = scope.trim_start_matches("./").trim_matches('/');
                let in_path = scope.is_empty()
                    || relative == scope
                    || relative
                        .strip_prefix(scope)
                        .is_some_and(|rest| rest.starts_with('/'));
                let of_type = want.as_deref().is_none_or(|w| w == *kind);
                (in_path && of_type).then(|| {
                    let rank = 2 * scope.split('/').filter(|s| !s.is_empty()).count()
                        + usize::from(want.is_some());
                    (rank, 0)
                })
            } else {
                let matched = compiled.globs.matches_candidate(&from_root);
                matched.first().map(|&i| {
                    let literal = d.files[i]
                        .split('/')
                        .take_while(|s| !s.contains(['*', '?', '[', '{']));
                    (2 * literal.count(), i)
                })
            };
            if let Some((rank, glob)) = found
                && best.as_ref().is_none_or(|(r, ..)| rank >= *r)
            {
                best = Some((rank, compiled, glob));
            }
        }
        let (_, compiled, glob) = best?;
        let d = &compiled.declared;
        let why = why.then(|| match &d.scope {
            Some((scope, want)) => format!(
                "scope path `{}`{}",
                scope.trim_start_matches("./").trim_matches('/'),
                want.as_deref()
                    .map(|w| format!(", type `{w}`"))
                    .unwrap_or_default()
            ),
            None => format!("`files` glob `{}`", d.files[glob]),
        });
        Some((compiled, why))
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
