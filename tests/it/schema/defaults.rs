//! The values `defaults:` in `_config.yml` gives documents: judged by the
//! schemas of the documents its scopes reach, each bad one an error at its
//! place in `_config.yml`; and admitted by the schema `schema infer`
//! writes.

use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const SCHEMA: &str = "\
required: [category]
properties:
  category: {enum: [news, sport]}
  draft: {type: boolean}
  image:
    type: object
    properties:
      alt: {type: string, minLength: 3}
";

const POST: &str = "---\ntitle: Tides\n---\nThe sea rose.\n";

fn run(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = postlint(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_default_is_an_error_at_its_line_in_config_yml() {
    let config_yml = "\
title: Sea
defaults:
  - scope: {path: \"\", type: pages}
    values: {category: anything}
  - scope:
      path: \"\"
      type: posts
    values:
      category: news
      image:
        alt: ok
";
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", SCHEMA),
        ("_config.yml", config_yml),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    let (code, _, stderr) = run(dir.path(), &["check", "--no-cache", "."]);
    assert_eq!(
        stderr,
        "error: _config.yml:11:14: `defaults` gives `image` a value schema `post` refuses: `ok` is shorter than 3 characters\n"
    );
    assert_eq!(code, Some(2));
    let (code, _, stderr) = run(dir.path(), &["schema", "check"]);
    assert!(stderr.starts_with("error: _config.yml:11:14: "), "{stderr}");
    assert_eq!(code, Some(2));
}

#[test]
fn a_good_default_supplies_a_required_key_and_other_scopes_are_not_judged() {
    // The pages' `category` is not a post's: the post schema does not
    // judge it.
    let config_yml = "\
defaults:
  - scope: {path: \"\", type: pages}
    values: {category: anything, draft: maybe}
  - scope: {path: _posts}
    values: {category: sport, draft: false}
";
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", SCHEMA),
        ("_config.yml", config_yml),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--no-cache",
            "--select",
            "schema",
            "--output-format",
            "concise",
            ".",
        ],
    );
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "No problems found in 1 file\n"),
        "{stderr}"
    );
}

#[test]
fn an_inferred_schema_admits_what_defaults_give() {
    let dir = site(&[
        (
            "_config.yml",
            "defaults:\n  - scope: {path: \"\"}\n    values:\n      aside: {toc: true}\n      share: true\n",
        ),
        (
            "_posts/2022-10-31-a.md",
            "---\ntitle: A\naside: false\n---\nText.\n",
        ),
        (
            "_posts/2022-11-01-b.md",
            "---\ntitle: B\naside: false\n---\nText.\n",
        ),
    ]);
    let (code, stdout, stderr) = run(dir.path(), &["schema", "infer", "--closed", "_posts"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "suspect: `aside` has more than one type: a boolean twice, a mapping once\n  _config.yml:4:14\n"
    );
    assert!(
        stdout.contains("  share:  # 0 of 2, from `defaults:`\n    type: boolean\n"),
        "{stdout}"
    );
    std::fs::write(dir.path().join("inferred.yml"), &stdout).unwrap();
    std::fs::write(
        dir.path().join("postlint.toml"),
        "[[schema]]\nname = \"inferred\"\nschema = \"inferred.yml\"\nfiles = [\"_posts/**\"]\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "check",
            "--no-cache",
            "--select",
            "schema",
            "--output-format",
            "concise",
            ".",
        ],
    );
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "No problems found in 2 files\n"),
        "{stderr}"
    );
}
