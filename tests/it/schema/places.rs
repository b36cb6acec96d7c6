//! Every schema finding's place (line:col to
//! end line:col) and its related place in the schema file, nothing else;
//! bad schemas stop the run with exit 2 at their line and column.

use super::findings;
use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const SCHEMA: &str = "\
required: [title, category, author]
properties:
  title: {type: string}
  subtitle: {type: string}
  category: {enum: [news, sport, weather]}
  author: {jekyllData: authors}
  tags:
    type: array
    uniqueItems: true
    items: {type: string}
  image:
    type: object
    required: [alt]
  day: {type: string, format: date}
additionalProperties: false
";

const POST: &str = "\
---
title: Tides
subtitle: 2022-10-31
categroy: sea
author: cy
tags: [a, b, a]
image:
  src: x.png
extra: 1
day: 2022-10-31
---
The sea rose.
";

#[test]
fn every_finding_is_where_it_is_written() {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", SCHEMA),
        ("_data/authors.yml", "ann:\n  name: Ann\n"),
        ("_posts/2022-10-31-tides.md", POST),
        ("_posts/2022-11-01-none.md", "The sea rose.\n"),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--no-cache", "--output-format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = findings(&out.stdout);
    let t = "_posts/2022-10-31-tides.md";
    let n = "_posts/2022-11-01-none.md";
    let s = "schemas/post.yml";
    let want: Vec<(&str, &str, &str, &str, String)> = vec![
        (t, "schema-wrong-type", "3:11", "3:21", format!("{s}:4:14")),
        (t, "schema-unknown-key", "4:1", "4:9", format!("{s}:15:1")),
        (t, "schema-reference", "5:9", "5:11", format!("{s}:6:12")),
        (t, "schema-value", "6:14", "6:15", format!("{s}:9:5")),
        (t, "schema-required", "7:1", "7:6", format!("{s}:13:5")),
        (t, "schema-unknown-key", "9:1", "9:6", format!("{s}:15:1")),
        (n, "schema-required", "1:1", "1:1", format!("{s}:1:1")),
        (n, "schema-required", "1:1", "1:1", format!("{s}:1:1")),
    ];
    let want: Vec<_> = want
        .into_iter()
        .map(|(p, r, a, b, rel)| {
            (
                p.to_string(),
                r.to_string(),
                a.to_string(),
                b.to_string(),
                rel,
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_misspelt_type_stops_the_run_at_its_place() {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        (
            "schemas/post.yml",
            "properties:\n  subtitle:\n    type: strin\n",
        ),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    for args in [&["check", "--no-cache", "."][..], &["schema", "check"][..]] {
        let out = postlint(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: schemas/post.yml:3:11: \"strin\" is not a type"),
            "{stderr}"
        );
    }
}

#[test]
fn bad_inputs_are_errors_at_their_place() {
    let cases: &[(&str, &str)] = &[
        (
            "properties:\n  a:\n    $ref: https://example.com/s.json\n",
            "schemas/post.yml:3:11: `$ref` to `https://example.com/s.json` is remote",
        ),
        (
            "properties:\n  a:\n    $ref: other.yml\n",
            "schemas/post.yml:3:11: cannot read `schemas/other.yml`",
        ),
        (
            "properties:\n  a:\n    jekyllData: people\n",
            "schemas/post.yml:3:17: `jekyllData` names `_data/people.yml`, which does not exist",
        ),
        ("properties: [\n", "schemas/post.yml:1:13: not YAML"),
    ];
    for (schema, want) in cases {
        let dir = site(&[
            ("postlint.toml", CONFIG),
            ("schemas/post.yml", schema),
            ("_posts/2022-10-31-tides.md", POST),
        ]);
        let out = postlint(dir.path())
            .args(["schema", "check"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{schema}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with(&format!("error: {want}")),
            "{schema}: {stderr}"
        );
    }
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    let out = postlint(dir.path())
        .args(["schema", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A pattern the linear-time engine cannot run is refused in postlint's
/// words, at the pattern itself (the key of `patternProperties`), by both
/// `schema check` and `check`.
#[test]
fn a_backtracking_pattern_is_refused_at_its_place() {
    let cases: &[(&str, &str)] = &[
        (
            "properties:\n  a:\n    pattern: '(a)\\1'\n",
            "error: schemas/post.yml:3:14: pattern `(a)\\1` needs backtracking (a backreference), which postlint refuses: no post may make a check slow\n",
        ),
        (
            "properties:\n  a:\n    patternProperties:\n      '^(?!x)': {}\n",
            "error: schemas/post.yml:4:7: pattern `^(?!x)` needs backtracking (a lookaround), which postlint refuses: no post may make a check slow\n",
        ),
        (
            "properties:\n  a:\n    pattern: '(a'\n",
            "error: schemas/post.yml:3:14: pattern `(a` is not a valid regular expression\n",
        ),
    ];
    for (schema, want) in cases {
        let dir = site(&[
            ("postlint.toml", CONFIG),
            ("schemas/post.yml", schema),
            ("_posts/2022-10-31-tides.md", POST),
        ]);
        for args in [&["schema", "check"][..], &["check", "--no-cache", "."][..]] {
            let out = postlint(dir.path()).args(args).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{schema}");
            assert_eq!(String::from_utf8_lossy(&out.stderr), *want, "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn a_local_ref_and_a_cycle_load() {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        (
            "schemas/post.yml",
            "properties:\n  image:\n    $ref: image.yml\n",
        ),
        (
            "schemas/image.yml",
            "type: object\nrequired: [alt]\nproperties:\n  next: {$ref: image.yml}\n",
        ),
        (
            "_posts/2022-10-31-tides.md",
            "---\ntitle: Tides\nimage:\n  next:\n    src: x\n---\nThe sea rose.\n",
        ),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--no-cache", "--output-format", "json", "."])
        .output()
        .unwrap();
    let got = findings(&out.stdout);
    let t = "_posts/2022-10-31-tides.md".to_string();
    assert_eq!(
        got,
        vec![
            (
                t.clone(),
                "schema-required".into(),
                "3:1".into(),
                "3:6".into(),
                "schemas/image.yml:2:1".into()
            ),
            (
                t,
                "schema-required".into(),
                "4:3".into(),
                "4:7".into(),
                "schemas/image.yml:2:1".into()
            ),
        ],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
