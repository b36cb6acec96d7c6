//! `timestamp-malformed`: the timestamp comment is not an epoch time.

use super::comment_value;
use crate::diagnostic::{Edit, Fix};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let (Some(comment), Some(Err(why))) = (&post.timestamp, &post.timestamp_value) else {
        return;
    };
    let mut d = out
        .diagnostic(
            comment.span.clone(),
            format!("timestamp comment is not an epoch time: {why}"),
        )
        .label("expected `<!--` epoch milliseconds `-->`");
    match post.date.as_ref().map(|d| &d.value) {
        Some(Ok(date)) => {
            let value = comment_value(*date, ctx.settings.timestamp.unit, None);
            d = d
                .help(format!("the front matter `date` gives `<!--{value}-->`"))
                .fix(Fix::unsafe_(
                    "regenerate the comment from `date`",
                    vec![Edit {
                        range: comment.value.clone(),
                        content: value,
                    }],
                ));
        }
        _ => {
            d = d.help(
                "write the post's publication time as epoch milliseconds, \
                such as `<!--1667234398000-->`",
            )
        }
    }
    out.push(d);
}
