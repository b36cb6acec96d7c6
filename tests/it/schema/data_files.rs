//! The `_data` files `jekyllData` names are read when the schemas load:
//! one that is missing, does not parse or lacks what the keyword names
//! stops `schema check` (and `check`) with exit 2 at its place.

use crate::common::{postlint, site};

const CONFIG: &str = "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n";

const POST: &str = "---\ntitle: Tides\nauthor: ann\n---\nThe sea rose.\n";

/// A schema, the `_data` file beside it (path and text), and the error.
type Case<'a> = (&'a str, Option<(&'a str, &'a str)>, &'a str);

#[test]
fn a_data_file_that_is_missing_or_does_not_parse_stops_the_run_at_its_place() {
    let named = "properties:\n  author:\n    jekyllData: people\n";
    let cases: &[Case] = &[
        (
            named,
            None,
            "schemas/post.yml:3:17: `jekyllData` names `_data/people.yml`, which does not exist",
        ),
        (
            "properties:\n  author:\n    jekyllData: {file: people, key: id}\n",
            None,
            "schemas/post.yml:3:17: `jekyllData` names `_data/people.yml`, which does not exist",
        ),
        (
            named,
            Some(("_data/people.yml", "ann: [\n")),
            "_data/people.yml:1:6: not YAML: unclosed bracket '['",
        ),
        (
            named,
            Some(("_data/people.json", "{\"ann\": \n")),
            "_data/people.json:2:1: not JSON: the text ends inside a value",
        ),
        (
            named,
            Some(("_data/people.json", "{\"ann\" 1}\n")),
            "_data/people.json:1:8: not JSON: expected `:`",
        ),
        (
            "properties:\n  author:\n    jekyllData: people.main\n",
            Some(("_data/people.yml", "ann: 1\n")),
            "schemas/post.yml:3:17: `_data/people` has no `main`",
        ),
        (
            named,
            Some(("_data/people.yml", "just text\n")),
            "schemas/post.yml:3:17: `_data/people` is neither a mapping nor a list",
        ),
    ];
    for (schema, data, want) in cases {
        let mut files = vec![
            ("postlint.toml", CONFIG),
            ("schemas/post.yml", *schema),
            ("_posts/2022-10-31-tides.md", POST),
        ];
        files.extend(data.iter().copied());
        let dir = site(&files);
        for args in [&["schema", "check"][..], &["check", "--no-cache", "."][..]] {
            let out = postlint(dir.path()).args(args).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?} {schema} {data:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!("error: {want}\n"),
                "{args:?} {data:?}"
            );
            assert!(out.stdout.is_empty(), "{args:?} {data:?}");
        }
    }
    // A `_data` file that reads: the schema loads.
    let dir = site(&[
        ("postlint.toml", CONFIG),
        ("schemas/post.yml", named),
        ("_data/people.yml", "ann: {name: Ann}\n"),
        ("_posts/2022-10-31-tides.md", POST),
    ]);
    let out = postlint(dir.path())
        .args(["schema", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "schema `post`: schemas/post.yml loads\n"
    );
    assert!(out.stderr.is_empty());
}
