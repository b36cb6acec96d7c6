//! The Liquid a link's URL is written with: the known prefixes that make a
//! URL of the site (`{{ site.baseurl }}`, `{{ site.url }}`, the
//! `relative_url` and `absolute_url` filters), taken away, and anything
//! else Liquid, which makes the URL dynamic.

use std::ops::Range;

use super::reference::{Prefix, RefKind, Reference};

/// A URL as written, read for Liquid.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Made {
    pub(super) url: String,
    pub(super) prefix: Prefix,
    pub(super) dynamic: bool,
}

/// Read `value` (a link destination or an attribute's value). `None` when
/// it holds a `{% post_url %}` or `{% link %}` tag, which is the reference
/// itself (found by the Liquid pass).
pub(super) fn read(value: &str) -> Option<Made> {
    if !value.contains("{{") && !value.contains("{%") {
        return Some(Made {
            url: value.to_string(),
            prefix: Prefix::None,
            dynamic: false,
        });
    }
    if names_a_file(value) {
        return None;
    }
    let mut rest = value;
    let mut prefix = Prefix::None;
    let mut url = String::new();
    while let Some((expr, after)) = output(rest) {
        let known = match (prefix, expr) {
            (Prefix::None, "site.baseurl") => Prefix::Baseurl,
            (Prefix::None, "site.url") => Prefix::Url,
            (Prefix::Url, "site.baseurl") => Prefix::UrlAndBaseurl,
            (Prefix::None, _) => match filtered(expr) {
                Some((literal, p)) => {
                    url.push_str(&literal);
                    p
                }
                None => break,
            },
            _ => break,
        };
        prefix = known;
        rest = after;
        if !url.is_empty() {
            break;
        }
    }
    url.push_str(rest);
    let dynamic = url.contains("{{") || url.contains("{%");
    if dynamic {
        return Some(Made {
            url: value.to_string(),
            prefix,
            dynamic,
        });
    }
    if has_scheme(&url) {
        prefix = Prefix::None;
    }
    Some(Made {
        url,
        prefix,
        dynamic,
    })
}

/// Whether `value` holds a `post_url` or `link` tag.
fn names_a_file(value: &str) -> bool {
    let mut rest = value;
    while let Some(at) = rest.find("{%") {
        let inner = rest[at + 2..].trim_start_matches('-').trim_start();
        if ["post_url", "link"].iter().any(|t| {
            inner
                .strip_prefix(t)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_whitespace()))
        }) {
            return true;
        }
        rest = &rest[at + 2..];
    }
    false
}

/// The Liquid output `{{ expr }}` that `s` starts with: its expression,
/// trimmed, and what follows it.
fn output(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix("{{")?;
    let close = inner.find("}}")?;
    let expr = inner[..close]
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim();
    Some((expr, &inner[close + 2..]))
}

/// `"/x" | relative_url` (also `absolute_url`, and `prepend: site.baseurl`):
/// the literal, with the leading `/` the filters add, and its prefix.
fn filtered(expr: &str) -> Option<(String, Prefix)> {
    let q = expr.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let close = expr[1..].find(q)? + 1;
    let literal = &expr[1..close];
    let filter = expr[close + 1..].trim_start().strip_prefix('|')?.trim();
    let prefix = match filter {
        "relative_url" => Prefix::RelativeUrl,
        "absolute_url" => Prefix::AbsoluteUrl,
        _ => {
            let arg = filter.strip_prefix("prepend:")?.trim();
            if arg != "site.baseurl" {
                return None;
            }
            return Some((literal.to_string(), Prefix::Baseurl));
        }
    };
    if has_scheme(literal) || literal.starts_with('/') {
        Some((literal.to_string(), prefix))
    } else {
        Some((format!("/{literal}"), prefix))
    }
}

/// Whether a URL starts with a scheme (`https:`).
pub(super) fn has_scheme(url: &str) -> bool {
    let b = url.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.iter().position(|&c| c == b':').is_some_and(|n| {
            b[..n]
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || b"+.-".contains(c))
        })
}

/// A reference to `body[span]`, read for Liquid; `None` when the
/// destination is a `post_url` or `link` tag (found by the Liquid pass).
pub(super) fn reference(body: &str, kind: RefKind, span: Range<usize>) -> Option<Reference> {
    let made = read(body.get(span.clone())?)?;
    Some(Reference {
        kind,
        span,
        url: made.url,
        prefix: made.prefix,
        dynamic: made.dynamic,
    })
}
