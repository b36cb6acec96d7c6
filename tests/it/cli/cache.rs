//! The cache: a re-run reads only what changed and finds exactly what a run
//! without the cache finds. Whether a run read a post is told by changing
//! the post's bytes while keeping its size and modification time: a run
//! that trusts the cache still reports the old findings.

mod schemas;

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::site;

/// `postlint` in `dir`, with the cache where it goes by default.
fn postlint(dir: &Path) -> Command {
    let mut cmd = Command::new(common::binary());
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("POSTLINT_CACHE_DIR");
    cmd
}
use serde_json::Value;

/// A post dated `date` with source `from`, whose body opens with a
/// timestamp comment `stamp` (epoch milliseconds).
fn post(title: &str, date: &str, from: &str, stamp: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\nfrom: {from}\n---\n<!--{stamp}-->\n\n<p>Text of the post.</p>\n"
    )
}

/// Three mirror posts: one with a timestamp that disagrees with its date,
/// and two that share a URL.
fn three_posts() -> tempfile::TempDir {
    site(&[
        ("_config.yml", "title: Test\n"),
        (
            "_posts/2022-10-31-bridge.md",
            &post(
                "Bridge",
                "2022-10-31T16:39:58Z",
                "https://news.example/1.html",
                "1667234398000",
            ),
        ),
        (
            "_posts/2022-11-01-harbour.md",
            &post(
                "Harbour",
                "2022-11-01T08:00:00Z",
                "https://news.example/2.html",
                "1667289600001",
            ),
        ),
        (
            "_posts/2022-11-01-harbour.html",
            &post(
                "Harbour again",
                "2022-11-01T09:00:00Z",
                "https://news.example/3.html",
                "1667293200000",
            ),
        ),
    ])
}

/// `postlint check --format json` with `args` in `dir`: the exit code and
/// the findings, with stderr shown when the run failed.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = postlint(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, serde_json::from_slice(&out.stdout).unwrap())
}

/// `(path, rule)` of each finding.
fn found(items: &Value) -> Vec<(String, String)> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Replace the bytes of `path` with `text` (of the same length), keeping
/// its modification time: the cache cannot tell by the stamp.
fn change_unseen(path: &Path, text: &str) {
    let before = fs::metadata(path).unwrap();
    assert_eq!(before.len(), text.len() as u64, "same size");
    let modified = before.modified().unwrap();
    fs::write(path, text).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
}

/// Move the modification time of `path` on by a second, as an edit does.
fn touch(path: &Path) {
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified + Duration::from_secs(1))
        .unwrap();
}

/// The bridge post with its timestamp broken, at the same length.
fn broken_bridge() -> String {
    post(
        "Bridge",
        "2022-10-31T16:39:58Z",
        "https://news.example/1.html",
        "NaNNaNNaNNaNN",
    )
}

const BRIDGE: &str = "_posts/2022-10-31-bridge.md";

/// Whether `items` hold the finding of [`broken_bridge`]: whether the run
/// read the bridge post's new bytes.
fn saw_broken_bridge(items: &Value) -> bool {
    found(items).contains(&(BRIDGE.to_string(), "timestamp-malformed".to_string()))
}

#[test]
fn a_rerun_finds_exactly_what_a_run_without_the_cache_finds() {
    let dir = three_posts();
    let uncached = check(dir.path(), &["--no-cache"]);
    assert!(
        !dir.path().join(".postlint_cache").exists(),
        "--no-cache writes no cache"
    );
    let first = check(dir.path(), &[]);
    let second = check(dir.path(), &[]);
    assert_eq!(first, uncached);
    assert_eq!(second, uncached);
    let rules: Vec<String> = found(&uncached.1).into_iter().map(|(_, r)| r).collect();
    assert!(
        rules.contains(&"timestamp-mismatch".to_string()),
        "{rules:?}"
    );
    assert!(
        rules.contains(&"jekyll-duplicate-url".to_string()),
        "{rules:?}"
    );

    let cache = dir.path().join(".postlint_cache");
    assert_eq!(
        fs::read_to_string(cache.join(".gitignore")).unwrap(),
        "# Automatically created by postlint.\n*\n"
    );
    assert!(
        fs::read_to_string(cache.join("CACHEDIR.TAG"))
            .unwrap()
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55")
    );
}

