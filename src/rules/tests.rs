//! Helpers for the rules' unit tests: check a post with every rule, and
//! apply a fix.

use std::path::Path;

use super::{Context, RULES, Settings, run_post};
use crate::diagnostic::{Diagnostic, Fix};
use crate::model::Post;
use crate::model::jekyll::site::{Now, Site};

/// Check `text` as the post at `path` with every per-post rule but the
/// suppression family, each at its default severity.
pub fn check(path: &str, text: &str, settings: &Settings) -> Vec<Diagnostic> {
    let site = Site::default();
    let post = Post::parse(text, settings.parse_options(&site));
    let now = Now {
        instant: jiff::Timestamp::constant(1_900_000_000, 0),
        given: true,
    };
    let ctx = Context::new(Path::new(path), &post, settings, &site, now);
    run_post(
        &ctx,
        |i| RULES[i].meta().default_severity,
        |family| family != "suppression",
    )
}

/// `text` with the edits of `fix` made.
pub fn apply(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    for e in edits {
        out.replace_range(e.range.clone(), &e.content);
    }
    out
}
