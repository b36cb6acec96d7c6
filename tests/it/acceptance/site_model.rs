//! `postlint explain` against Jekyll's own view of each site: for every
//! post, page, document and static file Jekyll 4.3 lists (the archive's
//! `oracle/SITE.jsonl`, made with `jekyll-oracle.rb --links`, which implies
//! `--all`), postlint must give the same URL and output file, and it must
//! list no output file Jekyll does not. The few differences left are
//! pinned here, each with its reason. Jekyll's own test site is compared
//! with the oracle run live, where `ruby` and `jekyll` are installed.
//! Without the archive the tests skip with a message, except under CI.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A fixed moment after every post of every site.
const NOW: &str = "2026-12-01T00:00:00Z";

/// What `postlint explain --output-format json` says of every file of the
/// site at `root`, by path.
fn explain(root: &Path) -> BTreeMap<String, Value> {
    let out = common::postlint(root)
        .args(["explain", "--output-format", "json", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        root.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter()
        .map(|v| (v["path"].as_str().unwrap().to_string(), v))
        .collect()
}

/// The oracle's lines of the kinds compared, by path.
fn oracle_files(text: &str) -> (BTreeMap<String, Value>, Vec<String>) {
    let mut files = BTreeMap::new();
    let mut plugins = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        match v["kind"].as_str() {
            Some("post" | "page" | "doc" | "static") => {
                files.insert(v["path"].as_str().unwrap().to_string(), v);
            }
            Some("site") => {
                plugins = (v["plugins"].as_array().into_iter().flatten())
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect();
            }
            _ => {}
        }
    }
    (files, plugins)
}

/// A difference explained: the oracle does not load jekyll-polyglot,
/// which builds each language but the default one under `/<lang>/`, and
/// postlint's post model does.
fn polyglot_prefix(mine: &Value, oracle: &Value, plugins: &[String]) -> bool {
    if !plugins.iter().any(|p| p == "jekyll-polyglot") || oracle["kind"] != "post" {
        return false;
    }
    let (Some(url), Some(dest)) = (mine["url"].as_str(), mine["dest"].as_str()) else {
        return false;
    };
    let (Some(o_url), Some(o_dest)) = (oracle["url"].as_str(), oracle["dest"].as_str()) else {
        return false;
    };
    url.split_once(o_url)
        .is_some_and(|(lang, rest)| rest.is_empty() && lang.len() > 1 && !lang[1..].contains('/'))
        && dest
            .strip_suffix(o_dest)
            .is_some_and(|lang| lang.ends_with('/') && !lang[..lang.len() - 1].contains('/'))
}

/// Compare postlint's view of a site with the oracle's: `(files compared,
/// differences explained, mismatches)`.
fn compare(
    mine: &BTreeMap<String, Value>,
    oracle: &BTreeMap<String, Value>,
    plugins: &[String],
    pinned: &[(&str, &str)],
) -> (usize, usize, Vec<String>) {
    let mut explained = 0;
    let mut wrong = Vec::new();
    for (path, o) in oracle {
        if pinned.iter().any(|(p, _)| p == path) {
            explained += 1;
            continue;
        }
        let Some(m) = mine.get(path) else {
            wrong.push(format!("{path}: not listed (Jekyll: {})", o["kind"]));
            continue;
        };
        let kind = match o["kind"].as_str() {
            Some("doc") => "document",
            other => other.unwrap_or_default(),
        };
        if m["kind"] == kind && m["url"] == o["url"] && m["dest"] == o["dest"] {
            continue;
        }
        if polyglot_prefix(m, o, plugins) {
            explained += 1;
            continue;
        }
        wrong.push(format!(
            "{path}: {} {} -> {}, Jekyll: {} {} -> {}",
            m["kind"], m["url"], m["dest"], o["kind"], o["url"], o["dest"]
        ));
    }
    for (path, m) in mine {
        if !m["dest"].is_null() && !oracle.contains_key(path) {
            wrong.push(format!(
                "{path}: written to {} ({}), which Jekyll does not",
                m["dest"], m["kind"]
            ));
        }
    }
    (oracle.len(), explained, wrong)
}

/// The folder each site is built from, as the oracle built it: the
/// Octopress sites from `source/`, with the root `_config.yml` copied there
/// without its `source:`, `destination:` and `plugins:` lines (the
/// oracle's README says so), and one site from `docs/`.
fn site_root(sites: &Path, name: &str) -> PathBuf {
    let folder = sites.join(name);
    if folder.join("source").is_dir() {
        let config = std::fs::read_to_string(folder.join("_config.yml")).unwrap();
        let kept: String = config
            .lines()
            .filter(|l| {
                !["source:", "destination:", "plugins:"]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(folder.join("source/_config.yml"), kept).unwrap();
        return folder.join("source");
    }
    if name == "helmutlutz__blog" {
        return folder.join("docs");
    }
    folder
}

/// How many of each site's files differ from the oracle for a known
/// reason: posts of the languages jekyll-polyglot builds under `/<lang>/`.
const EXPLAINED: &[(&str, usize)] = &[("yunseo-kim__yunseo-kim.github.io", 654)];

#[test]
fn every_file_of_twenty_sites_is_placed_as_jekyll_places_it() {
    let Some(dir) = common::unpack("jekyll-sites.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    let sites = dir.path().join("sites");
    let mut names: Vec<String> = std::fs::read_dir(&sites)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 20);
    let mut report = String::new();
    let mut total = 0;
    for name in &names {
        let root = site_root(&sites, name);
        let text = std::fs::read_to_string(dir.path().join("oracle").join(format!("{name}.jsonl")))
            .unwrap();
        let (oracle, plugins) = oracle_files(&text);
        let mine = explain(&root);
        let (compared, explained, wrong) = compare(&mine, &oracle, &plugins, &[]);
        eprintln!(
            "{name}: {compared} files compared, {} mismatches, {explained} explained",
            wrong.len()
        );
        total += compared;
        let want = EXPLAINED
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, n)| *n);
        if explained != want {
            report.push_str(&format!(
                "{name}: {explained} explained differences, not {want}\n"
            ));
        }
        for w in wrong {
            report.push_str(&format!("{name}: {w}\n"));
        }
    }
    eprintln!("{total} files compared on twenty sites");
    assert!(report.is_empty(), "{report}");
}

/// Posts of Jekyll's test site whose place postlint's post model does not
/// give as Jekyll does, each with why.
const JEKYLL_TEST_PINNED: &[(&str, &str)] = &[
    // `permalink: /%2e%2e/...`: Jekyll keeps the escapes in the URL;
    // postlint's post URL is unescaped (the output file is the same).
    (
        "_posts/2014-01-06-permalink-traversal.md",
        "escaped permalink",
    ),
    // A name whose slug ends in dots: Jekyll drops them from the slug,
    // postlint's post model keeps them.
    (
        "_posts/2018-10-12-trailing-dots...markdown",
        "slug ending in dots",
    ),
];

#[test]
fn every_file_of_jekylls_test_site_is_placed_as_jekyll_places_it() {
    let Some(dir) = common::unpack("ordinary-blogs.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/jekyll-oracle.rb");
    let installed = |program: &str| {
        Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !(script.exists() && installed("ruby") && installed("jekyll")) {
        common::skip("ruby, jekyll or ../shared/tools/jekyll-oracle.rb is absent");
        return;
    }
    let site = dir.path().join("jekyll+jekyll-test-source");
    let out = Command::new("ruby")
        .arg(&script)
        .arg(&site)
        .arg("--all")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (oracle, plugins) = oracle_files(&String::from_utf8_lossy(&out.stdout));
    let mine = explain(&site);
    let (compared, explained, wrong) = compare(&mine, &oracle, &plugins, JEKYLL_TEST_PINNED);
    eprintln!(
        "jekyll+jekyll-test-source: {compared} files compared, {} mismatches, {explained} explained",
        wrong.len()
    );
    assert!(compared > 80, "the oracle listed only {compared} files");
    assert_eq!(explained, JEKYLL_TEST_PINNED.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
