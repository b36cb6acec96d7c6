//! Markdown inline links `[text](url)`.

use std::ops::Range;

use super::anchor::{Anchor, AnchorKind};

/// Where `](` is in `bytes`: found by the `]`, a byte so rare in posts
/// that a search for it costs a fraction of one for the pair.
pub(super) fn link_middles(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b']', bytes).filter(|&i| bytes.get(i + 1) == Some(&b'('))
}

/// Markdown inline links `[text](url)` on one line, not images.
pub(super) fn markdown_links(
    body: &str,
    base: usize,
    skip: Option<Range<usize>>,
    out: &mut Vec<Anchor>,
) {
    let bytes = body.as_bytes();
    for mid in link_middles(bytes) {
        // The opening bracket: the nearest unmatched `[` before, on this line.
        let mut depth = 0usize;
        let mut open = None;
        for i in (0..mid).rev() {
            match bytes[i] {
                b'\n' => break,
                b']' => depth += 1,
                b'[' if depth == 0 => {
                    open = Some(i);
                    break;
                }
                b'[' => depth -= 1,
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        if open > 0 && bytes[open - 1] == b'!' {
            continue;
        }
        let url_start = mid + 2;
        let mut end = url_start;
        let mut parens = 0usize;
        while end < bytes.len() {
            match bytes[end] {
                b'(' => parens += 1,
                b')' if parens == 0 => break,
                b')' => parens -= 1,
                b' ' | b'\t' | b'\n' | b'\r' | b'<' | b'>' | b'"' => break,
                _ => {}
            }
            end += 1;
        }
        if end >= bytes.len() || bytes[end] != b')' || end == url_start {
            continue;
        }
        let span = base + open..base + end + 1;
        if skip
            .as_ref()
            .is_some_and(|s| s.start <= span.start && span.end <= s.end)
        {
            continue;
        }
        let content = base + open + 1..base + mid;
        out.push(Anchor {
            kind: AnchorKind::Markdown,
            href: base + url_start..base + end,
            span,
            content,
            nested_tags: false,
        });
    }
}
