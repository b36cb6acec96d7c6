//! Tag-page recognition: the links that point at one of the site's own tag
//! pages (`/tag/x/`, `/tags/x.html`, `/tags/#x`), the tag they name, and
//! the key a tag page names a tag by.

use super::pattern::percent_decode_strict;
use crate::model::jekyll::permalink;

/// How a tag page names a tag: slugified, or lowercased when nothing of it
/// survives slugifying.
pub fn tag_key(tag: &str) -> String {
    let slug = permalink::slugify(tag, false, false);
    if slug.is_empty() {
        tag.trim().to_lowercase()
    } else {
        slug
    }
}

/// Whether `text` holds `tag/`, `tags/`, `tags#`, `tags.htm` or `tag.htm`,
/// which every link [`site_tag`] accepts holds. A body without one is not
/// handed to the HTML tokenizer.
pub fn mentions_tag_page(text: &[u8]) -> bool {
    // Made once: most hrefs are short, and making a searcher for each
    // cost more than the search.
    static TAG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"tag"));
    TAG.find_iter(text).any(|i| {
        let rest = &text[i + 3..];
        let rest = rest.strip_prefix(b"s").unwrap_or(rest);
        rest.starts_with(b"/") || rest.starts_with(b"#") || rest.starts_with(b".htm")
    })
}

/// Whether `href` is an absolute or protocol-relative URL, which points
/// at another site (or at this one by its full address: no relative tag
/// page link).
pub fn points_elsewhere(href: &str) -> bool {
    let href = href.trim_start();
    // The usual schemes first, without looking for the colon.
    href.starts_with("https:")
        || href.starts_with("http:")
        || href.starts_with("//")
        || has_scheme(href)
}

/// The tag a relative link to a tag page names, if it is one.
pub fn site_tag(href: &str) -> Option<String> {
    let href = href.trim();
    // Liquid in front of the path: `{{ site.baseurl }}` keeps a link on the
    // site; any other output or tag (`{{ site.github_url }}`, a filter) may
    // lead anywhere once rendered, so the link is not judged.
    let href = match href.strip_prefix("{{") {
        Some(rest) => {
            let (output, rest) = rest.split_once("}}")?;
            let output = output.trim_matches(|c: char| c == '-' || c.is_whitespace());
            if output != "site.baseurl" {
                return None;
            }
            rest
        }
        None if href.starts_with("{%") => return None,
        None => href,
    };
    if points_elsewhere(href) {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let decode = |s: &str| percent_decode_strict(s).ok();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.iter().rposition(|s| !s.is_empty())?;
    let is_index = |s: &str| matches!(s, "tags" | "tag" | "tags.html" | "tag.html");
    // `/tags/#x` or `/tags.html#x`: the fragment names the tag.
    if is_index(segments[last]) {
        let tag = decode(fragment?)?;
        return (!tag.trim().is_empty()).then_some(tag);
    }
    // `/tag/x/`, `/tags/x.html`: the segment after `tag` or `tags`.
    if last >= 1 && matches!(segments[last - 1], "tag" | "tags") {
        let segment = segments[last];
        let segment = segment.strip_suffix(".html").unwrap_or(segment);
        let tag = decode(segment)?;
        return (!tag.trim().is_empty()).then_some(tag);
    }
    None
}

/// Whether `href` starts with a URL scheme (`https:`, `mailto:`), as
/// RFC 3986 spells one: a letter, then letters, digits, `+`, `-` or `.`.
fn has_scheme(href: &str) -> bool {
    let Some(colon) = href.find(':') else {
        return false;
    };
    let scheme = &href[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
}
