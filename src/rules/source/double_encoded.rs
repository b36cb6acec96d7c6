//! `source-double-encoded`: the source URL is percent-encoded twice.

use crate::diagnostic::{Edit, Fix};
use crate::model::tag::pattern::percent_decode_strict;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let Some(source) = &post.source else { return };
    let (Some(text), Some(Ok(_))) = (&source.text, &source.url) else {
        return;
    };
    let Some(once) = decode_once(text) else {
        return;
    };
    // One edit per URL, however many escapes it holds.
    let mut edits: Vec<Edit> = percent25_edit(post.text, &source.value_span)
        .into_iter()
        .collect();
    if let Some(header) = &post.header
        && post.slice(&header.url) == text
    {
        edits.extend(percent25_edit(post.text, &header.url));
    }
    let fixable = url::Url::parse(&once).is_ok();
    let mut d = out
        .diagnostic(
            source.value_span.clone(),
            format!("source URL `{}` is percent-encoded twice", source.key),
        )
        .label("`%25` encodes a `%` that was already an escape")
        .help(format!("decode one level: `{once}`"));
    if fixable {
        d = d.fix(Fix::safe("decode one level of percent-encoding", edits));
    }
    out.push(d);
}

/// When `url` holds `%25XX` escapes whose one-level decoding is valid
/// percent-encoded UTF-8, return that decoding.
fn decode_once(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let has_double = b
        .windows(5)
        .any(|w| w.starts_with(b"%25") && w[3].is_ascii_hexdigit() && w[4].is_ascii_hexdigit());
    if !has_double {
        return None;
    }
    let once = url.replace("%25", "%");
    percent_decode_strict(&once).ok()?;
    Some(once)
}

/// One edit turning every `%25` in `span` into `%`: it runs from the first
/// `%25` to the end of the last, so it touches nothing else.
fn percent25_edit(text: &str, span: &std::ops::Range<usize>) -> Option<Edit> {
    let url = &text[span.clone()];
    let first = url.find("%25")?;
    let last = url.rfind("%25")? + 3;
    Some(Edit {
        range: span.start + first..span.start + last,
        content: url[first..last].replace("%25", "%"),
    })
}
