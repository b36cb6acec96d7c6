//! One test per keyword that can fail on front matter, and one per
//! placement rule: each asserts every finding of the `schema` family as
//! `rule start-end related`, places as `line:col` (the end exclusive) and
//! the related place as the keyword's `file:line:col` in the schema folder,
//! and that no other finding appears.

use super::findings;
use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const POST: &str = "_posts/2022-10-31-tides.md";

/// The findings of `postlint check` on a site of one post, its schema and
/// the `extra` files, as `rule start-end related`.
fn places_with(extra: &[(&str, &str)], schema: &str, post: &str) -> Vec<String> {
    let mut files = vec![
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", schema),
        (POST, post),
    ];
    files.extend_from_slice(extra);
    let dir = site(&files);
    let out = postlint(dir.path())
        .args([
            "check",
            "--no-cache",
            "--output-format",
            "json",
            "--select",
            "schema",
            ".",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let got: Vec<String> = findings(&out.stdout)
        .into_iter()
        .map(|(path, rule, start, end, related)| {
            assert_eq!(path, POST, "{stderr}");
            let related = related.strip_prefix("schemas/").unwrap_or(&related);
            format!("{rule} {start}-{end} {related}")
        })
        .collect();
    let want_code = if got.is_empty() { 0 } else { 1 };
    assert_eq!(out.status.code(), Some(want_code), "{stderr}");
    got
}

fn places(schema: &str, post: &str) -> Vec<String> {
    places_with(&[], schema, post)
}

/// The messages of the findings, in order.
fn messages(schema: &str, post: &str) -> Vec<String> {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", schema),
        (POST, post),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--no-cache", "--output-format", "json"])
        .args(["--select", "schema", "."])
        .output()
        .unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    items
        .iter()
        .map(|i| i["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn type_at_the_value() {
    let schema = "\
properties:
  count: {type: integer}
  subtitle: {type: string}
  either: {type: [string, 'null']}
";
    let post = "\
---
count: many
subtitle: 2022-10-31
either: 3
---
Text.
";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:8-2:12 post.yml:2:11",
            "schema-wrong-type 3:11-3:21 post.yml:3:14",
            "schema-wrong-type 4:9-4:10 post.yml:4:12",
        ]
    );
    // A date under a key that begins another key's name stays a date.
    let schema = "properties:\n  subtitle: {type: string}\n";
    let post = "---\nsubtitle: 2022-10-31\nsub: x\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-wrong-type 2:11-2:21 post.yml:2:14"]
    );
}

#[test]
fn enum_at_the_value() {
    let schema = "properties:\n  category: {enum: [news, sport]}\n";
    let post = "---\ncategory: nwes\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 2:11-2:15 post.yml:2:14"]
    );
}

#[test]
fn const_at_the_value() {
    let schema = "properties:\n  layout: {const: post}\n";
    let post = "---\nlayout: page\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 2:9-2:13 post.yml:2:12"]
    );
}

#[test]
fn required_at_the_opening_or_the_parent_key() {
    let schema = "\
required: [author, summary]
properties:
  image:
    required: [alt]
    properties:
      credit:
        required: [name]
";
    let post = "\
---
author: Ann
image:
  src: x.png
  credit:
    by: Cy
---
";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 1:1-1:4 post.yml:1:1",
            "schema-required 3:1-3:6 post.yml:4:5",
            "schema-required 5:3-5:9 post.yml:7:9",
        ]
    );
}

#[test]
fn required_in_an_item_at_the_item() {
    let schema = "properties:\n  authors:\n    items: {required: [name]}\n";
    let post = "---\nauthors:\n  - id: a\n  - {id: b}\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 3:5-3:10 post.yml:3:13",
            "schema-required 4:5-4:12 post.yml:3:13",
        ]
    );
}

