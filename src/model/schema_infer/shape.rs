//! The schema of one place, from what was seen there. Each value seen
//! validates against it by construction: every Psych type seen gets a
//! branch that admits all of its values, and the branches are joined with
//! `anyOf` (or a list of types, when they are bare types).
//!
//! Dates and timestamps are strings in the JSON view, but satisfy `type:
//! string` only where the same subschema asks for a date (a `format` of
//! one, or `yamlType`): a branch that admits them always says so.

use super::stats::{Literal, Stats, Type};
use super::tree::Value;

/// The largest `enum` inference writes.
pub const MAX_ENUM: usize = 12;

/// What the schema is asked to be.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `additionalProperties: false` on every mapping.
    pub closed: bool,
}

type Members = Vec<(String, Value, Option<String>)>;

fn member(key: &str, value: Value) -> (String, Value, Option<String>) {
    (key.to_string(), value, None)
}

fn typed(name: &str) -> Members {
    vec![member("type", Value::str(name))]
}

/// The schema of the values seen at a place.
pub fn schema(stats: &Stats, options: &Options) -> Value {
    if stats.has(Type::Alias) > 0 {
        // An alias stands for a node anchored elsewhere, of any shape.
        return Value::Map(Vec::new());
    }
    let mut branches: Vec<(Members, usize)> = Vec::new();
    let mut add = |members: Members, count: usize| {
        if count > 0 {
            branches.push((members, count));
        }
    };
    add(typed("null"), stats.has(Type::Null));
    add(typed("boolean"), stats.has(Type::Boolean));
    let (integers, floats) = (stats.has(Type::Integer), stats.has(Type::Float));
    if floats > 0 {
        add(typed("number"), integers + floats);
    } else {
        let mut members = typed("integer");
        if let Some(values) = enumeration(stats, false) {
            members.push(member("enum", values));
        }
        add(members, integers);
    }
    for (members, count) in strings(stats) {
        add(members, count);
    }
    if let Some(seen) = stats.types.get(&Type::List) {
        let mut members = typed("array");
        if let Some(items) = stats.items.as_deref().filter(|i| i.count() > 0) {
            members.push(member("items", schema(items, options)));
        }
        add(members, seen.count);
    }
    if stats.has(Type::Mapping) > 0 {
        add(object(stats, options), stats.has(Type::Mapping));
    }
    join(branches, stats.count())
}

/// One branch alone; bare types as a list of types; else `anyOf`, each
/// branch with how many of the values it holds.
fn join(mut branches: Vec<(Members, usize)>, total: usize) -> Value {
    if branches.len() == 1 {
        return Value::Map(branches.remove(0).0);
    }
    let bare = |m: &Members| m.len() == 1 && m[0].0 == "type";
    if branches.iter().all(|(m, _)| bare(m)) {
        let types = branches
            .into_iter()
            .map(|(mut m, _)| (m.remove(0).1, None))
            .collect();
        return Value::Map(vec![member("type", Value::List(types))]);
    }
    let choices = branches
        .into_iter()
        .map(|(m, count)| (Value::Map(m), Some(format!("{count} of {total}"))))
        .collect();
    Value::Map(vec![member("anyOf", Value::List(choices))])
}

/// The branches of strings, dates and timestamps: one when a single
/// subschema admits them all, else text apart from dates.
fn strings(stats: &Stats) -> Vec<(Members, usize)> {
    let text = stats.has(Type::String);
    let dates = stats.has(Type::Date);
    let stamps = stats.has(Type::Timestamp);
    let dated = match (dates, stamps) {
        (0, 0) => None,
        (_, 0) => Some(vec![
            member("type", Value::str("string")),
            member("format", Value::str("date")),
            member("yamlType", Value::str("date")),
        ]),
        (0, _) => Some(vec![
            member("type", Value::str("string")),
            member("yamlType", Value::str("timestamp")),
        ]),
        // Jekyll reads both as a `date`; their JSON views are
        // `YYYY-MM-DD` and RFC 3339, which `jekyll-date` reads.
        _ => Some(jekyll_date()),
    };
    if text == 0 {
        return dated.map(|m| (m, dates + stamps)).into_iter().collect();
    }
    if dated.is_some() && stats.not_jekyll_date == 0 {
        // Dates written as text, and as YAML: one subschema.
        return vec![(jekyll_date(), text + dates + stamps)];
    }
    let mut members = typed("string");
    if let Some(values) = enumeration(stats, true) {
        members.push(member("enum", values));
    } else if stats.not_uri == 0 {
        members.push(member("format", Value::str("uri")));
    } else if stats.not_jekyll_date == 0 {
        members.push(member("format", Value::str("jekyll-date")));
    }
    let mut out = vec![(members, text)];
    out.extend(dated.map(|m| (m, dates + stamps)));
    out
}

fn jekyll_date() -> Members {
    vec![
        member("type", Value::str("string")),
        member("format", Value::str("jekyll-date")),
    ]
}

/// The values of the strings (or integers) seen here as an `enum`, each
/// with how often it was seen: when there are 2 to [`MAX_ENUM`] of them,
/// each seen at least twice.
fn enumeration(stats: &Stats, strings: bool) -> Option<Value> {
    if stats.many {
        return None;
    }
    let values: Vec<_> = stats
        .literals
        .iter()
        .filter(|(l, _)| matches!(l, Literal::String(_)) == strings)
        .collect();
    let fits = (2..=MAX_ENUM).contains(&values.len()) && values.iter().all(|(_, s)| s.count >= 2);
    fits.then(|| {
        Value::List(
            values
                .into_iter()
                .map(|(l, seen)| {
                    let v = match l {
                        Literal::Integer(n) => Value::Int(*n),
                        Literal::String(s) => Value::Str(s.clone()),
                    };
                    (v, Some(seen.count.to_string()))
                })
                .collect(),
        )
    })
}

/// A mapping: its keys, those every mapping here has, each key's count.
fn object(stats: &Stats, options: &Options) -> Members {
    let total = stats.has(Type::Mapping);
    let mut members = typed("object");
    let required: Vec<(Value, Option<String>)> = stats
        .properties
        .iter()
        .filter(|(_, p)| p.seen.count == total)
        .map(|(name, _)| (Value::Str(name.clone()), None))
        .collect();
    if !required.is_empty() {
        members.push(member("required", Value::List(required)));
    }
    if !stats.properties.is_empty() {
        let properties = stats
            .properties
            .iter()
            .map(|(name, p)| {
                (
                    name.clone(),
                    schema(&p.value, options),
                    Some(match p.seen.count {
                        // Only `defaults:` sets it.
                        0 => format!("0 of {total}, from `defaults:`"),
                        n => format!("{n} of {total}"),
                    }),
                )
            })
            .collect();
        members.push(member("properties", Value::Map(properties)));
    }
    if options.closed {
        members.push(member("additionalProperties", Value::Bool(false)));
    }
    members
}
