//! Selecting what is reported: suppression comments, per-file-ignores,
//! exclude, --select/--ignore/--extend-select, exit-code options,
//! --statistics and --stdin-filename.

use crate::common;

use common::{CLEAN_POST, postlint, site};
use predicates::prelude::*;

fn nan() -> String {
    CLEAN_POST.replace("<!--1667234398000-->", "<!--NaN-->")
}

/// `text` as another article: its source URL (and header link) changed,
/// so that copies of one post are not duplicates of each other.
fn article(text: &str, n: usize) -> String {
    text.replace("bridge.html", &format!("bridge-{n}.html"))
}

fn wrong_tag() -> String {
    CLEAN_POST.replace(">港口<", ">码头<")
}

#[test]
fn suppression_comments_hide_findings() {
    let next_line = wrong_tag().replace(
        "<div>\n<p>",
        "<div>\n<!-- postlint-disable-next-line tag-link-mismatch -->\n<p>",
    );
    let block = wrong_tag()
        .replace("<div>\n", "<div>\n<!-- postlint-disable tag-link -->\n")
        .replace("</div>", "<!-- postlint-enable tag-link -->\n</div>");
    let file = format!("{}<!-- postlint-disable-file timestamp -->\n", nan());
    let dir = site(&[
        ("_posts/2022-10-31-next-line.md", &article(&next_line, 1)),
        ("_posts/2022-10-31-block.md", &article(&block, 2)),
        ("_posts/2022-10-31-file.md", &article(&file, 3)),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 3 files\n");
}

#[test]
fn a_suppression_only_covers_its_region_and_names() {
    let other_line = wrong_tag().replace(
        "<div>\n",
        "<!-- postlint-disable-next-line tag-link-mismatch -->\n<div>\n",
    );
    let other_rule = wrong_tag().replace(
        "<div>\n<p>",
        "<div>\n<!-- postlint-disable-next-line timestamp -->\n<p>",
    );
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &other_line),
        ("_posts/2022-10-31-b.md", &other_rule),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("in 2 of 2 files"))
        .stdout(predicate::str::contains("tag-link-mismatch"));
}

