//! One post, parsed once: [`Post`], and what reading it needs besides its
//! text ([`ParseOptions`]). Rules read it and never parse again.

use std::cell::OnceCell;
use std::ops::Range;

use jiff::Timestamp;

use super::body::anchors::{self, Anchor};
use super::body::opening::{self, HeaderLink, TimestampComment};
use super::body::timestamp::{TimestampUnit, read_timestamp};
use super::date::field::{DateField, read_date};
use super::front_matter::block::{self, FrontMatter};
use super::front_matter::source::{SourceField, read_source};
use super::link::{self as links, Reference};
use super::suppress;
use super::tag::link::{self, TagLink, TagScope};
use super::tag::pattern::TagPattern;

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
    /// Every reference of the body to another file, found on first use.
    references: OnceCell<Vec<Reference>>,
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

impl<'a> Post<'a> {
    pub fn parse(text: &'a str, options: ParseOptions<'a>) -> Post<'a> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (front_matter, body_start) = block::split(text);
        let (timestamp, header) = opening::parse(text, body_start);
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
            references: OnceCell::new(),
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

    /// Every reference of the body (not the front matter) to another file
    /// of the site: links, images, HTML `href`/`src`/`srcset`, and the
    /// Liquid tags that name a file, each with its span. The Markdown ones
    /// ([`RefKind::is_markdown`](super::link::RefKind::is_markdown)) are
    /// links only in a file Jekyll converts from Markdown, which the caller
    /// knows by its path.
    pub fn references(&self) -> &[Reference] {
        self.references
            .get_or_init(|| links::find(self.text, self.body_start..self.text.len()))
    }

    /// The anchors that point at a tag. A body that holds none of the
    /// literal parts of the tag patterns (such as `/tag/`) has none, and its
    /// HTML is not parsed at all.
    pub fn tag_links(&self) -> &[TagLink] {
        self.tag_links.get_or_init(|| {
            link::find(
                self.text,
                self.body_start,
                self.tag_patterns,
                self.tag_scope,
                || self.in_mirror_format(),
                self.anchors_parsed(),
                || self.anchors(),
            )
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
                .is_some_and(|t| opening::mirror_timestamp(&self.text[t.value.clone()]))
    }

    /// The source text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }
}
