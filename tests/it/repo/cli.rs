//! Whole-repository rules from the command line, over small synthetic
//! sites: duplicate and case-conflicting URLs, duplicate sources, and links
//! to tag pages no post has.

use crate::common;

use common::{postlint, site};
use serde_json::Value;

/// A minimal post: front matter with `title`, `date`, `from` and `extra`
/// lines, then `body`.
fn post(title: &str, date: &str, from: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\nfrom: {from}\n{extra}---\n\n{body}\n")
}

/// `postlint check --format json` in `dir`: the exit code and the items.
fn check_json(dir: &std::path::Path, args: &[&str]) -> (i32, Vec<Value>) {
    let out = postlint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        out.status.code().unwrap(),
        items.as_array().unwrap().clone(),
    )
}

/// `(path, rule)` of each item.
fn found(items: &[Value]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn two_posts_with_one_url_are_reported_once_with_the_first_labelled() {
    let a = post(
        "Bridge reopens",
        "2022-10-31T09:00:00Z",
        "https://a.example/1",
        "",
        "<p>a</p>",
    );
    let b = post(
        "Bridge reopens?",
        "2022-10-31T10:00:00Z",
        "https://a.example/2",
        "",
        "<p>b</p>",
    );
    let c = post(
        "Ferry",
        "2022-10-31T10:00:00Z",
        "https://a.example/3",
        "",
        "<p>c</p>",
    );
    let dir = site(&[
        ("_config.yml", "title: News\n"),
        ("_posts/2022-10-31-Bridge reopens.md", &a),
        ("_posts/2022-10-31-Bridge reopens?.md", &b),
        ("_posts/2022-10-31-ferry.md", &c),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!(code, 1, "an error-level finding fails the run");
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-10-31-Bridge reopens?.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )]
    );
    let item = &items[0];
    assert_eq!(
        (item["line"].as_u64(), item["column"].as_u64()),
        (Some(1), Some(1))
    );
    let related = &item["related"][0];
    assert_eq!(related["path"], "_posts/2022-10-31-Bridge reopens.md");
    assert_eq!(related["line"], 1);
    assert!(
        item["help"]
            .as_str()
            .unwrap()
            .contains("_site/2022/10/31/Bridge-reopens.html"),
        "{item}"
    );
}

#[test]
fn the_url_follows_permalink_settings_categories_and_slug() {
    // The site's `permalink` drops the date, so posts of two days collide.
    let a = post(
        "Bridge",
        "2022-10-30T09:00:00Z",
        "https://a.example/1",
        "",
        "",
    );
    let b = post(
        "Bridge",
        "2022-10-31T09:00:00Z",
        "https://a.example/2",
        "",
        "",
    );
    let dir = site(&[
        ("_config.yml", "permalink: /:title/\n"),
        ("_posts/2022-10-30-bridge.md", &a),
        ("_posts/2022-10-31-bridge.md", &b),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-10-31-bridge.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )]
    );

    // A post's own `permalink`, or its `slug`, gives it another URL; the
    // finding points at the key that decides the URL.
    let b_own = post(
        "Bridge",
        "2022-10-31T09:00:00Z",
        "https://a.example/2",
        "permalink: /bridge-2/\n",
        "",
    );
    let b_slug = post(
        "Bridge",
        "2022-10-31T09:00:00Z",
        "https://a.example/2",
        "slug: bridge\n",
        "",
    );
    let dir = site(&[
        ("_config.yml", "permalink: /:title/\n"),
        ("_posts/2022-10-30-bridge.md", &a),
        ("_posts/2022-10-31-bridge.md", &b_own),
        (
            "_posts/2022-11-01-other.md",
            &b_slug
                .replace("a.example/2", "a.example/3")
                .replace("2022-10-31", "2022-11-01"),
        ),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-11-01-other.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )]
    );
    assert_eq!(
        (items[0]["line"].as_u64(), items[0]["column"].as_u64()),
        (Some(5), Some(7))
    );

    // Folders above `_posts` and `categories` are part of the default URL.
    let dir = site(&[
        ("_config.yml", "title: News\n"),
        (
            "city/_posts/2022-10-31-bridge.md",
            &a.replace("2022-10-30", "2022-10-31"),
        ),
        ("sport/_posts/2022-10-31-bridge.md", &b),
        (
            "_posts/2022-10-31-bridge.md",
            &post(
                "Bridge",
                "2022-10-31T11:00:00Z",
                "https://a.example/4",
                "categories: [ City ]\n",
                "",
            ),
        ),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-10-31-bridge.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )],
        "`city/_posts` and `categories: [ City ]` both give /city/2022/10/31/bridge.html; the later post is reported"
    );
}

