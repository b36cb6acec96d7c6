//! Tag links: the anchors of a post that point at a tag page, by the tag
//! patterns, with the tag each names ([`Post::tag_links`]).
//!
//! [`Post::tag_links`]: crate::model::Post::tag_links

use std::ops::Range;

use url::Url;

use super::pattern::{self, DecodeError, TagPattern};
use crate::model::body::anchors::Anchor;
use crate::model::body::entities;

/// An anchor that points at a tag.
pub struct TagLink {
    /// Index into `Post::anchors`.
    pub anchor: usize,
    /// The tag as written in the href (still percent-encoded).
    pub tag: Range<usize>,
    pub decoded: Result<String, TagLinkError>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagLinkError {
    NotUrl(String),
    BadEscape(Range<usize>),
    NotUtf8,
    Empty,
}

/// Where the default tag patterns look for tag links.
#[derive(Clone, Copy, Debug)]
pub struct TagScope<'a> {
    /// Every link, as the patterns always read them (on a mirror, whose
    /// tag links point at the news site); else only relative links and
    /// the site's own `url`, never a code host's release pages. `None`:
    /// as the post's own format says ([`Post::in_mirror_format`]).
    ///
    /// [`Post::in_mirror_format`]: crate::model::Post::in_mirror_format
    pub external: Option<bool>,
    /// The host of the site's `url`, when it sets one.
    pub own_host: Option<&'a str>,
}

/// How much of a body's end is searched first for the tag links that
/// mostly close it.
const TAIL: usize = 4096;

/// Whether `hay` holds the needle of `finder`, its last `tail` bytes
/// searched first.
fn holds_tail_first(hay: &[u8], finder: &memchr::memmem::Finder, tail: usize) -> bool {
    let split = hay.len().saturating_sub(tail);
    // A match that starts before `split` ends before `split` plus its
    // length.
    let head = (split + finder.needle().len()).min(hay.len());
    finder.find(&hay[split..]).is_some() || finder.find(&hay[..head]).is_some()
}

/// The longest start that all of `strings` share, in bytes.
fn common_prefix<'s>(strings: &[&'s str]) -> &'s [u8] {
    let Some((first, rest)) = strings.split_first() else {
        return &[];
    };
    let first = first.as_bytes();
    let len = rest.iter().fold(first.len(), |len, s| {
        first[..len]
            .iter()
            .zip(s.as_bytes())
            .take_while(|(a, b)| a == b)
            .count()
    });
    &first[..len]
}

/// Hosts of code, whose `…/releases/tag/v1.2` and `…/tree/…` paths are
/// release and branch pages, never tag pages of a site.
const CODE_HOSTS: &[&str] = &[
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "codeberg.org",
    "gitee.com",
    "sourceforge.net",
    "sr.ht",
    "git.sr.ht",
];

