//! `source-header-mismatch`: the header link disagrees with the source URL or the title.

use url::Url;

use crate::diagnostic::{Edit, Fix};
use crate::model::tag::pattern::percent_decode_strict;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let Some(header) = &post.header else { return };
    let Some(entries) = post.front_matter.entries() else {
        return;
    };
    let rewrite = |title: &str, url: &str| {
        Fix::unsafe_(
            "rewrite the header link from the front matter",
            vec![Edit {
                range: header.span.clone(),
                content: format!("[{}]({url})", escape_link_text(&collapse(title))),
            }],
        )
    };
    let title = entries.iter().rev().find(|e| e.key == "title");
    // An empty title is front-matter-missing-key's finding, not this rule's.
    let title_text = title
        .filter(|t| !t.value.is_null())
        .and_then(|t| t.value.as_str())
        .filter(|t| !t.trim().is_empty());
    if let Some(source) = &post.source
        && let (Some(from), Some(Ok(from_url))) = (&source.text, &source.url)
    {
        let header_url = post.slice(&header.url);
        // A `from` encoded twice is source-double-encoded's finding: a header
        // link that matches it decoded once agrees with the source.
        let once = from_url.as_str().replace("%25", "%");
        let same = Url::parse(header_url).is_ok_and(|h| {
            normalize(&h) == normalize(from_url)
                || Url::parse(&once).is_ok_and(|o| normalize(&h) == normalize(&o))
        });
        if !same {
            let mut d = out
                .diagnostic(
                    header.url.clone(),
                    format!("header link URL is not the source URL `{}`", source.key),
                )
                .label("the header link points here")
                .related(
                    source.value_span.clone(),
                    format!("`{}` is this URL", source.key),
                )
                .help(format!(
                    "point the header link at `{from}`, or correct `{}`",
                    source.key
                ));
            if let Some(t) = title_text {
                d = d.fix(rewrite(t, from));
            }
            out.push(d);
        }
    }
    let (Some(title), Some(title_text)) = (title, title_text) else {
        return;
    };
    let text = unescape_link_text(post.slice(&header.text));
    // The same words, spaced alike once collapsed: compared word by word,
    // without making either.
    if !text.split_whitespace().eq(title_text.split_whitespace()) {
        let mut d = out
            .diagnostic(header.text.clone(), "header link text is not the `title`")
            .label("the header link says this")
            .related(title.value.span.clone(), "the title says this")
            .help("make the header link text the same as `title`");
        if let Some(from) = post
            .source
            .as_ref()
            .and_then(|s| s.text.as_deref())
            .filter(|s| !s.is_empty())
        {
            d = d.fix(rewrite(title_text, from));
        }
        out.push(d);
    }
}

/// Compare URLs after parsing, with escapes decoded.
fn normalize(url: &Url) -> String {
    let s = url.as_str();
    percent_decode_strict(s).unwrap_or_else(|_| s.to_string())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove Markdown backslash escapes (`\[` → `[`).
fn unescape_link_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) if n.is_ascii_punctuation() => out.push(n),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escape what would end the link text early.
fn escape_link_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}
