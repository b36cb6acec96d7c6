//! Whole outputs of the command line where the output is the contract: the
//! human report and its summary line, `--statistics`, `--diff`, `--fix` and
//! its summary, standard input, `rules`, `rule <id>`, help, config errors,
//! I/O errors and exit codes. Each snapshot holds the exit code, standard
//! output and standard error of one run, so any change a user would see
//! shows up in review.
//!
//! Runs are made deterministic: no colour (`NO_COLOR`, `--color never`),
//! a fixed width (`COLUMNS=100`), a fixed `--now`, relative paths, and the
//! temporary directory's path replaced by `[TEMP]`.

use crate::common;

use std::fs;
use std::path::Path;

use common::{CLEAN_POST, example_site, site, write};

/// A fixed "now" for `jekyll-future-date`, after every example post.
const NOW: &str = "2024-06-01T00:00:00Z";

/// Run postlint in `dir` and render its exit code, standard output and
/// standard error, with `dir`'s absolute path replaced by `[TEMP]`.
fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = common::postlint(dir);
    cmd.env("COLUMNS", "100").args(args);
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let out = cmd.output().unwrap();
    let rendered = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let mut rendered = rendered;
    for path in [dir.to_path_buf(), fs::canonicalize(dir).unwrap()] {
        rendered = rendered.replace(&*path.to_string_lossy(), "[TEMP]");
    }
    rendered
}

/// `postlint check` with the deterministic options, then `args`.
fn check(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["check", "--color", "never", "--now", NOW];
    all.extend(args);
    run(dir, &all, None)
}

/// A copy of the bundled example site, to fix without touching it.
fn example_copy() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&example_site().join("site"), &dir.path().join("site"));
    dir
}

fn nan_post() -> String {
    CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->")
}

/// A post with a repeated key (a safe fix) and a bad comment (an unsafe one).
fn two_fixes_post() -> String {
    CLEAN_POST
        .replace(
            "author: Example News\n",
            "author: Example News\nauthor: Example News\n",
        )
        .replace("<!--1667234398000-->", "<!--1667234399000-->")
}

#[test]
fn example_site_reports() {
    let dir = example_site();
    let cases: &[(&str, &[&str])] = &[
        ("check_human", &["site"]),
        ("check_concise", &["site", "--format", "concise"]),
        ("check_statistics", &["site", "--statistics"]),
        ("check_diff", &["site", "--diff"]),
        ("check_diff_unsafe", &["site", "--diff", "--unsafe-fixes"]),
        ("check_select_timestamp", &["site", "--select", "timestamp"]),
        (
            "check_extend_select_off_rules",
            &[
                "site",
                "--format",
                "concise",
                "--extend-select",
                "timestamp-missing,jekyll-unpublished,suppression-unused",
            ],
        ),
        (
            "check_ignore_errors",
            &[
                "site",
                "--ignore",
                "front-matter,jekyll-filename,timestamp,source-missing,source-invalid,tag-link-malformed,jekyll-empty-slug,jekyll-duplicate-url",
            ],
        ),
        (
            "check_exit_zero",
            &["site", "--format", "concise", "--exit-zero"],
        ),
        (
            "check_max_warnings",
            &[
                "site",
                "--format",
                "concise",
                "--select",
                "jekyll-liquid",
                "--max-warnings",
                "0",
            ],
        ),
        (
            "check_one_file",
            &["site/_posts/2022-11-02-ferry-timetable-changes.md"],
        ),
        ("check_missing_path", &["site", "nowhere"]),
        ("check_missing_path_only", &["nowhere"]),
        ("check_missing_glob_base", &["nowhere/*.md"]),
        ("check_glob_matches_nothing", &["site/_posts/*.txt"]),
        ("check_dash_with_paths", &["-", "site"]),
        (
            "check_output_format",
            &["site", "--output-format", "concise"],
        ),
        ("check_quiet", &["site", "--output-format", "concise", "-q"]),
        ("check_silent", &["site", "--silent"]),
        ("check_show_files", &["site", "--show-files"]),
        (
            "check_show_files_missing",
            &["site", "nowhere", "--show-files"],
        ),
        (
            "check_statistics_select",
            &["site", "--statistics", "--select", "source"],
        ),
        ("check_junit", &["site", "--output-format", "junit"]),
    ];
    for (name, args) in cases {
        insta::assert_snapshot!(format!("example_{name}"), check(&dir, args));
    }
}

