//! Markdown reference definitions, `[id]: url "title"`, read as kramdown
//! reads them: on one line, the URL up to its end (spaces and all) or
//! between `<` and `>`, a title in quotes left out.

use std::collections::HashSet;

use super::prefix::reference;
use super::reference::{RefKind, Reference};
use super::skip::Skips;

/// A label as kramdown matches it: whitespace runs made one space,
/// lowercased.
pub(super) fn normalize(label: &[u8]) -> String {
    let text = String::from_utf8_lossy(label);
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The definitions of `body`, each at the start of a line (after at most
/// three spaces); footnotes (`[^1]:`) are not. Returns the labels defined,
/// which decide whether `[text][label]` is a reference link.
pub(super) fn definitions(body: &str, skips: &Skips, out: &mut Vec<Reference>) -> HashSet<String> {
    let bytes = body.as_bytes();
    let mut labels = HashSet::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |n| pos + n);
        if let Some((label, r)) = definition(body, pos, end, skips) {
            labels.insert(label);
            out.extend(r);
        }
        pos = end + 1;
    }
    labels
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

/// The definition on the line `body[start..end]`, if it is one: its label
/// and its reference (none when its URL is a `post_url` or `link` tag).
fn definition(
    body: &str,
    start: usize,
    end: usize,
    skips: &Skips,
) -> Option<(String, Option<Reference>)> {
    let bytes = body.as_bytes();
    let lead = bytes[start..end].iter().take_while(|&&b| b == b' ').count();
    let open = start + lead;
    if lead > 3 || bytes.get(open) != Some(&b'[') || bytes.get(open + 1) == Some(&b'^') {
        return None;
    }
    if skips.contains(open) {
        return None;
    }
    let n = bytes[open + 1..end].iter().position(|&b| b == b']')?;
    let close = open + 1 + n;
    if n == 0 || bytes.get(close + 1) != Some(&b':') {
        return None;
    }
    let mut at = close + 2;
    while at < end && is_space(bytes[at]) {
        at += 1;
    }
    let span = if bytes.get(at) == Some(&b'<') {
        let n = bytes[at + 1..end].iter().position(|&b| b == b'>')?;
        at + 1..at + 1 + n
    } else {
        let mut url_end = end;
        while url_end > at && is_space(bytes[url_end - 1]) {
            url_end -= 1;
        }
        // A title at the end of the line, after whitespace: `"t"` or `'t'`.
        let line = &bytes[at..url_end];
        if let Some(q) = line
            .windows(2)
            .position(|w| is_space(w[0]) && (w[1] == b'"' || w[1] == b'\''))
        {
            let quote = line[q + 1];
            let title = &line[q + 2..];
            if title.len() < 2 || title.last() != Some(&quote) {
                return None;
            }
            url_end = at + q;
            while url_end > at && is_space(bytes[url_end - 1]) {
                url_end -= 1;
            }
        }
        if url_end == at {
            return None;
        }
        at..url_end
    };
    let label = normalize(&bytes[open + 1..close]);
    Some((label, reference(body, RefKind::Definition, span)))
}
