//! Jekyll fidelity from the command line: the site's `_config.yml`, the
//! `_posts` file names, and what a whole site folder holds besides posts.

use crate::common;

use std::path::Path;

use common::{CLEAN_POST, postlint, site};

/// Whether this machine's time zone database knows `name` (CI images
/// without tzdata skip the tests that need a named zone).
fn zone_known(name: &str) -> bool {
    let known = postlint::site_loader::parse(
        &format!("timezone: {name}\n"),
        "_config.yml",
        &mut Vec::new(),
    )
    .is_ok_and(|site| site.timezone.iana_name() == Some(name));
    if !known {
        eprintln!("skipped: the time zone database has no {name}");
    }
    known
}

#[test]
fn the_site_timezone_moves_the_date_of_a_post() {
    if !zone_known("Asia/Shanghai") {
        return;
    }
    // 16:39 UTC on the 31st is 00:39 on 1 November in Shanghai.
    let dir = site(&[
        ("_config.yml", "title: News\ntimezone: Asia/Shanghai\n"),
        ("_posts/2022-10-31-bridge.md", CLEAN_POST),
    ]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "_posts/2022-10-31-bridge.md:4:7: warning jekyll-date-mismatch `date` says 2022-10-31, but Jekyll publishes the post on 2022-11-01 in the site's time zone (Asia/Shanghai)",
        ));
    // Without the config, the site is in UTC and the dates agree.
    let dir = site(&[("_posts/2022-10-31-bridge.md", CLEAN_POST)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
}

#[test]
fn a_date_without_offset_is_in_the_site_timezone() {
    if !zone_known("Asia/Shanghai") {
        return;
    }
    // Quoted, `date` is text, which Jekyll reads in the site's zone: 00:39:58
    // in Shanghai is 16:39:58 UTC the day before, the instant of the
    // comment, so timestamp-mismatch has nothing to say.
    let post = CLEAN_POST.replace("2022-10-31T16:39:58.000Z", "\"2022-11-01 00:39:58\"");
    let dir = site(&[
        ("blog/_config.yml", "timezone: Asia/Shanghai\n"),
        ("blog/_posts/2022-11-01-bridge.md", &post),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    // Read in UTC instead, it is 8h after the comment.
    let dir = site(&[("blog/_posts/2022-11-01-bridge.md", &post)]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error timestamp-mismatch"));
}

#[test]
fn an_unquoted_timestamp_without_offset_is_utc() {
    if !zone_known("Asia/Shanghai") {
        return;
    }
    // Unquoted, YAML reads `2022-11-01 00:39:58` as a timestamp in UTC
    // whatever the site's zone: 8h after the comment.
    let post = CLEAN_POST.replace("2022-10-31T16:39:58.000Z", "2022-11-01 00:39:58");
    let dir = site(&[
        ("blog/_config.yml", "timezone: Asia/Shanghai\n"),
        ("blog/_posts/2022-11-01-bridge.md", &post),
    ]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error timestamp-mismatch"));
}

#[test]
fn an_unknown_timezone_is_utc_as_in_ruby() {
    let dir = site(&[
        ("_config.yml", "timezone: Nowhere/Special\n"),
        ("_posts/2022-10-31-bridge.md", CLEAN_POST),
    ]);
    // Jekyll builds such a site in UTC: a warning, not an error.
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n")
        .stderr(predicates::str::contains(
            "unknown time zone `Nowhere/Special`: Jekyll reads the dates in UTC",
        ));
}

#[test]
fn post_file_names_follow_jekyll() {
    let dir = site(&[
        ("_posts/bridge.md", CLEAN_POST),
        ("_posts/2022-10-31-.md", CLEAN_POST),
        ("_drafts/bridge.md", CLEAN_POST),
    ]);
    postlint(dir.path())
        // The three are copies of one post, which is not what this is about.
        .args(["check", "--format", "concise", "--ignore", "source-duplicate"])
        .assert()
        .code(1)
        .stdout(
            "_posts/2022-10-31-.md:1:1: error jekyll-empty-slug the URL slug from the file name's slug is empty: Jekyll writes the post to a hidden file such as `.html`\n\
             _posts/bridge.md:1:1: error jekyll-filename `bridge.md` is in `_posts` but not named `YYYY-MM-DD-slug.ext`: Jekyll does not publish it\n\
             Found 2 problems (2 errors) in 2 of 3 files\n",
        );
}

#[test]
fn a_whole_site_folder_checks_its_posts_and_only_the_links_of_its_pages() {
    let broken = "---\ntitle: [\n---\n";
    let dir = site(&[
        ("_config.yml", "title: News\n"),
        ("_posts/2022-10-31-bridge.md", CLEAN_POST),
        // Jekyll's output, layouts, includes and pages are not posts.
        ("_site/_posts/2022-10-31-bridge.md", broken),
        ("_site/2022/10/31/bridge.html", broken),
        ("_layouts/default.html", broken),
        ("_includes/head.html", broken),
        ("about.md", broken),
        ("index.html", broken),
    ]);
    // The pages are checked for their links alone: a page's front matter
    // is its own business.
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 3 files\n");
}

#[test]
fn future_dates_are_judged_against_now_unless_the_site_publishes_them() {
    let dir = site(&[("_posts/2022-10-31-bridge.md", CLEAN_POST)]);
    postlint(dir.path())
        .args(["check", "--format", "concise", "--now", "2022-10-31T12:00:00Z"])
        .assert()
        .code(0)
        .stdout(
            "_posts/2022-10-31-bridge.md:4:7: warning jekyll-future-date `date` 2022-10-31T16:39:58Z is in the future: Jekyll does not publish the post until then\n\
             Found 1 problem (1 warning) in 1 of 1 file\n",
        );
    postlint(dir.path())
        .args(["check", "--now", "2022-10-31T16:39:58Z"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    common::write(dir.path(), "_config.yml", b"future: true\n");
    postlint(dir.path())
        .args(["check", "--now", "2022-10-31T12:00:00Z"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    postlint(dir.path())
        .args(["check", "--now", "yesterday"])
        .assert()
        .code(2);
}

#[test]
fn liquid_in_the_body_is_reported_outside_raw_blocks() {
    let post = CLEAN_POST.replace(
        "</div>\n",
        "</div>\n{% raw %}{{ kept }}{%- endraw -%} {{ lost }}\n",
    );
    let dir = site(&[("_posts/2022-10-31-bridge.md", &post)]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "_posts/2022-10-31-bridge.md:18:35: warning jekyll-liquid the body holds a Liquid output tag `{{ lost }}`",
        ))
        .stdout(predicates::str::contains("Found 1 problem (1 warning)"));
}

#[test]
fn markdown_ext_posts_are_checked() {
    // Front matter that does not parse: a finding on any kind of site.
    let broken = "---\ntitle: [\n---\n";
    // Jekyll's default `markdown_ext` has `.mkdn`; `.text` is no post of it.
    let dir = site(&[
        ("_posts/2022-10-31-a.mkdn", broken),
        ("_posts/2022-10-31-b.text", broken),
    ]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("_posts/2022-10-31-a.mkdn"))
        .stdout(predicates::str::contains("in 1 of 1 file"));
    // The site's own `markdown_ext` adds `.text` and `.Rmd`.
    let dir = site(&[
        ("_config.yml", "markdown_ext: \"md, text, Rmd\"\n"),
        ("_posts/2022-10-31-b.text", broken),
        ("_posts/2022-10-31-c.Rmd", broken),
        ("_posts/2022-10-31-d.txt", broken),
    ]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("_posts/2022-10-31-b.text"))
        .stdout(predicates::str::contains("_posts/2022-10-31-c.Rmd"))
        .stdout(predicates::str::contains("in 2 of 2 files"));
}

#[test]
fn a_permalink_from_defaults_makes_the_url() {
    // As Jekyll builds it: both posts are written to `/same/`.
    let config = "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      permalink: /:title/\n";
    let post = "---\ntitle: Same\n---\nHello.\n";
    let dir = site(&[
        ("_config.yml", config),
        ("_posts/2022-10-31-same.md", post),
        ("_posts/2022-11-01-same.md", post),
    ]);
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(
            "_posts/2022-11-01-same.md:1:1: error jekyll-duplicate-url `_posts/2022-10-31-same.md` has the same URL, so Jekyll writes one post over the other\n\
             Found 1 problem (1 error) in 1 of 2 files\n",
        );
    // A scope elsewhere leaves them apart; so does the post's own permalink.
    let elsewhere = config.replace("path: \"\"", "path: news");
    let dir = site(&[
        ("_config.yml", &elsewhere),
        ("_posts/2022-10-31-same.md", post),
        ("_posts/2022-11-01-same.md", post),
    ]);
    postlint(dir.path()).arg("check").assert().code(0);
    let own = post.replace("title: Same\n", "title: Same\npermalink: /other/\n");
    let dir = site(&[
        ("_config.yml", config),
        ("_posts/2022-10-31-same.md", post),
        ("_posts/2022-11-01-same.md", &own),
    ]);
    postlint(dir.path()).arg("check").assert().code(0);
}

#[test]
fn a_new_jekyll_site_gets_no_finding() {
    // The files `jekyll new` writes (Jekyll 4.3), in our own words: its
    // welcome post has `{% highlight %}`, `{{ site.url }}` and filters.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/resources/jekyll-new");
    postlint(&fixture)
        .args(["check", "--now", "2024-01-01T00:00:00Z"])
        .assert()
        .code(0)
        .stdout("No problems found in 4 files\n");
    // And the real thing, where Jekyll is installed.
    let dir = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("jekyll")
        .args(["new", "--skip-bundle"])
        .arg(dir.path().join("site"))
        .output()
        .is_ok_and(|o| o.status.success());
    if !made {
        eprintln!("skipped: `jekyll new` is not available");
        return;
    }
    postlint(&dir.path().join("site"))
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 4 files\n");
}

#[test]
fn a_draft_needs_no_date_or_title_on_an_ordinary_site() {
    let dir = common::site(&[
        ("_config.yml", "title: Notes\n"),
        (
            "_drafts/template.md",
            "---\nlayout: post\ntitle:\ndate:\n---\nWrite here.\n",
        ),
        (
            "_drafts/spring-tides.md",
            "---\nlayout: post\n---\nThe tides came early.\n",
        ),
    ]);
    common::postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .assert()
        .code(0);
    // A mirror's draft still needs both.
    common::write(
        dir.path(),
        "_drafts/spring-tides.md",
        b"---\nlayout: post\nfrom: https://news.example.com/tides.html\n---\nThe tides came early.\n",
    );
    common::postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "_drafts/spring-tides.md:1:1: error front-matter-missing-key front matter has no `title` key",
        ));
}

#[test]
fn a_config_jekyll_4_refuses_is_an_error_at_its_line() {
    // Jekyll 4.3: "'plugins' should be set as an array of gem-names, but
    // was: nil", before it reads any post.
    let dir = site(&[
        ("_config.yml", "title: Notes\nplugins:\npermalink: pretty\n"),
        ("_posts/2022-10-31-a.md", CLEAN_POST),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`plugins` is empty, not a list of gem names",
        ))
        .stderr(predicates::str::contains("_config.yml:2:1"));
    // A `defaults` entry Jekyll ignores, with a warning, is a warning.
    common::write(
        dir.path(),
        "_config.yml",
        b"title: Notes\ndefaults:\n  - scope: {path: \"\"}\n",
    );
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "entry 1 of `defaults` has no mapping of `values`",
        ));
}

#[test]
fn misnamed_posts_below_posts_are_reported_not_what_is_kept_there() {
    let dir = site(&[
        ("_config.yml", "title: Notes\n"),
        // Plainly posts Jekyll skips: a date without its year, a `date`.
        ("_posts/2021/03-01-tides.md", "---\ntitle: Tides\n---\nx\n"),
        (
            "_posts/2021/harbour.md",
            "---\ntitle: Harbour\ndate: 2021-03-02\n---\nx\n",
        ),
        // Kept there on purpose: a partial, a page, a README, a template,
        // a post held back.
        ("_posts/2021/table.html", "<table></table>\n"),
        ("_posts/2021/about/notes.md", "---\ntitle: Notes\n---\nx\n"),
        ("_posts/README.md", "Name posts by their date.\n"),
        ("_posts/template.md", "---\ntitle:\n---\nx\n"),
        ("_posts/_2021-03-03-later.md", "---\ntitle: Later\n---\nx\n"),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rules: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(" jekyll-filename "))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["_posts/2021/03-01-tides.md", "_posts/2021/harbour.md"],
        "{stdout}"
    );
}

#[test]
fn a_name_date_off_the_calendar_is_reported_as_jekyll_reads_it() {
    // As Jekyll 4.3.1 builds each: June 31 is July 1; with a `date` in the
    // front matter the name's date is never read; month 13 stops it.
    let dir = site(&[
        ("_config.yml", "title: Notes\n"),
        ("_posts/2016-06-31-tides.md", "---\ntitle: Tides\n---\nx\n"),
        (
            "_posts/2023-27-11-ferry.md",
            "---\ntitle: Ferry\ndate: 2023-11-27\n---\nx\n",
        ),
        ("_posts/2016-13-01-pier.md", "---\ntitle: Pier\n---\nx\n"),
    ]);
    let out = postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.contains(" error ")).collect();
    assert_eq!(
        lines,
        [
            "_posts/2016-06-31-tides.md:1:1: error jekyll-filename the file name's date `2016-06-31` is not on the calendar: Jekyll publishes the post on 2016-07-01",
            "_posts/2016-13-01-pier.md:1:1: error jekyll-filename the file name's date `2016-13-01` is not on the calendar: Jekyll stops with `Invalid date`",
        ],
        "{stdout}"
    );
}
