//! Resolving plain YAML scalars the way Jekyll's YAML loader (Ruby's Psych,
//! YAML 1.1) does, so that rules see the type Jekyll sees: `title: no` is a
//! boolean there, not the string "no".

/// The type a scalar resolves to. The text itself stays on the node.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Int,
    Float,
    /// `2020-01-01`: a date.
    Date,
    /// `2020-01-01 10:00:00 +08:00`: a timestamp.
    Timestamp,
    Str,
}

impl Scalar {
    pub fn type_name(&self) -> &'static str {
        match self {
            Scalar::Null => "null",
            Scalar::Bool(_) => "a boolean",
            Scalar::Int => "an integer",
            Scalar::Float => "a float",
            Scalar::Date => "a date",
            Scalar::Timestamp => "a timestamp",
            Scalar::Str => "a string",
        }
    }
}

/// Resolve a scalar with an explicit core-schema tag (`!!str`, `!!int`, ...).
pub fn resolve_tagged(text: &str, suffix: &str) -> Scalar {
    match suffix {
        "str" => Scalar::Str,
        "null" => Scalar::Null,
        "bool" | "int" | "float" | "timestamp" => match resolve_plain(text) {
            Scalar::Str => Scalar::Str,
            other => other,
        },
        _ => Scalar::Str,
    }
}

