//! Inference over small synthetic front matters, and a check that every
//! document validates against what is inferred from it, by a validator of
//! the keywords inference writes (with the date-versus-string rule).

use super::stats::Location;
use super::tree::{Value, to_yaml};
use super::*;
use crate::model::front_matter::block::split;
use crate::model::front_matter::scalar::Scalar;
use crate::model::schema::json_view::scalar_json;
use crate::model::yaml_tree::{Node, NodeKind};

fn infer(docs: &[&str], options: Options) -> (Value, Vec<Suspect>) {
    let mut inference = Inference::default();
    for (i, text) in docs.iter().enumerate() {
        let (fm, _) = split(text);
        inference.add(i, text, &fm).unwrap();
    }
    for (i, text) in docs.iter().enumerate() {
        let (fm, _) = split(text);
        let schema = inference.schema(&options);
        if let Err(why) = validate_document(&fm, text, &schema) {
            panic!(
                "document {i} does not validate: {why}\n{}",
                to_yaml(&schema, &[])
            );
        }
    }
    (inference.schema(&options), inference.suspects())
}

fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v {
        Value::Map(m) => m.iter().find(|(k, _, _)| k == key).map(|(_, v, _)| v),
        _ => None,
    }
}

fn property<'a>(schema: &'a Value, key: &str) -> &'a Value {
    get(get(schema, "properties").unwrap(), key).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::List(items) => items
            .iter()
            .map(|(v, _)| match v {
                Value::Str(s) => s.clone(),
                Value::Int(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => "?".into(),
            })
            .collect(),
        _ => vec![],
    }
}

/// Schema and suspects of documents made of `body` lines.
fn docs(bodies: &[&str]) -> Vec<String> {
    bodies
        .iter()
        .map(|b| format!("---\n{b}\n---\ntext\n"))
        .collect()
}

fn run(bodies: &[&str]) -> (Value, Vec<Suspect>) {
    let texts = docs(bodies);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    infer(&refs, Options::default())
}

// ---- a validator of the keywords inference writes ----

fn view(node: &Node) -> Option<serde_json::Value> {
    match &node.kind {
        NodeKind::Scalar { text, value, .. } => Some(scalar_json(text, value)),
        _ => None,
    }
}

fn validate_document(fm: &FrontMatter, text: &str, schema: &Value) -> Result<(), String> {
    let pairs: Vec<(String, &Node)> = match fm {
        FrontMatter::Parsed { entries, .. } => entries
            .iter()
            .map(|e| {
                (
                    stats::top_key_name(&e.key, &text[e.key_span.clone()]),
                    &e.value,
                )
            })
            .collect(),
        _ => vec![],
    };
    validate_mapping(&pairs, schema)
}

fn validate_mapping(pairs: &[(String, &Node)], schema: &Value) -> Result<(), String> {
    if let Some(t) = get(schema, "type")
        && !strings(t).contains(&"object".to_string())
        && !matches!(t, Value::Str(s) if s == "object")
    {
        return Err("not an object".into());
    }
    if let Some(required) = get(schema, "required") {
        for r in strings(required) {
            if !pairs.iter().any(|(k, _)| *k == r) {
                return Err(format!("missing {r}"));
            }
        }
    }
    for (k, v) in pairs.iter().rev() {
        if pairs.iter().rev().find(|(k2, _)| k2 == k).map(|p| p.1) != Some(*v) {
            continue; // an earlier duplicate: Psych keeps the last
        }
        match get(schema, "properties").and_then(|p| get(p, k)) {
            Some(sub) => validate(v, sub).map_err(|e| format!("{k}: {e}"))?,
            None if get(schema, "additionalProperties") == Some(&Value::Bool(false)) => {
                return Err(format!("{k} not allowed"));
            }
            None => {}
        }
    }
    Ok(())
}

