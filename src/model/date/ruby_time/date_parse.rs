//! Ruby's `Date._parse`, for the forms posts use: a day name, a time, then
//! the first date form that fits; the [`Fields`] it finds.

use super::fields::Fields;
use super::scan::*;
use super::time_of_day::parse_time;

/// Ruby's `Date._parse` refuses longer texts.
pub(super) const LIMIT: usize = 128;

/// `Date._parse`'s `s3e`: set year, month and day, swapping a long "day"
/// into the year, and completing a two-digit year (69-99 in the 1900s).
fn s3e(f: &mut Fields, y: Option<Part>, m: Option<Part>, d: Option<Part>) {
    let (mut y, mut m, mut d) = (y, m, d);
    if y.is_some() && m.is_some() && d.is_none() {
        (y, m, d) = (d, y, m);
    }
    if y.is_none() {
        if let Some(dd) = d
            && (dd.long() || dd.apostrophe)
        {
            y = Some(dd);
            d = None;
        }
    } else if let (Some(yy), Some(dd)) = (y, d)
        && !yy.apostrophe
        && !yy.long()
        && (dd.long() || dd.apostrophe)
    {
        (y, d) = (Some(dd), Some(yy));
    }
    if let Some(yy) = y {
        let mut v = yy.value();
        if !yy.apostrophe && !yy.long() && !yy.text.starts_with(b"-") && (0..=99).contains(&v) {
            v += if v >= 69 { 1900 } else { 2000 };
        }
        f.year = Some(v);
    }
    if let Some(mm) = m {
        f.mon = Some(mm.value());
    }
    if let Some(dd) = d {
        f.mday = Some(dd.value());
    }
}

fn parse_day(s: &mut [u8]) {
    for i in 0..s.len() {
        if boundary(s, i)
            && s.get(i..i + 3)
                .is_some_and(|w| DAYS.iter().any(|d| d.as_bytes() == w))
        {
            let end = skip_non(s, i + 3, false);
            let end = end.min(i + 3 + s[i + 3..end].iter().take_while(|c| **c != b'/').count());
            blank(s, i, end);
            return;
        }
    }
}

fn parse_eu(s: &mut [u8], f: &mut Fields) -> bool {
    for i in 0..s.len() {
        let Some((d, from, after)) = part(s, i, false) else {
            continue;
        };
        if from > 0 && s[from - 1].is_ascii_digit() {
            continue;
        }
        let j = skip_non(s, after, false);
        let j = j + spaces(s, j);
        let Some(mon) = month_at(s, j) else {
            continue;
        };
        let mut end = skip_non(s, j + 3, true);
        let k = end + spaces(s, end);
        let mut y = None;
        if let Some((yy, _, e)) = part(s, k, true) {
            y = Some(yy);
            end = e;
            for suffix in [&b"st"[..], b"nd", b"rd", b"th"] {
                if s[end..].starts_with(suffix)
                    && !s.get(end + 2).is_some_and(u8::is_ascii_alphanumeric)
                {
                    end += 2;
                }
            }
        }
        let (d, y) = (
            (d.text.to_vec(), false),
            y.map(|p| (p.text.to_vec(), p.apostrophe)),
        );
        blank(s, from, end);
        let m = (mon.to_string().into_bytes(), false);
        s3e(f, y.as_ref().map(owned), Some(owned(&m)), Some(owned(&d)));
        return true;
    }
    false
}

fn parse_us(s: &mut [u8], f: &mut Fields) -> bool {
    for i in 0..s.len() {
        if !boundary(s, i) {
            continue;
        }
        let Some(mon) = month_at(s, i) else { continue };
        let j = skip_non(s, i + 3, true);
        let j = j + spaces(s, j);
        let Some((d, _, after)) = part(s, j, false) else {
            continue;
        };
        let mut end = skip_non(s, after, true);
        let mut k = end + spaces(s, end);
        if s.get(k) == Some(&b',') {
            k += 1;
        }
        k += spaces(s, k);
        let mut y = None;
        if let Some((yy, _, e)) = part(s, k, true) {
            y = Some((yy.text.to_vec(), yy.apostrophe));
            end = e;
        }
        let d = (d.text.to_vec(), d.apostrophe);
        blank(s, i, end);
        let m = (mon.to_string().into_bytes(), false);
        s3e(f, y.as_ref().map(owned), Some(owned(&m)), Some(owned(&d)));
        return true;
    }
    false
}

/// `a SEP b SEP c` with `SEP` one of `-` (ISO), `/` or `.`.
fn parse_three(s: &mut [u8], f: &mut Fields, sep: u8) -> bool {
    for i in 0..s.len() {
        if i > 0 && (s[i - 1].is_ascii_digit() || s[i - 1] == b'\'') {
            continue;
        }
        let Some((a, from, e1)) = part(s, i, true) else {
            continue;
        };
        if s.get(e1) != Some(&sep) {
            continue;
        }
        let k = e1 + 1 + if sep == b'-' { 0 } else { spaces(s, e1 + 1) };
        let Some((b, _, e2)) = part(s, k, false) else {
            continue;
        };
        let mut end = e2;
        let mut c = None;
        if sep == b'/' {
            // `(?:\D\s*('?-?\d+))?`
            if let Some(&x) = s.get(e2)
                && !x.is_ascii_digit()
            {
                let k = e2 + 1 + spaces(s, e2 + 1);
                if let Some((cc, _, e3)) = part(s, k, true) {
                    c = Some(cc);
                    end = e3;
                }
            }
        } else {
            if s.get(e2) != Some(&sep) {
                continue;
            }
            let k = e2 + 1 + if sep == b'-' { 0 } else { spaces(s, e2 + 1) };
            let Some((cc, _, e3)) = part(s, k, true) else {
                continue;
            };
            c = Some(cc);
            end = e3;
        }
        let own = |p: Part| (p.text.to_vec(), p.apostrophe);
        let (a, b, c) = (own(a), own(b), c.map(own));
        blank(s, from, end);
        s3e(f, Some(owned(&a)), Some(owned(&b)), c.as_ref().map(owned));
        return true;
    }
    false
}