/// Resolve a plain (unquoted) scalar as Psych's `ScalarScanner#tokenize`
/// does, in its order:
///
/// 1. The empty scalar is null.
/// 2. A scalar that starts like a word (a letter, `_`, `~`, a space or one of
///    ``!@#$%^&*(){}<>|/\;=``, possibly after one other character that is not
///    a digit, `.`, `:` or `-`) is a string unless it has at most five
///    characters and is, in any case, `~` or `null` (null), `yes`, `true` or
///    `on` (true), or `no`, `false` or `off` (false). `y` and `n` are
///    strings: Psych does not implement those YAML 1.1 booleans.
/// 3. `YYYY-M-D[Tt ]H:MM:SS[.f][ ][Z|±H[H][[:]MM]]` is a timestamp, if Ruby's
///    `Time.utc` accepts its fields; otherwise a string.
/// 4. `YYYY-MM-DD` (one or two digits for month and day) is a date if it is
///    on the calendar; otherwise (`2022-02-30`) a string.
/// 5. `.inf`, `-.inf` and `.nan` (any case) are floats.
/// 6. `1:20` and `-1:20:30` are base-60 integers; `1:20.5` a base-60 float.
/// 7. `[-+]?[digits_,]*.digits*` with an optional exponent that has a sign
///    (`1.5e+3`; `1.5e3` is a string) is a float; `.` alone is a string.
/// 8. After removing `_` and `,`: `0b1010`, `0777` (octal), `0`, `1000` and
///    `0x1F`, with an optional sign, are integers. `08` is neither octal nor
///    decimal, so it is a string.
/// 9. Everything else is a string.
///
/// Psych reads `:name` as a Ruby symbol, but Jekyll loads front matter
/// through SafeYAML, which does not make symbols; those stay strings here.
pub fn resolve_plain(s: &str) -> Scalar {
    if s.is_empty() {
        return Scalar::Null;
    }
    // Null, booleans, numbers, dates and timestamps are all ASCII: a
    // title in another script is a string without trying each.
    if s.contains('\n') || !s.is_ascii() {
        return Scalar::Str;
    }
    // In any case, compared without a lowercased copy.
    let is = |words: &[&str]| words.iter().any(|w| s.eq_ignore_ascii_case(w));
    if starts_like_word(s) {
        // ASCII, so bytes are characters.
        if s.len() > 5 {
            return Scalar::Str;
        }
        return if is(&["~", "null"]) {
            Scalar::Null
        } else if is(&["yes", "true", "on"]) {
            Scalar::Bool(true)
        } else if is(&["no", "false", "off"]) {
            Scalar::Bool(false)
        } else {
            Scalar::Str
        };
    }
    if let Some(valid) = timestamp(s) {
        return if valid {
            Scalar::Timestamp
        } else {
            Scalar::Str
        };
    }
    if let Some(valid) = date(s) {
        return if valid { Scalar::Date } else { Scalar::Str };
    }
    if is(&[".inf", "-.inf", ".nan"]) {
        return Scalar::Float;
    }
    if let Some(float) = base_60(s) {
        return if float { Scalar::Float } else { Scalar::Int };
    }
    if is_float(s) {
        return Scalar::Float;
    }
    let digits = if s.contains([',', '_']) {
        std::borrow::Cow::Owned(s.replace([',', '_'], ""))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    if is_int(&digits) {
        return Scalar::Int;
    }
    Scalar::Str
}

/// The characters of Psych's "this is a word" test.
fn wordy(c: char) -> bool {
    c.is_ascii_alphabetic() || c.is_ascii_whitespace() || "_!@#$%^&*(){}<>|/\\~;=".contains(c)
}

fn starts_like_word(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    wordy(first)
        || (!(first.is_ascii_digit() || matches!(first, '.' | ':' | '-'))
            && chars.next().is_some_and(wordy))
}

/// Read a run of digits, at least `min` and at most `max`, as a number.
fn number(s: &[u8], i: &mut usize, min: usize, max: usize) -> Option<u32> {
    let start = *i;
    while *i < s.len() && *i - start < max && s[*i].is_ascii_digit() {
        *i += 1;
    }
    if *i - start < min {
        return None;
    }
    std::str::from_utf8(&s[start..*i]).ok()?.parse().ok()
}

fn eat(s: &[u8], i: &mut usize, c: u8) -> bool {
    let found = s.get(*i) == Some(&c);
    *i += usize::from(found);
    found
}

/// `YYYY-M-D` (month and day of one or two digits): the year, month and day.
fn ymd(b: &[u8], i: &mut usize) -> Option<(i32, u32, u32)> {
    let year = number(b, i, 4, 4)?;
    if !eat(b, i, b'-') {
        return None;
    }
    let month = number(b, i, 1, 2)?;
    if !eat(b, i, b'-') {
        return None;
    }
    let day = number(b, i, 1, 2)?;
    Some((year as i32, month, day))
}

/// Whether `s` has the shape of a YAML 1.1 timestamp, and if so whether
/// Ruby's `Time.utc` accepts its fields (it rolls a day past the month's end
/// over, but rejects month 13, day 0, hour 25, `24:30` or minute 60).
fn timestamp(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let (_, month, day) = ymd(b, &mut i)?;
    match b.get(i) {
        Some(b'T' | b't') => i += 1,
        Some(c) if c.is_ascii_whitespace() => {
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
        }
        _ => return None,
    }
    let hour = number(b, &mut i, 1, 2)?;
    eat(b, &mut i, b':').then_some(())?;
    let minute = number(b, &mut i, 2, 2)?;
    eat(b, &mut i, b':').then_some(())?;
    let second = number(b, &mut i, 2, 2)?;
    if eat(b, &mut i, b'.') {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    let zone_start = i;
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    match b.get(i) {
        None if i == zone_start => {}
        Some(b'Z') => i += 1,
        Some(b'+' | b'-') => {
            i += 1;
            number(b, &mut i, 1, 2)?;
            eat(b, &mut i, b':');
            let _ = number(b, &mut i, 2, 2);
        }
        _ => return None,
    }
    if i != b.len() {
        return None;
    }
    Some(
        (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && (hour < 24 || (hour == 24 && minute == 0 && second == 0))
            && minute <= 59
            && second <= 60,
    )
}

/// Whether `s` has the shape of a YAML 1.1 date, and if so whether it is a
/// real calendar date (Psych parses it with `Date.strptime`).
fn date(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    let mut i = 0;
    let (year, month, day) = ymd(b, &mut i)?;
    if i != b.len() {
        return None;
    }
    // Psych's pattern takes months 0-12 and days 0-31 only.
    if month > 12 || day > 31 {
        return None;
    }
    Some(jiff::civil::Date::new(year as i16, month as i8, day as i8).is_ok())
}

/// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+` with an optional `.fraction`:
/// `Some(false)` for a base-60 integer, `Some(true)` for a float.
fn base_60(s: &str) -> Option<bool> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (body, float) = match body.split_once('.') {
        Some((int, frac)) => {
            if !frac.bytes().all(|c| c.is_ascii_digit() || c == b'_') {
                return None;
            }
            (int, true)
        }
        None => (body, false),
    };
    let mut parts = body.split(':');
    let first = parts.next()?.as_bytes();
    let first_ok = first.first().is_some_and(u8::is_ascii_digit)
        && first.iter().all(|&c| c.is_ascii_digit() || c == b'_');
    let mut rest = 0;
    let rest_ok = parts.all(|p| {
        rest += 1;
        match p.as_bytes() {
            [d] => d.is_ascii_digit(),
            [a, d] => (b'0'..=b'5').contains(a) && d.is_ascii_digit(),
            _ => false,
        }
    });
    (first_ok && rest > 0 && rest_ok).then_some(float)
}

/// YAML 1.1 base-10 floats as Psych matches them: a dot is required, the
/// exponent needs a sign, and `,` and `_` may group the integer digits.
fn is_float(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.eq_ignore_ascii_case(".inf") {
        return true;
    }
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let Some((int, frac)) = mantissa.split_once('.') else {
        return false;
    };
    let int_ok = int.is_empty()
        || (int.as_bytes()[0].is_ascii_digit()
            && int
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b'_' || c == b','));
    let frac_ok = frac.bytes().all(|c| c.is_ascii_digit());
    let exp_ok = exp.is_none_or(|e| {
        e.strip_prefix(['+', '-'])
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()))
    });
    // `.`, `+.` and `-.` match the pattern, but Psych keeps them as strings.
    int_ok && frac_ok && exp_ok && !(int.is_empty() && frac.is_empty() && exp.is_none())
}

