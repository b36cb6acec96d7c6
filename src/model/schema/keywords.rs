//! postlint's keywords and formats on the validator: `yamlType`,
//! `jekyllData`, `jekyllDocument`, the format `jekyll-date`, and the
//! dialect rule (a YAML date satisfies `type: string` only where the same
//! subschema asks for a date).
//!
//! The validator sees JSON. The Psych type of the few values whose JSON
//! does not tell it (dates, timestamps; see [`super::json_view`]) is kept
//! while one document is validated, by the address of its JSON value in
//! the tree being validated (which does not move meanwhile), in a
//! thread-local table: [`with_types`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use jsonschema::{Keyword, ValidationError};
use serde_json::{Map, Value};

use crate::model::front_matter::scalar::Scalar;

thread_local! {
    static TYPES: RefCell<foldhash::HashMap<usize, Scalar>> = RefCell::default();
}

/// The internal keyword the dialect rule is added to a schema as.
pub const NOT_A_DATE: &str = "postlintNotADate";

/// The formats that ask for a date.
const DATE_FORMATS: &[&str] = &["date", "date-time", "jekyll-date"];

/// Run `f` with the Psych types of `special` (JSON pointers into `value`)
/// known to the keywords.
pub fn with_types<R>(value: &Value, special: &[(String, Scalar)], f: impl FnOnce() -> R) -> R {
    TYPES.with(|t| {
        let mut t = t.borrow_mut();
        t.clear();
        for (pointer, kind) in special {
            if let Some(v) = value.pointer(pointer) {
                t.insert(v as *const Value as usize, kind.clone());
            }
        }
    });
    let out = f();
    TYPES.with(|t| t.borrow_mut().clear());
    out
}

/// The Psych type name of a JSON value of the document being validated.
pub fn yaml_type(value: &Value) -> &'static str {
    let special = TYPES.with(|t| t.borrow().get(&(value as *const Value as usize)).cloned());
    match (special, value) {
        (Some(Scalar::Date), _) => "date",
        (Some(Scalar::Timestamp), _) => "timestamp",
        (Some(Scalar::Int), _) => "integer",
        (Some(_), _) => "float",
        (None, Value::Null) => "null",
        (None, Value::Bool(_)) => "boolean",
        (None, Value::Number(n)) if n.is_f64() => "float",
        (None, Value::Number(_)) => "integer",
        (None, Value::String(_)) => "string",
        (None, Value::Array(_)) => "sequence",
        (None, Value::Object(_)) => "mapping",
    }
}

/// The names `yamlType` takes.
pub const YAML_TYPES: &[&str] = &[
    "null",
    "boolean",
    "integer",
    "float",
    "date",
    "timestamp",
    "string",
    "sequence",
    "mapping",
];

/// Add the dialect rule to every subschema of `schema` that allows a
/// string without asking for a date.
pub fn add_dialect_rule(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let allows_string = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            let asks_for_date = map.contains_key("yamlType")
                || map
                    .get("format")
                    .and_then(Value::as_str)
                    .is_some_and(|f| DATE_FORMATS.contains(&f));
            if allows_string && !asks_for_date {
                map.insert(NOT_A_DATE.to_string(), Value::Bool(true));
            }
            for (key, value) in map.iter_mut() {
                // The values of these are data, not subschemas.
                if !matches!(key.as_str(), "enum" | "const" | "default" | "examples") {
                    add_dialect_rule(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(add_dialect_rule),
        _ => {}
    }
}

struct NotADate;

impl<'i> Keyword<'i> for NotADate {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        if self.is_valid(instance) {
            return Ok(());
        }
        Err(ValidationError::custom(format!(
            "{} is a {}, not a string, as Jekyll reads it",
            instance,
            yaml_type(instance)
        )))
    }
    fn is_valid(&self, instance: &'i Value) -> bool {
        !matches!(yaml_type(instance), "date" | "timestamp")
    }
}

struct YamlType(Vec<String>);

impl<'i> Keyword<'i> for YamlType {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        if self.is_valid(instance) {
            return Ok(());
        }
        let article = |t: &str| match t {
            "null" => "null".to_string(),
            "integer" => "an integer".to_string(),
            other => format!("a {other}"),
        };
        let wanted: Vec<String> = self.0.iter().map(|t| article(t)).collect();
        Err(ValidationError::custom(format!(
            "is {}, not {}",
            article(yaml_type(instance)),
            wanted.join(" or ")
        )))
    }
    fn is_valid(&self, instance: &'i Value) -> bool {
        let t = yaml_type(instance);
        self.0.iter().any(|w| w == t)
    }
}

