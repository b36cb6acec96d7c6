//! The output formats over the bundled example site: snapshots of the human
//! and JSON reports, and the JSON contract checked field by field.

use crate::common;

use common::{CLEAN_POST, example_site, postlint, site};

fn run(format: &str) -> (String, i32) {
    let out = postlint(&example_site())
        .args(["check", "site", "--format", format])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn human_report_snapshot() {
    let (out, code) = run("human");
    assert_eq!(code, 1);
    assert!(
        !out.contains('\u{1b}'),
        "no colour codes when NO_COLOR is set and stdout is not a terminal"
    );
    insta::assert_snapshot!("human_example_site", out);
}

#[test]
fn json_report_snapshot() {
    let (out, code) = run("json");
    assert_eq!(code, 1);
    insta::assert_snapshot!("json_example_site", out);
}

#[test]
fn json_contract() {
    let (out, _) = run("json");
    let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!items.is_empty());
    let mut last: Option<(String, u64, u64)> = None;
    for item in &items {
        for field in [
            "path",
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert!(item.get(field).is_some(), "missing {field} in {item}");
        }
        assert!(["error", "warning", "info"].contains(&item["severity"].as_str().unwrap()));
        let key = (
            item["path"].as_str().unwrap().to_string(),
            item["line"].as_u64().unwrap(),
            item["column"].as_u64().unwrap(),
        );
        assert!(key.1 >= 1 && key.2 >= 1, "positions are 1-based: {item}");
        if let Some(prev) = &last {
            assert!(prev <= &key, "not sorted: {prev:?} before {key:?}");
        }
        last = Some(key);
    }
    // Columns count characters, not bytes: the mismatched tag link text sits
    // after CJK text on its line.
    let mismatch = items
        .iter()
        .find(|i| i["rule"] == "tag-link-mismatch")
        .unwrap();
    let path = example_site().join(mismatch["path"].as_str().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .nth(mismatch["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    let byte = line.find(">博物馆<").unwrap() + 1;
    assert_eq!(
        mismatch["column"].as_u64().unwrap() as usize,
        line[..byte].chars().count() + 1
    );
    assert_eq!(
        mismatch["end_column"].as_u64().unwrap(),
        mismatch["column"].as_u64().unwrap() + 3
    );
}

#[test]
fn json_for_a_clean_site_is_an_empty_array() {
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    postlint(dir.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(0)
        .stdout("[]\n");
}

#[test]
fn seed_example_is_clean() {
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seed-example.md");
    if !seed.exists() {
        common::skip_missing_corpus("../shared/corpus/seed-example.md is absent");
        return;
    }
    postlint(&example_site())
        .args(["check", "--format", "json"])
        .arg(&seed)
        .assert()
        .code(0)
        .stdout("[]\n");
}
