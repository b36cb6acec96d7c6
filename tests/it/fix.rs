//! `check --fix`, `--unsafe-fixes`, `--fix-only` and `--diff`, end to end.

use crate::common;

use std::fs;
use std::path::Path;

use common::{CLEAN_POST, postlint, site};
use predicates::prelude::*;

const PATH: &str = "_posts/2022-10-31-a.md";

/// The clean post with a repeated `author` line: one safe fix.
fn with_duplicate() -> String {
    CLEAN_POST.replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    )
}

/// The clean post with a `NaN` comment: one unsafe fix.
fn with_nan() -> String {
    CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->")
}

fn read(dir: &Path) -> String {
    fs::read_to_string(dir.join(PATH)).unwrap()
}

#[test]
fn fix_writes_safe_fixes_and_exits_by_what_is_left() {
    let dir = site(&[(PATH, &with_duplicate())]);
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file"))
        .stderr("Fixed 1 problem (0 remaining)\n");
    assert_eq!(read(dir.path()), CLEAN_POST);
    // Nothing left to do: a second run fixes nothing.
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0)
        .stderr("Fixed 0 problems (0 remaining)\n");

    // An unsafe fix is only reported, and the error is left.
    let both = with_nan().replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    );
    let dir = site(&[(PATH, &both)]);
    postlint(dir.path())
        .args(["check", "--fix", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("timestamp-malformed"))
        .stdout(predicate::str::contains("front-matter-duplicate-key").not())
        .stderr(predicate::str::contains("Fixed 1 problem (1 remaining)"))
        .stderr(predicate::str::contains(
            "Still fixable: 1 with `--unsafe-fixes`",
        ));
    assert_eq!(read(dir.path()), with_nan());
}

#[test]
fn unsafe_fixes_are_applied_on_request() {
    let dir = site(&[(PATH, &with_nan())]);
    postlint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes"])
        .assert()
        .code(0)
        .stderr("Fixed 1 problem (0 remaining)\n");
    assert_eq!(read(dir.path()), CLEAN_POST);
}

#[test]
fn json_after_fixing_holds_only_what_is_left_with_its_fix_safety() {
    let both = with_nan().replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    );
    let dir = site(&[(PATH, &both)]);
    let out = postlint(dir.path())
        .args(["check", "--fix", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let items: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["rule"], "timestamp-malformed");
    assert_eq!(items[0]["fix"]["applicability"], "unsafe");
    // Positions are those of the fixed file: the duplicate line is gone.
    assert_eq!(items[0]["line"], 11);
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = site(&[(PATH, &with_duplicate())]);
    postlint(dir.path())
        .args(["check", "--diff"])
        .assert()
        .code(1)
        .stdout(format!(
            "--- {PATH}\n+++ {PATH}\n@@ -3,7 +3,6 @@\n title: \"Harbour bridge reopens\"\n date: 2022-10-31T16:39:58.000Z\n author: Example News\n-author: Example News\n from: https://news.example.com/2022/10/31/bridge.html\n tags: [ city ]\n comments: True\n"
        ))
        .stderr("Would fix 1 problem (0 remaining)\n");
    assert_eq!(read(dir.path()), with_duplicate());

    // Unsafe fixes only with --unsafe-fixes; nothing to change exits 0.
    let dir = site(&[(PATH, &with_nan())]);
    postlint(dir.path())
        .args(["check", "--diff"])
        .assert()
        .code(0)
        .stdout("");
    postlint(dir.path())
        .args(["check", "--diff", "--unsafe-fixes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "-<!--NaN-->\n+<!--1667234398000-->\n",
        ));
    assert_eq!(read(dir.path()), with_nan());
}

#[test]
fn fix_only_reports_nothing_and_exits_0() {
    let both = with_nan().replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    );
    let dir = site(&[(PATH, &both)]);
    postlint(dir.path())
        .args(["check", "--fix-only"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("Fixed 1 problem (1 remaining)"));
    assert_eq!(read(dir.path()), with_nan());
}

