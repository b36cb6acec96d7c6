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

/// Links the oracle finds broken that postlint finds, each with why.
const PINNED: &[(&str, &str, &str)] = &[(
    "hayeon17kim__jekyll-theme-chirpy",
    "https://hayeon17kim.github.io//posts/fastcampus-algorithms-01/",
    // The oracle looks for a file at `//posts/…` as written; postlint
    // merges the doubled `/`, as GitHub Pages serves it.
    "a doubled slash",
)];

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
            // The oracle does not look at fragments: that rule, off by
            // default, is held to examples of its own.
            "--ignore",
            "link-broken-fragment",
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
    target: Option<String>,
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

/// A reference as `explain` prints it: line, text as written, where it
/// leads, and the file it leads to.
type Explained = (usize, String, String, Option<String>);

/// What `postlint explain` says of the references of each file: by path,
/// each reference's line, text as written and where it leads.
fn explained(site: &Path) -> BTreeMap<String, Vec<Explained>> {
    let out = common::postlint(site)
        .args(["explain", "--output-format", "json", "--now", NOW])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut by_file = BTreeMap::new();
    for file in json.as_array().unwrap() {
        let links = file["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["line"].as_u64().unwrap() as usize,
                    l["text"].as_str().unwrap().to_string(),
                    l["leads"].as_str().unwrap().to_string(),
                    l["file"].as_str().map(str::to_string),
                )
            })
            .collect();
        by_file.insert(file["path"].as_str().unwrap().to_string(), links);
    }
    by_file
}

/// The output files of the oracle's built site, as a browser may ask for
/// them (`x`, `x/index.html`, `x.html`).
fn outputs(oracle: &[serde_json::Value]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for v in oracle {
        if let Some(dest) = v["dest"].as_str() {
            out.insert(format!("/{dest}"));
        }
    }
    out
}

fn found_in(outputs: &BTreeSet<String>, target: &str) -> bool {
    let t = target.trim_end_matches('/');
    if target.ends_with('/') {
        return outputs.contains(&format!("{t}/index.html"));
    }
    outputs.contains(target)
        || outputs.contains(&format!("{t}/index.html"))
        || outputs.contains(&format!("{t}.html"))
}

#[derive(Default, Debug)]
struct Figures {
    /// Broken links written in the source, and how many were reported.
    broken: usize,
    reported: usize,
    /// Of those not reported, how many postlint does not judge (built
    /// from Liquid variables, into a site whose plugins make files it does
    /// not know of, or whose `source:` moves it), and how many it reads
    /// as pointing elsewhere than the oracle's renderer (see `pinned`).
    not_judged: usize,
    /// Of those not reported, how many lead to a page that a plugin the
    /// oracle does not load makes: a redirect of jekyll-redirect-from, a
    /// page of another language of jekyll-polyglot.
    redirected: usize,
    /// Of those not reported, how many are pinned in [`PINNED`].
    pinned: usize,
    /// Link findings, and how many the oracle confirms.
    findings: usize,
    confirmed: usize,
}