fn validate(node: &Node, schema: &Value) -> Result<(), String> {
    if let Some(Value::List(choices)) = get(schema, "anyOf") {
        return if choices.iter().any(|(c, _)| validate(node, c).is_ok()) {
            Ok(())
        } else {
            Err("no anyOf branch".into())
        };
    }
    let Some(t) = get(schema, "type") else {
        return Ok(()); // {}
    };
    let types = match t {
        Value::Str(s) => vec![s.clone()],
        other => strings(other),
    };
    let asks_date = matches!(get(schema, "format"), Some(Value::Str(f)) if f == "date" || f == "jekyll-date")
        || get(schema, "yamlType").is_some();
    let ok_type = match &node.kind {
        NodeKind::Scalar { value, .. } => types.iter().any(|t| match (t.as_str(), value) {
            ("null", Scalar::Null) => true,
            ("boolean", Scalar::Bool(_)) => true,
            ("integer", Scalar::Int) => true,
            ("number", Scalar::Int | Scalar::Float) => true,
            ("string", Scalar::Str) => true,
            ("string", Scalar::Date | Scalar::Timestamp) => asks_date,
            _ => false,
        }),
        NodeKind::Sequence(_) => types.contains(&"array".to_string()),
        NodeKind::Mapping(_) => types.contains(&"object".to_string()),
        NodeKind::Alias => false,
    };
    if !ok_type {
        return Err(format!("type {types:?} refuses {}", node.type_name()));
    }
    if let Some(Value::Str(y)) = get(schema, "yamlType") {
        let want = match node.scalar() {
            Some(Scalar::Date) => "date",
            Some(Scalar::Timestamp) => "timestamp",
            Some(Scalar::Str) => "string",
            _ => "other",
        };
        if y != want {
            return Err(format!("yamlType {y}"));
        }
    }
    if let Some(json) = view(node) {
        if let Some(Value::List(values)) = get(schema, "enum") {
            let allowed = values.iter().any(|(v, _)| match v {
                Value::Str(s) => json.as_str() == Some(s),
                Value::Int(n) => json.as_i64() == Some(*n),
                _ => false,
            });
            if !allowed {
                return Err(format!("{json} not in enum"));
            }
        }
        if let (Some(Value::Str(f)), Some(s)) = (get(schema, "format"), json.as_str()) {
            let ok = match f.as_str() {
                "date" => jiff::civil::Date::strptime("%Y-%m-%d", s).is_ok() && s.len() == 10,
                "jekyll-date" => crate::model::date::format::parse(s).is_ok(),
                "uri" => formats::is_uri(s),
                _ => true,
            };
            if !ok {
                return Err(format!("{s} is not {f}"));
            }
        }
    }
    match &node.kind {
        NodeKind::Sequence(items) => {
            if let Some(item) = get(schema, "items") {
                for i in items {
                    validate(i, item)?;
                }
            }
        }
        NodeKind::Mapping(pairs) => {
            let pairs: Vec<(String, &Node)> = pairs
                .iter()
                .map(|(k, v)| (stats::key_name(k, ""), v))
                .collect();
            validate_mapping(&pairs, schema)?;
        }
        _ => {}
    }
    Ok(())
}

// ---- detection ----

#[test]
fn required_keys_are_those_in_every_document() {
    let (schema, _) = run(&[
        "title: a\nlayout: post",
        "title: b",
        "title: c\nlayout: page",
    ]);
    assert_eq!(strings(get(&schema, "required").unwrap()), ["title"]);
    assert_eq!(get(&schema, "$schema"), Some(&Value::str(DRAFT)));
    let yaml = to_yaml(&schema, &[]);
    assert!(yaml.contains("  layout:  # 2 of 3\n"), "{yaml}");
    assert!(yaml.contains("  title:  # 3 of 3\n"), "{yaml}");
}

#[test]
fn enums_of_strings_and_integers_seen_twice_each() {
    let (schema, suspects) = run(&[
        "category: news\nlevel: 0x1\nflag: yes",
        "category: release\nlevel: 1\nflag: no",
        "category: news\nlevel: 2\nflag: yes",
        "category: release\nlevel: 02\nflag: yes",
    ]);
    let category = property(&schema, "category");
    assert_eq!(strings(get(category, "enum").unwrap()), ["news", "release"]);
    // 0x1 and 1 are the same integer; 02 and 2 too.
    assert_eq!(
        strings(get(property(&schema, "level"), "enum").unwrap()),
        ["1", "2"]
    );
    assert_eq!(get(property(&schema, "flag"), "enum"), None);
    assert_eq!(
        get(property(&schema, "flag"), "type"),
        Some(&Value::str("boolean"))
    );
    assert!(suspects.is_empty(), "{suspects:?}");
}

