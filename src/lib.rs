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
pub mod model;
pub mod repo;
pub mod report;
pub mod rules;
pub mod runner;
pub mod server;
pub mod site;
pub mod write;

pub use model::line_index;

use std::path::Path;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};

use model::Post;
use model::site::Now;
use rules::Context;

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
    let post = Post::parse(text, config.settings.parse_options(&config.site));
    check_parsed(path, &post, config)
}

/// [`check`], and the post's summary for the whole-repository rules
/// ([`repo::check_repo`]) when any of them is on.
pub fn check_and_summarize(
    path: &Path,
    text: &str,
    config: &Config,
) -> (Vec<Diagnostic>, Option<model::summary::PostSummary>) {
    let post = Post::parse(text, config.settings.parse_options(&config.site));
    let found = check_parsed(path, &post, config);
    let summary = repo::any_enabled(config).then(|| {
        let now = now(config).instant;
        model::summary::summarize(path, &post, &config.site, now, repo::wanted(config))
    });
    (found, summary)
}

/// The summary of a post for the whole-repository rules.
pub fn summarize(path: &Path, text: &str, config: &Config) -> model::summary::PostSummary {
    let post = Post::parse(text, config.settings.parse_options(&config.site));
    let now = now(config).instant;
    model::summary::summarize(path, &post, &config.site, now, repo::wanted(config))
}

/// The moment future dates are judged against: `--now`, else the clock.
fn now(config: &Config) -> Now {
    match config.now {
        Some(instant) => Now {
            instant,
            given: true,
        },
        None => Now {
            instant: jiff::Timestamp::now(),
            given: false,
        },
    }
}

fn check_parsed(path: &Path, post: &Post, config: &Config) -> Vec<Diagnostic> {
    let mut ctx = Context::new(path, post, &config.settings, &config.site, now(config));
    // Rules of the `suppression` family judge the suppressions, so they run
    // after the others' findings have been suppressed.
    let level = |i| config.level(i);
    let mut out = rules::run_post(&ctx, level, |family| family != "suppression");
    let regions = &post.suppressions.regions;
    let mut used = vec![false; regions.len()];
    if !regions.is_empty() {
        out.retain(|d| {
            let family = rules::find(d.rule).map_or("", |(_, r)| r.meta().family.as_str());
            let mut keep = true;
            for (i, s) in regions.iter().enumerate() {
                let names_it = s.name.as_deref().is_none_or(|n| n == d.rule || n == family);
                if names_it && s.region.contains(&d.span.start) {
                    used[i] = true;
                    keep = false;
                }
            }
            keep
        });
    }
    ctx.suppressions_used = &used;
    out.extend(rules::run_post(&ctx, level, |family| {
        family == "suppression"
    }));
    // `fixable` and `unfixable` decide which findings carry their fix.
    for d in &mut out {
        if d.fix.is_some() && !config.is_fixable(d.rule) {
            d.fix = None;
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
