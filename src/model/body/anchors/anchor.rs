//! One link of the body, HTML or Markdown, as byte spans of the source.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorKind {
    Html,
    Markdown,
}

/// One link. Text and href are kept as raw source (entities not decoded).
#[derive(Clone, Debug)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The href value, without quotes.
    pub href: Range<usize>,
    /// The whole element or link (for HTML: the start tag to the end tag).
    pub span: Range<usize>,
    /// Between the start and the end tag (or the brackets). Empty when the
    /// element is never closed.
    pub content: Range<usize>,
    /// The content holds other tags (`<a><b>x</b></a>`).
    pub nested_tags: bool,
}

impl Anchor {
    /// Its text in `source` (the post it was found in): the content with
    /// tags removed (a Markdown link's text as written), entities not
    /// decoded. Made when asked for, as few anchors are ever read so.
    pub fn text<'t>(&self, source: &'t str) -> Cow<'t, str> {
        let content = &source[self.content.clone()];
        match self.kind {
            AnchorKind::Html => strip_tags(content),
            AnchorKind::Markdown => Cow::Borrowed(content),
        }
    }
}

/// The text of an element's content: tags removed, entities kept.
fn strip_tags(content: &str) -> Cow<'_, str> {
    if !content.contains('<') {
        return Cow::Borrowed(content);
    }
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
