use serde_json::json;

use super::*;
use crate::model::front_matter::scalar::resolve_plain;
use crate::model::yaml::{parse_anchored, parse_general};

fn plain(text: &str) -> Value {
    scalar_json(text, &resolve_plain(text))
}

/// Every row of the JSON view's table (docs/schemas.md), as Psych reads
/// the plain scalar.
#[test]
fn the_json_view_table() {
    let table: &[(&str, Value)] = &[
        // null
        ("", json!(null)),
        ("~", json!(null)),
        ("null", json!(null)),
        ("Null", json!(null)),
        // booleans
        ("no", json!(false)),
        ("On", json!(true)),
        ("yes", json!(true)),
        ("OFF", json!(false)),
        ("true", json!(true)),
        ("y", json!("y")),
        // integers
        ("42", json!(42)),
        ("-17", json!(-17)),
        ("+17", json!(17)),
        ("0x1F", json!(31)),
        ("0777", json!(511)),
        ("0b101", json!(5)),
        ("0", json!(0)),
        ("1,000", json!(1000)),
        ("1_000", json!(1000)),
        ("-1:30", json!(-90)),
        ("1:20:30", json!(4830)),
        ("08", json!("08")),
        ("99999999999999999999999", json!(1e23)),
        // floats
        ("2.5", json!(2.5)),
        ("1.", json!(1.0)),
        (".5", json!(0.5)),
        ("1.10", json!(1.1)),
        ("1,000.5", json!(1000.5)),
        ("1.5e+3", json!(1500.0)),
        ("1:20.5", json!(80.5)),
        ("-1:30.5", json!(-90.5)),
        (".inf", json!(".inf")),
        ("-.Inf", json!("-.Inf")),
        (".NaN", json!(".NaN")),
        ("1.5e3", json!("1.5e3")),
        // dates
        ("2022-2-3", json!("2022-02-03")),
        ("2022-10-31", json!("2022-10-31")),
        ("2021-02-29", json!("2021-02-29")),
        // timestamps
        (
            "2022-10-31 18:00:00 +08:00",
            json!("2022-10-31T18:00:00+08:00"),
        ),
        (
            "2022-10-31 18:00:00 +0800",
            json!("2022-10-31T18:00:00+08:00"),
        ),
        ("2022-10-31 18:00:00+8", json!("2022-10-31T18:00:00+08:00")),
        ("2022-10-31 18:00:00 -5", json!("2022-10-31T18:00:00-05:00")),
        ("2022-10-31 18:00:00", json!("2022-10-31T18:00:00Z")),
        (
            "2022-10-31T16:39:58.000Z",
            json!("2022-10-31T16:39:58.000Z"),
        ),
        ("2022-2-3 1:02:03", json!("2022-02-03T01:02:03Z")),
        ("2022-02-30 10:00:00", json!("2022-03-02T10:00:00Z")),
        ("2022-02-28 24:00:00", json!("2022-03-01T00:00:00Z")),
        // strings
        ("hello", json!("hello")),
        ("2022 in review", json!("2022 in review")),
        ("1e+3", json!("1e+3")),
    ];
    for (text, want) in table {
        assert_eq!(&plain(text), want, "{text:?}");
    }
}

fn view_of(src: &str) -> JsonView {
    let (root, anchors) = parse_anchored(src, 0).unwrap();
    view(&root.unwrap(), Some(&anchors))
}

#[test]
fn quoted_strings_are_as_written() {
    let v = view_of("a: \"no\"\nb: '0x1F'\nc: \"2022-2-3\"\nd: !!str 12\ne: \"\\u00e9\"\n");
    assert_eq!(
        v.value,
        json!({"a": "no", "b": "0x1F", "c": "2022-2-3", "d": "12", "e": "é"})
    );
    assert!(v.special.is_empty());
}

#[test]
fn keys_are_their_psych_value() {
    let v = view_of("on: push\n2022: year\n0x1F: hex\n2022-2-3: day\n~: nothing\n\"on\": quoted\n");
    assert_eq!(
        v.value,
        json!({"true": "push", "2022": "year", "31": "hex", "2022-02-03": "day", "": "nothing", "on": "quoted"})
    );
}

