//! `postlint server`: the real binary, spoken to over standard input and
//! output as an editor would (JSON-RPC with Content-Length framing).

mod pull;
mod schema_assist;

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any one reply may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A post whose last line has a tag link mismatch after an emoji and CJK
/// text: `王毅` is at UTF-16 columns 71..73 and bytes 77..83 of line 9, and
/// the tag `%E6%B8%AF%E5%8F%A3` at UTF-16 46..64, bytes 52..70.
const POST: &str = "---
title: \"港口 bridge 😀\"
date: 2022-10-31T16:39:58Z
from: https://news.example.com/a.html
---
<!--1667234398000-->
[港口 bridge 😀](https://news.example.com/a.html)
------

<p>😀港口 <a href=\"https://news.example.com/tag/%E6%B8%AF%E5%8F%A3.html\">王毅</a></p>
";

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Notifications and server requests read while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
    utf8: bool,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("postlint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
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
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                let value: Value = serde_json::from_slice(&body).unwrap();
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            messages: rx,
            pending: Vec::new(),
            next_id: 0,
            utf8: false,
        }
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&serde_json::to_vec(&message).unwrap());
    }

    fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its response (the whole response).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// The next message that `wanted` accepts; others are kept for later.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .expect("the server answered in time");
            // Answer the server's own requests (registerCapability).
            if message.get("id").is_some() && message.get("method").is_some() {
                let id = message["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
            if wanted(&message) {
                return message;
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        self.utf8 = capabilities["general"]["positionEncodings"]
            .as_array()
            .is_some_and(|e| e.contains(&json!("utf-8")));
        let reply = self.call(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities,
                    "initializationOptions": options }),
        );
        self.notify("initialized", json!({}));
        reply
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
    }

    /// Shut down and exit; the exit code.
    fn stop(mut self) -> i32 {
        let reply = self.call("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null, "{reply}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn file_uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

fn range(l1: u64, c1: u64, l2: u64, c2: u64) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

/// The byte offset of an LSP position in `text`.
fn offset(text: &str, position: &Value, utf8: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    if utf8 {
        return start + character;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Apply a code action's edits to `text`, as an editor does, and return
/// the new text and the edits as incremental didChange content changes.
fn apply(text: &str, action: &Value, uri: &str, utf8: bool) -> (String, Vec<Value>) {
    let mut edits = action["edit"]["changes"][uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(text, &e["range"]["start"], utf8)));
    let mut out = text.to_string();
    for e in &edits {
        let (a, b) = (
            offset(text, &e["range"]["start"], utf8),
            offset(text, &e["range"]["end"], utf8),
        );
        out.replace_range(a..b, e["newText"].as_str().unwrap());
    }
    // Applied last-first, each change's range is still right for the text
    // the server has when it comes.
    let changes = edits
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    (out, changes)
}

fn post_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "_posts/2022-10-31-a.md", POST.as_bytes());
    (dir, path)
}

fn titles(actions: &Value) -> Vec<String> {
    actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn utf16_diagnostics_quick_fix_hover_and_exit() {
    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    let init = client.initialize(json!({}), Value::Null);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2);
    assert_eq!(caps["hoverProvider"], true);
    client.open(&uri, POST);
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d["range"], range(9, 71, 9, 73));
    assert_eq!(d["code"], "tag-link-mismatch");
    assert_eq!(d["source"], "postlint");
    assert_eq!(d["severity"], 2);
    assert_eq!(
        d["codeDescription"]["href"],
        "https://github.com/postlint/postlint/blob/main/rules/tag-link-mismatch.md"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("tag link text `王毅`")
    );
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(related["location"]["range"], range(9, 46, 9, 64));
    assert_eq!(related["message"], "the tag is `港口`");

    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 9, "character": 72 } }),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    assert!(value.contains("`tag-link-mismatch`"), "{value}");
    assert!(
        value.contains("compare"),
        "the rule's documentation: {value}"
    );
    let nothing = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 3 } }),
    );
    assert_eq!(nothing["result"], Value::Null);

    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(9, 72, 9, 72),
                "context": { "diagnostics": [d] } }),
    );
    let titles = titles(&actions);
    assert_eq!(
        titles,
        [
            "Fix: point the link at the tag named by its text (unsafe)",
            "Disable tag-link-mismatch for this line",
            "Disable tag-link-mismatch for this file",
        ]
    );
    let list = actions["result"].as_array().unwrap();
    assert_eq!(list[0]["kind"], "quickfix");
    assert_eq!(list[0]["diagnostics"][0]["code"], "tag-link-mismatch");
    // The line disable goes on its own line before the finding.
    let (disabled, _) = apply(POST, &list[1], &uri, false);
    assert!(
        disabled
            .contains("\n\n<!-- postlint-disable-next-line tag-link-mismatch -->\n<p>😀港口 <a")
    );
    let (fixed, changes) = apply(POST, &list[0], &uri, false);
    assert!(
        fixed.contains("/tag/%E7%8E%8B%E6%AF%85.html\">王毅</a>"),
        "{fixed}"
    );
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": changes }),
    );
    let after = client.diagnostics(&uri);
    assert!(after.is_empty(), "{after:?}");

    // Break it again with an incremental change after the emoji, then close.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 },
                "contentChanges": [{ "range": range(9, 71, 9, 73), "text": "港口" },
                                   { "range": range(9, 71, 9, 71), "text": "😀" }] }),
    );
    let again = client.diagnostics(&uri);
    assert_eq!(again.len(), 1, "{again:?}");
    assert_eq!(again[0]["range"], range(9, 71, 9, 75));
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    let init = client.initialize(
        json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
        Value::Null,
    );
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.open(&uri, POST);
    let found = client.diagnostics(&uri);
    assert_eq!(found[0]["range"], range(9, 77, 9, 83));
    assert_eq!(
        found[0]["relatedInformation"][0]["location"]["range"],
        range(9, 52, 9, 70)
    );
    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(9, 77, 9, 83),
                "context": { "diagnostics": [] } }),
    );
    let fix = &actions["result"][0];
    assert_eq!(
        fix["edit"]["changes"][&uri][0]["range"],
        range(9, 52, 9, 70)
    );
    let (fixed, changes) = apply(POST, fix, &uri, true);
    assert!(fixed.contains("%E7%8E%8B%E6%AF%85"));
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": changes }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    // An incremental change in bytes: replace `王毅` (bytes 77..83) by `港口`.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 },
                "contentChanges": [{ "range": range(9, 77, 9, 83), "text": "😀港口" }] }),
    );
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["range"], range(9, 77, 9, 87));
    assert_eq!(client.stop(), 0);
}

