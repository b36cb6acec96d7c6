//! postlint: a linter for content repositories of Jekyll-style posts.
//!
//! The core is [`check`]: a pure function from a post's path and text to its
//! diagnostics. Discovery, reading, parallelism and reporting wrap it.

pub mod cli;
pub mod config;
pub mod cross_file;
pub mod diagnostic;
pub mod diff;
pub mod discover;
pub mod fix;
pub mod line_index;
pub mod model;
pub mod repo;
pub mod report;
pub mod rules;
pub mod runner;
pub mod server;
pub mod site;
pub mod write;

use std::path::Path;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};

use model::Post;
use rules::{Context, RULES};

/// Check one post. No I/O: the caller reads the file.
///
/// Diagnostics come back sorted by position, each with the severity the
/// configuration gives its rule.
///
/// ```
/// use std::path::Path;
/// use postlint::{check, Config};
///
/// let post = "---\ntitle: \"Bridge reopens\"\ndate: 2022-10-31T16:39:58Z\n\
///             from: https://news.example.com/a.html\n---\n<!--NaN-->\n";
/// let found = check(Path::new("_posts/2022-10-31-bridge.md"), post, &Config::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].rule, "timestamp-malformed");
/// assert_eq!(&post[found[0].span.clone()], "<!--NaN-->");
/// ```
pub fn check(path: &Path, text: &str, config: &Config) -> Vec<Diagnostic> {
    let post = Post::parse(text, &config.options);
    check_parsed(path, &post, config)
}

/// [`check`], and the post's summary for the whole-repository rules
/// ([`repo::check_repo`]) when any of them is on.
pub fn check_and_summarize(
    path: &Path,
    text: &str,
    config: &Config,
) -> (Vec<Diagnostic>, Option<model::summary::PostSummary>) {
    let post = Post::parse(text, &config.options);
    let found = check_parsed(path, &post, config);
    let summary = repo::any_enabled(config)
        .then(|| model::summary::summarize(path, &post, &config.options, repo::wanted(config)));
    (found, summary)
}

/// The summary of a post for the whole-repository rules.
pub fn summarize(path: &Path, text: &str, config: &Config) -> model::summary::PostSummary {
    let post = Post::parse(text, &config.options);
    model::summary::summarize(path, &post, &config.options, repo::wanted(config))
}

fn check_parsed(path: &Path, post: &Post, config: &Config) -> Vec<Diagnostic> {
    let mut ctx = Context {
        path,
        post,
        options: &config.options,
        suppressions_used: &[],
    };
    // Rules of the `suppression` family judge the suppressions, so they run
    // after the others' findings have been suppressed.
    let mut out = run_rules(&ctx, config, |family| family != "suppression");
    let regions = &post.suppressions.regions;
    let mut used = vec![false; regions.len()];
    if !regions.is_empty() {
        out.retain(|d| {
            let family = rules::find(d.rule).map_or("", |(_, r)| r.meta().family.as_str());
            let mut keep = true;
            for i in post.suppressions.covering(d.rule, family, d.span.start) {
                used[i] = true;
                keep = false;
            }
            keep
        });
    }
    ctx.suppressions_used = &used;
    out.extend(run_rules(&ctx, config, |family| family == "suppression"));
    // `fixable` and `unfixable` decide which findings carry their fix.
    for d in &mut out {
        if d.fix.is_some() && !config.is_fixable(d.rule) {
            d.fix = None;
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}

/// Run the enabled rules whose family `select` accepts.
fn run_rules(ctx: &Context, config: &Config, select: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let Some(level) = config.level(i) else {
            continue;
        };
        if !select(&rule.meta().family) {
            continue;
        }
        let rules::Check::Post(check) = rule.check else {
            continue;
        };
        let start = out.len();
        check(ctx, &mut out);
        for d in &mut out[start..] {
            d.severity = level;
        }
    }
    out
}
