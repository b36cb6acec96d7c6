//! Ruby's `Time.parse`, which Jekyll applies to every front matter `date`
//! (`Time.parse(value.to_s)`), for the forms posts use: `Date._parse` finds a
//! day name, a time with an optional zone, then the first date form among
//! day-month-year (`3 June 2020`), month-day-year (`June 3, 2020`), ISO
//! (`2020-06-03`), slashes (`2020/06/03`, `03/06/2020` is 3 June), dots
//! (`03.06.2020`), a month name alone, an ordinal day (`3rd`) and digits
//! alone (`20200603`); other words are ignored. `Time.parse` then fills a
//! missing month or day with 1, rolls a day past the month's end over
//! (`2020-02-30` is 1 March) and applies the zone only when `Time.zone_offset`
//! knows it: `±HH`, `±HHMM`, `±HH:MM`, `UTC`, `GMT`, `UT`, `Z`, the North
//! American `EST` to `PDT`, military letters, and the abbreviations of the
//! site's own zone. Any other zone (`CET` outside Central Europe, `JST`,
//! `+5`, `UTC+2`) is ignored: the time is read in the site's zone.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

/// What `Date._parse` finds in a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub year: Option<i64>,
    pub mon: Option<i64>,
    pub mday: Option<i64>,
    pub hour: Option<i64>,
    pub min: Option<i64>,
    pub sec: Option<i64>,
    /// Nanoseconds.
    pub nanos: Option<i64>,
    pub zone: Option<String>,
}

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

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// Ruby's `Date._parse` refuses longer texts.
const LIMIT: usize = 128;

fn month_at(s: &[u8], i: usize) -> Option<i64> {
    let word = s.get(i..i + 3)?;
    MONTHS
        .iter()
        .position(|m| m.as_bytes() == word)
        .map(|p| p as i64 + 1)
}

fn boundary(s: &[u8], i: usize) -> bool {
    i == 0 || !s[i - 1].is_ascii_alphanumeric()
}

fn digits(s: &[u8], i: usize) -> usize {
    s[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn spaces(s: &[u8], i: usize) -> usize {
    s[i..].iter().take_while(|c| **c == b' ').count()
}

fn num(s: &[u8], from: usize, to: usize) -> i64 {
    std::str::from_utf8(&s[from..to])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(i64::MAX)
}

fn blank(s: &mut [u8], from: usize, to: usize) {
    for c in &mut s[from..to] {
        *c = b' ';
    }
}

/// A number as written for `s3e`: its digits, and whether an apostrophe or
/// sign came first.
#[derive(Clone, Copy)]
struct Part<'a> {
    text: &'a [u8],
    apostrophe: bool,
}

impl Part<'_> {
    fn value(&self) -> i64 {
        let t = self.text;
        let (neg, t) = match t.first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let n = num(t, 0, t.len());
        if neg { -n } else { n }
    }
    fn long(&self) -> bool {
        self.text.iter().filter(|c| c.is_ascii_digit()).count() > 2
    }
}

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

/// A number with an optional leading apostrophe (and sign when `signed`) at `i`.
fn part(s: &[u8], i: usize, signed: bool) -> Option<(Part<'_>, usize, usize)> {
    let mut j = i;
    let apostrophe = s.get(j) == Some(&b'\'');
    j += usize::from(apostrophe);
    let start = j;
    if signed && matches!(s.get(j), Some(b'-' | b'+')) {
        j += 1;
    }
    let n = digits(s, j);
    if n == 0 {
        return None;
    }
    Some((
        Part {
            text: &s[start..j + n],
            apostrophe,
        },
        i,
        j + n,
    ))
}

