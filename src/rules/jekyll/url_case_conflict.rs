//! `jekyll-url-case-conflict`: two posts' URLs differ only in case.

use crate::model::summary::full::Wanted;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// Only the parts every summary holds.
pub const NEEDS: Wanted = Wanted::NOTHING;

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let (pairs, full) = ctx.repeats(
        |s| s.output.map(|o| o.folded),
        |s| s.output.as_ref().map(|o| o.site_file().to_lowercase()),
    );
    for (i, j) in pairs {
        let other = &ctx.posts[j];
        let (Some(output), Some(other_output)) = (&full[&i].output, &full[&j].output) else {
            continue;
        };
        // The very same URL is `jekyll-duplicate-url`'s finding.
        if other_output.file == output.file {
            continue;
        }
        out.push(
            i,
            out.diagnostic(
                output.span.clone(),
                format!(
                    "this post's URL differs only in case from that of `{}`",
                    other.path
                ),
            )
            .label(format!("URL `{}`", output.url))
            .related_in(
                other.path,
                other_output.span.clone(),
                format!("URL `{}`", other_output.url),
            )
            .help(
                "macOS and Windows checkouts and many web hosts ignore case, \
                so one page overwrites the other; delete one if they are \
                the same article, or give one another slug or a `permalink`",
            ),
        );
    }
}