/// Whether the default tag patterns may read `href` as a tag link.
fn in_tag_scope(href: &str, path_start: usize, scope: TagScope, mirror: bool) -> bool {
    // A mirror's links were written by its generator from the news site:
    // every one that fits a pattern is a tag link, as it always was.
    if scope.external.unwrap_or(mirror) {
        return true;
    }
    let path = &href[path_start..];
    if path.contains("/releases/tag/") {
        return false;
    }
    let host = href.split_once("://").map(|(_, rest)| {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        let host = authority.rsplit('@').next().unwrap_or(authority);
        host.split(':').next().unwrap_or(host).to_ascii_lowercase()
    });
    let Some(host) = host.or_else(|| {
        href.starts_with("//").then(|| {
            href[2..]
                .split('/')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
    }) else {
        return true;
    };
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if CODE_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
    {
        return false;
    }
    scope
        .own_host
        .is_some_and(|own| own.strip_prefix("www.").unwrap_or(own) == host)
}

/// The anchors of a post's body (the text from `body_start`) that point at
/// a tag, as [`Post::tag_links`] gives them: `anchors` is asked for only
/// when `anchors_parsed` or the body holds a literal part of the patterns.
///
/// [`Post::tag_links`]: crate::model::Post::tag_links
pub(crate) fn find<'a>(
    text: &str,
    body_start: usize,
    patterns: &[TagPattern],
    scope: Option<TagScope>,
    mirror: impl Fn() -> bool,
    anchors_parsed: bool,
    anchors: impl FnOnce() -> &'a [Anchor],
) -> Vec<TagLink> {
    let body = &text[body_start..];
    // Made once for the post, not for each of its many hrefs.
    let literals = pattern::required_literals(patterns);
    let needles: Option<Vec<memchr::memmem::Finder>> = literals
        .as_ref()
        .map(|n| n.iter().map(memchr::memmem::Finder::new).collect());
    // What the literals all start with (`/tag` of `/tag/` and
    // `/tags/`): a body without it holds none of them, which one
    // pass tells instead of one a literal.
    let common = literals
        .as_deref()
        .filter(|l| l.len() > 1)
        .map(common_prefix)
        .filter(|p| p.len() > 1)
        .map(memchr::memmem::Finder::new);
    let holds = |text: &str| {
        needles
            .as_ref()
            .is_none_or(|n| n.iter().any(|n| n.find(text.as_bytes()).is_some()))
    };
    // Tag links mostly close a post, after its text: the body's
    // last few KiB are searched first.
    let in_body = || {
        let found = |n: &memchr::memmem::Finder| holds_tail_first(body.as_bytes(), n, TAIL);
        common.as_ref().is_none_or(found) && needles.as_ref().is_none_or(|n| n.iter().any(found))
    };
    // Once the anchors are parsed, looking at each href is cheaper
    // than a pass over the body.
    if !anchors_parsed && !in_body() {
        return Vec::new();
    }
    anchors()
        .iter()
        .enumerate()
        // Most anchors link to articles: an href without a literal
        // part of the patterns is no tag link, and is not read.
        .filter(|(_, a)| holds(&text[a.href.clone()]))
        .filter_map(|(i, a)| read_tag_link(text, i, a, patterns, scope, mirror()))
        .collect()
}

fn read_tag_link(
    text: &str,
    index: usize,
    anchor: &Anchor,
    patterns: &[TagPattern],
    scope: Option<TagScope>,
    mirror: bool,
) -> Option<TagLink> {
    let href = &text[anchor.href.clone()];
    let (path_start, path) = pattern::raw_path(href)?;
    if scope.is_some_and(|s| !in_tag_scope(href, path_start, s, mirror)) {
        return None;
    }
    let tag_range = pattern::match_any(patterns, path)?;
    // `/tags/#bridges`: a tag index with the tag in the fragment, not a
    // link to a tag page with an empty tag.
    if tag_range.is_empty()
        && href[pattern::path_end(href)..]
            .split_once('#')
            .is_some_and(|(_, f)| !f.trim().is_empty())
    {
        return None;
    }
    let tag = anchor.href.start + path_start + tag_range.start
        ..anchor.href.start + path_start + tag_range.end;
    let decoded_href = entities::decode_attribute(href);
    static BASE: std::sync::LazyLock<Url> = std::sync::LazyLock::new(|| {
        Url::parse("http://postlint.invalid/").expect("static base URL")
    });
    // Most hrefs are plain `https://host/path` URLs, which need no parse.
    let parsed = if pattern::surely_a_url(&decoded_href) {
        Ok(())
    } else {
        Url::options()
            .base_url(Some(&BASE))
            .parse(&decoded_href)
            .map(|_| ())
    };
    let decoded = match parsed {
        Err(e) => Err(TagLinkError::NotUrl(e.to_string())),
        Ok(()) => {
            // The tag is decoded apart from the rest of the href: what ends
            // it under the default patterns (`.`, `/`, `?`, `#` or the end)
            // ends a reference too, so it reads as within the whole value.
            let raw = entities::decode_attribute(&text[tag.clone()]);
            match pattern::percent_decode_strict(&raw) {
                // The escape is `%` and up to two characters after it; when
                // entities were decoded first, offsets no longer line up, so
                // the whole tag is the place.
                Err(DecodeError::BadEscape(i)) if raw.len() == tag.len() => {
                    let at = tag.start + i;
                    let end = text[at..tag.end]
                        .char_indices()
                        .nth(3)
                        .map_or(tag.end, |(n, _)| at + n);
                    Err(TagLinkError::BadEscape(at..end))
                }
                Err(DecodeError::BadEscape(_)) => Err(TagLinkError::BadEscape(tag.clone())),
                Err(DecodeError::NotUtf8) => Err(TagLinkError::NotUtf8),
                Ok(s) if s.trim().is_empty() => Err(TagLinkError::Empty),
                Ok(s) => Ok(s),
            }
        }
    };
    Some(TagLink {
        anchor: index,
        tag,
        decoded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn literals_share_their_common_start() {
        assert_eq!(common_prefix(&["/tag/", "/tags/"]), b"/tag");
        assert_eq!(common_prefix(&["/tag/", "/t-"]), b"/t");
        assert_eq!(common_prefix(&["/tag/", ".html"]), b"");
        assert_eq!(common_prefix(&["/tag/"]), b"/tag/");
        assert_eq!(common_prefix(&[]), b"");
    }

    proptest! {
        #[test]
        fn the_tail_first_search_finds_what_a_search_finds(
            hay in "[/tag]{0,40}",
            needle in "[/tag]{1,5}",
            tail in 0usize..48,
        ) {
            let finder = memchr::memmem::Finder::new(needle.as_bytes());
            prop_assert_eq!(
                holds_tail_first(hay.as_bytes(), &finder, tail),
                hay.contains(&needle)
            );
        }
    }
}
