//! Times `postlint server` as an editor would see it, for one build or
//! several side by side (their runs interleaved, so that they share the
//! machine's load).
//!
//!     cargo build --release && cargo run --release --example lsp_bench -- \
//!         [--corpus DIR] [BINARY...]
//!
//! BINARY defaults to target/release/postlint. The posts are generated:
//! CJK and emoji text with a tag link on every line (one in ten
//! mismatched), of 1 MiB and of 20 KB. Each row is the median of 7 runs:
//! open to diagnostics, a one-line edit to diagnostics (published, and, for
//! a client that pulls, the answer to `textDocument/diagnostic` sent right
//! after the edit; then the same pull again, answered `unchanged`), a code
//! action and a hover; on the 1 MiB post in a site with a front matter
//! schema, the completion of keys and of `_data` keys, and a hover on a
//! reference. With `--corpus DIR` (a Jekyll site, such as the
//! 5,685-post mirror corpus), a server is started on that workspace for
//! each run and one post with a whole-repository finding is opened: the
//! time to its first diagnostics, to those with its whole-repository
//! findings, from a one-line edit to its diagnostics, and, when pulling, to the first `workspace/diagnostic` answer
//! that reports the workspace and to a repeated one. A build that does not
//! offer pulled diagnostics shows `-` in those rows.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const RUNS: usize = 7;

/// What one run of one scenario measured: a time per row, `None` where
/// the build cannot do it.
type Times = Vec<Option<Duration>>;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = match args.iter().position(|a| a == "--corpus") {
        Some(i) => {
            let dir = PathBuf::from(args.remove(i + 1));
            args.remove(i);
            Some(std::fs::canonicalize(&dir).unwrap_or(dir))
        }
        None => None,
    };
    let binaries = match args.is_empty() {
        true => vec!["target/release/postlint".to_string()],
        false => args,
    };
    let big = post(1 << 20);
    let small = post(20 << 10);
    let mut rows: Vec<(String, Vec<Vec<Duration>>)> = Vec::new();
    let mut record = |labels: &[&str], binary: usize, times: Times| {
        for (label, time) in labels.iter().zip(times) {
            let at = match rows.iter().position(|(l, _)| l == label) {
                Some(at) => at,
                None => {
                    rows.push((label.to_string(), vec![Vec::new(); binaries.len()]));
                    rows.len() - 1
                }
            };
            rows[at].1[binary].extend(time);
        }
    };
    let editing = [
        "1 MiB: didOpen -> diagnostics",
        "1 MiB: one-line edit -> diagnostics",
        "1 MiB: codeAction on a finding",
        "1 MiB: hover on a finding",
    ];
    let pulling = [
        "1 MiB: one-line edit -> pulled diagnostics",
        "1 MiB: pull again (unchanged)",
    ];
    let small_rows = [
        "20 KB: didOpen -> diagnostics",
        "20 KB: one-line edit -> diagnostics",
    ];
    let schema_rows = [
        "1 MiB with a schema: completion of keys",
        "1 MiB with a schema: completion of _data keys",
        "1 MiB with a schema: hover on a reference",
    ];
    let schema_site = schema_site(&big);
    let corpus_rows = [
        "corpus: didOpen -> first diagnostics",
        "corpus: didOpen -> whole-repository findings",
        "corpus: one-line edit -> diagnostics",
        "corpus: pulled, didOpen -> first answer",
        "corpus: pulled, first full workspace answer",
        "corpus: pulled, workspace pull again",
    ];
    let mut servers: Vec<(Server, Server)> = (binaries.iter())
        .map(|b| (Server::start(b, None, false), Server::start(b, None, true)))
        .collect();
    let target = corpus
        .as_ref()
        .map(|dir| whole_repository_post(&binaries[0], dir));
    for run in 0..RUNS {
        for (i, (push, pull)) in servers.iter_mut().enumerate() {
            record(&editing, i, edit(push, &big, &format!("big-{run}"), true));
            record(
                &small_rows,
                i,
                edit(push, &small, &format!("small-{run}"), false),
            );
            record(&pulling, i, pull_edit(pull, &big, &format!("pulled-{run}")));
            record(&schema_rows, i, assist(push, &schema_site.1));
            if let (Some(dir), Some(post)) = (&corpus, &target) {
                record(&corpus_rows, i, in_corpus(&binaries[i], dir, post));
            }
        }
    }
    for (push, pull) in servers {
        push.stop();
        pull.stop();
    }

    println!(
        "posts: {} and {} bytes ({} and {} lines); median of {RUNS} runs",
        big.len(),
        small.len(),
        big.lines().count(),
        small.lines().count()
    );
    if let Some(post) = &target {
        println!("corpus post: {}", post.display());
    }
    let names: Vec<String> = (b'A'..)
        .take(binaries.len())
        .map(|c| (c as char).to_string())
        .collect();
    if binaries.len() > 1 {
        for (name, binary) in names.iter().zip(&binaries) {
            println!("{name} = {binary}");
        }
    }
    print!("{:<46}", "");
    for name in &names {
        print!("{name:>12}");
    }
    println!();
    for (label, times) in rows {
        print!("{label:<46}");
        for t in times {
            print!("{:>12}", median(t));
        }
        println!();
    }
}

