//! `[[schema]]`: which schema applies to which documents. The files are
//! read later, once per run (see `site_loader::schemas`).

use toml::Spanned;
use toml::de::DeValue;

use super::ConfigError;
use super::reader::Reader;
use crate::rules::schema::Declared;

/// The `[[schema]]` tables, each checked at its span.
pub(super) fn read(
    reader: &Reader,
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<Declared>, ConfigError> {
    let DeValue::Array(tables) = value.get_ref() else {
        return reader.fail(
            value.span(),
            "expected `[[schema]]` tables",
            Some("write each schema as a `[[schema]]` table with `name`, `schema` and `files` or `scope`"),
        );
    };
    tables.iter().map(|t| one(reader, t)).collect()
}

fn one(reader: &Reader, value: &Spanned<DeValue<'_>>) -> Result<Declared, ConfigError> {
    let table = reader.table(value)?;
    let mut declared = Declared {
        name: String::new(),
        schema: String::new(),
        files: Vec::new(),
        scope: None,
    };
    for (key, v) in table.iter() {
        match key.get_ref().as_ref() {
            "name" => declared.name = reader.string(v)?.to_string(),
            "schema" => declared.schema = reader.string(v)?.to_string(),
            "files" => declared.files = reader.globs(v)?,
            "scope" => {
                let scope = reader.table(v)?;
                let mut path = String::new();
                let mut kind = None;
                for (k, sv) in scope.iter() {
                    match k.get_ref().as_ref() {
                        "path" => path = reader.string(sv)?.to_string(),
                        "type" => kind = Some(reader.string(sv)?.to_string()),
                        other => {
                            return reader.fail(
                                k.span(),
                                format!("unknown key `{other}` in `scope`"),
                                Some("a scope has `path` and `type`, as in `defaults:`"),
                            );
                        }
                    }
                }
                declared.scope = Some((path, kind));
            }
            other => {
                return reader.fail(
                    key.span(),
                    format!("unknown key `{other}` in `[[schema]]`"),
                    Some("a `[[schema]]` table has `name`, `schema`, `files` and `scope`"),
                );
            }
        }
    }
    if declared.schema.is_empty() {
        return reader.fail(value.span(), "`[[schema]]` names no `schema` file", None);
    }
    if declared.files.is_empty() == declared.scope.is_none() {
        return reader.fail(
            value.span(),
            "`[[schema]]` needs either `files` or `scope`",
            Some("give `files = [\"_posts/**\"]` or `scope = { path = \"_posts\" }`"),
        );
    }
    if declared.name.is_empty() {
        declared.name = declared.schema.clone();
    }
    Ok(declared)
}
