//! `postlint explain` through the real binary, on a synthetic site.

use crate::common;

use serde_json::Value;

const CONFIG: &str = "url: https://example.org\nbaseurl: /blog/\npermalink: pretty\ncollections:\n  recipes:\n    output: true\n    permalink: /r/:name/\n  notes: {}\nexclude: [notes.txt]\ndefaults:\n  - scope: {path: \"\", type: pages}\n    values: {layout: page}\n";

fn site() -> tempfile::TempDir {
    common::site(&[
        ("_config.yml", CONFIG),
        (
            "_posts/2024-05-01-harbour.md",
            "---\nlayout: post\ndate: 2024-05-01 09:30:00 +0200\n---\nText.\n",
        ),
        ("_posts/README.md", "Not a post.\n"),
        ("_drafts/ferry.md", "---\ntitle: Ferry\n---\n"),
        ("about.md", "---\ntitle: About\n---\n"),
        ("index.html", "---\n---\n"),
        ("feed.xml", "---\nlayout: null\n---\n"),
        ("hidden.md", "---\npublished: false\n---\n"),
        ("_recipes/Soup Day.md", "---\n---\n"),
        ("_recipes/img/a.png", "png"),
        ("_notes/a.md", "---\n---\n"),
        ("assets/logo.png", "png"),
        ("_layouts/post.html", "{{ content }}\n"),
        ("notes.txt", "x\n"),
        (".gitignore", "_site\n"),
    ])
}

fn explain(dir: &std::path::Path, args: &[&str]) -> (Vec<Value>, Option<i32>) {
    let out = common::postlint(dir)
        .arg("explain")
        .args(args)
        .args(["--output-format", "json", "--now", "2026-01-01T00:00:00Z"])
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap_or_default(),
        out.status.code(),
    )
}

#[test]
fn every_file_of_a_site() {
    let dir = site();
    let (all, code) = explain(dir.path(), &[]);
    assert_eq!(code, Some(0));
    let row = |path: &str| {
        let v = all
            .iter()
            .find(|v| v["path"] == path)
            .unwrap_or_else(|| panic!("{path}"));
        (
            v["kind"].as_str().unwrap().to_string(),
            v["url"].as_str().map(str::to_string),
            v["dest"].as_str().map(str::to_string),
        )
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        row("_posts/2024-05-01-harbour.md"),
        (
            "post".into(),
            some("/2024/05/01/harbour/"),
            some("2024/05/01/harbour/index.html")
        )
    );
    assert_eq!(row("_posts/README.md").0, "skipped");
    assert_eq!(row("_drafts/ferry.md"), ("draft".into(), None, None));
    assert_eq!(
        row("about.md"),
        ("page".into(), some("/about/"), some("about/index.html"))
    );
    assert_eq!(
        row("index.html"),
        ("page".into(), some("/"), some("index.html"))
    );
    assert_eq!(
        row("feed.xml"),
        ("page".into(), some("/feed.xml"), some("feed.xml"))
    );
    assert_eq!(row("hidden.md"), ("page".into(), None, None));
    assert_eq!(
        row("_recipes/Soup Day.md"),
        (
            "document".into(),
            some("/r/soup-day/"),
            some("r/soup-day/index.html")
        )
    );
    assert_eq!(
        row("_recipes/img/a.png"),
        ("static".into(), some("/r/a.png"), some("r/a.png"))
    );
    assert_eq!(
        row("_notes/a.md"),
        ("document".into(), some("/notes/a/"), None)
    );
    assert_eq!(
        row("assets/logo.png"),
        (
            "static".into(),
            some("/assets/logo.png"),
            some("assets/logo.png")
        )
    );
    for skipped in [
        "_layouts/post.html",
        "notes.txt",
        ".gitignore",
        "_config.yml",
    ] {
        assert_eq!(row(skipped).0, "skipped", "{skipped}");
    }
    let post = all.iter().find(|v| v["kind"] == "post").unwrap();
    assert_eq!(post["date"], "2024-05-01T07:30:00+00:00");
    assert_eq!(post["layout"], "post");
    assert_eq!(post["published"], true);
    // Its layout is its one reference.
    assert_eq!(
        post["links"],
        serde_json::json!([{ "line": 2, "column": 9, "text": "post", "kind": "layout",
            "target": "post", "leads": "file", "file": "_layouts/post.html" }])
    );
    let about = all.iter().find(|v| v["path"] == "about.md").unwrap();
    assert_eq!(about["layout"], "page");
}

