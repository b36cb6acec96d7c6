//! The JSON view of YAML 1.1 as Jekyll's Psych reads it: what a schema
//! sees of a front matter. Null, booleans and numbers are Psych's values
//! (`no` is `false`, `0x1F` is 31, `0777` is 511, `1,000` is 1000, `-1:30`
//! is -90); a date is the string `YYYY-MM-DD`; a timestamp is an RFC 3339
//! string with the offset written (`Z` when none is); a string is its text;
//! a key Psych reads as something else than a string (`on:`, `2022:`) is
//! the text of its value (`"true"`, `"2022"`).
//!
//! JSON has no date, no infinity and no bignum, so the view also keeps,
//! for the few values whose JSON does not say their Psych type, that type
//! ([`JsonView::special`]): dates, timestamps, `.inf`/`.nan` (the text as
//! written) and integers too large for 64 bits (a float in JSON).
//!
//! An alias is its anchor's JSON, built once and copied. The copies are
//! bounded by the document's own size, so an alias bomb costs what the
//! document costs: past the bound an alias is `null` and listed in
//! [`JsonView::unexpanded`], whose findings are not reported.

use foldhash::{HashMap, HashSet};
use serde_json::{Map, Number, Value};

use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Anchors, Node, NodeKind};

/// A front matter's JSON, and the Psych types its JSON does not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonView {
    pub value: Value,
    /// JSON pointer (into [`Self::value`]) and Psych type of each value
    /// whose JSON type is not its Psych type.
    pub special: Vec<(String, Scalar)>,
    /// JSON pointers of aliases left `null` past the copy budget.
    pub unexpanded: Vec<String>,
}

/// The JSON view of `node`; an alias is `null` (see [`view`]).
pub fn to_json(node: &Node) -> Value {
    view(node, None).value
}

/// The JSON view of `node`, its aliases resolved through `anchors`.
pub fn view(node: &Node, anchors: Option<&Anchors>) -> JsonView {
    view_each(&[node], anchors).pop().unwrap_or_default()
}

/// The JSON views of several nodes of one document, in order (the
/// top-level values of a front matter): an alias in one is the value of
/// an anchor in an earlier one, as in the document.
pub fn view_each(nodes: &[&Node], anchors: Option<&Anchors>) -> Vec<JsonView> {
    let mut builder = Builder {
        anchors,
        targets: anchors
            .map(|a| a.aliases.iter().map(|(_, t)| (t.start, t.end)).collect())
            .unwrap_or_default(),
        built: HashMap::default(),
        path: Vec::new(),
        special: Vec::new(),
        unexpanded: Vec::new(),
        budget: 4 * nodes.iter().map(|n| count(n)).sum::<usize>() + 1024,
    };
    nodes
        .iter()
        .map(|node| {
            let value = builder.node(node);
            JsonView {
                value,
                special: std::mem::take(&mut builder.special),
                unexpanded: std::mem::take(&mut builder.unexpanded),
            }
        })
        .collect()
}

fn count(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Sequence(items) => 1 + items.iter().map(count).sum::<usize>(),
        NodeKind::Mapping(pairs) => 1 + pairs.iter().map(|(_, v)| 1 + count(v)).sum::<usize>(),
        _ => 1,
    }
}

fn size(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// An anchored node's JSON, and its specials relative to it.
type Built = (Value, Vec<(String, Scalar)>);

struct Builder<'a> {
    anchors: Option<&'a Anchors>,
    /// The spans aliases point at.
    targets: HashSet<(usize, usize)>,
    built: HashMap<(usize, usize), Built>,
    path: Vec<String>,
    special: Vec<(String, Scalar)>,
    unexpanded: Vec<String>,
    budget: usize,
}

