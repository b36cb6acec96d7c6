//! Every schema finding's message in postlint's words, one per keyword,
//! exactly as the concise format prints it.

use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const SCHEMA: &str = "\
properties:
  title: {type: string, minLength: 5}
  day: {type: string, format: date}
  code: {type: string, pattern: '^[a-z]+$'}
  count: {type: integer, maximum: 9}
  parts: {type: integer, multipleOf: 2}
  tags: {type: array, minItems: 2}
  kind: {const: post}
  when: {yamlType: date}
  link: {type: string, format: uri}
  author: {jekyllData: authors}
";

const POST: &str = "\
---
title: abc
day: \"2022-13-01\"
code: Abc
count: 11
parts: 3
tags: [a]
kind: page
when: \"2022-10-31\"
link: not a uri
author: cy
---
The sea rose.
";

#[test]
fn each_keyword_in_postlint_words() {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", SCHEMA),
        ("_data/authors.yml", "ann: {name: Ann}\n"),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--no-cache", "--output-format", "concise", "."])
        .output()
        .unwrap();
    let p = "_posts/2022-10-31-tides.md";
    let want = format!(
        "\
{p}:2:8: error schema-value `abc` is shorter than 5 characters
{p}:3:6: error schema-value `\"2022-13-01\"` is not a date (format `date`)
{p}:4:7: error schema-value `Abc` does not match pattern `^[a-z]+$`
{p}:5:8: error schema-value `11` is more than 9
{p}:6:8: error schema-value `3` is not a multiple of 2
{p}:7:7: error schema-value `[a]` has fewer than 2 items
{p}:8:7: error schema-value `page` is not an allowed value
{p}:9:7: error schema-value `\"2022-10-31\"` is a string, not a date
{p}:10:7: error schema-value `not a uri` is not an absolute URI (format `uri`)
{p}:11:9: error schema-reference `cy` is not a key of `_data/authors`
Found 10 problems (10 errors) in 1 of 1 file
"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert_eq!(out.status.code(), Some(1));
}
