//! Hostile input, end to end through the real binary: every case of the
//! hardening issue and the ones handled before it. Each asserts the exit
//! code, the message and a generous time ceiling; memory ceilings are
//! measured by `scripts/hostile-memory.sh`, outside the test suite, where
//! they cannot flake. `POSTLINT_BIN` runs the suite against another build.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::{CLEAN_POST, binary, postlint, site};
use predicates::prelude::*;
use serde_json::{Value, json};

const PATH: &str = "_posts/2022-10-31-a.md";

/// What no input of about 1 MB may take; generous, for a loaded 2-core
/// machine and a debug build.
const CEILING: Duration = Duration::from_secs(30);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < CEILING, "{what} took {took:?}");
    out
}

/// The clean post with a repeated `author` line: one safe fix.
fn with_duplicate() -> String {
    CLEAN_POST.replace(
        "author: Example News\n",
        "author: Example News\nauthor: Example News\n",
    )
}

// 1. Excerpts.

#[test]
fn a_megabyte_of_duplicate_keys_keeps_a_rule_to_its_limit() {
    // 1 MB of front matter, 200,000 duplicate keys: without a limit on
    // findings per rule this took 410 MB and 19 s.
    let mut post = String::from("---\ntitle: t\ndate: 2022-11-01\n");
    post.push_str(&"k: v\n".repeat(200_000));
    post.push_str("---\n");
    let dir = site(&[("_posts/2022-11-01-a.md", &post)]);
    let out = timed("200,000 duplicate keys", || {
        Process::new("sh")
            .args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\""])
            .arg(binary())
            .args(["check", "--format", "concise"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    });
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout.matches("front-matter-duplicate-key").count(),
        10_000,
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: _posts/2022-11-01-a.md: 189,999 more findings not reported: \
             a rule reached its limit of 10,000 findings in this file"
        ),
        "{stderr}"
    );
}

#[test]
fn ten_thousand_duplicate_keys_are_reported_in_bounded_time() {
    let mut post = String::from("---\ntitle: t\ndate: 2022-11-01\n");
    post.push_str(&"k: v\n".repeat(10_000));
    post.push_str("---\n");
    let dir = site(&[("_posts/2022-11-01-a.md", &post)]);
    for format in ["human", "json", "concise", "sarif"] {
        // At most 1 GiB of address space: it took 2.3 GB when every finding
        // copied the lines back to the first definition.
        let out = timed(format, || {
            Process::new("sh")
                .args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\""])
                .arg(binary())
                .args(["check", "--format", format])
                .current_dir(dir.path())
                .output()
                .unwrap()
        });
        assert_eq!(out.status.code(), Some(1), "{format}");
        // The first definition is shown once per finding, never the lines
        // in between: a few KB per finding at most.
        assert!(
            out.stdout.len() < 50_000_000,
            "{format}: {} bytes",
            out.stdout.len()
        );
    }
    let out = postlint(dir.path())
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("front-matter-duplicate-key"),
        "{}",
        &text[..text.len().min(500)]
    );
}

// 2 and 3. The language server's framing.

/// A bare client: raw bytes in, framed JSON out.
struct Raw {
    child: std::process::Child,
    messages: std::sync::mpsc::Receiver<Value>,
}

impl Raw {
    fn start() -> Raw {
        let mut child = Process::new(binary())
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Raw { child, messages }
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.child.stdin.as_mut().unwrap();
        // The server may already be gone; the answer then never comes.
        let _ = stdin.write_all(bytes).and_then(|_| stdin.flush());
    }

    fn frame(body: &Value) -> Vec<u8> {
        let body = serde_json::to_vec(body).unwrap();
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend(body);
        out
    }

