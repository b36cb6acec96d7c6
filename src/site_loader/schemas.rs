//! Reading the schemas `[[schema]]` declares, once per run: each schema
//! file, the local files its `$ref`s reach, the `_data` files its
//! `jekyllData` names and the documents `jekyllDocument` names; then
//! compiling them. A file that is missing or does not parse, a remote
//! `$ref`, a schema invalid against its meta-schema and a refused pattern
//! are errors placed at their line and column.

mod digest;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::model::schema::compile::{Failure, compile};
use crate::model::schema::document::{self, line_col};
use crate::model::schema::keywords::SiteData;
use crate::model::schema::pointer;
use crate::rules::schema::{Compiled, Declared, Loaded, SchemaFile};

/// A problem with a schema or a file it names: `FILE:LINE:COL: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError(pub String);

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

struct Reading {
    root: PathBuf,
    files: Vec<(SchemaFile, String)>,
    hasher: std::collections::hash_map::DefaultHasher,
    /// What each schema file reaches and names, for each schema's digest.
    digests: digest::Digests,
}

fn shown(root: &Path, path: &Path) -> String {
    let p = path.strip_prefix(root).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

fn uri_of(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    url::Url::from_file_path(&abs)
        .map(String::from)
        .unwrap_or_else(|_| format!("file://{}", abs.display()))
}

fn at(shown: &str, text: &str, offset: usize, message: &str) -> SchemaError {
    let (line, col) = line_col(text, offset);
    SchemaError(format!("{shown}:{line}:{col}: {message}"))
}

impl Reading {
    /// Read the schema file at `path` and, through their `$ref`s, the
    /// files it reaches; its URI.
    fn read(
        &mut self,
        path: &Path,
        from: Option<(&str, &str, usize)>,
    ) -> Result<String, SchemaError> {
        let uri = uri_of(path);
        if self.files.iter().any(|(f, _)| f.uri == uri) {
            return Ok(uri);
        }
        let shown_path = shown(&self.root, path);
        let text = std::fs::read_to_string(path).map_err(|e| match from {
            Some((file, text, offset)) => at(
                file,
                text,
                offset,
                &format!("cannot read `{shown_path}`: {e}"),
            ),
            None => SchemaError(format!("{shown_path}: cannot read the schema: {e}")),
        })?;
        text.hash(&mut self.hasher);
        self.digests.file(&uri, &text);
        let json = path.extension().is_some_and(|e| e == "json");
        let doc = document::parse(&text, json)
            .map_err(|p| at(&shown_path, &text, p.offset, &p.message))?;
        let mut refs = Vec::new();
        collect_refs(&doc.value, "", &mut refs);
        self.files.push((
            SchemaFile {
                shown: shown_path.clone(),
                uri: uri.clone(),
                document: doc,
                text: text.clone(),
            },
            text.clone(),
        ));
        for (pointer_to, target) in refs {
            let file_part = target.split('#').next().unwrap_or_default();
            if file_part.is_empty() {
                continue;
            }
            let offset = self.offset(&uri, &pointer_to);
            if file_part.contains("://") || file_part.starts_with("urn:") {
                return Err(at(
                    &shown_path,
                    &text,
                    offset,
                    &format!("`$ref` to `{file_part}` is remote: postlint reads only local files"),
                ));
            }
            let next = path.parent().unwrap_or(Path::new(".")).join(file_part);
            let to = self.read(&next, Some((&shown_path, &text, offset)))?;
            self.digests.reference(&uri, &to);
        }
        Ok(uri)
    }

    /// The byte offset of `pointer_to` in the file at `uri`.
    fn offset(&self, uri: &str, pointer_to: &str) -> usize {
        let Some((file, _)) = self.files.iter().find(|(f, _)| f.uri == uri) else {
            return 0;
        };
        let Some(root) = &file.document.root else {
            return 0;
        };
        let steps = pointer::walk(root, pointer_to);
        steps.last().map_or(0, |s| s.node.span.start)
    }

    /// The byte offset of the key that leads to `pointer_to` in the file
    /// at `uri`, else of its value.
    fn key_offset(&self, uri: &str, pointer_to: &str) -> usize {
        let key = self
            .files
            .iter()
            .find(|(f, _)| f.uri == uri)
            .and_then(|(file, _)| {
                let steps = pointer::walk(file.document.root.as_ref()?, pointer_to);
                Some(steps.last()?.key?.span.start)
            });
        key.unwrap_or_else(|| self.offset(uri, pointer_to))
    }

    fn fail(&self, failure: &Failure) -> SchemaError {
        match self.files.iter().find(|(f, _)| f.uri == failure.uri) {
            Some((file, text)) => at(
                &file.shown,
                text,
                if failure.at_key {
                    self.key_offset(&file.uri, &failure.pointer)
                } else {
                    self.offset(&file.uri, &failure.pointer)
                },
                &failure.message,
            ),
            None => SchemaError(format!("{}: {}", failure.uri, failure.message)),
        }
    }
}

/// Every `$ref` of a schema: where it is, and what it names.
fn collect_refs(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    let escape = |k: &str| k.replace('~', "~0").replace('/', "~1");
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{at}/{}", escape(k));
                match (k.as_str(), v) {
                    ("$ref", Value::String(target)) => out.push((here, target.clone())),
                    ("enum" | "const" | "default" | "examples", _) => {}
                    _ => collect_refs(v, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_refs(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Every value of `keyword` in a schema, with where it is.
fn collect_keyword(value: &Value, keyword: &str, at: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                if k == keyword {
                    out.push((here.clone(), v.clone()));
                } else if !matches!(k.as_str(), "enum" | "const" | "default" | "examples") {
                    collect_keyword(v, keyword, &here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_keyword(v, keyword, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Read and compile the declared schemas; `root` is the config's folder.
pub fn load(declared: &[Declared], root: &Path) -> Result<Loaded, SchemaError> {
    let mut reading = Reading {
        root: root.to_path_buf(),
        files: Vec::new(),
        hasher: Default::default(),
        digests: Default::default(),
    };
    let mut mains = Vec::new();
    for d in declared {
        mains.push(reading.read(&root.join(&d.schema), None)?);
    }
    // What the keywords name, read from the Jekyll site of the config's
    // folder (its `_config.yml` there or above: `collections_dir` moves the
    // collections), else from that folder.
    let jekyll = super::find(root, &mut Vec::new()).unwrap_or_default();
    let site_root = jekyll.root.clone().unwrap_or_else(|| root.to_path_buf());
    let mut site = SiteData::default();
    let mut data_names = BTreeSet::new();
    let mut collections = BTreeSet::new();
    for (file, text) in &reading.files {
        let mut found = Vec::new();
        collect_keyword(&file.document.value, "jekyllData", "", &mut found);
        for (at_pointer, spec) in found {
            let name = match &spec {
                Value::String(n) => n.clone(),
                Value::Object(o) => o
                    .get("file")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                _ => String::new(),
            };
            let file_name = name.split('.').next().unwrap_or_default().to_string();
            reading.digests.names_data(&file.uri, &file_name);
            data_names.insert((
                file_name,
                file.shown.clone(),
                text.clone(),
                reading.offset(&file.uri, &at_pointer),
            ));
        }
        let mut docs = Vec::new();
        collect_keyword(&file.document.value, "jekyllDocument", "", &mut docs);
        for label in docs.iter().filter_map(|(_, v)| v.as_str()) {
            reading.digests.names_collection(&file.uri, label);
            collections.insert(label.to_string());
        }
    }
    for (name, shown_in, text, offset) in data_names {
        if site.data.contains_key(&name) {
            continue;
        }
        let candidates =
            ["yml", "yaml", "json"].map(|e| site_root.join("_data").join(format!("{name}.{e}")));
        let Some(path) = candidates.iter().find(|p| p.is_file()) else {
            return Err(at(
                &shown_in,
                &text,
                offset,
                &format!("`jekyllData` names `_data/{name}.yml`, which does not exist"),
            ));
        };
        let data_text = std::fs::read_to_string(path).map_err(|e| {
            at(
                &shown_in,
                &text,
                offset,
                &format!("cannot read `{}`: {e}", shown(root, path)),
            )
        })?;
        data_text.hash(&mut reading.hasher);
        reading.digests.data(&name, &shown(root, path), &data_text);
        let json = path.extension().is_some_and(|e| e == "json");
        let doc = document::parse(&data_text, json)
            .map_err(|p| at(&shown(root, path), &data_text, p.offset, &p.message))?;
        site.data.insert(name, doc.value);
    }
    for label in collections {
        let mut names = Vec::new();
        list_documents(
            &site_root.join(jekyll.collection_folder(&label)),
            &mut names,
        );
        names.sort();
        names.hash(&mut reading.hasher);
        reading.digests.collection(&label, &names);
        site.documents.insert(label, names);
    }
    let site = Arc::new(site);
    let others: BTreeMap<String, Value> = reading
        .files
        .iter()
        .map(|(f, _)| (f.uri.clone(), f.document.value.clone()))
        .collect();
    let mut schemas = Vec::new();
    for (d, uri) in declared.iter().zip(&mains) {
        let value = &reading
            .files
            .iter()
            .find(|(f, _)| &f.uri == uri)
            .expect("read")
            .0
            .document
            .value;
        let validator = compile(uri, value, &others, &site).map_err(|f| reading.fail(&f))?;
        let mut globs = globset::GlobSetBuilder::new();
        for g in &d.files {
            if let Ok(glob) = globset::Glob::new(g) {
                globs.add(glob);
            }
        }
        let typed_keys = typed_keys(value);
        schemas.push(Compiled {
            declared: d.clone(),
            uri: uri.clone(),
            digest: reading.digests.of(uri),
            typed_keys,
            validator,
            globs: globs.build().unwrap_or_else(|_| globset::GlobSet::empty()),
        });
    }
    super::schema_defaults::check(&site_root, root, &schemas).map_err(SchemaError)?;
    Ok(Loaded {
        schemas,
        digest: format!("{:016x}", reading.hasher.finish()),
        files: reading.files.into_iter().map(|(f, _)| f).collect(),
        root: root.to_path_buf(),
        site,
    })
}

/// The top-level keys `schema` types: those under `properties` with a
/// `type`, `yamlType`, `enum`, `const` or `format`.
fn typed_keys(schema: &serde_json::Value) -> Vec<String> {
    let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) else {
        return Vec::new();
    };
    properties
        .iter()
        .filter(|(_, p)| {
            ["type", "yamlType", "enum", "const", "format"]
                .iter()
                .any(|k| p.get(*k).is_some())
        })
        .map(|(k, _)| k.clone())
        .collect()
}

/// The documents under `dir`, named as `post_url` names them: the path
/// below the folder without its extension.
fn list_documents(dir: &Path, out: &mut Vec<String>) {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else if let Ok(rel) = path.with_extension("").strip_prefix(base) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    walk(dir, dir, out);
}
