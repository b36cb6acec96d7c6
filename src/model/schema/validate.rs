//! Validating one front matter's JSON view: every violation, as a kind,
//! the JSON pointer of the value, and the keyword's place in its schema
//! file. Of an `anyOf` or `oneOf` that fails, the branch that best matches
//! the value's type is reported, not every branch.

use jsonschema::error::ValidationErrorKind as K;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use super::compile::split;
use super::json_view::JsonView;
use super::keywords::{self, NOT_A_DATE};

/// What a violation is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `type`, or the dialect rule: the value's type.
    Type { expected: String },
    /// `required`: a key is missing.
    Required { key: String },
    /// `additionalProperties: false` (or `unevaluatedProperties`): keys
    /// the schema does not know.
    Unknown { keys: Vec<String> },
    /// `enum` or `const`: the allowed values.
    Enum { allowed: Vec<Value> },
    /// `format`, `pattern`, `yamlType`: the value's form.
    Format,
    /// `jekyllData`, `jekyllDocument`: a reference that names nothing.
    Reference,
    /// `uniqueItems`: a repeated item.
    Duplicate,
    /// Any other keyword.
    Other,
}

/// One violation.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub kind: Kind,
    /// Where the value is: a JSON pointer into the front matter.
    pub instance: String,
    /// Whether the violation is about the key of that value
    /// (`propertyNames`), not the value.
    pub at_key: bool,
    /// The keyword's file (a URI) and JSON pointer in it.
    pub schema_file: String,
    pub schema_pointer: String,
    pub keyword: String,
    /// What the value fails, in words that follow it
    /// (`is shorter than 5 characters`); a reference's whole message.
    pub message: String,
}

/// Every violation of `view` against `validator`, in the validator's order.
pub fn validate(validator: &Validator, view: &JsonView) -> Vec<Violation> {
    keywords::with_types(&view.value, &view.special, || {
        if validator.is_valid(&view.value) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for e in validator.iter_errors(&view.value) {
            push(&e, &mut out);
        }
        out.retain(|v| {
            !view
                .unexpanded
                .iter()
                .any(|u| v.instance == *u || v.instance.starts_with(&format!("{u}/")))
        });
        out
    })
}

fn push(e: &ValidationError, out: &mut Vec<Violation>) {
    // `propertyNames`: what the key fails, at the key.
    if let K::PropertyNames { error } = e.kind() {
        let mut inner = Vec::new();
        push(error, &mut inner);
        let name = match &**error.instance() {
            Value::String(name) => name.replace('~', "~0").replace('/', "~1"),
            _ => return out.extend(inner),
        };
        for mut v in inner {
            v.instance = format!("{}/{name}", e.instance_path().as_str());
            v.at_key = true;
            out.push(v);
        }
        return;
    }
    let context = match e.kind() {
        K::AnyOf { context } | K::OneOfNotValid { context } => Some(context),
        _ => None,
    };
    if let Some(branches) = context
        && let Some(best) = best_branch(e.instance_path().as_str(), branches)
    {
        for inner in best {
            push(inner, out);
        }
        return;
    }
    let (schema_file, mut schema_pointer) = match e.absolute_keyword_location() {
        Some(at) => split(at.as_str()),
        None => (String::new(), e.schema_path().as_str().to_string()),
    };
    let keyword = schema_pointer
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let kind = match e.kind() {
        K::Type { kind } => Kind::Type {
            // "string", or "string, null" for `type: [string, null]`.
            expected: match kind {
                jsonschema::error::TypeKind::Single(t) => t.as_str().to_string(),
                jsonschema::error::TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        },
        K::Required { property } => Kind::Required {
            key: property.as_str().unwrap_or_default().to_string(),
        },
        K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
            Kind::Unknown {
                keys: unexpected.clone(),
            }
        }
        K::Enum { options } => Kind::Enum {
            allowed: options.as_array().cloned().unwrap_or_default(),
        },
        K::Constant { expected_value } => Kind::Enum {
            allowed: vec![Value::clone(expected_value)],
        },
        K::Format { .. } | K::Pattern { .. } => Kind::Format,
        K::UniqueItems => Kind::Duplicate,
        K::Custom { keyword, .. } if keyword == NOT_A_DATE => {
            // Reported at the `type` it stands for.
            schema_pointer = format!("{}/type", parent(&schema_pointer));
            Kind::Type {
                expected: "string".into(),
            }
        }
        K::Custom { keyword, .. } if keyword == "yamlType" => Kind::Format,
        K::Custom { .. } => Kind::Reference,
        _ => Kind::Other,
    };
    let keyword = if keyword == NOT_A_DATE {
        "type".to_string()
    } else {
        keyword
    };
    let message = super::words::describe(e, &keyword);
    out.push(Violation {
        kind,
        instance: e.instance_path().as_str().to_string(),
        at_key: false,
        schema_file,
        schema_pointer,
        keyword,
        message,
    });
}

fn parent(pointer: &str) -> &str {
    pointer.rsplit_once('/').map_or("", |(p, _)| p)
}

/// The branch to report: among those whose errors are not about the
/// value's own type, the one with the fewest errors; else the first.
fn best_branch<'a>(
    at: &str,
    branches: &'a [Vec<ValidationError<'static>>],
) -> Option<&'a Vec<ValidationError<'static>>> {
    let wrong_type = |b: &Vec<ValidationError>| {
        b.iter().any(|e| {
            e.instance_path().as_str() == at
                && (matches!(e.kind(), K::Type { .. })
                    || matches!(e.kind(), K::Custom { keyword, .. } if keyword == NOT_A_DATE))
        })
    };
    branches
        .iter()
        .filter(|b| !b.is_empty() && !wrong_type(b))
        .min_by_key(|b| b.len())
        .or_else(|| branches.iter().find(|b| !b.is_empty()))
}
