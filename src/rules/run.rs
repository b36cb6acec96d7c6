//! Running the rules that are on: over one post ([`run_post`]) or over the
//! whole repository ([`run_repo`]).

use super::{Check, Context, MAX_FINDINGS_PER_RULE, RULES, RepoContext, RepoDiagnostic, Sink};
use crate::diagnostic::{Diagnostic, Severity};

/// Families that apply only to mirrors: an ordinary site has no source
/// URL and no timestamp comment, and never means to.
pub const MIRROR_FAMILIES: &[&str] = &["timestamp", "source"];

/// Families that apply only to ordinary sites: a mirror's links are
/// copied from the site it mirrors, and point at that site's pages.
pub const ORDINARY_FAMILIES: &[&str] = &["link"];

/// Families that apply to a site's pages and documents as well as to its
/// posts: the others judge what only a post has.
pub const PAGE_FAMILIES: &[&str] = &["link", "suppression"];

/// Run the per-post rules that are on and whose family `families` accepts,
/// in registry order. `level` gives the severity of the rule at each
/// registry index (`None`: off); each finding comes back with it and with
/// its rule's id, in the order the rules reported them.
pub fn run_post(
    ctx: &Context,
    level: impl Fn(usize) -> Option<Severity>,
    families: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mirror = ctx.is_mirror();
    for (i, rule) in RULES.iter().enumerate() {
        let (Some(level), Check::Post(check)) = (level(i), rule.check) else {
            continue;
        };
        let family = rule.meta().family.as_str();
        if !families(family)
            || (!mirror && MIRROR_FAMILIES.contains(&family))
            || (mirror && ORDINARY_FAMILIES.contains(&family))
            || (ctx.page && !PAGE_FAMILIES.contains(&family))
        {
            continue;
        }
        let start = out.len();
        let mut sink = Sink::new(rule.id, &mut out, MAX_FINDINGS_PER_RULE);
        check(ctx, &mut sink);
        ctx.over_limit.set(ctx.over_limit.get() + sink.dropped);
        for d in &mut out[start..] {
            d.severity = level;
        }
    }
    out
}

/// Run the whole-repository rules that are on (`level` as for
/// [`run_post`]) over the posts of `ctx`. Findings come back in registry
/// order, with their rule's id and severity; the caller applies the posts'
/// suppressions and sorts them.
pub fn run_repo(
    ctx: &RepoContext,
    level: impl Fn(usize) -> Option<Severity>,
) -> Vec<RepoDiagnostic> {
    let mut out = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let (Some(level), Check::Repo(check)) = (level(i), rule.check) else {
            continue;
        };
        let start = out.len();
        // Across a repository there is no limit: each finding is in a
        // different pair of posts.
        check(ctx, &mut Sink::new(rule.id, &mut out, usize::MAX));
        for d in &mut out[start..] {
            d.diagnostic.severity = level;
        }
    }
    out
}