#[test]
fn additional_properties_false_at_the_key_and_a_near_miss_once() {
    let schema = "\
required: [category]
properties:
  category: {type: string}
  title: {type: string}
  image:
    properties:
      src: {}
    additionalProperties: false
additionalProperties: false
";
    let post = "\
---
title: A
catgory: news
extra: 1
image:
  src: x.png
  size: 2
---
";
    assert_eq!(
        places(schema, post),
        [
            "schema-unknown-key 3:1-3:8 post.yml:9:1",
            "schema-unknown-key 4:1-4:6 post.yml:9:1",
            "schema-unknown-key 7:3-7:7 post.yml:8:5",
        ]
    );
    assert_eq!(
        messages(schema, post)[0],
        "unknown key `catgory`: did you mean `category`?"
    );
}

#[test]
fn additional_properties_as_a_schema_at_the_value() {
    let schema = "properties:\n  title: {type: string}\nadditionalProperties: {type: string}\n";
    let post = "---\ntitle: A\nextra: 1\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-wrong-type 3:8-3:9 post.yml:3:24"]
    );
}

#[test]
fn nested_properties_at_the_value() {
    let schema = "\
properties:
  image:
    properties:
      width: {type: integer}
      height: {maximum: 100}
";
    let post = "---\nimage:\n  width: wide\n  height: 200\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 3:10-3:14 post.yml:4:15",
            "schema-value 4:11-4:14 post.yml:5:16",
        ]
    );
    let post = "---\nimage: {width: wide, height: 200}\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:16-2:20 post.yml:4:15",
            "schema-value 2:30-2:33 post.yml:5:16",
        ]
    );
}

#[test]
fn pattern_properties_at_the_value() {
    let schema = "patternProperties:\n  '^x-': {type: string}\n";
    let post = "---\nx-count: 3\nother: 3\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-wrong-type 2:10-2:11 post.yml:2:11"]
    );
}

#[test]
fn property_names_at_the_key() {
    let schema = "\
propertyNames: {pattern: '^[a-z_]+$'}
properties:
  image:
    propertyNames: {maxLength: 3}
";
    let post = "---\ntitle: A\nTitle: B\nimage:\n  src: x\n  source: y\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 3:1-3:6 post.yml:1:17",
            "schema-value 6:3-6:9 post.yml:4:21",
        ]
    );
}

#[test]
fn min_and_max_properties_at_the_mapping() {
    let schema = "\
maxProperties: 1
properties:
  image: {maxProperties: 1}
  links: {minProperties: 1}
";
    let post = "---\nimage:\n  src: x\n  alt: y\nlinks: {}\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 1:1-1:4 post.yml:1:1",
            "schema-value 3:3-4:9 post.yml:3:11",
            "schema-value 5:8-5:10 post.yml:4:11",
        ]
    );
}

#[test]
fn dependent_required_at_the_opening_or_the_parent_key() {
    let schema = "\
dependentRequired:
  image: [image_alt]
properties:
  author:
    dependentRequired:
      name: [email]
";
    let post = "---\nimage: x.png\nauthor:\n  name: Ann\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 1:1-1:4 post.yml:1:1",
            "schema-required 3:1-3:7 post.yml:5:5",
        ]
    );
}

#[test]
fn items_at_the_item() {
    let schema = "\
properties:
  tags:
    items: {type: string}
  keywords:
    items: {type: string}
";
    let post = "---\ntags: [a, 1]\nkeywords:\n  - a\n  - 2\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:11-2:12 post.yml:3:13",
            "schema-wrong-type 5:5-5:6 post.yml:5:13",
        ]
    );
}

#[test]
fn prefix_items_at_the_item() {
    let schema = "\
properties:
  pair:
    prefixItems: [{type: string}, {type: integer}]
";
    let post = "---\npair: [a, b, c]\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-wrong-type 2:11-2:12 post.yml:3:36"]
    );
}

