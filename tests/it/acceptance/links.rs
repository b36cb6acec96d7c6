//! The references postlint finds in the twenty sites' posts and pages
//! (`Post::references`), and where it resolves them (`link::resolve`),
//! held to Jekyll's own view of their links: the `link` lines of the
//! archive's `oracle/SITE.jsonl`, which list every link and image of each
//! rendered document with the path below the baseurl it leads to. Each
//! link whose `href` is written in its file as it is (not made by Liquid)
//! must be found with that URL and resolved to the same path, and the same
//! `missing_baseurl`. The other way round, each reference postlint finds
//! to a page of the site, written as it is, must be one of those links
//! (on the sites the oracle rendered whole). The few that rightly differ
//! are pinned, each with its reason. Without the archive the test skips
//! with a message, except under CI.

use std::collections::BTreeMap;
use std::path::Path;

use postlint::model::Post;
use postlint::model::jekyll::site::Site;
use postlint::model::link::{Prefix, RefKind, SiteUrl, Target, resolve};
use postlint::rules::Settings;

/// The links that rightly differ, as `(site, path, href)`, with why.
const PINNED: &[(&str, &str, &str)] = &[
    // Inside a fenced code block (an ERB layout shown as code): the oracle
    // read this Octopress post unconverted (`markdown: rdiscount` is not
    // available), so it saw the HTML of the code as links.
    (
        "hamasyou__hamasyou.github.com",
        "_posts/2014-03-05-rails-webservice-startup.md",
        "/",
    ),
    // Host names written without `https://`: a browser takes each as a
    // path below the page (the oracle's target), but its writer meant the
    // host, which postlint tells apart (`Target::NoScheme`).
    (
        "ratsgo__ratsgo.github.io",
        "_posts/2017-09-17-binarysearch.md",
        "github.com/TheAlgorithms/Python",
    ),
    (
        "scikit-learn__blog",
        "_posts/2022-10-13-joining-forces-hugging-face.md",
        "hf.co",
    ),
    (
        "scikit-learn__blog",
        "_posts/2022-10-13-joining-forces-hugging-face.md",
        "fairlearn.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2013-12-09-start-posting-with-markdown.md",
        "tinylab.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2013-12-13-c-programming-on-android.md",
        "tinylab.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2013-12-20-shell-programming-paradigm-of-boolean-operations.md",
        "tinylab.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2013-12-21-shell-programming-paradigm-of-process-operations.md",
        "tinylab.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2013-12-22-shell-programming-paradigm-begins-with.md",
        "tinylab.org",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2014-09-16-gstreamer-sdk-a-cross-platform-multimedia-framework.md",
        "www.gstreamer.com",
    ),
    (
        "tinyclub__tinylab.org",
        "_posts/2015-11-07-introduction-of-pcduino8-uno.md",
        "www.linksprite.com",
    ),
];

/// The references postlint finds that are no link of the rendered page,
/// as `(site, path, url)`, with why.
const EXTRA: &[(&str, &str, &str)] = &[
    // In the branch of `{% if paginator.previous_page %}` not taken on the
    // first page.
    ("tinyclub__tinylab.org", "index.html", "/index.html"),
    // The site's own address with no path at all: the oracle leaves out a
    // link with an empty path, where a browser (and `resolve`) go to `/`.
    (
        "swcarpentry__website",
        "_posts/2009/06/2009-06-15-and-speaking-of-sightings.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2010/01/2010-01-07-new-challenges.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2011/12/2011-12-07-how-to-teach-webcraft-and-programming-to-free-range-students.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2011/12/2011-12-24-organizing-instruction-and-study-to-improve-student-learning.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2011/12/2011-12-30-fork-merge-and-share.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2011/12/2011-12-31-the-fire-last-time.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2012/10/2012-10-03-best-practices-for-scientific-computing.html",
        "http://software-carpentry.org",
    ),
    (
        "swcarpentry__website",
        "_posts/2017/11/2017-11-06-library-carpentry-cdl.md",
        "https://software-carpentry.org",
    ),
];

