//! `jekyll-duplicate-url`: two posts render to the same URL, so one overwrites the other.

use crate::model::summary::full::Wanted;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// Only the parts every summary holds.
pub const NEEDS: Wanted = Wanted::NOTHING;

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let (pairs, full) = ctx.repeats(
        |s| s.output.map(|o| o.file),
        |s| s.output.as_ref().map(|o| o.site_file()),
    );
    for (i, j) in pairs {
        let other = &ctx.posts[j];
        let (Some(output), Some(other_output)) = (&full[&i].output, &full[&j].output) else {
            continue;
        };
        out.push(
            i,
            out.diagnostic(
                output.span.clone(),
                format!(
                    "`{}` has the same URL, so Jekyll writes one post over the other",
                    other.path
                ),
            )
            .label(format!("URL `{}`", output.url))
            .related_in(
                other.path,
                other_output.span.clone(),
                "first post with this URL",
            )
            .help(format!(
                "both are written to `_site/{}`; delete one if they are the \
                same article, or give one another slug (in its file name, \
                or as `slug:`) or a `permalink`",
                output.file
            )),
        );
    }
}