/// The figures of one site (`name`, in `folder`) against the oracle's
/// lines `text` (and `perpost`, whose logs name the posts that stop the
/// build); the broken links missed and the findings not confirmed are
/// added to `misses` and `unconfirmed`.
fn site_figures(
    name: &str,
    folder: &Path,
    text: &str,
    perpost: &str,
    misses: &mut Vec<String>,
    unconfirmed: &mut Vec<String>,
) -> Figures {
    let mut links = Vec::new();
    let mut logged = String::new();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let built = outputs(&lines);
    let explain = explained(folder);
    for line in text.lines().chain(perpost.lines()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        match v["kind"].as_str() {
            Some("link") => links.push(OracleLink {
                path: shown(folder, v["path"].as_str().unwrap()),
                href: v["href"].as_str().unwrap().to_string(),
                target: v["target"].as_str().map(str::to_string),
                found: v["found"].as_bool().unwrap_or(false),
                missing_baseurl: v["missing_baseurl"].as_bool().unwrap_or(false),
            }),
            Some("log") => {
                logged.push_str(line);
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
        // The oracle could not parse it as a URL (a Ruby limit on
        // IRIs, two `#`s): it is not a link into the site.
        if link.target.is_none() {
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
            continue;
        }
        let leads: Vec<(&str, Option<&str>)> = explain
            .get(&link.path)
            .into_iter()
            .flatten()
            .filter(|(line, text, _, _)| {
                at.contains(line)
                    && (text.contains(&link.href) || link.href.contains(text.as_str()))
            })
            .map(|(_, _, leads, file)| (leads.as_str(), file.as_deref()))
            .collect();
        // The page a redirect of jekyll-redirect-from makes, which the
        // oracle does not load: the file led to names the path in its
        // `redirect_from`.
        let redirected = leads.iter().any(|(_, file)| {
            file.and_then(&mut text_of).is_some_and(|t| {
                let path = link.target.as_deref().unwrap_or("");
                t.contains("redirect_from")
                    && !path.is_empty()
                    && t.contains(path.trim_end_matches('/'))
            })
        });
        // The page of another language, which jekyll-polyglot writes
        // below `/<lang>/` and the oracle, which does not load it, not.
        let translated = leads.iter().any(|(_, file)| {
            file.and_then(|f| f.strip_prefix("_posts/"))
                .and_then(|f| f.split_once('/'))
                .is_some_and(|(lang, _)| link.href.contains(&format!("/{lang}/")))
        });
        if PINNED
            .iter()
            .any(|(site, href, _)| *site == name && *href == link.href)
        {
            figures.pinned += 1;
        } else if redirected || translated {
            figures.redirected += 1;
        } else if leads.iter().any(|(l, _)| *l == "not-judged")
            || (leads.is_empty() && unjudged_site(folder))
        {
            figures.not_judged += 1;
        } else {
            misses.push(format!(
                "{name}: {} {:?} at {at:?} ({leads:?})",
                link.path, link.href
            ));
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
            rule => {
                links.iter().any(|l| {
                    l.path == f.path
                        && (!l.found || l.missing_baseurl)
                        && (line.contains(&l.href) || line.contains(&l.href.replace('&', "&amp;")))
                }) || (rule == "link-broken"
                    // The oracle's built site has no file there (its
                    // render of this file stopped early, or read it
                    // unrendered).
                    && f.message.split('`').nth(1).is_some_and(|t| !found_in(&built, t)))
            }
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
    figures
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
        let read = |suffix: &str| {
            std::fs::read_to_string(dir.path().join("oracle").join(format!("{name}{suffix}")))
                .unwrap_or_default()
        };
        let figures = site_figures(
            name,
            folder,
            &read(".jsonl"),
            &read(".perpost.jsonl"),
            &mut misses,
            &mut unconfirmed,
        );
        table.insert(name.clone(), figures);
    }
    println!(
        "site | broken links written in the source | reported | not judged | made by a plugin the oracle lacks | pinned | link findings | confirmed by the oracle"
    );
    for (name, f) in &table {
        println!(
            "{name} | {} | {} | {} | {} | {} | {} | {}",
            f.broken, f.reported, f.not_judged, f.redirected, f.pinned, f.findings, f.confirmed
        );
    }
    let total = |f: fn(&Figures) -> usize| table.values().map(f).sum::<usize>();
    let totals = (
        total(|f| f.broken),
        total(|f| f.reported),
        total(|f| f.not_judged),
        total(|f| f.redirected),
        total(|f| f.findings),
    );
    println!("total (broken, reported, not judged, made by a plugin, findings): {totals:?}");
    // Pinned, so that judging less (or more) shows.
    assert_eq!(totals, (211, 72, 96, 42, 117));
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

/// Jekyll's own test site, with the oracle run live (`--links` needs
/// `ruby-nokogiri`): its broken links are the four link references written
/// without a scheme, and postlint reports each, and nothing else.
#[test]
fn jekylls_test_site_links_are_what_jekyll_shows() {
    let Some(dir) = common::unpack("ordinary-blogs.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/jekyll-oracle.rb");
    let ready = std::process::Command::new("ruby")
        .args(["-e", "require 'jekyll'; require 'nokogiri'"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !(script.exists() && ready) {
        common::skip("ruby, jekyll, nokogiri or ../shared/tools/jekyll-oracle.rb is absent");
        return;
    }
    let site = dir.path().join("jekyll+jekyll-test-source");
    let out = std::process::Command::new("ruby")
        .arg(&script)
        .arg(&site)
        .arg("--links")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let (mut misses, mut unconfirmed) = (Vec::new(), Vec::new());
    let f = site_figures(
        "jekyll+jekyll-test-source",
        &site,
        &String::from_utf8_lossy(&out.stdout),
        "",
        &mut misses,
        &mut unconfirmed,
    );
    println!("jekyll+jekyll-test-source: {f:?}");
    assert!(
        misses.is_empty() && unconfirmed.is_empty(),
        "{misses:?} {unconfirmed:?}"
    );
    assert_eq!(
        (f.broken, f.reported, f.findings, f.confirmed),
        (4, 4, 4, 4)
    );
}

/// Whether postlint judges no link of the site at `folder`: its
/// `_config.yml` moves the site elsewhere (`source:`).
fn unjudged_site(folder: &Path) -> bool {
    std::fs::read_to_string(folder.join("_config.yml"))
        .is_ok_and(|c| c.lines().any(|l| l.starts_with("source:")))
}