    fn request(id: i64, method: &str, params: Value) -> Vec<u8> {
        Raw::frame(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
    }

    /// The response to request `id`, within 20 seconds.
    fn answer(&self, id: i64) -> Option<Value> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.messages.recv_timeout(left).ok()?;
            if message["id"] == json!(id) && message.get("method").is_none() {
                return Some(message);
            }
        }
    }

    fn hover(id: i64) -> Vec<u8> {
        Raw::request(
            id,
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///nowhere/a.md" },
                    "position": { "line": 0, "character": 0 } }),
        )
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start a server, initialise it, send `bad`, and ask for a hover: the
/// hover must be answered.
fn survives(bad: &[u8]) {
    let mut raw = Raw::start();
    raw.send(&Raw::request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    ));
    assert!(raw.answer(1).is_some(), "no answer to initialize");
    raw.send(&Raw::frame(
        &json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    ));
    raw.send(bad);
    raw.send(&Raw::hover(2));
    let answer = raw.answer(2);
    assert!(
        answer.is_some(),
        "no answer to a hover after {:?}",
        String::from_utf8_lossy(&bad[..bad.len().min(80)])
    );
}

#[test]
fn a_huge_content_length_does_not_kill_the_server() {
    for claim in ["1000000000000", "18446744073709551615"] {
        timed(claim, || {
            survives(format!("Content-Length: {claim}\r\n\r\n").as_bytes())
        });
    }
}

#[test]
fn the_server_finds_its_framing_again_after_a_bad_frame() {
    let hover = serde_json::to_vec(&json!({ "jsonrpc": "2.0", "id": 9, "method": "x" })).unwrap();
    let cases: Vec<Vec<u8>> = vec![
        [b"Content-Length: abc\r\n\r\n".as_slice(), &hover].concat(),
        [b"Content-Length: 10\r\n\r\n".as_slice(), &hover].concat(),
        // Too long for its body: the hover's own header comes inside it.
        [b"Content-Length: 300\r\n\r\n".as_slice(), &hover].concat(),
        // A truncated body.
        b"Content-Length: 40\r\n\r\n{\"jsonrpc\":".to_vec(),
        // Noise, and a header line of 100 KB without a line break.
        [b"garbage\r\n".as_slice(), &vec![b'x'; 100_000]].concat(),
    ];
    for bad in cases {
        timed("bad frame", || survives(&bad));
    }
}

// 4, 5 and 8. `--fix` and the file system.

#[cfg(unix)]
#[test]
fn fix_refuses_a_read_only_post_it_may_not_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[(PATH, &with_duplicate())]);
    let file = dir.path().join(PATH);
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    // The folder is open to the user; only the file's mode refuses.
    fs::set_permissions(dir.path().join("_posts"), fs::Permissions::from_mode(0o777)).unwrap();
    let Some(mut postlint) = common::postlint_unprivileged(dir.path()) else {
        return;
    };
    postlint
        .args(["check", "--fix"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "error: {PATH}: cannot write the fixed file, left unchanged: you may not write it"
        )));
    assert_eq!(fs::read_to_string(&file).unwrap(), with_duplicate());
    let mode = fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_owner_and_group_of_a_file() {
    use std::os::unix::fs::MetadataExt;
    if !common::bypasses_permissions() {
        common::skip("not root: only root can give a file to another owner");
        return;
    }
    let dir = site(&[(PATH, &with_duplicate())]);
    let file = dir.path().join(PATH);
    std::os::unix::fs::chown(&file, Some(1234), Some(4321)).unwrap();
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&file).unwrap(), CLEAN_POST);
    let meta = fs::metadata(&file).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (1234, 4321));
}