#[test]
fn min_and_max_items_at_the_list() {
    let schema = "properties:\n  tags: {minItems: 2}\n  keywords: {maxItems: 1}\n";
    let post = "---\ntags: [a]\nkeywords:\n  - a\n  - b\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:7-2:10 post.yml:2:10",
            "schema-value 4:3-5:6 post.yml:3:14",
        ]
    );
}

#[test]
fn unique_items_at_the_later_duplicate() {
    let schema = "properties:\n  tags: {uniqueItems: true}\n  keywords: {uniqueItems: true}\n";
    let post = "---\ntags: [a, b, a, b]\nkeywords:\n  - x\n  - {k: 1}\n  - {k: 1}\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:14-2:15 post.yml:2:10",
            "schema-value 6:5-6:11 post.yml:3:14",
        ]
    );
}

#[test]
fn contains_at_the_list() {
    let schema = "properties:\n  tags: {contains: {const: news}}\n";
    let post = "---\ntags: [a, b]\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 2:7-2:13 post.yml:2:10"]
    );
}

#[test]
fn min_and_max_length_at_the_value() {
    let schema = "properties:\n  title: {minLength: 5}\n  code: {maxLength: 3}\n";
    let post = "---\ntitle: Sea\ncode: \"abcd\"\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:8-2:11 post.yml:2:11",
            "schema-value 3:7-3:13 post.yml:3:10",
        ]
    );
}

#[test]
fn pattern_at_the_value() {
    let schema = "properties:\n  code: {pattern: '^[a-z]+$'}\n";
    let post = "---\ncode: Abc\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 2:7-2:10 post.yml:2:10"]
    );
}

#[test]
fn formats_at_the_value() {
    let schema = "\
properties:
  day: {format: date}
  at: {format: date-time}
  link: {format: uri}
  mail: {format: email}
";
    let post = "\
---
day: \"2022-13-01\"
at: \"2022-10-31\"
link: example.com/a
mail: nobody
---
";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:6-2:18 post.yml:2:9",
            "schema-value 3:5-3:17 post.yml:3:8",
            "schema-value 4:7-4:20 post.yml:4:10",
            "schema-value 5:7-5:13 post.yml:5:10",
        ]
    );
    // A YAML date and timestamp are what the formats ask for.
    let post = "\
---
day: 2022-10-31
at: 2022-10-31 18:00:00 +08:00
link: https://example.com/a
mail: ann@example.com
---
";
    assert_eq!(places(schema, post), Vec::<String>::new());
}

#[test]
fn bounds_at_the_value() {
    let schema = "\
properties:
  a: {minimum: 1}
  b: {maximum: 9}
  c: {exclusiveMinimum: 0}
  d: {exclusiveMaximum: 10}
  e: {multipleOf: 5}
  f: {minimum: 5, multipleOf: 2}
  g: {allOf: [{maximum: 1}, {maximum: 1}]}
";
    let post = "---\na: 0\nb: 0x1F\nc: 0\nd: 10.0\ne: 1_001\nf: 3\ng: 2\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:4-2:5 post.yml:2:7",
            "schema-value 3:4-3:8 post.yml:3:7",
            "schema-value 4:4-4:5 post.yml:4:7",
            "schema-value 5:4-5:8 post.yml:5:7",
            "schema-value 6:4-6:9 post.yml:6:7",
            // Two keywords fail: two findings.
            "schema-value 7:4-7:5 post.yml:7:7",
            "schema-value 7:4-7:5 post.yml:7:19",
            // One keyword stated twice: one.
            "schema-value 8:4-8:5 post.yml:8:16",
        ]
    );
}

#[test]
fn any_of_reports_the_branch_of_the_value_type() {
    let schema = "\
properties:
  summary:
    anyOf:
      - {type: string, maxLength: 3}
      - {type: array}
  size:
    anyOf:
      - {type: integer}
      - {type: string, enum: [small, large]}
";
    let post = "---\nsummary: long text\nsize: medium\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:10-2:19 post.yml:4:24",
            "schema-value 3:7-3:13 post.yml:9:24",
        ]
    );
    // No branch has the value's type: one finding, about the type.
    let post = "---\nsize: [1]\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-wrong-type 2:7-2:10 post.yml:8:10"]
    );
}

