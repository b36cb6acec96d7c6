//! `tag-link-unknown-tag`: a link to the site's own tag page names a tag no post has.

use foldhash::HashSet;

use crate::model::summary::compact::hash;
use crate::model::summary::full::Wanted;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// The tags of the site's tag links, which only this rule reads.
pub const NEEDS: Wanted = Wanted {
    tag_links: true,
    links: false,
    fragments: false,
};

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    // A key whose hash no post's tag has is no post's tag; only a key whose
    // hash collides with another tag's passes for known.
    let tags: HashSet<u64> = ctx
        .posts
        .iter()
        .flat_map(|p| p.summary.tags.iter().copied())
        .collect();
    let unknown = |key: u64| !tags.contains(&key);
    let posts: Vec<usize> = (ctx.posts.iter().enumerate())
        .filter(|(_, p)| p.summary.tag_links.iter().any(|l| unknown(l.key)))
        .map(|(i, _)| i)
        .collect();
    let full = ctx.fetch(&posts);
    for i in posts {
        let Some(post) = full.get(&i) else {
            continue;
        };
        for link in &post.tag_links {
            if !unknown(hash(&link.key)) {
                continue;
            }
            out.push(
                i,
                out.diagnostic(
                    link.span.clone(),
                    format!(
                        "this link goes to the site's page for the tag `{}`, but no \
                        post has that tag",
                        link.tag
                    ),
                )
                .label("no post has this tag")
                .help(
                    "the tag page does not exist, so the link is dead; link to a \
                    tag some post has in its `tags`, or add the tag to the \
                    posts it describes",
                ),
            );
        }
    }
}
