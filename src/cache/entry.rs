//! One post's entry in the cache, and how its findings are written down.

use std::ops::Range;
use std::sync::Arc;

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};

use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
use crate::model::jekyll::site::Now;
use crate::model::summary::compact::PostSummary;
use crate::report::excerpt::Excerpt;
use crate::report::line_index::Position;
use crate::report::{Elsewhere, Finding};

/// What the cache knows of one post: the file it was read from, the
/// settings it was checked with, and what checking it gave.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    /// The hash of the file's bytes, which decides when the stamp changed
    /// but the text did not (a `git checkout` rewrites files).
    pub content: [u64; 2],
    /// The settings' fingerprint, as an index into the cache's list of
    /// their hashes.
    pub settings: u32,
    /// The index of the schema that applies to the post, in `[[schema]]`'s
    /// order, whose digest `settings` holds.
    pub schema: Option<u32>,
    pub valid: Valid,
    /// The findings, when there are any: most posts have none, and an
    /// entry without them stays small.
    pub found: Option<Box<Found>>,
    pub summary: Option<Arc<PostSummary>>,
    /// Whether this run looked at the entry (and found it to hold).
    #[serde(skip)]
    pub used: bool,
}

/// A post's findings, and how many more a rule left out.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Found {
    pub findings: Vec<CachedFinding>,
    pub over_limit: usize,
}

/// A file's size and modification time, as ruff keys its cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Seconds and nanoseconds since the epoch; `None` when the file
    /// system does not tell, so that only the content can match.
    pub modified: Option<(i64, u32)>,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        let modified = meta.modified().ok().and_then(|t| {
            let d = t.duration_since(std::time::UNIX_EPOCH).ok()?;
            Some((i64::try_from(d.as_secs()).ok()?, d.subsec_nanos()))
        });
        Stamp {
            size: meta.len(),
            modified,
        }
    }

    /// Whether two stamps say the file is unchanged.
    pub fn same(&self, other: &Stamp) -> bool {
        self.modified.is_some() && self == other
    }
}

/// At which moments a post's findings hold. Only a post's `date` makes
/// them depend on the moment (`jekyll-future-date`, and whether Jekyll
/// publishes the post at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Valid {
    /// The post has no `date`: at every moment.
    Always,
    /// Checked at or after its `date`: at every moment from that date on.
    From(Timestamp),
    /// Checked before its `date`, against the clock: until that date,
    /// against the clock.
    Until(Timestamp),
    /// Checked before its `date`, against `--now` at this moment: for that
    /// `--now` only (the finding names it).
    At(Timestamp),
}

impl Valid {
    /// When the findings of a post dated `date`, checked at `now`, hold.
    pub fn new(date: Option<Timestamp>, now: Now) -> Valid {
        match date {
            None => Valid::Always,
            Some(date) if date <= now.instant => Valid::From(date),
            Some(_) if now.given => Valid::At(now.instant),
            Some(date) => Valid::Until(date),
        }
    }

    pub fn holds(self, now: Now) -> bool {
        match self {
            Valid::Always => true,
            Valid::From(date) => now.instant >= date,
            Valid::Until(date) => !now.given && now.instant < date,
            Valid::At(instant) => now.given && now.instant == instant,
        }
    }
}

/// A finding as the cache writes it: the rule by its id.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CachedFinding(#[serde(with = "FindingDef")] pub Finding);

#[derive(Serialize, Deserialize)]
#[serde(remote = "Finding")]
struct FindingDef {
    #[serde(with = "diagnostic_def")]
    diagnostic: Diagnostic,
    start: Position,
    end: Position,
    related: Vec<(Position, Position)>,
    edits: Vec<(Position, Position)>,
    excerpt: Excerpt,
    elsewhere: Vec<Elsewhere>,
}

/// A diagnostic as written: the fields of [`Diagnostic`], its rule by id.
#[derive(Serialize)]
struct DiagnosticOut<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: &'a Range<usize>,
    label: &'a str,
    related: &'a [Label],
    help: &'a Option<String>,
    fix: &'a Option<Fix>,
}

#[derive(Deserialize)]
struct DiagnosticIn {
    rule: String,
    severity: Severity,
    message: String,
    span: Range<usize>,
    label: String,
    related: Vec<Label>,
    help: Option<String>,
    fix: Option<Fix>,
}

mod diagnostic_def {
    use super::*;

    pub fn serialize<S: serde::Serializer>(d: &Diagnostic, s: S) -> Result<S::Ok, S::Error> {
        DiagnosticOut {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            span: &d.span,
            label: &d.label,
            related: &d.related,
            help: &d.help,
            fix: &d.fix,
        }
        .serialize(s)
    }

    /// A rule read back as the registry's own id; an id the registry does
    /// not know (a cache of another build) makes the cache unreadable.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Diagnostic, D::Error> {
        let d = DiagnosticIn::deserialize(d)?;
        let rule = crate::rules::find(&d.rule)
            .map(|(_, rule)| rule.id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{}`", d.rule)))?;
        Ok(Diagnostic {
            rule,
            severity: d.severity,
            message: d.message,
            span: d.span,
            label: d.label,
            related: d.related,
            help: d.help,
            fix: d.fix,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, given: bool) -> Now {
        Now {
            instant: s.parse().unwrap(),
            given,
        }
    }

    #[test]
    fn findings_hold_while_the_date_is_on_the_same_side() {
        let date: Timestamp = "2030-01-01T00:00:00Z".parse().unwrap();
        let before = at("2029-06-01T00:00:00Z", false);
        let after = at("2031-01-01T00:00:00Z", false);

        assert_eq!(Valid::new(None, before), Valid::Always);
        assert!(Valid::Always.holds(after));

        let past = Valid::new(Some(date), after);
        assert!(past.holds(at("2032-01-01T00:00:00Z", false)));
        assert!(past.holds(at("2032-01-01T00:00:00Z", true)));
        assert!(!past.holds(before));

        let future = Valid::new(Some(date), before);
        assert!(future.holds(at("2029-12-31T00:00:00Z", false)));
        assert!(!future.holds(after));
        // The finding says "later than now", not the `--now` given.
        assert!(!future.holds(at("2029-12-31T00:00:00Z", true)));

        let given = Valid::new(Some(date), at("2029-06-01T00:00:00Z", true));
        assert!(given.holds(at("2029-06-01T00:00:00Z", true)));
        assert!(!given.holds(at("2029-06-02T00:00:00Z", true)));
        assert!(!given.holds(before));
    }
}
