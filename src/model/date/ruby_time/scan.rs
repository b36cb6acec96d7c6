//! The pieces `Date._parse` reads a text with: month and day names, runs
//! of digits and spaces, word boundaries, and numbers as written.

pub(super) const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
pub(super) const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

pub(super) fn month_at(s: &[u8], i: usize) -> Option<i64> {
    let word = s.get(i..i + 3)?;
    MONTHS
        .iter()
        .position(|m| m.as_bytes() == word)
        .map(|p| p as i64 + 1)
}

pub(super) fn boundary(s: &[u8], i: usize) -> bool {
    i == 0 || !s[i - 1].is_ascii_alphanumeric()
}

pub(super) fn digits(s: &[u8], i: usize) -> usize {
    s[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

pub(super) fn spaces(s: &[u8], i: usize) -> usize {
    s[i..].iter().take_while(|c| **c == b' ').count()
}

pub(super) fn num(s: &[u8], from: usize, to: usize) -> i64 {
    std::str::from_utf8(&s[from..to])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(i64::MAX)
}

pub(super) fn blank(s: &mut [u8], from: usize, to: usize) {
    for c in &mut s[from..to] {
        *c = b' ';
    }
}

/// A number as written for `s3e`: its digits, and whether an apostrophe or
/// sign came first.
#[derive(Clone, Copy)]
pub(super) struct Part<'a> {
    pub(super) text: &'a [u8],
    pub(super) apostrophe: bool,
}

impl Part<'_> {
    pub(super) fn value(&self) -> i64 {
        let t = self.text;
        let (neg, t) = match t.first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let n = num(t, 0, t.len());
        if neg { -n } else { n }
    }
    pub(super) fn long(&self) -> bool {
        self.text.iter().filter(|c| c.is_ascii_digit()).count() > 2
    }
}
/// A number with an optional leading apostrophe (and sign when `signed`) at `i`.
pub(super) fn part(s: &[u8], i: usize, signed: bool) -> Option<(Part<'_>, usize, usize)> {
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
pub(super) fn skip_non(s: &[u8], mut i: usize, quote: bool) -> usize {
    while let Some(&c) = s.get(i) {
        if c == b'-' || c.is_ascii_digit() || c == b' ' || (quote && c == b'\'') {
            break;
        }
        i += 1;
    }
    i
}
