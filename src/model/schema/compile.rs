//! A schema compiled once for a run: the main file and the local files
//! its `$ref`s name (read beforehand by the caller: nothing here reads a
//! file), postlint's keywords, formats asserted in every draft, and
//! patterns on the linear-time `regex` engine, so that a pattern that would
//! backtrack (a lookaround, a backreference) is refused here.

use std::collections::BTreeMap;
use std::sync::Arc;

use jsonschema::{PatternOptions, Validator};
use serde_json::Value;

use super::keywords::{self, SiteData};

/// Why a schema does not compile: a message, at a JSON pointer into the
/// file `uri`; at the key there rather than its value when `at_key` (a
/// pattern of `patternProperties`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub uri: String,
    pub pointer: String,
    pub message: String,
    pub at_key: bool,
}

/// Serves the schema files read beforehand, by URI; refuses any other.
struct Preloaded(BTreeMap<String, Value>);

impl jsonschema::Retrieve for Preloaded {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let key = uri.as_str();
        let key = key.split('#').next().unwrap_or(key);
        self.0
            .get(key)
            .cloned()
            .ok_or_else(|| format!("`{key}` is not a local schema file").into())
    }
}

/// Compile the schema `schema` of the file at `uri` (a `file://` URI),
/// with `files` every other file its `$ref`s reach, by URI.
pub fn compile(
    uri: &str,
    schema: &Value,
    files: &BTreeMap<String, Value>,
    site: &Arc<SiteData>,
) -> Result<Validator, Failure> {
    let mut preloaded = BTreeMap::new();
    for (u, v) in files {
        let mut v = v.clone();
        keywords::add_dialect_rule(&mut v);
        preloaded.insert(u.clone(), v);
    }
    let mut main = schema.clone();
    keywords::add_dialect_rule(&mut main);
    let options = jsonschema::options()
        .with_base_uri(uri.to_string())
        .with_retriever(Preloaded(preloaded))
        .with_pattern_options(PatternOptions::regex());
    let options = keywords::register(options, site);
    options.build(&main).map_err(|e| {
        // Against the meta-schema, the instance is the schema; else the
        // error is about a keyword of the schema itself.
        let against_meta = e
            .absolute_keyword_location()
            .is_some_and(|at| !at.as_str().starts_with("file:"));
        let (file, pointer) = match e.absolute_keyword_location() {
            Some(at) if !against_meta => split(at.as_str()),
            _ => (uri.to_string(), e.instance_path().as_str().to_string()),
        };
        let at_key = pattern_key(&e, &pointer);
        Failure {
            uri: file,
            message: message(&e, &pointer),
            pointer,
            at_key,
        }
    })
}

/// A URI's file and fragment (a JSON pointer).
pub fn split(uri: &str) -> (String, String) {
    match uri.split_once('#') {
        Some((file, fragment)) => (
            file.to_string(),
            percent_encoding::percent_decode_str(fragment)
                .decode_utf8_lossy()
                .into_owned(),
        ),
        None => (uri.to_string(), String::new()),
    }
}

/// postlint's words for a schema error.
fn message(e: &jsonschema::ValidationError, pointer: &str) -> String {
    use jsonschema::error::ValidationErrorKind as K;
    match e.kind() {
        _ if pointer.ends_with("/type") => format!(
            "{} is not a type: use \"string\", \"number\", \"integer\", \"boolean\", \"array\", \"object\" or \"null\"",
            e.instance()
        ),
        K::Enum { options } => format!("{} is not one of {options}", e.instance()),
        K::Type { kind } => format!("{} is not of type {kind:?}", e.instance()).to_lowercase(),
        K::Custom { message, .. } => message.clone(),
        K::Format { format } if format == "regex" => {
            let pattern = match e.instance().as_ref() {
                Value::String(p) => p.clone(),
                other => other.to_string(),
            };
            match backtracks(&pattern) {
                Some(what) => format!(
                    "pattern `{pattern}` needs backtracking ({what}), which postlint refuses: no post may make a check slow"
                ),
                None => format!("pattern `{pattern}` is not a valid regular expression"),
            }
        }
        _ => {
            let text = e.to_string();
            text.split('\n').next().unwrap_or_default().to_string()
        }
    }
}

/// Whether `e` refuses a pattern of `patternProperties`, which is a key:
/// its meta-schema error names the value the key leads to.
fn pattern_key(e: &jsonschema::ValidationError, pointer: &str) -> bool {
    use jsonschema::error::ValidationErrorKind as K;
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return false;
    };
    matches!(e.kind(), K::Format { format } if format == "regex")
        && parent.ends_with("/patternProperties")
        && e.instance().as_str() == Some(&*last.replace("~1", "/").replace("~0", "~"))
}

/// What in `pattern` needs a backtracking engine: a backreference (`\1`,
/// `\k<name>`) or a lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`); none when
/// the pattern is refused for another reason.
fn backtracks(pattern: &str) -> Option<&'static str> {
    let bytes = pattern.as_bytes();
    let mut in_class = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                match bytes.get(i + 1) {
                    Some(b'1'..=b'9') if !in_class => return Some("a backreference"),
                    Some(b'k') if !in_class && bytes.get(i + 2) == Some(&b'<') => {
                        return Some("a backreference");
                    }
                    _ => {}
                }
                i += 2;
                continue;
            }
            b'[' => in_class = true,
            b']' => in_class = false,
            b'(' if !in_class => {
                let rest = &bytes[i + 1..];
                if [&b"?="[..], b"?!", b"?<=", b"?<!"]
                    .iter()
                    .any(|p| rest.starts_with(p))
                {
                    return Some("a lookaround");
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}
