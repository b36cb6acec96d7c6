use jiff::tz::TimeZone;

use crate::model::jekyll::{in_posts, post_name};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if !in_posts(ctx.path) {
        return;
    }
    let (Some(name), Some(date)) = (crate::model::jekyll::file_name(ctx.path), &ctx.post.date)
    else {
        return;
    };
    let (Some(post_name), Ok(instant)) = (post_name(name), &date.value) else {
        return;
    };
    let Some(file_date) = post_name.date else {
        return;
    };
    let zone = &ctx.site.timezone;
    let local = zone.to_datetime(*instant);
    if local.date() == file_date {
        return;
    }
    let zone_name = zone.iana_name().unwrap_or(if *zone == TimeZone::UTC {
        "UTC"
    } else {
        "its zone"
    });
    out.push(
        out.diagnostic(
            date.span.clone(),
            format!(
                "`date` is {} in the site's time zone ({zone_name}), but the \
                file name says {file_date}",
                local.date()
            ),
        )
        .label(format!("{} in {zone_name}", local))
        .help(format!(
            "Jekyll takes the URL's date from `date`, so the post is \
            published under {}; rename the file or correct `date` (or \
            the site's `timezone`)",
            local.date()
        )),
    );
}