/// The sites whose links the oracle read, for some documents, from their
/// unrendered text (its README says why), where a Markdown link is no
/// link: they are left out of the check of extra references.
const PARTLY_RENDERED: &[&str] = &[
    "emoriarty__nocturnidades",
    "hamasyou__hamasyou.github.com",
    "rollbar__blog",
    "yunseo-kim__yunseo-kim.github.io",
];

/// What one site gave: links compared, found, resolved alike; and
/// references judged the other way, and those that are links.
#[derive(Default, Debug)]
struct Tally {
    compared: usize,
    found: usize,
    equal: usize,
    not_urls: usize,
    judged: usize,
    links: usize,
}

fn lines(root: &Path, name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root.join("oracle").join(format!("{name}.jsonl"))).unwrap();
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Whether `href` is written in `body` as a whole URL: between the
/// delimiters a link or an attribute puts around it, or after the site's
/// `{{ site.baseurl }}` or `{{ site.url }}`, but not after another Liquid
/// output (`{{ page.root }}/x`, which Jekyll renders as `/x`).
fn written(body: &str, href: &str) -> bool {
    let before = |at: usize| {
        let b = body.as_bytes()[at - 1];
        if b.is_ascii_whitespace() || b"(\"'=<[".contains(&b) {
            return true;
        }
        let head = &body[..at];
        head.strip_suffix("}}").is_some_and(|h| {
            h.rfind("{{").is_some_and(|o| {
                let expr = h[o + 2..].trim_matches(|c: char| c == '-' || c.is_whitespace());
                expr == "site.baseurl" || expr == "site.url"
            })
        })
    };
    let after = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace() || b")\"'>".contains(b));
    body.match_indices(href)
        .any(|(at, _)| at > 0 && before(at) && after(body.as_bytes().get(at + href.len())))
}

