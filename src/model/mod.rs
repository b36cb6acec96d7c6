//! The parsed post: everything rules read, with byte spans, built once.

pub mod anchors;
pub mod body;
pub mod date;
pub mod entities;
pub mod front_matter;
pub mod jekyll;
pub mod line_index;
pub mod lines;
pub mod permalink;
pub mod scalar;
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
    /// Suppression comments and the front matter `postlint` key.
    pub suppressions: suppress::Suppressions,
}

/// The `date` key: where it is and what it means.
pub struct DateField {
    pub span: Range<usize>,
    pub value: Result<Timestamp, DateError>,
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
        let front_matter = front_matter::parse(text, start);
        let body_start = match &front_matter {
            FrontMatter::Missing => start,
            FrontMatter::Unterminated { .. } => text.len(),
            other => other.block().map_or(start, |b| b.body_start),
        };
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
            suppressions,
        }
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
            let needles = tag::required_literals(self.tag_patterns);
            let found = |n: &String| memchr::memmem::find(body.as_bytes(), n.as_bytes()).is_some();
            if needles.as_ref().is_some_and(|n| !n.iter().any(found)) {
                return Vec::new();
            }
            self.anchors()
                .iter()
                .enumerate()
                .filter_map(|(i, a)| read_tag_link(self.text, i, a, self.tag_patterns))
                .collect()
        })
    }

    /// The source text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }
}

fn read_date(node: &Node, zone: &jiff::tz::TimeZone) -> Option<DateField> {
    let value = match &node.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => return None,
        NodeKind::Scalar {
            text,
            value: Scalar::Str | Scalar::Date | Scalar::Timestamp,
            ..
        } => date::parse_in(text, zone),
        other => Err(DateError(format!(
            "`date` is {}, not a date",
            match other {
                NodeKind::Scalar { value, .. } => value.type_name(),
                _ => node.type_name(),
            }
        ))),
    };
    Some(DateField {
        span: node.span.clone(),
        value,
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
) -> Option<TagLink> {
    let href = &text[anchor.href.clone()];
    let (path_start, path) = tag::raw_path(href)?;
    let tag_range = patterns.iter().find_map(|p| p.matches(path))?;
    // `/tags/#bridges`: a tag index with the tag in the fragment, not a
    // link to a tag page with an empty tag.
    if tag_range.is_empty()
        && href
            .split_once('#')
            .is_some_and(|(_, f)| !f.trim().is_empty())
    {
        return None;
    }
    let tag = anchor.href.start + path_start + tag_range.start
        ..anchor.href.start + path_start + tag_range.end;
    let decoded_href = entities::decode(href);
    let base = Url::parse("http://postlint.invalid/").expect("static base URL");
    let decoded = match Url::options().base_url(Some(&base)).parse(&decoded_href) {
        Err(e) => Err(TagLinkError::NotUrl(e.to_string())),
        Ok(_) => {
            let raw = entities::decode(&text[tag.clone()]);
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
