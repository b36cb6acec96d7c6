//! `Date._parse`'s time of day: `H:MM[:SS[.f]]`, `HhMM` or `H am`, and the
//! zone written after it.

use super::fields::Fields;
use super::scan::*;

/// The time `H:MM[:SS[.f]]`, `HhMM` or `H am`, and the zone after it.
pub(super) fn parse_time(s: &mut [u8], f: &mut Fields, original: &[u8]) {
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