#[test]
fn safe_fixes_fix_all_and_front_matter_disables() {
    let text = "---\ntitle: \"港口 😀\"\ndate: 2022-10-31T16:39:58Z\nfrom: https://news.example.com/a.html\ntitle: \"港口 😀\"\n---\n<!--1667234398000-->\n";
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "_posts/2022-10-31-b.md", text.as_bytes());
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.open(&uri, text);
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "front-matter-duplicate-key");
    assert_eq!(found[0]["range"], range(4, 0, 4, 5));
    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(4, 0, 4, 5),
                "context": { "diagnostics": [] } }),
    );
    // In the front matter: no line disable, only the file disable.
    let t = titles(&actions);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[0].starts_with("Fix: ") && !t[0].contains("unsafe"),
        "{t:?}"
    );
    assert_eq!(t[1], "Disable front-matter-duplicate-key for this file");
    assert_eq!(actions["result"][0]["isPreferred"], true);
    assert_eq!(actions["result"][2]["kind"], "source.fixAll.postlint");
    let (disabled, _) = apply(text, &actions["result"][1], &uri, false);
    assert!(
        disabled.ends_with(
            "title: \"港口 😀\"\npostlint:\n  disable: [front-matter-duplicate-key]\n---\n<!--1667234398000-->\n"
        ),
        "{disabled}"
    );

    let all = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(0, 0, 0, 0),
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    assert_eq!(titles(&all).len(), 1, "{all}");
    let (fixed, changes) = apply(text, &all["result"][0], &uri, false);
    assert_eq!(fixed.matches("title:").count(), 1, "{fixed}");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": changes }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn config_files_are_found_watched_and_settings_apply() {
    let (dir, path) = post_dir();
    let config = common::write(
        dir.path(),
        "postlint.toml",
        b"[rules]\ntag-link = \"off\"\n",
    );
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
        Value::Null,
    );
    let register = client.wait(|m| m["method"] == "client/registerCapability");
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/postlint.toml"
    );
    client.open(&uri, POST);
    assert!(client.diagnostics(&uri).is_empty());

    std::fs::write(&config, "[rules]\ntag-link = \"error\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 2 }] }),
    );
    let found = client.diagnostics(&uri);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["severity"], 1);

    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "postlint": { "ignore": ["tag-link-mismatch"] } } }),
    );
    assert!(client.diagnostics(&uri).is_empty());

    // A broken config file is reported, and the defaults are used.
    std::fs::write(&config, "[rules]\ntag-lnk = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "configPath": config } }),
    );
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("postlint.toml"),
        "{shown}"
    );
    assert_eq!(client.diagnostics(&uri).len(), 1);
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_new_config_file_counts_at_the_next_change_without_a_watcher() {
    let (dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.open(&uri, POST);
    assert_eq!(client.diagnostics(&uri).len(), 1);

    // No watcher reports it: the client cannot register one.
    common::write(
        dir.path(),
        "postlint.toml",
        b"[rules]\ntag-link = \"off\"\n",
    );
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "text": POST }],
        }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn initialization_options_select_rules() {
    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), json!({ "select": ["timestamp"] }));
    client.open(&uri, POST);
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn bad_requests_get_errors_and_the_server_keeps_serving() {
    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    let unknown = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere/x.md" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(unknown["error"]["code"], -32602, "{unknown}");
    let malformed = client.call("textDocument/codeAction", json!({ "textDocument": 7 }));
    assert_eq!(malformed["error"]["code"], -32602, "{malformed}");
    // Bytes that are not JSON, and JSON that is not JSON-RPC.
    client.send_raw(b"{not json");
    client.send_raw(br#"{"jsonrpc":"2.0","id":"odd","method":7}"#);
    let odd = client.wait(|m| m["id"] == "odd");
    assert_eq!(odd["error"]["code"], -32600, "{odd}");
    let method = client.call("textDocument/references", json!({}));
    assert_eq!(method["error"]["code"], -32601, "{method}");
    let malformed = client.call("textDocument/definition", json!({}));
    assert_eq!(malformed["error"]["code"], -32602, "{malformed}");
    // Notifications with bad params are logged, not fatal.
    client.notify("textDocument/didOpen", json!({ "textDocument": null }));
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "file:///nowhere/y.md", "version": 2 }, "contentChanges": [] }),
    );
    // Positions past the end of a line or of the text are clamped.
    client.open(&uri, POST);
    client.diagnostics(&uri);
    let far = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(9, 999, 400, 7),
                "context": { "diagnostics": [] } }),
    );
    assert!(far["result"].is_array(), "{far}");
    // A document over the size limit is not checked, and says so.
    let huge = format!("{POST}{}", "😀".repeat(17 * 1024 * 1024));
    client.open("untitled:huge.md", &huge);
    assert!(client.diagnostics("untitled:huge.md").is_empty());
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 9, "character": 72 } }),
    );
    assert!(hover["result"]["contents"]["value"].is_string(), "{hover}");
    assert_eq!(client.stop(), 0);
}