#[test]
fn fixable_and_unfixable_choose_the_rules() {
    let both = with_nan().replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    );
    let dir = site(&[
        ("postlint.toml", "unfixable = [\"front-matter\"]\n"),
        (PATH, &both),
    ]);
    postlint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "--format", "json"])
        .assert()
        .code(1)
        // An unfixable rule's findings carry no fix.
        .stdout(predicate::str::contains("front-matter-duplicate-key"))
        .stdout(predicate::str::contains("\"fix\": null"))
        .stderr(predicate::str::contains("Fixed 1 problem (1 remaining)"));
    assert_eq!(
        read(dir.path()),
        CLEAN_POST.replace(
            "author: Example News\n",
            "author: Example News\nauthor: Example News\n"
        )
    );

    let dir = site(&[
        (
            "postlint.toml",
            "fixable = [\"front-matter-duplicate-key\"]\n",
        ),
        (PATH, &both),
    ]);
    postlint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes"])
        .assert()
        .code(1);
    assert_eq!(read(dir.path()), with_nan());
}

#[test]
fn fix_direction_date_rewrites_date_in_its_own_style() {
    let post = CLEAN_POST.replace("<!--1667234398000-->", "<!--1667263198000-->");
    let dir = site(&[
        (
            "postlint.toml",
            "[rules.timestamp-mismatch]\nfix-direction = \"date\"\n",
        ),
        (PATH, &post),
    ]);
    postlint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes"])
        .assert()
        .code(0);
    assert_eq!(
        read(dir.path()),
        post.replace("2022-10-31T16:39:58.000Z", "2022-11-01T00:39:58.000Z")
    );
}

#[test]
fn fix_config_errors_point_at_their_span() {
    let cases = [
        (
            "fixable = [\"timestamp\", \"tag-links\"]\n",
            "unknown rule or family `tag-links`",
            "postlint.toml:1:25",
        ),
        (
            "unfixable = \"timestamp\"\n",
            "expected an array of strings",
            "postlint.toml:1:13",
        ),
        (
            "[rules.timestamp-mismatch]\nfix-direction = \"both\"\n",
            "unknown fix direction `both`",
            "postlint.toml:2:17",
        ),
        (
            "[rules.timestamp-malformed]\nfix-direction = \"date\"\n",
            "`timestamp-malformed` has no option `fix-direction`",
            "postlint.toml:2:1",
        ),
    ];
    for (toml, message, location) in cases {
        let dir = site(&[("postlint.toml", toml), (PATH, CLEAN_POST)]);
        postlint(dir.path())
            .args(["check", "--fix"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(location));
        assert_eq!(read(dir.path()), CLEAN_POST);
    }
}

#[test]
fn line_endings_bom_and_final_newline_are_kept() {
    let crlf = format!("\u{feff}{}", with_duplicate().replace('\n', "\r\n"));
    let crlf = crlf.strip_suffix("\r\n").unwrap().to_string();
    let dir = site(&[(PATH, &crlf)]);
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0);
    let expected = crlf.replacen("author: Example News\r\n", "", 1);
    assert_eq!(
        fs::read(dir.path().join(PATH)).unwrap(),
        expected.as_bytes()
    );
}

