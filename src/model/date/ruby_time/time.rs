//! Ruby's `Time.parse`, as Jekyll reads a `date`, and Psych's YAML
//! timestamps: the fields `Date._parse` finds, filled, rolled over and
//! moved by their zone into an instant ([`Reading`]).

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use super::date_parse::{LIMIT, date_parse};
use super::zone::{date_zone_offset, time_zone_offset};

/// What Jekyll makes of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The instant Jekyll publishes the post at.
    pub instant: Timestamp,
    /// The calendar day written, when it is one.
    pub written: Option<Date>,
    /// Why Jekyll reads another day or time than the one written.
    pub misread: Option<String>,
}

fn month_days(year: i16, month: i8) -> i8 {
    Date::new(year, month, 1).map_or(31, |d| d.days_in_month())
}

/// Ruby's `Time.utc`/`Time.local` arguments: month 1-12, day 1-31 (past the
/// month's end it rolls over), hour 0-24 (24 only on the hour), minute 0-59,
/// second 0-60. The civil date and time, and the day written when it is one.
pub fn civil(
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nanos: i64,
) -> Option<DateTime> {
    if !(1..=12).contains(&mon)
        || !(1..=31).contains(&mday)
        || !(0..=24).contains(&hour)
        || !(0..=59).contains(&min)
        || !(0..=60).contains(&sec)
        || (hour == 24 && (min > 0 || sec > 0))
        || !(-9999..=9999).contains(&year)
    {
        return None;
    }
    let first = Date::new(year as i16, mon as i8, 1).ok()?;
    let day = first.checked_add(jiff::Span::new().days(mday - 1)).ok()?;
    let dt = day.at(0, 0, 0, 0);
    dt.checked_add(
        jiff::Span::new()
            .hours(hour)
            .minutes(min)
            .seconds(sec)
            .nanoseconds(nanos),
    )
    .ok()
}

fn roll_note(year: i64, mon: i64, mday: i64, hour: i64, published: DateTime) -> Option<String> {
    if mday > i64::from(month_days(year as i16, mon as i8)) {
        return Some(format!(
            "{} has no day {mday}, so Jekyll rolls it over to {}",
            month_name(mon),
            published.date()
        ));
    }
    if hour == 24 {
        return Some(format!(
            "24:00 is the end of the day, so Jekyll publishes the post at midnight on {}",
            published.date()
        ));
    }
    None
}

fn month_name(mon: i64) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    .get((mon - 1) as usize)
    .copied()
    .unwrap_or("the month")
}

/// Ruby's `Time#apply_offset`: the fields less `off` seconds, carried
/// field by field (a day carried past the month's end is the 1st of the
/// next month), before `Time.utc` reads them.
fn apply_offset(
    year: i64,
    mon: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    off: i32,
) -> (i64, i64, i64, i64, i64, i64) {
    // `field += step; carry, field = field.divmod(size)`, as Ruby does.
    fn step(field: &mut i64, by: i64, size: i64) -> i64 {
        *field += by;
        let carry = field.div_euclid(size);
        *field = field.rem_euclid(size);
        carry
    }
    let (mut year, mut mon, mut day, mut hour, mut min, mut sec) = (year, mon, day, hour, min, sec);
    // West of UTC the fields move forward, east of it backward.
    let dir: i64 = if off < 0 { 1 } else { -1 };
    let mut off = i64::from(off).abs();
    if off == 0 {
        return (year, mon, day, hour, min, sec);
    }
    for (field, size) in [(&mut sec, 60), (&mut min, 60), (&mut hour, 24)] {
        let o = off % size;
        off /= size;
        if o != 0 {
            // Ruby adds the carry to what is left of the offset, in the
            // offset's direction.
            off += dir * step(field, dir * o, size);
        }
    }
    if off != 0 {
        day += dir * off;
        if dir > 0 {
            if (1..=12).contains(&mon) && i64::from(month_days(year as i16, mon as i8)) < day {
                mon += 1;
                if mon > 12 {
                    mon = 1;
                    year += 1;
                }
                day = 1;
            }
        } else if day < 1 {
            mon -= 1;
            if mon < 1 {
                year -= 1;
                mon = 12;
            }
            day = i64::from(month_days(year as i16, mon as i8));
        }
    }
    (year, mon, day, hour, min, sec)
}

