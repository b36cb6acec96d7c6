//! The pass that finds every reference of a body ([`find`]): the Liquid
//! tags first, then what is skipped, then the Markdown and HTML references
//! outside it.

use std::ops::Range;

use super::reference::Reference;
use super::skip::Skips;
use super::{definition, html, liquid, markdown, skip};

/// Every reference in `text[range]` (the body), in the order of their
/// spans. References inside code blocks, code spans, HTML comments,
/// kramdown's `{::comment}` and the Liquid blocks `raw`, `comment` and
/// `highlight` are left out. Linear in the size of the body, whatever its
/// bytes.
pub fn find(text: &str, range: Range<usize>) -> Vec<Reference> {
    let base = range.start;
    let body = &text[range];
    let mut out = Vec::new();
    let tags = liquid::scan(body);
    let mut skipped = tags.skips;
    skipped.extend(skip::kramdown_comments(body));
    let skips = Skips::new(skip::markdown_skips(body), skipped);
    out.extend(
        tags.references
            .into_iter()
            .filter(|r| !skips.contains(r.span.start)),
    );
    let labels = definition::definitions(body, &skips, &mut out);
    markdown::inline_links(body, &skips, &labels, &mut out);
    markdown::autolinks(body, &skips, &mut out);
    html::attributes(body, &skips, &mut out);
    for r in &mut out {
        r.span = base + r.span.start..base + r.span.end;
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    out
}