#[cfg(unix)]
#[test]
fn fix_says_when_it_cannot_keep_the_owner() {
    use std::os::unix::fs::PermissionsExt;
    // A post of root's that anyone may write: `nobody` may change its text
    // but could not give the new file back to root.
    let dir = site(&[(PATH, &with_duplicate())]);
    let file = dir.path().join(PATH);
    if !common::bypasses_permissions() {
        common::skip("not root: the post must belong to another user");
        return;
    }
    fs::set_permissions(&file, fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(dir.path().join("_posts"), fs::Permissions::from_mode(0o777)).unwrap();
    let Some(mut postlint) = common::postlint_unprivileged(dir.path()) else {
        return;
    };
    postlint
        .args(["check", "--fix"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "its owner and group (0:0) could not be kept",
        ));
    assert_eq!(fs::read_to_string(&file).unwrap(), with_duplicate());
    // Nothing is left behind in the folder.
    assert_eq!(fs::read_dir(dir.path().join("_posts")).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn fix_refuses_a_post_with_hard_links() {
    let dir = site(&[(PATH, &with_duplicate())]);
    let file = dir.path().join(PATH);
    let other = dir.path().join("copy.md");
    fs::hard_link(&file, &other).unwrap();
    postlint(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it has 2 hard links"));
    assert_eq!(fs::read_to_string(&file).unwrap(), with_duplicate());
    assert_eq!(fs::read_to_string(&other).unwrap(), with_duplicate());
}

#[test]
fn concurrent_fix_runs_both_succeed() {
    let files: Vec<(String, String)> = (0..150)
        .map(|i| (format!("_posts/2022-10-31-{i}.md"), with_duplicate()))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = site(&refs);
    let spawn = || {
        std::process::Command::new(binary())
            .args(["check", "--fix"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap(), b.join().unwrap())
    });
    for out in [a, b] {
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for (path, _) in &files {
        assert_eq!(
            fs::read_to_string(dir.path().join(path)).unwrap(),
            CLEAN_POST
        );
    }
    assert_eq!(
        fs::read_dir(dir.path().join("_posts")).unwrap().count(),
        150
    );
}

#[cfg(unix)]
#[test]
fn fix_never_writes_outside_the_project_root() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    fs::write(&secret, with_duplicate()).unwrap();
    let dir = site(&[
        ("postlint.toml", ""),
        ("_posts/2022-10-31-real.md", &with_duplicate()),
    ]);
    let link = dir.path().join("_posts/2022-10-31-x.md");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    // A folder of the site linked to a folder outside it, which the walk
    // follows as Jekyll does.
    std::os::unix::fs::symlink(outside.path(), dir.path().join("_posts/linked")).unwrap();
    // Named on the command line, as pre-commit names files; found by
    // walking from inside the site; found by walking the site named from
    // elsewhere.
    let whole = dir.path().display().to_string();
    for (from, args) in [
        (dir.path(), vec!["check", "--fix", "_posts/2022-10-31-x.md"]),
        (dir.path(), vec!["check", "--fix"]),
        (outside.path(), vec!["check", "--fix", whole.as_str()]),
    ] {
        let out = postlint(from).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("outside the project root"),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            fs::read_to_string(&secret).unwrap(),
            with_duplicate(),
            "{args:?}"
        );
    }
    // The post inside the root was fixed; the link is still a link.
    assert_eq!(
        fs::read_to_string(dir.path().join("_posts/2022-10-31-real.md")).unwrap(),
        CLEAN_POST
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// A site named from another folder is fixed as from its own: files are
/// judged against the project of the path named, never against the
/// working directory. A plain file named through `..` is the user's to fix.
#[cfg(unix)]
#[test]
fn fix_writes_a_project_named_from_elsewhere() {
    let elsewhere = tempfile::tempdir().unwrap();
    for with_config in [true, false] {
        let mut files = vec![
            ("_posts/2022-10-31-a.md", with_duplicate()),
            ("_posts/2022-10-31-b.md", with_duplicate()),
        ];
        if with_config {
            files.push(("_config.yml", "title: A site\n".to_string()));
        }
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let dir = site(&files);
        let posts = dir.path().join("_posts");
        let relative = format!(
            "../{}/_posts/2022-10-31-b.md",
            dir.path().file_name().unwrap().to_string_lossy()
        );
        // Both folders are in the same temporary folder.
        assert_eq!(elsewhere.path().parent(), dir.path().parent());
        for args in [
            vec!["check", "--fix", posts.to_str().unwrap()],
            vec!["check", "--fix", relative.as_str()],
        ] {
            postlint(elsewhere.path()).args(&args).assert().code(0);
        }
        for name in ["a", "b"] {
            assert_eq!(
                fs::read_to_string(posts.join(format!("2022-10-31-{name}.md"))).unwrap(),
                CLEAN_POST,
                "config: {with_config}"
            );
        }
    }
}

/// Many files refused for one reason are reported once, with a count.
#[cfg(unix)]
#[test]
fn many_refused_files_are_reported_once() {
    let outside = tempfile::tempdir().unwrap();
    let dir = site(&[("_config.yml", "title: A site\n")]);
    fs::create_dir(dir.path().join("_posts")).unwrap();
    for day in 10..15 {
        let secret = outside.path().join(format!("{day}.md"));
        fs::write(&secret, with_duplicate()).unwrap();
        std::os::unix::fs::symlink(
            &secret,
            dir.path().join(format!("_posts/2022-10-{day}-x.md")),
        )
        .unwrap();
    }
    let out = postlint(dir.path())
        .args(["check", "--fix"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("outside the project root"))
        .collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with(
            "error: cannot write 5 fixed files, left unchanged: outside the project root "
        ),
        "{stderr}"
    );
    assert!(
        lines[0].ends_with(
            ": _posts/2022-10-10-x.md, _posts/2022-10-11-x.md, _posts/2022-10-12-x.md, and 2 more"
        ),
        "{stderr}"
    );
    for day in 10..15 {
        assert_eq!(
            fs::read_to_string(outside.path().join(format!("{day}.md"))).unwrap(),
            with_duplicate()
        );
    }
}

#[cfg(unix)]
#[test]
fn symlinked_posts_are_checked_as_jekyll_reads_them() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("a.md"), with_duplicate()).unwrap();
    let dir = site(&[]);
    fs::create_dir(dir.path().join("_posts")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("a.md"), dir.path().join(PATH)).unwrap();
    postlint(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{PATH}:6:1: error front-matter-duplicate-key"
        )))
        .stdout(predicate::str::contains("in 1 of 1 file"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_reported() {
    let dir = site(&[(PATH, CLEAN_POST)]);
    let posts = dir.path().join("_posts");
    std::os::unix::fs::symlink("2022-01-02-b.md", posts.join("2022-01-01-a.md")).unwrap();
    std::os::unix::fs::symlink("2022-01-01-a.md", posts.join("2022-01-02-b.md")).unwrap();
    std::os::unix::fs::symlink("nowhere.md", posts.join("2022-01-03-c.md")).unwrap();
    std::os::unix::fs::symlink("..", posts.join("up")).unwrap();
    timed("loops", || {
        postlint(dir.path())
            .arg("check")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "error: _posts/2022-01-01-a.md: symbolic link loop, not checked",
            ))
            .stderr(predicate::str::contains(
                "error: _posts/2022-01-03-c.md: dangling symbolic link (its target does not exist), not checked",
            ))
            .stderr(predicate::str::contains("_posts/up: symbolic link loop"))
            .stdout(predicate::str::contains("No problems found in 1 file"));
    });
}

// 6. Quadratic lists.

#[test]
fn many_identical_exclude_globs_cost_little() {
    let globs = vec!["\"vendor/**\""; 100_000].join(", ");
    let dir = site(&[
        ("postlint.toml", &format!("extend-exclude = [{globs}]\n")),
        (PATH, CLEAN_POST),
    ]);
    timed("100,000 globs", || {
        postlint(dir.path())
            .arg("check")
            .assert()
            .code(0)
            .stdout(predicate::str::contains("No problems found in 1 file"));
    });
}

#[test]
fn a_hundred_thousand_suppression_comments_cost_little() {
    let mut post = CLEAN_POST.to_string();
    post.push_str(
        &"<!-- postlint-disable-next-line tag-link-mismatch -->\n<p>x</p>\n".repeat(100_000),
    );
    let dir = site(&[(PATH, &post)]);
    timed("100,000 suppressions", || {
        postlint(dir.path())
            .args([
                "check",
                "--format",
                "concise",
                "--select",
                "suppression-unused",
            ])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(
                "warning suppression-unused suppression of `tag-link-mismatch` suppresses nothing",
            ))
            // One rule keeps 10,000 findings per post; the rest are
            // counted on standard error.
            .stdout(predicate::str::contains("10,000 warnings"))
            .stderr(predicate::str::contains(
                "90,000 more findings not reported",
            ));
    });
}

#[test]
fn many_edits_to_a_large_document_in_the_server() {
    let mut raw = Raw::start();
    raw.send(&Raw::request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    ));
    assert!(raw.answer(1).is_some());
    raw.send(&Raw::frame(
        &json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    ));
    let mut text = CLEAN_POST.to_string();
    let line = "<p>line of a large document</p>\n";
    text.push_str(&line.repeat(4 * 1024 * 1024 / line.len()));
    let lines = text.lines().count() as u32;
    let uri = "untitled:big.md";
    raw.send(&Raw::frame(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } } })));
    let start = Instant::now();
    let changes: Vec<Value> = (0..200)
        .map(|i| {
            let at = lines - 1 - i;
            json!({ "range": { "start": { "line": at, "character": 3 }, "end": { "line": at, "character": 7 } }, "text": "LINE" })
        })
        .collect();
    for (i, change) in changes.into_iter().enumerate() {
        raw.send(&Raw::frame(&json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": 2 + i }, "contentChanges": [change] } })));
    }
    raw.send(&Raw::hover(2));
    assert!(raw.answer(2).is_some());
    let took = start.elapsed();
    assert!(took < CEILING, "200 edits took {took:?}");
}

// 7. Terminal escapes.

#[test]
fn control_characters_are_shown_escaped() {
    let post = with_duplicate().replace(
        "author: Example News\n",
        "author: Example \u{1b}[2J\u{1b}]0;owned\u{7}News\r\n",
    );
    let dir = site(&[(PATH, &post)]);
    for format in ["human", "concise", "github"] {
        let out = postlint(dir.path())
            .args(["check", "--color", "never", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: {text}"
        );
        assert!(text.contains("\\u{1b}"), "{format}: {text}");
    }
    // A file name with an escape in it, in an error message.
    let dir = site(&[]);
    let name = "_posts/2022-10-31-\u{1b}[31mred.md";
    common::write(dir.path(), name, b"\xff\xfe");
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\u{1b}").not())
        .stderr(predicate::str::contains("2022-10-31-\\u{1b}[31mred.md"));
}

// 9. Smaller things, and what was handled before.

#[test]
fn utf16_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(CLEAN_POST.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = site(&[]);
    common::write(dir.path(), PATH, &bytes);
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(format!(
            "error: {PATH}: UTF-16 (little-endian) text, not UTF-8; save the post as UTF-8\n"
        ));
}

#[test]
fn invalid_utf8_and_binary_files_are_refused() {
    let dir = site(&[]);
    common::write(
        dir.path(),
        "_posts/2022-10-31-a.md",
        b"---\ntitle: \xff\n---\n",
    );
    common::write(
        dir.path(),
        "_posts/2022-10-31-b.md",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x01\x00\x00\x00",
    );
    postlint(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: _posts/2022-10-31-a.md: not valid UTF-8 (invalid byte at offset 11)",
        ))
        .stderr(predicate::str::contains(
            "error: _posts/2022-10-31-b.md: binary file (contains NUL bytes), not a post",
        ));
}

#[test]
fn a_post_over_the_size_limit_is_refused_without_reading_it() {
    let dir = site(&[(PATH, CLEAN_POST)]);
    let file = fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join(PATH))
        .unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    timed("100 MB", || {
        postlint(dir.path())
            .arg("check")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "file is 100 MiB, over the 64 MiB limit for a post",
            ));
    });
}

