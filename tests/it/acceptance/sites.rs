//! Acceptance run over five ordinary Jekyll sites (blogs written by
//! people, not mirrors), when `../shared/corpus/ordinary-blogs.tar.zst` is
//! present beside the repository. Each site is checked from its own folder
//! with the defaults, as a new user would, and every finding is pinned:
//! each is a defect the site's owner would want to fix, so a change that
//! adds a false alarm, or loses a real defect, fails here. Without the
//! archive the test skips with a message, except under CI (`CI` set).
//!
//! Where Jekyll is installed (`jekyll` and `ruby` on the path, with
//! `../shared/tools/jekyll-oracle.rb`), the date shifts are also checked
//! against what Jekyll itself makes of the site.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The findings expected on each site, as `(path, rule)`, with why each is
/// real.
fn expected() -> BTreeMap<&'static str, Vec<(&'static str, &'static str)>> {
    BTreeMap::from([
        (
            "elixir-lang+elixir-lang.github.com",
            // `[Erlang's gen_server module](erlang.org/doc/man/gen_server.html)`:
            // a link to another site without its scheme, a path on this one.
            vec![(
                "_posts/2020-10-06-elixir-v1-11-0-released.markdown",
                "link-no-scheme",
            )],
        ),
        ("github+government.github.com", vec![]),
        // Jekyll's tests of `date` in the front matter overriding the file
        // name's (four `jekyll-date-mismatch` before): setting `date` is how
        // Jekyll publishes a post on another day, and each is published on
        // the day its `date` says.
        (
            "jekyll+jekyll-test-source",
            // Four link references written `www.example.com/0` without a
            // scheme: Jekyll's own build links to `/2016/08/16/www.example.com/0`.
            vec![
                (
                    "_posts/2016-08-16-indented-link-references.markdown",
                    "link-no-scheme",
                ),
                (
                    "_posts/2016-08-16-indented-link-references.markdown",
                    "link-no-scheme",
                ),
                (
                    "_posts/2016-08-16-indented-link-references.markdown",
                    "link-no-scheme",
                ),
                (
                    "_posts/2016-08-16-indented-link-references.markdown",
                    "link-no-scheme",
                ),
            ],
        ),
        (
            "poole+hyde",
            // `{% gist %}` was built into Jekyll 2; Jekyll 4 stops the build
            // on it unless the site adds the `jekyll-gist` plugin.
            vec![("_posts/2012-02-07-example-content.md", "jekyll-liquid")],
        ),
        // `date: 11-9-2017` (one `front-matter-invalid-date` before): Ruby's
        // `Time.parse` reads it as 11 September 2017, the file name's day,
        // and Jekyll publishes it then.
        ("scala+scala-lang", vec![]),
    ])
}

/// The five sites unpacked into a temporary folder, or `None` (skipped)
/// without the archive.
fn unpack() -> Option<tempfile::TempDir> {
    common::unpack("ordinary-blogs.tar.zst", common::skip)
}

/// `(path, rule)` of every finding of `postlint check` with the defaults,
/// run from `site`.
fn findings(site: &Path) -> Vec<(String, String)> {
    let out = common::postlint(site)
        .args(["check", "--format", "json", "--now", "2026-01-01T00:00:00Z"])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}: {}",
        site.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let (found, errors) = common::json_findings(&out.stdout);
    let code = out.status.code();
    assert_eq!(code, Some(i32::from(errors)), "{}", site.display());
    found
}

#[test]
fn ordinary_sites_get_only_their_real_defects() {
    let Some(dir) = unpack() else { return };
    let mut report = String::new();
    for (site, want) in expected() {
        let path = dir.path().join(site);
        assert!(path.is_dir(), "{site} is not in the archive");
        let mut want: Vec<(String, String)> = want
            .iter()
            .map(|(p, r)| (p.to_string(), r.to_string()))
            .collect();
        want.sort();
        let got = findings(&path);
        if got != want {
            report.push_str(&format!(
                "{site}:\n  expected {want:?}\n  found    {got:?}\n"
            ));
        }
    }
    assert!(report.is_empty(), "{report}");
}

/// The oracle script and a Jekyll to run it, when both are there.
fn oracle() -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/jekyll-oracle.rb");
    let jekyll = Command::new("jekyll")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (script.exists() && jekyll).then_some(script)
}

#[test]
fn date_shifts_are_what_jekyll_does() {
    let Some(script) = oracle() else {
        eprintln!("skipped: Jekyll or ../shared/tools/jekyll-oracle.rb is absent");
        return;
    };
    let Some(dir) = unpack() else { return };
    let site = dir.path().join("jekyll+jekyll-test-source");
    let out = Command::new("ruby")
        .arg(&script)
        .arg(&site)
        .output()
        .unwrap();
    // One JSON line per post Jekyll reads: its path and its date in the
    // site's zone, the day it publishes the post on. A post is shifted when
    // that is not the day written in its front matter `date`.
    let mut shifted = Vec::new();
    let mut read = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["kind"] != "post" {
            continue;
        }
        read += 1;
        let path = v["path"].as_str().unwrap();
        let text = std::fs::read_to_string(site.join(path)).unwrap();
        let Some(written) = text
            .lines()
            .find_map(|l| l.strip_prefix("date:"))
            .map(|d| d.trim().trim_matches(['"', '\'']))
            .filter(|d| d.len() >= 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
        else {
            continue;
        };
        let date = v["date"].as_str().unwrap_or_default();
        if !date.starts_with(&written[..10]) {
            shifted.push((path.to_string(), "jekyll-date-mismatch".to_string()));
        }
    }
    shifted.sort();
    let found: Vec<(String, String)> = findings(&site)
        .into_iter()
        .filter(|(_, r)| r == "jekyll-date-mismatch")
        .collect();
    assert!(read > 0, "the oracle read no post: {out:?}");
    assert_eq!(found, shifted);
}
