//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A clean synthetic post with every part postlint reads.
pub const CLEAN_POST: &str = r#"---
layout: post
title: "Harbour bridge reopens"
date: 2022-10-31T16:39:58.000Z
author: Example News
from: https://news.example.com/2022/10/31/bridge.html
tags: [ city ]
comments: True
categories: [ city ]
---
<!--1667234398000-->
[Harbour bridge reopens](https://news.example.com/2022/10/31/bridge.html)
------

<div>
<p>The <a href="https://news.example.com/tag/%E6%B8%AF%E5%8F%A3.html">港口</a> bridge reopened.</p>
</div>
"#;

/// Whether the tests run under CI: `CI` is set and not empty, as CI
/// services set it (`CI=true`).
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Give up on a test whose prerequisite is missing: on a developer's
/// machine say why on standard error (the caller then returns); under CI,
/// where every prerequisite is provided, fail instead.
pub fn skip(why: &str) {
    assert!(
        !in_ci(),
        "{why}, which CI provides: failing instead of skipping"
    );
    eprintln!("skipped: {why}");
}

/// Give up on the corpus test because `../shared/corpus` is absent. Strict
/// as [`skip`] (a failure under CI), unless the environment says the corpus
/// is deliberately not provided: `POSTLINT_ALLOW_MISSING_CORPUS=1`, which
/// the hosted GitHub workflow sets, since the corpus is not published.
pub fn skip_missing_corpus(why: &str) {
    let allowed = std::env::var_os("POSTLINT_ALLOW_MISSING_CORPUS").is_some_and(|v| v == "1");
    if allowed {
        eprintln!("skipped: {why} (POSTLINT_ALLOW_MISSING_CORPUS=1)");
    } else {
        skip(why);
    }
}

/// The archive `../shared/corpus/<name>` unpacked into a temporary folder.
/// Without the archive, `missing` decides (see [`skip`] and
/// [`skip_missing_corpus`]); without `tar` and zstd, the test is skipped.
/// `None` when skipped.
pub fn unpack(name: &str, missing: fn(&str)) -> Option<tempfile::TempDir> {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if !archive.exists() {
        missing(&format!("{} is absent", archive.display()));
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let unpacked = std::process::Command::new("tar")
        .arg("--zstd")
        .arg("-xf")
        .arg(&archive)
        .arg("-C")
        .arg(dir.path())
        .status();
    if !unpacked.is_ok_and(|s| s.success()) {
        skip(&format!(
            "could not unpack {name} (tar with zstd is needed)"
        ));
        return None;
    }
    Some(dir)
}

/// Each file under `dir` that reads as UTF-8 text, with its text.
pub fn each_text_file(dir: &Path, mut each: impl FnMut(&Path, &str)) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                each(&path, &text);
            }
        }
    }
}

/// The binary under test: this build's, or the one `POSTLINT_BIN` names
/// (to show that a test fails on an older build).
pub fn binary() -> PathBuf {
    std::env::var_os("POSTLINT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("postlint"))
}

/// `postlint` with a clean environment: no colour, fixed width, and its
/// cache outside the folder it runs in (the repository's own examples are
/// checked in place, and must stay as they are).
pub fn postlint(dir: &Path) -> Command {
    let mut cmd = Command::new(binary());
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("POSTLINT_CACHE_DIR", cache_dir())
        .env_remove("COLUMNS");
    cmd
}

/// The tests' cache folder, one for each build of the binary under test:
/// postlint's cache is keyed by its version, not its build, so a cache
/// shared between builds would hand a new build the findings of an older
/// one, and a test could pass on them.
fn cache_dir() -> PathBuf {
    let binary = binary();
    let build = fs::metadata(&binary)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{modified}", m.len())
        })
        .unwrap_or_default();
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(&binary, &mut hasher);
    let at = std::hash::Hasher::finish(&hasher);
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("postlint-tests-cache-{at:x}-{build}"))
}

/// Can this process read and write past file permissions (root, or a user
/// with `CAP_DAC_OVERRIDE`)? Probed on a file with mode 000.
#[cfg(unix)]
pub fn bypasses_permissions() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    fs::read(&probe).is_ok()
}

/// `postlint` as [`postlint`] gives it, but run by a user that file
/// permissions apply to, so that unreadable files and unwritable folders
/// really fail. As root, which reads and writes past permissions, the
/// binary is started through `setpriv` as `nobody` (65534), and `site` (a
/// temporary directory, mode 700) is opened to others so that `nobody` can
/// enter it. `None` when that is impossible: the caller skips (see [`skip`],
/// which fails under CI, where the tests run as root with `setpriv`).
#[cfg(unix)]
pub fn postlint_unprivileged(site: &Path) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    if !bypasses_permissions() {
        return Some(postlint(site));
    }
    let available = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        skip("running as root without `setpriv` (util-linux) to drop privileges");
        return None;
    }
    fs::set_permissions(site, fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=-all",
        "--",
    ])
    .arg(binary())
    .current_dir(site)
    .env("NO_COLOR", "1")
    .env_remove("COLUMNS");
    Some(cmd)
}

/// A temporary site with the given files (path relative to the site, text).
pub fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

pub fn write(root: &Path, path: &str, bytes: &[u8]) -> PathBuf {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(&full, bytes).unwrap();
    full
}

/// The repository's bundled example site.
pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The findings of a `--output-format json` report, as sorted
/// `(path, rule)` pairs, and whether any of them is an error (which makes
/// the exit code 1).
pub fn json_findings(stdout: &[u8]) -> (Vec<(String, String)>, bool) {
    let items: Vec<serde_json::Value> = serde_json::from_slice(stdout).unwrap();
    let mut found: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let errors = items.iter().any(|i| i["severity"] == "error");
    (found, errors)
}
