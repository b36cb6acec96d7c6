//! The VS Code extension (`editors/vscode/`) agrees with the server it
//! starts and with the crate it is released with.

use std::collections::BTreeSet;

use postlint::server::Settings;
use serde_json::{Value, json};

fn manifest() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/editors/vscode/package.json"
    ))
    .expect("editors/vscode/package.json");
    serde_json::from_str(&text).expect("package.json is JSON")
}

#[test]
fn the_extension_is_released_with_the_crates_version() {
    assert_eq!(
        manifest()["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION")),
        "editors/vscode/package.json and Cargo.toml must give the same version"
    );
}

/// Every setting the extension passes on is one the server reads: a value
/// of the wrong type is refused, which an unknown key would not be.
#[test]
fn every_setting_the_extension_passes_on_is_read_by_the_server() {
    let manifest = manifest();
    let properties = manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .expect("contributed settings");
    // Settings of the extension itself, not passed to the server.
    let own: BTreeSet<&str> = ["path", "trace.server"].into();
    let passed: Vec<&str> = properties
        .keys()
        .map(|k| k.strip_prefix("postlint.").expect("postlint.* settings"))
        .filter(|k| !own.contains(k))
        .collect();
    assert_eq!(
        passed,
        // In the order serde_json keeps object keys: sorted.
        ["configPath", "docsUrl", "extendSelect", "ignore", "select"]
    );
    for key in passed {
        let wrong = json!({ "postlint": { key: { "not": "a list or a string" } } });
        assert!(
            Settings::from_value(&wrong).is_err(),
            "the server does not read the setting `{key}`"
        );
    }
}

/// The commands the extension's README lists are the ones it contributes.
#[test]
fn the_readme_lists_every_command() {
    let manifest = manifest();
    let readme = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/editors/vscode/README.md"
    ))
    .expect("editors/vscode/README.md");
    let commands = manifest["contributes"]["commands"]
        .as_array()
        .expect("contributed commands");
    assert_eq!(commands.len(), 4);
    for command in commands {
        let title = command["title"].as_str().expect("a title");
        let category = command["category"].as_str().expect("a category");
        assert!(
            readme.contains(&format!("**{category}: {title}**")),
            "README.md does not list `{category}: {title}`"
        );
    }
}
