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

/// Resolve a plain (unquoted) scalar as Psych's scalar scanner does.
pub fn resolve_plain(text: &str) -> Scalar {
    let s = text;
    if s.is_empty() || s == "~" || s.eq_ignore_ascii_case("null") {
        return Scalar::Null;
    }
    for t in ["yes", "true", "on"] {
        if s.eq_ignore_ascii_case(t) {
            return Scalar::Bool(true);
        }
    }
    for f in ["no", "false", "off"] {
        if s.eq_ignore_ascii_case(f) {
            return Scalar::Bool(false);
        }
    }
    let b = s.as_bytes();
    // Anything that does not start like a number or a date is a string.
    if !(b[0].is_ascii_digit() || matches!(b[0], b'+' | b'-' | b'.')) {
        return Scalar::Str;
    }
    if is_timestamp(s) {
        return Scalar::Timestamp;
    }
    if is_date(s) {
        return Scalar::Date;
    }
    if is_int(s) {
        return Scalar::Int;
    }
    if is_float(s) {
        return Scalar::Float;
    }
    Scalar::Str
}

fn digits(s: &[u8], i: &mut usize, min: usize, max: usize) -> bool {
    let start = *i;
    while *i < s.len() && *i - start < max && s[*i].is_ascii_digit() {
        *i += 1;
    }
    *i - start >= min
}

/// `YYYY-M-D` as YAML 1.1 dates (`\d{4}-\d\d?-\d\d?`).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    digits(b, &mut i, 4, 4)
        && b.get(i) == Some(&b'-')
        && {
            i += 1;
            digits(b, &mut i, 1, 2)
        }
        && b.get(i) == Some(&b'-')
        && {
            i += 1;
            digits(b, &mut i, 1, 2)
        }
        && i == b.len()
}

/// YAML 1.1 timestamps: a date, `T`/`t` or spaces, `H:MM:SS`, an optional
/// fraction and an optional zone (`Z` or `±H[H][:MM]`).
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    // The date part.
    for (n, (min, max)) in [(4, 4), (1, 2), (1, 2)].into_iter().enumerate() {
        if !digits(b, &mut i, min, max) {
            return false;
        }
        if n < 2 {
            if b.get(i) != Some(&b'-') {
                return false;
            }
            i += 1;
        }
    }
    match b.get(i) {
        Some(b'T' | b't') => i += 1,
        Some(b' ' | b'\t') => {
            while matches!(b.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
        }
        _ => return false,
    }
    if !digits(b, &mut i, 1, 2) {
        return false;
    }
    for _ in 0..2 {
        if b.get(i) != Some(&b':') {
            return false;
        }
        i += 1;
        if !digits(b, &mut i, 2, 2) {
            return false;
        }
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    match b.get(i) {
        None => true,
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i += 1;
            if !digits(b, &mut i, 1, 2) {
                return false;
            }
            if b.get(i) == Some(&b':') {
                i += 1;
            }
            let _ = digits(b, &mut i, 2, 2);
            i == b.len()
        }
        _ => false,
    }
}

fn is_int(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let all = |s: &str, f: fn(u8) -> bool| !s.is_empty() && s.bytes().all(|c| c == b'_' || f(c));
    if let Some(bin) = body.strip_prefix("0b") {
        return all(bin, |c| c == b'0' || c == b'1');
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit());
    }
    if body.contains(':') {
        // Base 60: `1:20`, `190:20:30`.
        let mut parts = body.split(':');
        let first = parts.next().unwrap_or("");
        return all(first, |c| c.is_ascii_digit())
            && parts.all(|p| match p.as_bytes() {
                [d] => d.is_ascii_digit(),
                [a, b] => (b'0'..=b'5').contains(a) && b.is_ascii_digit(),
                _ => false,
            });
    }
    body.as_bytes()[0].is_ascii_digit() && all(body, |c| c.is_ascii_digit())
}

fn is_float(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = body.to_ascii_lowercase();
    if lower == ".inf" || (s == body && lower == ".nan") {
        return true;
    }
    if body.contains(':') {
        // Base 60 float: `190:20:30.15`.
        let (int, frac) = match body.split_once('.') {
            Some(p) => p,
            None => return false,
        };
        return is_int(int) && frac.bytes().all(|c| c.is_ascii_digit() || c == b'_');
    }
    let (mantissa, exp) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (lower.as_str(), None),
    };
    let Some((int, frac)) = mantissa.split_once('.') else {
        return false;
    };
    let int_ok = int
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b'_' || c == b',');
    let frac_ok = frac.bytes().all(|c| c.is_ascii_digit() || c == b'_');
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit())
    });
    int_ok && frac_ok && exp_ok && !(int.is_empty() && frac.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn psych_resolution_table() {
        let table: &[(&str, Scalar)] = &[
            ("", Scalar::Null),
            ("~", Scalar::Null),
            ("NULL", Scalar::Null),
            ("yes", Scalar::Bool(true)),
            ("No", Scalar::Bool(false)),
            ("ON", Scalar::Bool(true)),
            ("off", Scalar::Bool(false)),
            ("True", Scalar::Bool(true)),
            ("y", Scalar::Str),
            ("n", Scalar::Str),
            ("42", Scalar::Int),
            ("-17", Scalar::Int),
            ("1_000", Scalar::Int),
            ("0x1F", Scalar::Int),
            ("0b101", Scalar::Int),
            ("0777", Scalar::Int),
            ("1:20", Scalar::Int),
            ("3.14", Scalar::Float),
            ("1.5e+3", Scalar::Float),
            (".inf", Scalar::Float),
            ("-.inf", Scalar::Float),
            (".NaN", Scalar::Float),
            ("2020-01-01", Scalar::Date),
            ("2022-10-31T16:39:58.000Z", Scalar::Timestamp),
            ("2014-02-04 10:00:00 +08:00", Scalar::Timestamp),
            ("2014-02-04 10:00:00", Scalar::Timestamp),
            ("hello", Scalar::Str),
            ("12abc", Scalar::Str),
            ("王毅", Scalar::Str),
            ("-", Scalar::Str),
            ("1.2.3", Scalar::Str),
        ];
        for (text, want) in table {
            assert_eq!(&resolve_plain(text), want, "{text:?}");
        }
    }
}