#[test]
fn an_unchanged_post_is_not_read_again() {
    let dir = three_posts();
    let (_, before) = check(dir.path(), &[]);
    change_unseen(&dir.path().join(BRIDGE), &broken_bridge());
    // Same size and time: the cache answers, with the old findings.
    assert_eq!(check(dir.path(), &[]).1, before);
    // Without the cache, the new bytes are read.
    let (_, now) = check(dir.path(), &["--no-cache"]);
    assert!(saw_broken_bridge(&now));
    // Once the time moves, the cache reads the post again.
    touch(&dir.path().join(BRIDGE));
    assert_eq!(check(dir.path(), &[]).1, now);
}

#[test]
fn a_changed_post_is_checked_again_and_only_it() {
    let dir = three_posts();
    let (_, before) = check(dir.path(), &[]);
    let harbour = "_posts/2022-11-01-harbour.md";
    // A change the cache cannot see in one post ...
    change_unseen(&dir.path().join(BRIDGE), &broken_bridge());
    // ... and a real edit of another, which fixes its timestamp.
    let fixed = post(
        "Harbour",
        "2022-11-01T08:00:00Z",
        "https://news.example/2.html",
        "1667289600000",
    );
    fs::write(dir.path().join(harbour), &fixed).unwrap();
    touch(&dir.path().join(harbour));
    let (_, after) = check(dir.path(), &[]);
    let had = found(&before);
    let has = found(&after);
    assert!(had.contains(&(harbour.to_string(), "timestamp-mismatch".to_string())));
    assert!(!has.contains(&(harbour.to_string(), "timestamp-mismatch".to_string())));
    // The other post came from the cache: its unseen change is not found.
    assert!(
        !has.iter()
            .any(|(p, r)| p == BRIDGE && r == "timestamp-malformed")
    );
}

#[test]
fn a_rewritten_post_with_the_same_bytes_keeps_its_entry() {
    let dir = three_posts();
    let (_, before) = check(dir.path(), &[]);
    let path = dir.path().join(BRIDGE);
    let text = fs::read_to_string(&path).unwrap();
    // As `git checkout` does: the same bytes, written again, a new time.
    fs::write(&path, &text).unwrap();
    touch(&path);
    assert_eq!(check(dir.path(), &[]).1, before);
    // The entry now carries the new time: a change the cache cannot see is
    // not read.
    change_unseen(&path, &broken_bridge());
    assert_eq!(check(dir.path(), &[]).1, before);
}

#[test]
fn a_changed_postlint_toml_checks_every_post_again() {
    let dir = three_posts();
    check(dir.path(), &[]);
    change_unseen(&dir.path().join(BRIDGE), &broken_bridge());
    fs::write(
        dir.path().join("postlint.toml"),
        "[rules]\njekyll-duplicate-url = \"warning\"\n",
    )
    .unwrap();
    let (_, after) = check(dir.path(), &[]);
    assert!(saw_broken_bridge(&after));
    assert_eq!(after, check(dir.path(), &["--no-cache"]).1);
}

#[test]
fn a_changed_config_yml_checks_its_posts_again() {
    let dir = three_posts();
    let (_, before) = check(dir.path(), &[]);
    assert!(
        found(&before)
            .iter()
            .any(|(_, r)| r == "jekyll-duplicate-url")
    );
    change_unseen(&dir.path().join(BRIDGE), &broken_bridge());
    // With the hour in the URL, the two posts no longer collide.
    fs::write(
        dir.path().join("_config.yml"),
        "title: Test\npermalink: /:year/:month/:day/:hour/:title.html\n",
    )
    .unwrap();
    let (_, after) = check(dir.path(), &[]);
    assert!(saw_broken_bridge(&after));
    assert!(
        !found(&after)
            .iter()
            .any(|(_, r)| r == "jekyll-duplicate-url")
    );
    assert_eq!(after, check(dir.path(), &["--no-cache"]).1);
}

#[test]
fn the_selection_on_the_command_line_is_part_of_the_key() {
    let dir = three_posts();
    let (_, all) = check(dir.path(), &[]);
    let (_, one) = check(dir.path(), &["--select", "jekyll-duplicate-url"]);
    assert!(found(&one).iter().all(|(_, r)| r == "jekyll-duplicate-url"));
    assert_eq!(check(dir.path(), &[]).1, all);
}

