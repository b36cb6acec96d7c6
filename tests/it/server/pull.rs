//! Pulled diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`)
//! for a client that declares them, and publishing without a fixed wait
//! for one that does not.

use serde_json::{Value, json};

use super::{Client, POST, file_uri, post_dir, range};
use crate::common;

/// [`POST`] without its finding: the tag link's text is its tag.
fn clean() -> String {
    POST.replace("王毅", "港口")
}

/// A client that pulls, with a workspace folder when `root` is given.
fn pulling(root: Option<&std::path::Path>, refresh: bool) -> (Client, Value) {
    let mut client = Client::start();
    let capabilities = json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": {
            "diagnostics": { "refreshSupport": refresh },
            "didChangeWatchedFiles": { "dynamicRegistration": true },
        },
    });
    let init = client.call(
        "initialize",
        json!({ "processId": null, "rootUri": root.map(file_uri), "capabilities": capabilities }),
    );
    client.notify("initialized", json!({}));
    (client, init)
}

fn pull(client: &mut Client, uri: &str, previous: Option<&str>) -> Value {
    let reply = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri }, "previousResultId": previous }),
    );
    reply["result"].clone()
}

fn pull_workspace(client: &mut Client, previous: &[(String, String)]) -> Vec<Value> {
    let previous: Vec<Value> = (previous.iter())
        .map(|(uri, id)| json!({ "uri": uri, "value": id }))
        .collect();
    let reply = client.call(
        "workspace/diagnostic",
        json!({ "identifier": "postlint", "previousResultIds": previous }),
    );
    reply["result"]["items"].as_array().unwrap().clone()
}

/// The ids of a workspace answer's reports, to send back as previous ones.
fn ids(items: &[Value]) -> Vec<(String, String)> {
    (items.iter())
        .map(|i| {
            let uri = i["uri"].as_str().unwrap().to_string();
            (uri, i["resultId"].as_str().unwrap().to_string())
        })
        .collect()
}

fn codes(report: &Value) -> Vec<String> {
    (report["items"].as_array().unwrap().iter())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn published(client: &Client) -> bool {
    (client.pending.iter()).any(|m| m["method"] == "textDocument/publishDiagnostics")
}

#[test]
fn pull_is_offered_only_to_clients_that_ask_and_then_nothing_is_pushed() {
    let mut push = Client::start();
    let init = push.initialize(json!({}), Value::Null);
    assert_eq!(
        init["result"]["capabilities"]["diagnosticProvider"],
        Value::Null
    );
    assert_eq!(push.stop(), 0);

    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let (mut client, init) = pulling(None, false);
    let provider = &init["result"]["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["identifier"], "postlint");
    assert_eq!(provider["interFileDependencies"], true);
    assert_eq!(provider["workspaceDiagnostics"], true);

    client.open(&uri, POST);
    let full = pull(&mut client, &uri, None);
    assert_eq!(full["kind"], "full", "{full}");
    assert_eq!(codes(&full), ["tag-link-mismatch"]);
    assert_eq!(full["items"][0]["range"], range(9, 71, 9, 73));
    let id = full["resultId"].as_str().unwrap().to_string();
    let same = pull(&mut client, &uri, Some(&id));
    assert_eq!(same, json!({ "kind": "unchanged", "resultId": id }));

    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "text": clean() }] }),
    );
    let fixed = pull(&mut client, &uri, Some(&id));
    assert_eq!(fixed["kind"], "full", "{fixed}");
    assert_ne!(fixed["resultId"], json!(id));
    assert_eq!(codes(&fixed), Vec::<String>::new());
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    // Anything published would have come before this answer.
    client.call("shutdown", Value::Null);
    assert!(!published(&client), "{:?}", client.pending);
}

