//! Checking one post: parse it once, run its rules, apply its suppressions,
//! and summarise it for the whole-repository rules.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Post;
use crate::model::jekyll::site::Now;
use crate::model::summary::compact::PostSummary;
use crate::model::summary::full::{FullSummary, Wanted};
use crate::rules::{self, Context};

/// What checking one post gives: its own findings, sorted by position, and
/// its summary for the whole-repository rules when any of them is on.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Option<PostSummary>,
    /// Findings left out because a rule reached
    /// [`rules::MAX_FINDINGS_PER_RULE`] in this post.
    pub over_limit: usize,
    /// The post's `date`, the one thing that makes its findings depend on
    /// the moment it is checked at.
    pub date: Option<jiff::Timestamp>,
}

/// Check one post from one parse. No I/O: the caller reads the file and
/// resolves its settings.
pub fn check(path: &Path, text: &str, config: &Config) -> Checked {
    let post = Post::parse(text, config.settings.parse_options(&config.site));
    let (diagnostics, over_limit) = check_parsed(path, &post, config);
    Checked {
        diagnostics,
        summary: summary_of(path, &post, config).map(|s| s.compact()),
        over_limit,
        date: post
            .date
            .as_ref()
            .and_then(|d| d.value.as_ref().ok().copied()),
    }
}

/// Only the summary [`check`] gives, from a parse without the rules: for a
/// post read again to confirm it is still the one summarised.
pub fn summarize(path: &Path, text: &str, config: &Config) -> Option<PostSummary> {
    summarize_full(path, text, config).map(|s| s.compact())
}

/// The full summary, strings and all, whose compact form [`summarize`]
/// gives: for a post a whole-repository rule is about to report.
pub fn summarize_full(path: &Path, text: &str, config: &Config) -> Option<FullSummary> {
    let post = Post::parse(text, config.settings.parse_options(&config.site));
    summary_of(path, &post, config)
}

/// Whether any whole-repository rule is on, so that summaries are worth
/// keeping.
pub fn any_enabled(config: &Config) -> bool {
    summary_needs(config).is_some()
}

/// Whether a rule that looks references up is on, so that the sites'
/// files are worth walking.
pub fn wants_links(config: &Config) -> bool {
    summary_needs(config).is_some_and(|w| w.links)
}

/// What the summaries must hold for the rules `config` turns on, as the
/// rules declare it; `None` when no rule reads them.
fn summary_needs(config: &Config) -> Option<Wanted> {
    rules::summary_needs(|i| config.level(i).is_some())
}

fn summary_of(path: &Path, post: &Post, config: &Config) -> Option<FullSummary> {
    summary_needs(config).map(|wanted| {
        let now = now(config).instant;
        crate::model::summary::full::summarize(path, post, &config.site, now, wanted, config.page)
    })
}

/// The moment future dates are judged against: the settings' (`--now`, or
/// the clock as a CLI run read it once), else the clock now.
fn now(config: &Config) -> Now {
    config.now.unwrap_or_else(super::clock)
}

fn check_parsed(path: &Path, post: &Post, config: &Config) -> (Vec<Diagnostic>, usize) {
    let mut ctx = Context::new(path, post, &config.settings, &config.site, now(config));
    ctx.page = config.page;
    // Rules of the `suppression` family judge the suppressions, so they run
    // after the others' findings have been suppressed.
    let level = |i| config.level(i);
    let mut out = rules::run_post(&ctx, level, |family| family != "suppression");
    let suppressions = &post.suppressions;
    let mut used = vec![false; suppressions.regions.len()];
    if !suppressions.regions.is_empty() {
        let found: Vec<(&str, &str, usize)> = out
            .iter()
            .map(|d| {
                let family = rules::find(d.rule).map_or("", |(_, r)| r.meta().family.as_str());
                (d.rule, family, d.span.start)
            })
            .collect();
        let (suppressed, by_region) = suppressions.match_all(&found);
        used = by_region;
        let mut hidden = suppressed.into_iter();
        out.retain(|_| !hidden.next().unwrap_or(false));
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
    sort(&mut out);
    (out, ctx.over_limit.get())
}

/// Sort a post's findings by position, then rule.
pub fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
}