#[test]
fn a_cache_of_another_version_or_a_broken_one_is_ignored() {
    let dir = three_posts();
    check(dir.path(), &[]);
    change_unseen(&dir.path().join(BRIDGE), &broken_bridge());
    let file = only_cache_file(dir.path());
    let mut bytes = fs::read(&file).unwrap();
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = bytes
        .windows(version.len())
        .position(|w| w == version)
        .expect("the version is in the file");
    // Another version of the same length.
    for b in &mut bytes[at..at + version.len()] {
        if b.is_ascii_digit() {
            *b = if *b == b'9' { b'0' } else { *b + 1 };
        }
    }
    fs::write(&file, &bytes).unwrap();
    let (_, after) = check(dir.path(), &[]);
    assert!(saw_broken_bridge(&after));

    // A file cut short, as a full disk might leave it, is ignored too.
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(
        check(dir.path(), &[]).1,
        check(dir.path(), &["--no-cache"]).1
    );
}

#[test]
fn findings_about_the_future_follow_the_moment() {
    let dir = site(&[(
        "_posts/2030-01-01-ahead.md",
        "---\ntitle: Ahead\ndate: 2030-01-01T00:00:00Z\n---\nText.\n",
    )]);
    let rules = |now: &str| -> Vec<String> {
        found(&check(dir.path(), &["--now", now]).1)
            .into_iter()
            .map(|(_, r)| r)
            .collect()
    };
    for _ in 0..2 {
        assert!(rules("2029-06-01T00:00:00Z").contains(&"jekyll-future-date".to_string()));
        assert!(!rules("2031-01-01T00:00:00Z").contains(&"jekyll-future-date".to_string()));
    }
    // The finding names the moment given, so another `--now` is another
    // finding.
    for now in ["2029-06-01T00:00:00Z", "2029-07-01T00:00:00Z"] {
        let out = postlint(dir.path())
            .args(["check", "--now", now])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&format!("after --now {now}")), "{text}");
    }
}

/// The files of the cache in `dir` whose names end in `suffix`.
fn cache_files(dir: &Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for version in fs::read_dir(dir.join(".postlint_cache")).unwrap() {
        let version = version.unwrap().path();
        if version.is_dir() {
            for f in fs::read_dir(&version).unwrap() {
                let f = f.unwrap().path();
                let name = f.file_name().unwrap().to_string_lossy().into_owned();
                if name.ends_with(suffix) && (!suffix.is_empty() || !name.ends_with(".repo")) {
                    files.push(f);
                }
            }
        }
    }
    files
}

/// The one file of the cache's entries in `dir`.
fn only_cache_file(dir: &Path) -> std::path::PathBuf {
    let mut files = cache_files(dir, "");
    assert_eq!(files.len(), 1, "{files:?}");
    files.pop().unwrap()
}

/// The one file of the whole-repository findings kept in `dir`.
fn only_memo_file(dir: &Path) -> std::path::PathBuf {
    let mut files = cache_files(dir, ".repo");
    assert_eq!(files.len(), 1, "{files:?}");
    files.pop().unwrap()
}

fn has_duplicate_url(items: &Value) -> bool {
    found(items)
        .iter()
        .any(|(_, r)| r == "jekyll-duplicate-url")
}

