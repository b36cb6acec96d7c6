//! The parsed post: everything rules read, with byte spans, built once.

pub mod anchors;
pub mod body;
pub mod case;
pub mod date;
pub mod entities;
pub mod front_matter;
pub mod jekyll;
pub mod line_index;
pub mod lines;
pub mod permalink;
pub mod ruby_time;
pub mod scalar;
pub mod simple_yaml;
pub mod site;
pub mod summary;
pub mod suppress;
pub mod tag;
pub mod yaml;
pub mod yaml_tree;

pub use anchors::{Anchor, AnchorKind};
pub use body::{HeaderLink, TimestampComment};
pub use front_matter::{Block, Entry, FrontMatter};

use std::cell::OnceCell;
use std::ops::Range;

use jiff::Timestamp;
use url::Url;

use date::DateError;
use scalar::Scalar;
use tag::{DecodeError, TagPattern};
use yaml::{Node, NodeKind};

/// One post, parsed once. Rules read it and never parse again.
pub struct Post<'a> {
    pub text: &'a str,
    /// 3 when the text opens with a UTF-8 byte order mark, else 0.
    pub start: usize,
    pub front_matter: FrontMatter,
    /// Where the body starts (after the front matter, or at `start`).
    pub body_start: usize,
    pub timestamp: Option<TimestampComment>,
    pub header: Option<HeaderLink>,
    /// Every link in the body, parsed on first use.
    anchors: OnceCell<Vec<Anchor>>,
    /// The front matter `date`, read once.
    pub date: Option<DateField>,
    /// The timestamp comment's instant, read once.
    pub timestamp_value: Option<Result<Timestamp, String>>,
    /// The source URL entry (the first configured source key present).
    pub source: Option<SourceField>,
    /// Anchors whose URL path matches a tag pattern, found on first use.
    tag_links: OnceCell<Vec<TagLink>>,
    tag_patterns: &'a [TagPattern],
    tag_scope: Option<TagScope<'a>>,
    /// Suppression comments and the front matter `postlint` key.
    pub suppressions: suppress::Suppressions,
}

/// The `date` key: where it is and what it means.
pub struct DateField {
    pub span: Range<usize>,
    /// The instant Jekyll 4.3 publishes the post at, or why it stops.
    pub value: Result<Timestamp, DateError>,
    /// The calendar day written in the value, when it is one.
    pub written: Option<jiff::civil::Date>,
    /// Why Jekyll reads another day or time than the one written.
    pub misread: Option<String>,
    /// An unquoted YAML timestamp without a zone, which YAML reads as UTC.
    pub utc_without_zone: bool,
}

/// The source URL key and its parsed value.
pub struct SourceField {
    pub key: String,
    pub key_span: Range<usize>,
    pub value_span: Range<usize>,
    /// The URL text; `None` when the value is not a string.
    pub text: Option<String>,
    /// The parsed URL, when the value is a non-empty string.
    pub url: Option<Result<Url, url::ParseError>>,
}

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

/// What reading a post needs besides its text: the settings and site facts
/// that decide what its values mean.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions<'a> {
    /// Dates without an offset are read in this zone (the site's).
    pub timezone: &'a jiff::tz::TimeZone,
    /// How the timestamp comment's number is read.
    pub unit: TimestampUnit,
    /// The source URL is the first of these keys present.
    pub source_keys: &'a [String],
    /// The URL paths of the site's tag pages.
    pub tag_patterns: &'a [TagPattern],
    /// Where the default tag patterns apply (`None`: configured patterns,
    /// which apply to every link).
    pub tag_scope: Option<TagScope<'a>>,
}

/// Where the default tag patterns look for tag links.
#[derive(Clone, Copy, Debug)]
pub struct TagScope<'a> {
    /// Every link, as the patterns always read them (on a mirror, whose
    /// tag links point at the news site); else only relative links and
    /// the site's own `url`, never a code host's release pages. `None`:
    /// as the post's own format says ([`Post::in_mirror_format`]).
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

/// How the timestamp comment's number is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampUnit {
    /// Milliseconds, except that a 10-digit value is seconds.
    Auto,
    Milliseconds,
    Seconds,
}

impl TimestampUnit {
    /// Is a comment in this unit, as `written` (if there is one), in
    /// seconds? In `Auto`, ten digits are seconds.
    pub fn in_seconds(self, written: Option<&str>) -> bool {
        match self {
            TimestampUnit::Seconds => true,
            TimestampUnit::Milliseconds => false,
            TimestampUnit::Auto => written.is_some_and(|w| w.trim_start_matches('-').len() == 10),
        }
    }
}

impl<'a> Post<'a> {
    pub fn parse(text: &'a str, options: ParseOptions<'a>) -> Post<'a> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (front_matter, body_start) = front_matter::split(text);
        let (timestamp, header) = body::parse(text, body_start);
        let suppressions = suppress::parse(text, body_start, &front_matter);
        let date = front_matter
            .get("date")
            .and_then(|e| read_date(&e.value, options.timezone));
        let timestamp_value = timestamp
            .as_ref()
            .map(|t| read_timestamp(&text[t.value.clone()], options.unit));
        let source = options
            .source_keys
            .iter()
            .find_map(|k| front_matter.get(k))
            .map(read_source);
        Post {
            text,
            start,
            front_matter,
            body_start,
            timestamp,
            header,
            anchors: OnceCell::new(),
            date,
            timestamp_value,
            source,
            tag_links: OnceCell::new(),
            tag_patterns: options.tag_patterns,
            tag_scope: options.tag_scope,
            suppressions,
        }
    }

    /// Whether [`Post::anchors`] has been asked for already, so that a
    /// pass over the body to rule anchors out would cost more than looking
    /// at them.
    pub fn anchors_parsed(&self) -> bool {
        self.anchors.get().is_some()
    }

    /// Every anchor in the body: HTML `<a href>` and Markdown links.
    pub fn anchors(&self) -> &[Anchor] {
        self.anchors.get_or_init(|| {
            let header = self.header.as_ref().map(|h| h.span.clone());
            anchors::parse(self.text, self.body_start..self.text.len(), header)
        })
    }

    /// The anchors that point at a tag. A body that holds none of the
    /// literal parts of the tag patterns (such as `/tag/`) has none, and its
    /// HTML is not parsed at all.
    pub fn tag_links(&self) -> &[TagLink] {
        self.tag_links.get_or_init(|| {
            let body = &self.text[self.body_start..];
            // Made once for the post, not for each of its many hrefs.
            let literals = tag::required_literals(self.tag_patterns);
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
                common.as_ref().is_none_or(found)
                    && needles.as_ref().is_none_or(|n| n.iter().any(found))
            };
            // Once the anchors are parsed, looking at each href is cheaper
            // than a pass over the body.
            if !self.anchors_parsed() && !in_body() {
                return Vec::new();
            }
            self.anchors()
                .iter()
                .enumerate()
                // Most anchors link to articles: an href without a literal
                // part of the patterns is no tag link, and is not read.
                .filter(|(_, a)| holds(&self.text[a.href.clone()]))
                .filter_map(|(i, a)| {
                    read_tag_link(
                        self.text,
                        i,
                        a,
                        self.tag_patterns,
                        self.tag_scope,
                        self.in_mirror_format(),
                    )
                })
                .collect()
        })
    }

    /// Whether the post itself is in the mirror format: it has a source
    /// URL key, or its body opens with a timestamp comment such as
    /// `<!--1667234398000-->` or `<!--NaN-->`.
    pub fn in_mirror_format(&self) -> bool {
        self.source.is_some()
            || self
                .timestamp
                .as_ref()
                .is_some_and(|t| body::mirror_timestamp(&self.text[t.value.clone()]))
    }

    /// The source text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }
}

fn read_date(node: &Node, zone: &jiff::tz::TimeZone) -> Option<DateField> {
    use ruby_time::{Reading, psych_timestamp, time_parse};
    let mut utc_without_zone = false;
    let reading: Result<Reading, DateError> = match &node.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => return None,
        // Psych makes a Time; Jekyll reads it back from its text, the same
        // instant.
        NodeKind::Scalar {
            text,
            value: Scalar::Timestamp,
            ..
        } => {
            let t = text.trim();
            utc_without_zone =
                !t.ends_with('Z') && !t[t.len().saturating_sub(6)..].contains(['+', '-']);
            psych_timestamp(t).ok_or_else(|| DateError(format!("`{text}` is out of range")))
        }
        // A Date (`2020-3-1`), which Jekyll reads at midnight in the site's
        // zone, a string or an integer (`20200301`) all go through
        // `Time.parse` as text.
        NodeKind::Scalar {
            text,
            value: Scalar::Str | Scalar::Date | Scalar::Int,
            ..
        } => time_parse(text, zone).map_err(|e| DateError(format!("`{text}` {e}"))),
        other => Err(DateError(format!(
            "`date` is {}, not a date",
            match other {
                NodeKind::Scalar { value, .. } => value.type_name(),
                _ => node.type_name(),
            }
        ))),
    };
    let (value, written, misread) = match reading {
        Ok(r) => (Ok(r.instant), r.written, r.misread),
        Err(e) => (Err(e), None, None),
    };
    Some(DateField {
        span: node.span.clone(),
        value,
        written,
        misread,
        utc_without_zone,
    })
}