#[test]
fn references_resolve_as_jekyll_links() {
    let Some((dir, sites)) = super::jekyll_sites::sites() else {
        return;
    };
    let settings = Settings::default();
    let defaults = Site::default();
    let mut differences = Vec::new();
    let mut extra = Vec::new();
    let mut tallies = BTreeMap::new();
    for (name, folder) in &sites {
        let lines = lines(dir.path(), name);
        let mut urls = BTreeMap::new();
        let mut site = SiteUrl::default();
        for l in &lines {
            match l["kind"].as_str() {
                Some("post" | "page" | "doc") => {
                    if let (Some(p), Some(u)) = (l["path"].as_str(), l["url"].as_str()) {
                        urls.insert(p.to_string(), u.to_string());
                    }
                }
                Some("site") => {
                    site.host = url::Url::parse(l["url"].as_str().unwrap_or_default())
                        .ok()
                        .and_then(|u| u.host_str().map(str::to_string));
                    site.baseurl = l["baseurl"].as_str().unwrap_or_default().to_string();
                }
                _ => {}
            }
        }
        let mut tally = Tally::default();
        let mut texts: BTreeMap<String, Option<String>> = BTreeMap::new();
        for l in lines.iter().filter(|l| l["kind"] == "link") {
            let path = l["path"].as_str().unwrap();
            let href = l["href"].as_str().unwrap();
            let Some(target) = l["target"].as_str() else {
                tally.not_urls += 1;
                continue;
            };
            let text = texts.entry(path.to_string()).or_insert_with(|| {
                std::fs::read_to_string(folder.join(path))
                    .or_else(|_| std::fs::read_to_string(folder.join("source").join(path)))
                    .ok()
            });
            let Some(text) = text.as_deref() else {
                continue;
            };
            let post = Post::parse(text, settings.parse_options(&defaults));
            if !written(&text[post.body_start..], href) {
                continue;
            }
            tally.compared += 1;
            let page = urls.get(path).map_or("/", String::as_str);
            let candidates: Vec<_> = post
                .references()
                .iter()
                .filter(|r| !r.dynamic && r.url.trim() == href)
                .collect();
            if candidates.is_empty() {
                differences.push(format!("{name}\t{path}\t{href}\tnot found"));
                continue;
            }
            tally.found += 1;
            let want = Target::Internal {
                path: target.to_string(),
                fragment: None,
                missing_baseurl: l["missing_baseurl"].as_bool().unwrap_or(false),
            };
            let got: Vec<Target> = candidates
                .iter()
                .map(|r| match resolve(&r.url, r.prefix, page, &site) {
                    Target::Internal {
                        path,
                        missing_baseurl,
                        ..
                    } => Target::Internal {
                        path,
                        fragment: None,
                        missing_baseurl,
                    },
                    other => other,
                })
                .collect();
            if got.contains(&want) {
                tally.equal += 1;
            } else {
                differences.push(format!(
                    "{name}\t{path}\t{href}\t{:?} != {:?}",
                    got[0], want
                ));
            }
        }
        if !PARTLY_RENDERED.contains(&name.as_str()) {
            let mut hrefs: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for l in lines.iter().filter(|l| l["kind"] == "link") {
                if let (Some(p), Some(h)) = (l["path"].as_str(), l["href"].as_str()) {
                    hrefs.entry(p).or_default().push(h);
                }
            }
            for (path, page) in &urls {
                // The full render stopped at a page of this site after
                // every post.
                if name == "swcarpentry__website" && !path.starts_with("_posts/") {
                    continue;
                }
                let text = texts.entry(path.to_string()).or_insert_with(|| {
                    std::fs::read_to_string(folder.join(path))
                        .or_else(|_| std::fs::read_to_string(folder.join("source").join(path)))
                        .ok()
                });
                let Some(text) = text.as_deref() else {
                    continue;
                };
                let html_file = path.ends_with(".html");
                let post = Post::parse(text, settings.parse_options(&defaults));
                for r in post.references() {
                    let inspected = match &r.kind {
                        RefKind::Link | RefKind::Image | RefKind::Autolink => !html_file,
                        RefKind::Html { element, attr } => matches!(
                            (element.as_str(), attr.as_str()),
                            ("a", "href")
                                | ("img" | "source" | "video" | "audio" | "iframe", "src")
                        ),
                        _ => false,
                    };
                    if !inspected || r.dynamic || r.prefix != Prefix::None {
                        continue;
                    }
                    if !matches!(
                        resolve(&r.url, r.prefix, page, &site),
                        Target::Internal { .. }
                    ) {
                        continue;
                    }
                    tally.judged += 1;
                    let url = r.url.trim();
                    if hrefs.get(path.as_str()).is_some_and(|h| h.contains(&url)) {
                        tally.links += 1;
                    } else {
                        extra.push(format!("{name}\t{path}\t{url}"));
                    }
                }
            }
        }
        tallies.insert(name.clone(), tally);
    }
    for (name, t) in &tallies {
        eprintln!(
            "{name}: {} compared, {} found, {} resolved alike ({} not URLs to Ruby); \
             {} references judged, {} of them links",
            t.compared, t.found, t.equal, t.not_urls, t.judged, t.links
        );
    }
    extra.sort();
    extra.dedup();
    let mut extra_pinned: Vec<String> = EXTRA
        .iter()
        .map(|(s, p, u)| format!("{s}\t{p}\t{u}"))
        .collect();
    extra_pinned.sort();
    assert_eq!(extra, extra_pinned, "references that are no link");
    let mut keys: Vec<String> = differences
        .iter()
        .map(|d| d.rsplit_once('\t').unwrap().0.to_string())
        .collect();
    keys.sort();
    let mut pinned: Vec<String> = PINNED
        .iter()
        .map(|(s, p, h)| format!("{s}\t{p}\t{h}"))
        .collect();
    pinned.sort();
    assert_eq!(keys, pinned, "differences:\n{}", differences.join("\n"));
    let total = tallies.values().fold((0, 0, 0), |(c, f, e), t| {
        (c + t.compared, f + t.found, e + t.equal)
    });
    assert_eq!(total, (8732, 8731, 8721));
    let judged = tallies
        .values()
        .fold((0, 0), |(j, l), t| (j + t.judged, l + t.links));
    assert_eq!(judged, (5252, 5240));
}
