//! Times `postlint server` on one large post, as an editor would see it.
//!
//!     cargo build --release && cargo run --release --example lsp_bench -- [BINARY] [BYTES]
//!
//! BINARY defaults to target/release/postlint and BYTES to 1 MiB. The post
//! is CJK and emoji text with a tag link on every line (one in ten
//! mismatched). Prints the median of 7 runs of: open to diagnostics, an
//! incremental one-character change to diagnostics (this includes the
//! server's 100 ms debounce), a code action request, and a hover.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const RUNS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let binary = args
        .first()
        .cloned()
        .unwrap_or_else(|| "target/release/postlint".into());
    let size: usize = args.get(1).map_or(1 << 20, |s| s.parse().expect("BYTES"));
    let text = post(size);
    let lines = text.lines().count();

    let mut child = Command::new(&binary)
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {binary}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let messages = reader(child.stdout.take().unwrap());
    let mut id = 0;
    let mut call = |stdin: &mut ChildStdin, method: &str, params: Value| {
        id += 1;
        send(
            stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        );
        id
    };
    let init = call(&mut stdin, "initialize", json!({"capabilities": {}}));
    wait(&messages, |m| m["id"] == init);
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );

    let (mut open, mut change, mut action, mut hover) = (vec![], vec![], vec![], vec![]);
    let mut found = 0;
    for run in 0..RUNS {
        let uri = format!("untitled:bench-{run}.md");
        let start = Instant::now();
        notify(
            &mut stdin,
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        let d = diagnostics(&messages, &uri);
        open.push(start.elapsed());
        found = d.len();
        let first = d[0]["range"].clone();

        let start = Instant::now();
        let at = json!({"line": lines / 2, "character": 0});
        notify(
            &mut stdin,
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]}),
        );
        diagnostics(&messages, &uri);
        change.push(start.elapsed());

        let start = Instant::now();
        let n = call(
            &mut stdin,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": first, "context": {"diagnostics": []}}),
        );
        wait(&messages, |m| m["id"] == n);
        action.push(start.elapsed());

        let start = Instant::now();
        let n = call(
            &mut stdin,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": first["start"]}),
        );
        wait(&messages, |m| m["id"] == n);
        hover.push(start.elapsed());
        notify(
            &mut stdin,
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        diagnostics(&messages, &uri);
    }
    let n = call(&mut stdin, "shutdown", Value::Null);
    wait(&messages, |m| m["id"] == n);
    notify(&mut stdin, "exit", Value::Null);
    drop(stdin);
    let status = child.wait().unwrap();

    println!(
        "post: {} bytes, {} lines, {} findings; median of {RUNS} runs",
        text.len(),
        lines,
        found
    );
    println!(
        "didOpen -> publishDiagnostics:              {}",
        median(open)
    );
    println!(
        "didChange -> publishDiagnostics (+100 ms):  {}",
        median(change)
    );
    println!(
        "codeAction on the first finding:            {}",
        median(action)
    );
    println!(
        "hover on the first finding:                 {}",
        median(hover)
    );
    println!("server exit status: {status}");
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
    times.sort();
    format!("{:.1} ms", times[times.len() / 2].as_secs_f64() * 1000.0)
}

fn send(stdin: &mut ChildStdin, message: &Value) {
    let body = serde_json::to_vec(message).unwrap();
    write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
    stdin.write_all(&body).unwrap();
    stdin.flush().unwrap();
}

fn notify(stdin: &mut ChildStdin, method: &str, params: Value) {
    send(
        stdin,
        &json!({"jsonrpc": "2.0", "method": method, "params": params}),
    );
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

fn wait(messages: &Receiver<Value>, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        let m = messages
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answered within 60 s");
        if wanted(&m) {
            return m;
        }
    }
}

fn diagnostics(messages: &Receiver<Value>, uri: &str) -> Vec<Value> {
    let m = wait(messages, |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    m["params"]["diagnostics"].as_array().unwrap().clone()
}
