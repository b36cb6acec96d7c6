//! The schemas in the cache's key: a post is checked again when its own
//! schema changes (its file, the files its `$ref`s reach, the `_data` files
//! their `jekyllData` names), and only then. Whether a run checked a post
//! again is told as in the rest of the cache's tests: each post gets a
//! duplicate key the cache cannot see (same size and time), which only a
//! post checked again reports.

use std::fs;
use std::path::Path;

use super::{change_unseen, check, found};
use crate::common::site;

const CONFIG: &str = "profile = \"ordinary\"\n\n\
[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n\n\
[[schema]]\nname = \"draft\"\nschema = \"schemas/draft.yml\"\nfiles = [\"_drafts/harbour.md\"]\n";

/// The posts' schema names `_data/authors` through a `$ref`.
const POST_SCHEMA: &str = "properties:\n  author:\n    $ref: people.yml\n";
const PEOPLE: &str = "jekyllData: authors\n";
/// The drafts' schema names no `_data` file.
const DRAFT_SCHEMA: &str = "properties:\n  title:\n    type: string\n";

/// A post under the posts' schema, one under the drafts' schema, and one
/// no schema applies to.
const TIDES: &str = "_posts/2022-10-31-tides.md";
const HARBOUR: &str = "_drafts/harbour.md";
const LONE: &str = "_drafts/lone.md";
const POSTS: [&str; 3] = [TIDES, HARBOUR, LONE];

fn text(title: &str) -> String {
    format!("---\ntitle: {title}\nauthor: ann\nfirst: 1\nsecond: 2\n---\nThe sea rose.\n")
}

fn three_posts() -> tempfile::TempDir {
    site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", POST_SCHEMA),
        ("schemas/people.yml", PEOPLE),
        ("schemas/draft.yml", DRAFT_SCHEMA),
        ("_data/authors.yml", "ann: {name: Ann}\n"),
        (TIDES, &text("Tides")),
        (HARBOUR, &text("Harbour")),
        (LONE, &text("Lone")),
    ])
}

/// Give every post a duplicate key, unseen by the cache.
fn duplicate_unseen(dir: &Path) {
    for post in POSTS {
        let path = dir.join(post);
        let before = fs::read_to_string(&path).unwrap();
        change_unseen(&path, &before.replace("second: 2", "first:  2"));
    }
}

/// The posts whose duplicate key a run reports: those it checked again.
fn checked_again(dir: &Path) -> Vec<String> {
    let (_, items) = check(dir, &[]);
    (found(&items).into_iter())
        .filter(|(_, rule)| rule == "front-matter-duplicate-key")
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_changed_data_file_checks_again_only_the_posts_whose_schema_names_it() {
    let dir = three_posts();
    let (_, before) = check(dir.path(), &[]);
    assert_eq!(found(&before), [], "a clean start");
    duplicate_unseen(dir.path());
    assert_eq!(checked_again(dir.path()), Vec::<String>::new());
    fs::write(
        dir.path().join("_data/authors.yml"),
        "ann: {name: Ann}\nbob: {name: Bob}\n",
    )
    .unwrap();
    assert_eq!(checked_again(dir.path()), [TIDES]);
    // Every post has the duplicate: without the cache, all report it.
    let (_, all) = check(dir.path(), &["--no-cache"]);
    let all: Vec<_> = (found(&all).into_iter())
        .filter(|(_, rule)| rule == "front-matter-duplicate-key")
        .map(|(path, _)| path)
        .collect();
    assert_eq!(all.len(), POSTS.len(), "{all:?}");
}

#[test]
fn a_changed_schema_file_checks_again_only_the_posts_under_it() {
    let dir = three_posts();
    check(dir.path(), &[]);
    duplicate_unseen(dir.path());
    fs::write(
        dir.path().join("schemas/draft.yml"),
        format!("title: Drafts\n{DRAFT_SCHEMA}"),
    )
    .unwrap();
    assert_eq!(checked_again(dir.path()), [HARBOUR]);
    // A file the posts' schema reaches through its `$ref`.
    fs::write(
        dir.path().join("schemas/people.yml"),
        format!("title: People\n{PEOPLE}"),
    )
    .unwrap();
    assert_eq!(checked_again(dir.path()), [HARBOUR, TIDES]);
}

#[test]
fn a_finding_that_depends_on_a_data_file_follows_it() {
    let dir = three_posts();
    let references = |items: &serde_json::Value| -> Vec<(String, String)> {
        (found(items).into_iter())
            .filter(|(_, rule)| rule.starts_with("schema-"))
            .collect()
    };
    let (_, before) = check(dir.path(), &[]);
    assert_eq!(references(&before), []);
    // Ann leaves the authors: the post naming her is reported.
    fs::write(dir.path().join("_data/authors.yml"), "bob: {name: Bob}\n").unwrap();
    let (_, gone) = check(dir.path(), &[]);
    assert_eq!(
        references(&gone),
        [(TIDES.to_string(), "schema-reference".to_string())]
    );
    assert_eq!(gone, check(dir.path(), &["--no-cache"]).1);
    // And she comes back.
    fs::write(dir.path().join("_data/authors.yml"), "ann: {name: Ann}\n").unwrap();
    assert_eq!(check(dir.path(), &[]).1, before);
}
