//! `postlint schema infer` over the five ordinary sites and the mirror
//! corpus, when `../shared/corpus` holds them (see `acceptance::`): the
//! enums, counts and suspects each site's posts give, and byte-identical
//! output from two runs. Without the archives the tests skip, except
//! under CI.

use crate::common;

use serde_json::Value;
use std::path::Path;

/// The schema as JSON and the suspects, of the posts under `dir`; the
/// YAML form must be the same in a second run.
fn infer(dir: &Path) -> (Value, String) {
    let run = |format: &str| {
        let out = common::postlint(dir)
            .args(["schema", "infer", "--output-format", format])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let (yaml, suspects) = run("yaml");
    assert_eq!(run("yaml").0, yaml, "{}: two runs differ", dir.display());
    let (json, _) = run("json");
    (serde_json::from_slice(&json).unwrap(), suspects)
}

fn enum_of(property: &Value) -> Vec<&str> {
    property["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("no enum: {property}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn ordinary_sites() {
    let Some(dir) = common::unpack("ordinary-blogs.tar.zst", common::skip) else {
        return;
    };
    let mut schemas = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let site = entry.unwrap().path();
        let name = site.file_name().unwrap().to_string_lossy().into_owned();
        schemas.insert(name, infer(&site));
    }
    assert_eq!(schemas.len(), 5, "{:?}", schemas.keys());

    let (scala, suspects) = &schemas["scala+scala-lang"];
    let p = &scala["properties"];
    assert_eq!(p["title"]["$comment"], "334 of 334");
    assert_eq!(p["category"]["$comment"], "197 of 334");
    assert_eq!(
        enum_of(&p["category"]),
        [
            "announcement",
            "blog",
            "blog-detail",
            "highlights",
            "release"
        ]
    );
    assert_eq!(p["post-type"]["$comment"], "144 of 334");
    assert_eq!(enum_of(&p["post-type"]), ["announcement", "blog"]);
    let redirect = &p["redirect_from"]["anyOf"];
    assert_eq!(redirect[0]["type"], "string");
    assert_eq!(redirect[0]["$comment"], "15 of 32");
    assert_eq!(redirect[1]["type"], "array");
    assert_eq!(redirect[1]["$comment"], "17 of 32");
    assert!(
        suspects.starts_with(
            "suspect: `redirect_from` has more than one type: a list 17 times, a string 15 times\n"
        ),
        "{suspects}"
    );

    let (elixir, _) = &schemas["elixir-lang+elixir-lang.github.com"];
    let category = &elixir["properties"]["category"];
    assert_eq!(category["$comment"], "73 of 73");
    assert_eq!(
        enum_of(category),
        [
            "Announcements",
            "Elixir in Production",
            "Internals",
            "Releases"
        ]
    );
}

#[test]
fn mirror_corpus() {
    let Some(dir) = common::unpack("oped2-posts.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    std::fs::write(dir.path().join("_config.yml"), "title: Corpus\n").unwrap();
    let (schema, suspects) = infer(dir.path());
    let p = &schema["properties"];
    assert_eq!(p["date"]["$comment"], "5685 of 5685");
    assert_eq!(p["date"]["format"], "jekyll-date");
    assert_eq!(p["from"]["format"], "uri");
    assert_eq!(enum_of(&p["categories"]["items"]).len(), 8);
    assert!(
        suspects.starts_with(
            "suspect: `date` has more than one type: a timestamp 5585 times, a date 100 times: Liquid's `sort` fails"
        ),
        "{suspects}"
    );
}
