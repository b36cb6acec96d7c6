//! Finding the references that nothing answers to: on the compact
//! summaries' hashes first, then on the full summaries of the few files
//! that hold one.

pub mod nearest;

use foldhash::{HashSet, HashSetExt};

use crate::model::summary::full::FullSummary;
use crate::model::summary::links::{FileLink, LinkKind};
use crate::model::summary::site_outputs::SiteOutputs;
use crate::rules::RepoContext;

/// A file with references of the kinds asked for that nothing answers to:
/// its index in [`RepoContext::posts`], its full summary, and those
/// references.
pub struct Unresolved<'c> {
    pub post: usize,
    pub full: FullSummary,
    pub links: Vec<FileLink>,
    /// The site the file belongs to.
    pub site: &'c SiteOutputs,
}

/// The keys the posts and pages checked answer to.
pub fn provided(ctx: &RepoContext) -> HashSet<u64> {
    let mut known: HashSet<u64> = HashSet::with_capacity(ctx.posts.len() * 2);
    for post in ctx.posts {
        known.extend(post.summary.provides.iter().copied());
    }
    known
}

/// The references of a kind `kind` accepts that no file of any site, and
/// no post or page checked (which answer to `known`, see [`provided`]),
/// answers to.
pub fn unresolved<'c>(
    ctx: &RepoContext<'c>,
    known: &HashSet<u64>,
    kind: impl Fn(LinkKind) -> bool,
) -> Vec<Unresolved<'c>> {
    let wanted = |l: &crate::model::summary::compact::LinkHashes| kind(l.kind);
    if !ctx.posts.iter().any(|p| p.summary.links.iter().any(wanted)) {
        return Vec::new();
    }
    let found = |k: &u64| known.contains(k) || ctx.sites.iter().any(|s| s.keys.contains_key(k));
    let candidates: Vec<usize> = (0..ctx.posts.len())
        .filter(|&i| {
            ctx.posts[i]
                .summary
                .links
                .iter()
                .any(|l| wanted(l) && !l.keys.iter().any(found))
        })
        .collect();
    if candidates.is_empty() || ctx.sites.is_empty() {
        return Vec::new();
    }
    let mut full = ctx.fetch(&candidates);
    let mut out = Vec::new();
    for i in candidates {
        let Some(summary) = full.remove(&i) else {
            continue;
        };
        // The full summary is the compact one's own (the caller checks),
        // so its links are in the same order.
        let links: Vec<FileLink> = summary
            .links
            .iter()
            .zip(ctx.posts[i].summary.links.iter())
            .filter(|(_, l)| wanted(l) && !l.keys.iter().any(found))
            .map(|(f, _)| f.clone())
            .collect();
        if links.is_empty() {
            continue;
        }
        // Without its site's files, nothing can be said of a reference.
        let Some(site) = ctx.sites.iter().find(|s| s.site == summary.site) else {
            continue;
        };
        out.push(Unresolved {
            post: i,
            full: summary,
            links,
            site,
        });
    }
    out
}
