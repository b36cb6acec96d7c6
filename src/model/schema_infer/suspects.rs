//! What inference finds suspicious, for the site's owner to look at: a
//! rare key close to a common one (a misspelling), a key whose Psych type
//! varies (Liquid's `sort` fails on a mix of dates, timestamps and strings:
//! jekyll#6700), and a value outside an otherwise tight enum.

use super::shape::MAX_ENUM;
use super::stats::{KEPT, Literal, Location, Stats, Type};

/// One suspect: what is odd, and where (the first few places).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub message: String,
    pub at: Vec<Location>,
}

/// A key in under this share of the mappings of its place is rare: 1 in 50.
const RARE: usize = 50;

/// Every suspect under `stats`, the place named `path` (empty for the
/// front matter itself), in the order of the keys' names.
pub fn suspects(stats: &Stats, path: &str, out: &mut Vec<Suspect>) {
    if !path.is_empty() {
        varying_type(stats, path, out);
        for strings in [true, false] {
            outliers(stats, path, strings, out);
        }
    }
    rare_keys(stats, path, out);
    for (name, property) in &stats.properties {
        let inner = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        suspects(&property.value, &inner, out);
    }
    if let Some(items) = &stats.items {
        let inner = format!("{path}[]");
        suspects(items, &inner, out);
    }
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

fn varying_type(stats: &Stats, path: &str, out: &mut Vec<Suspect>) {
    if stats.types.len() < 2 {
        return;
    }
    let mut types: Vec<(Type, usize)> = stats.types.iter().map(|(t, s)| (*t, s.count)).collect();
    // The most common first; ties in the order of the types.
    types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let listed: Vec<String> = types
        .iter()
        .map(|(t, n)| format!("{} {}", t.name(), times(*n)))
        .collect();
    let dated = [Type::Date, Type::Timestamp, Type::String]
        .iter()
        .filter(|t| stats.types.contains_key(t))
        .count();
    let why = if dated >= 2 && (stats.has(Type::Date) + stats.has(Type::Timestamp)) > 0 {
        ": Liquid's `sort` fails on a mix of dates, timestamps and strings (jekyll#6700)"
    } else {
        ""
    };
    let mut at: Vec<Location> = types[1..]
        .iter()
        .flat_map(|(t, _)| stats.types[t].at.iter().copied())
        .collect();
    at.sort();
    at.truncate(KEPT);
    out.push(Suspect {
        message: format!(
            "`{path}` has more than one type: {}{why}",
            listed.join(", ")
        ),
        at,
    });
}

fn outliers(stats: &Stats, path: &str, strings: bool, out: &mut Vec<Suspect>) {
    if stats.many {
        return;
    }
    let values: Vec<_> = stats
        .literals
        .iter()
        .filter(|(l, _)| matches!(l, Literal::String(_)) == strings)
        .collect();
    let total: usize = values.iter().map(|(_, s)| s.count).sum();
    let (common, single): (Vec<_>, Vec<_>) = values.into_iter().partition(|(_, s)| s.count >= 2);
    let tight = (1..=MAX_ENUM).contains(&common.len())
        && (1..=2).contains(&single.len())
        && single.len() * 20 <= total;
    if !tight {
        return;
    }
    let show = |l: &Literal| match l {
        Literal::Integer(n) => format!("`{n}`"),
        Literal::String(s) => format!("`{s}`"),
    };
    let others: Vec<String> = common
        .iter()
        .map(|(l, s)| format!("{} ({})", show(l), s.count))
        .collect();
    for (value, seen) in single {
        let near = match value {
            Literal::String(s) => nearest(
                s,
                common.iter().filter_map(|(l, _)| match l {
                    Literal::String(c) => Some(c.as_str()),
                    Literal::Integer(_) => None,
                }),
            ),
            Literal::Integer(_) => None,
        };
        let hint = near
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        out.push(Suspect {
            message: format!(
                "`{path}` is {} once, where its other {} values are {}{hint}",
                show(value),
                total - 1,
                others.join(", ")
            ),
            at: seen.at.clone(),
        });
    }
}

/// Whether two names are close: the same but for case, or within edit
/// distance 2 (1 for names of up to four characters).
pub fn close(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    if a.to_lowercase() == b.to_lowercase() {
        return Some(0);
    }
    let d = strsim::levenshtein(a, b);
    let shortest = a.chars().count().min(b.chars().count());
    (d <= 2 && d * 2 < shortest).then_some(d)
}

fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .filter_map(|c| close(name, c).map(|d| (d, c)))
        .min()
        .map(|(_, c)| c)
}

fn rare_keys(stats: &Stats, path: &str, out: &mut Vec<Suspect>) {
    let total = stats.has(Type::Mapping);
    let rare = |n: usize| n * RARE < total;
    for (name, property) in &stats.properties {
        if !rare(property.seen.count) {
            continue;
        }
        let best = stats
            .properties
            .iter()
            .filter(|(_, p)| !rare(p.seen.count))
            .filter_map(|(other, p)| {
                close(name, other).map(|d| (d, std::cmp::Reverse(p.seen.count), other))
            })
            .min();
        let Some((_, std::cmp::Reverse(count), other)) = best else {
            continue;
        };
        let (place, noun) = if path.is_empty() {
            (String::new(), "documents")
        } else {
            (format!(" in `{path}`"), "mappings")
        };
        out.push(Suspect {
            message: format!(
                "key `{name}`{place} is in {} of {total} {noun}, close to `{other}` in {count}: a misspelling?",
                property.seen.count
            ),
            at: property.seen.at.clone(),
        });
    }
}