#[test]
fn files_and_folders_named_and_a_missing_path() {
    let dir = site();
    let (some, code) = explain(dir.path(), &["about.md", "_recipes"]);
    assert_eq!(code, Some(0));
    let paths: Vec<&str> = some.iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["about.md", "_recipes/Soup Day.md", "_recipes/img/a.png"]
    );
    // From a folder below the site's, paths are still the site's.
    let (below, _) = explain(&dir.path().join("_recipes"), &["img"]);
    assert_eq!(below[0]["path"], "_recipes/img/a.png");
    let out = common::postlint(dir.path())
        .args(["explain", "missing.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
}

#[test]
fn human_output() {
    let dir = site();
    let out = common::postlint(dir.path())
        .args([
            "explain",
            "about.md",
            "_posts",
            "--now",
            "2026-01-01T00:00:00Z",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "about.md\n  kind: page\n  url: /about/\n  output: about/index.html\n  published: yes\n  layout: page\n\
        \n_posts/2024-05-01-harbour.md\n  kind: post\n  url: /2024/05/01/harbour/\n  output: 2024/05/01/harbour/index.html\n  date: 2024-05-01T07:30:00+00:00\n  published: yes\n  layout: post\n  links:\n    2:9 layout `post` -> _layouts/post.html\n\
        \n_posts/README.md\n  kind: skipped\n  why: in `_posts/` but its name is not `YYYY-MM-DD-title.ext`\n"
    );
}

#[test]
fn each_reference_says_where_it_leads() {
    let dir = common::site(&[
        ("_config.yml", "title: Notes\nbaseurl: /blog\n"),
        ("_includes/footer.html", "<footer></footer>\n"),
        ("about.md", "---\npermalink: /about/\n---\nAbout.\n"),
        (
            "_posts/2024-05-02-tide.md",
            "---\ntitle: Tide\n---\nTides.\n",
        ),
        (
            "_posts/2024-05-01-harbour.md",
            "---\ntitle: Harbour\n---\n\
             [tides]({% post_url 2024-05-02-tide %}) [about]({{ site.baseurl }}/about/)\n\
             [gone](/blog/2024/05/03/gone.html) [elsewhere](https://example.org/)\n\
             [next]({{ page.next.url }}) {% include footer.html %}\n",
        ),
    ]);
    let (all, code) = explain(dir.path(), &["_posts/2024-05-01-harbour.md"]);
    assert_eq!(code, Some(0));
    // Line, column, text, kind, where it leads, and the file.
    type Link<'a> = (u64, u64, &'a str, &'a str, &'a str, Option<&'a str>);
    let links: Vec<Link> = all[0]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["column"].as_u64().unwrap(),
                l["text"].as_str().unwrap(),
                l["kind"].as_str().unwrap(),
                l["leads"].as_str().unwrap(),
                l["file"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                4,
                21,
                "2024-05-02-tide",
                "post_url",
                "file",
                Some("_posts/2024-05-02-tide.md")
            ),
            (
                4,
                49,
                "{{ site.baseurl }}/about/",
                "link",
                "file",
                Some("about.md")
            ),
            (5, 8, "/blog/2024/05/03/gone.html", "link", "nothing", None),
            (5, 48, "https://example.org/", "link", "external", None),
            (6, 8, "{{ page.next.url }}", "link", "not-judged", None),
            (
                6,
                40,
                "footer.html",
                "include",
                "file",
                Some("_includes/footer.html")
            ),
        ]
    );
}

/// A post's schema, the table that declares it, and why it was picked;
/// none for a page, which the schema rules do not judge.
#[test]
fn names_the_schema_of_each_post() {
    let dir = common::site(&[
        ("_config.yml", "title: T\n"),
        ("_posts/2024-05-01-harbour.md", "---\ntitle: Harbour\n---\n"),
        ("_posts/releases/2024-05-02-v1.md", "---\ntitle: V1\n---\n"),
        ("about.md", "---\ntitle: About\n---\n"),
        ("schemas/post.yml", "type: object\n"),
        ("schemas/release.yml", "type: object\n"),
        (
            "postlint.toml",
            "[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n\n\
             [[schema]]\nname = \"release\"\nschema = \"schemas/release.yml\"\n\
             scope = { path = \"_posts/releases\", type = \"posts\" }\n",
        ),
    ]);
    let (files, code) = explain(dir.path(), &[]);
    assert_eq!(code, Some(0));
    let schema = |path: &str| {
        files
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("{path}: {files:#?}"))["schema"]
            .clone()
    };
    assert_eq!(
        schema("_posts/2024-05-01-harbour.md"),
        serde_json::json!({ "name": "post", "file": "schemas/post.yml", "why": "`files` glob `_posts/**`" })
    );
    assert_eq!(
        schema("_posts/releases/2024-05-02-v1.md"),
        serde_json::json!({ "name": "release", "file": "schemas/release.yml", "why": "scope path `_posts/releases`, type `posts`" })
    );
    assert_eq!(schema("about.md"), Value::Null);
}
