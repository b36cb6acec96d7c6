//! Reading front matter dates: `YYYY-MM-DD`, optionally a time
//! (`T` or spaces, `HH:MM[:SS[.fraction]]`) and a zone (`Z`, `±HH[:MM]`).
//! Field ranges are checked, so `2014-02-30` and `25:61` are errors.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

/// A date that could not be read, with a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn number(&mut self, min: usize, max: usize) -> Option<i64> {
        let start = self.i;
        while self.i < self.b.len() && self.i - start < max && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i - start < min {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn spaces(&mut self) -> usize {
        let start = self.i;
        while matches!(self.b.get(self.i), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        self.i - start
    }

    fn done(&self) -> bool {
        self.i == self.b.len()
    }
}

const EXPECTED: &str =
    "expected YYYY-MM-DD, optionally followed by HH:MM[:SS[.fff]] and a zone such as Z or +08:00";

/// Parse a date. A value without a zone is read in UTC.
pub fn parse(text: &str) -> Result<Timestamp, DateError> {
    parse_in(text, &TimeZone::UTC)
}

/// Parse a date; a value without a zone is read in `zone`, as Jekyll reads
/// it in the site's `timezone`.
pub fn parse_in(text: &str, zone: &TimeZone) -> Result<Timestamp, DateError> {
    let bad = || DateError(format!("`{text}` is not a date: {EXPECTED}"));
    let s = text.trim();
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let year = c.number(4, 4).ok_or_else(bad)?;
    if !c.eat(b'-') {
        return Err(bad());
    }
    let month = c.number(1, 2).ok_or_else(bad)?;
    if !c.eat(b'-') {
        return Err(bad());
    }
    let day = c.number(1, 2).ok_or_else(bad)?;
    let date = Date::new(year as i16, month as i8, day as i8)
        .map_err(|_| DateError(format!("`{text}` is not a real calendar date")))?;
    let mut time = Time::midnight();
    let mut offset = None;
    if !c.done() {
        if !(c.eat(b'T') || c.eat(b't') || c.spaces() > 0) {
            return Err(bad());
        }
        let hour = c.number(1, 2).ok_or_else(bad)?;
        if !c.eat(b':') {
            return Err(bad());
        }
        let minute = c.number(2, 2).ok_or_else(bad)?;
        let mut second = 0;
        let mut nanos = 0i64;
        if c.eat(b':') {
            second = c.number(2, 2).ok_or_else(bad)?;
            if c.eat(b'.') {
                let start = c.i;
                let frac = c.number(1, 30).ok_or_else(bad)?;
                let digits = (c.i - start) as u32;
                nanos = if digits <= 9 {
                    frac * 10i64.pow(9 - digits)
                } else {
                    // Keep the first nine digits.
                    s[start..start + 9].parse().map_err(|_| bad())?
                };
            }
        }
        time = Time::new(hour as i8, minute as i8, second as i8, nanos as i32)
            .map_err(|_| DateError(format!("`{text}` has an impossible time of day")))?;
        c.spaces();
        if c.eat(b'Z') || c.eat(b'z') {
            offset = Some(Offset::UTC);
        } else if let Some(&sign @ (b'+' | b'-')) = c.b.get(c.i) {
            c.i += 1;
            let hours = c.number(1, 2).ok_or_else(bad)?;
            c.eat(b':');
            let minutes = c.number(2, 2).unwrap_or(0);
            if hours > 23 || minutes > 59 {
                return Err(DateError(format!("`{text}` has an impossible UTC offset")));
            }
            let secs = (hours * 3600 + minutes * 60) as i32;
            offset = Some(
                Offset::from_seconds(if sign == b'-' { -secs } else { secs }).map_err(|_| bad())?,
            );
        }
        if !c.done() {
            return Err(bad());
        }
    }
    let dt = DateTime::from_parts(date, time);
    let out_of_range = |_| DateError(format!("`{text}` is out of range"));
    match offset {
        Some(offset) => offset.to_timestamp(dt).map_err(out_of_range),
        // Jekyll reads a zoneless time as local time in the site's zone; a
        // time skipped by a clock change moves forward, as Ruby's does.
        None => zone.to_timestamp(dt).map_err(out_of_range),
    }
}

/// Write `instant` in the style of the date `written` (as it appears in the
/// front matter, quotes included): the same separator, precision, zone form
/// and offset, with seconds or a fraction added only when the instant needs
/// them. `None` when `written` is not a date this module reads, or the result
/// would not read back as `instant`.
pub fn restyle(written: &str, instant: Timestamp) -> Option<String> {
    let quote = match written.as_bytes() {
        [q @ (b'"' | b'\''), .., last] if q == last && written.len() >= 2 => Some(*q as char),
        _ => None,
    };
    let inner = match quote {
        Some(_) => &written[1..written.len() - 1],
        None => written,
    };
    let s = inner.trim();
    let b = s.as_bytes();
    // `YYYY-MM-DD`, then the rest of the text, which gives the style.
    if b.len() < 8 {
        return None;
    }
    parse(s).ok()?;
    let after_date = {
        let mut dashes = 0;
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'-' {
                dashes += 1;
            }
            i += 1;
            if dashes == 2 {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                break;
            }
        }
        i
    };
    let rest = &s[after_date..];
    let mut out = String::new();
    if rest.is_empty() {
        // A date alone is midnight UTC; add a time only when it is needed.
        let dt = Offset::UTC.to_datetime(instant);
        out.push_str(&dt.date().strftime("%Y-%m-%d").to_string());
        if dt.time() != Time::midnight() {
            out.push('T');
            out.push_str(&time_text(dt.time(), 2, true, 0));
            out.push('Z');
        }
    } else {
        let sep_len = rest
            .bytes()
            .position(|c| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let sep = &rest[..sep_len];
        let time = &rest[sep_len..];
        let hour_digits = time.bytes().take_while(u8::is_ascii_digit).count();
        let tb = time.as_bytes();
        let after_minutes = hour_digits + 3;
        let has_seconds = tb.get(after_minutes) == Some(&b':');
        let mut end = if has_seconds {
            after_minutes + 3
        } else {
            after_minutes
        };
        let mut frac_digits = 0;
        if has_seconds && tb.get(end) == Some(&b'.') {
            frac_digits = tb[end + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            end += 1 + frac_digits;
        }
        let zone = time.get(end..)?;
        let zone_text = zone.trim_start();
        let zone_gap = &zone[..zone.len() - zone_text.len()];
        let offset = zone_offset(zone_text)?;
        let dt = offset.to_datetime(instant);
        out.push_str(&dt.date().strftime("%Y-%m-%d").to_string());
        out.push_str(sep);
        out.push_str(&time_text(dt.time(), hour_digits, has_seconds, frac_digits));
        out.push_str(zone_gap);
        out.push_str(zone_text);
    }
    if parse(&out).ok()? != instant {
        return None;
    }
    Some(match quote {
        Some(q) => format!("{q}{out}{q}"),
        None => out,
    })
}

/// The offset a zone suffix names: empty (UTC), `Z`, `+08:00`, `+0800`, `+08`.
fn zone_offset(zone: &str) -> Option<Offset> {
    if zone.is_empty() || zone == "Z" || zone == "z" {
        return Some(Offset::UTC);
    }
    let sign = match zone.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            let split = digits.len() - 2;
            (digits[..split].parse().ok()?, digits[split..].parse().ok()?)
        }
        _ => return None,
    };
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// `HH:MM[:SS[.fff]]`, adding seconds and a fraction when the time needs them.
fn time_text(t: Time, hour_digits: usize, seconds: bool, frac_digits: usize) -> String {
    let nanos = t.subsec_nanosecond();
    let frac_digits = if nanos == 0 {
        frac_digits
    } else {
        let mut needed: usize = 9;
        while needed > 0 && nanos % 10i32.pow(10 - needed as u32) == 0 {
            needed -= 1;
        }
        // Milliseconds, microseconds or nanoseconds: whole groups of three.
        frac_digits.max(needed.div_ceil(3) * 3).min(9)
    };
    let seconds = seconds || t.second() != 0 || frac_digits > 0;
    let mut out = if hour_digits < 2 {
        format!("{}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}", t.hour(), t.minute())
    };
    if seconds {
        out.push_str(&format!(":{:02}", t.second()));
    }
    if frac_digits > 0 {
        let frac = nanos / 10i32.pow(9 - frac_digits as u32);
        out.push_str(&format!(".{frac:0frac_digits$}"));
    }
    out
}

/// Format an instant for messages: ISO 8601 in UTC, milliseconds only when
/// there are some.
pub fn iso(ts: Timestamp) -> String {
    if ts.subsec_millisecond() == 0 {
        ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }
}

/// A difference in milliseconds as human units: `8h`, `1d 2h 3m`, `250ms`.
pub fn human_difference(ms: i128) -> String {
    let ms = ms.unsigned_abs();
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let mut secs = ms / 1000;
    let rest_ms = ms % 1000;
    let mut parts = Vec::new();
    for (unit, size) in [("d", 86_400u128), ("h", 3600), ("m", 60)] {
        if secs >= size {
            parts.push(format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    if secs > 0 || rest_ms > 0 {
        if rest_ms > 0 {
            parts.push(format!("{secs}.{rest_ms:03}s"));
        } else {
            parts.push(format!("{secs}s"));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> i64 {
        parse(s).unwrap().as_millisecond()
    }

    #[test]
    fn formats() {
        assert_eq!(ms("2022-10-31T16:39:58.000Z"), 1667234398000);
        assert_eq!(ms("2022-11-01 00:39:58 +08:00"), 1667234398000);
        assert_eq!(ms("2022-11-01 00:39:58 +0800"), 1667234398000);
        assert_eq!(ms("2022-10-31 16:39:58"), 1667234398000);
        assert_eq!(ms("2022-10-31T16:39:58.5Z"), 1667234398500);
        assert_eq!(ms("2022-10-31"), 1667174400000);
    }

    #[test]
    fn restyled_dates_keep_their_style() {
        let at = |s: &str| parse(s).unwrap();
        let cases = [
            (
                "2022-10-31T16:39:58.000Z",
                "2022-11-02T08:30:00Z",
                "2022-11-02T08:30:00.000Z",
            ),
            (
                "2022-10-31 16:39:58 +08:00",
                "2022-11-02T08:30:00Z",
                "2022-11-02 16:30:00 +08:00",
            ),
            (
                "2022-10-31 16:39:58 +0800",
                "2022-11-02T08:30:00.250Z",
                "2022-11-02 16:30:00.250 +0800",
            ),
            (
                "\"2022-10-31 16:39\"",
                "2022-11-02T08:30:00Z",
                "\"2022-11-02 08:30\"",
            ),
            (
                "2022-10-31 16:39",
                "2022-11-02T08:30:05Z",
                "2022-11-02 08:30:05",
            ),
            ("2022-10-31", "2022-11-02T00:00:00Z", "2022-11-02"),
            ("2022-10-31", "2022-11-02T08:30:00Z", "2022-11-02T08:30:00Z"),
            (
                "2022-10-31T16:39:58.5Z",
                "2022-11-02T08:30:00.125Z",
                "2022-11-02T08:30:00.125Z",
            ),
            (
                "2022-10-31T6:39:58-05:00",
                "2022-11-02T08:30:00Z",
                "2022-11-02T3:30:00-05:00",
            ),
        ];
        for (written, instant, expected) in cases {
            assert_eq!(
                restyle(written, at(instant)).as_deref(),
                Some(expected),
                "{written}"
            );
        }
        assert_eq!(restyle("yesterday", at("2022-11-02")), None);
    }

    #[test]
    fn invalid() {
        for bad in [
            "2014-02-30",
            "2014-02-04 25:61:00",
            "yesterday",
            "2014-02-04T10:00:00+25:00",
            "2014-02-04 10:00 junk",
            "",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn differences() {
        assert_eq!(human_difference(250), "250ms");
        assert_eq!(human_difference(-8 * 3600 * 1000), "8h");
        assert_eq!(human_difference(90_061_500), "1d 1h 1m 1.500s");
    }
}