/// Open a post, edit one line, ask for a code action and a hover when
/// `actions`, and close it.
fn edit(server: &mut Server, text: &str, name: &str, actions: bool) -> Times {
    let uri = format!("untitled:{name}.md");
    let start = Instant::now();
    server.open(&uri, text);
    let found = server.published(&uri);
    let open = start.elapsed();
    let first = found[0]["range"].clone();
    let start = Instant::now();
    server.change(&uri, text);
    server.published(&uri);
    let mut times = vec![Some(open), Some(start.elapsed())];
    if actions {
        let start = Instant::now();
        server.call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": first, "context": {"diagnostics": []}}),
        );
        times.push(Some(start.elapsed()));
        let start = Instant::now();
        server.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": first["start"]}),
        );
        times.push(Some(start.elapsed()));
    }
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    server.published(&uri);
    times
}

/// A site with a schema (`postlint.toml`, `schemas/post.yml`,
/// `_data/authors.yml`) and `text` as a post in it, with an `author` key
/// and an empty line in its front matter; the post's path.
fn schema_site(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, content: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    };
    write(
        "postlint.toml",
        "[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n",
    );
    write(
        "schemas/post.yml",
        "properties:\n  title: {type: string, description: The headline.}\n  date: {format: jekyll-date}\n  \
         from: {type: string, format: uri}\n  author: {jekyllData: authors, description: Who wrote it.}\n  \
         category: {enum: [news, review, opinion]}\n",
    );
    let authors: String = (0..200)
        .map(|i| format!("author{i}:\n  name: Author {i}\n"))
        .collect();
    write("_data/authors.yml", &authors);
    let post = text.replacen("---\n", "---\nauthor: author7\n\n", 1);
    let path = write("_posts/2022-10-31-big.md", &post);
    (dir, path)
}

