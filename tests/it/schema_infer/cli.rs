//! `postlint schema infer` on small synthetic sites: what it detects, that
//! it writes the same bytes every time, and its errors.

use crate::common::{postlint, site};

use std::path::Path;

/// stdout, stderr and exit code of `postlint schema infer ARGS` in `dir`.
fn infer(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = postlint(dir)
        .args(["schema", "infer"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

fn post(body: &str) -> String {
    format!("---\n{body}\n---\nSome text.\n")
}

/// Sixty-one posts of a small blog: a category from three, a language
/// from two, dates written
/// as YAML dates and as timestamps, a `redirect_from` that is a string
/// or a list, an image mapping, and one misspelt key among many.
fn blog() -> tempfile::TempDir {
    let mut files: Vec<(String, String)> = Vec::new();
    let categories = ["notes", "releases", "talks"];
    for i in 0..60 {
        let mut body = format!(
            "title: Post {i}\ncategory: {}\npublished_on: 2021-03-{:02}\nsource: https://example.test/{i}\n",
            categories[i % 3],
            i % 28 + 1
        );
        body.push_str(if i % 2 == 0 {
            "lang: en\n"
        } else {
            "lang: fr\n"
        });
        if i % 10 == 0 {
            body.push_str("redirect_from: /old/a\n");
        }
        if i % 10 == 5 {
            body.push_str("redirect_from:\n  - /old/b\n  - /old/c\n");
        }
        if i % 4 == 0 {
            body.push_str("image:\n  src: /img/a.png\n  alt: A picture\n");
        }
        if i == 7 {
            body.push_str("updated: 2021-04-01 10:00:00 +02:00\n");
        }
        if i == 8 {
            body.push_str("updated: 2021-04-02\n");
        }
        files.push((
            format!("_posts/2021-03-{:02}-post-{i}.md", i % 28 + 1),
            post(&body),
        ));
    }
    files.push((
        "_posts/2021-04-09-odd.md".into(),
        post("title: Odd\ncatgory: notes\ncategory: note\npublished_on: 2021-04-09\nsource: https://example.test/odd"),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    site(&refs)
}

#[test]
fn infers_required_keys_enums_formats_and_mixed_shapes() {
    let dir = blog();
    let (yaml, stderr, code) = infer(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("blog_schema", yaml);
    insta::assert_snapshot!("blog_suspects", stderr);
}

#[test]
fn two_runs_write_the_same_bytes() {
    let dir = blog();
    for format in ["yaml", "json"] {
        let first = infer(dir.path(), &["--output-format", format]);
        let second = infer(dir.path(), &["--output-format", format]);
        assert_eq!(first, second, "{format}");
    }
}

#[test]
fn json_output_parses_with_the_counts_as_comments() {
    let dir = blog();
    let (json, _, code) = infer(dir.path(), &["--output-format", "json", "--closed"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["properties"]["title"]["$comment"], "61 of 61");
    assert_eq!(schema["properties"]["source"]["format"], "uri");
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(
        schema["properties"]["image"]["additionalProperties"], false,
        "--closed closes nested mappings too"
    );
    assert_eq!(
        schema["required"],
        serde_json::json!(["category", "published_on", "source", "title"])
    );
}

#[test]
fn closed_adds_additional_properties_false() {
    let dir = blog();
    let (open, _, _) = infer(dir.path(), &[]);
    let (closed, _, _) = infer(dir.path(), &["--closed"]);
    assert!(!open.contains("additionalProperties"));
    assert_eq!(
        closed.matches("additionalProperties: false").count(),
        2,
        "{closed}"
    );
}

#[test]
fn respects_include_and_exclude() {
    let dir = site(&[
        ("_posts/2021-01-01-a.md", &post("title: A\nkept: yes")),
        (
            "_posts/old/2021-01-02-b.md",
            &post("title: B\nleft_out: yes"),
        ),
        ("notes/c.md", &post("title: C\nincluded: yes")),
        (
            "postlint.toml",
            "extend-exclude = [\"_posts/old/**\"]\ninclude = [\"_posts/**/*.md\", \"notes/*.md\"]\n",
        ),
    ]);
    let (yaml, stderr, code) = infer(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(yaml.contains("  kept:  # 1 of 2\n"), "{yaml}");
    assert!(yaml.contains("  included:  # 1 of 2\n"), "{yaml}");
    assert!(!yaml.contains("left_out"), "{yaml}");
}

#[test]
fn front_matter_that_is_not_yaml_is_left_out_with_a_warning() {
    let dir = site(&[
        ("_posts/2021-01-01-a.md", &post("title: A")),
        ("_posts/2021-01-02-b.md", &post("title: [B")),
    ]);
    let (yaml, stderr, code) = infer(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(yaml.contains("of 1 posts"), "{yaml}");
    assert!(
        stderr
            .starts_with("warning: _posts/2021-01-02-b.md:2:8: the front matter is not valid YAML"),
        "{stderr}"
    );
    assert!(stderr.ends_with("; left out of the schema\n"), "{stderr}");
}

#[test]
fn no_posts_found_is_an_error() {
    let dir = site(&[("README.md", "# Not a post\n")]);
    let (stdout, stderr, code) = infer(dir.path(), &[]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: no posts found in `.`: a post is a .md, .markdown or .html file under a _posts/ or _drafts/ folder; set `include` in postlint.toml to read other files\n"
    );
}

#[test]
fn a_path_that_does_not_exist_is_an_error() {
    let dir = blog();
    let (stdout, stderr, code) = infer(dir.path(), &["_posts", "nowhere"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(stderr, "error: nowhere: no such file or directory\n");
}
