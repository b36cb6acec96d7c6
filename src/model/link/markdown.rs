//! The Markdown references of a body: inline links and images
//! (`[t](url "title")`, `![a](url)`, `[t](<url>)`), reference definitions
//! (`[id]: url`) and autolinks (`<https://…>`).

use std::ops::Range;

use super::prefix;
use super::reference::{RefKind, Reference};
use super::skip::Skips;

/// The longest Liquid tag or output read inside a destination.
const LIQUID_MAX: usize = 512;

/// A reference to `body[span]`, read for Liquid; `None` when the
/// destination is a `post_url` or `link` tag (found by the Liquid pass).
fn reference(body: &str, kind: RefKind, span: Range<usize>) -> Option<Reference> {
    let made = prefix::read(body.get(span.clone())?)?;
    Some(Reference {
        kind,
        span,
        url: made.url,
        prefix: made.prefix,
        dynamic: made.dynamic,
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t')
}

/// Past spaces and tabs, and at most one line break, from `i`.
fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    if bytes.get(i) == Some(&b'\r') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'\n') {
        i += 1;
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
    }
    i
}

/// A destination starting at `i`: the span of the URL and where it ends
/// (past a closing `>`). `<url>` runs to its `>` on the same line; a bare
/// one to whitespace or an unbalanced `)`, over Liquid tags and outputs
/// whole. A bare destination that meets `](` is none: the scan stops at
/// the next link, so that no byte is read twice.
fn destination(bytes: &[u8], i: usize) -> Option<(Range<usize>, usize)> {
    if bytes.get(i) == Some(&b'<') {
        let n = bytes[i + 1..]
            .iter()
            .position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
        let close = i + 1 + n;
        return (bytes[close] == b'>').then_some((i + 1..close, close + 1));
    }
    let mut j = i;
    let mut depth = 0usize;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b']' if bytes.get(j + 1) == Some(&b'(') => return None,
            b'{' if matches!(bytes.get(j + 1), Some(b'{' | b'%')) => {
                let closer: &[u8] = if bytes[j + 1] == b'{' { b"}}" } else { b"%}" };
                let window = &bytes[j + 2..bytes.len().min(j + 2 + LIQUID_MAX)];
                let n = memchr::memmem::find(window, closer)?;
                j += 2 + n + 1;
            }
            b if b <= b' ' => break,
            _ => {}
        }
        j += 1;
    }
    let j = j.min(bytes.len());
    Some((i..j, j))
}

/// Past a link title starting at `i` (`"t"`, `'t'` or `(t)`), which may
/// not hold a blank line.
fn title_end(bytes: &[u8], i: usize) -> Option<usize> {
    let close = match bytes.get(i)? {
        b'"' => b'"',
        b'\'' => b'\'',
        b'(' => b')',
        _ => return None,
    };
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 1,
            b if b == close => return Some(j + 1),
            b'\n'
                if bytes[j + 1..]
                    .iter()
                    .take_while(|&&b| b != b'\n')
                    .all(|&b| is_space(b) || b == b'\r') =>
            {
                return None;
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// The inline link or image whose `(` is at `open`: its destination's
/// span and where the link ends.
fn inline_target(bytes: &[u8], open: usize) -> Option<(Range<usize>, usize)> {
    let (span, after) = destination(bytes, skip_spaces(bytes, open + 1))?;
    let mut j = skip_spaces(bytes, after);
    if bytes.get(j) != Some(&b')') {
        if j == after {
            return None;
        }
        j = skip_spaces(bytes, title_end(bytes, j)?);
    }
    (bytes.get(j) == Some(&b')')).then_some((span, j + 1))
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
pub(super) fn inline_links(body: &str, skips: &Skips, out: &mut Vec<Reference>) {
    let bytes = body.as_bytes();
    let mut open: Vec<usize> = Vec::new();
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
                // `[text][label](x)`: the label of a reference link, and
                // `(x)` is text after it.
                if bytes.get(i + 1) != Some(&b'(') || (start > 0 && bytes[start - 1] == b']') {
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
                out.extend(reference(body, kind, span));
                pos = end;
            }
        }
    }
}

/// Reference definitions `[id]: url "title"`, each at the start of a line
/// (after at most three spaces). Footnotes (`[^1]:`) are not.
pub(super) fn definitions(body: &str, skips: &Skips, out: &mut Vec<Reference>) {
    let bytes = body.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |n| pos + n);
        if let Some(r) = definition(body, pos, end, skips) {
            out.push(r);
        }
        pos = end + 1;
    }
}

/// The definition on the line `body[start..end]`, if it is one.
fn definition(body: &str, start: usize, end: usize, skips: &Skips) -> Option<Reference> {
    let bytes = body.as_bytes();
    let lead = bytes[start..end].iter().take_while(|&&b| b == b' ').count();
    let open = start + lead;
    if lead > 3 || bytes.get(open) != Some(&b'[') || bytes.get(open + 1) == Some(&b'^') {
        return None;
    }
    if skips.contains(open) {
        return None;
    }
    let n = bytes[open + 1..end]
        .iter()
        .position(|&b| b == b']' || b == b'[')?;
    let close = open + 1 + n;
    if n == 0 || bytes[close] != b']' || bytes.get(close + 1) != Some(&b':') {
        return None;
    }
    let at = skip_spaces(bytes, close + 2);
    let (span, after) = destination(bytes, at)?;
    if span.is_empty() && bytes.get(at) != Some(&b'<') {
        return None;
    }
    // Only whitespace or a title may follow on its line.
    let next = bytes.get(after).copied();
    if !matches!(next, None | Some(b' ' | b'\t' | b'\r' | b'\n')) {
        return None;
    }
    reference(body, RefKind::Definition, span)
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
