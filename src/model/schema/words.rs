//! postlint's words for what a value fails, from the kind of the
//! validator's error: what follows the value as written
//! (`is shorter than 5 characters`), lowercase and without a final period.
//! A custom keyword's message is its own.

use jsonschema::ValidationError;
use jsonschema::error::ValidationErrorKind as K;
use serde_json::Value;

/// What the value `e` is about fails, `keyword` the keyword that failed.
pub fn describe(e: &ValidationError, keyword: &str) -> String {
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match e.kind() {
        K::Custom { message, .. } => message.clone(),
        K::MinLength { limit } => format!(
            "is shorter than {}",
            plural(*limit, "character", "characters")
        ),
        K::MaxLength { limit } => format!(
            "is longer than {}",
            plural(*limit, "character", "characters")
        ),
        K::Minimum { limit } => format!("is less than {limit}"),
        K::Maximum { limit } => format!("is more than {limit}"),
        K::ExclusiveMinimum { limit } => format!("is not more than {limit}"),
        K::ExclusiveMaximum { limit } => format!("is not less than {limit}"),
        K::MultipleOf { multiple_of } => format!("is not a multiple of {multiple_of}"),
        K::MinItems { limit } => format!("has fewer than {}", plural(*limit, "item", "items")),
        K::MaxItems { limit } => format!("has more than {}", plural(*limit, "item", "items")),
        K::MinProperties { limit } => {
            format!("has fewer than {}", plural(*limit, "key", "keys"))
        }
        K::MaxProperties { limit } => format!("has more than {}", plural(*limit, "key", "keys")),
        K::AdditionalItems { limit } => format!(
            "has more than {}, which the schema does not allow",
            plural(*limit as u64, "item", "items")
        ),
        K::UnevaluatedItems { .. } => "has items the schema does not allow".to_string(),
        K::Pattern { pattern } => format!("does not match pattern `{pattern}`"),
        K::Format { format } => match format_name(format) {
            Some(what) => format!("is not {what} (format `{format}`)"),
            None => format!("is not in format `{format}`"),
        },
        K::Constant { expected_value } => format!("is not {}", text(expected_value)),
        K::Enum { .. } => "is not one of the allowed values".to_string(),
        K::Contains => "has no item that `contains` allows".to_string(),
        K::FalseSchema => "is not allowed here".to_string(),
        K::Not { .. } => "matches the schema under `not`, which refuses it".to_string(),
        K::AnyOf { .. } => "matches no branch of `anyOf`".to_string(),
        K::OneOfNotValid { .. } => "matches no branch of `oneOf`".to_string(),
        K::OneOfMultipleValid { .. } => "matches more than one branch of `oneOf`".to_string(),
        K::PropertyNames { error } => format!(
            "has a key {} that {}",
            text(error.instance()),
            describe(error, keyword)
        ),
        K::ContentEncoding { content_encoding } => {
            format!("is not encoded as `{content_encoding}`")
        }
        K::ContentMediaType { content_media_type } => {
            format!("is not of media type `{content_media_type}`")
        }
        K::FromUtf8 { .. } => "does not decode to UTF-8 text".to_string(),
        K::UniqueItems => "has a repeated item".to_string(),
        K::Required { property } => format!("has no key {}", text(property)),
        K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => {
            let keys: Vec<String> = unexpected.iter().map(|k| format!("`{k}`")).collect();
            format!("has keys the schema does not allow: {}", keys.join(", "))
        }
        _ => format!("fails `{keyword}`"),
    }
}

/// A value in backticks: a string as it is, anything else as JSON.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// What a format asks for, in words.
fn format_name(format: &str) -> Option<&'static str> {
    Some(match format {
        "date" => "a date",
        "date-time" => "a date and time",
        "time" => "a time",
        "duration" => "a duration",
        "jekyll-date" => "a date Jekyll reads",
        "email" | "idn-email" => "an email address",
        "hostname" | "idn-hostname" => "a host name",
        "ipv4" => "an IPv4 address",
        "ipv6" => "an IPv6 address",
        "uri" | "iri" => "an absolute URI",
        "uri-reference" | "iri-reference" => "a URI reference",
        "uri-template" => "a URI template",
        "uuid" => "a UUID",
        "regex" => "a regular expression",
        "json-pointer" => "a JSON pointer",
        "relative-json-pointer" => "a relative JSON pointer",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use serde_json::json;

    use super::super::compile::compile;
    use super::super::document;
    use super::*;

    /// The words for the first error of `value` against `schema`.
    fn words(schema: &str, value: Value) -> String {
        let doc = document::parse(schema, false).unwrap();
        let v = compile(
            "file:///s.yml",
            &doc.value,
            &BTreeMap::new(),
            &Arc::default(),
        )
        .unwrap();
        let e = v.iter_errors(&value).next().expect("an error");
        let keyword = e
            .schema_path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        describe(&e, &keyword)
    }

    #[test]
    fn each_kind_in_postlint_words() {
        let cases = [
            ("minLength: 5", json!("abc"), "is shorter than 5 characters"),
            ("maxLength: 1", json!("abc"), "is longer than 1 character"),
            ("minimum: 5", json!(3), "is less than 5"),
            ("maximum: 5", json!(7), "is more than 5"),
            ("exclusiveMinimum: 5", json!(5), "is not more than 5"),
            ("exclusiveMaximum: 5", json!(5), "is not less than 5"),
            ("multipleOf: 5", json!(7), "is not a multiple of 5"),
            ("minItems: 2", json!([1]), "has fewer than 2 items"),
            ("maxItems: 1", json!([1, 2]), "has more than 1 item"),
            ("minProperties: 1", json!({}), "has fewer than 1 key"),
            (
                "maxProperties: 1",
                json!({"a": 1, "b": 2}),
                "has more than 1 key",
            ),
            (
                "pattern: '^[a-z]+$'",
                json!("A1"),
                "does not match pattern `^[a-z]+$`",
            ),
            (
                "format: date",
                json!("2022-13-01"),
                "is not a date (format `date`)",
            ),
            (
                "format: date-time",
                json!("2022-10-31"),
                "is not a date and time (format `date-time`)",
            ),
            (
                "format: uri",
                json!("x y"),
                "is not an absolute URI (format `uri`)",
            ),
            (
                "format: email",
                json!("ann"),
                "is not an email address (format `email`)",
            ),
            (
                "format: jekyll-date",
                json!("someday"),
                "is not a date Jekyll reads (format `jekyll-date`)",
            ),
            ("const: 1", json!(2), "is not `1`"),
            (
                "contains: {const: 1}",
                json!([2]),
                "has no item that `contains` allows",
            ),
            (
                "not: {type: string}",
                json!("a"),
                "matches the schema under `not`, which refuses it",
            ),
            (
                "propertyNames: {maxLength: 2}",
                json!({"abc": 1}),
                "has a key `abc` that is longer than 2 characters",
            ),
            (
                "oneOf: [{type: integer}, {minimum: 0}]",
                json!(1),
                "matches more than one branch of `oneOf`",
            ),
        ];
        for (schema, value, want) in cases {
            assert_eq!(words(schema, value), want, "{schema}");
        }
    }
}
