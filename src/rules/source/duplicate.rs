//! `source-duplicate`: two posts have the same source URL.

use crate::model::summary::full::Wanted;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// Only the parts every summary holds.
pub const NEEDS: Wanted = Wanted::NOTHING;

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let (pairs, full) = ctx.repeats(
        |s| s.source.map(|s| s.url),
        |s| s.source.as_ref().map(|(source, _)| source.clone()),
    );
    for (i, j) in pairs {
        let other = &ctx.posts[j];
        let (Some((_, span)), Some((_, other_span))) = (&full[&i].source, &full[&j].source) else {
            continue;
        };
        out.push(
            i,
            out.diagnostic(
                span.clone(),
                format!(
                    "this post has the same source as `{}`: the article is in the repository twice",
                    other.path
                ),
            )
            .label("same source")
            .related_in(
                other.path,
                other_span.clone(),
                "first post from this source",
            )
            .help(
                "delete the later copy, or correct its source URL if it \
                names the wrong article",
            ),
        );
    }
}