#[test]
fn the_workspace_reports_files_never_opened_and_clears_them_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let clean = clean();
    let first = common::write(dir.path(), "_posts/2022-10-31-a.md", clean.as_bytes());
    let second = common::write(dir.path(), "_posts/2022-10-31-b.md", clean.as_bytes());
    let (mut client, _) = pulling(Some(dir.path()), true);
    client.wait(|m| m["method"] == "client/registerCapability");

    // The later post has the first's source: neither is open.
    let items = pull_workspace(&mut client, &[]);
    assert_eq!(items.len(), 1, "{items:?}");
    let report = &items[0];
    assert_eq!(report["uri"], file_uri(&second));
    assert_eq!(report["kind"], "full");
    assert_eq!(report["version"], Value::Null);
    assert_eq!(codes(report), ["source-duplicate"]);
    let related = &report["items"][0]["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], file_uri(&first));
    assert_eq!(related["range"], range(3, 6, 3, 37));

    // Pulled again with the ids the client holds: nothing to send.
    let held = ids(&items);
    let again = pull_workspace(&mut client, &held);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["kind"], "unchanged");
    assert_eq!(again[0]["resultId"], report["resultId"]);

    // The first post changes on disk: the duplicate is gone, and the
    // second post's report is emptied, once.
    std::fs::write(&first, clean.replace("a.html", "c.html")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&first), "type": 2 }] }),
    );
    client.wait(|m| m["method"] == "workspace/diagnostic/refresh");
    let cleared = pull_workspace(&mut client, &held);
    assert_eq!(cleared.len(), 1, "{cleared:?}");
    assert_eq!(cleared[0]["uri"], file_uri(&second));
    assert_eq!(cleared[0]["kind"], "full");
    assert_eq!(cleared[0]["items"], json!([]));
    let after = pull_workspace(&mut client, &ids(&cleared));
    assert_eq!(after, Vec::<Value>::new());

    // Opened, the second post is pulled as a document, not in the
    // workspace's answer.
    std::fs::write(&first, &clean).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&first), "type": 2 }] }),
    );
    let uri = file_uri(&second);
    client.open(&uri, &clean);
    assert_eq!(codes(&pull(&mut client, &uri, None)), ["source-duplicate"]);
    assert_eq!(pull_workspace(&mut client, &[]), Vec::<Value>::new());

    // A post that is not open is pulled from disk, its own findings too.
    let third = POST.replace("a.html", "d.html");
    let third = common::write(dir.path(), "_posts/2022-10-31-c.md", third.as_bytes());
    let alone = pull(&mut client, &file_uri(&third), None);
    assert_eq!(codes(&alone), ["tag-link-mismatch"]);
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_config_change_asks_the_client_to_pull_again() {
    let (dir, path) = post_dir();
    let uri = file_uri(&path);
    let (mut client, _) = pulling(Some(dir.path()), true);
    client.open(&uri, POST);
    let before = pull(&mut client, &uri, None);
    assert_eq!(codes(&before), ["tag-link-mismatch"]);

    let config = common::write(
        dir.path(),
        "postlint.toml",
        b"[rules]\ntag-link = \"off\"\n",
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 1 }] }),
    );
    let refresh = client.wait(|m| m["method"] == "workspace/diagnostic/refresh");
    assert!(refresh["id"].is_string(), "{refresh}");
    let after = pull(&mut client, &uri, before["resultId"].as_str());
    assert_eq!(after["kind"], "full");
    assert_eq!(codes(&after), Vec::<String>::new());
    assert_eq!(client.stop(), 0);

    // A client that cannot be refreshed is not asked.
    let (mut client, _) = pulling(Some(dir.path()), false);
    client.open(&uri, POST);
    pull(&mut client, &uri, None);
    std::fs::remove_file(&config).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&config), "type": 3 }] }),
    );
    assert_eq!(codes(&pull(&mut client, &uri, None)), ["tag-link-mismatch"]);
    let refreshed = (client.pending.iter()).any(|m| m["method"] == "workspace/diagnostic/refresh");
    assert!(!refreshed, "{:?}", client.pending);
    assert_eq!(client.stop(), 0);
}

/// A change is published as soon as nothing else waits: before the answer
/// to a request sent right after it, where a fixed wait would publish
/// after.
#[test]
fn a_change_is_published_before_the_next_request_is_answered() {
    let (_dir, path) = post_dir();
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.open(&uri, POST);
    assert_eq!(client.diagnostics(&uri).len(), 1);
    for version in 2..5 {
        let text = if version % 2 == 0 {
            clean()
        } else {
            POST.into()
        };
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
        client.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 3 } }),
        );
        let at = client.pending.iter().position(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        let published = client
            .pending
            .remove(at.expect("published before the hover's answer"));
        let found = published["params"]["diagnostics"].as_array().unwrap();
        assert_eq!(found.len(), usize::from(version % 2 == 1));
    }
    assert_eq!(client.stop(), 0);
}

/// In a workspace of more than a thousand files, an opened post's own
/// findings come first; its whole-repository ones once the workspace is
/// read, when the server is idle.
#[test]
fn a_large_workspace_gives_own_findings_first() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        let name = format!("_posts/2021-01-01-p{i}.md");
        common::write(dir.path(), &name, b"---\ntitle: p\n---\nx\n");
    }
    common::write(dir.path(), "_posts/2022-10-31-a.md", POST.as_bytes());
    let second = common::write(dir.path(), "_posts/2022-10-31-b.md", POST.as_bytes());
    let mut client = Client::start();
    client.call(
        "initialize",
        json!({ "processId": null, "rootUri": file_uri(dir.path()), "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    let uri = file_uri(&second);
    client.open(&uri, POST);
    let codes = |found: &[Value]| -> Vec<String> {
        (found.iter())
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&client.diagnostics(&uri)), ["tag-link-mismatch"]);
    let mut whole = codes(&client.diagnostics(&uri));
    whole.sort();
    assert_eq!(whole, ["source-duplicate", "tag-link-mismatch"]);
    assert_eq!(client.stop(), 0);
}