#[test]
fn posts_jekyll_leaves_out_do_not_collide() {
    let a = post(
        "Bridge",
        "2022-10-31T09:00:00Z",
        "https://a.example/1",
        "",
        "",
    );
    let hidden = post(
        "Bridge",
        "2022-10-31T10:00:00Z",
        "https://a.example/2",
        "published: false\n",
        "",
    );
    let future = post(
        "Bridge",
        "2099-10-31T10:00:00Z",
        "https://a.example/3",
        "",
        "",
    );
    let dir = site(&[
        ("_posts/2022-10-31-bridge.md", &a),
        ("_posts/2022-10-31-bridge.markdown", &hidden),
        ("_posts/2099-10-31-bridge.md", &future),
        (
            "_drafts/bridge.md",
            &a.replace("a.example/1", "a.example/4"),
        ),
    ]);
    let (code, items) = check_json(
        dir.path(),
        &[
            "--now",
            "2023-01-01T00:00:00Z",
            "--ignore",
            "jekyll-future-date",
        ],
    );
    assert_eq!((code, found(&items)), (0, vec![]));
}

#[test]
fn urls_that_differ_only_in_case_are_a_warning() {
    let a = post(
        "Get Off",
        "2021-11-08T09:00:00Z",
        "https://a.example/1",
        "",
        "",
    );
    let b = post(
        "Get off",
        "2021-11-08T10:00:00Z",
        "https://a.example/2",
        "",
        "",
    );
    let dir = site(&[
        ("_posts/2021-11-08-Get Off.md", &a),
        ("_posts/2021-11-08-Get off.md", &b),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "a warning does not fail the run");
    assert_eq!(
        found(&items),
        [(
            "_posts/2021-11-08-Get off.md".to_string(),
            "jekyll-url-case-conflict".to_string()
        )]
    );
    assert_eq!(
        items[0]["related"][0]["path"],
        "_posts/2021-11-08-Get Off.md"
    );
    assert_eq!(
        items[0]["related"][0]["message"],
        "URL `/2021/11/08/Get-Off.html`"
    );
}

#[test]
fn a_source_seen_before_is_a_duplicate_after_normalising() {
    let a = post(
        "A",
        "2022-10-31T09:00:00Z",
        "https://News.example.com/a/b",
        "",
        "",
    );
    let b = post(
        "B",
        "2022-11-01T09:00:00Z",
        "http://news.example.com/a/b/#top",
        "",
        "",
    );
    let c = post(
        "C",
        "2022-11-02T09:00:00Z",
        "https://news.example.com/a/b?page=2",
        "",
        "",
    );
    let d = post(
        "D",
        "2022-11-03T09:00:00Z",
        "https://news.example.com/a/%62",
        "",
        "",
    );
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-01-b.md", &b),
        ("_posts/2022-11-02-c.md", &c),
        ("_posts/2022-11-03-d.md", &d),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(
        found(&items),
        [
            (
                "_posts/2022-11-01-b.md".to_string(),
                "source-duplicate".to_string()
            ),
            (
                "_posts/2022-11-03-d.md".to_string(),
                "source-duplicate".to_string()
            ),
        ]
    );
    for item in &items {
        assert_eq!(item["line"], 4);
        assert_eq!(item["related"][0]["path"], "_posts/2022-10-31-a.md");
        assert_eq!(item["related"][0]["line"], 4);
    }
}

#[test]
fn links_to_tag_pages_need_a_post_with_the_tag() {
    let a = post(
        "A",
        "2022-10-31T09:00:00Z",
        "https://a.example/1",
        "tags: [ bridges, \"River Crossings\" ]\n",
        "<a href=\"/tags/#river-crossings\">river crossings</a> <a href=\"/tag/Bridges/\">Bridges</a> <a href=\"https://other.example/tag/ferries/\">ferries</a>",
    );
    let b = post(
        "B",
        "2022-11-01T09:00:00Z",
        "https://a.example/2",
        "tags: ferries\n",
        "<a href=\"/tag/ferries.html\">ferries</a> <a href=\"../tags/#trams\">trams</a>",
    );
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-01-b.md", &b),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-11-01-b.md".to_string(),
            "tag-link-unknown-tag".to_string()
        )]
    );
    assert!(items[0]["message"].as_str().unwrap().contains("`trams`"));
}