#[test]
fn front_matter_key_suppresses_front_matter_findings() {
    let post = CLEAN_POST.replace(
        "title: \"Harbour bridge reopens\"",
        "title: no\npostlint:\n  disable: [front-matter-wrong-type]",
    );
    let post = post.replace("[Harbour bridge reopens]", "[no]");
    let dir = site(&[("_posts/2022-10-31-a.md", &post)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
}

#[test]
fn unused_suppressions_are_reported_when_asked() {
    let post = CLEAN_POST.replace(
        "<div>\n",
        "<div>\n<!-- postlint-disable-next-line tag-link-mismatch -->\n",
    );
    let dir = site(&[("_posts/2022-10-31-a.md", &post)]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    postlint(dir.path())
        .args(["check", "--extend-select", "suppression-unused"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "suppression of `tag-link-mismatch` suppresses nothing",
        ));
}

#[test]
fn per_file_ignores_turn_rules_off_for_matching_files() {
    let dir = site(&[
        (
            "postlint.toml",
            "[per-file-ignores]\n\"_posts/legacy/*.md\" = [\"timestamp\"]\n\"*.markdown\" = [\"timestamp-malformed\"]\n",
        ),
        ("_posts/legacy/2022-10-31-a.md", &article(&nan(), 1)),
        ("_posts/2022/2022-10-31-b.markdown", &article(&nan(), 2)),
        ("_posts/2022-10-31-c.md", &article(&nan(), 3)),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("_posts/2022-10-31-c.md"))
        .stdout(predicate::str::contains(
            "Found 1 problem (1 error) in 1 of 3 files",
        ));
}

#[test]
fn per_file_ignores_names_are_checked() {
    let dir = site(&[(
        "postlint.toml",
        "[per-file-ignores]\n\"*.md\" = [\"timestamps\"]\n",
    )]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or family `timestamps`",
        ))
        .stderr(predicate::str::contains("postlint.toml:2:11"));
}

#[test]
fn exclude_skips_site_output_and_configured_globs() {
    // Front matter that does not parse: a finding on any kind of site.
    let broken = "---\ntitle: [\n---\n";
    let dir = site(&[
        ("_posts/2022-10-31-a.md", CLEAN_POST),
        ("_site/_posts/2022-10-31-copy.md", broken),
        ("old/_posts/2022-10-31-b.md", broken),
        ("postlint.toml", "extend-exclude = [\"old/**\"]\n"),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    // A file named on the command line is checked unless --force-exclude.
    postlint(dir.path())
        .args(["check", "old/_posts/2022-10-31-b.md"])
        .assert()
        .code(1);
    postlint(dir.path())
        .args(["check", "--force-exclude", "old/_posts/2022-10-31-b.md"])
        .assert()
        .code(0)
        .stdout("No problems found in 0 files\n");
    let dir = site(&[
        ("_site/_posts/2022-10-31-copy.md", broken),
        ("postlint.toml", "exclude = []\n"),
    ]);
    postlint(dir.path()).arg("check").assert().code(1);
}

#[test]
fn select_ignore_and_extend_select_win_over_the_file() {
    let post = nan().replace(">港口<", ">码头<");
    let dir = site(&[
        ("postlint.toml", "[rules]\ntag-link = \"off\"\n"),
        ("_posts/2022-10-31-a.md", &post),
    ]);
    postlint(dir.path())
        .args(["check", "--statistics"])
        .assert()
        .code(1)
        // An unsafe fix only: `[-]`, not `[*]`, which `--fix` alone fixes.
        .stdout(
            "1  [-] error    timestamp-malformed\n1      total\n\
             1 fixable with `--fix --unsafe-fixes`\n",
        );
    postlint(dir.path())
        .args(["check", "--select", "tag-link", "--statistics"])
        .assert()
        .code(0)
        .stdout(
            "1  [-] warning  tag-link-mismatch\n1      total\n\
             1 fixable with `--fix --unsafe-fixes`\n",
        );
    postlint(dir.path())
        .args([
            "check",
            "--extend-select",
            "tag-link-mismatch",
            "--ignore",
            "timestamp",
            "--statistics",
        ])
        .assert()
        .code(0)
        .stdout(
            "1  [-] warning  tag-link-mismatch\n1      total\n\
             1 fixable with `--fix --unsafe-fixes`\n",
        );
    postlint(dir.path())
        .args(["check", "--select", "timestamps"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `timestamp`?"));
}

#[test]
fn exit_zero_and_max_warnings() {
    let dir = site(&[
        ("_posts/2022-10-31-a.md", &nan()),
        ("_posts/2022-10-31-b.md", &wrong_tag()),
    ]);
    postlint(dir.path()).arg("check").assert().code(1);
    postlint(dir.path())
        .args(["check", "--exit-zero"])
        .assert()
        .code(0);
    let dir = site(&[("_posts/2022-10-31-b.md", &wrong_tag())]);
    postlint(dir.path()).arg("check").assert().code(0);
    postlint(dir.path())
        .args(["check", "--max-warnings", "1"])
        .assert()
        .code(0);
    postlint(dir.path())
        .args(["check", "--max-warnings", "0"])
        .assert()
        .code(1);
}

#[test]
fn stdin_output_equals_the_output_for_the_file_on_disk() {
    let post = nan().replace(">港口<", ">码头<");
    let dir = site(&[("_posts/2022-10-31-a.md", &post)]);
    for format in ["human", "json"] {
        let disk = postlint(dir.path())
            .args(["check", "--format", format, "_posts/2022-10-31-a.md"])
            .output()
            .unwrap();
        let stdin = postlint(dir.path())
            .args([
                "check",
                "--format",
                format,
                "--stdin-filename",
                "_posts/2022-10-31-a.md",
            ])
            .write_stdin(post.clone())
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&stdin.stdout),
            String::from_utf8_lossy(&disk.stdout),
            "{format}"
        );
        assert_eq!(stdin.status.code(), disk.status.code());
    }
    // The named file need not exist, and per-file-ignores apply to it.
    let dir = site(&[(
        "postlint.toml",
        "[per-file-ignores]\n\"drafts/*\" = [\"timestamp\"]\n",
    )]);
    postlint(dir.path())
        .args(["check", "--stdin-filename", "drafts/new.md"])
        .write_stdin(nan())
        .assert()
        .code(0)
        .stdout("No problems found in 1 file\n");
    postlint(dir.path())
        .args(["check", "--stdin-filename", "x.md"])
        .write_stdin(vec![0xffu8, 0xfe])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("x.md: not valid UTF-8"));
}

#[test]
fn output_format_comes_from_the_config_unless_given() {
    let dir = site(&[
        ("postlint.toml", "output-format = \"concise\"\n"),
        ("_posts/2022-10-31-a.md", &nan()),
    ]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "_posts/2022-10-31-a.md:11:1: error timestamp-malformed ",
        ));
    postlint(dir.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("["));
    let dir = site(&[("postlint.toml", "output-format = \"xml\"\n")]);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown output format `xml`"))
        .stderr(predicate::str::contains("postlint.toml:1:17"));
}
