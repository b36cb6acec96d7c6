//! The command line, case by case: arguments, input files, expected output
//! and exit status.

use crate::common;

use common::{CLEAN_POST, postlint, site, write};
use predicates::prelude::*;

#[test]
fn clean_post_passes() {
    let dir = site(&[("_posts/2022-10-31-bridge.md", CLEAN_POST)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
}

#[test]
fn errors_exit_1_and_warnings_alone_exit_0() {
    let nan = CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->");
    let dir = site(&[("_posts/2022-10-31-a.md", &nan)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("timestamp-malformed"))
        .stdout(predicate::str::ends_with(
            "Found 1 problem (1 error) in 1 of 1 file\n\
             1 fixable with `--fix --unsafe-fixes`\n",
        ));

    let double = CLEAN_POST.replace("2022/10/31/bridge.html", "2022/10/31/%25E6%25B8%25AF.html");
    let dir = site(&[("_posts/2022-10-31-a.md", &double)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("source-double-encoded"))
        .stdout(predicate::str::contains("1 warning"));
}

#[test]
fn only_posts_are_discovered_but_named_files_are_always_checked() {
    let broken = "no front matter here\n";
    let dir = site(&[
        ("_posts/2022-10-31-a.md", CLEAN_POST),
        (
            "_drafts/draft.markdown",
            &CLEAN_POST.replace("bridge.html", "ferry.html"),
        ),
        ("about.md", broken),
        ("_posts/notes.txt", broken),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 2 files\n");
    postlint(dir.path())
        .args(["check", "about.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("front-matter-missing"));
}

#[test]
fn globs_name_files_explicitly() {
    let dir = site(&[("content/a.md", CLEAN_POST), ("content/b.md", "oops\n")]);
    postlint(dir.path())
        .args(["check", "content/*.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("content/b.md"))
        .stdout(predicate::str::contains("in 1 of 2 files"));
}

#[test]
fn gitignored_posts_are_skipped() {
    let dir = site(&[
        (".gitignore", "_posts/ignored-*\n"),
        ("_posts/2022-10-31-a.md", CLEAN_POST),
        ("_posts/ignored-b.md", "oops\n"),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
}

#[test]
fn a_path_without_posts_says_so() {
    let dir = site(&[("notes/readme.md", "# notes\n")]);
    postlint(dir.path())
        .args(["check", "notes"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("no posts found in `notes`"))
        .stderr(predicate::str::contains("include"));
}

#[test]
fn a_folder_whose_posts_were_named_already_is_not_empty() {
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    postlint(dir.path())
        .args(["check", "_posts/2022-10-31-a.md", "_posts"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n")
        .stderr("");
}

#[test]
fn include_changes_what_counts_as_a_post() {
    let dir = site(&[
        ("postlint.toml", "include = [\"content/**/*.md\"]\n"),
        ("content/x/a.md", "oops\n"),
        ("_posts/2022-10-31-a.md", "oops\n"),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("content/x/a.md"))
        .stdout(predicate::str::contains("in 1 of 1 file"));
}

#[test]
fn missing_path_is_a_tool_error() {
    let dir = site(&[]);
    postlint(dir.path())
        .args(["check", "nowhere"])
        .assert()
        .code(2)
        .stderr("error: nowhere: no such file or directory\n");
}

#[test]
fn usage_errors_exit_2() {
    let dir = site(&[]);
    postlint(dir.path())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    postlint(dir.path()).arg("frobnicate").assert().code(2);
    postlint(dir.path()).arg("--help").assert().code(0);
}

#[test]
fn rules_lists_every_rule() {
    let dir = site(&[]);
    let out = postlint(dir.path())
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for rule in postlint::rules::RULES {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{} ", rule.id)))
            .unwrap();
        assert!(
            line.contains(&rule.meta().family) && line.contains(&rule.meta().summary),
            "{line}"
        );
    }
}

#[test]
fn rule_prints_its_documentation_from_any_directory() {
    let dir = site(&[]);
    postlint(dir.path())
        .args(["rule", "timestamp-mismatch"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it checks"))
        .stdout(predicate::str::contains("default severity: error"));
    postlint(dir.path())
        .args(["rule", "timestamp-mismach"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `timestamp-mismatch`",
        ));
}

#[test]
fn config_turns_rules_and_families_off_and_sets_severity() {
    let nan = CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->");
    let files = |toml: &'static str| {
        site(&[
            ("postlint.toml", toml),
            (
                "_posts/2022-10-31-a.md",
                Box::leak(nan.clone().into_boxed_str()),
            ),
        ])
    };
    let dir = files("[rules]\ntimestamp = \"off\"\n");
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    let dir = files("[rules]\ntimestamp-malformed = \"warning\"\n");
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 warning"));
    let dir = files("[rules.timestamp-malformed]\nseverity = \"info\"\n");
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 info"));
}

#[test]
fn config_is_found_upward_or_given_explicitly() {
    let nan = CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->");
    let dir = site(&[
        ("postlint.toml", "[rules]\ntimestamp-malformed = \"off\"\n"),
        ("blog/_posts/2022-10-31-a.md", &nan),
        ("strict.toml", "[rules]\n"),
    ]);
    postlint(&dir.path().join("blog"))
        .arg("check")
        .assert()
        .code(0);
    postlint(&dir.path().join("blog"))
        .args(["check", "--config", "../strict.toml"])
        .assert()
        .code(1);
}

#[test]
fn options_reach_the_rules() {
    let late = CLEAN_POST.replace("<!--1667234398000-->", "<!--1667234398900-->");
    let dir = site(&[
        (
            "postlint.toml",
            "[rules.timestamp-mismatch]\ntolerance-ms = 1000\n",
        ),
        ("_posts/2022-10-31-a.md", &late),
    ]);
    postlint(dir.path()).arg("check").assert().code(0);
    let no_from = CLEAN_POST.replace("from: https", "source: https");
    let dir = site(&[
        ("postlint.toml", "[source]\nkeys = [\"source\"]\n"),
        ("_posts/2022-10-31-a.md", &no_from),
    ]);
    postlint(dir.path()).arg("check").assert().code(0);
    let dir = site(&[
        (
            "postlint.toml",
            "[rules.front-matter-missing-key]\nrequired = [\"title\", \"date\", \"author\", \"summary\"]\n",
        ),
        ("_posts/2022-10-31-a.md", CLEAN_POST),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "front matter has no `summary` key",
        ));
}

#[test]
fn config_errors_point_at_their_span() {
    let cases = [
        (
            "[rules]\ntimestamp-mismach = \"off\"\n",
            "unknown rule or family `timestamp-mismach`",
            "postlint.toml:2:1",
        ),
        (
            "[rules]\ntimestamp = \"loud\"\n",
            "unknown severity `loud`",
            "postlint.toml:2:13",
        ),
        (
            "colour = true\n",
            "unknown key `colour`",
            "postlint.toml:1:1",
        ),
        ("[rules\n", "invalid TOML", "postlint.toml:1:"),
        (
            "[rules.tag-link-mismatch]\ncompare = \"fuzzy\"\n",
            "unknown comparison `fuzzy`",
            "postlint.toml:2:11",
        ),
        (
            "[rules.tag-link-mismatch]\nsites = \"ordinary\"\n",
            "unknown kind of sites `ordinary`",
            "postlint.toml:2:9",
        ),
        (
            "[tag-link]\npatterns = [\"/tag/x\"]\n",
            "invalid tag pattern",
            "postlint.toml:2:13",
        ),
        (
            "[rules.timestamp-mismatch]\ntolerance-ms = \"1s\"\n",
            "expected an integer",
            "postlint.toml:2:16",
        ),
    ];
    for (toml, message, location) in cases {
        let dir = site(&[
            ("postlint.toml", toml),
            ("_posts/2022-10-31-a.md", CLEAN_POST),
        ]);
        postlint(dir.path())
            .arg("check")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(location));
    }
}

#[test]
fn unreadable_config_is_a_tool_error() {
    let dir = site(&[]);
    postlint(dir.path())
        .args(["check", "--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read missing.toml"));
}

#[test]
fn hostile_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "_posts/empty.md", b"");
    write(
        root,
        "_posts/bom.md",
        format!("\u{feff}{CLEAN_POST}").as_bytes(),
    );
    write(
        root,
        "_posts/crlf.md",
        CLEAN_POST.replace('\n', "\r\n").as_bytes(),
    );
    let mut bomb = String::from(
        "---\ntitle: \"t\"\ndate: 2022-10-31\nfrom: https://a.example/\na: &a [x, x, x, x, x, x, x, x]\n",
    );
    for i in 0..40 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        bomb.push_str(&format!(
            "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    bomb.push_str("---\nbody\n");
    write(root, "_posts/bomb.md", bomb.as_bytes());
    let deep = format!(
        "---\ntitle: {}{}\n---\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    write(root, "_posts/deep.md", deep.as_bytes());
    let block: String = (0..3000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    write(
        root,
        "_posts/deep-block.md",
        format!("---\n{block}---\n").as_bytes(),
    );
    write(
        root,
        "_posts/anchors.md",
        format!(
            "---\ntitle: t\ndate: 2022-10-31\nfrom: https://a.example/\n---\n{}",
            "<a href=\"/tag/%\">".repeat(20_000)
        )
        .as_bytes(),
    );
    write(
        root,
        "_posts/escapes.md",
        "---\ntitle: t\ndate: 2022-10-31\nfrom: https://a.example/\n---\n<a href=\"/tag/%王\">王</a> <a href=\"/tag/a&amp;%zz\">x</a>\n".as_bytes(),
    );
    let out = postlint(root)
        // The file names, and the copies of one post, are not what this
        // test is about.
        .args([
            "check",
            "--format",
            "json",
            "--ignore",
            "jekyll-filename",
            "--ignore",
            "source-duplicate",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert!(
        rules.contains(&("_posts/empty.md", "front-matter-missing")),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("_posts/deep.md", "front-matter-invalid-yaml")),
        "{rules:?}"
    );
    assert!(
        !rules
            .iter()
            .any(|(p, _)| *p == "_posts/bom.md" || *p == "_posts/crlf.md"),
        "{rules:?}"
    );
    assert!(
        !rules.iter().any(|(p, _)| *p == "_posts/bomb.md"),
        "{rules:?}"
    );
    assert_eq!(
        rules
            .iter()
            .filter(|(p, _)| *p == "_posts/escapes.md")
            .count(),
        2,
        "{rules:?}"
    );
    assert_eq!(
        rules
            .iter()
            .filter(|(p, r)| *p == "_posts/anchors.md" && *r == "tag-link-malformed")
            .count(),
        // 20,000 malformed links, kept to one rule's limit per post.
        postlint::rules::MAX_FINDINGS_PER_RULE
    );
}

#[test]
fn unreadable_files_are_tool_errors_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "_posts/latin1.md", b"---\ntitle: caf\xe9\n---\n");
    write(root, "_posts/binary.md", b"\x00\x01\x02binary");
    let nan = CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->");
    write(root, "_posts/nan.md", nan.as_bytes());
    let big = root.join("_posts/huge.md");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(postlint::runner::MAX_FILE_SIZE + 1)
        .unwrap();
    postlint(root)
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("timestamp-malformed"))
        .stderr(predicate::str::contains(
            "error: _posts/latin1.md: not valid UTF-8 (invalid byte at offset 14)",
        ))
        .stderr(predicate::str::contains(
            "error: _posts/binary.md: binary file",
        ))
        .stderr(predicate::str::contains(
            "error: _posts/huge.md: file is 64 MiB, over the 64 MiB limit",
        ));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported() {
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    let posts = dir.path().join("_posts");
    std::os::unix::fs::symlink(posts.join("loop-b.md"), posts.join("loop-a.md")).unwrap();
    std::os::unix::fs::symlink(posts.join("loop-a.md"), posts.join("loop-b.md")).unwrap();
    std::os::unix::fs::symlink(&posts, posts.join("self")).unwrap();
    // Walking follows links, as Jekyll does, and says where they loop;
    // the other post is still checked.
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout("No problems found in 1 file (3 paths could not be checked)\n")
        .stderr(predicate::str::contains(
            "error: _posts/self: symbolic link loop (it leads back to _posts), not followed",
        ))
        .stderr(predicate::str::contains(
            "error: _posts/loop-a.md: symbolic link loop, not checked",
        ));
    // Naming the looping link is an I/O error, exit 2.
    postlint(dir.path())
        .args(["check", "_posts/loop-a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("_posts/loop-a.md"));
}

#[cfg(unix)]
#[test]
fn permission_denied_is_a_tool_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    let file = dir.path().join("_posts/2022-10-31-a.md");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    // As root the check runs as `nobody`, to whom the mode applies.
    let Some(mut postlint) = common::postlint_unprivileged(dir.path()) else {
        return;
    };
    postlint
        .arg("check")
        .assert()
        .code(2)
        .stdout("Checked no files (1 path could not be checked)\n")
        .stderr("error: _posts/2022-10-31-a.md: permission denied\n");
}

#[test]
fn help_wraps_to_the_width_without_breaking_what_users_copy() {
    let dir = site(&[]);
    let copyables = [
        "https://github.com/postlint/postlint#readme",
        "postlint.toml",
        "2024-01-01T00:00:00Z",
        "`output-format`",
        "--unsafe-fixes",
        "--stdin-filename",
    ];
    for width in [20, 40, 60, 80, 100, 160] {
        let mut all = String::new();
        for args in [&["--help"][..], &["check", "--help"][..]] {
            let out = postlint(dir.path())
                .env("COLUMNS", width.to_string())
                .args(args)
                .output()
                .unwrap();
            all.push_str(&String::from_utf8(out.stdout).unwrap());
        }
        for c in copyables {
            assert!(all.contains(c), "`{c}` is broken at width {width}:\n{all}");
        }
        if width >= 60 {
            // Lines longer than the width hold only one unbreakable word.
            for line in all.lines().filter(|l| l.chars().count() > width) {
                assert!(!line.trim().contains(' '), "width {width}: {line}");
            }
        }
    }
}

#[test]
fn tag_link_mismatch_reads_only_mirrors_unless_asked() {
    // On an ordinary site a link to the site's own tag page is prose.
    let post = "---\ntitle: \"Tides\"\nlayout: post\ntags: [spring-tides]\n---\n\nSee [our earlier posts](/tags/spring-tides/) on the tides.\n";
    let dir = site(&[
        ("_config.yml", "title: Notes\n"),
        ("_posts/2022-10-31-tides.md", post),
    ]);
    postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .assert()
        .code(0);
    write(
        dir.path(),
        "postlint.toml",
        b"[rules.tag-link-mismatch]\nsites = \"all\"\n",
    );
    postlint(dir.path())
        .args(["check", "--output-format", "concise"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "tag-link-mismatch tag link text `our earlier posts` does not match its tag `spring-tides`",
        ));
}