impl Builder<'_> {
    fn pointer(&self) -> String {
        self.path.iter().fold(String::new(), |mut s, p| {
            s.push('/');
            s.push_str(&p.replace('~', "~0").replace('/', "~1"));
            s
        })
    }

    fn node(&mut self, node: &Node) -> Value {
        let span = (node.span.start, node.span.end);
        let is_anchored = self.targets.contains(&span) && !self.built.contains_key(&span);
        let specials_before = self.special.len();
        let value = match &node.kind {
            NodeKind::Scalar { text, value, .. } => {
                let json = scalar_json(text, value);
                if let Some(kind) = special(value, &json) {
                    let at = self.pointer();
                    self.special.push((at, kind));
                }
                json
            }
            NodeKind::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.path.push(i.to_string());
                    out.push(self.node(item));
                    self.path.pop();
                }
                Value::Array(out)
            }
            NodeKind::Mapping(pairs) => {
                let mut out = Map::new();
                for (k, v) in pairs {
                    let key = key_text(k);
                    self.path.push(key.clone());
                    let value = self.node(v);
                    self.path.pop();
                    // Psych keeps the last value of a repeated key.
                    out.insert(key, value);
                }
                Value::Object(out)
            }
            NodeKind::Alias => self.alias(node.span.start),
        };
        if is_anchored {
            let base = self.pointer();
            let relative = self.special[specials_before..]
                .iter()
                .map(|(p, k)| (p[base.len()..].to_string(), k.clone()))
                .collect();
            self.built.insert(span, (value.clone(), relative));
        }
        value
    }

    fn alias(&mut self, start: usize) -> Value {
        let target = self.anchors.and_then(|a| a.target(start));
        let found = target.and_then(|t| self.built.get(&(t.start, t.end)));
        let Some((value, relative)) = found else {
            return Value::Null;
        };
        let cost = size(value);
        if cost > self.budget {
            let at = self.pointer();
            self.unexpanded.push(at);
            return Value::Null;
        }
        self.budget -= cost;
        let (value, relative) = (value.clone(), relative.clone());
        let base = self.pointer();
        self.special
            .extend(relative.into_iter().map(|(p, k)| (format!("{base}{p}"), k)));
        value
    }
}

/// A mapping key as text: a string key is its text, another scalar the
/// text of its Psych value (`on` is `"true"`, `0x1F` is `"31"`), anything
/// else its own text.
pub fn key_text(key: &Node) -> String {
    match &key.kind {
        NodeKind::Scalar {
            value: Scalar::Str,
            text,
            ..
        } => text.clone(),
        NodeKind::Scalar { text, value, .. } => match scalar_json(text, value) {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        },
        _ => String::new(),
    }
}

/// The Psych type a JSON value does not tell.
fn special(scalar: &Scalar, json: &Value) -> Option<Scalar> {
    match (scalar, json) {
        (Scalar::Date | Scalar::Timestamp, _) => Some(scalar.clone()),
        (Scalar::Float, Value::String(_)) => Some(Scalar::Float),
        (Scalar::Int, Value::Number(n)) if n.is_f64() => Some(Scalar::Int),
        _ => None,
    }
}

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
    let cleaned = text.replace(['_', ','], "");
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
    let cleaned = text.replace(['_', ','], "");
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
        None | Some(b'Z') => "Z".to_string(),
        Some(&sign @ (b'+' | b'-')) => {
            at += 1;
            let hours = digits(b, &mut at, 1, 2)?;
            if b.get(at) == Some(&b':') {
                at += 1;
            }
            let minutes = digits(b, &mut at, 2, 2).unwrap_or(0);
            format!("{}{hours:02}:{minutes:02}", sign as char)
        }
        _ => return None,
    };
    let first =
        jiff::civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, 1).ok()?;
    let start = first.to_datetime(jiff::civil::Time::midnight());
    let span = jiff::Span::new()
        .days(day - 1)
        .hours(hour)
        .minutes(minute)
        .seconds(second);
    let moment = start.checked_add(span).ok()?;
    let fraction = if fraction.is_empty() {
        String::new()
    } else {
        format!(".{fraction}")
    };
    Some(format!(
        "{}{fraction}{offset}",
        moment.strftime("%Y-%m-%dT%H:%M:%S")
    ))
}

#[cfg(test)]
mod tests;
