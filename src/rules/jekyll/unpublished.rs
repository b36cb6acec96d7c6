//! `jekyll-unpublished`: a post sets `published: false`, or is a draft in `_posts`.

use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::path::in_posts;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let fm = &ctx.post.front_matter;
    // Jekyll leaves a post out when `published` is the boolean false; the
    // string "false" is truthy in Ruby and publishes it.
    if let Some(entry) = fm.get("published")
        && entry.value.scalar() == Some(&Scalar::Bool(false))
    {
        out.push(
            out.diagnostic(
                entry.value.span.clone(),
                "`published` is false: Jekyll leaves this post out of the site",
            )
            .label("not published")
            .help(
                "remove `published: false` to publish the post, or move it \
                to `_drafts` while it is not ready",
            ),
        );
    }
    // `draft: true` means nothing to Jekyll: a post in `_posts` is published.
    if in_posts(ctx.path)
        && let Some(entry) = fm.get("draft")
        && entry.value.scalar() == Some(&Scalar::Bool(true))
    {
        out.push(
            out.diagnostic(
                entry.value.span.clone(),
                "the post is marked as a draft, but Jekyll ignores `draft` \
                and publishes every post in `_posts`",
            )
            .label("a draft in `_posts`")
            .help(
                "move the post to `_drafts` (without the date in its name) \
                while it is not ready, or set `published: false`; remove \
                `draft` once it is",
            ),
        );
    }
}