#[test]
fn one_of_reports_the_branch_of_the_value_type_or_the_keyword() {
    let schema = "\
properties:
  id:
    oneOf:
      - {type: integer}
      - {type: number}
  slot:
    oneOf:
      - {type: string, pattern: '^[a-z]+$'}
      - {type: integer}
";
    let post = "---\nid: 3\nslot: A1\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:5-2:6 post.yml:3:5",
            "schema-value 3:7-3:9 post.yml:8:24",
        ]
    );
}

#[test]
fn all_of_at_each_place() {
    let schema = "\
allOf:
  - required: [author]
  - properties:
      count: {maximum: 3}
";
    let post = "---\ncount: 4\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 1:1-1:4 post.yml:2:5",
            "schema-value 2:8-2:9 post.yml:4:15",
        ]
    );
}

#[test]
fn not_at_the_value() {
    let schema = "properties:\n  status:\n    not: {const: draft}\n";
    let post = "---\nstatus: draft\n---\n";
    assert_eq!(places(schema, post), ["schema-value 2:9-2:14 post.yml:3:5"]);
}

#[test]
fn if_then_else_at_each_branch_place() {
    let schema = "\
if:
  properties:
    layout: {const: gallery}
  required: [layout]
then:
  required: [images]
else:
  properties:
    images: {maxItems: 0}
";
    let post = "---\nlayout: gallery\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-required 1:1-1:4 post.yml:6:3"]
    );
    let post = "---\nlayout: post\nimages: [a]\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 3:9-3:12 post.yml:9:14"]
    );
}

#[test]
fn ref_related_in_the_file_it_names() {
    let schema = "\
$defs:
  name: {type: string, minLength: 2}
properties:
  author: {$ref: '#/$defs/name'}
  image: {$ref: image.yml}
";
    let image = "type: object\nproperties:\n  width: {type: integer}\n";
    let post = "---\nauthor: A\nimage:\n  width: wide\n---\n";
    assert_eq!(
        places_with(&[("schemas/image.yml", image)], schema, post),
        [
            "schema-value 2:9-2:10 post.yml:2:24",
            "schema-wrong-type 4:10-4:14 image.yml:3:11",
        ]
    );
}

#[test]
fn yaml_type_at_the_value() {
    let schema = "properties:\n  when: {yamlType: date}\n  flag: {yamlType: [boolean, 'null']}\n";
    let post = "---\nwhen: \"2022-10-31\"\nflag: yes please\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:7-2:19 post.yml:2:10",
            "schema-value 3:7-3:17 post.yml:3:10",
        ]
    );
    let post = "---\nwhen: 2022-10-31\nflag: off\n---\n";
    assert_eq!(places(schema, post), Vec::<String>::new());
}

#[test]
fn jekyll_data_and_document_at_the_name() {
    let schema = "\
properties:
  author: {jekyllData: authors}
  authors: {items: {jekyllData: authors}}
  editors: {jekyllData: authors}
  next: {jekyllDocument: posts}
";
    let post = "\
---
author: cy
authors: [ann, bo]
editors: [ann, di]
next: 2022-01-01-nothing
---
";
    assert_eq!(
        places_with(&[("_data/authors.yml", "ann: {name: Ann}\n")], schema, post),
        [
            "schema-reference 2:9-2:11 post.yml:2:12",
            "schema-reference 3:16-3:18 post.yml:3:21",
            "schema-reference 4:16-4:18 post.yml:4:13",
            "schema-reference 5:7-5:25 post.yml:5:10",
        ]
    );
}

