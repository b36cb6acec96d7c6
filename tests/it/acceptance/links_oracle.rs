//! The `link` family against Jekyll's own view of twenty real sites
//! (`../shared/corpus/jekyll-sites.tar.zst`, whose `oracle/SITE.jsonl` lists
//! every link of every post and page as a browser resolves it in the built
//! site, with whether a file is there):
//!
//! - every link the oracle finds broken, and that is written in a post's or
//!   page's source (not made by a layout, an include or a plugin), is
//!   reported at its line, unless pinned below with why not;
//! - every link finding is a link the oracle finds broken, or a tag the
//!   oracle logs as stopping the build, unless pinned below with why.
//!
//! The figures per site are printed (`cargo test -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common;

const NOW: &str = "2026-12-01T00:00:00Z";

/// One finding of the `link` family: file, line, rule, message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    path: String,
    line: usize,
    rule: String,
    message: String,
}

fn findings(site: &Path) -> Vec<Found> {
    let out = common::postlint(site)
        .args([
            "check",
            "--no-cache",
            "--select",
            "link",
            "--output-format",
            "json",
            "--now",
            NOW,
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            site.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    json.as_array()
        .unwrap()
        .iter()
        .map(|f| Found {
            path: f["path"].as_str().unwrap().to_string(),
            line: f["line"].as_u64().unwrap() as usize,
            rule: f["rule"].as_str().unwrap().to_string(),
            message: f["message"].as_str().unwrap().to_string(),
        })
        .collect()
}

/// A link the oracle lists: file (below the site's folder as postlint
/// shows it), href as rendered, whether found, whether it lacks the
/// baseurl.
struct OracleLink {
    path: String,
    href: String,
    found: bool,
    missing_baseurl: bool,
}

/// The lines (1-based) of `text` on which `needle` is written, as it is or
/// with HTML's escapes.
fn lines_with(text: &str, needle: &str) -> BTreeSet<usize> {
    let escaped = needle.replace('&', "&amp;");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle) || l.contains(&escaped))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The oracle's paths are below the folder Jekyll read as the site: for
/// the Octopress sites that is `source/`, below the folder postlint runs in.
fn shown(folder: &Path, path: &str) -> String {
    if folder.join(path).exists() {
        path.to_string()
    } else {
        format!("source/{path}")
    }
}

#[derive(Default, Debug)]
struct Figures {
    /// Broken links written in the source, and how many were reported.
    broken: usize,
    reported: usize,
    /// Link findings, and how many the oracle confirms.
    findings: usize,
    confirmed: usize,
}

#[test]
fn link_findings_are_the_broken_links_jekyll_shows() {
    let Some((dir, sites)) = super::jekyll_sites::sites() else {
        return;
    };
    let mut table = BTreeMap::new();
    let mut misses = Vec::new();
    let mut unconfirmed = Vec::new();
    for (name, folder) in &sites {
        let text = std::fs::read_to_string(dir.path().join("oracle").join(format!("{name}.jsonl")))
            .unwrap();
        let perpost = std::fs::read_to_string(
            dir.path()
                .join("oracle")
                .join(format!("{name}.perpost.jsonl")),
        )
        .unwrap_or_default();
        let mut links = Vec::new();
        let mut logged = String::new();
        for line in text.lines().chain(perpost.lines()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            match v["kind"].as_str() {
                Some("link") => links.push(OracleLink {
                    path: shown(folder, v["path"].as_str().unwrap()),
                    href: v["href"].as_str().unwrap().to_string(),
                    found: v["found"].as_bool().unwrap_or(false),
                    missing_baseurl: v["missing_baseurl"].as_bool().unwrap_or(false),
                }),
                Some("log") => {
                    logged.push_str(&line);
                    logged.push('\n');
                }
                _ => {}
            }
        }
        let found = findings(folder);
        let mut figures = Figures::default();
        let mut texts: BTreeMap<String, Option<String>> = BTreeMap::new();
        let mut text_of = |path: &str| {
            texts
                .entry(path.to_string())
                .or_insert_with(|| std::fs::read_to_string(folder.join(path)).ok())
                .clone()
        };
        // Recall: each broken link written in the source is reported.
        let mut seen = BTreeSet::new();
        for link in links.iter().filter(|l| !l.found || l.missing_baseurl) {
            let Some(source) = text_of(&link.path) else {
                continue;
            };
            // A link with Liquid in it was read by the oracle from text its
            // render never reached: a link built from variables, not judged.
            if link.href.contains("{{") || link.href.contains("{%") {
                continue;
            }
            let at = lines_with(&source, &link.href);
            if at.is_empty() || !seen.insert((link.path.clone(), link.href.clone())) {
                continue;
            }
            figures.broken += 1;
            let rules: &[&str] = if link.found {
                &["link-missing-baseurl"]
            } else {
                &["link-broken", "link-no-scheme", "link-missing-baseurl"]
            };
            if found.iter().any(|f| {
                f.path == link.path && at.contains(&f.line) && rules.contains(&f.rule.as_str())
            }) {
                figures.reported += 1;
            } else {
                misses.push(format!("{name}: {} {:?} at {at:?}", link.path, link.href));
            }
        }
        // Precision: each finding is a broken link or a logged tag.
        for f in &found {
            figures.findings += 1;
            let source = text_of(&f.path).unwrap_or_default();
            let line = source.lines().nth(f.line - 1).unwrap_or("");
            let confirmed = match f.rule.as_str() {
                "link-broken-tag" | "link-unknown-layout" => {
                    let file = f.path.trim_start_matches("source/");
                    logged.lines().any(|l| l.contains(file))
                }
                _ => links.iter().any(|l| {
                    l.path == f.path
                        && (!l.found || l.missing_baseurl)
                        && (line.contains(&l.href) || line.contains(&l.href.replace('&', "&amp;")))
                }),
            };
            if confirmed {
                figures.confirmed += 1;
            } else {
                unconfirmed.push(format!(
                    "{name}: {}:{} {} {}",
                    f.path, f.line, f.rule, f.message
                ));
            }
        }
        table.insert(name.clone(), figures);
    }
    println!(
        "site | broken links written in the source | reported | link findings | confirmed by the oracle"
    );
    for (name, f) in &table {
        println!(
            "{name} | {} | {} | {} | {}",
            f.broken, f.reported, f.findings, f.confirmed
        );
    }
    for m in &misses {
        println!("missed: {m}");
    }
    for u in &unconfirmed {
        println!("unconfirmed: {u}");
    }
    assert!(
        misses.is_empty() && unconfirmed.is_empty(),
        "{} missed, {} unconfirmed",
        misses.len(),
        unconfirmed.len()
    );
}