/// What a `jekyllData` or `jekyllDocument` value may be: the keys of a
/// `_data` file (or the ids of its records), the documents of a collection.
struct Names {
    what: String,
    names: Arc<Vec<String>>,
}

impl<'i> Keyword<'i> for Names {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        match instance {
            Value::Array(items) => match items.iter().find(|i| !self.allows(i)) {
                Some(bad) => Err(self.error(bad)),
                None => Ok(()),
            },
            other if self.allows(other) => Ok(()),
            other => Err(self.error(other)),
        }
    }
    fn is_valid(&self, instance: &'i Value) -> bool {
        match instance {
            Value::Array(items) => items.iter().all(|i| self.allows(i)),
            other => self.allows(other),
        }
    }
}

/// Whether `value` is one of `names` (sorted), as `jekyllData` and
/// `jekyllDocument` judge it: a string as it is, null always, anything else
/// as its JSON.
pub fn names_allow(names: &[String], value: &Value) -> bool {
    match value {
        Value::String(s) => names.binary_search(s).is_ok(),
        Value::Null => true,
        other => names.binary_search(&other.to_string()).is_ok(),
    }
}

impl Names {
    fn allows(&self, value: &Value) -> bool {
        names_allow(&self.names, value)
    }
    fn error(&self, value: &Value) -> ValidationError<'static> {
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        ValidationError::custom(format!("`{text}` is not {}", self.what))
    }
}

/// What the keywords read: each `_data` file named by a schema, as JSON,
/// by name (`authors` for `_data/authors.yml`), and each collection's
/// document names (as `post_url` names a post).
#[derive(Clone, Debug, Default)]
pub struct SiteData {
    pub data: BTreeMap<String, Value>,
    pub documents: BTreeMap<String, Vec<String>>,
}

/// The names a `jekyllData` value allows: `authors` (the keys of
/// `_data/authors.yml`, or the items of a list), `nav.main` (a mapping
/// inside one), `{file, key}` (the `key` field of each record of a list).
pub fn data_names(data: &SiteData, spec: &Value) -> Result<Vec<String>, String> {
    let (at, field) = data_at(data, spec)?;
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut names: Vec<String> = match (at, field) {
        (Value::Object(map), None) => map.keys().cloned().collect(),
        (Value::Array(items), None) => items.iter().map(text).collect(),
        (Value::Array(items), Some(field)) => items
            .iter()
            .filter_map(|i| i.get(field))
            .map(text)
            .collect(),
        (Value::Object(map), Some(field)) => map
            .values()
            .filter_map(|i| i.get(field))
            .map(text)
            .collect(),
        _ => {
            let name = (spec.as_str())
                .or_else(|| spec.get("file").and_then(Value::as_str))
                .unwrap_or_default();
            return Err(format!("`_data/{name}` is neither a mapping nor a list"));
        }
    };
    names.sort();
    names.dedup();
    Ok(names)
}

/// The `_data` entry `name` names under a `jekyllData` spec: the value of
/// its key, or the record whose key field it is.
pub fn data_entry<'a>(data: &'a SiteData, spec: &Value, name: &str) -> Option<&'a Value> {
    let (at, field) = data_at(data, spec).ok()?;
    let is = |v: &Value| match v {
        Value::String(s) => s == name,
        other => {
            let text = other.to_string();
            text == name
        }
    };
    match (at, field) {
        (Value::Object(map), None) => map.get(name),
        (Value::Array(items), None) => items.iter().find(|i| is(i)),
        (Value::Array(items), Some(field)) => items.iter().find(|i| i.get(field).is_some_and(is)),
        (Value::Object(map), Some(field)) => map.values().find(|i| i.get(field).is_some_and(is)),
        _ => None,
    }
}