#[test]
fn example_site_fixes() {
    let cases: &[(&str, &[&str])] = &[
        ("fix", &["site", "--fix"]),
        ("fix_unsafe", &["site", "--fix", "--unsafe-fixes"]),
        ("fix_only", &["site", "--fix-only"]),
        ("fix_statistics", &["site", "--fix", "--statistics"]),
        ("diff_quiet", &["site", "--diff", "--quiet"]),
        ("fix_only_unsafe", &["site", "--fix-only", "--unsafe-fixes"]),
    ];
    for (name, args) in cases {
        let dir = example_copy();
        let mut out = check(dir.path(), args);
        // What the fix left on disk, as a second run reports it.
        out.push_str("=== checked again\n");
        out.push_str(&check(dir.path(), &["site", "--format", "concise"]));
        insta::assert_snapshot!(format!("example_{name}"), out);
    }
}

#[test]
fn commands_and_help() {
    let dir = site(&[]);
    let cases: &[(&str, &[&str])] = &[
        ("rules", &["rules"]),
        ("rule_timestamp_mismatch", &["rule", "timestamp-mismatch"]),
        ("rule_suppression_unused", &["rule", "suppression-unused"]),
        ("rule_typo", &["rule", "timestamp-mismach"]),
        ("rule_family", &["rule", "timestamp"]),
        ("rule_family_source", &["rule", "source"]),
        ("rules_json", &["rules", "--format", "json"]),
        (
            "rules_output_format_json",
            &["rules", "--output-format", "json"],
        ),
        ("man_unknown", &["man", "frobnicate"]),
        ("help", &["--help"]),
        ("check_help", &["check", "--help"]),
        ("unknown_command", &["frobnicate"]),
        ("unknown_format", &["check", "--format", "xml"]),
        (
            "unknown_select",
            &["check", "--select", "timestamp-mismach"],
        ),
        ("no_arguments", &[]),
    ];
    for (name, args) in cases {
        insta::assert_snapshot!(format!("command_{name}"), run(dir.path(), args, None));
    }
}

#[test]
fn small_sites() {
    let clean = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    insta::assert_snapshot!("site_clean", check(clean.path(), &[]));
    insta::assert_snapshot!(
        "site_clean_json",
        check(clean.path(), &["--format", "json"])
    );
    insta::assert_snapshot!(
        "site_clean_statistics",
        check(clean.path(), &["--statistics"])
    );

    let nan = nan_post();
    let errors = site(&[("_posts/2022-10-31-a.md", &nan)]);
    insta::assert_snapshot!("site_one_error", check(errors.path(), &[]));

    let empty = site(&[("notes/readme.md", "# notes\n")]);
    insta::assert_snapshot!("site_no_posts", check(empty.path(), &["notes"]));

    let two = two_fixes_post();
    let fixes = site(&[("_posts/2022-10-31-a.md", &two)]);
    insta::assert_snapshot!("site_diff", check(fixes.path(), &["--diff"]));
    insta::assert_snapshot!(
        "site_diff_unsafe",
        check(fixes.path(), &["--diff", "--unsafe-fixes"])
    );
    insta::assert_snapshot!("site_fix", check(fixes.path(), &["--fix"]));
    insta::assert_snapshot!(
        "site_fix_again_unsafe",
        check(fixes.path(), &["--fix", "--unsafe-fixes"])
    );
    insta::assert_snapshot!("site_fix_nothing_left", check(fixes.path(), &["--fix"]));
}

#[test]
fn standard_input() {
    let dir = site(&[]);
    let path = "_posts/2022-10-31-a.md";
    let stdin = |args: &[&str], text: &str| {
        let mut all = vec![
            "check",
            "--color",
            "never",
            "--now",
            NOW,
            "--stdin-filename",
            path,
        ];
        all.extend(args);
        run(dir.path(), &all, Some(text))
    };
    insta::assert_snapshot!("stdin_clean", stdin(&[], CLEAN_POST));
    // `-` reads standard input as a file named `-`, as ruff does.
    insta::assert_snapshot!(
        "stdin_dash",
        run(
            dir.path(),
            &["check", "--color", "never", "--now", NOW, "-"],
            Some(&nan_post())
        )
    );
    insta::assert_snapshot!("stdin_error", stdin(&[], &nan_post()));
    insta::assert_snapshot!(
        "stdin_concise",
        stdin(&["--format", "concise"], &two_fixes_post())
    );
    insta::assert_snapshot!("stdin_fix", stdin(&["--fix"], &two_fixes_post()));
    insta::assert_snapshot!(
        "stdin_fix_unsafe",
        stdin(&["--fix", "--unsafe-fixes"], &two_fixes_post())
    );
    insta::assert_snapshot!("stdin_diff", stdin(&["--diff"], &two_fixes_post()));
    insta::assert_snapshot!("stdin_fix_only", stdin(&["--fix-only"], &nan_post()));
}

