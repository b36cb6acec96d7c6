//! Front matter schemas end to end.
//!
//! - `places`: every finding's place and related place, bad schemas;
//! - `keywords`: each keyword's finding, and each placement rule, at its
//!   exact place with the keyword's place in the schema file;
//! - `defaults`: the values `defaults:` gives, judged and inferred;
//! - `documents`: `jekyllDocument` under the site's `collections_dir`;
//! - `data_files`: the `_data` files the schemas name, read as they load;
//! - `messages`: each keyword's finding in postlint's words;
//! - `references`: the nearest name as help and fix;
//! - `corpora`: a schema inferred from each real site then checked against
//!   it, and seeded defects in the mirror corpus;
//! - `views`: what a schema sees of a front matter, as Psych reads it.

mod corpora;
mod data_files;
mod defaults;
mod documents;
mod keywords;
mod messages;
mod places;
mod references;
mod views;

/// `(path, rule, start, end, related)` of each finding, `start` and `end`
/// as `line:col`, `related` as `file:line:col` of the first related place.
pub(super) fn findings(stdout: &[u8]) -> Vec<(String, String, String, String, String)> {
    let items: Vec<serde_json::Value> = serde_json::from_slice(stdout).unwrap();
    items
        .iter()
        .map(|i| {
            let pos = |v: &serde_json::Value| format!("{}:{}", v["line"], v["column"]);
            let end = |v: &serde_json::Value| format!("{}:{}", v["end_line"], v["end_column"]);
            let related = i["related"]
                .as_array()
                .and_then(|r| r.first())
                .map(|r| format!("{}:{}", r["path"].as_str().unwrap_or_default(), pos(r)))
                .unwrap_or_default();
            (
                i["path"].as_str().unwrap().to_string(),
                i["rule"].as_str().unwrap().to_string(),
                pos(i),
                end(i),
                related,
            )
        })
        .collect()
}
