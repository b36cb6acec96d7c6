//! `jekyll-filename`: a file in `_posts` is not named `YYYY-MM-DD-slug.ext`.

use crate::model::jekyll::path::{
    below_posts, in_posts, kept_beside_posts, post_name, skipped_in_posts,
};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if !in_posts(ctx.path) {
        return;
    }
    let Some(name) = crate::model::jekyll::path::file_name(ctx.path) else {
        return;
    };
    // On an ordinary site, Jekyll skips a file not named as a post, as its
    // owner means when it is a README, a template for new posts or a name
    // Jekyll hides. In a folder below `_posts` only a file that is plainly
    // a post is reported: its name starts with a date written wrongly
    // (`03-01-tides.md`), or its front matter has a `date`. Others there
    // are partials read by `{% include_relative %}`, or pages kept beside
    // the posts, which Jekyll skips as their owner means.
    if !ctx.is_mirror() && skipped_in_posts(ctx.path) {
        let plainly_a_post = name.starts_with(|c: char| c.is_ascii_digit())
            || ctx.post.front_matter.get("date").is_some();
        if kept_beside_posts(name) || (below_posts(ctx.path) && !plainly_a_post) {
            return;
        }
    }
    let span = ctx.post.start..ctx.post.start;
    match post_name(name) {
        None if !name.contains('.') => out.push(
            out.diagnostic(
                span,
                format!(
                    "`{name}` is in `_posts` but has no extension: Jekyll \
                    does not publish it"
                ),
            )
            .label("this post")
            .help("add the extension of its format, such as `.md` or `.html`"),
        ),
        None => out.push(
            out.diagnostic(
                span,
                format!(
                    "`{name}` is in `_posts` but not named \
                    `YYYY-MM-DD-slug.ext`: Jekyll does not publish it"
                ),
            )
            .label("this post")
            .help(
                "rename it to its date and a slug, such as \
                `2022-10-31-bridge-reopens.md`, or move it to `_drafts`",
            ),
        ),
        // Jekyll reads the name's date only for a post whose front matter
        // (or `defaults:`) gives none, with Ruby's `Time.parse`, which
        // rolls a day past the month's end over into the next month.
        Some(n)
            if n.date.is_none()
                && ctx.post.front_matter.get("date").is_none()
                && ctx.site.default_for(ctx.path, "date").flatten().is_none() =>
        {
            let message = match rolled_over(n.date_text, &ctx.site.timezone) {
                Some(day) => format!(
                    "the file name's date `{}` is not on the calendar: Jekyll \
                    publishes the post on {day}",
                    n.date_text
                ),
                None => format!(
                    "the file name's date `{}` is not on the calendar: Jekyll \
                    stops with `Invalid date`",
                    n.date_text
                ),
            };
            out.push(
                out.diagnostic(span, message)
                    .label("this post")
                    .help("rename the file with the post's real date"),
            )
        }
        Some(_) => {}
    }
}

/// The day Jekyll publishes a post named with `date`, a `YYYY-MM-DD` not
/// on the calendar, in the site's `zone`: Ruby's `Time.parse`, which counts
/// a day past the month's end on into the next month, or `None` where it
/// raises and Jekyll stops with `Invalid date`.
fn rolled_over(date: &str, zone: &jiff::tz::TimeZone) -> Option<jiff::civil::Date> {
    let reading = crate::model::date::ruby_time::time::time_parse(date, zone).ok()?;
    Some(zone.to_datetime(reading.instant).date())
}

#[cfg(test)]
mod tests {
    use super::rolled_over;

    #[test]
    fn days_past_the_month_roll_over_as_in_ruby() {
        // `Time.parse` in Ruby 3.1, as Jekyll 4.3 calls it.
        for (name, day) in [
            ("2016-06-31", Some("2016-07-01")),
            ("2016-02-30", Some("2016-03-01")),
            ("2016-02-31", Some("2016-03-02")),
            ("2015-02-29", Some("2015-03-01")),
            ("16-06-31", Some("2016-07-01")),
            ("2016-01-32", None),
            ("2016-13-01", None),
            ("2016-00-10", None),
            ("2016-01-00", None),
            ("2023-27-11", None),
        ] {
            assert_eq!(
                rolled_over(name, &jiff::tz::TimeZone::UTC).map(|d| d.to_string()),
                day.map(str::to_string),
                "{name}"
            );
        }
    }
}
