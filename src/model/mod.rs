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
