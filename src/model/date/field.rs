//! The front matter `date`: where it is, and the instant Jekyll 4.3 reads
//! from it (through Psych's timestamps and Ruby's `Time.parse`).

use std::ops::Range;

use jiff::Timestamp;

use super::format::DateError;
use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};

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

pub(crate) fn read_date(node: &Node, zone: &jiff::tz::TimeZone) -> Option<DateField> {
    use super::ruby_time::time::{Reading, psych_timestamp, time_parse};
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
