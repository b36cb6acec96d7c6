//! Iterating lines as byte ranges, for LF and CRLF text alike.

use std::ops::Range;

/// The lines of `text` from byte `from`: each line's range without its line
/// break (`\n` or `\r\n`).
pub fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let (len, next) = match rest.find('\n') {
            Some(i) => (i, pos + i + 1),
            None => (rest.len(), text.len()),
        };
        let mut end = pos + len;
        if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let line = pos..end;
        pos = next;
        Some(line)
    })
}

/// Where the line after `line` starts (after its line break).
pub fn next_line_start(text: &str, line: &Range<usize>) -> usize {
    match text[line.end..].find('\n') {
        Some(i) => line.end + i + 1,
        None => text.len(),
    }
}