#[test]
fn jekyll_date_at_the_value() {
    let schema = "properties:\n  updated: {format: jekyll-date}\n";
    let post = "---\nupdated: soon\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-value 2:10-2:14 post.yml:2:13"]
    );
    let post = "---\nupdated: 2022-10-31 10:00\n---\n";
    assert_eq!(places(schema, post), Vec::<String>::new());
}

#[test]
fn false_schema_and_unevaluated_properties_at_the_key() {
    let schema = "\
properties:
  draft: false
  image:
    properties:
      src: {}
    unevaluatedProperties: false
";
    let post = "---\ndraft: true\nimage:\n  src: x\n  size: 2\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:8-2:12 post.yml:2:3",
            "schema-unknown-key 5:3-5:7 post.yml:6:5",
        ]
    );
}

#[test]
fn an_empty_value_at_its_key() {
    let schema = "\
properties:
  subtitle: {type: string}
  image:
    properties:
      alt: {type: string}
";
    let post = "---\nsubtitle:\nimage:\n  alt: \n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:1-2:9 post.yml:2:14",
            "schema-wrong-type 4:3-4:6 post.yml:5:13",
        ]
    );
}

#[test]
fn a_block_scalar_at_its_indicator() {
    let schema = "properties:\n  summary: {maxLength: 5}\n  note: {pattern: '^x'}\n";
    let post = "---\nsummary: |\n  a long text\nnote: >-\n  folded text\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:10-2:11 post.yml:2:13",
            "schema-value 4:7-4:9 post.yml:3:10",
        ]
    );
    // The message shows the value, not the indicator.
    assert_eq!(
        messages(schema, post),
        [
            "`a long text` is longer than 5 characters",
            "`folded text` does not match pattern `^x`",
        ]
    );
}

#[test]
fn the_last_of_repeated_keys() {
    let schema = "\
properties:
  title: {type: string}
  image: {properties: {alt: {type: string}}, required: [alt]}
";
    let post = "---\ntitle: fine\ntitle: 3\nimage:\n  alt: fine\n  alt: 4\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 3:8-3:9 post.yml:2:11",
            "schema-wrong-type 6:8-6:9 post.yml:3:30",
        ]
    );
    let post = "---\nimage:\n  alt: fine\nimage:\n  src: x\n---\n";
    assert_eq!(
        places(schema, post),
        ["schema-required 4:1-4:6 post.yml:3:46"]
    );
}

#[test]
fn keys_with_slash_and_tilde() {
    let schema = "\
properties:
  a/b: {type: integer}
  c~d: {type: integer}
  m:
    properties:
      e/f~g: {type: integer}
    additionalProperties: false
";
    let post = "---\na/b: x\nc~d: y\nm:\n  e/f~g: z\n  x~/y: 1\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:6-2:7 post.yml:2:9",
            "schema-wrong-type 3:6-3:7 post.yml:3:9",
            "schema-wrong-type 5:10-5:11 post.yml:6:15",
            "schema-unknown-key 6:3-6:7 post.yml:7:5",
        ]
    );
}

#[test]
fn keys_psych_reads_as_other_than_text() {
    let schema = "\
properties:
  'true': {type: string}
  '2022': {type: string}
  m:
    properties:
      'false': {type: string}
    additionalProperties: false
";
    let post = "---\non: 1\n2022: 2\nm:\n  off: 3\n  3: x\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 2:5-2:6 post.yml:2:12",
            "schema-wrong-type 3:7-3:8 post.yml:3:12",
            "schema-wrong-type 5:8-5:9 post.yml:6:17",
            "schema-unknown-key 6:3-6:4 post.yml:7:5",
        ]
    );
}

#[test]
fn an_alias_at_the_alias() {
    let schema = "\
properties:
  base: {type: object}
  copy:
    properties:
      x: {type: string}
  tags: {items: {type: string}}
";
    let post = "---\nbase: &a {x: 1}\ncopy: *a\ntags: [&t 1, *t]\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 3:7-3:9 post.yml:5:11",
            "schema-wrong-type 4:11-4:12 post.yml:6:18",
            "schema-wrong-type 4:14-4:16 post.yml:6:18",
        ]
    );
}

