//! The compact summary of a post ([`PostSummary`]): the strings of a full
//! summary as 64-bit hashes, with spans, kept for every post and stored in
//! caches.

use std::ops::Range;

use jiff::Timestamp;

pub use super::hash::{Hasher, hash};

/// What the whole-repository rules keep of every post: the strings of a
/// [`FullSummary`](super::full::FullSummary) as 64-bit hashes, enough to find the posts a rule may
/// report. A rule confirms a match on the full summaries of those few
/// posts before it reports it, so a collision reports nothing false.
/// Stored in caches: its hashes are the same on every run and platform.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PostSummary {
    /// The post's date, as in [`FullSummary::date`](super::full::FullSummary::date).
    pub date: Option<Stamp>,
    pub output: Option<OutputHashes>,
    pub source: Option<Source>,
    /// The tags' hashes, sorted, each once.
    pub tags: Box<[u64]>,
    pub tag_links: Box<[TagLink]>,
    /// The suppressions, names and all: they are few, and matching them
    /// must be exact.
    pub suppressions: Box<[Suppression]>,
    /// The references the `link` rules look up.
    pub links: Box<[LinkHashes]>,
    /// The hashes of the keys the file answers to.
    pub provides: Box<[u64]>,
    /// The file's URL (kept only for the files of ordinary sites, which
    /// the `link` rules judge), for their suggestions.
    pub url: Option<Box<str>>,
}

/// A reference the `link` rules look up: the hashes of its keys (any one
/// of which makes it found), and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkHashes {
    pub kind: super::links::LinkKind,
    pub keys: Box<[u64]>,
    /// The keys of what must exist for it to be judged (see
    /// [`FileLink::scope`](super::file_link::FileLink::scope)).
    pub scope: Box<[u64]>,
    pub span: Span,
}

/// A moment, as [`Timestamp`] orders it: seconds since the Unix epoch,
/// then the nanoseconds of the second (as signed as the seconds).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Stamp {
    pub second: i64,
    pub nanosecond: i32,
}

impl From<Timestamp> for Stamp {
    fn from(t: Timestamp) -> Stamp {
        Stamp {
            second: t.as_second(),
            nanosecond: t.subsec_nanosecond(),
        }
    }
}

/// A byte span; a post is never 4 GiB, and a larger offset is held as
/// `u32::MAX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl From<&Range<usize>> for Span {
    fn from(r: &Range<usize>) -> Span {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: at(r.start),
            end: at(r.end),
        }
    }
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The hashes of [`OutputPlace::file`](crate::model::jekyll::output::OutputPlace::file), as written and lowercased.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OutputHashes {
    pub file: u64,
    pub folded: u64,
    pub span: Span,
}

/// The hash of the normalised source URL, and where it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub url: u64,
    pub span: Span,
}

/// The hash of [`SiteTagLink::key`](super::full::SiteTagLink::key), and the link's href.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TagLink {
    pub key: u64,
    pub span: Span,
}

/// A suppression: the name (every rule when `None`) and the bytes it covers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppression {
    pub name: Option<Box<str>>,
    pub region: Span,
}
