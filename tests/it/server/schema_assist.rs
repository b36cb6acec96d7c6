//! Completion and hover from a front matter's schema: keys the schema
//! allows and the document lacks, enum values, booleans, `_data` keys with
//! their names, and what a key or a reference means.

use serde_json::{Value, json};

use super::{Client, file_uri, range};
use crate::common;

const SCHEMA: &str = "\
required: [title, category]
properties:
  title:
    type: string
    description: The headline, as readers see it.
  category:
    title: Section
    description: Where the post is filed.
    enum: [news, review, opinion]
  author:
    jekyllData: authors
  draft:
    type: boolean
    default: false
  tags:
    type: array
    items:
      enum: [rust, jekyll]
  image:
    $ref: '#/definitions/image'
definitions:
  image:
    type: object
    required: [path, alt]
    properties:
      path:
        type: string
        examples: [/images/a.png]
      alt:
        type: string
        description: Text for readers who cannot see the image.
";

const AUTHORS: &str = "\
jane:
  name: Jane Roe
  bio: Writes about bridges.
ken:
  name: Ken Doe
";

/// A site with the schema and `_data/authors.yml`, and a client with the
/// post open; the post's URI.
fn site(post: &str) -> (tempfile::TempDir, Client, String) {
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "schemas/post.yml", SCHEMA.as_bytes());
    common::write(dir.path(), "_data/authors.yml", AUTHORS.as_bytes());
    common::write(
        dir.path(),
        "postlint.toml",
        b"[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n",
    );
    let path = common::write(dir.path(), "_posts/2022-10-31-a.md", post.as_bytes());
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(json!({}), Value::Null);
    client.open(&uri, post);
    (dir, client, uri)
}

fn complete(client: &mut Client, uri: &str, line: u64, character: u64) -> Vec<Value> {
    let reply = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
    );
    let mut items = reply["result"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    items.sort_by_key(|i| i["sortText"].as_str().unwrap_or_default().to_string());
    items
}

fn labels(items: &[Value]) -> Vec<&str> {
    items.iter().map(|i| i["label"].as_str().unwrap()).collect()
}

fn hover(client: &mut Client, uri: &str, line: u64, character: u64) -> Value {
    client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
    )["result"]
        .clone()
}

#[test]
fn completes_the_keys_the_document_lacks_required_first_with_descriptions() {
    let post = "---\ntitle: A bridge\n\nimage:\n  path: /a.png\n---\nBody\n";
    let (_dir, mut client, uri) = site(post);
    let items = complete(&mut client, &uri, 2, 0);
    assert_eq!(labels(&items), ["category", "author", "draft", "tags"]);
    let category = &items[0];
    assert_eq!(category["detail"], "Section (required)");
    assert_eq!(category["kind"], 10, "a property");
    assert_eq!(category["textEdit"]["range"], range(2, 0, 2, 0));
    assert_eq!(category["textEdit"]["newText"], "category: ");
    let doc = category["documentation"]["value"].as_str().unwrap();
    assert!(doc.contains("Where the post is filed."), "{doc}");
    assert!(doc.contains("one of `news`, `review`, `opinion`"), "{doc}");
    assert_eq!(items[2]["detail"], "boolean");
    let draft = items[2]["documentation"]["value"].as_str().unwrap();
    assert!(draft.contains("default: `false`"), "{draft}");
    assert_eq!(client.stop(), 0);
}

#[test]
fn completes_the_keys_of_a_nested_mapping_through_a_ref() {
    let post = "---\ntitle: A bridge\ncategory: news\nimage:\n  path: /a.png\n  al\n---\n";
    let (_dir, mut client, uri) = site(post);
    let items = complete(&mut client, &uri, 5, 4);
    assert_eq!(labels(&items), ["alt"]);
    assert_eq!(items[0]["detail"], "string (required)");
    assert_eq!(items[0]["textEdit"]["range"], range(5, 2, 5, 4));
    assert_eq!(items[0]["textEdit"]["newText"], "alt: ");
    assert_eq!(client.stop(), 0);
}

