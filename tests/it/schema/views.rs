//! What a schema sees of a post's front matter, as Psych reads it: an
//! alias to an anchor under another top-level key is the anchor's value,
//! and a repeated key's last value is judged by its own type alone.

use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"post.yml\"\nfiles = [\"_posts/**\"]\n";

const SCHEMA: &str = "\
properties:
  layout: {type: string}
  dated: {type: string}
";

/// `path:line:col rule` of each finding of the `schema` family.
fn schema_findings(dir: &std::path::Path) -> Vec<String> {
    let out = postlint(dir)
        .args(["check", "--no-cache", "--output-format", "json", "."])
        .output()
        .unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    items
        .iter()
        .filter(|i| i["rule"].as_str().unwrap().starts_with("schema-"))
        .map(|i| {
            format!(
                "{}:{}:{} {}",
                i["path"].as_str().unwrap(),
                i["line"],
                i["column"],
                i["rule"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn aliases_across_keys_and_repeated_keys_read_as_psych_reads_them() {
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("post.yml", SCHEMA),
        // `layout` is the text `home`, not null.
        (
            "_posts/2022-10-31-alias.md",
            "---\ntitle: &t home\nlayout: *t\n---\nText.\n",
        ),
        // `dated` is still a date after `date` is repeated.
        (
            "_posts/2022-11-01-repeat.md",
            "---\ntitle: Two\ndated: 2022-11-01\ndate: 2022-11-01\ndate: 2022-11-01 10:00:00\n---\nText.\n",
        ),
    ]);
    assert_eq!(
        schema_findings(dir.path()),
        ["_posts/2022-11-01-repeat.md:3:8 schema-wrong-type"]
    );
}