/// Read a timestamp comment's value as an instant.
pub fn read_timestamp(value: &str, unit: TimestampUnit) -> Result<Timestamp, String> {
    if value.is_empty() {
        return Err("the comment is empty".into());
    }
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{value}` is not an integer"));
    }
    let seconds = unit.in_seconds(Some(value));
    let out_of_range = || format!("`{value}` is out of range for a date");
    let n: i64 = value.parse().map_err(|_| out_of_range())?;
    let ts = if seconds {
        Timestamp::from_second(n)
    } else {
        Timestamp::from_millisecond(n)
    };
    ts.map_err(|_| out_of_range())
}

fn read_source(entry: &Entry) -> SourceField {
    let text = match &entry.value.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => Some(String::new()),
        NodeKind::Scalar { text, .. } => Some(text.trim().to_string()),
        _ => None,
    };
    let url = text.as_deref().filter(|t| !t.is_empty()).map(Url::parse);
    SourceField {
        key: entry.key.clone(),
        key_span: entry.key_span.clone(),
        value_span: entry.value.span.clone(),
        text,
        url,
    }
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
    let (path_start, path) = tag::raw_path(href)?;
    if scope.is_some_and(|s| !in_tag_scope(href, path_start, s, mirror)) {
        return None;
    }
    let tag_range = tag::match_any(patterns, path)?;
    // `/tags/#bridges`: a tag index with the tag in the fragment, not a
    // link to a tag page with an empty tag.
    if tag_range.is_empty()
        && href[tag::path_end(href)..]
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
    let parsed = if tag::surely_a_url(&decoded_href) {
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
            match tag::percent_decode_strict(&raw) {
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

    /// What Jekyll 4.3 makes of `date: VALUE` in each zone, asked of Ruby 3.1
    /// as Jekyll does it (`Psych.safe_load` with `Date` and `Time` allowed,
    /// then `Time.parse(value.to_s).localtime` with `TZ` set to the zone):
    /// the class YAML gives the value, and the time in the zone, or `ERR`
    /// when Jekyll stops the build.
    const JEKYLL_DATES: &[(&str, &str, &str, &str)] = &[
        (
            "UTC",
            "2020-03-01 23:30:00",
            "Time",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "\"2020-03-01 23:30:00\"",
            "String",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "'2020-03-01 23:30:00'",
            "String",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-3-1 2:00:00",
            "Time",
            "2020-03-01T02:00:00+00:00",
        ),
        ("UTC", "2020-3-1", "Date", "2020-03-01T00:00:00+00:00"),
        ("UTC", "2020-03-1", "Date", "2020-03-01T00:00:00+00:00"),
        ("UTC", "2020-03-01", "Date", "2020-03-01T00:00:00+00:00"),
        (
            "UTC",
            "\"2020-03-01\"",
            "String",
            "2020-03-01T00:00:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30",
            "String",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01T23:30:00Z",
            "Time",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01t23:30:00",
            "Time",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 Z",
            "Time",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 +01:00",
            "Time",
            "2020-03-01T22:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00+0100",
            "Time",
            "2020-03-01T22:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 +1",
            "Time",
            "2020-03-01T22:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 -5",
            "Time",
            "2020-03-02T04:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 -05:30",
            "Time",
            "2020-03-02T05:00:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00 -0:30",
            "Time",
            "2020-03-01T23:00:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30:00.123456",
            "Time",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 00:30:00 +09:00",
            "Time",
            "2020-02-29T15:30:00+00:00",
        ),
        (
            "UTC",
            "2020-02-30 10:00:00",
            "Time",
            "2020-03-01T10:00:00+00:00",
        ),
        ("UTC", "2020-02-30", "String", "2020-03-01T00:00:00+00:00"),
        ("UTC", "2020-02-29", "Date", "2020-02-29T00:00:00+00:00"),
        ("UTC", "2020-13-01", "String", "ERR"),
        ("UTC", "2020-03-01 25:00:00", "String", "ERR"),
        (
            "UTC",
            "2020-03-01 24:00:00",
            "Time",
            "2020-03-02T00:00:00+00:00",
        ),
        ("UTC", "20200301", "Integer", "2020-03-01T00:00:00+00:00"),
        (
            "UTC",
            "March 05, 2026",
            "String",
            "2026-03-05T00:00:00+00:00",
        ),
        (
            "UTC",
            "\"March 05, 2026\"",
            "String",
            "2026-03-05T00:00:00+00:00",
        ),
        (
            "UTC",
            "Mar 1, 2020 11:30 PM",
            "String",
            "2020-03-01T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30 PST",
            "String",
            "2020-03-02T07:30:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 23:30 JST",
            "String",
            "2020-03-01T23:30:00+00:00",
        ),
        ("UTC", "11-9-2017", "String", "2017-09-11T00:00:00+00:00"),
        ("UTC", "1 March 2020", "String", "2020-03-01T00:00:00+00:00"),
        ("UTC", "2020/03/01", "String", "2020-03-01T00:00:00+00:00"),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00",
            "Time",
            "2020-03-02T00:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "\"2020-03-01 23:30:00\"",
            "String",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "'2020-03-01 23:30:00'",
            "String",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-3-1 2:00:00",
            "Time",
            "2020-03-01T03:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-3-1",
            "Date",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-1",
            "Date",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01",
            "Date",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "\"2020-03-01\"",
            "String",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30",
            "String",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01T23:30:00Z",
            "Time",
            "2020-03-02T00:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01t23:30:00",
            "Time",
            "2020-03-02T00:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 Z",
            "Time",
            "2020-03-02T00:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 +01:00",
            "Time",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00+0100",
            "Time",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 +1",
            "Time",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 -5",
            "Time",
            "2020-03-02T05:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 -05:30",
            "Time",
            "2020-03-02T06:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00 -0:30",
            "Time",
            "2020-03-02T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30:00.123456",
            "Time",
            "2020-03-02T00:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 00:30:00 +09:00",
            "Time",
            "2020-02-29T16:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-02-30 10:00:00",
            "Time",
            "2020-03-01T11:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-02-30",
            "String",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-02-29",
            "Date",
            "2020-02-29T00:00:00+01:00",
        ),
        ("Europe/Paris", "2020-13-01", "String", "ERR"),
        ("Europe/Paris", "2020-03-01 25:00:00", "String", "ERR"),
        (
            "Europe/Paris",
            "2020-03-01 24:00:00",
            "Time",
            "2020-03-02T01:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "20200301",
            "Integer",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "March 05, 2026",
            "String",
            "2026-03-05T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "\"March 05, 2026\"",
            "String",
            "2026-03-05T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "Mar 1, 2020 11:30 PM",
            "String",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30 PST",
            "String",
            "2020-03-02T08:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 23:30 JST",
            "String",
            "2020-03-01T23:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "11-9-2017",
            "String",
            "2017-09-11T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "1 March 2020",
            "String",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020/03/01",
            "String",
            "2020-03-01T00:00:00+01:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00",
            "Time",
            "2020-03-02T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "\"2020-03-01 23:30:00\"",
            "String",
            "2020-03-01T23:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "'2020-03-01 23:30:00'",
            "String",
            "2020-03-01T23:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-3-1 2:00:00",
            "Time",
            "2020-03-01T11:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-3-1",
            "Date",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-1",
            "Date",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01",
            "Date",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "\"2020-03-01\"",
            "String",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30",
            "String",
            "2020-03-01T23:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01T23:30:00Z",
            "Time",
            "2020-03-02T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01t23:30:00",
            "Time",
            "2020-03-02T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 Z",
            "Time",
            "2020-03-02T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 +01:00",
            "Time",
            "2020-03-02T07:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00+0100",
            "Time",
            "2020-03-02T07:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 +1",
            "Time",
            "2020-03-02T07:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 -5",
            "Time",
            "2020-03-02T13:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 -05:30",
            "Time",
            "2020-03-02T14:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00 -0:30",
            "Time",
            "2020-03-02T08:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30:00.123456",
            "Time",
            "2020-03-02T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 00:30:00 +09:00",
            "Time",
            "2020-03-01T00:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-02-30 10:00:00",
            "Time",
            "2020-03-01T19:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-02-30",
            "String",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-02-29",
            "Date",
            "2020-02-29T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "2020-13-01", "String", "ERR"),
        ("Asia/Tokyo", "2020-03-01 25:00:00", "String", "ERR"),
        (
            "Asia/Tokyo",
            "2020-03-01 24:00:00",
            "Time",
            "2020-03-02T09:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "20200301",
            "Integer",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "March 05, 2026",
            "String",
            "2026-03-05T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "\"March 05, 2026\"",
            "String",
            "2026-03-05T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mar 1, 2020 11:30 PM",
            "String",
            "2020-03-01T23:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30 PST",
            "String",
            "2020-03-02T16:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-01 23:30 JST",
            "String",
            "2020-03-01T23:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "11-9-2017",
            "String",
            "2017-09-11T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1 March 2020",
            "String",
            "2020-03-01T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020/03/01",
            "String",
            "2020-03-01T00:00:00+09:00",
        ),
        ("UTC", "2020-03-01 24:30:00", "String", "ERR"),
        (
            "UTC",
            "2020-03-01 24:30:00 +05:30",
            "String",
            "2020-03-01T19:00:00+00:00",
        ),
        (
            "UTC",
            "2020-03-01 24:00:00 +05:30",
            "Time",
            "2020-03-01T18:30:00+00:00",
        ),
        (
            "UTC",
            "2020-02-30 23:00 -05:00",
            "String",
            "2020-03-01T04:00:00+00:00",
        ),
        (
            "UTC",
            "2020-02-29 23:30:00 -0100",
            "Time",
            "2020-03-01T00:30:00+00:00",
        ),
        ("Europe/Paris", "2020-03-01 24:30:00", "String", "ERR"),
        (
            "Europe/Paris",
            "2020-03-01 24:30:00 +05:30",
            "String",
            "2020-03-01T20:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-03-01 24:00:00 +05:30",
            "Time",
            "2020-03-01T19:30:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-02-30 23:00 -05:00",
            "String",
            "2020-03-01T05:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "2020-02-29 23:30:00 -0100",
            "Time",
            "2020-03-01T01:30:00+01:00",
        ),
        // Generated combinations of the forms above (dates, times, zones
        // and words after them), asked of Ruby the same way.
        (
            "UTC",
            "2024-8-9 11:00:59 KST",
            "String",
            "2024-08-09T11:00:59+00:00",
        ),
        (
            "UTC",
            "Mon Apr 15 2020T00:59:00 KST !",
            "String",
            "2020-04-15T00:59:00+00:00",
        ),
        (
            "UTC",
            "MARCH 2024 11:59 am CEST draft",
            "String",
            "2024-03-01T11:59:00+00:00",
        ),
        (
            "UTC",
            "2019-6-30 13:30:00.482 EDT",
            "String",
            "2019-06-30T17:30:00+00:00",
        ),
        (
            "UTC",
            "31 January 99 13h30 +05:30",
            "String",
            "1999-01-31T08:00:00+00:00",
        ),
        (
            "UTC",
            "Mon Oct 15 2023 23:59:59 10am",
            "String",
            "2023-10-15T23:59:59+00:00",
        ),
        (
            "UTC",
            "Feb 28rd, 2019 11:59 - updated",
            "String",
            "2019-02-28T11:59:00+00:00",
        ),
        (
            "UTC",
            "Oct 30, 1999 24h05 10am",
            "String",
            "1999-10-30T00:05:10+00:00",
        ),
        (
            "UTC",
            "May 30, 99 1h05 -0700",
            "String",
            "1999-05-30T08:05:00+00:00",
        ),
        (
            "UTC",
            "15 Feb 2019 1:30 PM draft",
            "String",
            "2019-02-15T13:30:00+00:00",
        ),
        (
            "UTC",
            "November 1, 2019",
            "String",
            "2019-11-01T00:00:00+00:00",
        ),
        ("UTC", "01/08/99 24:05:07 - updated", "String", "ERR"),
        (
            "UTC",
            "Feb 2019T01:30:07",
            "String",
            "2019-02-01T01:30:07+00:00",
        ),
        (
            "UTC",
            "21-03-15 00:59:59 AEST !",
            "String",
            "2021-03-15T00:59:59+00:00",
        ),
        (
            "UTC",
            "MARCH 9rd, 1999 11h05 +05:30 !",
            "String",
            "1999-03-09T05:35:00+00:00",
        ),
        (
            "UTC",
            "2024-4-31 23:00:07.483",
            "Time",
            "2024-05-01T23:00:07+00:00",
        ),
        (
            "UTC",
            "2023-09-28 1h05",
            "String",
            "2023-09-28T01:05:00+00:00",
        ),
        (
            "UTC",
            "Wed, March 10 2024 00:05 - updated",
            "String",
            "2024-03-10T00:05:00+00:00",
        ),
        (
            "UTC",
            "MARCH 15st, 2019 00:30 - updated",
            "String",
            "2019-03-15T00:30:00+00:00",
        ),
        (
            "UTC",
            "MARCH 9, 21 00:59:00 EDT (draft)",
            "String",
            "2021-03-09T04:59:00+00:00",
        ),
        (
            "UTC",
            "Feb 31rd, 2019 11:59:59.217 Z",
            "String",
            "2019-03-03T11:59:59+00:00",
        ),
        (
            "UTC",
            "99-07-10 01:05:59 10am",
            "String",
            "1999-07-10T01:05:59+00:00",
        ),
        (
            "UTC",
            "Sat Jul 31 2023 12:30 AM UTC+2 - updated",
            "String",
            "2023-07-31T00:30:00+00:00",
        ),
        (
            "UTC",
            "20191101 09:30:07 CEST",
            "String",
            "2019-11-01T09:30:07+00:00",
        ),
        (
            "UTC",
            "2024-2-15 1:59 AM 10am",
            "String",
            "2024-02-15T01:59:00+00:00",
        ),
        (
            "UTC",
            "Sat 9 June 2024 09:00:00 EST - updated",
            "String",
            "2024-06-09T14:00:00+00:00",
        ),
        (
            "UTC",
            "2020-02-03 00:30:07 -0700",
            "Time",
            "2020-02-03T07:30:07+00:00",
        ),
        (
            "UTC",
            "June 1, 2023 9:30 AM +5 10am",
            "String",
            "2023-06-01T09:30:00+00:00",
        ),
        (
            "UTC",
            "9 January 2020 9:30:00.895 +5 10am",
            "String",
            "2020-01-09T09:30:00+00:00",
        ),
        (
            "UTC",
            "03.02.1999 13:00 +0530 - updated",
            "String",
            "1999-02-03T07:30:00+00:00",
        ),
        (
            "UTC",
            "Thu 1 jun 2024T09:59:00 draft",
            "String",
            "2024-06-01T09:59:00+00:00",
        ),
        ("UTC", "10/09/2024 !", "String", "2024-09-10T00:00:00+00:00"),
        (
            "UTC",
            "2020-11-09 24:00:00 IST draft",
            "String",
            "2020-11-10T00:00:00+00:00",
        ),
        (
            "UTC",
            "Mon 9 January 99 11:30 PM EST - updated",
            "String",
            "1999-01-10T04:30:00+00:00",
        ),
        (
            "UTC",
            "1 MARCH 1999 11:05 am HKT draft",
            "String",
            "1999-03-01T11:05:00+00:00",
        ),
        (
            "UTC",
            "28.03.1999 23:59:00 10am",
            "String",
            "1999-03-28T23:59:00+00:00",
        ),
        (
            "UTC",
            "09.07.2019 09:59:00 UTC+2",
            "String",
            "2019-07-09T09:59:00+00:00",
        ),
        (
            "UTC",
            "21-12-31 11:59 am 10am",
            "String",
            "2021-12-31T11:59:00+00:00",
        ),
        (
            "UTC",
            "Feb 28, 21 12:05 PM IST draft",
            "String",
            "2021-02-28T12:05:00+00:00",
        ),
        (
            "UTC",
            "Mon Dec 15 21 00:59 JST (draft)",
            "String",
            "2021-12-15T00:59:00+00:00",
        ),
        (
            "UTC",
            "Wed, Sept 1 1999 11:30 - updated",
            "String",
            "1999-09-01T11:30:00+00:00",
        ),
        ("UTC", "31/08/99 12:00 am draft 10am", "String", "ERR"),
        (
            "UTC",
            "Wed, January 10 99 12h59 BST draft",
            "String",
            "1999-01-10T12:59:00+00:00",
        ),
        (
            "UTC",
            "Apr 10nd, 1999 11:30:59 +08",
            "String",
            "1999-04-10T03:30:59+00:00",
        ),
        (
            "UTC",
            "99-02-09 12:00:07.510 IST !",
            "String",
            "1999-02-09T12:00:07+00:00",
        ),
        (
            "UTC",
            "jun 30nd, 2024 13:00:59 GMT",
            "String",
            "2024-06-30T13:00:59+00:00",
        ),
        (
            "UTC",
            "May 2020 12:59:07 HKT (draft)",
            "String",
            "2020-05-01T12:59:07+00:00",
        ),
        ("UTC", "August 2020 24:59:00 +5", "String", "ERR"),
        (
            "UTC",
            "2019-9-9 09:05:07+01:00 (draft)",
            "String",
            "2019-09-09T08:05:07+00:00",
        ),
        (
            "UTC",
            "30/06/2023 11:30 +0530",
            "String",
            "2023-06-30T06:00:00+00:00",
        ),
        (
            "UTC",
            "1999-5-30 11:05 am CET - updated",
            "String",
            "1999-05-30T11:05:00+00:00",
        ),
        (
            "UTC",
            "09/02/1999 09:59 JST",
            "String",
            "1999-02-09T09:59:00+00:00",
        ),
        (
            "UTC",
            "2019/02/03 09:30:59",
            "String",
            "2019-02-03T09:30:59+00:00",
        ),
        (
            "UTC",
            "January 1, 2019 13:00 GMT-5 (draft)",
            "String",
            "2019-01-01T13:00:00+00:00",
        ),
        (
            "UTC",
            "20231031 11:59:00 10am",
            "String",
            "2023-10-31T10:59:00+00:00",
        ),
        (
            "UTC",
            "20241231 01:30:59 BST (draft)",
            "String",
            "2024-12-31T01:30:59+00:00",
        ),
        (
            "UTC",
            "Thu 10 August 1999 01:30:07 draft",
            "String",
            "1999-08-10T01:30:07+00:00",
        ),
        (
            "UTC",
            "Apr 31nd, 21 13:59 pst",
            "String",
            "2021-05-01T21:59:00+00:00",
        ),
        (
            "UTC",
            "Oct 30rd, 2020 01:05:00",
            "String",
            "2020-10-30T01:05:00+00:00",
        ),
        (
            "UTC",
            "990309 12:59:07 Z",
            "String",
            "1999-03-09T12:59:07+00:00",
        ),
        (
            "UTC",
            "Jul 1, 2019 9:30:59.790 - updated",
            "String",
            "2019-07-01T09:30:59+00:00",
        ),
        (
            "UTC",
            "31/07/2024 11h59 BST",
            "String",
            "2024-07-31T11:59:00+00:00",
        ),
        (
            "UTC",
            "May 1rd, 2019T13:30:00 BST !",
            "String",
            "2019-05-01T13:30:00+00:00",
        ),
        (
            "UTC",
            "30 May 2020 12:59 p.m. !",
            "String",
            "2020-05-30T12:59:00+00:00",
        ),
        (
            "UTC",
            "June 30th, 1999 9:05:59.336 IST",
            "String",
            "1999-06-30T09:05:59+00:00",
        ),
        (
            "UTC",
            "Mon 10 May 2019 12:30",
            "String",
            "2019-05-10T12:30:00+00:00",
        ),
        ("UTC", "99-2-3T24:30:59 JST", "String", "ERR"),
        ("UTC", "May 99T11:30:00 (draft)", "String", "ERR"),
        (
            "UTC",
            "2024-2-30 09:59 (draft)",
            "String",
            "2024-03-01T09:59:00+00:00",
        ),
        (
            "UTC",
            "29/12/2020 13:59:00.166 -0700 !",
            "String",
            "2020-12-29T20:59:00+00:00",
        ),
        (
            "UTC",
            "Thu June 31 99 09:05 EDT",
            "String",
            "1999-07-01T13:05:00+00:00",
        ),
        (
            "UTC",
            "09.03.2019T12:05:00",
            "String",
            "2019-03-09T12:05:00+00:00",
        ),
        (
            "UTC",
            "21/08/09 11:30 pm GMT 10am",
            "String",
            "2021-08-09T23:30:00+00:00",
        ),
        (
            "UTC",
            "Sun, jun 31 2019 01:05:59",
            "String",
            "2019-07-01T01:05:59+00:00",
        ),
        (
            "UTC",
            "Tuesday August 10 2020 - updated",
            "String",
            "2020-08-10T00:00:00+00:00",
        ),
        (
            "UTC",
            "2020-5-15 00:05+01:00",
            "String",
            "2020-05-14T23:05:00+00:00",
        ),
        (
            "UTC",
            "Tuesday January 30 2019 9:00 AM HKT (draft)",
            "String",
            "2019-01-30T09:00:00+00:00",
        ),
        (
            "UTC",
            "29.10.2020 (draft)",
            "String",
            "2020-10-29T00:00:00+00:00",
        ),
        (
            "UTC",
            "MARCH 1999 12:30 p.m. HKT",
            "String",
            "1999-03-01T12:30:00+00:00",
        ),
        (
            "UTC",
            "May 15, 1999 13:59 - updated",
            "String",
            "1999-05-15T13:59:00+00:00",
        ),
        (
            "UTC",
            "May 1, 2019T13:30:07 PDT draft",
            "String",
            "2019-05-01T20:30:07+00:00",
        ),
        (
            "UTC",
            "1999/07/03 13:00:59 AEST !",
            "String",
            "1999-07-03T13:00:59+00:00",
        ),
        (
            "UTC",
            "Wed, Dec 3 2024 11:59 am CET - updated",
            "String",
            "2024-12-03T11:59:00+00:00",
        ),
        (
            "UTC",
            "Sept 30th, 2019 12:05 p.m. JST 10am",
            "String",
            "2019-09-30T12:05:00+00:00",
        ),
        (
            "UTC",
            "2023/12/29 00:00",
            "String",
            "2023-12-29T00:00:00+00:00",
        ),
        (
            "UTC",
            "Sat 3 Apr 2019 12:00 (draft)",
            "String",
            "2019-04-03T12:00:00+00:00",
        ),
        (
            "UTC",
            "May 1999T23:59:59 draft",
            "String",
            "1999-05-01T23:59:59+00:00",
        ),
        (
            "UTC",
            "21-11-15 12:59 pm draft",
            "String",
            "2021-11-15T12:59:00+00:00",
        ),
        ("UTC", "210329 !", "String", "2021-03-29T00:00:00+00:00"),
        (
            "UTC",
            "2019-11-29 11:00:00",
            "Time",
            "2019-11-29T11:00:00+00:00",
        ),
        ("UTC", "10/08/1999 24:30:59.552 - updated", "String", "ERR"),
        (
            "UTC",
            "Friday, 29 MARCH 21 23h00 -0700",
            "String",
            "2021-03-30T06:00:00+00:00",
        ),
        (
            "UTC",
            "Friday, 30 May 2024 13:59 pst",
            "String",
            "2024-05-30T21:59:00+00:00",
        ),
        (
            "UTC",
            "1999-1-28 9h30 10am",
            "String",
            "1999-01-28T09:30:10+00:00",
        ),
        (
            "UTC",
            "30 August 2019",
            "String",
            "2019-08-30T00:00:00+00:00",
        ),
        (
            "UTC",
            "15 Feb 21 11:00 p.m. (draft)",
            "String",
            "2021-02-15T23:00:00+00:00",
        ),
        (
            "UTC",
            "99-5-3 24h00 PDT !",
            "String",
            "1999-05-04T07:00:00+00:00",
        ),
        (
            "UTC",
            "03.11.1999 12:05 am IST - updated",
            "String",
            "1999-11-03T00:05:00+00:00",
        ),
        (
            "UTC",
            "28 June 1999 13:05:00.10 HKT 10am",
            "String",
            "1999-06-28T13:05:00+00:00",
        ),
        (
            "UTC",
            "99/05/03 12:30 BST",
            "String",
            "1999-05-03T12:30:00+00:00",
        ),
        (
            "UTC",
            "2019-07-29 1:30 am !",
            "String",
            "2019-07-29T01:30:00+00:00",
        ),
        (
            "UTC",
            "10 Apr 2023 12h30 CET",
            "String",
            "2023-04-10T12:30:00+00:00",
        ),
        (
            "UTC",
            "Mon jun 30 2023 00:30 EDT",
            "String",
            "2023-06-30T04:30:00+00:00",
        ),
        (
            "UTC",
            "November 29nd, 2024T13:05:00 +08 - updated",
            "String",
            "2024-11-29T05:05:00+00:00",
        ),
        (
            "UTC",
            "10 August 2019 !",
            "String",
            "2019-08-10T00:00:00+00:00",
        ),
        (
            "UTC",
            "31.05.2024 13:00:59",
            "String",
            "2024-05-31T13:00:59+00:00",
        ),
        (
            "UTC",
            "Wed, Oct 30 2024 12:30 pm !",
            "String",
            "2024-10-30T12:30:00+00:00",
        ),
        (
            "UTC",
            "Mon 10 jun 2020 1h00 (draft)",
            "String",
            "2020-06-10T01:00:00+00:00",
        ),
        (
            "UTC",
            "29/03/2024 12:05:59 CET",
            "String",
            "2024-03-29T12:05:59+00:00",
        ),
        ("UTC", "21/08/03", "String", "2021-08-03T00:00:00+00:00"),
        ("UTC", "January 99 11:05 p.m. BST", "String", "ERR"),
        (
            "UTC",
            "2024-7-29 24h00 - updated",
            "String",
            "2024-07-30T00:00:00+00:00",
        ),
        (
            "UTC",
            "28/06/2024 13:59 (draft)",
            "String",
            "2024-06-28T13:59:00+00:00",
        ),
        (
            "UTC",
            "01/01/1999 13:00:07 IST - updated",
            "String",
            "1999-01-01T13:00:07+00:00",
        ),
        ("UTC", "15.12.99T13:00:59 draft", "String", "ERR"),
        (
            "UTC",
            "19990428T09:05:07 draft",
            "String",
            "1999-04-28T09:05:07+00:00",
        ),
        (
            "UTC",
            "Mon MARCH 3 1999 11:05 AM KST",
            "String",
            "1999-03-03T11:05:00+00:00",
        ),
        (
            "UTC",
            "June 9, 1999T00:59:00 !",
            "String",
            "1999-06-09T00:59:00+00:00",
        ),
        ("UTC", "09.08.21 24h05 GMT", "String", "ERR"),
        (
            "UTC",
            "2023-11-15 9h05 UTC !",
            "String",
            "2023-11-15T09:05:00+00:00",
        ),
        ("UTC", "99-3-10 24:59 KST (draft)", "String", "ERR"),
        ("UTC", "28 Dec 2020", "String", "2020-12-28T00:00:00+00:00"),
        (
            "UTC",
            "November 2019 9:59 pm CEST",
            "String",
            "2019-11-01T21:59:00+00:00",
        ),
        (
            "UTC",
            "21-09-01 11:00 pm (draft)",
            "String",
            "2021-09-01T23:00:00+00:00",
        ),
        (
            "UTC",
            "2020-07-30 01:59 10am",
            "String",
            "2020-07-30T01:59:00+00:00",
        ),
        (
            "UTC",
            "Tuesday 28 January 2023 0:30:00.69 JST (draft)",
            "String",
            "2023-01-28T00:30:00+00:00",
        ),
        (
            "UTC",
            "1 Jul 2019 12:30:00 +09:00",
            "String",
            "2019-07-01T03:30:00+00:00",
        ),
        (
            "UTC",
            "3 Dec 2019 13:05:59.387 +08 10am",
            "String",
            "2019-12-03T05:05:59+00:00",
        ),
        ("UTC", "28/11/99 23h30", "String", "ERR"),
        (
            "UTC",
            "30.10.2019 12:30 AM HKT - updated",
            "String",
            "2019-10-30T00:30:00+00:00",
        ),
        (
            "UTC",
            "2019/05/31 23:59:59.848 +09:00 !",
            "String",
            "2019-05-31T14:59:59+00:00",
        ),
        ("UTC", "31.04.99 11h05 (draft)", "String", "ERR"),
        (
            "UTC",
            "Dec 30, 2024 11:00:59 CET - updated",
            "String",
            "2024-12-30T11:00:59+00:00",
        ),
        (
            "UTC",
            "Jul 31st, 1999 11h05",
            "String",
            "1999-07-31T11:05:00+00:00",
        ),
        (
            "UTC",
            "Sept 1, 2020 11:00:59.406 -0700",
            "String",
            "2020-09-01T18:00:59+00:00",
        ),
        (
            "UTC",
            "Mon Dec 3 2023",
            "String",
            "2023-12-03T00:00:00+00:00",
        ),
        (
            "UTC",
            "Thu Jul 10 2020T12:30:07",
            "String",
            "2020-07-10T12:30:07+00:00",
        ),
        ("UTC", "March 2020 24:05 AEST draft", "String", "ERR"),
        (
            "UTC",
            "1999/05/15 01:00:00 -0700 10am",
            "String",
            "1999-05-15T08:00:00+00:00",
        ),
        (
            "UTC",
            "November 9nd, 99T13:00:00 - updated",
            "String",
            "1999-11-09T13:00:00+00:00",
        ),
        (
            "UTC",
            "21-4-1 1:30:59.331 (draft)",
            "String",
            "2021-04-01T01:30:59+00:00",
        ),
        (
            "UTC",
            "Apr 2019 23:05:59",
            "String",
            "2019-04-01T23:05:59+00:00",
        ),
        (
            "UTC",
            "Sat 31 May 99 12:00 p.m.",
            "String",
            "1999-05-31T12:00:00+00:00",
        ),
        (
            "UTC",
            "jun 15, 2024 13h59 -3",
            "String",
            "2024-06-15T13:59:00+00:00",
        ),
        (
            "UTC",
            "Wed, June 9 99 0:00:07.544 PDT !",
            "String",
            "1999-06-09T07:00:07+00:00",
        ),
        (
            "UTC",
            "2024-8-30 0h59 +08 10am",
            "String",
            "2024-08-29T16:59:00+00:00",
        ),
        ("UTC", "Apr 3th, 99 24:59 CET 10am", "String", "ERR"),
        (
            "UTC",
            "Jul 9, 99T09:05:00Z",
            "String",
            "1999-07-09T09:05:00+00:00",
        ),
        ("UTC", "28.05.99 1h00 IST draft", "String", "ERR"),
        (
            "UTC",
            "MARCH 31st, 2019",
            "String",
            "2019-03-31T00:00:00+00:00",
        ),
        ("UTC", "3 Dec 2019", "String", "2019-12-03T00:00:00+00:00"),
        (
            "UTC",
            "01/08/1999 9h00 +05:30",
            "String",
            "1999-08-01T03:30:00+00:00",
        ),
        (
            "UTC",
            "May 30, 2024 draft",
            "String",
            "2024-05-30T00:00:00+00:00",
        ),
        (
            "UTC",
            "29 Apr 1999 9h59 -0700 (draft)",
            "String",
            "1999-04-29T16:59:00+00:00",
        ),
        (
            "UTC",
            "November 3, 2023 00:05 +0530 draft",
            "String",
            "2023-11-02T18:35:00+00:00",
        ),
        (
            "UTC",
            "Mon 3 jun 1999 (draft)",
            "String",
            "1999-06-03T00:00:00+00:00",
        ),
        (
            "UTC",
            "Sat 15 Jul 2023 09:00 -0700",
            "String",
            "2023-07-15T16:00:00+00:00",
        ),
        (
            "UTC",
            "2019-9-30 23:59:07 -0700 draft",
            "String",
            "2019-10-01T06:59:07+00:00",
        ),
        ("UTC", "10.12.21", "String", "2010-12-21T00:00:00+00:00"),
        (
            "Asia/Tokyo",
            "2024-8-9 11:00:59 KST",
            "String",
            "2024-08-09T11:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon Apr 15 2020T00:59:00 KST !",
            "String",
            "2020-04-15T00:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "MARCH 2024 11:59 am CEST draft",
            "String",
            "2024-03-01T11:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019-6-30 13:30:00.482 EDT",
            "String",
            "2019-07-01T02:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "31 January 99 13h30 +05:30",
            "String",
            "1999-01-31T17:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon Oct 15 2023 23:59:59 10am",
            "String",
            "2023-10-15T23:59:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Feb 28rd, 2019 11:59 - updated",
            "String",
            "2019-02-28T11:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Oct 30, 1999 24h05 10am",
            "String",
            "1999-10-30T00:05:10+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 30, 99 1h05 -0700",
            "String",
            "1999-05-30T17:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "15 Feb 2019 1:30 PM draft",
            "String",
            "2019-02-15T13:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "November 1, 2019",
            "String",
            "2019-11-01T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "01/08/99 24:05:07 - updated", "String", "ERR"),
        (
            "Asia/Tokyo",
            "Feb 2019T01:30:07",
            "String",
            "2019-02-01T01:30:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "21-03-15 00:59:59 AEST !",
            "String",
            "2021-03-15T00:59:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "MARCH 9rd, 1999 11h05 +05:30 !",
            "String",
            "1999-03-09T14:35:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2024-4-31 23:00:07.483",
            "Time",
            "2024-05-02T08:00:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "2023-09-28 1h05",
            "String",
            "2023-09-28T01:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wed, March 10 2024 00:05 - updated",
            "String",
            "2024-03-10T00:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "MARCH 15st, 2019 00:30 - updated",
            "String",
            "2019-03-15T00:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "MARCH 9, 21 00:59:00 EDT (draft)",
            "String",
            "2021-03-09T13:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Feb 31rd, 2019 11:59:59.217 Z",
            "String",
            "2019-03-03T20:59:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "99-07-10 01:05:59 10am",
            "String",
            "1999-07-10T01:05:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sat Jul 31 2023 12:30 AM UTC+2 - updated",
            "String",
            "2023-07-31T00:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "20191101 09:30:07 CEST",
            "String",
            "2019-11-01T09:30:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "2024-2-15 1:59 AM 10am",
            "String",
            "2024-02-15T01:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sat 9 June 2024 09:00:00 EST - updated",
            "String",
            "2024-06-09T23:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-02-03 00:30:07 -0700",
            "Time",
            "2020-02-03T16:30:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "June 1, 2023 9:30 AM +5 10am",
            "String",
            "2023-06-01T09:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "9 January 2020 9:30:00.895 +5 10am",
            "String",
            "2020-01-09T09:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "03.02.1999 13:00 +0530 - updated",
            "String",
            "1999-02-03T16:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Thu 1 jun 2024T09:59:00 draft",
            "String",
            "2024-06-01T09:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "10/09/2024 !",
            "String",
            "2024-09-10T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-11-09 24:00:00 IST draft",
            "String",
            "2020-11-10T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon 9 January 99 11:30 PM EST - updated",
            "String",
            "1999-01-10T13:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1 MARCH 1999 11:05 am HKT draft",
            "String",
            "1999-03-01T11:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "28.03.1999 23:59:00 10am",
            "String",
            "1999-03-28T23:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "09.07.2019 09:59:00 UTC+2",
            "String",
            "2019-07-09T09:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "21-12-31 11:59 am 10am",
            "String",
            "2021-12-31T11:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Feb 28, 21 12:05 PM IST draft",
            "String",
            "2021-02-28T12:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon Dec 15 21 00:59 JST (draft)",
            "String",
            "2021-12-15T00:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wed, Sept 1 1999 11:30 - updated",
            "String",
            "1999-09-01T11:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "31/08/99 12:00 am draft 10am",
            "String",
            "ERR",
        ),
        (
            "Asia/Tokyo",
            "Wed, January 10 99 12h59 BST draft",
            "String",
            "1999-01-10T12:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Apr 10nd, 1999 11:30:59 +08",
            "String",
            "1999-04-10T12:30:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "99-02-09 12:00:07.510 IST !",
            "String",
            "1999-02-09T12:00:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "jun 30nd, 2024 13:00:59 GMT",
            "String",
            "2024-06-30T22:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 2020 12:59:07 HKT (draft)",
            "String",
            "2020-05-01T12:59:07+09:00",
        ),
        ("Asia/Tokyo", "August 2020 24:59:00 +5", "String", "ERR"),
        (
            "Asia/Tokyo",
            "2019-9-9 09:05:07+01:00 (draft)",
            "String",
            "2019-09-09T17:05:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "30/06/2023 11:30 +0530",
            "String",
            "2023-06-30T15:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1999-5-30 11:05 am CET - updated",
            "String",
            "1999-05-30T11:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "09/02/1999 09:59 JST",
            "String",
            "1999-02-09T09:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019/02/03 09:30:59",
            "String",
            "2019-02-03T09:30:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "January 1, 2019 13:00 GMT-5 (draft)",
            "String",
            "2019-01-01T13:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "20231031 11:59:00 10am",
            "String",
            "2023-10-31T10:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "20241231 01:30:59 BST (draft)",
            "String",
            "2024-12-31T01:30:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Thu 10 August 1999 01:30:07 draft",
            "String",
            "1999-08-10T01:30:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "Apr 31nd, 21 13:59 pst",
            "String",
            "2021-05-02T06:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Oct 30rd, 2020 01:05:00",
            "String",
            "2020-10-30T01:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "990309 12:59:07 Z",
            "String",
            "1999-03-09T21:59:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "Jul 1, 2019 9:30:59.790 - updated",
            "String",
            "2019-07-01T09:30:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "31/07/2024 11h59 BST",
            "String",
            "2024-07-31T11:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 1rd, 2019T13:30:00 BST !",
            "String",
            "2019-05-01T13:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "30 May 2020 12:59 p.m. !",
            "String",
            "2020-05-30T12:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "June 30th, 1999 9:05:59.336 IST",
            "String",
            "1999-06-30T09:05:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon 10 May 2019 12:30",
            "String",
            "2019-05-10T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "99-2-3T24:30:59 JST",
            "String",
            "1999-02-04T00:30:59+09:00",
        ),
        ("Asia/Tokyo", "May 99T11:30:00 (draft)", "String", "ERR"),
        (
            "Asia/Tokyo",
            "2024-2-30 09:59 (draft)",
            "String",
            "2024-03-01T09:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "29/12/2020 13:59:00.166 -0700 !",
            "String",
            "2020-12-30T05:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Thu June 31 99 09:05 EDT",
            "String",
            "1999-07-01T22:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "09.03.2019T12:05:00",
            "String",
            "2019-03-09T12:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "21/08/09 11:30 pm GMT 10am",
            "String",
            "2021-08-10T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sun, jun 31 2019 01:05:59",
            "String",
            "2019-07-01T01:05:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Tuesday August 10 2020 - updated",
            "String",
            "2020-08-10T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-5-15 00:05+01:00",
            "String",
            "2020-05-15T08:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Tuesday January 30 2019 9:00 AM HKT (draft)",
            "String",
            "2019-01-30T09:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "29.10.2020 (draft)",
            "String",
            "2020-10-29T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "MARCH 1999 12:30 p.m. HKT",
            "String",
            "1999-03-01T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 15, 1999 13:59 - updated",
            "String",
            "1999-05-15T13:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 1, 2019T13:30:07 PDT draft",
            "String",
            "2019-05-02T05:30:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "1999/07/03 13:00:59 AEST !",
            "String",
            "1999-07-03T13:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wed, Dec 3 2024 11:59 am CET - updated",
            "String",
            "2024-12-03T11:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sept 30th, 2019 12:05 p.m. JST 10am",
            "String",
            "2019-09-30T12:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2023/12/29 00:00",
            "String",
            "2023-12-29T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sat 3 Apr 2019 12:00 (draft)",
            "String",
            "2019-04-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 1999T23:59:59 draft",
            "String",
            "1999-05-01T23:59:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "21-11-15 12:59 pm draft",
            "String",
            "2021-11-15T12:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "210329 !",
            "String",
            "2021-03-29T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019-11-29 11:00:00",
            "Time",
            "2019-11-29T20:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "10/08/1999 24:30:59.552 - updated",
            "String",
            "ERR",
        ),
        (
            "Asia/Tokyo",
            "Friday, 29 MARCH 21 23h00 -0700",
            "String",
            "2021-03-30T15:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Friday, 30 May 2024 13:59 pst",
            "String",
            "2024-05-31T06:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1999-1-28 9h30 10am",
            "String",
            "1999-01-28T09:30:10+09:00",
        ),
        (
            "Asia/Tokyo",
            "30 August 2019",
            "String",
            "2019-08-30T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "15 Feb 21 11:00 p.m. (draft)",
            "String",
            "2021-02-15T23:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "99-5-3 24h00 PDT !",
            "String",
            "1999-05-04T16:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "03.11.1999 12:05 am IST - updated",
            "String",
            "1999-11-03T00:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "28 June 1999 13:05:00.10 HKT 10am",
            "String",
            "1999-06-28T13:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "99/05/03 12:30 BST",
            "String",
            "1999-05-03T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019-07-29 1:30 am !",
            "String",
            "2019-07-29T01:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "10 Apr 2023 12h30 CET",
            "String",
            "2023-04-10T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon jun 30 2023 00:30 EDT",
            "String",
            "2023-06-30T13:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "November 29nd, 2024T13:05:00 +08 - updated",
            "String",
            "2024-11-29T14:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "10 August 2019 !",
            "String",
            "2019-08-10T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "31.05.2024 13:00:59",
            "String",
            "2024-05-31T13:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wed, Oct 30 2024 12:30 pm !",
            "String",
            "2024-10-30T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon 10 jun 2020 1h00 (draft)",
            "String",
            "2020-06-10T01:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "29/03/2024 12:05:59 CET",
            "String",
            "2024-03-29T12:05:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "21/08/03",
            "String",
            "2021-08-03T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "January 99 11:05 p.m. BST", "String", "ERR"),
        (
            "Asia/Tokyo",
            "2024-7-29 24h00 - updated",
            "String",
            "2024-07-30T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "28/06/2024 13:59 (draft)",
            "String",
            "2024-06-28T13:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "01/01/1999 13:00:07 IST - updated",
            "String",
            "1999-01-01T13:00:07+09:00",
        ),
        ("Asia/Tokyo", "15.12.99T13:00:59 draft", "String", "ERR"),
        (
            "Asia/Tokyo",
            "19990428T09:05:07 draft",
            "String",
            "1999-04-28T09:05:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon MARCH 3 1999 11:05 AM KST",
            "String",
            "1999-03-03T11:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "June 9, 1999T00:59:00 !",
            "String",
            "1999-06-09T00:59:00+09:00",
        ),
        ("Asia/Tokyo", "09.08.21 24h05 GMT", "String", "ERR"),
        (
            "Asia/Tokyo",
            "2023-11-15 9h05 UTC !",
            "String",
            "2023-11-15T18:05:00+09:00",
        ),
        ("Asia/Tokyo", "99-3-10 24:59 KST (draft)", "String", "ERR"),
        (
            "Asia/Tokyo",
            "28 Dec 2020",
            "String",
            "2020-12-28T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "November 2019 9:59 pm CEST",
            "String",
            "2019-11-01T21:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "21-09-01 11:00 pm (draft)",
            "String",
            "2021-09-01T23:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-07-30 01:59 10am",
            "String",
            "2020-07-30T01:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Tuesday 28 January 2023 0:30:00.69 JST (draft)",
            "String",
            "2023-01-28T00:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1 Jul 2019 12:30:00 +09:00",
            "String",
            "2019-07-01T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "3 Dec 2019 13:05:59.387 +08 10am",
            "String",
            "2019-12-03T14:05:59+09:00",
        ),
        ("Asia/Tokyo", "28/11/99 23h30", "String", "ERR"),
        (
            "Asia/Tokyo",
            "30.10.2019 12:30 AM HKT - updated",
            "String",
            "2019-10-30T00:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019/05/31 23:59:59.848 +09:00 !",
            "String",
            "2019-05-31T23:59:59+09:00",
        ),
        ("Asia/Tokyo", "31.04.99 11h05 (draft)", "String", "ERR"),
        (
            "Asia/Tokyo",
            "Dec 30, 2024 11:00:59 CET - updated",
            "String",
            "2024-12-30T11:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Jul 31st, 1999 11h05",
            "String",
            "1999-07-31T11:05:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sept 1, 2020 11:00:59.406 -0700",
            "String",
            "2020-09-02T03:00:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon Dec 3 2023",
            "String",
            "2023-12-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Thu Jul 10 2020T12:30:07",
            "String",
            "2020-07-10T12:30:07+09:00",
        ),
        ("Asia/Tokyo", "March 2020 24:05 AEST draft", "String", "ERR"),
        (
            "Asia/Tokyo",
            "1999/05/15 01:00:00 -0700 10am",
            "String",
            "1999-05-15T17:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "November 9nd, 99T13:00:00 - updated",
            "String",
            "1999-11-09T13:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "21-4-1 1:30:59.331 (draft)",
            "String",
            "2021-04-01T01:30:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Apr 2019 23:05:59",
            "String",
            "2019-04-01T23:05:59+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sat 31 May 99 12:00 p.m.",
            "String",
            "1999-05-31T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "jun 15, 2024 13h59 -3",
            "String",
            "2024-06-15T13:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wed, June 9 99 0:00:07.544 PDT !",
            "String",
            "1999-06-09T16:00:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "2024-8-30 0h59 +08 10am",
            "String",
            "2024-08-30T01:59:00+09:00",
        ),
        ("Asia/Tokyo", "Apr 3th, 99 24:59 CET 10am", "String", "ERR"),
        (
            "Asia/Tokyo",
            "Jul 9, 99T09:05:00Z",
            "String",
            "1999-07-09T18:05:00+09:00",
        ),
        ("Asia/Tokyo", "28.05.99 1h00 IST draft", "String", "ERR"),
        (
            "Asia/Tokyo",
            "MARCH 31st, 2019",
            "String",
            "2019-03-31T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "3 Dec 2019",
            "String",
            "2019-12-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "01/08/1999 9h00 +05:30",
            "String",
            "1999-08-01T12:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "May 30, 2024 draft",
            "String",
            "2024-05-30T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "29 Apr 1999 9h59 -0700 (draft)",
            "String",
            "1999-04-30T01:59:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "November 3, 2023 00:05 +0530 draft",
            "String",
            "2023-11-03T03:35:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon 3 jun 1999 (draft)",
            "String",
            "1999-06-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Sat 15 Jul 2023 09:00 -0700",
            "String",
            "2023-07-16T01:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2019-9-30 23:59:07 -0700 draft",
            "String",
            "2019-10-01T15:59:07+09:00",
        ),
        (
            "Asia/Tokyo",
            "10.12.21",
            "String",
            "2010-12-21T00:00:00+09:00",
        ),
        (
            "America/Los_Angeles",
            "2024-8-9 11:00:59 KST",
            "String",
            "2024-08-09T11:00:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon Apr 15 2020T00:59:00 KST !",
            "String",
            "2020-04-15T00:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "MARCH 2024 11:59 am CEST draft",
            "String",
            "2024-03-01T11:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "2019-6-30 13:30:00.482 EDT",
            "String",
            "2019-06-30T10:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "31 January 99 13h30 +05:30",
            "String",
            "1999-01-31T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Mon Oct 15 2023 23:59:59 10am",
            "String",
            "2023-10-15T23:59:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Feb 28rd, 2019 11:59 - updated",
            "String",
            "2019-02-28T11:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Oct 30, 1999 24h05 10am",
            "String",
            "1999-10-30T00:05:10-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 30, 99 1h05 -0700",
            "String",
            "1999-05-30T01:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "15 Feb 2019 1:30 PM draft",
            "String",
            "2019-02-15T13:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "November 1, 2019",
            "String",
            "2019-11-01T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "01/08/99 24:05:07 - updated",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "Feb 2019T01:30:07",
            "String",
            "2019-02-01T01:30:07-08:00",
        ),
        (
            "America/Los_Angeles",
            "21-03-15 00:59:59 AEST !",
            "String",
            "2021-03-15T00:59:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "MARCH 9rd, 1999 11h05 +05:30 !",
            "String",
            "1999-03-08T21:35:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "2024-4-31 23:00:07.483",
            "Time",
            "2024-05-01T16:00:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "2023-09-28 1h05",
            "String",
            "2023-09-28T01:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Wed, March 10 2024 00:05 - updated",
            "String",
            "2024-03-10T00:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "MARCH 15st, 2019 00:30 - updated",
            "String",
            "2019-03-15T00:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "MARCH 9, 21 00:59:00 EDT (draft)",
            "String",
            "2021-03-08T20:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Feb 31rd, 2019 11:59:59.217 Z",
            "String",
            "2019-03-03T03:59:59-08:00",
        ),
        (
            "America/Los_Angeles",
            "99-07-10 01:05:59 10am",
            "String",
            "1999-07-10T01:05:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Sat Jul 31 2023 12:30 AM UTC+2 - updated",
            "String",
            "2023-07-31T00:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "20191101 09:30:07 CEST",
            "String",
            "2019-11-01T09:30:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "2024-2-15 1:59 AM 10am",
            "String",
            "2024-02-15T01:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Sat 9 June 2024 09:00:00 EST - updated",
            "String",
            "2024-06-09T07:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2020-02-03 00:30:07 -0700",
            "Time",
            "2020-02-02T23:30:07-08:00",
        ),
        (
            "America/Los_Angeles",
            "June 1, 2023 9:30 AM +5 10am",
            "String",
            "2023-06-01T09:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "9 January 2020 9:30:00.895 +5 10am",
            "String",
            "2020-01-09T09:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "03.02.1999 13:00 +0530 - updated",
            "String",
            "1999-02-02T23:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Thu 1 jun 2024T09:59:00 draft",
            "String",
            "2024-06-01T09:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "10/09/2024 !",
            "String",
            "2024-09-10T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2020-11-09 24:00:00 IST draft",
            "String",
            "2020-11-10T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Mon 9 January 99 11:30 PM EST - updated",
            "String",
            "1999-01-09T20:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "1 MARCH 1999 11:05 am HKT draft",
            "String",
            "1999-03-01T11:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "28.03.1999 23:59:00 10am",
            "String",
            "1999-03-28T23:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "09.07.2019 09:59:00 UTC+2",
            "String",
            "2019-07-09T09:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "21-12-31 11:59 am 10am",
            "String",
            "2021-12-31T11:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Feb 28, 21 12:05 PM IST draft",
            "String",
            "2021-02-28T12:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Mon Dec 15 21 00:59 JST (draft)",
            "String",
            "2021-12-15T00:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Wed, Sept 1 1999 11:30 - updated",
            "String",
            "1999-09-01T11:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "31/08/99 12:00 am draft 10am",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "Wed, January 10 99 12h59 BST draft",
            "String",
            "1999-01-10T12:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Apr 10nd, 1999 11:30:59 +08",
            "String",
            "1999-04-09T20:30:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "99-02-09 12:00:07.510 IST !",
            "String",
            "1999-02-09T12:00:07-08:00",
        ),
        (
            "America/Los_Angeles",
            "jun 30nd, 2024 13:00:59 GMT",
            "String",
            "2024-06-30T06:00:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 2020 12:59:07 HKT (draft)",
            "String",
            "2020-05-01T12:59:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "August 2020 24:59:00 +5",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "2019-9-9 09:05:07+01:00 (draft)",
            "String",
            "2019-09-09T01:05:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "30/06/2023 11:30 +0530",
            "String",
            "2023-06-29T23:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "1999-5-30 11:05 am CET - updated",
            "String",
            "1999-05-30T11:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "09/02/1999 09:59 JST",
            "String",
            "1999-02-09T09:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "2019/02/03 09:30:59",
            "String",
            "2019-02-03T09:30:59-08:00",
        ),
        (
            "America/Los_Angeles",
            "January 1, 2019 13:00 GMT-5 (draft)",
            "String",
            "2019-01-01T13:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "20231031 11:59:00 10am",
            "String",
            "2023-10-31T10:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "20241231 01:30:59 BST (draft)",
            "String",
            "2024-12-31T01:30:59-08:00",
        ),
        (
            "America/Los_Angeles",
            "Thu 10 August 1999 01:30:07 draft",
            "String",
            "1999-08-10T01:30:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "Apr 31nd, 21 13:59 pst",
            "String",
            "2021-05-01T14:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Oct 30rd, 2020 01:05:00",
            "String",
            "2020-10-30T01:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "990309 12:59:07 Z",
            "String",
            "1999-03-09T04:59:07-08:00",
        ),
        (
            "America/Los_Angeles",
            "Jul 1, 2019 9:30:59.790 - updated",
            "String",
            "2019-07-01T09:30:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "31/07/2024 11h59 BST",
            "String",
            "2024-07-31T11:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 1rd, 2019T13:30:00 BST !",
            "String",
            "2019-05-01T13:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "30 May 2020 12:59 p.m. !",
            "String",
            "2020-05-30T12:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "June 30th, 1999 9:05:59.336 IST",
            "String",
            "1999-06-30T09:05:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon 10 May 2019 12:30",
            "String",
            "2019-05-10T12:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "99-2-3T24:30:59 JST",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "May 99T11:30:00 (draft)",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "2024-2-30 09:59 (draft)",
            "String",
            "2024-03-01T09:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "29/12/2020 13:59:00.166 -0700 !",
            "String",
            "2020-12-29T12:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Thu June 31 99 09:05 EDT",
            "String",
            "1999-07-01T06:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "09.03.2019T12:05:00",
            "String",
            "2019-03-09T12:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "21/08/09 11:30 pm GMT 10am",
            "String",
            "2021-08-09T16:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Sun, jun 31 2019 01:05:59",
            "String",
            "2019-07-01T01:05:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Tuesday August 10 2020 - updated",
            "String",
            "2020-08-10T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2020-5-15 00:05+01:00",
            "String",
            "2020-05-14T16:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Tuesday January 30 2019 9:00 AM HKT (draft)",
            "String",
            "2019-01-30T09:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "29.10.2020 (draft)",
            "String",
            "2020-10-29T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "MARCH 1999 12:30 p.m. HKT",
            "String",
            "1999-03-01T12:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "May 15, 1999 13:59 - updated",
            "String",
            "1999-05-15T13:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 1, 2019T13:30:07 PDT draft",
            "String",
            "2019-05-01T13:30:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "1999/07/03 13:00:59 AEST !",
            "String",
            "1999-07-03T13:00:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Wed, Dec 3 2024 11:59 am CET - updated",
            "String",
            "2024-12-03T11:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Sept 30th, 2019 12:05 p.m. JST 10am",
            "String",
            "2019-09-30T12:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2023/12/29 00:00",
            "String",
            "2023-12-29T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Sat 3 Apr 2019 12:00 (draft)",
            "String",
            "2019-04-03T12:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 1999T23:59:59 draft",
            "String",
            "1999-05-01T23:59:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "21-11-15 12:59 pm draft",
            "String",
            "2021-11-15T12:59:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "210329 !",
            "String",
            "2021-03-29T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2019-11-29 11:00:00",
            "Time",
            "2019-11-29T03:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "10/08/1999 24:30:59.552 - updated",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "Friday, 29 MARCH 21 23h00 -0700",
            "String",
            "2021-03-29T23:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Friday, 30 May 2024 13:59 pst",
            "String",
            "2024-05-30T14:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "1999-1-28 9h30 10am",
            "String",
            "1999-01-28T09:30:10-08:00",
        ),
        (
            "America/Los_Angeles",
            "30 August 2019",
            "String",
            "2019-08-30T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "15 Feb 21 11:00 p.m. (draft)",
            "String",
            "2021-02-15T23:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "99-5-3 24h00 PDT !",
            "String",
            "1999-05-04T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "03.11.1999 12:05 am IST - updated",
            "String",
            "1999-11-03T00:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "28 June 1999 13:05:00.10 HKT 10am",
            "String",
            "1999-06-28T13:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "99/05/03 12:30 BST",
            "String",
            "1999-05-03T12:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2019-07-29 1:30 am !",
            "String",
            "2019-07-29T01:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "10 Apr 2023 12h30 CET",
            "String",
            "2023-04-10T12:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon jun 30 2023 00:30 EDT",
            "String",
            "2023-06-29T21:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "November 29nd, 2024T13:05:00 +08 - updated",
            "String",
            "2024-11-28T21:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "10 August 2019 !",
            "String",
            "2019-08-10T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "31.05.2024 13:00:59",
            "String",
            "2024-05-31T13:00:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Wed, Oct 30 2024 12:30 pm !",
            "String",
            "2024-10-30T12:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon 10 jun 2020 1h00 (draft)",
            "String",
            "2020-06-10T01:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "29/03/2024 12:05:59 CET",
            "String",
            "2024-03-29T12:05:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "21/08/03",
            "String",
            "2021-08-03T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "January 99 11:05 p.m. BST",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "2024-7-29 24h00 - updated",
            "String",
            "2024-07-30T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "28/06/2024 13:59 (draft)",
            "String",
            "2024-06-28T13:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "01/01/1999 13:00:07 IST - updated",
            "String",
            "1999-01-01T13:00:07-08:00",
        ),
        (
            "America/Los_Angeles",
            "15.12.99T13:00:59 draft",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "19990428T09:05:07 draft",
            "String",
            "1999-04-28T09:05:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon MARCH 3 1999 11:05 AM KST",
            "String",
            "1999-03-03T11:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "June 9, 1999T00:59:00 !",
            "String",
            "1999-06-09T00:59:00-07:00",
        ),
        ("America/Los_Angeles", "09.08.21 24h05 GMT", "String", "ERR"),
        (
            "America/Los_Angeles",
            "2023-11-15 9h05 UTC !",
            "String",
            "2023-11-15T01:05:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "99-3-10 24:59 KST (draft)",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "28 Dec 2020",
            "String",
            "2020-12-28T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "November 2019 9:59 pm CEST",
            "String",
            "2019-11-01T21:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "21-09-01 11:00 pm (draft)",
            "String",
            "2021-09-01T23:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2020-07-30 01:59 10am",
            "String",
            "2020-07-30T01:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Tuesday 28 January 2023 0:30:00.69 JST (draft)",
            "String",
            "2023-01-28T00:30:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "1 Jul 2019 12:30:00 +09:00",
            "String",
            "2019-06-30T20:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "3 Dec 2019 13:05:59.387 +08 10am",
            "String",
            "2019-12-02T21:05:59-08:00",
        ),
        ("America/Los_Angeles", "28/11/99 23h30", "String", "ERR"),
        (
            "America/Los_Angeles",
            "30.10.2019 12:30 AM HKT - updated",
            "String",
            "2019-10-30T00:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2019/05/31 23:59:59.848 +09:00 !",
            "String",
            "2019-05-31T07:59:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "31.04.99 11h05 (draft)",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "Dec 30, 2024 11:00:59 CET - updated",
            "String",
            "2024-12-30T11:00:59-08:00",
        ),
        (
            "America/Los_Angeles",
            "Jul 31st, 1999 11h05",
            "String",
            "1999-07-31T11:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Sept 1, 2020 11:00:59.406 -0700",
            "String",
            "2020-09-01T11:00:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon Dec 3 2023",
            "String",
            "2023-12-03T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "Thu Jul 10 2020T12:30:07",
            "String",
            "2020-07-10T12:30:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "March 2020 24:05 AEST draft",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "1999/05/15 01:00:00 -0700 10am",
            "String",
            "1999-05-15T01:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "November 9nd, 99T13:00:00 - updated",
            "String",
            "1999-11-09T13:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "21-4-1 1:30:59.331 (draft)",
            "String",
            "2021-04-01T01:30:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Apr 2019 23:05:59",
            "String",
            "2019-04-01T23:05:59-07:00",
        ),
        (
            "America/Los_Angeles",
            "Sat 31 May 99 12:00 p.m.",
            "String",
            "1999-05-31T12:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "jun 15, 2024 13h59 -3",
            "String",
            "2024-06-15T13:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Wed, June 9 99 0:00:07.544 PDT !",
            "String",
            "1999-06-09T00:00:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "2024-8-30 0h59 +08 10am",
            "String",
            "2024-08-29T09:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Apr 3th, 99 24:59 CET 10am",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "Jul 9, 99T09:05:00Z",
            "String",
            "1999-07-09T02:05:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "28.05.99 1h00 IST draft",
            "String",
            "ERR",
        ),
        (
            "America/Los_Angeles",
            "MARCH 31st, 2019",
            "String",
            "2019-03-31T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "3 Dec 2019",
            "String",
            "2019-12-03T00:00:00-08:00",
        ),
        (
            "America/Los_Angeles",
            "01/08/1999 9h00 +05:30",
            "String",
            "1999-07-31T20:30:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "May 30, 2024 draft",
            "String",
            "2024-05-30T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "29 Apr 1999 9h59 -0700 (draft)",
            "String",
            "1999-04-29T09:59:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "November 3, 2023 00:05 +0530 draft",
            "String",
            "2023-11-02T11:35:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Mon 3 jun 1999 (draft)",
            "String",
            "1999-06-03T00:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "Sat 15 Jul 2023 09:00 -0700",
            "String",
            "2023-07-15T09:00:00-07:00",
        ),
        (
            "America/Los_Angeles",
            "2019-9-30 23:59:07 -0700 draft",
            "String",
            "2019-09-30T23:59:07-07:00",
        ),
        (
            "America/Los_Angeles",
            "10.12.21",
            "String",
            "2010-12-21T00:00:00-08:00",
        ),
    ];

    #[test]
    fn dates_are_read_as_jekyll_reads_them() {
        let mut failures = Vec::new();
        for (zone, value, class, jekyll) in JEKYLL_DATES {
            let tz = jiff::tz::TimeZone::get(zone).unwrap();
            let text = format!("---\ndate: {value}\n---\n");
            let post = Post::parse(
                &text,
                ParseOptions {
                    timezone: &tz,
                    unit: TimestampUnit::Auto,
                    source_keys: &[],
                    tag_patterns: &[],
                    tag_scope: None,
                },
            );
            let date = post.date.unwrap();
            let ours = match date.value {
                Ok(at) => {
                    let off = tz.to_offset(at).seconds();
                    format!(
                        "{}{}{:02}:{:02}",
                        tz.to_datetime(at).strftime("%Y-%m-%dT%H:%M:%S"),
                        if off < 0 { '-' } else { '+' },
                        off.abs() / 3600,
                        off.abs() % 3600 / 60
                    )
                }
                Err(_) => "ERR".to_string(),
            };
            if ours != *jekyll {
                failures.push(format!(
                    "{value} ({class}) in {zone}: {ours}, Jekyll {jekyll}"
                ));
            }
            // Only an unquoted timestamp without a zone is YAML's UTC.
            let utc = *class == "Time" && !value.contains(['Z', '+']) && !value[10..].contains('-');
            if date.utc_without_zone != utc {
                failures.push(format!(
                    "{value}: utc_without_zone {}",
                    date.utc_without_zone
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