#[test]
fn completes_enum_values_booleans_and_items() {
    let post = "---\ntitle: A bridge\ncategory: re\ndraft:\ntags:\n  - \n---\n";
    let (_dir, mut client, uri) = site(post);
    let items = complete(&mut client, &uri, 2, 12);
    assert_eq!(labels(&items), ["news", "review", "opinion"]);
    assert_eq!(items[1]["kind"], 12, "a value");
    assert_eq!(items[1]["textEdit"]["range"], range(2, 10, 2, 12));
    assert_eq!(items[1]["textEdit"]["newText"], "review");
    // Right after the colon: a space goes first.
    let items = complete(&mut client, &uri, 3, 6);
    assert_eq!(labels(&items), ["true", "false"]);
    assert_eq!(items[0]["textEdit"]["newText"], " true");
    // A new item of a list.
    let items = complete(&mut client, &uri, 5, 4);
    assert_eq!(labels(&items), ["rust", "jekyll"]);
    assert_eq!(items[0]["textEdit"]["range"], range(5, 4, 5, 4));
    assert_eq!(client.stop(), 0);
}

#[test]
fn completes_data_keys_with_their_names() {
    let post = "---\ntitle: A bridge\ncategory: news\nauthor: \n---\n";
    let (_dir, mut client, uri) = site(post);
    let items = complete(&mut client, &uri, 3, 8);
    assert_eq!(labels(&items), ["jane", "ken"]);
    assert_eq!(items[0]["detail"], "Jane Roe");
    let doc = items[0]["documentation"]["value"].as_str().unwrap();
    assert_eq!(
        doc,
        "`jane` in `_data/authors`:\n\n```yaml\nbio: Writes about bridges.\nname: Jane Roe\n```"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn hovers_on_a_key_and_on_a_reference() {
    let post = "---\ntitle: A bridge\ncategory: news\nauthor: jane\n---\n";
    let (_dir, mut client, uri) = site(post);
    let on_key = hover(&mut client, &uri, 2, 3);
    assert_eq!(on_key["range"], range(2, 0, 2, 8));
    let text = on_key["contents"]["value"].as_str().unwrap();
    assert_eq!(
        text,
        "**Section** (`category`)\n\nWhere the post is filed.\n\none of `news`, `review`, `opinion`\n\n*schema `post` (schemas/post.yml)*"
    );
    let on_value = hover(&mut client, &uri, 3, 9);
    assert_eq!(on_value["range"], range(3, 8, 3, 12));
    let text = on_value["contents"]["value"].as_str().unwrap();
    assert_eq!(
        text,
        "**`author`**\n\na key of `_data/authors`\n\n`jane` in `_data/authors`:\n\n```yaml\nbio: Writes about bridges.\nname: Jane Roe\n```\n\n*schema `post` (schemas/post.yml)*"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn offers_nothing_outside_the_front_matter() {
    let post = "---\ntitle: A bridge\ncategory: news\n---\nBody text\n";
    let (_dir, mut client, uri) = site(post);
    assert!(complete(&mut client, &uri, 4, 2).is_empty());
    let reply = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 4, "character": 2 } }),
    );
    assert_eq!(reply["result"], Value::Null, "{reply}");
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_schema_that_does_not_load_is_reported_in_the_schema_file() {
    let post = "---\ntitle: A bridge\ncategory: news\n---\n";
    let dir = tempfile::tempdir().unwrap();
    let schema = common::write(
        dir.path(),
        "schemas/post.yml",
        b"properties:\n  title:\n    type: strin\n",
    );
    common::write(
        dir.path(),
        "postlint.toml",
        b"[[schema]]\nname = \"post\"\nschema = \"schemas/post.yml\"\nfiles = [\"_posts/**\"]\n",
    );
    let path = common::write(dir.path(), "_posts/2022-10-31-a.md", post.as_bytes());
    let uri = file_uri(&path);
    let mut client = Client::start();
    client.initialize(
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
        Value::Null,
    );
    client.open(&uri, post);
    let schema_uri = file_uri(&schema);
    let found = client.diagnostics(&schema_uri);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["range"], range(2, 10, 2, 10));
    assert_eq!(found[0]["severity"], 1);
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("\"strin\" is not a type"), "{message}");

    // Mended on disk: the problem is cleared.
    std::fs::write(&schema, "properties:\n  title:\n    type: string\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": schema_uri, "type": 2 }] }),
    );
    assert!(client.diagnostics(&schema_uri).is_empty());
    assert_eq!(client.stop(), 0);
}
