//! The `timestamp` family: the `<!--epoch-->` comment that opens the body.

use jiff::Timestamp;

use super::options::{Configurable, OptionError, Value};
use crate::model::body::timestamp::TimestampUnit;

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod malformed;
pub mod mismatch;
pub mod missing;

rules! {
    "timestamp-malformed" => post malformed,
    "timestamp-mismatch" => post mismatch with mismatch::Options,
    "timestamp-missing" => post missing,
}

/// `[timestamp]`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `unit`: how the comment's number is read.
    pub unit: TimestampUnit,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            unit: TimestampUnit::Auto,
        }
    }
}

impl Configurable for Settings {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "unit" => {
                self.unit = match value.string()? {
                    "auto" => TimestampUnit::Auto,
                    "milliseconds" | "ms" => TimestampUnit::Milliseconds,
                    "seconds" | "s" => TimestampUnit::Seconds,
                    other => {
                        return Err(value.error(
                            format!("unknown unit `{other}`"),
                            Some("use \"auto\", \"milliseconds\" or \"seconds\""),
                        ));
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// The comment text for `date`: milliseconds, or seconds when the unit says
/// so (or, in `auto`, when the existing comment is `written` in seconds).
fn comment_value(date: Timestamp, unit: TimestampUnit, written: Option<&str>) -> String {
    if unit.in_seconds(written) {
        date.as_second().to_string()
    } else {
        date.as_millisecond().to_string()
    }
}
