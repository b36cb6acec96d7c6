use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::json;

use super::compile::compile;
use super::keywords::SiteData;
use super::validate::{Kind, validate};
use super::{document, json_view};

const URI: &str = "file:///site/schemas/post.yml";

fn violations(schema: &str, front_matter: &str) -> Vec<(Kind, String, String)> {
    let schema = document::parse(schema, false).unwrap().value;
    let mut site = SiteData::default();
    site.data
        .insert("authors".into(), json!({"ann": {"name": "Ann"}, "bo": {}}));
    let validator = compile(URI, &schema, &BTreeMap::new(), &Arc::new(site)).unwrap();
    let (root, anchors) = crate::model::yaml::parse_anchored(front_matter, 0).unwrap();
    let view = json_view::view(&root.unwrap(), Some(&anchors));
    let mut found: Vec<_> = validate(&validator, &view)
        .into_iter()
        .map(|v| (v.kind, v.instance, v.schema_pointer))
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1));
    found
}

#[test]
fn the_dialect_rule_and_yaml_type() {
    let schema = "properties:\n  subtitle: {type: string}\n  day: {type: string, format: date}\n  at: {yamlType: timestamp}\n";
    assert_eq!(
        violations(
            schema,
            "subtitle: 2022-10-31\nday: 2022-10-31\nat: 2022-10-31\n"
        ),
        vec![
            (Kind::Format, "/at".into(), "/properties/at/yamlType".into()),
            (
                Kind::Type {
                    expected: "string".into()
                },
                "/subtitle".into(),
                "/properties/subtitle/type".into()
            ),
        ]
    );
    assert!(
        violations(
            schema,
            "subtitle: \"2022-10-31\"\nat: 2022-10-31 10:00:00\n"
        )
        .is_empty()
    );
}

#[test]
fn data_references_and_any_of() {
    let schema = "properties:\n  author: {jekyllData: authors}\n  tags:\n    anyOf:\n      - {type: string, enum: [a, b]}\n      - {type: array, items: {type: string}}\n";
    assert_eq!(
        violations(schema, "author: cy\ntags: c\n"),
        vec![
            (
                Kind::Reference,
                "/author".into(),
                "/properties/author/jekyllData".into()
            ),
            (
                Kind::Enum {
                    allowed: vec![json!("a"), json!("b")]
                },
                "/tags".into(),
                "/properties/tags/anyOf/0/enum".into()
            ),
        ]
    );
}

#[test]
fn a_backtracking_pattern_is_refused_and_a_nested_one_is_fast() {
    let refused = document::parse("properties:\n  a: {pattern: '(a)\\1'}\n", false).unwrap();
    let err = compile(URI, &refused.value, &BTreeMap::new(), &Arc::default()).unwrap_err();
    assert_eq!(err.pointer, "/properties/a/pattern", "{err:?}");
    assert_eq!(
        err.message,
        "pattern `(a)\\1` needs backtracking (a backreference), which postlint refuses: no post may make a check slow"
    );
    assert!(!err.at_key);
    let schema = "properties:\n  a: {pattern: '^(a+)+$'}\n";
    let text = format!("a: {}b\n", "a".repeat(10_000));
    let started = std::time::Instant::now();
    assert_eq!(violations(schema, &text).len(), 1);
    assert!(started.elapsed() < std::time::Duration::from_millis(500));
}

#[test]
fn a_misspelt_type_is_placed_in_the_schema() {
    let doc = document::parse("properties:\n  subtitle:\n    type: strin\n", false).unwrap();
    let err = compile(URI, &doc.value, &BTreeMap::new(), &Arc::default()).unwrap_err();
    assert_eq!(err.pointer, "/properties/subtitle/type", "{err:?}");
    assert_eq!(err.uri, URI);
    assert!(
        err.message.starts_with("\"strin\" is not a type"),
        "{err:?}"
    );
}

#[test]
fn a_refused_pattern_says_why_in_postlint_words() {
    let cases = [
        (
            "patternProperties:\n  '(?<=a)b': {}\n",
            "/patternProperties/(?<=a)b",
            true,
            "pattern `(?<=a)b` needs backtracking (a lookaround), which postlint refuses: no post may make a check slow",
        ),
        (
            "properties:\n  a: {pattern: '(?<n>a)\\k<n>'}\n",
            "/properties/a/pattern",
            false,
            "pattern `(?<n>a)\\k<n>` needs backtracking (a backreference), which postlint refuses: no post may make a check slow",
        ),
        (
            "properties:\n  a: {pattern: '[(?=]('}\n",
            "/properties/a/pattern",
            false,
            "pattern `[(?=](` is not a valid regular expression",
        ),
    ];
    for (schema, pointer, at_key, message) in cases {
        let doc = document::parse(schema, false).unwrap();
        let err = compile(URI, &doc.value, &BTreeMap::new(), &Arc::default()).unwrap_err();
        assert_eq!(
            (err.pointer.as_str(), err.at_key, err.message.as_str()),
            (pointer, at_key, message),
            "{schema}"
        );
    }
}
