//! `source-missing`: the source URL key is missing or empty.

use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let (Some(_), Some(block)) = (post.front_matter.entries(), post.front_matter.block()) else {
        return;
    };
    let keys = &ctx.settings.source.keys;
    match &post.source {
        None => out.push(
            out.diagnostic(
                block.open.clone(),
                format!("front matter has no source URL key `{}`", keys[0]),
            )
            .label("in this front matter block")
            .help(format!(
                "add `{}: https://...` with the address of the original \
                article",
                keys[0]
            )),
        ),
        Some(source) if source.text.as_deref() == Some("") => out.push(
            out.diagnostic(
                source.key_span.clone(),
                format!("source URL `{}` is empty", source.key),
            )
            .label("no URL")
            .help(format!(
                "set `{}` to the address of the original article",
                source.key
            )),
        ),
        Some(_) => {}
    }
}
