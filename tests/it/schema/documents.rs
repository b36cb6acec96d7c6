//! `jekyllDocument`: a value names a document of a collection, as
//! `post_url` names a post, read where the site's `collections_dir` puts
//! the collection.

use crate::common::{postlint, site};

#[test]
fn a_document_is_named_as_post_url_names_it_under_collections_dir() {
    let dir = site(&[
        (
            "postlint.toml",
            "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"content/_posts/**\"]\n",
        ),
        (
            "_config.yml",
            "collections_dir: content\ncollections:\n  recipes:\n    output: true\n",
        ),
        (
            "schemas/post.yml",
            "properties:\n  recipe: {jekyllDocument: recipes}\n  next: {jekyllDocument: posts}\n",
        ),
        ("content/_recipes/soup.md", "---\ntitle: Soup\n---\n"),
        ("content/_recipes/bread/rye.md", "---\ntitle: Rye\n---\n"),
        // Where the collection would be without `collections_dir`: not read.
        ("_recipes/stew.md", "---\ntitle: Stew\n---\n"),
        (
            "content/_posts/2022-10-31-a.md",
            "---\ntitle: A\nrecipe: bread/rye\nnext: 2022-11-01-b\n---\nText.\n",
        ),
        (
            "content/_posts/2022-11-01-b.md",
            "---\ntitle: B\nrecipe: stew\nnext: 2022-10-31-a\n---\nText.\n",
        ),
    ]);
    let out = postlint(dir.path())
        .args([
            "check",
            "--no-cache",
            "--output-format",
            "concise",
            "--select",
            "schema",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "content/_posts/2022-11-01-b.md:3:9: error schema-reference `stew` is not a document of `recipes`\n\
         Found 1 problem (1 error) in 1 of 4 files\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
}
