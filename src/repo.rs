//! The second phase: whole-repository rules over every post's summary.
//! Pure like [`crate::check`]: the caller keeps the summaries.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::summary::{PostSummary, Wanted};
use crate::rules::{self, RULES, RepoContext, RepoDiagnostic, Summarized};

/// Whether any whole-repository rule is on, so that summaries are worth
/// keeping.
pub fn any_enabled(config: &Config) -> bool {
    RULES
        .iter()
        .enumerate()
        .any(|(i, r)| r.is_repo() && config.level(i).is_some())
}

/// What the summaries must hold for the rules `config` turns on.
pub fn wanted(config: &Config) -> Wanted {
    let on = |id: &str| rules::find(id).is_some_and(|(i, _)| config.level(i).is_some());
    Wanted {
        tag_links: on("tag-link-unknown-tag"),
    }
}

/// Run the enabled whole-repository rules over `posts`, in the order they
/// are to be taken: by date, then path. The later post of a pair is the
/// one reported.
/// Findings come back in post order, then by position, with their
/// severities set and the posts' suppressions applied.
pub fn check_repo(posts: &[Summarized], config: &Config) -> Vec<RepoDiagnostic> {
    let ctx = RepoContext {
        posts,
        settings: &config.settings,
    };
    let mut out = rules::run_repo(&ctx, |i| config.level(i));
    out.retain(|d| !suppressed(posts[d.post].summary, &d.diagnostic));
    out.sort_by(|a, b| {
        let key = |d: &RepoDiagnostic| (d.post, d.diagnostic.span.start, d.diagnostic.rule);
        key(a).cmp(&key(b))
    });
    out
}

/// The order the whole-repository rules take posts in: by date, as Jekyll
/// does (posts without one last), then by path.
pub fn order_key<'a>(
    summary: &PostSummary,
    path: &'a str,
) -> (bool, Option<jiff::Timestamp>, &'a str) {
    (summary.date.is_none(), summary.date, path)
}

fn suppressed(summary: &PostSummary, d: &Diagnostic) -> bool {
    let family = rules::find(d.rule).map_or("", |(_, r)| r.meta().family.as_str());
    summary.suppressions.iter().any(|(name, region)| {
        name.as_deref().is_none_or(|n| n == d.rule || n == family) && region.contains(&d.span.start)
    })
}

/// Check a set of posts held in memory, both phases: each post's own rules,
/// then the whole-repository rules across them (taking the posts by date,
/// then path). The result has one list per post, in the order given. Paths
/// are shown as given.
pub fn check_posts(posts: &[(&Path, &str)], config: &Config) -> Vec<Vec<Diagnostic>> {
    let mut found = Vec::with_capacity(posts.len());
    let mut summaries = Vec::with_capacity(posts.len());
    for (path, text) in posts {
        let (diagnostics, summary) = crate::check_and_summarize(path, text, config);
        found.push(diagnostics);
        summaries.push(summary.unwrap_or_default());
    }
    let shown: Vec<String> = posts
        .iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    let mut order: Vec<usize> = (0..posts.len()).collect();
    order.sort_by(|&a, &b| {
        order_key(&summaries[a], &shown[a]).cmp(&order_key(&summaries[b], &shown[b]))
    });
    let sorted: Vec<Summarized> = order
        .iter()
        .map(|&i| Summarized {
            path: &shown[i],
            summary: &summaries[i],
        })
        .collect();
    for d in check_repo(&sorted, config) {
        let list = &mut found[order[d.post]];
        list.push(d.diagnostic);
        list.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
    }
    found
}