#[test]
fn per_file_ignores_and_suppressions_apply() {
    let a = post("A", "2022-10-31T09:00:00Z", "https://a.example/1", "", "");
    let b = post("B", "2022-11-01T09:00:00Z", "https://a.example/1", "", "");
    let c = post(
        "C",
        "2022-11-02T09:00:00Z",
        "https://a.example/1",
        "",
        "<!-- postlint-disable-file source-duplicate -->",
    );
    let dir = site(&[
        (
            "postlint.toml",
            "[per-file-ignores]\n\"_posts/2022-11-01-*.md\" = [\"source\"]\n",
        ),
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-01-b.md", &b),
        ("_posts/2022-11-02-c.md", &c),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(found(&items), vec![]);
    let (_, items) = check_json(dir.path(), &["--ignore", "source-duplicate"]);
    assert_eq!(found(&items), vec![]);
}

#[test]
fn every_format_carries_the_other_file() {
    let a = post("A", "2022-10-31T09:00:00Z", "https://a.example/1", "", "");
    let b = post("B", "2022-11-01T09:00:00Z", "https://a.example/1", "", "");
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-01-b.md", &b),
    ]);

    // Human: the finding, then the first post's lines.
    let out = postlint(dir.path()).arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("╭─[_posts/2022-11-01-b.md:4:7]"), "{text}");
    assert!(text.contains("╭─[_posts/2022-10-31-a.md:4:7]"), "{text}");
    assert!(text.contains("first post from this source"), "{text}");

    // JSON lines: the finding is streamed after the files' own.
    let out = postlint(dir.path())
        .args(["check", "--format", "json-lines"])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["rule"], "source-duplicate");

    // SARIF: the related location names the other file.
    let out = postlint(dir.path())
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "_posts/2022-10-31-a.md"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "_posts/2022-11-01-b.md"
    );
}

#[test]
fn fixing_then_checking_reports_the_fixed_posts() {
    // `--fix` quotes nothing here but must still run the whole-repository
    // rules over what it leaves.
    let a = post("A", "2022-10-31T09:00:00Z", "https://a.example/1", "", "");
    let b = post("B", "2022-11-01T09:00:00Z", "https://a.example/1", "", "");
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-01-b.md", &b),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--fix", "--format", "concise"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("_posts/2022-11-01-b.md:4:7: warning source-duplicate"),
        "{text}"
    );
    // `--diff` reports nothing but the diff: no whole-repository phase.
    let out = postlint(dir.path())
        .args(["check", "--diff"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_suppression_of_a_whole_repository_rule_is_not_called_unused() {
    let a = post("A", "2022-10-31T09:00:00Z", "https://a.example/1", "", "");
    let c = post(
        "C",
        "2022-11-02T09:00:00Z",
        "https://a.example/1",
        "",
        "<!-- postlint-disable-file source-duplicate -->",
    );
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &a),
        ("_posts/2022-11-02-c.md", &c),
    ]);
    let (_, items) = check_json(dir.path(), &["--extend-select", "suppression-unused"]);
    assert_eq!(found(&items), vec![]);
    // Without the comment, the duplicate is reported.
    std::fs::write(
        dir.path().join("_posts/2022-11-02-c.md"),
        c.replace("<!-- postlint-disable-file source-duplicate -->", ""),
    )
    .unwrap();
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "_posts/2022-11-02-c.md".to_string(),
            "source-duplicate".to_string()
        )]
    );
}