#[test]
fn whole_repository_findings_are_kept_and_made_again_after_any_change() {
    let dir = three_posts();
    // A later copy of the harbour post, from the same source.
    let copy = dir.path().join("_posts/2022-11-03-copy.md");
    let text = post(
        "Copy",
        "2022-11-03T08:00:00Z",
        "https://news.example/2.html",
        "1667462400000",
    );
    fs::write(&copy, &text).unwrap();
    let again = dir.path().join("_posts/2022-11-01-harbour.html");
    let (_, first) = check(dir.path(), &[]);
    assert!(has_duplicate_url(&first));
    let source_line = |items: &Value| {
        let all = items.as_array().unwrap();
        let f = all.iter().find(|i| i["rule"] == "source-duplicate");
        f.expect("a source-duplicate finding")["line"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(source_line(&first), 4);
    let memo = only_memo_file(dir.path());
    // Read back, they are what a run without the cache finds.
    assert_eq!(check(dir.path(), &[]).1, first);
    assert_eq!(check(dir.path(), &["--no-cache"]).1, first);

    // A line more above `from:` moves the finding, though no summary
    // changed: the findings are made again, at the new place.
    fs::write(&copy, text.replacen("from:", "layout: post\nfrom:", 1)).unwrap();
    touch(&copy);
    let (_, moved) = check(dir.path(), &[]);
    assert_eq!(source_line(&moved), 5);
    assert_eq!(moved, check(dir.path(), &["--no-cache"]).1);

    // A post that no longer collides takes the finding away.
    let text = fs::read_to_string(&again).unwrap();
    let text = text
        .replace("2022-11-01T09", "2022-11-02T09")
        .replace("1667293200000", "1667379600000");
    fs::write(&again, text).unwrap();
    fs::rename(&again, dir.path().join("_posts/2022-11-02-harbour.html")).unwrap();
    let (_, apart) = check(dir.path(), &[]);
    assert!(!has_duplicate_url(&apart), "{apart}");
    assert_eq!(apart, check(dir.path(), &["--no-cache"]).1);

    // A broken or cut-short file of findings is made again.
    fs::write(&memo, b"postlint repo findings 1\n\xff\xff").unwrap();
    assert_eq!(check(dir.path(), &[]).1, apart);
    let bytes = fs::read(&memo).unwrap();
    fs::write(&memo, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(check(dir.path(), &[]).1, apart);
}

#[test]
fn whole_repository_findings_are_not_kept_under_a_failed_or_fixed_run() {
    let dir = three_posts();
    check(dir.path(), &[]);
    let memo = only_memo_file(dir.path());
    fs::remove_file(&memo).unwrap();
    // `--fix` changes posts, whose entries go: nothing is kept.
    let out = postlint(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() <= 1);
    assert!(cache_files(dir.path(), ".repo").is_empty());
    let (_, after) = check(dir.path(), &[]);
    assert_eq!(after, check(dir.path(), &["--no-cache"]).1);
}

/// A site of `n` mirror posts, enough for a run to take a while.
fn many_posts(n: usize) -> tempfile::TempDir {
    let dir = site(&[("_config.yml", "title: Many\n")]);
    for i in 0..n {
        let day = 1 + i % 28;
        let text = post(
            &format!("Post {i}"),
            &format!("2022-02-{day:02}T10:00:00Z"),
            &format!("https://news.example/{i}.html"),
            if i % 50 == 0 { "NaN" } else { "1643709600000" },
        );
        common::write(
            dir.path(),
            &format!("_posts/2022-02-{day:02}-post-{i}.md"),
            text.as_bytes(),
        );
    }
    dir
}

#[test]
fn a_run_killed_at_any_moment_leaves_a_cache_that_gives_right_answers() {
    let dir = many_posts(1500);
    let (_, expected) = check(dir.path(), &["--no-cache"]);
    for delay_ms in [5, 20, 60, 120, 250] {
        let mut child = postlint(dir.path())
            .args(["check", "--format", "json"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            check(dir.path(), &[]).1,
            expected,
            "killed after {delay_ms} ms"
        );
    }
}

#[test]
fn concurrent_runs_do_not_corrupt_the_cache() {
    let dir = many_posts(600);
    let (_, expected) = check(dir.path(), &["--no-cache"]);
    let children: Vec<_> = (0..4)
        .map(|_| {
            postlint(dir.path())
                .args(["check", "--format", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let items: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(items, expected);
    }
    std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| check(dir.path(), &[]).1))
            .collect();
        for run in runs {
            assert_eq!(run.join().unwrap(), expected);
        }
    });
    // The cache is whole: a change it cannot see is not read.
    only_cache_file(dir.path());
    let first = dir.path().join("_posts/2022-02-01-post-0.md");
    let text = fs::read_to_string(&first).unwrap();
    change_unseen(&first, &text.replace("<!--NaN-->", "<!--123-->"));
    assert_eq!(check(dir.path(), &[]).1, expected);
}

#[test]
fn the_cache_goes_where_it_is_told_and_clean_removes_it() {
    let dir = three_posts();
    fs::write(
        dir.path().join("postlint.toml"),
        "cache-dir = \"build/lint-cache\"\n",
    )
    .unwrap();
    check(dir.path(), &[]);
    assert!(dir.path().join("build/lint-cache/CACHEDIR.TAG").is_file());
    assert!(!dir.path().join(".postlint_cache").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    let out = postlint(dir.path())
        .env("POSTLINT_CACHE_DIR", elsewhere.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(elsewhere.path().join("CACHEDIR.TAG").is_file());

    let out = postlint(dir.path()).arg("clean").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!dir.path().join("build/lint-cache").exists());
    assert!(dir.path().join("build").exists());
    let out = postlint(dir.path()).arg("clean").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No cache"));

    // A folder postlint did not make is never removed.
    fs::create_dir_all(dir.path().join("build/lint-cache")).unwrap();
    fs::write(dir.path().join("build/lint-cache/notes.txt"), "mine").unwrap();
    let out = postlint(dir.path()).arg("clean").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(dir.path().join("build/lint-cache/notes.txt").is_file());
}

/// A site of two posts, and the post `staged` that pre-commit passes.
fn staged_and_unstaged(staged: &str) -> tempfile::TempDir {
    site(&[
        ("_config.yml", "title: Test\n"),
        (
            "_posts/2022-11-01-harbour.md",
            &post(
                "Harbour",
                "2022-11-01T08:00:00Z",
                "https://news.example/2.html",
                "1667289600000",
            ),
        ),
        (
            "_posts/2022-10-31-bridge.md",
            &post(
                "Bridge",
                "2022-10-31T16:39:58Z",
                "https://news.example/1.html",
                "1667234398000",
            ),
        ),
        ("_posts/2022-11-01-harbour.html", staged),
    ])
}

const STAGED: &str = "_posts/2022-11-01-harbour.html";
const UNSTAGED: &str = "_posts/2022-11-01-harbour.md";

fn harbour_again(hour: &str) -> String {
    post(
        "Harbour again",
        &format!("2022-11-01T{hour}:00:00Z"),
        "https://news.example/3.html",
        &(1667260800000u64 + hour.parse::<u64>().unwrap() * 3_600_000).to_string(),
    )
}

#[test]
fn a_partial_run_compares_the_files_given_with_the_rest_of_the_repository() {
    for cache in [&[][..], &["--no-cache"][..]] {
        // The staged post is the later one: its own finding.
        let dir = staged_and_unstaged(&harbour_again("09"));
        let full = check(dir.path(), cache).1;
        assert!(found(&full).contains(&(STAGED.to_string(), "jekyll-duplicate-url".to_string())));
        let (code, items) = check(dir.path(), &[&[STAGED][..], cache].concat());
        assert_eq!(code, 1);
        assert_eq!(
            found(&items),
            vec![(STAGED.to_string(), "jekyll-duplicate-url".to_string())],
            "{cache:?}"
        );
        assert_eq!(items[0]["related"][0]["path"], UNSTAGED);

        // The staged post is the earlier one: the finding is in the other
        // post, and names the staged one, so it is reported too.
        let dir = staged_and_unstaged(&harbour_again("07"));
        check(dir.path(), cache);
        let (_, items) = check(dir.path(), &[&[STAGED][..], cache].concat());
        assert_eq!(
            found(&items),
            vec![(UNSTAGED.to_string(), "jekyll-duplicate-url".to_string())],
            "{cache:?}"
        );
        assert_eq!(items[0]["related"][0]["path"], STAGED);

        // A finding between two posts the run was not given is not its to
        // report.
        let (code, items) = check(
            dir.path(),
            &[&["_posts/2022-10-31-bridge.md"][..], cache].concat(),
        );
        assert_eq!((code, found(&items)), (0, vec![]), "{cache:?}");
    }
}

#[test]
fn a_partial_run_refreshes_what_changed_since_the_cache_was_written() {
    let dir = staged_and_unstaged(&harbour_again("09"));
    check(dir.path(), &[]);
    // The unstaged post moves to another URL after the cache was written.
    let moved = post(
        "Harbour",
        "2022-11-01T08:00:00Z",
        "https://news.example/2.html",
        "1667289600000",
    )
    .replace("title: \"Harbour\"\n", "title: \"Harbour\"\nslug: moved\n");
    fs::write(dir.path().join(UNSTAGED), moved).unwrap();
    touch(&dir.path().join(UNSTAGED));
    let (code, items) = check(dir.path(), &[STAGED]);
    assert_eq!((code, found(&items)), (0, vec![]));
}
