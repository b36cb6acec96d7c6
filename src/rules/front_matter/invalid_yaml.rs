//! `front-matter-invalid-yaml`: the front matter is not valid YAML.

use crate::model::FrontMatter;
use crate::model::text::boundary::ceil_char_boundary;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let FrontMatter::Invalid { error, block } = &ctx.post.front_matter else {
        return;
    };
    let text = ctx.post.text;
    let start = error.offset.min(block.yaml.end);
    let end = if start < block.yaml.end {
        ceil_char_boundary(text, start + 1)
    } else {
        start
    };
    out.push(
        out.diagnostic(
            start..end,
            format!(
                "front matter is not valid YAML: {}",
                readable(&error.message)
            ),
        )
        .label("the YAML parser stopped here")
        .related(block.open.clone(), "front matter starts here")
        .help(
            "quote values that contain `: ` or ` #`, or that start with \
            `[`, `{`, `*`, `&`, `!`, `|`, `>`, `%`, `@` or a backtick; \
            Jekyll skips a post whose front matter does not parse",
        ),
    );
}

/// The parser's message without its internal wording.
fn readable(message: &str) -> String {
    let m = message.trim().trim_end_matches('.');
    let m = m
        .strip_prefix("while parsing a ")
        .map_or(m.to_string(), |rest| format!("in a {rest}"));
    m.replace("did not find expected", "expected")
}