/// YAML 1.1 integers as Psych matches them, after `_` and `,` are removed.
fn is_int(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let all = |s: &str, f: fn(u8) -> bool| !s.is_empty() && s.bytes().all(f);
    if let Some(bin) = body.strip_prefix("0b") {
        return all(bin, |c| c == b'0' || c == b'1');
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit());
    }
    if let Some(oct) = body.strip_prefix('0') {
        return oct.is_empty() || all(oct, |c| (b'0'..=b'7').contains(&c));
    }
    all(body, |c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// No form but a string takes text with a char beyond ASCII, so a
        /// plain scalar with one is a string without trying them.
        #[test]
        fn only_strings_hold_more_than_ascii(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "2022", "-", "01", "1", ":", "00", "T", "t", " ", "Z", "+", ".", "5", "e", "E",
                    "0x", "0o", "_", ",", "inf", ".inf", "nan", "null", "~", "yes", "王", "é",
                    "\u{a0}", "\u{3000}", "٣", "１",
                ]),
                0..10,
            ),
            wide in proptest::sample::select(vec!["王", "é", "\u{a0}", "\u{3000}", "٣", "１", "\u{85}"]),
            at in 0usize..10,
        ) {
            let mut pieces = pieces;
            pieces.insert(at.min(pieces.len()), wide);
            let s = pieces.concat();
            proptest::prop_assert_ne!(timestamp(&s), Some(true), "{}", s);
            proptest::prop_assert_ne!(date(&s), Some(true), "{}", s);
            proptest::prop_assert_eq!(base_60(&s), None, "{}", s);
            proptest::prop_assert!(!is_float(&s), "{}", s);
            proptest::prop_assert!(!is_int(&s.replace([',', '_'], "")), "{}", s);
        }
    }

    /// Plain scalars and what Psych's `ScalarScanner#tokenize` gives for
    /// each (Ruby value in the comment), written from the YAML 1.1 type
    /// specs (yaml.org/type/{null,bool,int,float,timestamp}.html) as Psych
    /// implements them.
    #[test]
    fn psych_resolution_table() {
        use Scalar::*;
        let table: &[(&str, Scalar)] = &[
            // null
            ("", Null),     // nil
            ("~", Null),    // nil
            ("null", Null), // nil
            ("NULL", Null), // nil
            ("nUlL", Null), // nil: Psych ignores case
            ("none", Str),  // "none"
            ("nil", Str),   // "nil"
            ("~foo", Str),  // "~foo"
            // booleans: yes/no, true/false, on/off in any case
            ("yes", Bool(true)),
            ("Yes", Bool(true)),
            ("YES", Bool(true)),
            ("No", Bool(false)),
            ("ON", Bool(true)),
            ("off", Bool(false)),
            ("True", Bool(true)),
            ("FALSE", Bool(false)),
            ("yEs", Bool(true)),
            // YAML 1.1 lists y/n, but Psych does not: these are strings.
            ("y", Str),
            ("Y", Str),
            ("n", Str),
            ("N", Str),
            ("yes!", Str),
            ("noon", Str),
            ("onward", Str),
            // integers
            ("0", Int),
            ("42", Int),
            ("-17", Int),
            ("+17", Int),
            ("1_000", Int),
            ("1,000", Int), // 1000: Psych drops the commas
            ("0x1F", Int),  // 31
            ("0b101", Int), // 5
            ("0777", Int),  // 511: octal
            ("0o17", Str),  // YAML 1.2 octal is not YAML 1.1
            ("08", Str),    // not octal, not decimal
            ("0x", Str),
            ("1:20", Int),     // 80: base 60
            ("-1:20:30", Int), // -4830
            ("1:60", Str),     // 60 is not a base-60 digit
            ("12:30", Int),    // 750: a time of day is an integer
            // floats
            ("3.14", Float),
            ("1.", Float), // 1.0
            (".5", Float),
            ("-.5", Float),
            ("1,000.5", Float), // 1000.5
            ("1.5e+3", Float),  // 1500.0
            ("1.5e3", Str),     // the exponent needs a sign in YAML 1.1
            ("1e+3", Str),      // and the mantissa a dot
            ("1:20.5", Float),  // 80.5: base 60
            (".inf", Float),
            ("-.Inf", Float),
            (".NaN", Float),
            ("-.nan", Str),
            (".", Str),
            ("-.", Str),
            ("1.2.3", Str),
            ("1.10", Float), // 1.1: a version number loses its zero
            // dates and timestamps
            ("2020-01-01", Date),
            ("2020-1-1", Date),
            ("2020-02-29", Date),
            ("2021-02-29", Str), // not on the calendar: Psych keeps the text
            ("2020-13-01", Str),
            ("2020-00-10", Str),
            ("2022-10-31T16:39:58.000Z", Timestamp),
            ("2022-10-31t16:39:58Z", Timestamp),
            ("2014-02-04 10:00:00 +08:00", Timestamp),
            ("2014-02-04 10:00:00 +0800", Timestamp),
            ("2014-02-04 10:00:00+8", Timestamp),
            ("2014-02-04 10:00:00", Timestamp),
            ("2014-02-04 1:00:00", Timestamp),
            ("2014-02-04 10:00", Str),    // seconds are required
            ("2014-13-04 10:00:00", Str), // Time.utc rejects month 13
            ("2014-02-04 10:60:00", Str), // and minute 60
            ("2014-02-04 10:00:00 PST", Str),
            // strings
            ("hello", Str),
            ("12abc", Str),
            ("王毅", Str),
            ("-", Str),
            ("-foo", Str),
            ("_1", Str),
            (":symbol", Str), // a symbol in Psych, a string in Jekyll
            ("Yes, Minister", Str),
            ("2022 in review", Str),
        ];
        for (text, want) in table {
            assert_eq!(&resolve_plain(text), want, "{text:?}");
        }
    }
}
