//! The JSON form of one scalar, as Jekyll's Psych reads it: what `enum`
//! values and property names are written as.
//!
//! A minimal stand-in for `model::schema::json_view::scalar_json`, with
//! the same signature, covering what inference writes (strings, booleans,
//! integers, floats, dates): the lead swaps it for that function at merge.

use serde_json::Value;

use crate::model::front_matter::scalar::Scalar;

/// The JSON form of the scalar whose text is `text` and which Psych reads
/// as `value`: strings as their text, booleans, integers in Psych's reading
/// (`0x1F` is 31, `0777` is 511, `1,000` is 1000, `-1:30` is -90), floats,
/// dates as `YYYY-MM-DD`. A timestamp is given as written (inference never
/// writes one), and an integer beyond 64 bits as a float.
pub fn scalar_json(text: &str, value: &Scalar) -> Value {
    match value {
        Scalar::Null => Value::Null,
        Scalar::Bool(b) => Value::Bool(*b),
        Scalar::Int => match psych_int(text) {
            Some(n) => Value::from(n),
            None => float(text),
        },
        Scalar::Float => float(text),
        Scalar::Date => Value::String(date(text)),
        Scalar::Timestamp | Scalar::Str => Value::String(text.to_string()),
    }
}

fn float(text: &str) -> Value {
    let cleaned: String = text.chars().filter(|c| !matches!(c, '_' | ',')).collect();
    cleaned
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// `2022-2-3` as `2022-02-03`.
fn date(text: &str) -> String {
    let mut parts = text.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return text.to_string();
    };
    format!("{y}-{m:0>2}-{d:0>2}")
}

/// A YAML 1.1 integer as Psych reads it, when it fits in 64 bits: binary
/// (`0b`), hexadecimal (`0x`), octal (a leading `0`), decimal and base 60
/// (`1:30`), with `_` and `,` ignored and an optional sign.
pub fn psych_int(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '_' | ','))
        .collect();
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let magnitude = if body.contains(':') {
        body.split(':').try_fold(0i64, |acc, part| {
            acc.checked_mul(60)?.checked_add(part.parse::<i64>().ok()?)
        })?
    } else if let Some(bin) = body.strip_prefix("0b") {
        i64::from_str_radix(bin, 2).ok()?
    } else if let Some(hex) = body.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()?
    } else if body.len() > 1
        && let Some(oct) = body.strip_prefix('0')
    {
        i64::from_str_radix(oct, 8).ok()?
    } else {
        body.parse::<i64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::front_matter::scalar::resolve_plain;

    fn json(text: &str) -> Value {
        scalar_json(text, &resolve_plain(text))
    }

    #[test]
    fn scalars_as_psych_reads_them() {
        assert_eq!(json("0x1F"), Value::from(31));
        assert_eq!(json("0777"), Value::from(511));
        assert_eq!(json("1,000"), Value::from(1000));
        assert_eq!(json("-1:30"), Value::from(-90));
        assert_eq!(json("0b1010"), Value::from(10));
        assert_eq!(json("0"), Value::from(0));
        assert_eq!(json("+12"), Value::from(12));
        assert_eq!(json("no"), Value::Bool(false));
        assert_eq!(json("On"), Value::Bool(true));
        assert_eq!(json("~"), Value::Null);
        assert_eq!(json("1.5"), serde_json::json!(1.5));
        assert_eq!(json("2022-2-3"), Value::from("2022-02-03"));
        assert_eq!(json("release"), Value::from("release"));
        assert_eq!(
            scalar_json("no", &Scalar::Str),
            Value::from("no"),
            "a quoted `no` is text"
        );
    }
}