/// Ruby's `Time.parse(text)` with the site's `zone` as the local zone, as
/// Jekyll reads a `date` that YAML leaves as a string. `Err` when Ruby
/// raises, which stops Jekyll's build.
pub fn time_parse(text: &str, zone: &TimeZone) -> Result<Reading, String> {
    if text.len() > LIMIT {
        return Err(format!(
            "is longer than the {LIMIT} characters Ruby's date parser reads, \
            so Jekyll stops the build on it"
        ));
    }
    let f = date_parse(text).unwrap_or_default();
    let no_date = f.year.is_none() && f.mon.is_none() && f.mday.is_none();
    if no_date && f.hour.is_none() && f.min.is_none() && f.sec.is_none() {
        return Err(
            "has no date Ruby's `Time.parse` can find, so Jekyll stops the build on it".into(),
        );
    }
    if f.year.is_none() {
        return Err("has no year, so Jekyll takes the year (or the day) of the build".into());
    }
    let year = f.year.unwrap_or(1970);
    let mon = f.mon.unwrap_or(1);
    let mday = f.mday.unwrap_or(1);
    let (hour, min, sec) = (f.hour.unwrap_or(0), f.min.unwrap_or(0), f.sec.unwrap_or(0));
    let offset = f
        .zone
        .as_deref()
        .and_then(|z| time_zone_offset(z, year as i16, zone));
    let out_of_range =
        || "has a month, day or time out of range, so Jekyll stops the build on it".to_string();
    let nanos = f.nanos.unwrap_or(0);
    let (instant, dt) = match offset {
        Some(secs) => {
            let (y, m, d, h, mi, s) = apply_offset(year, mon, mday, hour, min, sec, secs);
            let utc = civil(y, m, d, h, mi, s, nanos).ok_or_else(out_of_range)?;
            let instant = Offset::UTC
                .to_timestamp(utc)
                .map_err(|_| "is out of range".to_string())?;
            let o = Offset::from_seconds(secs).map_err(|_| "is out of range".to_string())?;
            (instant, o.to_datetime(instant))
        }
        // An hour that a clock change repeats is read in its second
        // occurrence, and one it skips moves forward, as Ruby does.
        None => {
            let dt = civil(year, mon, mday, hour, min, sec, nanos).ok_or_else(out_of_range)?;
            let instant = zone
                .to_ambiguous_timestamp(dt)
                .later()
                .map_err(|_| "is out of range".to_string())?;
            (instant, dt)
        }
    };
    let written = Date::new(year as i16, mon as i8, mday as i8).ok();
    let mut misread = roll_note(year, mon, mday, hour, dt);
    if misread.is_none()
        && offset.is_none()
        && let Some(z) = &f.zone
        && let Some(meant) = date_zone_offset(z)
        && zone.to_offset(instant).seconds() != meant
    {
        let sign = if meant < 0 { '-' } else { '+' };
        let (h, m) = (meant.abs() / 3600, meant.abs() % 3600 / 60);
        misread = Some(format!(
            "Ruby's `Time.parse` does not know the zone `{z}` ({sign}{h:02}:{m:02}), \
            so Jekyll reads the time in the site's zone instead"
        ));
    }
    Ok(Reading {
        instant,
        written,
        misread,
    })
}

/// How Psych reads a YAML 1.1 timestamp (`2020-3-1 2:00:00`, optional
/// fraction and zone): `Time.utc` of the fields, less the offset, which
/// Psych reads as signed hours plus unsigned minutes (`-0:30` is +00:30).
/// Without a zone the time is UTC.
pub fn psych_timestamp(text: &str) -> Option<Reading> {
    let s = text.trim();
    let (date, rest) = s.split_once(['T', 't', ' ', '\t'])?;
    let rest = rest.trim_start();
    let mut ymd = date.splitn(3, '-');
    let year: i64 = ymd.next()?.parse().ok()?;
    let mon: i64 = ymd.next()?.parse().ok()?;
    let mday: i64 = ymd.next()?.parse().ok()?;
    let time_len = rest
        .bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b':' || *c == b'.')
        .count();
    let (time, zone) = rest.split_at(time_len);
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut hms = hms.splitn(3, ':');
    let hour: i64 = hms.next()?.parse().ok()?;
    let min: i64 = hms.next()?.parse().ok()?;
    let sec: i64 = hms.next()?.parse().ok()?;
    let mut nanos = 0i64;
    for (p, c) in frac.bytes().take(9).enumerate() {
        nanos += i64::from(c - b'0') * 10i64.pow(8 - p as u32);
    }
    let dt = civil(year, mon, mday, hour, min, sec, nanos)?;
    let zone = zone.trim();
    let offset = if zone.is_empty() || zone == "Z" {
        0
    } else {
        let (h, m) = zone.split_once(':').unwrap_or_else(|| {
            let digits = zone.trim_start_matches(['+', '-']);
            if digits.len() > 2 {
                zone.split_at(zone.len() - 2)
            } else {
                (zone, "")
            }
        });
        let h: i32 = h.parse().ok()?;
        let m: i32 = if m.is_empty() { 0 } else { m.parse().ok()? };
        if h < 0 {
            h * 3600 - m * 60
        } else {
            h * 3600 + m * 60
        }
    };
    let instant = Offset::from_seconds(offset).ok()?.to_timestamp(dt).ok()?;
    Some(Reading {
        instant,
        written: Date::new(year as i16, mon as i8, mday as i8).ok(),
        misread: roll_note(year, mon, mday, hour, dt),
    })
}