#[test]
fn no_enum_when_a_value_is_seen_once_or_there_are_too_many() {
    let (schema, _) = run(&["c: a", "c: a", "c: b"]);
    assert_eq!(get(property(&schema, "c"), "enum"), None);
    let many: Vec<String> = (0..13)
        .flat_map(|i| [format!("c: v{i}"), format!("c: v{i}")])
        .collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let (schema, _) = run(&refs);
    assert_eq!(get(property(&schema, "c"), "enum"), None);
}

#[test]
fn enums_of_list_items() {
    let (schema, _) = run(&["tags: [a, b]", "tags: [b]", "tags: [a]"]);
    let items = get(property(&schema, "tags"), "items").unwrap();
    assert_eq!(strings(get(items, "enum").unwrap()), ["a", "b"]);
    assert_eq!(
        get(property(&schema, "tags"), "type"),
        Some(&Value::str("array"))
    );
}

#[test]
fn formats_and_yaml_types() {
    let (schema, suspects) = run(&[
        "d: 2022-01-02\nt: 2022-01-02 10:00:00 +08:00\nq: \"2022-01-02 10:00\"\nu: https://example.com/a",
        "d: 2022-1-3\nt: 2022-01-02T10:00:00Z\nq: '2022-01-03'\nu: http://example.org/",
    ]);
    let d = property(&schema, "d");
    assert_eq!(get(d, "format"), Some(&Value::str("date")));
    assert_eq!(get(d, "yamlType"), Some(&Value::str("date")));
    let t = property(&schema, "t");
    assert_eq!(get(t, "yamlType"), Some(&Value::str("timestamp")));
    assert_eq!(
        get(property(&schema, "q"), "format"),
        Some(&Value::str("jekyll-date"))
    );
    assert_eq!(
        get(property(&schema, "u"), "format"),
        Some(&Value::str("uri"))
    );
    assert!(suspects.is_empty(), "{suspects:?}");
}

#[test]
fn dates_and_timestamps_together_are_jekyll_dates_and_a_suspect() {
    let (schema, suspects) = run(&[
        "date: 2022-01-02",
        "date: 2022-01-02 10:00:00",
        "date: 2022-01-03 10:00:00",
    ]);
    assert_eq!(
        get(property(&schema, "date"), "format"),
        Some(&Value::str("jekyll-date"))
    );
    assert_eq!(suspects.len(), 1);
    assert!(
        suspects[0].message.contains("jekyll#6700"),
        "{}",
        suspects[0].message
    );
    assert_eq!(
        suspects[0].at,
        [Location {
            doc: 0,
            line: 2,
            column: 7
        }],
        "the date among timestamps"
    );
}

#[test]
fn mixed_shapes_get_any_of() {
    let (schema, suspects) = run(&[
        "redirect_from: /a",
        "redirect_from: [/b, /c]",
        "redirect_from:\n  - /d",
        "subtitle: 2022-10-31",
        "subtitle: plain words",
        "n: 1",
        "n:",
    ]);
    let yaml = to_yaml(&schema, &[]);
    let any = get(property(&schema, "redirect_from"), "anyOf").unwrap();
    assert!(
        yaml.contains("- type: string  # 1 of 3") || yaml.contains("-  # 1 of 3"),
        "{yaml}"
    );
    let Value::List(branches) = any else { panic!() };
    assert_eq!(branches.len(), 2);
    assert_eq!(branches[0].1.as_deref(), Some("1 of 3"));
    assert_eq!(branches[1].1.as_deref(), Some("2 of 3"));
    // A date beside text: text apart, the date with its format.
    let Some(Value::List(sub)) = get(property(&schema, "subtitle"), "anyOf") else {
        panic!("{yaml}")
    };
    assert_eq!(get(&sub[1].0, "yamlType"), Some(&Value::str("date")));
    // Bare types join as a list of types.
    assert_eq!(
        strings(get(property(&schema, "n"), "type").unwrap()),
        ["null", "integer"]
    );
    assert_eq!(suspects.len(), 3, "{suspects:?}");
}