#[test]
fn config_errors() {
    let cases = [
        ("unknown_rule", "[rules]\ntimestamp-mismach = \"off\"\n"),
        ("unknown_severity", "[rules]\ntimestamp = \"loud\"\n"),
        ("unknown_key", "colour = true\n"),
        ("invalid_toml", "[rules\n"),
        (
            "unknown_comparison",
            "[rules.tag-link-mismatch]\ncompare = \"fuzzy\"\n",
        ),
        (
            "invalid_tag_pattern",
            "[tag-link]\npatterns = [\"/tag/x\"]\n",
        ),
        (
            "not_an_integer",
            "[rules.timestamp-mismatch]\ntolerance-ms = \"1s\"\n",
        ),
        ("unknown_fixable", "fixable = [\"timestamp-mismach\"]\n"),
    ];
    for (name, toml) in cases {
        let dir = site(&[
            ("postlint.toml", toml),
            ("_posts/2022-10-31-a.md", CLEAN_POST),
        ]);
        insta::assert_snapshot!(format!("config_{name}"), check(dir.path(), &[]));
    }
    let dir = site(&[]);
    insta::assert_snapshot!(
        "config_missing_file",
        check(dir.path(), &["--config", "missing.toml"])
    );
}

#[test]
fn unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "_posts/latin1.md", b"---\ntitle: caf\xe9\n---\n");
    write(root, "_posts/binary.md", b"\x00\x01\x02binary");
    write(root, "_posts/2022-10-31-nan.md", nan_post().as_bytes());
    fs::File::create(root.join("_posts/huge.md"))
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    insta::assert_snapshot!(
        "site_unreadable_files",
        check(root, &["--format", "concise"])
    );
}

/// A post of an ordinary blog: no source URL, no timestamp comment, its
/// date from the file name and Liquid that Jekyll runs.
const ORDINARY_POST: &str = "---\nlayout: post\ntitle: Release notes\n---\nSee {% post_url 2022-10-30-intro %} and <a href=\"https://code.example.org/x/y/releases/tag/v1.2\">v1.2</a>.\n";

#[test]
fn kinds_of_site() {
    // A mirror: a post whose `from:` was lost is still checked as the
    // mirror's, since the other posts of its folder are in its format.
    let lost = CLEAN_POST.replace(
        "from: https://news.example.com/2022/10/31/bridge.html\n",
        "",
    );
    let mirror = site(&[
        ("_config.yml", "title: News\n"),
        ("_posts/2022-10-31-a.md", CLEAN_POST),
        (
            "_posts/2022-10-31-b.md",
            &CLEAN_POST.replace("bridge.html", "ferry.html"),
        ),
        ("_posts/2022-10-31-c.md", &lost),
    ]);
    insta::assert_snapshot!(
        "kind_mirror",
        check(mirror.path(), &["--format", "concise"])
    );
    insta::assert_snapshot!(
        "kind_mirror_settings",
        check(mirror.path(), &["--show-settings"])
    );
    // An ordinary blog: no mirror rule, and its Liquid is meant.
    let blog = site(&[
        ("_config.yml", "title: Blog\ntimezone: Europe/Berlin\n"),
        (
            "_posts/2022-10-30-intro.md",
            "---\ntitle: Intro\n---\nHello.\n",
        ),
        ("_posts/2022-10-31-notes.md", ORDINARY_POST),
    ]);
    insta::assert_snapshot!(
        "kind_ordinary",
        check(blog.path(), &["--format", "concise"])
    );
    insta::assert_snapshot!(
        "kind_ordinary_settings",
        check(blog.path(), &["--show-settings"])
    );
    // `profile` overrides the sample: the blog checked as a mirror.
    write(blog.path(), "postlint.toml", b"profile = \"mirror\"\n");
    insta::assert_snapshot!(
        "kind_ordinary_as_mirror",
        check(blog.path(), &["--format", "concise"])
    );
    write(blog.path(), "postlint.toml", b"profile = \"newsy\"\n");
    insta::assert_snapshot!("kind_unknown_profile", check(blog.path(), &[]));
}

