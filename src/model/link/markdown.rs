//! The Markdown references of a body: inline links and images
//! (`[t](url "title")`, `![a](url)`, `[t](<url>)`) and autolinks
//! (`<https://…>`), read as kramdown reads them: a destination may hold
//! spaces, up to the `)` that balances its `(` or a title in quotes.

use std::collections::HashSet;
use std::ops::Range;

use super::definition::normalize;

use super::prefix::reference;
use super::reference::{RefKind, Reference};
use super::skip::Skips;

/// The longest Liquid tag or output read inside a destination.
const LIQUID_MAX: usize = 512;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Past a Liquid tag or output that starts at `j` (on `{{` or `{%`), when
/// it closes within [`LIQUID_MAX`] bytes.
fn liquid_end(bytes: &[u8], j: usize) -> Option<usize> {
    let closer: &[u8] = match bytes.get(j + 1)? {
        b'{' => b"}}",
        b'%' => b"%}",
        _ => return None,
    };
    let window = &bytes[j + 2..bytes.len().min(j + 2 + LIQUID_MAX)];
    memchr::memmem::find(window, closer).map(|n| j + 2 + n + 2)
}

/// The span of `bytes[from..to]` without the whitespace around it.
fn trimmed(bytes: &[u8], mut from: usize, mut to: usize) -> Range<usize> {
    while from < to && is_space(bytes[from]) {
        from += 1;
    }
    while to > from && is_space(bytes[to - 1]) {
        to -= 1;
    }
    from..to
}