/// Skip `[^-\d\s]*` (and `'` when `quote`).
fn skip_non(s: &[u8], mut i: usize, quote: bool) -> usize {
    while let Some(&c) = s.get(i) {
        if c == b'-' || c.is_ascii_digit() || c == b' ' || (quote && c == b'\'') {
            break;
        }
        i += 1;
    }
    i
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

/// The time `H:MM[:SS[.f]]`, `HhMM` or `H am`, and the zone after it.
fn parse_time(s: &mut [u8], f: &mut Fields, original: &[u8]) {
    for start in 0..s.len() {
        if !s[start].is_ascii_digit() || (start > 0 && s[start - 1].is_ascii_digit()) {
            continue;
        }
        let mut i = start + digits(s, start);
        let hour = num(s, start, i);
        let mut min = None;
        let mut sec = None;
        let mut nanos = None;
        let mut ok = false;
        let j = i + spaces(s, i);
        if s.get(j) == Some(&b':') {
            let k = j + 1 + spaces(s, j + 1);
            let n = digits(s, k);
            if n > 0 {
                ok = true;
                min = Some(num(s, k, k + n));
                i = k + n;
                let j = i + spaces(s, i);
                if s.get(j) == Some(&b':') {
                    let k = j + 1 + spaces(s, j + 1);
                    let n = digits(s, k);
                    if n > 0 {
                        sec = Some(num(s, k, k + n));
                        i = k + n;
                        if matches!(s.get(i), Some(b'.' | b',')) {
                            let n = digits(s, i + 1);
                            let frac = &s[i + 1..i + 1 + n];
                            let mut v = 0i64;
                            for (p, c) in frac.iter().take(9).enumerate() {
                                v += i64::from(c - b'0') * 10i64.pow(8 - p as u32);
                            }
                            nanos = Some(v);
                            i += 1 + n;
                        }
                    }
                }
            }
        } else if s.get(j) == Some(&b'h') {
            ok = true;
            i = j + 1;
            let k = i + spaces(s, i);
            let n = digits(s, k);
            if n > 0 {
                min = Some(num(s, k, k + n));
                i = k + n;
                if s.get(i) == Some(&b'm') {
                    i += 1;
                }
                let k = i + spaces(s, i);
                let n = digits(s, k);
                if n > 0 {
                    sec = Some(num(s, k, k + n));
                    i = k + n;
                    if s.get(i) == Some(&b's') {
                        i += 1;
                    }
                }
            }
        }
        // am / pm
        let j = i + spaces(s, i);
        let mut meridian = None;
        if let Some(&c @ (b'a' | b'p')) = s.get(j) {
            if s.get(j + 1) == Some(&b'm') && !s.get(j + 2).is_some_and(u8::is_ascii_alphanumeric) {
                meridian = Some((c, j + 2));
            } else if s.get(j + 1..j + 4) == Some(b".m.") {
                meridian = Some((c, j + 4));
            }
        }
        if let Some((c, end)) = meridian {
            ok = true;
            i = end;
            let h = hour % 12;
            f.hour = Some(if c == b'p' { h + 12 } else { h });
        } else if ok {
            f.hour = Some(hour);
        }
        if !ok {
            continue;
        }
        f.min = min;
        f.sec = sec;
        f.nanos = nanos;
        // The zone.
        let z = i + spaces(s, i);
        let mut zend = z;
        let mut k = z;
        for p in [&b"gmt"[..], b"utc", b"ut"] {
            if s[k..].starts_with(p) && matches!(s.get(k + p.len()), Some(b'+' | b'-')) {
                k += p.len();
                break;
            }
        }
        if matches!(s.get(k), Some(b'+' | b'-')) && s.get(k + 1).is_some_and(u8::is_ascii_digit) {
            k += 1 + digits(s, k + 1);
            if matches!(s.get(k), Some(b',' | b'.' | b':')) && digits(s, k + 1) > 0 {
                k += 1 + digits(s, k + 1);
                if s.get(k) == Some(&b':') && digits(s, k + 1) > 0 {
                    k += 1 + digits(s, k + 1);
                }
            }
            zend = k;
        } else {
            let n = s[z..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if n > 0 {
                zend = z + n;
                if s[zend..].starts_with(b" dst")
                    && !s.get(zend + 4).is_some_and(u8::is_ascii_alphanumeric)
                {
                    zend += 4;
                }
            }
        }
        if zend > z {
            f.zone = Some(String::from_utf8_lossy(&original[z..zend]).into_owned());
            i = zend;
        }
        blank(s, start, i);
        return;
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

/// The offset `Date._parse` gives a zone (its `:offset`), for the zones
/// posts use, in seconds.
pub fn date_zone_offset(zone: &str) -> Option<i32> {
    let z = zone.to_ascii_lowercase();
    let (z, dst) = match z.strip_suffix(" dst") {
        Some(z) => (z.to_string(), 3600),
        None => (z, 0),
    };
    let named: &[(&str, f64)] = &[
        ("utc", 0.0),
        ("ut", 0.0),
        ("gmt", 0.0),
        ("z", 0.0),
        ("est", -5.0),
        ("edt", -4.0),
        ("cst", -6.0),
        ("cdt", -5.0),
        ("mst", -7.0),
        ("mdt", -6.0),
        ("pst", -8.0),
        ("pdt", -7.0),
        ("akst", -9.0),
        ("akdt", -8.0),
        ("hst", -10.0),
        ("ast", -4.0),
        ("adt", -3.0),
        ("nst", -3.5),
        ("ndt", -2.5),
        ("wet", 0.0),
        ("west", 1.0),
        ("bst", 1.0),
        ("cet", 1.0),
        ("cest", 2.0),
        ("met", 1.0),
        ("mest", 2.0),
        ("mez", 1.0),
        ("mesz", 2.0),
        ("eet", 2.0),
        ("eest", 3.0),
        ("msk", 3.0),
        ("ist", 5.5),
        ("sgt", 8.0),
        ("hkt", 8.0),
        ("awst", 8.0),
        ("jst", 9.0),
        ("kst", 9.0),
        ("acst", 9.5),
        ("acdt", 10.5),
        ("aest", 10.0),
        ("aedt", 11.0),
        ("nzst", 12.0),
        ("nzdt", 13.0),
    ];
    if let Some((_, h)) = named.iter().find(|(n, _)| *n == z) {
        return Some((h * 3600.0) as i32 + dst);
    }
    let body = ["gmt", "utc", "ut"]
        .iter()
        .find_map(|p| z.strip_prefix(p))
        .unwrap_or(&z);
    let (sign, body) = match body.as_bytes().first() {
        Some(b'+') => (1, &body[1..]),
        Some(b'-') => (-1, &body[1..]),
        _ => return None,
    };
    let (h, m) = match body.split_once([':', ',', '.']) {
        Some((h, m)) if body.contains(':') => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        Some((h, frac)) => {
            let frac: f64 = format!("0.{frac}").parse().ok()?;
            (h.parse::<i32>().ok()?, (frac * 60.0) as i32)
        }
        None if body.len() <= 2 => (body.parse().ok()?, 0),
        None if body.len() <= 4 => {
            let split = body.len() - 2;
            (body[..split].parse().ok()?, body[split..].parse().ok()?)
        }
        None => return None,
    };
    Some(sign * (h * 3600 + m * 60))
}

/// The offset Ruby's `Time.zone_offset` gives a zone, in seconds, with the
/// site's `zone` as the local zone; `None` when it does not know the zone.
pub fn time_zone_offset(zone: &str, year: i16, local: &TimeZone) -> Option<i32> {
    let z = zone.to_ascii_uppercase();
    let b = z.as_bytes();
    let sign = |c: u8| if c == b'-' { -1 } else { 1 };
    let two = |i: usize| -> Option<i32> {
        (b.get(i)?.is_ascii_digit() && b.get(i + 1)?.is_ascii_digit())
            .then(|| i32::from(b[i] - b'0') * 10 + i32::from(b[i + 1] - b'0'))
    };
    if matches!(b.first(), Some(b'+' | b'-')) {
        let s = sign(b[0]);
        let h = two(1)?;
        return match b.len() {
            3 => Some(s * h * 3600),
            5 => Some(s * (h * 3600 + two(3)? * 60)),
            6 if b[3] == b':' => Some(s * (h * 3600 + two(4)? * 60)),
            7 => Some(s * (h * 3600 + two(3)? * 60 + two(5)?)),
            9 if b[3] == b':' && b[6] == b':' => Some(s * (h * 3600 + two(4)? * 60 + two(7)?)),
            _ => None,
        };
    }
    let table: &[(&str, i32)] = &[
        ("UTC", 0),
        ("Z", 0),
        ("UT", 0),
        ("GMT", 0),
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
    ];
    if let Some((_, h)) = table.iter().find(|(n, _)| *n == z) {
        return Some(h * 3600);
    }
    if b.len() == 1 && b[0].is_ascii_uppercase() && b[0] != b'J' {
        // Military zones: A to M (without J) east, N to Y west.
        let c = i32::from(b[0]);
        let h = match b[0] {
            b'A'..=b'I' => c - i32::from(b'A') + 1,
            b'K'..=b'M' => c - i32::from(b'K') + 10,
            b'N'..=b'Y' => -(c - i32::from(b'N') + 1),
            _ => return None,
        };
        return Some(h * 3600);
    }
    // The local zone's own abbreviation in January or July.
    for month in [1, 7] {
        let at = local.to_timestamp(Date::new(year, month, 1).ok()?.at(0, 0, 0, 0));
        if let Ok(at) = at {
            let info = local.to_offset_info(at);
            if info.abbreviation().eq_ignore_ascii_case(&z) {
                return Some(info.offset().seconds());
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Ruby 3.1's `Time.parse` (with `TZ` set to the zone) on each input:
    /// `ERR` when it raises, else the time it returns, in the zone (Jekyll
    /// calls `.localtime`).
    const TIME_PARSE: &[(&str, &str, &str)] = &[
        ("UTC", "June 3, 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "March 05, 2026", "2026-03-05T00:00:00+00:00"),
        ("UTC", "February 21, 2017", "2017-02-21T00:00:00+00:00"),
        ("UTC", "3 June 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "3 Jun 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "03 June, 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "Wed, 3 Jun 2020", "2020-06-03T00:00:00+00:00"),
        (
            "UTC",
            "Wednesday, June 3, 2020",
            "2020-06-03T00:00:00+00:00",
        ),
        ("UTC", "Wednesday June 3 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "Jun 3rd, 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "3rd June 2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "Sept 3, 2020", "2020-09-03T00:00:00+00:00"),
        ("UTC", "June 2020", "2020-06-01T00:00:00+00:00"),
        ("UTC", "2020 June 3", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-06-03", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-6-3", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-06-03 (draft)", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-06-03 draft", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-06-03 12:00", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00:30", "2020-06-03T12:00:30+00:00"),
        ("UTC", "2020-06-03T12:00:00", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03T12:00:00.5Z", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 draft", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 PDT", "2020-06-03T19:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 pdt", "2020-06-03T19:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 PST", "2020-06-03T20:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 EST", "2020-06-03T17:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 UTC", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 GMT", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 Z", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 CET", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 CEST", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 JST", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 KST", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 +05", "2020-06-03T07:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 +0530", "2020-06-03T06:30:00+00:00"),
        (
            "UTC",
            "2020-06-03 12:00 +05:30",
            "2020-06-03T06:30:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 12:00 -07:00",
            "2020-06-03T19:00:00+00:00",
        ),
        ("UTC", "2020-06-03 12:00 +5", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 +5:30", "2020-06-03T12:00:00+00:00"),
        (
            "UTC",
            "2020-06-03 12:00:00 UTC+2",
            "2020-06-03T12:00:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 12:00:00 GMT+2",
            "2020-06-03T12:00:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 12:00:00 -0700 (PDT)",
            "2020-06-03T19:00:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 12:00:00 +0800 CST",
            "2020-06-03T04:00:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 12:00:00 +08:00 Asia/Shanghai",
            "2020-06-03T04:00:00+00:00",
        ),
        ("UTC", "2020-06-03 12:00 pm", "2020-06-03T12:00:00+00:00"),
        ("UTC", "2020-06-03 1:00 PM", "2020-06-03T13:00:00+00:00"),
        ("UTC", "2020-06-03 12:00 am", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020-06-03 12h00", "2020-06-03T12:00:00+00:00"),
        (
            "UTC",
            "2020-06-03 23:30:00 +00:00",
            "2020-06-03T23:30:00+00:00",
        ),
        (
            "UTC",
            "2020-06-03 00:30:00 +02:00",
            "2020-06-02T22:30:00+00:00",
        ),
        ("UTC", "2020-02-29", "2020-02-29T00:00:00+00:00"),
        ("UTC", "2020-02-30", "2020-03-01T00:00:00+00:00"),
        ("UTC", "2020-02-31", "2020-03-02T00:00:00+00:00"),
        ("UTC", "2020-04-31", "2020-05-01T00:00:00+00:00"),
        ("UTC", "2020-02-32", "ERR"),
        ("UTC", "2020-13-01", "ERR"),
        ("UTC", "2020-00-10", "ERR"),
        ("UTC", "2020-06-03 24:00", "2020-06-04T00:00:00+00:00"),
        ("UTC", "2020-06-03 25:00", "ERR"),
        ("UTC", "2020-06-03 23:60", "ERR"),
        ("UTC", "2020/06/03", "2020-06-03T00:00:00+00:00"),
        ("UTC", "2020/6/3 10:00", "2020-06-03T10:00:00+00:00"),
        ("UTC", "06/03/2020", "2020-03-06T00:00:00+00:00"),
        ("UTC", "3/6/2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "03.06.2020", "2020-06-03T00:00:00+00:00"),
        ("UTC", "20200603", "2020-06-03T00:00:00+00:00"),
        ("UTC", "200603", "2020-06-03T00:00:00+00:00"),
        ("UTC", "yesterday", "ERR"),
        ("UTC", "2020", "ERR"),
        ("UTC", "tbd", "ERR"),
        ("UTC", "Tue Jun 3 2020 12:00", "2020-06-03T12:00:00+00:00"),
        (
            "UTC",
            "Mon, 01 Jun 2020 08:00:00 +0000",
            "2020-06-01T08:00:00+00:00",
        ),
        (
            "UTC",
            "Mon, 01 Jun 2020 08:00:00 GMT",
            "2020-06-01T08:00:00+00:00",
        ),
        ("UTC", "1 June 2020 10:00 CET", "2020-06-01T10:00:00+00:00"),
        ("UTC", "2020-03-29 02:30", "2020-03-29T02:30:00+00:00"),
        ("UTC", "2020-10-25 02:30", "2020-10-25T02:30:00+00:00"),
        ("UTC", "June 3, 20", "2020-06-03T00:00:00+00:00"),
        ("Europe/Paris", "June 3, 2020", "2020-06-03T00:00:00+02:00"),
        (
            "Europe/Paris",
            "March 05, 2026",
            "2026-03-05T00:00:00+01:00",
        ),
        (
            "Europe/Paris",
            "February 21, 2017",
            "2017-02-21T00:00:00+01:00",
        ),
        ("Europe/Paris", "3 June 2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "3 Jun 2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "03 June, 2020", "2020-06-03T00:00:00+02:00"),
        (
            "Europe/Paris",
            "Wed, 3 Jun 2020",
            "2020-06-03T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "Wednesday, June 3, 2020",
            "2020-06-03T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "Wednesday June 3 2020",
            "2020-06-03T00:00:00+02:00",
        ),
        ("Europe/Paris", "Jun 3rd, 2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "3rd June 2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "Sept 3, 2020", "2020-09-03T00:00:00+02:00"),
        ("Europe/Paris", "June 2020", "2020-06-01T00:00:00+02:00"),
        ("Europe/Paris", "2020 June 3", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "2020-06-03", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "2020-6-3", "2020-06-03T00:00:00+02:00"),
        (
            "Europe/Paris",
            "2020-06-03 (draft)",
            "2020-06-03T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 draft",
            "2020-06-03T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:30",
            "2020-06-03T12:00:30+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03T12:00:00",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03T12:00:00.5Z",
            "2020-06-03T14:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 draft",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 PDT",
            "2020-06-03T21:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 pdt",
            "2020-06-03T21:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 PST",
            "2020-06-03T22:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 EST",
            "2020-06-03T19:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 UTC",
            "2020-06-03T14:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 GMT",
            "2020-06-03T14:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 Z",
            "2020-06-03T14:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 CET",
            "2020-06-03T13:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 CEST",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 JST",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 KST",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 +05",
            "2020-06-03T09:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 +0530",
            "2020-06-03T08:30:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 +05:30",
            "2020-06-03T08:30:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 -07:00",
            "2020-06-03T21:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 +5",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 +5:30",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:00 UTC+2",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:00 GMT+2",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:00 -0700 (PDT)",
            "2020-06-03T21:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:00 +0800 CST",
            "2020-06-03T06:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00:00 +08:00 Asia/Shanghai",
            "2020-06-03T06:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 pm",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 1:00 PM",
            "2020-06-03T13:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12:00 am",
            "2020-06-03T00:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 12h00",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 23:30:00 +00:00",
            "2020-06-04T01:30:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-06-03 00:30:00 +02:00",
            "2020-06-03T00:30:00+02:00",
        ),
        ("Europe/Paris", "2020-02-29", "2020-02-29T00:00:00+01:00"),
        ("Europe/Paris", "2020-02-30", "2020-03-01T00:00:00+01:00"),
        ("Europe/Paris", "2020-02-31", "2020-03-02T00:00:00+01:00"),
        ("Europe/Paris", "2020-04-31", "2020-05-01T00:00:00+02:00"),
        ("Europe/Paris", "2020-02-32", "ERR"),
        ("Europe/Paris", "2020-13-01", "ERR"),
        ("Europe/Paris", "2020-00-10", "ERR"),
        (
            "Europe/Paris",
            "2020-06-03 24:00",
            "2020-06-04T00:00:00+02:00",
        ),
        ("Europe/Paris", "2020-06-03 25:00", "ERR"),
        ("Europe/Paris", "2020-06-03 23:60", "ERR"),
        ("Europe/Paris", "2020/06/03", "2020-06-03T00:00:00+02:00"),
        (
            "Europe/Paris",
            "2020/6/3 10:00",
            "2020-06-03T10:00:00+02:00",
        ),
        ("Europe/Paris", "06/03/2020", "2020-03-06T00:00:00+01:00"),
        ("Europe/Paris", "3/6/2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "03.06.2020", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "20200603", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "200603", "2020-06-03T00:00:00+02:00"),
        ("Europe/Paris", "yesterday", "ERR"),
        ("Europe/Paris", "2020", "ERR"),
        ("Europe/Paris", "tbd", "ERR"),
        (
            "Europe/Paris",
            "Tue Jun 3 2020 12:00",
            "2020-06-03T12:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "Mon, 01 Jun 2020 08:00:00 +0000",
            "2020-06-01T10:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "Mon, 01 Jun 2020 08:00:00 GMT",
            "2020-06-01T10:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "1 June 2020 10:00 CET",
            "2020-06-01T11:00:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-03-29 02:30",
            "2020-03-29T03:30:00+02:00",
        ),
        (
            "Europe/Paris",
            "2020-10-25 02:30",
            "2020-10-25T02:30:00+01:00",
        ),
        ("Europe/Paris", "June 3, 20", "2020-06-03T00:00:00+02:00"),
        ("Asia/Tokyo", "June 3, 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "March 05, 2026", "2026-03-05T00:00:00+09:00"),
        (
            "Asia/Tokyo",
            "February 21, 2017",
            "2017-02-21T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "3 June 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "3 Jun 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "03 June, 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "Wed, 3 Jun 2020", "2020-06-03T00:00:00+09:00"),
        (
            "Asia/Tokyo",
            "Wednesday, June 3, 2020",
            "2020-06-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Wednesday June 3 2020",
            "2020-06-03T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "Jun 3rd, 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "3rd June 2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "Sept 3, 2020", "2020-09-03T00:00:00+09:00"),
        ("Asia/Tokyo", "June 2020", "2020-06-01T00:00:00+09:00"),
        ("Asia/Tokyo", "2020 June 3", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-06-03", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-6-3", "2020-06-03T00:00:00+09:00"),
        (
            "Asia/Tokyo",
            "2020-06-03 (draft)",
            "2020-06-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 draft",
            "2020-06-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:30",
            "2020-06-03T12:00:30+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03T12:00:00",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03T12:00:00.5Z",
            "2020-06-03T21:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 draft",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 PDT",
            "2020-06-04T04:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 pdt",
            "2020-06-04T04:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 PST",
            "2020-06-04T05:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 EST",
            "2020-06-04T02:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 UTC",
            "2020-06-03T21:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 GMT",
            "2020-06-03T21:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 Z",
            "2020-06-03T21:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 CET",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 CEST",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 JST",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 KST",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 +05",
            "2020-06-03T16:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 +0530",
            "2020-06-03T15:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 +05:30",
            "2020-06-03T15:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 -07:00",
            "2020-06-04T04:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 +5",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 +5:30",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:00 UTC+2",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:00 GMT+2",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:00 -0700 (PDT)",
            "2020-06-04T04:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:00 +0800 CST",
            "2020-06-03T13:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00:00 +08:00 Asia/Shanghai",
            "2020-06-03T13:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 pm",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 1:00 PM",
            "2020-06-03T13:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12:00 am",
            "2020-06-03T00:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 12h00",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 23:30:00 +00:00",
            "2020-06-04T08:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-06-03 00:30:00 +02:00",
            "2020-06-03T07:30:00+09:00",
        ),
        ("Asia/Tokyo", "2020-02-29", "2020-02-29T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-02-30", "2020-03-01T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-02-31", "2020-03-02T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-04-31", "2020-05-01T00:00:00+09:00"),
        ("Asia/Tokyo", "2020-02-32", "ERR"),
        ("Asia/Tokyo", "2020-13-01", "ERR"),
        ("Asia/Tokyo", "2020-00-10", "ERR"),
        (
            "Asia/Tokyo",
            "2020-06-03 24:00",
            "2020-06-04T00:00:00+09:00",
        ),
        ("Asia/Tokyo", "2020-06-03 25:00", "ERR"),
        ("Asia/Tokyo", "2020-06-03 23:60", "ERR"),
        ("Asia/Tokyo", "2020/06/03", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "2020/6/3 10:00", "2020-06-03T10:00:00+09:00"),
        ("Asia/Tokyo", "06/03/2020", "2020-03-06T00:00:00+09:00"),
        ("Asia/Tokyo", "3/6/2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "03.06.2020", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "20200603", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "200603", "2020-06-03T00:00:00+09:00"),
        ("Asia/Tokyo", "yesterday", "ERR"),
        ("Asia/Tokyo", "2020", "ERR"),
        ("Asia/Tokyo", "tbd", "ERR"),
        (
            "Asia/Tokyo",
            "Tue Jun 3 2020 12:00",
            "2020-06-03T12:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon, 01 Jun 2020 08:00:00 +0000",
            "2020-06-01T17:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "Mon, 01 Jun 2020 08:00:00 GMT",
            "2020-06-01T17:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "1 June 2020 10:00 CET",
            "2020-06-01T10:00:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-03-29 02:30",
            "2020-03-29T02:30:00+09:00",
        ),
        (
            "Asia/Tokyo",
            "2020-10-25 02:30",
            "2020-10-25T02:30:00+09:00",
        ),
        ("Asia/Tokyo", "June 3, 20", "2020-06-03T00:00:00+09:00"),
        (
            "America/New_York",
            "June 3, 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "March 05, 2026",
            "2026-03-05T00:00:00-05:00",
        ),
        (
            "America/New_York",
            "February 21, 2017",
            "2017-02-21T00:00:00-05:00",
        ),
        (
            "America/New_York",
            "3 June 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "3 Jun 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "03 June, 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "Wed, 3 Jun 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "Wednesday, June 3, 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "Wednesday June 3 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "Jun 3rd, 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "3rd June 2020",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "Sept 3, 2020",
            "2020-09-03T00:00:00-04:00",
        ),
        ("America/New_York", "June 2020", "2020-06-01T00:00:00-04:00"),
        (
            "America/New_York",
            "2020 June 3",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03",
            "2020-06-03T00:00:00-04:00",
        ),
        ("America/New_York", "2020-6-3", "2020-06-03T00:00:00-04:00"),
        (
            "America/New_York",
            "2020-06-03 (draft)",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 draft",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:30",
            "2020-06-03T12:00:30-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03T12:00:00",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03T12:00:00.5Z",
            "2020-06-03T08:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 draft",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 PDT",
            "2020-06-03T15:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 pdt",
            "2020-06-03T15:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 PST",
            "2020-06-03T16:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 EST",
            "2020-06-03T13:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 UTC",
            "2020-06-03T08:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 GMT",
            "2020-06-03T08:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 Z",
            "2020-06-03T08:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 CET",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 CEST",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 JST",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 KST",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 +05",
            "2020-06-03T03:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 +0530",
            "2020-06-03T02:30:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 +05:30",
            "2020-06-03T02:30:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 -07:00",
            "2020-06-03T15:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 +5",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 +5:30",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:00 UTC+2",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:00 GMT+2",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:00 -0700 (PDT)",
            "2020-06-03T15:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:00 +0800 CST",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00:00 +08:00 Asia/Shanghai",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 pm",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 1:00 PM",
            "2020-06-03T13:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12:00 am",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 12h00",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 23:30:00 +00:00",
            "2020-06-03T19:30:00-04:00",
        ),
        (
            "America/New_York",
            "2020-06-03 00:30:00 +02:00",
            "2020-06-02T18:30:00-04:00",
        ),
        (
            "America/New_York",
            "2020-02-29",
            "2020-02-29T00:00:00-05:00",
        ),
        (
            "America/New_York",
            "2020-02-30",
            "2020-03-01T00:00:00-05:00",
        ),
        (
            "America/New_York",
            "2020-02-31",
            "2020-03-02T00:00:00-05:00",
        ),
        (
            "America/New_York",
            "2020-04-31",
            "2020-05-01T00:00:00-04:00",
        ),
        ("America/New_York", "2020-02-32", "ERR"),
        ("America/New_York", "2020-13-01", "ERR"),
        ("America/New_York", "2020-00-10", "ERR"),
        (
            "America/New_York",
            "2020-06-03 24:00",
            "2020-06-04T00:00:00-04:00",
        ),
        ("America/New_York", "2020-06-03 25:00", "ERR"),
        ("America/New_York", "2020-06-03 23:60", "ERR"),
        (
            "America/New_York",
            "2020/06/03",
            "2020-06-03T00:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020/6/3 10:00",
            "2020-06-03T10:00:00-04:00",
        ),
        (
            "America/New_York",
            "06/03/2020",
            "2020-03-06T00:00:00-05:00",
        ),
        ("America/New_York", "3/6/2020", "2020-06-03T00:00:00-04:00"),
        (
            "America/New_York",
            "03.06.2020",
            "2020-06-03T00:00:00-04:00",
        ),
        ("America/New_York", "20200603", "2020-06-03T00:00:00-04:00"),
        ("America/New_York", "200603", "2020-06-03T00:00:00-04:00"),
        ("America/New_York", "yesterday", "ERR"),
        ("America/New_York", "2020", "ERR"),
        ("America/New_York", "tbd", "ERR"),
        (
            "America/New_York",
            "Tue Jun 3 2020 12:00",
            "2020-06-03T12:00:00-04:00",
        ),
        (
            "America/New_York",
            "Mon, 01 Jun 2020 08:00:00 +0000",
            "2020-06-01T04:00:00-04:00",
        ),
        (
            "America/New_York",
            "Mon, 01 Jun 2020 08:00:00 GMT",
            "2020-06-01T04:00:00-04:00",
        ),
        (
            "America/New_York",
            "1 June 2020 10:00 CET",
            "2020-06-01T10:00:00-04:00",
        ),
        (
            "America/New_York",
            "2020-03-29 02:30",
            "2020-03-29T02:30:00-04:00",
        ),
        (
            "America/New_York",
            "2020-10-25 02:30",
            "2020-10-25T02:30:00-04:00",
        ),
        (
            "America/New_York",
            "June 3, 20",
            "2020-06-03T00:00:00-04:00",
        ),
    ];

    #[test]
    fn time_parse_answers_as_ruby_does() {
        let mut failures = Vec::new();
        for (zone, input, ruby) in TIME_PARSE {
            let tz = TimeZone::get(zone).unwrap();
            let ours = match time_parse(input, &tz) {
                Ok(r) => {
                    let off = tz.to_offset(r.instant).seconds();
                    format!(
                        "{}{}{:02}:{:02}",
                        tz.to_datetime(r.instant).strftime("%Y-%m-%dT%H:%M:%S"),
                        if off < 0 { '-' } else { '+' },
                        off.abs() / 3600,
                        off.abs() % 3600 / 60
                    )
                }
                Err(_) => "ERR".to_string(),
            };
            if ours != *ruby {
                failures.push(format!(
                    "Time.parse({input:?}) in {zone}: {ours}, Ruby {ruby}"
                ));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
