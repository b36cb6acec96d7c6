//! Checking one post: parse it once, run its rules, apply its suppressions,
//! and summarise it for the whole-repository rules.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Post;
use crate::model::summary::PostSummary;
use crate::rules::{self, Context, RULES};

/// What checking one post gives: its own findings, sorted by position, and
/// its summary for the whole-repository rules when any of them is on.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Option<PostSummary>,
}

/// Check one post from one parse. No I/O: the caller reads the file and
/// resolves its settings.
pub fn check(path: &Path, text: &str, config: &Config) -> Checked {
    let post = Post::parse(text, &config.options);
    Checked {
        diagnostics: check_parsed(path, &post, config),
        summary: summary_of(path, &post, config),
    }
}

/// Only the summary [`check`] gives, from a parse without the rules: for a
/// post read again to confirm it is still the one summarised.
pub fn summarize(path: &Path, text: &str, config: &Config) -> Option<PostSummary> {
    summary_of(path, &Post::parse(text, &config.options), config)
}

fn summary_of(path: &Path, post: &Post, config: &Config) -> Option<PostSummary> {
    super::repo::any_enabled(config).then(|| {
        crate::model::summary::summarize(path, post, &config.options, super::repo::wanted(config))
    })
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
    sort(&mut out);
    out
}

/// Sort a post's findings by position, then rule.
pub fn sort(found: &mut [Diagnostic]) {
    found.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
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
