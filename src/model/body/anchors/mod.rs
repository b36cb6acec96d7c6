//! Every link in the body: HTML `<a href>` elements and Markdown
//! `[text](url)`. The [`Anchor`] type; the lol_html driver ([`html`]),
//! which the pre-scanner (`scan`) spares most of the body; and the
//! Markdown links (`markdown`).

mod anchor;
pub mod html;
mod markdown;
pub(crate) mod scan;
#[cfg(test)]
mod tests;

use std::ops::Range;

pub use anchor::{Anchor, AnchorKind};

/// Find the anchors in `text[range]` (the body). `skip` is a span whose
/// Markdown links are not anchors (the header link).
pub fn parse(text: &str, range: Range<usize>, skip: Option<Range<usize>>) -> Vec<Anchor> {
    let base = range.start;
    let body = &text[range.clone()];
    let has = |needle: &[u8]| memchr::memmem::find(body.as_bytes(), needle).is_some();
    let mut anchors = if has(b"<a") || has(b"<A") {
        html::html_anchors(text, body, base)
    } else {
        Vec::new()
    };
    markdown::markdown_links(body, base, skip, &mut anchors);
    anchors.sort_by_key(|a| a.span.start);
    anchors
}