/// Wait for the server to end, with its standard input still open as
/// editors leave it; its exit code.
fn exit_code_with_stdin_open(client: &mut Client) -> i32 {
    assert!(client.stdin.is_some(), "standard input must stay open");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        assert!(
            Instant::now() < deadline,
            "the server did not exit while its standard input was open"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn shutdown_then_exit_ends_with_0_while_stdin_is_open() {
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    let (_dir, post) = post_dir();
    let uri = file_uri(&post);
    client.open(&uri, POST);
    client.diagnostics(&uri);
    let reply = client.call("shutdown", Value::Null);
    assert_eq!(reply["result"], Value::Null, "{reply}");
    client.notify("exit", Value::Null);
    assert_eq!(exit_code_with_stdin_open(&mut client), 0);
}

#[test]
fn exit_without_shutdown_ends_with_1_while_stdin_is_open() {
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(exit_code_with_stdin_open(&mut client), 1);
}

#[test]
fn exit_without_shutdown_is_code_1() {
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.notify("exit", Value::Null);
    drop(client.stdin.take());
    let status = client.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

/// The server and `postlint check --format json` find the same things in
/// every example post, at the same places.
#[test]
fn server_agrees_with_check_json_on_the_examples() {
    let site = common::example_site().join("site");
    let posts = site.join("_posts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&posts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    let mut compared = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let output = common::postlint(&site)
            .args(["check", "--format", "json", "--exit-zero"])
            .arg(file)
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        // 1-based character column to 0-based UTF-16 column.
        let utf16 = |line: u64, column: u64| -> u64 {
            lines[line as usize - 1]
                .chars()
                .take(column as usize - 1)
                .map(|c| c.len_utf16() as u64)
                .sum()
        };
        // A file given alone is still compared with the rest of its project
        // by the command line; the server, opened without a workspace
        // folder, sees only the document, so only its own rules compare.
        let whole_repository = |id: &str| {
            postlint::rules::RULES
                .iter()
                .any(|r| r.id == id && r.is_repo())
        };
        let mut expected: Vec<(String, Value)> = json
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| !whole_repository(d["rule"].as_str().unwrap()))
            .map(|d| {
                let (l1, c1) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
                let (l2, c2) = (
                    d["end_line"].as_u64().unwrap(),
                    d["end_column"].as_u64().unwrap(),
                );
                (
                    d["rule"].as_str().unwrap().to_string(),
                    range(l1 - 1, utf16(l1, c1), l2 - 1, utf16(l2, c2)),
                )
            })
            .collect();
        let uri = file_uri(file);
        client.open(&uri, &text);
        let mut got: Vec<(String, Value)> = client
            .diagnostics(&uri)
            .iter()
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone()))
            .collect();
        let key = |x: &(String, Value)| x.0.clone() + &x.1.to_string();
        expected.sort_by_key(key);
        got.sort_by_key(key);
        assert_eq!(got, expected, "{}", file.display());
        compared += expected.len();
    }
    assert!(compared >= 10, "only {compared} findings compared");
    assert_eq!(client.stop(), 0);
}