#[test]
fn line_endings_of_every_kind_are_read() {
    let crlf = CLEAN_POST.replace('\n', "\r\n");
    let bom = format!("\u{feff}{CLEAN_POST}");
    let lone_cr = CLEAN_POST.replace("bridge reopened.", "bridge\rreopened.");
    let dir = site(&[
        ("_posts/2022-10-31-crlf.md", &crlf),
        ("_posts/2022-10-31-bom.md", &bom),
        ("_posts/2022-10-31-cr.md", &lone_cr),
    ]);
    postlint(dir.path())
        .args(["check", "--ignore", "source,jekyll"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 3 files"));
}

#[test]
fn an_alias_bomb_is_not_expanded() {
    let mut post =
        String::from("---\ntitle: t\ndate: 2022-11-01\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        let p = i - 1;
        post.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    post.push_str("---\nbody\n");
    let dir = site(&[("_posts/2022-11-01-a.md", &post)]);
    // An ordinary site's post: nothing to report once the aliases are
    // left unexpanded.
    timed("alias bomb", || {
        postlint(dir.path())
            .arg("check")
            .assert()
            .code(0)
            .stdout("No problems found in 1 file\n");
    });
}

#[test]
fn deep_nesting_is_bounded() {
    let yaml = format!(
        "---\ntitle: t\ndate: 2022-11-01\nx: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let html = format!(
        "---\ntitle: t\ndate: 2022-11-01\n---\n{}<a href=\"/tag/x.html\">y</a>{}\n",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let dir = site(&[
        ("_posts/2022-11-01-yaml.md", &yaml),
        ("_posts/2022-11-01-html.md", &html),
    ]);
    timed("deep nesting", || {
        let out = postlint(dir.path())
            .args(["check", "--format", "concise"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("_posts/2022-11-01-yaml.md:"), "{text}");
    });
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_opened() {
    let dir = site(&[(PATH, CLEAN_POST)]);
    let fifo = dir.path().join("_posts/2022-10-31-fifo.md");
    let made = Process::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        common::skip("mkfifo is missing");
        return;
    }
    // Reached through a link, named, and met while walking.
    std::os::unix::fs::symlink(
        "2022-10-31-fifo.md",
        dir.path().join("_posts/2022-10-31-link.md"),
    )
    .unwrap();
    timed("fifo", || {
        postlint(dir.path())
            .args(["check", "_posts/2022-10-31-link.md"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a regular file"));
        postlint(dir.path())
            .arg("check")
            .timeout(Duration::from_secs(20))
            .assert()
            .code(0)
            .stdout(predicate::str::contains("No problems found in 1 file"));
    });
}

#[test]
fn odd_file_names_are_checked() {
    let names = [
        "_posts/2022-10-31-a b.md",
        "_posts/2022-10-31-港口.md",
        "_posts/2022-10-31-'quote\".md",
        "_posts/2022-10-31-%E6%B8%AF.md",
        "_posts/2022-10-31--dash.md",
        "_posts/2022-10-31-new\nline.md",
    ];
    let files: Vec<(&str, &str)> = names.iter().map(|n| (*n, CLEAN_POST)).collect();
    let dir = site(&files);
    postlint(dir.path())
        .args(["check", "--ignore", "source,jekyll"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "No problems found in {} files",
            names.len()
        )));
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_an_error() {
    if !Path::new("/dev/full").exists() {
        common::skip("no /dev/full");
        return;
    }
    let dir = site(&[(PATH, &with_duplicate())]);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Process::new(binary())
        .arg("check")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("cannot write the report: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn a_one_megabyte_config_or_site_costs_little() {
    let toml = format!(
        "include = [{}]\n[rules]\ntimestamp = \"warning\"\n",
        vec!["\"_posts/**/*.md\""; 60_000].join(",")
    );
    let yml = format!("title: t\n{}", "key: [a, b, c, d]\n".repeat(60_000));
    let dir = site(&[
        ("postlint.toml", &toml),
        ("_config.yml", &yml),
        (PATH, CLEAN_POST),
    ]);
    timed("1 MB config", || {
        postlint(dir.path()).arg("check").assert().code(0);
    });
}