#[test]
fn the_last_of_a_repeated_key_wins() {
    assert_eq!(view_of("a: 1\na: 2\n").value, json!({"a": 2}));
}

#[test]
fn nested_values_and_specials() {
    let v = view_of(
        "d: 2022-01-02\nl:\n  - 2022-01-02 10:00:00\n  - x\nm: {k/x: .inf, big: 99999999999999999999999}\n",
    );
    assert_eq!(
        v.value,
        json!({"d": "2022-01-02", "l": ["2022-01-02T10:00:00Z", "x"], "m": {"k/x": ".inf", "big": 1e23}})
    );
    assert_eq!(
        v.special,
        vec![
            ("/d".to_string(), Scalar::Date),
            ("/l/0".to_string(), Scalar::Timestamp),
            ("/m/k~1x".to_string(), Scalar::Float),
            ("/m/big".to_string(), Scalar::Int),
        ]
    );
}

#[test]
fn an_alias_is_its_anchors_value() {
    let v = view_of("a: &me {name: x, d: 2022-01-02}\nb: *me\nc: [&n 3, *n]\n");
    assert_eq!(
        v.value,
        json!({"a": {"name": "x", "d": "2022-01-02"}, "b": {"name": "x", "d": "2022-01-02"}, "c": [3, 3]})
    );
    assert_eq!(
        v.special,
        vec![
            ("/a/d".to_string(), Scalar::Date),
            ("/b/d".to_string(), Scalar::Date)
        ]
    );
    // Without anchors, an alias is null.
    let root = parse_general("a: &n 1\nb: *n\n", 0).unwrap().unwrap();
    assert_eq!(to_json(&root), json!({"a": 1, "b": null}));
}

#[test]
fn an_alias_bomb_stays_within_the_documents_size() {
    let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..30 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        src.push_str(&format!(
            "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    let started = std::time::Instant::now();
    let v = view_of(&src);
    assert!(size(&v.value) < 4 * 400 + 1024 + 400, "{}", size(&v.value));
    assert!(!v.unexpanded.is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

/// The view of a front matter's pairs, as the `schema` rules make it.
fn pairs_view_of(src: &str) -> JsonView {
    let (root, anchors) = parse_anchored(src, 0).unwrap();
    let root = root.unwrap();
    let NodeKind::Mapping(pairs) = &root.kind else {
        panic!("a mapping");
    };
    view_pairs(pairs.iter().map(|(k, v)| (key_text(k), v)), Some(&anchors))
}

#[test]
fn the_pairs_view_is_the_mappings_view() {
    for src in [
        "d: 2022-01-02\nl:\n  - 2022-01-02 10:00:00\n  - x\nm: {k/x: .inf, big: 99999999999999999999999}\n",
        "a: &me {name: x, d: 2022-01-02}\nb: *me\nc: [&n 3, *n]\n",
        "title: &t hello\nlayout: *t\n",
        "on: push\n2022: year\n\"on\": quoted\n",
    ] {
        assert_eq!(pairs_view_of(src), view_of(src), "{src}");
    }
}

#[test]
fn a_repeated_key_drops_its_own_types_alone() {
    let v = pairs_view_of("dated: 2020-01-01\ndate: 2020-01-02\nd/x: 2020-01-03\ndate: text\n");
    assert_eq!(
        v.value,
        json!({"dated": "2020-01-01", "date": "text", "d/x": "2020-01-03"})
    );
    assert_eq!(
        v.special,
        vec![
            ("/dated".to_string(), Scalar::Date),
            ("/d~1x".to_string(), Scalar::Date),
        ]
    );
}

#[test]
fn a_repeated_nested_key_drops_its_own_types_alone() {
    let v = view_of("m:\n  dated: 2020-01-01\n  date: 2020-01-02\n  date: text\n");
    assert_eq!(
        v.value,
        json!({"m": {"dated": "2020-01-01", "date": "text"}})
    );
    assert_eq!(v.special, vec![("/m/dated".to_string(), Scalar::Date)]);
}
