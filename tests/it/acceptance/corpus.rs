//! Acceptance run over the shared corpus of 5,685 real posts, when it is
//! present beside the repository (`../shared/corpus`). Every finding there
//! was checked by hand; this pins the counts so that a change that adds a
//! false alarm, or loses a real defect, fails. Without it the test skips
//! with a message, except under CI (`CI` set), where the corpus is always
//! present and its absence is a failure, unless the run says the corpus is
//! deliberately not provided with `POSTLINT_ALLOW_MISSING_CORPUS=1` (the
//! hosted GitHub workflow does, as the corpus is not published).

use crate::common;

use std::collections::BTreeMap;

/// Files with at least one finding.
const FILES_WITH_FINDINGS: usize = 311;

#[test]
fn corpus_findings_are_exactly_the_known_defects() {
    let Some(dir) = common::unpack("oped2-posts.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    // A minimal Jekyll site around the posts: no `timezone`, so UTC.
    std::fs::write(dir.path().join("_config.yml"), "title: Corpus\n").unwrap();
    let out = common::postlint(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut counts = BTreeMap::new();
    for item in &items {
        *counts
            .entry(item["rule"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    let expected: BTreeMap<String, i32> = [
        // 157 `<!--NaN-->` comments from one source in 2021.
        ("timestamp-malformed", 157),
        // The one comment 1h 35m 28.455s after its `date`.
        ("timestamp-mismatch", 1),
        // 107 `from` URLs with `%25XX` escapes.
        ("source-double-encoded", 107),
        // Three header links whose text is the title cut short with `...`.
        ("source-header-mismatch", 3),
        // The post with an empty title.
        ("front-matter-missing-key", 1),
        // A tag link to `/tag/` with no tag.
        ("tag-link-malformed", 1),
        // Six tag links whose text names something other than their tag.
        ("tag-link-mismatch", 6),
        // Two posts dated just after midnight at +01:00 and +02:00, which is
        // the day before in UTC, the site's zone: before both the day
        // written in `date` and their file names' date.
        ("jekyll-date-mismatch", 2),
        // `2019-10-14-.md`: no slug, so Jekyll writes it as a hidden `.html`.
        ("jekyll-empty-slug", 1),
        // Six `{{bbox}}` placeholders of a map query quoted in one article:
        // Liquid renders each as an empty string, so the query loses them.
        ("jekyll-liquid", 6),
        // Whole-repository rules, checked by hand against Jekyll 4.3's own
        // build of the corpus. Two pairs of posts share an output file
        // (titles differing in `|` against two spaces, and in `-` against
        // a space), and one pair of URLs differs only in case (`Get Off`
        // against `Get off`).
        ("jekyll-duplicate-url", 2),
        ("jekyll-url-case-conflict", 1),
        // 34 articles mirrored two to ten times from the same source URL:
        // 44 later copies, most near-identical, some only a stub.
        ("source-duplicate", 44),
        // A relative `/tag/mars` link kept from the mirrored site; the
        // mirror has no such tag page.
        ("tag-link-unknown-tag", 1),
        // No other rule reports anything: in particular no author or
        // description there is an unquoted YAML 1.1 boolean or number
        // (front-matter-ambiguous-scalar), and every file name in `_posts`
        // has Jekyll's `YYYY-MM-DD-slug.ext` shape (jekyll-filename).
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(counts, expected);
    let files: std::collections::BTreeSet<_> =
        items.iter().map(|i| i["path"].as_str().unwrap()).collect();
    // 275 files with the per-post rules' findings, three more from the
    // per-post jekyll rules, and the whole-repository rules' files.
    assert_eq!(files.len(), FILES_WITH_FINDINGS);

    // The colliding pairs are exactly the ones Jekyll's build overwrote.
    let pairs: std::collections::BTreeSet<(String, String)> = items
        .iter()
        .filter(|i| {
            matches!(
                i["rule"].as_str(),
                Some("jekyll-duplicate-url" | "jekyll-url-case-conflict")
            )
        })
        .map(|i| {
            let related = i["related"][0]["path"].as_str().unwrap();
            (date_of(related), date_of(i["path"].as_str().unwrap()))
        })
        .collect();
    let expected: std::collections::BTreeSet<(String, String)> = [
        ("2020-10-11", "2020-10-11"),
        ("2021-11-08", "2021-11-08"),
        ("2022-11-11", "2022-11-11"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(pairs, expected);
}

/// The date in a `_posts/YYYY-MM-DD-….md` path.
fn date_of(path: &str) -> String {
    path.trim_start_matches("_posts/")[..10].to_string()
}

/// A mirror post whose `date:` line is lost is reported, whichever
/// generation of the generator wrote it: the file name's date has no time
/// of day, and the timestamp comment then has nothing to agree with.
#[test]
fn a_mirror_post_without_date_is_reported() {
    let Some(dir) = common::unpack("oped2-posts.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    std::fs::write(dir.path().join("_config.yml"), "title: Corpus\n").unwrap();
    let posts = dir.path().join("_posts");
    let mut names: Vec<String> = std::fs::read_dir(&posts)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // Every 500th post, old and new, with its `date:` line removed.
    let mut cut = Vec::new();
    for name in names.iter().step_by(500) {
        let path = posts.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: String = text
            .split_inclusive('\n')
            .filter(|line| !line.starts_with("date:"))
            .collect();
        assert_ne!(kept, text, "{name} has no `date:` line");
        std::fs::write(&path, kept).unwrap();
        cut.push(format!("_posts/{name}"));
    }
    let out = common::postlint(dir.path())
        .args(["check", "--no-cache", "--format", "json"])
        .args(["--select", "front-matter-missing-key"])
        .args(&cut)
        .output()
        .unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let reported: std::collections::BTreeSet<&str> = items
        .iter()
        .filter(|i| i["message"] == "front matter has no `date` key")
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    let cut: std::collections::BTreeSet<&str> = cut.iter().map(String::as_str).collect();
    assert_eq!(reported, cut);
}
