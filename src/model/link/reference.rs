//! One reference of the body to another file ([`Reference`]), and the
//! pass that finds them all ([`find`]).

use std::ops::Range;

use super::skip::Skips;
use super::{html, liquid, markdown, skip};

/// What a reference is written as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// A Markdown inline link `[text](url)`.
    Link,
    /// A Markdown image `![alt](url)`.
    Image,
    /// A Markdown reference definition `[id]: url`.
    Definition,
    /// A Markdown autolink `<https://…>`.
    Autolink,
    /// An HTML attribute: `href`, `src`, or one candidate of a `srcset`.
    Html { element: String, attr: String },
    /// `{% post_url X %}`: its argument.
    PostUrl,
    /// `{% link X %}`: its argument.
    LinkTag,
    /// `{% include X %}`: its first argument.
    Include,
    /// `{% include_relative X %}`: its first argument.
    IncludeRelative,
}

/// The Liquid prefix a URL is written with, taken away from its
/// [`Reference::url`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    /// None: the URL as written.
    None,
    /// `{{ site.baseurl }}/x` (or `{{ "/x" | prepend: site.baseurl }}`).
    Baseurl,
    /// `{{ site.url }}{{ site.baseurl }}/x`.
    UrlAndBaseurl,
    /// `{{ "/x" | relative_url }}`.
    RelativeUrl,
    /// `{{ "/x" | absolute_url }}`.
    AbsoluteUrl,
    /// `{{ site.url }}/x`: the site's host, but not its baseurl.
    Url,
}

impl Prefix {
    /// Whether the URL is made below the site's baseurl, so that it can
    /// never miss it.
    pub fn below_baseurl(self) -> bool {
        matches!(
            self,
            Prefix::Baseurl | Prefix::UrlAndBaseurl | Prefix::RelativeUrl | Prefix::AbsoluteUrl
        )
    }
}

/// One reference of the body to another file or page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    /// The bytes of the target as written in the post's text (for a
    /// Liquid tag: its argument, e.g. `2019-01-01-x` in
    /// `{% post_url 2019-01-01-x %}`; for `{{ site.baseurl }}/x`: the whole
    /// `{{ site.baseurl }}/x`).
    pub span: Range<usize>,
    /// The URL with the known Liquid prefix taken away: `/x` for
    /// `{{ site.baseurl }}/x`, `{{ "/x" | relative_url }}` and
    /// `{{ site.url }}{{ site.baseurl }}/x`; the text as written otherwise
    /// (HTML character references decoded in HTML attributes).
    pub url: String,
    pub prefix: Prefix,
    /// Built from Liquid variables or expressions other than the known
    /// prefixes: not judged.
    pub dynamic: bool,
}

/// Every reference in `text[range]` (the body), in the order of their
/// spans. References inside code blocks, code spans, HTML comments and the
/// Liquid blocks `raw`, `comment` and `highlight` are left out. Linear in
/// the size of the body, whatever its bytes.
pub fn find(text: &str, range: Range<usize>) -> Vec<Reference> {
    let base = range.start;
    let body = &text[range];
    let mut out = Vec::new();
    let tags = liquid::scan(body);
    let skips = Skips::new(skip::markdown_skips(body), tags.skips);
    out.extend(
        tags.references
            .into_iter()
            .filter(|r| !skips.contains(r.span.start)),
    );
    markdown::inline_links(body, &skips, &mut out);
    markdown::definitions(body, &skips, &mut out);
    markdown::autolinks(body, &skips, &mut out);
    html::attributes(body, &skips, &mut out);
    for r in &mut out {
        r.span = base + r.span.start..base + r.span.end;
    }
    out.sort_by_key(|r| (r.span.start, r.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    out
}