/// What a `jekyllData` spec reads: the mapping or list in `_data` it
/// names, and the key field of its records (`{file, key}`).
fn data_at<'a, 's>(
    data: &'a SiteData,
    spec: &'s Value,
) -> Result<(&'a Value, Option<&'s str>), String> {
    let (name, field) = match spec {
        Value::String(name) => (name.as_str(), None),
        Value::Object(o) => match (o.get("file").and_then(Value::as_str), o.get("key")) {
            (Some(file), Some(Value::String(key))) => (file, Some(key.as_str())),
            _ => return Err("`jekyllData` takes a name or `{file, key}`".into()),
        },
        _ => return Err("`jekyllData` takes a name or `{file, key}`".into()),
    };
    let mut parts = name.split('.');
    let file = parts.next().unwrap_or_default();
    let mut at = data
        .data
        .get(file)
        .ok_or_else(|| format!("no `_data/{file}` file"))?;
    for part in parts {
        at = at
            .get(part)
            .ok_or_else(|| format!("`_data/{file}` has no `{part}`"))?;
    }
    Ok((at, field))
}

type Built = Box<dyn for<'i> Keyword<'i>>;

/// The validator's options with postlint's keywords and formats.
pub fn register(
    options: jsonschema::ValidationOptions<'static>,
    site: &Arc<SiteData>,
) -> jsonschema::ValidationOptions<'static> {
    let data = Arc::clone(site);
    let documents = Arc::clone(site);
    options
        .with_keyword(NOT_A_DATE, |_: &Map<String, Value>, _: &Value, _| {
            Ok(Box::new(NotADate) as Built)
        })
        .with_keyword("yamlType", |_: &Map<String, Value>, value: &Value, _| {
            let names: Vec<String> = match value {
                Value::String(s) => vec![s.clone()],
                Value::Array(a) => a
                    .iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect(),
                _ => Vec::new(),
            };
            if names.is_empty() || names.iter().any(|n| !YAML_TYPES.contains(&n.as_str())) {
                return Err(ValidationError::schema(format!(
                    "`yamlType` takes one of {}",
                    YAML_TYPES.join(", ")
                )));
            }
            Ok(Box::new(YamlType(names)) as Built)
        })
        .with_keyword(
            "jekyllData",
            move |_: &Map<String, Value>, value: &Value, _| {
                let names = data_names(&data, value).map_err(ValidationError::schema)?;
                let what = match value {
                    Value::String(n) => format!("a key of `_data/{n}`"),
                    _ => format!(
                        "the `{}` of an entry of `_data/{}`",
                        value.get("key").and_then(Value::as_str).unwrap_or_default(),
                        value
                            .get("file")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                    ),
                };
                Ok(Box::new(Names {
                    what,
                    names: Arc::new(names),
                }) as Built)
            },
        )
        .with_keyword(
            "jekyllDocument",
            move |_: &Map<String, Value>, value: &Value, _| {
                let label = value.as_str().unwrap_or_default();
                let names = documents.documents.get(label).ok_or_else(|| {
                    ValidationError::schema(format!("the site has no collection `{label}`"))
                })?;
                let mut names = names.clone();
                names.sort();
                Ok(Box::new(Names {
                    what: format!("a document of `{label}`"),
                    names: Arc::new(names),
                }) as Built)
            },
        )
        // What Jekyll reads as a date: Ruby's `Time.parse`, which takes
        // far more than ISO dates (`30 Nov 2022`, `2022/11/30`).
        .with_format("jekyll-date", |s: &str| {
            // The ISO forms first, which are most dates and cheap to read.
            crate::model::date::format::parse(s).is_ok()
                || crate::model::date::ruby_time::time::time_parse(s, &jiff::tz::TimeZone::UTC)
                    .is_ok()
        })
        .should_validate_formats(true)
}