#[test]
fn whole_repository_rules_see_the_posts_of_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let first = common::write(dir.path(), "_posts/2022-10-31-a.md", POST.as_bytes());
    let second = common::write(dir.path(), "_posts/2022-10-31-b.md", POST.as_bytes());
    let mut client = Client::start();
    client.call(
        "initialize",
        json!({ "processId": null, "rootUri": file_uri(dir.path()), "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    let uri = file_uri(&second);
    client.open(&uri, POST);
    let duplicates = |diagnostics: &[Value]| -> Vec<Value> {
        diagnostics
            .iter()
            .filter(|d| d["code"] == "source-duplicate")
            .cloned()
            .collect()
    };
    // The later post (by date, then path) has the same source as the
    // first, which is not open: the related place is in that file.
    let found = duplicates(&client.diagnostics(&uri));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["range"], range(3, 6, 3, 37));
    let related = &found[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], file_uri(&first));
    assert_eq!(related["location"]["range"], range(3, 6, 3, 37));

    // Editing the source away from the other post's clears the finding.
    let edited = POST.replace("a.html", "b.html");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "text": edited }] }),
    );
    assert_eq!(duplicates(&client.diagnostics(&uri)), Vec::<Value>::new());

    // Back to the duplicate source; then the first post changes on disk,
    // outside the editor, and the file watcher says so.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 },
                "contentChanges": [{ "text": POST }] }),
    );
    assert_eq!(duplicates(&client.diagnostics(&uri)).len(), 1);
    std::fs::write(&first, POST.replace("a.html", "c.html")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&first), "type": 2 }] }),
    );
    assert_eq!(duplicates(&client.diagnostics(&uri)), Vec::<Value>::new());

    // The first post, opened, has no finding of its own.
    let first_uri = file_uri(&first);
    client.open(&first_uri, POST);
    assert_eq!(
        duplicates(&client.diagnostics(&first_uri)),
        Vec::<Value>::new()
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn links_lead_to_their_files_and_broken_ones_mend_when_the_file_appears() {
    let dir = common::site(&[
        ("_config.yml", "title: Harbour notes\n"),
        ("_layouts/post.html", "<article>{{ content }}</article>\n"),
        ("_includes/footer.html", "<footer>notes</footer>\n"),
        (
            "about.md",
            "---\ntitle: About\npermalink: /about/\n---\nAbout.\n",
        ),
        (
            "_posts/2022-11-02-bridge.md",
            "---\ntitle: Bridge\nlayout: post\n---\nThe bridge.\n",
        ),
    ]);
    let ferry = "---\ntitle: Ferry\nlayout: post\n---\n\
        See [about](/about/) and [the bridge]({% post_url 2022-11-02-bridge %}).\n\
        {% include footer.html %}\n\
        The [old notes](/2022/11/01/notes.html).\n";
    let path = common::write(dir.path(), "_posts/2022-11-01-ferry.md", ferry.as_bytes());
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.call(
        "initialize",
        json!({ "processId": null, "rootUri": file_uri(dir.path()), "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    client.open(&uri, ferry);
    let broken = |d: &[Value]| -> Vec<Value> {
        d.iter()
            .filter(|d| d["code"] == "link-broken")
            .map(|d| d["range"].clone())
            .collect()
    };
    assert_eq!(broken(&client.diagnostics(&uri)), [range(6, 16, 6, 38)]);

    let definition = |client: &mut Client, line: u64, character: u64| -> Value {
        client.call(
            "textDocument/definition",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )["result"]["uri"]
            .clone()
    };
    let at = |rel: &str| json!(file_uri(&dir.path().join(rel)));
    assert_eq!(definition(&mut client, 4, 14), at("about.md"));
    assert_eq!(
        definition(&mut client, 4, 50),
        at("_posts/2022-11-02-bridge.md")
    );
    assert_eq!(definition(&mut client, 5, 14), at("_includes/footer.html"));
    assert_eq!(definition(&mut client, 2, 10), at("_layouts/post.html"));
    assert_eq!(definition(&mut client, 6, 20), Value::Null);

    // The front matter says where Jekyll writes the post.
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 2 } }),
    );
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("`/2022/11/01/ferry.html`")
            && value.contains("`_site/2022/11/01/ferry.html`"),
        "{value}"
    );

    // The missing page appears: the workspace is told, and the link mends.
    let notes = common::write(
        dir.path(),
        "notes-2022.md",
        b"---\npermalink: /2022/11/01/notes.html\n---\nNotes.\n",
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&notes), "type": 1 }] }),
    );
    assert_eq!(broken(&client.diagnostics(&uri)), Vec::<Value>::new());
    assert_eq!(client.stop(), 0);
}

