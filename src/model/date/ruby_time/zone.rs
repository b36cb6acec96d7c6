//! Zones as Ruby reads them: the offset `Date._parse` gives a zone, and the
//! one `Time.zone_offset` gives it, with the site's zone as the local one.

use jiff::civil::Date;
use jiff::tz::TimeZone;

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