fn owned(x: &(Vec<u8>, bool)) -> Part<'_> {
    Part {
        text: &x.0[..],
        apostrophe: x.1,
    }
}

fn parse_mon(s: &mut [u8], f: &mut Fields) -> bool {
    for i in 0..s.len() {
        if boundary(s, i)
            && let Some(mon) = month_at(s, i)
        {
            let end = i + s[i..].iter().take_while(|c| **c != b' ').count();
            blank(s, i, end);
            f.mon = Some(mon);
            return true;
        }
    }
    false
}

fn parse_mday(s: &mut [u8], f: &mut Fields) -> bool {
    for i in 0..s.len() {
        if !s[i].is_ascii_digit() || (i > 0 && s[i - 1].is_ascii_digit()) {
            continue;
        }
        let e = i + digits(s, i);
        if [&b"st"[..], b"nd", b"rd", b"th"]
            .iter()
            .any(|x| s[e..].starts_with(x))
            && !s.get(e + 2).is_some_and(u8::is_ascii_alphanumeric)
        {
            f.mday = Some(num(s, i, e));
            blank(s, i, e + 2);
            return true;
        }
    }
    false
}

/// Digits alone: `DD`, `MMDD`, `YYMMDD`, `YYYYMMDD`.
fn parse_ddd(s: &mut [u8], f: &mut Fields) -> bool {
    for i in 0..s.len() {
        if !s[i].is_ascii_digit() || (i > 0 && s[i - 1].is_ascii_digit()) {
            continue;
        }
        let e = i + digits(s, i);
        let n = |a: usize, b: usize| num(s, i + a, i + b);
        match e - i {
            2 => f.mday = Some(n(0, 2)),
            4 => {
                f.mon = Some(n(0, 2));
                f.mday = Some(n(2, 4));
            }
            6 => {
                let y = n(0, 2);
                f.year = Some(if y >= 69 { 1900 + y } else { 2000 + y });
                f.mon = Some(n(2, 4));
                f.mday = Some(n(4, 6));
            }
            8 => {
                f.year = Some(n(0, 4));
                f.mon = Some(n(4, 6));
                f.mday = Some(n(6, 8));
            }
            _ => return false,
        }
        let mut end = e;
        // `(?:\s*t?\s*(\d{2,6})?)`: a time of two, four or six digits
        // after a date of six or eight, which wins over a time found before.
        if matches!(e - i, 6 | 8) {
            let mut k = e + spaces(s, e);
            if s.get(k) == Some(&b't') {
                k += 1;
            }
            k += spaces(s, k);
            let t = digits(s, k);
            if matches!(t, 2 | 4 | 6) {
                f.hour = Some(num(s, k, k + 2));
                if t >= 4 {
                    f.min = Some(num(s, k + 2, k + 4));
                }
                if t == 6 {
                    f.sec = Some(num(s, k + 4, k + 6));
                }
                end = k + t;
            }
        }
        blank(s, i, end);
        return true;
    }
    false
}

/// Ruby's `Date._parse` (with `comp`), for the forms above.
pub fn date_parse(text: &str) -> Option<Fields> {
    if text.len() > LIMIT {
        return None;
    }
    // Runs of characters other than `-+',./:@[]` and letters or digits
    // are one space; letters are compared in lower case.
    let mut original = Vec::with_capacity(text.len());
    for c in text.chars() {
        let keep = c.is_alphanumeric() || "-+',./:@[]".contains(c);
        let c = if keep && c.is_ascii() { c as u8 } else { b' ' };
        let c = if keep && !c.is_ascii() { b'x' } else { c };
        if c == b' ' && original.last() == Some(&b' ') {
            continue;
        }
        original.push(c);
    }
    let mut s: Vec<u8> = original.to_ascii_lowercase();
    let mut f = Fields::default();
    parse_day(&mut s);
    parse_time(&mut s, &mut f, &original);
    let _ = parse_eu(&mut s, &mut f)
        || parse_us(&mut s, &mut f)
        || parse_three(&mut s, &mut f, b'-')
        || parse_three(&mut s, &mut f, b'/')
        || parse_three(&mut s, &mut f, b'.')
        || parse_mon(&mut s, &mut f)
        || parse_mday(&mut s, &mut f)
        || parse_ddd(&mut s, &mut f);
    // `parse_frag`: a lone number of one or two digits left over is the
    // day when there is a time, or the hour when there is a day.
    let rest = String::from_utf8_lossy(&s);
    let rest = rest.trim();
    if !rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|c| c.is_ascii_digit()) {
        let n: i64 = rest.parse().unwrap_or(-1);
        if f.hour.is_some() && f.mday.is_none() && (1..=31).contains(&n) {
            f.mday = Some(n);
        } else if f.mday.is_some() && f.hour.is_none() && (0..=24).contains(&n) {
            f.hour = Some(n);
        }
    }
    Some(f)
}