/// The schemas `[[schema]]` declares are judged in the editor as by
/// `postlint check`, and a change to a schema or the config takes effect
/// at once.
#[test]
fn schema_findings_show_in_the_editor() {
    let (dir, path) = post_dir();
    common::write(
        dir.path(),
        "schemas/post.yml",
        b"required: [author]\nproperties:\n  title: {type: string}\n",
    );
    let config = common::write(
        dir.path(),
        "postlint.toml",
        b"[rules]\ntag-link = \"off\"\n\n[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n",
    );
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
        Value::Null,
    );
    client.open(&uri, POST);
    let found = client.diagnostics(&uri);
    let codes: Vec<&Value> = found.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, [&json!("schema-required")], "{found:#?}");
    assert_eq!(found[0]["range"], range(0, 0, 0, 3));

    // The schema file changed on disk: read again.
    let schema = dir.path().join("schemas/post.yml");
    std::fs::write(&schema, "properties:\n  title: {type: integer}\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&schema), "type": 2 }] }),
    );
    let found = client.diagnostics(&uri);
    let codes: Vec<&Value> = found.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, [&json!("schema-wrong-type")], "{found:#?}");

    // The schema's table removed: its finding goes.
    std::fs::write(&config, "[rules]\ntag-link = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "postlint": {} } }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.stop(), 0);
}
