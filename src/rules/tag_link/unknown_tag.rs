use std::collections::HashSet;

use crate::rules::{RepoContext, RepoDiagnostic, Sink};

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let tags: HashSet<&str> = ctx
        .posts
        .iter()
        .flat_map(|p| p.summary.tags.iter().map(String::as_str))
        .collect();
    for (i, post) in ctx.posts.iter().enumerate() {
        for link in &post.summary.tag_links {
            if tags.contains(link.key.as_str()) {
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