/// `--show-settings` lists the declared schemas, then which one each
/// folder's first post is checked with, and why.
#[test]
fn settings_name_the_schema_of_each_folder() {
    let dir = site(&[
        ("_config.yml", "title: Blog\n"),
        (
            "postlint.toml",
            "profile = \"ordinary\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\", \"notes/*.md\"]\n\n[[schema]]\nname = \"release\"\nschema = \"schemas/release.yml\"\nscope = { path = \"releases\", type = \"posts\" }\n",
        ),
        ("schemas/post.yml", "required: [title]\n"),
        ("schemas/release.yml", "required: [title, version]\n"),
        (
            "_posts/2022-10-30-intro.md",
            "---\ntitle: Intro\n---\nHello.\n",
        ),
        (
            "releases/_posts/2022-10-31-v1.md",
            "---\ntitle: v1\nversion: 1\n---\nOut.\n",
        ),
        ("_drafts/soon.md", "---\ntitle: Soon\n---\nLater.\n"),
    ]);
    insta::assert_snapshot!("schema_settings", check(dir.path(), &["--show-settings"]));
}

#[test]
fn jekyll_config_problems() {
    // Jekyll stops on YAML it cannot parse: so does postlint (exit 2).
    let dir = site(&[
        ("_config.yml", "title: Blog\nexclude: [a, b\n"),
        ("_posts/2022-10-31-notes.md", ORDINARY_POST),
    ]);
    insta::assert_snapshot!(
        "jekyll_config_invalid_yaml",
        check(dir.path(), &["--format", "concise"])
    );
    // Jekyll builds with an unknown zone, in UTC: a warning.
    let dir = site(&[
        ("_config.yml", "title: Blog\ntimezone: Europe/Atlantis\n"),
        ("_posts/2022-10-31-notes.md", ORDINARY_POST),
    ]);
    insta::assert_snapshot!(
        "jekyll_config_unknown_timezone",
        check(dir.path(), &["--format", "concise"])
    );
}

#[test]
fn init_writes_settings_for_the_kind_of_site() {
    let mirror = site(&[
        ("_posts/2022-10-31-a.md", CLEAN_POST),
        (
            "_posts/2022-10-31-b.md",
            &CLEAN_POST.replace("bridge.html", "ferry.html"),
        ),
    ]);
    let blog = site(&[
        ("_config.yml", "title: Blog\n"),
        (
            "_posts/2022-10-30-intro.md",
            "---\ntitle: Intro\n---\nHello.\n",
        ),
        ("_posts/2022-10-31-notes.md", ORDINARY_POST),
    ]);
    for (name, dir) in [("mirror", &mirror), ("ordinary", &blog)] {
        let out = run(dir.path(), &["init"], None);
        let written = fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
        insta::assert_snapshot!(
            format!("init_{name}"),
            format!("{out}--- postlint.toml\n{written}")
        );
        // The file it writes is one `check` reads, and the site is clean.
        assert!(check(dir.path(), &[]).starts_with("exit: 0\n"), "{name}");
    }
    // It never overwrites.
    insta::assert_snapshot!("init_exists", run(blog.path(), &["init"], None));
}

/// A mirror whose generator stopped writing `from:` (and any timestamp
/// comment) for its newest posts: the sample spans the folder, old posts
/// and new, so the folder stays a mirror and every new post is reported;
/// the verdict is close, which `--show-settings` says and `init` pins.
#[test]
fn a_mirror_that_lost_its_source_keys_late_stays_a_mirror() {
    let mut files = vec![("_config.yml".to_string(), "title: News\n".to_string())];
    for day in 1..=30 {
        let title = format!("Ferry notice {day}");
        let from = format!("https://news.example.com/2022/01/{day:02}/ferry.html");
        let front = format!(
            "---\nlayout: post\ntitle: \"{title}\"\ndate: 2022-01-{day:02}T08:00:00.000Z\nauthor: Example News\n"
        );
        let post = if day <= 18 {
            format!("{front}from: {from}\n---\n<p>Boats leave on time.</p>\n")
        } else {
            format!("{front}---\n<p>Boats leave on time.</p>\n")
        };
        files.push((format!("_posts/2022-01-{day:02}-ferry-{day}.md"), post));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = site(&files);
    insta::assert_snapshot!(
        "kind_close_settings",
        check(dir.path(), &["--show-settings"])
    );
    let reported = check(
        dir.path(),
        &["--format", "concise", "--select", "source-missing"],
    );
    let missing: Vec<&str> = reported
        .lines()
        .filter(|l| l.contains("source-missing"))
        .collect();
    assert_eq!(missing.len(), 12, "{reported}");
    for day in 19..=30 {
        assert!(
            reported.contains(&format!("_posts/2022-01-{day:02}-ferry-{day}.md:")),
            "{reported}"
        );
    }
    insta::assert_snapshot!("kind_close_init", run(dir.path(), &["init"], None));
    let written = fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
    assert!(written.contains("\nprofile = \"mirror\"\n"), "{written}");
}