#[test]
fn tag_links_written_with_character_references_are_left_alone() {
    // As a browser reads them, `Caf&eacute;` is `Café` and `&mdash;` is
    // `—`: each link's text is its tag, and there is nothing to fix.
    let post = CLEAN_POST.replace(
        "<p>The <a href=\"https://news.example.com/tag/%E6%B8%AF%E5%8F%A3.html\">港口</a> bridge reopened.</p>",
        "<p>The <a href=\"https://news.example.com/tag/Caf%C3%A9.html\">Caf&eacute;</a> \
        by the bridge reopened <a href=\"https://news.example.com/tag/%E2%80%94.html\">&mdash;</a> at last.</p>",
    );
    assert_ne!(post, CLEAN_POST);
    let dir = site(&[(PATH, &post)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    postlint(dir.path())
        .args(["check", "--diff", "--unsafe-fixes"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("Would fix 0 problems (0 remaining)\n");
    assert_eq!(read(dir.path()), post);
}

#[test]
fn a_file_with_nothing_to_fix_is_not_rewritten() {
    let dir = site(&[(PATH, &with_nan()), ("_posts/2022-10-31-b.md", CLEAN_POST)]);
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for name in [PATH, "_posts/2022-10-31-b.md"] {
        let file = fs::File::options()
            .write(true)
            .open(dir.path().join(name))
            .unwrap();
        file.set_modified(old).unwrap();
    }
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(1);
    for name in [PATH, "_posts/2022-10-31-b.md"] {
        let meta = fs::metadata(dir.path().join(name)).unwrap();
        assert_eq!(meta.modified().unwrap(), old, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[(PATH, &with_duplicate())]);
    let file = dir.path().join(PATH);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o604)).unwrap();
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0);
    assert_eq!(read(dir.path()), CLEAN_POST);
    let mode = fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o604);
}

#[test]
fn a_stale_temporary_file_neither_blocks_nor_is_removed() {
    // What a run killed in the middle of writing leaves behind, under the
    // fixed name earlier versions used and under a name of today's form.
    let dir = site(&[
        (PATH, &with_duplicate()),
        ("_posts/.2022-10-31-a.md.postlint-fix.tmp", "stale"),
        ("_posts/.2022-10-31-a.md.abc123.postlint-fix.tmp", "stale"),
    ]);
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0)
        .stderr("Fixed 1 problem (0 remaining)\n");
    assert_eq!(read(dir.path()), CLEAN_POST);
    for stale in [
        "_posts/.2022-10-31-a.md.postlint-fix.tmp",
        "_posts/.2022-10-31-a.md.abc123.postlint-fix.tmp",
    ] {
        assert_eq!(fs::read_to_string(dir.path().join(stale)).unwrap(), "stale");
    }
    assert_eq!(fs::read_dir(dir.path().join("_posts")).unwrap().count(), 3);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_fails_the_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[(PATH, &with_duplicate())]);
    let posts = dir.path().join("_posts");
    // The post itself may be written by anyone: only the folder refuses.
    fs::set_permissions(dir.path().join(PATH), fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(&posts, fs::Permissions::from_mode(0o555)).unwrap();
    // As root the fix runs as `nobody`, to whom the mode applies.
    let Some(mut postlint) = common::postlint_unprivileged(dir.path()) else {
        return;
    };
    postlint
        .args(["check", "--fix"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "error: {PATH}: cannot write the fixed file, left unchanged: cannot create a temporary file"
        )))
        .stderr(predicate::str::contains("Permission denied (os error 13)"));
    fs::set_permissions(&posts, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(read(dir.path()), with_duplicate());
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let dir = site(&[]);
    postlint(dir.path())
        .args(["check", "--fix", "--stdin-filename", PATH])
        .write_stdin(with_duplicate())
        .assert()
        .code(0)
        .stdout(CLEAN_POST)
        .stderr("Fixed 1 problem (0 remaining)\n");
    postlint(dir.path())
        .args(["check", "--diff", "--stdin-filename", PATH])
        .write_stdin(with_duplicate())
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(format!(
            "--- {PATH}\n+++ {PATH}\n"
        )));
    assert!(!dir.path().join(PATH).exists());
}

#[test]
fn excluded_standard_input_is_given_back_unchanged() {
    let dir = site(&[("postlint.toml", "extend-exclude = [\"_posts/**\"]\n")]);
    postlint(dir.path())
        .args([
            "check",
            "--fix",
            "--force-exclude",
            "--stdin-filename",
            PATH,
        ])
        .write_stdin(with_duplicate())
        .assert()
        .code(0)
        .stdout(with_duplicate());
}