#[test]
fn without_front_matter_each_missing_key_at_1_1() {
    let schema = "required: [author, summary]\ntype: object\n";
    assert_eq!(
        places(schema, "The sea rose.\n"),
        [
            "schema-required 1:1-1:1 post.yml:1:1",
            "schema-required 1:1-1:1 post.yml:1:1",
        ]
    );
    for post in [
        "---\n- a\n- b\n---\nText.\n",
        "---\nhello\n---\n",
        "---\n---\n",
    ] {
        assert_eq!(
            places(schema, post),
            [
                "schema-required 1:1-1:4 post.yml:1:1",
                "schema-required 1:1-1:4 post.yml:1:1",
            ],
            "{post}"
        );
    }
}

#[test]
fn items_false_after_prefix_items_at_each_extra_item() {
    let schema = "\
properties:
  pair:
    prefixItems: [{type: string}]
    items: false
";
    let post = "---\npair: [a, b, c]\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:11-2:12 post.yml:4:5",
            "schema-value 2:14-2:15 post.yml:4:5",
        ]
    );
}

#[test]
fn min_and_max_contains_at_the_list() {
    let schema = "\
properties:
  tags: {contains: {const: news}, minContains: 2}
  keywords: {contains: {const: a}, maxContains: 1}
";
    let post = "---\ntags: [news, b]\nkeywords: [a, a]\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-value 2:7-2:16 post.yml:2:35",
            "schema-value 3:11-3:17 post.yml:3:36",
        ]
    );
}

#[test]
fn dependent_schemas_at_each_place() {
    let schema = "\
dependentSchemas:
  image:
    required: [image_alt]
    properties:
      image: {type: string}
";
    let post = "---\nimage: 3\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 1:1-1:4 post.yml:3:5",
            "schema-wrong-type 2:8-2:9 post.yml:5:15",
        ]
    );
}

#[test]
fn draft_07_dependencies_and_additional_items() {
    let schema = "\
$schema: http://json-schema.org/draft-07/schema#
dependencies:
  image: [image_alt]
properties:
  pair:
    items: [{type: string}]
    additionalItems: false
";
    let post = "---\nimage: x.png\npair: [a, b]\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-required 1:1-1:4 post.yml:2:1",
            // The message is about the list: "has more than 1 item".
            "schema-value 3:7-3:13 post.yml:7:5",
        ]
    );
}

#[test]
fn an_empty_item_and_an_empty_enum_value_at_their_place() {
    let schema = "properties:\n  tags: {items: {type: string}}\n  category: {enum: [news]}\n";
    let post = "---\ntags:\n  - a\n  -\ncategory:\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-wrong-type 4:3-4:4 post.yml:2:18",
            "schema-value 5:1-5:9 post.yml:3:14",
        ]
    );
}

#[test]
fn a_nested_near_miss_once_and_a_flow_parent_at_its_key() {
    let schema = "\
properties:
  image:
    required: [alt]
    properties: {alt: {}, src: {}}
    additionalProperties: false
  credit:
    required: [name]
";
    let post = "---\nimage:\n  atl: A\n  src: x\ncredit: {by: Cy}\n---\n";
    assert_eq!(
        places(schema, post),
        [
            "schema-unknown-key 3:3-3:6 post.yml:5:5",
            "schema-required 5:1-5:7 post.yml:7:5",
        ]
    );
}

#[test]
fn a_date_jekyll_cannot_read_is_left_to_invalid_date() {
    let schema = "properties:\n  date: {format: jekyll-date}\n";
    let post = "---\ndate: soon\n---\n";
    assert_eq!(places(schema, post), Vec::<String>::new());
}
