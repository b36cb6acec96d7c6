//! The JSON of one scalar as Psych reads it: see [`super`] for what each
//! type becomes.

use std::borrow::Cow;

use serde_json::{Number, Value};

use crate::model::front_matter::scalar::Scalar;

/// The JSON of one scalar: its text `text` read as Psych reads it (`value`).
pub fn scalar_json(text: &str, value: &Scalar) -> Value {
    match value {
        Scalar::Null => Value::Null,
        Scalar::Bool(b) => Value::Bool(*b),
        Scalar::Int => int(text).unwrap_or_else(|| Value::String(text.to_string())),
        Scalar::Float => float(text)
            .and_then(Number::from_f64)
            .map_or_else(|| Value::String(text.to_string()), Value::Number),
        Scalar::Date => date(text).map_or_else(|| Value::String(text.to_string()), Value::String),
        Scalar::Timestamp => {
            timestamp(text).map_or_else(|| Value::String(text.to_string()), Value::String)
        }
        Scalar::Str => Value::String(text.to_string()),
    }
}

/// `text` without the `_` and `,` Psych drops from a number.
fn without_separators(text: &str) -> Cow<'_, str> {
    if text.contains(['_', ',']) {
        Cow::Owned(text.replace(['_', ','], ""))
    } else {
        Cow::Borrowed(text)
    }
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// Psych's integer: `_` and `,` dropped, binary, hexadecimal, octal with a
/// leading `0`, base 60 with `:`, else decimal.
fn int(text: &str) -> Option<Value> {
    let cleaned = without_separators(text);
    let (negative, body) = split_sign(&cleaned);
    let magnitude: u128 = if body.contains(':') {
        body.split(':').try_fold(0u128, |acc, part| {
            Some(acc.checked_mul(60)? + part.parse::<u128>().ok()?)
        })?
    } else if let Some(bin) = body.strip_prefix("0b") {
        u128::from_str_radix(bin, 2).ok()?
    } else if let Some(hex) = body.strip_prefix("0x") {
        u128::from_str_radix(hex, 16).ok()?
    } else if body.len() > 1
        && let Some(oct) = body.strip_prefix('0')
    {
        u128::from_str_radix(oct, 8).ok()?
    } else {
        body.parse::<u128>().ok()?
    };
    let number = if negative {
        match i64::try_from(magnitude) {
            Ok(m) => Number::from(-m),
            Err(_) if magnitude == 1 << 63 => Number::from(i64::MIN),
            Err(_) => Number::from_f64(-(magnitude as f64))?,
        }
    } else {
        match u64::try_from(magnitude) {
            Ok(m) => Number::from(m),
            Err(_) => Number::from_f64(magnitude as f64)?,
        }
    };
    Some(Value::Number(number))
}

