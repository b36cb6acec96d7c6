//! The pre-commit hooks for real: `pre-commit try-repo` installs postlint
//! from this repository into its own environment and runs it in a temporary
//! git repository holding a good and a bad post; once for the `postlint`
//! hook (language: python, which pip-installs the package that maturin
//! builds from `pyproject.toml`), once for `postlint-rust` (cargo install).
//!
//! Needs `pre-commit` (from PyPI) and `git`; `.ci/run` installs pre-commit.
//! Without them the test skips, except under CI, where it fails.
//!
//! Both hooks build postlint inside pre-commit's environment, so the test
//! is ignored by the quick `cargo test --locked`; `.ci/run` runs it, and so
//! does `cargo test --locked --test it precommit:: -- --ignored`. The builds go to
//! this build's own target folder (`CARGO_TARGET_DIR`), where `.ci/run` has
//! already built postlint for release: only postlint itself is compiled
//! again (pre-commit installs from a fresh copy of the repository), and any
//! dependency `cargo install` resolves to a newer version than the lock, as
//! it does for a user.

use crate::common;

use std::path::Path;
use std::process::Command;

fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=postlint",
            "-c",
            "user.email=postlint@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
#[ignore = "slow: builds postlint again through pre-commit; run with `-- --ignored`"]
fn python_hook_passes_good_posts_and_fails_bad_ones() {
    hook_passes_good_posts_and_fails_bad_ones("postlint");
}

#[test]
#[ignore = "slow: builds postlint again through pre-commit; run with `-- --ignored`"]
fn rust_hook_passes_good_posts_and_fails_bad_ones() {
    hook_passes_good_posts_and_fails_bad_ones("postlint-rust");
}

/// The target folder this test binary was built in (`target/` for
/// `target/debug/deps/precommit-…`), whose release builds the hooks reuse.
fn target_dir() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().to_path_buf()
}

fn hook_passes_good_posts_and_fails_bad_ones(hook: &str) {
    if !available("pre-commit") || !available("git") {
        common::skip("pre-commit or git is not installed");
        return;
    }
    let repo = env!("CARGO_MANIFEST_DIR");
    let home = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();
    let good = "_posts/2022-10-31-good.md";
    let bad = "_posts/2022-11-01-bad.md";
    common::write(site.path(), good, common::CLEAN_POST.as_bytes());
    common::write(
        site.path(),
        bad,
        common::CLEAN_POST
            .replace("<!--1667234398000-->", "<!--NaN-->")
            // Another article, so that the two posts are not duplicates.
            .replace("bridge.html", "ferry.html")
            .as_bytes(),
    );
    git(site.path(), &["init", "-q"]);
    git(site.path(), &["add", "."]);
    git(site.path(), &["commit", "-q", "-m", "posts"]);

    let run = |files: &[&str]| {
        Command::new("pre-commit")
            .args(["try-repo", repo, hook, "--verbose", "--files"])
            .args(files)
            .current_dir(site.path())
            .env("PRE_COMMIT_HOME", home.path())
            .env("CARGO_TARGET_DIR", target_dir())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let ok = run(&[good]);
    let ok_out = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{ok_out}\n{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(ok_out.contains("No problems found in 1 file"), "{ok_out}");

    let failed = run(&[good, bad]);
    let out = String::from_utf8_lossy(&failed.stdout);
    assert_eq!(
        failed.status.code(),
        Some(1),
        "{out}\n{}",
        String::from_utf8_lossy(&failed.stderr)
    );
    assert!(out.contains(bad), "the bad post is named: {out}");
    assert!(out.contains("timestamp-malformed"), "{out}");
    assert!(!out.contains(&format!("{good}:")), "{out}");
}
