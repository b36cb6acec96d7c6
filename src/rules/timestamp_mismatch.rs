use jiff::Timestamp;

use crate::config::{FixDirection, TimestampUnit};
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::date::{human_difference, iso, restyle};
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let post = ctx.post;
    let (Some(comment), Some(Ok(stamp)), Some(date)) = (&post.timestamp, &post.timestamp_value, &post.date) else {
        return;
    };
    let Ok(date_value) = &date.value else { return };
    let written = post.slice(&comment.value);
    // A comment in seconds is compared with `date` cut to whole seconds.
    let date_ms = if in_seconds(ctx.options.timestamp_unit, Some(written)) {
        date_value.as_second() as i128 * 1000
    } else {
        date_value.as_millisecond() as i128
    };
    let diff = stamp.as_millisecond() as i128 - date_ms;
    if diff.unsigned_abs() <= ctx.options.tolerance_ms as u128 {
        return;
    }
    let value = comment_value(*date_value, ctx.options.timestamp_unit, Some(written));
    let direction = if diff > 0 { "later" } else { "earlier" };
    let mut d = Diagnostic::new(
            "timestamp-mismatch",
            comment.value.clone(),
            format!(
                "timestamp comment {} is {} {direction} than `date` {}",
                iso(*stamp),
                human_difference(diff),
                iso(*date_value)
            ),
        )
        .label(format!("this is {}", iso(*stamp)))
        .related(date.span.clone(), format!("`date` is {}", iso(*date_value)))
        .help(format!(
            "if `date` is right, write the comment as `<!--{value}-->`; if the comment is right, set `date: {}`",
            iso(*stamp)
        ))
    ;
    d.fix = match ctx.options.fix_direction {
            FixDirection::Comment => Some(Fix::unsafe_(
                "rewrite the comment from `date`",
                vec![Edit {
                    range: comment.value.clone(),
                    content: value,
                }],
            )),
            FixDirection::Date => restyle(post.slice(&date.span), *stamp).map(|content| {
                Fix::unsafe_(
                    "rewrite `date` from the comment",
                    vec![Edit {
                        range: date.span.clone(),
                        content,
                    }],
                )
            }),
    };
    out.push(d);
}

/// The comment text for `date`: milliseconds, or seconds when the unit says
/// so (or, in `auto`, when the existing comment is written in seconds).
pub fn comment_value(date: Timestamp, unit: TimestampUnit, written: Option<&str>) -> String {
    if in_seconds(unit, written) {
        date.as_second().to_string()
    } else {
        date.as_millisecond().to_string()
    }
}

/// Is the comment (as `written`, if there is one) in seconds?
fn in_seconds(unit: TimestampUnit, written: Option<&str>) -> bool {
    match unit {
        TimestampUnit::Seconds => true,
        TimestampUnit::Milliseconds => false,
        TimestampUnit::Auto => written.is_some_and(|w| w.trim_start_matches('-').len() == 10),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::{Config, FixDirection};

    fn fixed(date: &str, direction: FixDirection) -> String {
        let post = format!(
            "---\ntitle: \"Archive\"\ndate: {date}\nfrom: https://news.example.com/a.html\n---\n<!--1667345400000-->\n"
        );
        let mut config = Config::default();
        config.options.fix_direction = direction;
        let out = crate::engine::fix(Path::new("_drafts/a.md"), &post, &config, true);
        assert!(out.remaining.is_empty(), "{:?}", out.remaining);
        out.text
    }

    #[test]
    fn the_fix_rewrites_the_chosen_side() {
        assert!(
            fixed("2022-11-03T09:15:00Z", FixDirection::Comment).contains("<!--1667466900000-->")
        );
        let out = fixed("2022-11-03T09:15:00.000Z", FixDirection::Date);
        assert!(out.contains("\ndate: 2022-11-01T23:30:00.000Z\n"), "{out}");
        assert!(out.contains("<!--1667345400000-->"));
        let out = fixed("\"2022-11-03 17:15:00 +08:00\"", FixDirection::Date);
        assert!(out.contains("\ndate: \"2022-11-02 07:30:00 +08:00\"\n"), "{out}");
    }
}
