//! One reference of the body to another file ([`Reference`]): what it is
//! written as, where, and the URL it holds.

use std::ops::Range;

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

impl RefKind {
    /// Whether it is Markdown, which only a converted file (not an `.html`
    /// one) makes into a link.
    pub fn is_markdown(&self) -> bool {
        matches!(
            self,
            RefKind::Link | RefKind::Image | RefKind::Definition | RefKind::Autolink
        )
    }
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
