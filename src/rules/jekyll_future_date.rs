use jiff::Timestamp;

use crate::diagnostic::Diagnostic;
use crate::model::date::iso;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.options.site_future {
        return;
    }
    let Some(date) = &ctx.post.date else { return };
    let Ok(instant) = date.value else { return };
    let now = ctx.options.now.unwrap_or_else(Timestamp::now);
    if instant <= now {
        return;
    }
    out.push(
        Diagnostic::new(
            "jekyll-future-date",
            date.span.clone(),
            format!("`date` {} is in the future: Jekyll does not publish the post until then", iso(instant)),
        )
        .label(match ctx.options.now {
            Some(now) => format!("after --now {}", iso(now)),
            None => "later than now".to_string(),
        })
        .help("correct `date`, or set `future: true` in the site's `_config.yml` to publish posts dated in the future"),
    );
}