#[test]
fn closed_schemas_refuse_other_keys_at_every_level() {
    let texts = docs(&["image:\n  src: a.png\n  alt: A", "image:\n  src: b.png"]);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (schema, _) = infer(&refs, Options { closed: true });
    assert_eq!(
        get(&schema, "additionalProperties"),
        Some(&Value::Bool(false))
    );
    let image = property(&schema, "image");
    assert_eq!(
        get(image, "additionalProperties"),
        Some(&Value::Bool(false))
    );
    assert_eq!(strings(get(image, "required").unwrap()), ["src"]);
}

#[test]
fn documents_without_front_matter_count_as_empty_mappings() {
    let (schema, _) = infer(
        &[
            "---\ntitle: a\n---\n",
            "no front matter\n",
            "---\n- a list\n---\n",
        ],
        Options::default(),
    );
    assert_eq!(get(&schema, "required"), None);
    let mut inference = Inference::default();
    let text = "---\ntitle: [\n---\n";
    let (fm, _) = split(text);
    let left = inference.add(0, text, &fm).unwrap_err();
    assert!(
        left.message
            .starts_with("the front matter is not valid YAML")
    );
    assert_eq!(inference.documents(), 0);
}

#[test]
fn keys_psych_reads_as_other_types_are_named_by_their_value() {
    let (schema, _) = run(&["on: x\n'yes': y\n0x10: z"]);
    let Some(Value::Map(props)) = get(&schema, "properties") else {
        panic!()
    };
    let names: Vec<&str> = props.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(names, ["16", "true", "yes"]);
}

// ---- suspects ----

#[test]
fn a_rare_key_close_to_a_common_one_is_a_suspect() {
    let mut bodies = vec!["category: a"; 60];
    bodies.push("categroy: a");
    bodies.push("Category: a");
    let (_, suspects) = run(&bodies);
    let messages: Vec<&str> = suspects.iter().map(|s| s.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "key `Category` is in 1 of 62 documents, close to `category` in 60: a misspelling?",
            "key `categroy` is in 1 of 62 documents, close to `category` in 60: a misspelling?",
        ]
    );
    assert_eq!(
        suspects[0].at,
        [Location {
            doc: 61,
            line: 2,
            column: 1
        }]
    );
}

#[test]
fn a_value_outside_a_tight_enum_is_a_suspect() {
    let mut bodies = vec!["layout: post"; 30];
    bodies.extend(vec!["layout: page"; 5]);
    bodies.push("layout: Post");
    let (schema, suspects) = run(&bodies);
    assert_eq!(get(property(&schema, "layout"), "enum"), None);
    assert_eq!(suspects.len(), 1);
    assert_eq!(
        suspects[0].message,
        "`layout` is `Post` once, where its other 35 values are `page` (5), `post` (30); did you mean `post`?"
    );
    assert_eq!(
        suspects[0].at,
        [Location {
            doc: 35,
            line: 2,
            column: 9
        }]
    );
}

// ---- every document validates ----

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn every_document_validates_against_its_schema(
        docs in proptest::collection::vec(
            proptest::collection::vec(
                (
                    proptest::sample::select(vec!["a", "b", "c", "date", "tags"]),
                    proptest::sample::select(vec![
                        "x", "y", "'quoted'", "no", "1", "0x1F", "1.5", "2022-01-02", "2022-1-2",
                        "2022-01-02 10:00:00", "'2022-01-02'", "https://e.test/a", "", "~",
                        "[x, y]", "[1, 2022-01-02]", "[]", "{k: v}", "{k: 1, j: x}", "{}",
                        "\"2022-01-02T10:00:00Z\"", "[[x]]", "[{k: 1}, {k: x}]",
                    ]),
                ),
                0..5,
            ),
            1..8,
        ),
        closed in proptest::bool::ANY,
    ) {
        let texts: Vec<String> = docs
            .iter()
            .map(|pairs| {
                let body: String = pairs.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
                format!("---\n{body}---\n")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        infer(&refs, Options { closed });
    }
}