#[test]
fn without_a_config_file_folders_still_keep_urls_apart() {
    let a = post(
        "Bridge",
        "2022-10-31T09:00:00Z",
        "https://a.example/1",
        "",
        "",
    );
    let b = post(
        "Bridge",
        "2022-10-31T10:00:00Z",
        "https://a.example/2",
        "",
        "",
    );
    let dir = site(&[
        ("city/_posts/2022-10-31-bridge.md", &a),
        ("sport/_posts/2022-10-31-bridge.md", &b),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!((code, found(&items)), (0, vec![]));
    // Named by absolute path, too.
    let (code, items) = check_json(dir.path(), &[dir.path().to_str().unwrap()]);
    assert_eq!((code, found(&items)), (0, vec![]));
}

/// An ordinary post: `title`, then `extra` front matter lines.
fn ordinary(title: &str, extra: &str) -> String {
    format!("---\ntitle: \"{title}\"\nlayout: post\n{extra}---\n\nSome words.\n")
}

#[test]
fn a_folder_the_site_excludes_with_its_own_config_is_a_separate_site() {
    // A theme's demonstration site in `docs/`, which the theme's own site
    // leaves out and which is built on its own: the same post names give
    // the same URLs, each in its own site.
    let dir = site(&[
        ("_config.yml", "title: Theme\nexclude:\n  - docs\n"),
        ("_posts/2022-10-31-welcome.md", &ordinary("Welcome", "")),
        ("docs/_config.yml", "title: Theme demo\n"),
        (
            "docs/_posts/2022-10-31-welcome.md",
            &ordinary("Welcome", ""),
        ),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!((code, found(&items)), (0, vec![]));
    // Two posts of one site still collide.
    common::write(
        dir.path(),
        "docs/_posts/2022-10-31-welcome.markdown",
        ordinary("Welcome again", "").as_bytes(),
    );
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(
        found(&items),
        [(
            "docs/_posts/2022-10-31-welcome.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )]
    );
}

#[test]
fn posts_the_site_excludes_are_not_published() {
    // `exclude: [_posts/template]` leaves out `_posts/templates/` too:
    // Jekyll's match is by prefix.
    let dir = site(&[
        ("_config.yml", "title: Blog\nexclude: [_posts/template]\n"),
        ("_posts/2022-10-31-welcome.md", &ordinary("Welcome", "")),
        (
            "_posts/templates/2022-10-31-welcome.md",
            &ordinary("Template", ""),
        ),
    ]);
    let (code, items) = check_json(dir.path(), &[]);
    assert_eq!((code, found(&items)), (0, vec![]));
}

#[test]
fn polyglot_translations_share_a_url_in_different_languages() {
    let config = "title: Notes\nplugins:\n  - jekyll-polyglot\nlanguages: [\"en\", \"ko\", \"pt-BR\"]\ndefault_lang: en\nlang_from_path: true\npermalink: /posts/:title/\n";
    let dir = site(&[
        ("_config.yml", config),
        ("_posts/en/2022-10-31-tides.md", &ordinary("Tides", "")),
        ("_posts/ko/2022-10-31-tides.md", &ordinary("Tides (ko)", "")),
        (
            "_posts/pt-BR/2022-10-31-tides.md",
            &ordinary("Tides (pt)", ""),
        ),
        // `lang` in the front matter wins over the folder.
        (
            "_posts/misc/2022-10-31-tides.md",
            &ordinary("Tides (ko, again)", "lang: ko\n"),
        ),
    ]);
    let (_, items) = check_json(dir.path(), &[]);
    // Two posts in Korean with one URL: polyglot keeps one of them.
    assert_eq!(
        found(&items),
        [(
            "_posts/misc/2022-10-31-tides.md".to_string(),
            "jekyll-duplicate-url".to_string()
        )]
    );
    assert!(
        items[0]["message"]
            .as_str()
            .unwrap()
            .contains("_posts/ko/2022-10-31-tides.md"),
        "{}",
        items[0]
    );
    // Without the plugin named, Jekyll itself builds one URL for all four.
    common::write(
        dir.path(),
        "_config.yml",
        config.replace("jekyll-polyglot", "jekyll-feed").as_bytes(),
    );
    let (_, items) = check_json(dir.path(), &[]);
    assert_eq!(found(&items).len(), 3, "{items:?}");
}

/// A post named from outside its site is compared with the posts of its
/// own site, found from the path named, not with posts that lie around the
/// current folder.
#[test]
fn a_post_named_from_elsewhere_is_compared_within_its_own_site() {
    let from = "https://news.example.com/2022/10/31/bridge.html";
    let one = post(
        "Bridge reopens",
        "2022-10-31T09:00:00Z",
        from,
        "",
        "<p>Open.</p>",
    );
    let dir = site(&[
        ("elsewhere/_posts/2022-10-31-bridge.md", &one),
        ("site/_config.yml", "title: News\n"),
        ("site/_posts/2022-10-30-bridge.md", &one),
        ("site/_posts/2022-10-31-bridge.md", &one),
    ]);
    let named = dir.path().join("site/_posts/2022-10-31-bridge.md");
    let (_, items) = check_json(
        &dir.path().join("elsewhere"),
        &["--select", "source-duplicate", named.to_str().unwrap()],
    );
    // Reported against the site's earlier copy; the unrelated folder's copy
    // around the current folder is not looked at.
    assert_eq!(items.len(), 1, "{items:?}");
    let related = items[0]["related"][0]["path"].as_str().unwrap();
    assert!(
        related.ends_with("site/_posts/2022-10-30-bridge.md"),
        "{related}"
    );
}