/// Open the post at `path` (a site with a schema), then ask for the
/// completion of keys on its empty line 2, of `_data` keys after
/// `author: ` and a hover on its value; `None` where the build does not
/// answer.
fn assist(server: &mut Server, path: &Path) -> Times {
    let text = std::fs::read_to_string(path).unwrap();
    let uri = url::Url::from_file_path(path).unwrap().to_string();
    server.open(&uri, &text);
    server.published(&uri);
    let mut times = Vec::new();
    for (method, line, character) in [
        ("textDocument/completion", 2, 0),
        ("textDocument/completion", 1, 8),
        ("textDocument/hover", 1, 10),
    ] {
        let start = Instant::now();
        let reply = server.call(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        let answered = !reply["result"].is_null();
        times.push(answered.then(|| start.elapsed()));
    }
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    server.published(&uri);
    times
}

/// Open a post and pull it, then edit one line and pull it again at once,
/// and pull once more with that answer's id.
fn pull_edit(server: &mut Server, text: &str, name: &str) -> Times {
    if !server.pulls {
        return vec![None, None];
    }
    let uri = format!("untitled:{name}.md");
    server.open(&uri, text);
    server.pull(&uri, None);
    let start = Instant::now();
    server.change(&uri, text);
    let report = server.pull(&uri, None);
    let changed = start.elapsed();
    let start = Instant::now();
    let again = server.pull(&uri, report["resultId"].as_str());
    assert_eq!(again["kind"], "unchanged");
    let unchanged = start.elapsed();
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    vec![Some(changed), Some(unchanged)]
}

/// A server on the corpus: the times to the opened post's diagnostics,
/// first and with its whole-repository findings, pushed; then pulled.
fn in_corpus(binary: &str, dir: &Path, post: &Path) -> Times {
    let text = std::fs::read_to_string(post).unwrap();
    let uri = url::Url::from_file_path(post).unwrap().to_string();
    let whole = |d: &[Value]| d.iter().any(|d| d["code"] == "source-duplicate");

    let mut server = Server::start(binary, Some(dir), false);
    let start = Instant::now();
    server.open(&uri, &text);
    let mut found = server.published(&uri);
    let first = start.elapsed();
    while !whole(&found) {
        found = server.published(&uri);
    }
    let mut times = vec![Some(first), Some(start.elapsed())];
    let start = Instant::now();
    server.change(&uri, &text);
    server.published(&uri);
    times.push(Some(start.elapsed()));
    server.stop();

    let mut server = Server::start(binary, Some(dir), true);
    if !server.pulls {
        server.stop();
        return [times, vec![None; 3]].concat();
    }
    let start = Instant::now();
    server.open(&uri, &text);
    server.pull(&uri, None);
    times.push(Some(start.elapsed()));
    let mut items = Vec::new();
    while items.is_empty() {
        let reply = server.call("workspace/diagnostic", json!({"previousResultIds": []}));
        items = reply["result"]["items"].as_array().unwrap().clone();
    }
    times.push(Some(start.elapsed()));
    let previous: Vec<Value> = (items.iter())
        .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
        .collect();
    let start = Instant::now();
    server.call(
        "workspace/diagnostic",
        json!({"previousResultIds": previous}),
    );
    times.push(Some(start.elapsed()));
    server.stop();
    times
}

/// A post of the corpus with a whole-repository finding, as `check` says.
fn whole_repository_post(binary: &str, dir: &Path) -> PathBuf {
    let output = Command::new(binary)
        .args([
            "check",
            "--format",
            "json",
            "--exit-zero",
            "--select",
            "source-duplicate",
        ])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {binary}: {e}"));
    let found: Value = serde_json::from_slice(&output.stdout).expect("check's JSON");
    let path = found[0]["path"]
        .as_str()
        .expect("a post with a duplicate source");
    dir.join(path)
}

/// A post of about `size` bytes: valid front matter and header, then lines
/// of CJK and emoji text, each with a tag link; every tenth is mismatched.
fn post(size: usize) -> String {
    let mut text = String::from(
        "---\ntitle: \"港口 bridge 😀\"\ndate: 2022-10-31T16:39:58Z\nfrom: https://news.example.com/a.html\n---\n\
         <!--1667234398000-->\n[港口 bridge 😀](https://news.example.com/a.html)\n------\n\n",
    );
    let mut i = 0;
    while text.len() < size {
        let label = if i % 10 == 9 { "王毅" } else { "港口" };
        text.push_str(&format!(
            "<p>😀 第{i}段：港口的新闻 <a href=\"https://news.example.com/tag/%E6%B8%AF%E5%8F%A3.html\">{label}</a> 😀 text.</p>\n"
        ));
        i += 1;
    }
    text
}

fn median(mut times: Vec<Duration>) -> String {
    if times.is_empty() {
        return "-".into();
    }
    times.sort();
    format!("{:.1} ms", times[times.len() / 2].as_secs_f64() * 1000.0)
}

/// A server, spoken to over its standard input and output.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    pending: Vec<Value>,
    id: i64,
    version: i64,
    /// It offered pulled diagnostics.
    pulls: bool,
}

impl Server {
    /// Start and initialize a server, as a client that pulls or not.
    fn start(binary: &str, root: Option<&Path>, pull: bool) -> Server {
        let mut child = Command::new(binary)
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {binary}: {e}"));
        let mut server = Server {
            stdin: child.stdin.take().unwrap(),
            messages: reader(child.stdout.take().unwrap()),
            child,
            pending: Vec::new(),
            id: 0,
            version: 1,
            pulls: false,
        };
        let capabilities = match pull {
            true => json!({"textDocument": {"diagnostic": {}},
                           "workspace": {"diagnostics": {"refreshSupport": true}}}),
            false => json!({}),
        };
        let root = root.map(|r| url::Url::from_file_path(r).unwrap().to_string());
        let init = server.call(
            "initialize",
            json!({"capabilities": capabilities, "rootUri": root}),
        );
        server.pulls = !init["result"]["capabilities"]["diagnosticProvider"].is_null();
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let id = self.id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message `wanted` accepts; the server's own requests are
    /// answered, other messages kept.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i);
        }
        loop {
            let m = (self.messages.recv_timeout(Duration::from_secs(120)))
                .expect("the server answered within 120 s");
            if m.get("id").is_some() && m.get("method").is_some() {
                self.send(&json!({"jsonrpc": "2.0", "id": m["id"], "result": null}));
            }
            if wanted(&m) {
                return m;
            }
            self.pending.push(m);
        }
    }

    fn published(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// Insert a character at the start of the middle line.
    fn change(&mut self, uri: &str, text: &str) {
        self.version += 1;
        let at = json!({"line": text.lines().count() / 2, "character": 0});
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": self.version},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}),
        );
    }

    fn pull(&mut self, uri: &str, previous: Option<&str>) -> Value {
        let reply = self.call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}, "previousResultId": previous}),
        );
        reply["result"].clone()
    }

    fn stop(mut self) {
        self.call("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "server exit status: {status}");
    }
}

fn reader(stdout: impl Read + Send + 'static) -> Receiver<Value> {
    let (tx, rx) = channel();
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
            reader.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        }
    });
    rx
}
