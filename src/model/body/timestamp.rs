//! The timestamp comment's number read as an instant, in the configured
//! unit.

use jiff::Timestamp;

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
