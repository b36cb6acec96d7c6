//! `timestamp-missing`: the body does not open with a timestamp comment.

use super::comment_value;
use crate::diagnostic::{Edit, Fix};
use crate::model::text::lines::lines_from;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let Some(block) = post.front_matter.block() else {
        return;
    };
    if post.front_matter.entries().is_none() || post.timestamp.is_some() {
        return;
    }
    let line = lines_from(post.text, post.body_start)
        .next()
        .unwrap_or(post.body_start..post.body_start);
    let mut d = out
        .diagnostic(line, "body does not open with a timestamp comment")
        .label("expected `<!--` epoch milliseconds `-->` before this line")
        .related(block.close.clone(), "front matter ends here");
    // A date Jekyll misreads is front-matter-invalid-date's to correct
    // first: a comment made from it would pin the misreading.
    match post
        .date
        .as_ref()
        .filter(|d| d.misread.is_none())
        .map(|d| &d.value)
    {
        Some(Ok(date)) => {
            let value = comment_value(*date, ctx.settings.timestamp.unit, None);
            let newline = if post.text[block.close.end..].starts_with("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            d = d
                .help(format!(
                    "add `<!--{value}-->` as the first line of the body"
                ))
                .fix(Fix::unsafe_(
                    "insert the comment from `date`",
                    vec![Edit {
                        range: post.body_start..post.body_start,
                        // A file ending right after `---` needs a line break first.
                        content: if post.body_start == block.close.end {
                            format!("{newline}<!--{value}-->{newline}")
                        } else {
                            format!("<!--{value}-->{newline}")
                        },
                    }],
                ));
        }
        _ => {
            d = d.help(
                "add the publication time as `<!--` epoch milliseconds `-->` \
                on the first line of the body",
            )
        }
    }
    out.push(d);
}