/// Psych's float: `_` and `,` dropped, base 60 with `:`; `None` for
/// `.inf` and `.nan`, which JSON cannot hold.
fn float(text: &str) -> Option<f64> {
    let cleaned = without_separators(text);
    let (negative, body) = split_sign(&cleaned);
    let magnitude = if body.contains(':') {
        let mut parts = body.split(':').peekable();
        let mut acc = 0f64;
        while let Some(part) = parts.next() {
            let part: f64 = part.parse().ok()?;
            acc = if parts.peek().is_some() {
                (acc + part) * 60.0
            } else {
                acc + part
            };
        }
        acc
    } else {
        body.parse::<f64>().ok().filter(|f| f.is_finite())?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Digits from `*at`, at least `min` and at most `max`.
fn digits(b: &[u8], at: &mut usize, min: usize, max: usize) -> Option<i64> {
    let start = *at;
    while *at < b.len() && *at - start < max && b[*at].is_ascii_digit() {
        *at += 1;
    }
    if *at - start < min {
        return None;
    }
    std::str::from_utf8(&b[start..*at]).ok()?.parse().ok()
}

fn expect(b: &[u8], at: &mut usize, c: u8) -> Option<()> {
    (b.get(*at) == Some(&c)).then(|| *at += 1)
}

/// `YYYY-M-D` from `*at`.
fn ymd(b: &[u8], at: &mut usize) -> Option<(i64, i64, i64)> {
    let negative = b.get(*at) == Some(&b'-');
    *at += usize::from(negative);
    let year = digits(b, at, 4, 4)?;
    expect(b, at, b'-')?;
    let month = digits(b, at, 1, 2)?;
    expect(b, at, b'-')?;
    let day = digits(b, at, 1, 2)?;
    Some((if negative { -year } else { year }, month, day))
}

/// A date's `YYYY-MM-DD`.
fn date(text: &str) -> Option<String> {
    let mut at = 0;
    let (year, month, day) = ymd(text.as_bytes(), &mut at)?;
    if at == "YYYY-MM-DD".len() {
        // Written as it is shown.
        return Some(text[..at].to_string());
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// A timestamp as RFC 3339: Ruby's `Time.utc` rolls a day past the month's
/// end, hour 24 and second 60 over; the offset is the one written, `Z`
/// when none is.
fn timestamp(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut at = 0;
    let (year, month, day) = ymd(b, &mut at)?;
    if matches!(b.get(at), Some(b'T' | b't')) {
        at += 1;
    } else {
        while b.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
    }
    let hour = digits(b, &mut at, 1, 2)?;
    expect(b, &mut at, b':')?;
    let minute = digits(b, &mut at, 2, 2)?;
    expect(b, &mut at, b':')?;
    let second = digits(b, &mut at, 2, 2)?;
    let mut fraction = "";
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        fraction = &text[start..at];
    }
    while b.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    let offset = match b.get(at) {
        None | Some(b'Z') => None,
        Some(&sign @ (b'+' | b'-')) => {
            at += 1;
            let hours = digits(b, &mut at, 1, 2)?;
            if b.get(at) == Some(&b':') {
                at += 1;
            }
            let minutes = digits(b, &mut at, 2, 2).unwrap_or(0);
            Some((sign as char, hours, minutes))
        }
        _ => return None,
    };
    let time = [year, month, day, hour, minute, second];
    let mut out = as_written(time).or_else(|| rolled(time))?;
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    match offset {
        None => out.push('Z'),
        Some((sign, hours, minutes)) => {
            out.push(sign);
            push_digits(&mut out, hours, 2);
            out.push(':');
            push_digits(&mut out, minutes, 2);
        }
    }
    Some(out)
}

/// `YYYY-MM-DDTHH:MM:SS` of a time that needs no rolling over: a day of
/// its month, a time of day, a four-digit year.
fn as_written([year, month, day, hour, minute, second]: [i64; 6]) -> Option<String> {
    let in_range = (1000..=9999).contains(&year)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..60).contains(&second)
        && jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .is_ok();
    if !in_range {
        return None;
    }
    let mut out = String::with_capacity(32);
    push_digits(&mut out, year, 4);
    for (separator, n) in [
        ('-', month),
        ('-', day),
        ('T', hour),
        (':', minute),
        (':', second),
    ] {
        out.push(separator);
        push_digits(&mut out, n, 2);
    }
    Some(out)
}

/// The `width` last digits of `n`, which is not negative, with leading
/// zeros (a number per time field is written on each timestamp: `format!`
/// would cost more than the rest of the view).
fn push_digits(out: &mut String, n: i64, width: u32) {
    for place in (0..width).rev() {
        let digit = (n / 10_i64.pow(place)) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// `YYYY-MM-DDTHH:MM:SS` of a time as Ruby's `Time.utc` rolls it over.
fn rolled([year, month, day, hour, minute, second]: [i64; 6]) -> Option<String> {
    let first =
        jiff::civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, 1).ok()?;
    let start = first.to_datetime(jiff::civil::Time::midnight());
    let span = jiff::Span::new()
        .days(day - 1)
        .hours(hour)
        .minutes(minute)
        .seconds(second);
    let moment = start.checked_add(span).ok()?;
    Some(moment.strftime("%Y-%m-%dT%H:%M:%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::{as_written, rolled};

    /// A time written without anything to roll over reads as it is
    /// written, as Ruby rolls it.
    #[test]
    fn a_time_as_written_is_the_time_rolled_over() {
        let mut compared = 0;
        for year in [999, 1000, 1900, 2000, 2023, 2024, 2100, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    for (hour, minute, second) in
                        [(0, 0, 0), (23, 59, 59), (24, 0, 0), (12, 60, 5), (1, 2, 60)]
                    {
                        let time = [year, month, day, hour, minute, second];
                        if let Some(written) = as_written(time) {
                            assert_eq!(Some(written), rolled(time), "{time:?}");
                            compared += 1;
                        }
                    }
                }
            }
        }
        assert!(compared > 1000);
    }
}
