//! `jekyll-date-mismatch`: Jekyll publishes the post on another day than the one written in `date`.

use jiff::tz::TimeZone;

use crate::model::jekyll::path::{in_posts, post_name};
use crate::rules::{Context, Sink};

/// Jekyll publishes a post on the day of its `date` in the site's time zone.
/// That day must be the one written in `date`; on a mirror, whose generator
/// names the file from the date, also the one in the file name.
pub fn check(ctx: &Context, out: &mut Sink) {
    if !in_posts(ctx.path) {
        return;
    }
    let Some(date) = &ctx.post.date else { return };
    let Ok(instant) = &date.value else { return };
    if date.misread.is_some() {
        // front-matter-invalid-date says why.
        return;
    }
    let zone = &ctx.site.timezone;
    let local = zone.to_datetime(*instant);
    let published = local.date();
    let zone_name = zone.iana_name().unwrap_or(if *zone == TimeZone::UTC {
        "UTC"
    } else {
        "its zone"
    });
    if let Some(written) = date.written
        && written != published
    {
        let help = if date.utc_without_zone {
            format!(
                "an unquoted date and time without an offset is UTC in YAML; \
                to publish it on {written}, quote it (Jekyll then reads it in \
                the site's zone) or add the offset meant, such as `+01:00`"
            )
        } else {
            format!(
                "Jekyll builds the URL from `date` in the site's zone; to \
                publish it on {written}, write the time with the site's offset \
                or set the site's `timezone` to the zone meant"
            )
        };
        out.push(
            out.diagnostic(
                date.span.clone(),
                format!(
                    "`date` says {written}, but Jekyll publishes the post on \
                    {published} in the site's time zone ({zone_name})"
                ),
            )
            .label(format!("{local} in {zone_name}"))
            .help(help),
        );
        return;
    }
    // On a mirror the file name is made from the date: another day there is
    // a defect of the generator. Elsewhere a front matter date on another
    // day than the file name is how Jekyll sets the publication day.
    if !ctx.is_mirror() {
        return;
    }
    let Some(file_date) = crate::model::jekyll::path::file_name(ctx.path)
        .and_then(post_name)
        .and_then(|n| n.date)
    else {
        return;
    };
    if published == file_date {
        return;
    }
    out.push(
        out.diagnostic(
            date.span.clone(),
            format!(
                "`date` is {published} in the site's time zone ({zone_name}), but the \
                file name says {file_date}"
            ),
        )
        .label(format!("{local} in {zone_name}"))
        .help(format!(
            "Jekyll takes the URL's date from `date`, so the post is \
            published under {published}; rename the file or correct `date` (or \
            the site's `timezone`)"
        )),
    );
}
