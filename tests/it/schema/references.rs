//! A reference that names nothing: the help names the nearest name the
//! `_data` file or collection has, with an unsafe fix to it, else lists a
//! few names; in a list, the finding is at the item.

use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const SCHEMA: &str = "\
properties:
  author: {jekyllData: authors}
  editors: {type: array, items: {type: string}, jekyllData: authors}
  team: {jekyllData: {file: team, key: id}}
  next: {jekyllDocument: posts}
";

const POST: &str = "\
---
title: Tides
author: \"anne\"
editors: [bob, bbo, zed]
team: zzzz
next: 2022-10-31-tide
---
The sea rose.
";

fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", SCHEMA),
        ("_data/authors.yml", "ann: {name: Ann}\nbob: {name: Bob}\n"),
        (
            "_data/team.yml",
            "- id: a1\n- id: a2\n- id: b1\n- id: b2\n- id: c1\n- id: c2\n- id: d1\n",
        ),
        ("_posts/2022-10-31-tides.md", POST),
    ]
}

#[test]
fn the_nearest_name_is_the_help_and_an_unsafe_fix() {
    let dir = site(&files());
    let out = postlint(dir.path())
        .args(["check", "--no-cache", "--output-format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<String> = items
        .iter()
        .map(|i| {
            let fix = match i["fix"]["edits"].as_array() {
                Some(edits) => format!(
                    " | {} {}: {}",
                    i["fix"]["applicability"].as_str().unwrap(),
                    i["fix"]["message"].as_str().unwrap(),
                    edits
                        .iter()
                        .map(|e| format!(
                            "{}:{}-{}:{} {}",
                            e["line"], e["column"], e["end_line"], e["end_column"], e["content"]
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => String::new(),
            };
            format!(
                "{}:{} {} | {} | {}{fix}",
                i["line"],
                i["column"],
                i["rule"].as_str().unwrap(),
                i["message"].as_str().unwrap(),
                i["help"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "3:9 schema-reference | `anne` is not a key of `_data/authors` | use `ann`, the nearest name in `_data/authors` | unsafe replace with `ann`: 3:9-3:15 \"\\\"ann\\\"\"",
            "4:16 schema-reference | `bbo` is not a key of `_data/authors` | use `bob`, the nearest name in `_data/authors` | unsafe replace with `bob`: 4:16-4:19 \"bob\"",
            "5:7 schema-reference | `zzzz` is not the `id` of an entry of `_data/team` | use one of the names in `_data/team`: `a1`, `a2`, `b1`, `b2`, `c1` and 2 more",
            "6:7 schema-reference | `2022-10-31-tide` is not a document of `posts` | use `2022-10-31-tides`, the nearest name in the collection `posts` | unsafe replace with `2022-10-31-tides`: 6:7-6:22 \"2022-10-31-tides\"",
        ],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = postlint(dir.path())
        .args(["check", "--no-cache", "--fix", "--unsafe-fixes", "."])
        .output()
        .unwrap();
    assert_eq!(fixed.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("_posts/2022-10-31-tides.md")).unwrap(),
        POST.replace("\"anne\"", "\"ann\"")
            .replace("bbo", "bob")
            .replace("2022-10-31-tide\n", "2022-10-31-tides\n")
    );
}
