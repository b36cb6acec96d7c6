//! `timestamp-mismatch`: the timestamp comment disagrees with `date`.

use super::comment_value;
use crate::diagnostic::{Edit, Fix};
use crate::model::date::format::{human_difference, iso, restyle};
use crate::rules::options::{Configurable, OptionError, Value};
use crate::rules::{Context, Sink};

/// `[rules.timestamp-mismatch]`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `tolerance-ms`: a difference up to this is no finding.
    pub tolerance_ms: i64,
    /// `fix-direction`: which side the fix rewrites.
    pub fix_direction: FixDirection,
}

/// Which side of a timestamp mismatch the fix rewrites.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixDirection {
    /// Rewrite the comment from `date`.
    #[default]
    Comment,
    /// Rewrite `date` from the comment, in the style `date` is written in.
    Date,
}

const FIX_DIRECTION_HELP: &str = "use \"comment\" (rewrite the comment from `date`) \
    or \"date\" (rewrite `date` from the comment)";

impl Configurable for Options {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "tolerance-ms" => {
                let n = value.integer()?;
                if n < 0 {
                    return Err(value.error("tolerance must not be negative".into(), None));
                }
                self.tolerance_ms = n;
            }
            "fix-direction" => {
                self.fix_direction = match value.string()? {
                    "comment" => FixDirection::Comment,
                    "date" => FixDirection::Date,
                    other => {
                        return Err(value.error(
                            format!("unknown fix direction `{other}`"),
                            Some(FIX_DIRECTION_HELP),
                        ));
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let (Some(comment), Some(Ok(stamp)), Some(date)) =
        (&post.timestamp, &post.timestamp_value, &post.date)
    else {
        return;
    };
    let Ok(date_value) = &date.value else { return };
    if date.misread.is_some() {
        // front-matter-invalid-date asks for the day meant first.
        return;
    }
    let written = post.slice(&comment.value);
    let unit = ctx.settings.timestamp.unit;
    let options = ctx.settings.rule::<Options>();
    // A comment in seconds is compared with `date` cut to whole seconds.
    let date_ms = if unit.in_seconds(Some(written)) {
        date_value.as_second() as i128 * 1000
    } else {
        date_value.as_millisecond() as i128
    };
    let diff = stamp.as_millisecond() as i128 - date_ms;
    if diff.unsigned_abs() <= options.tolerance_ms as u128 {
        return;
    }
    let value = comment_value(*date_value, unit, Some(written));
    let direction = if diff > 0 { "later" } else { "earlier" };
    let mut d = out
        .diagnostic(
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
            "if `date` is right, write the comment as `<!--{value}-->`; \
            if the comment is right, set `date: {}`",
            iso(*stamp)
        ));
    d.fix = match options.fix_direction {
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

#[cfg(test)]
mod tests {
    use super::{FixDirection, Options};
    use crate::rules::Settings;
    use crate::rules::tests::{apply, check};

    fn fixed(date: &str, direction: FixDirection) -> String {
        let post = format!(
            "---\ntitle: \"Archive\"\ndate: {date}\nfrom: \
            https://news.example.com/a.html\n---\n<!--1667345400000-->\n"
        );
        let mut settings = Settings::default();
        settings.rule_options_mut::<Options>().fix_direction = direction;
        let found = check("_drafts/a.md", &post, &settings);
        assert_eq!(found.len(), 1, "{found:?}");
        let text = apply(&post, found[0].fix.as_ref().expect("a fix"));
        let remaining = check("_drafts/a.md", &text, &settings);
        assert!(remaining.is_empty(), "{remaining:?}");
        text
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
        assert!(
            out.contains("\ndate: \"2022-11-02 07:30:00 +08:00\"\n"),
            "{out}"
        );
    }
}
