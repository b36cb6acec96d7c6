//! `jekyll-future-date`: a post's `date` is in the future, so Jekyll does not publish it.

use crate::model::date::format::iso;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if ctx.site.future {
        return;
    }
    let Some(date) = &ctx.post.date else { return };
    let Ok(instant) = date.value else { return };
    if instant <= ctx.now.instant {
        return;
    }
    out.push(
        out.diagnostic(
            date.span.clone(),
            format!(
                "`date` {} is in the future: Jekyll does not publish the \
                post until then",
                iso(instant)
            ),
        )
        .label(if ctx.now.given {
            format!("after --now {}", iso(ctx.now.instant))
        } else {
            "later than now".to_string()
        })
        .help(
            "correct `date`, or set `future: true` in the site's \
            `_config.yml` to publish posts dated in the future",
        ),
    );
}