/// The inline link or image whose `(` is at `open`: its destination's
/// span and where the link ends, as kramdown reads it. `(<url>)` is the
/// URL between the brackets; otherwise the URL runs to the `)` that
/// balances the `(` (spaces allowed, Liquid read whole), or to whitespace
/// before a quote, which starts a title that must be followed by `)`. A
/// scan that meets `](` (another link) or a blank line gives up, so that
/// no byte is read twice.
fn inline_target(bytes: &[u8], open: usize) -> Option<(Range<usize>, usize)> {
    let mut j = open + 1;
    let span;
    if bytes.get(j) == Some(&b'<') {
        // Up to the next `<` at most, so that no byte is read twice.
        let n = bytes[j + 1..]
            .iter()
            .position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
        let close = j + 1 + n;
        if bytes[close] != b'>' {
            return None;
        }
        span = j + 1..close;
        j = close + 1;
        if bytes.get(j) == Some(&b')') {
            return Some((span, j + 1));
        }
    } else {
        let mut depth = 1usize;
        loop {
            let b = *bytes.get(j)?;
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some((trimmed(bytes, open + 1, j), j + 1));
                    }
                }
                b']' if bytes.get(j + 1) == Some(&b'(') => return None,
                b'{' if matches!(bytes.get(j + 1), Some(b'{' | b'%')) => {
                    if let Some(end) = liquid_end(bytes, j) {
                        j = end;
                        continue;
                    }
                }
                b'\n' if blank_line(bytes, j + 1) => return None,
                b if is_space(b) && matches!(bytes.get(j + 1), Some(b'"' | b'\'')) => break,
                _ => {}
            }
            j += 1;
        }
        span = trimmed(bytes, open + 1, j);
    }
    // A title: whitespace, a quote, and the first same quote followed by
    // optional whitespace and `)`.
    while j < bytes.len() && is_space(bytes[j]) {
        j += 1;
    }
    let quote = *bytes.get(j).filter(|&&q| q == b'"' || q == b'\'')?;
    let mut k = j + 1;
    while k < bytes.len() {
        match bytes[k] {
            b']' if bytes.get(k + 1) == Some(&b'(') => return None,
            b'\n' if blank_line(bytes, k + 1) => return None,
            q if q == quote && k > j + 1 => {
                let mut after = k + 1;
                while after < bytes.len() && is_space(bytes[after]) {
                    after += 1;
                }
                if bytes.get(after) == Some(&b')') {
                    return Some((span, after + 1));
                }
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// Whether the line that starts at `i` is blank.
fn blank_line(bytes: &[u8], i: usize) -> bool {
    bytes[i..]
        .iter()
        .take_while(|&&b| b != b'\n')
        .all(|&b| is_space(b) || b == b'\r')
}

/// Inline links and images: each `]` closes the nearest open `[` of its
/// paragraph (a stack, so linear), and with `(` after it starts a link.
/// As in kramdown, a link's text holds no link (the outer one is kept; an
/// image inside it stays).
pub(super) fn inline_links(
    body: &str,
    skips: &Skips,
    labels: &HashSet<String>,
    out: &mut Vec<Reference>,
) {
    let bytes = body.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    // The links found so far (indices into `out`), and those dropped for
    // lying in the text of a link around them.
    let mut links: Vec<usize> = Vec::new();
    let mut dropped: Vec<usize> = Vec::new();
    let first = out.len();
    let mut pos = 0;
    while let Some(n) = memchr::memchr3(b'[', b']', b'\n', &bytes[pos..]) {
        let i = pos + n;
        pos = i + 1;
        if let Some(end) = skips.end_of(i) {
            pos = end.max(pos);
            continue;
        }
        match bytes[i] {
            b'\n' => {
                if blank_line(bytes, i + 1) {
                    open.clear();
                }
            }
            _ if i > 0 && bytes[i - 1] == b'\\' => {}
            b'[' => open.push(i),
            _ => {
                let Some(start) = open.pop() else { continue };
                if bytes.get(i + 1) != Some(&b'(') {
                    continue;
                }
                // `[text][label](x)` with `label` defined: a reference
                // link, and `(x)` is text after it.
                if start > 0
                    && bytes[start - 1] == b']'
                    && labels.contains(&normalize(&bytes[start + 1..i]))
                {
                    continue;
                }
                let Some((span, end)) = inline_target(bytes, i + 1) else {
                    continue;
                };
                let kind = if start > 0 && bytes[start - 1] == b'!' {
                    RefKind::Image
                } else {
                    RefKind::Link
                };
                if kind == RefKind::Link {
                    while links.last().is_some_and(|&l| out[l].span.start > start) {
                        dropped.extend(links.pop());
                    }
                }
                if let Some(r) = reference(body, kind.clone(), span) {
                    if kind == RefKind::Link {
                        links.push(out.len());
                    }
                    out.push(r);
                }
                pos = end;
            }
        }
    }
    if !dropped.is_empty() {
        dropped.sort_unstable();
        let tail: Vec<Reference> = out.drain(first..).collect();
        let mut k = 0;
        for (index, r) in (first..).zip(tail) {
            if dropped.get(k) == Some(&index) {
                k += 1;
            } else {
                out.push(r);
            }
        }
    }
}

/// Autolinks `<scheme:…>` of the schemes kramdown links (`http`, `https`,
/// `ftp`, `ftps`); mail addresses are not references to the site.
pub(super) fn autolinks(body: &str, skips: &Skips, out: &mut Vec<Reference>) {
    let bytes = body.as_bytes();
    let mut pos = 0;
    while let Some(n) = memchr::memchr(b'<', &bytes[pos..]) {
        let i = pos + n;
        pos = i + 1;
        if let Some(end) = skips.end_of(i) {
            pos = end.max(pos);
            continue;
        }
        let rest = &bytes[i + 1..];
        let scheme = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if rest.get(scheme) != Some(&b':')
            || !["http", "https", "ftp", "ftps"]
                .iter()
                .any(|s| rest[..scheme].eq_ignore_ascii_case(s.as_bytes()))
        {
            continue;
        }
        let Some(len) = rest
            .iter()
            .position(|&b| b <= b' ' || b == b'<' || b == b'>')
        else {
            break;
        };
        if rest[len] != b'>' {
            continue;
        }
        let span = i + 1..i + 1 + len;
        out.extend(reference(body, RefKind::Autolink, span));
        pos = i + 2 + len;
    }
}
