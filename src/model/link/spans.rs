//! The code spans and HTML comments of a paragraph, as kramdown reads
//! them: a run of backticks opens a code span when a later run is at
//! least as long (it closes at the first as many backticks), unless it is
//! a lone backtick between whitespace.

use std::ops::Range;

/// The code spans and HTML comments of one paragraph, `body[para]`. A
/// comment may run past the paragraph: then where the line pass must go on
/// (just past the comment), else `None`.
pub(super) fn inline(
    body: &str,
    para: Range<usize>,
    skips: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let bytes = body.as_bytes();
    // The backtick runs: where each starts, its length, and the next run
    // of the same length (its closer, if any).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = para.start;
    while let Some(n) = memchr::memchr(b'`', &bytes[i..para.end]) {
        let start = i + n;
        let len = bytes[start..para.end]
            .iter()
            .take_while(|&&b| b == b'`')
            .count();
        runs.push((start, len));
        i = start + len;
    }
    // The longest run from each one on: a run of `n` opens a code span
    // only when a later one is as long (kramdown closes it at the first
    // `n` backticks, even inside a longer run).
    let mut longest_after = vec![0usize; runs.len() + 1];
    for k in (0..runs.len()).rev() {
        longest_after[k] = longest_after[k + 1].max(runs[k].1);
    }
    let is_white = |b: u8| b.is_ascii_whitespace();
    let mut k = 0;
    let mut pos = para.start;
    // The next `<!--` at or after `pos`, kept while `pos` has not passed
    // it, so that no byte is searched twice.
    let mut next_comment: Option<Option<usize>> = None;
    loop {
        let comment = match next_comment {
            Some(Some(c)) if c >= pos => Some(c),
            Some(None) => None,
            _ => {
                let c = memchr::memmem::find(&bytes[pos..para.end], b"<!--").map(|n| pos + n);
                next_comment = Some(c);
                c
            }
        };
        // The next run at or after `pos` that opens a code span: not a
        // lone backtick between whitespace, and closed by a later run.
        while let Some(&(start, len)) = runs.get(k) {
            let lone = len == 1
                && (start == para.start || is_white(bytes[start - 1]))
                && bytes.get(start + 1).is_some_and(|&b| is_white(b));
            if start >= pos && !lone && longest_after[k + 1] >= len {
                break;
            }
            k += 1;
        }
        let span = runs.get(k).map(|r| r.0);
        match (comment, span) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                let close = memchr::memmem::find(&bytes[c + 4..], b"-->")
                    .map_or(bytes.len(), |n| c + 4 + n + 3);
                skips.push(c..close);
                if close > para.end {
                    return Some(close);
                }
                pos = close;
            }
            (_, Some(s)) => {
                let n = runs[k].1;
                let j = k + 1 + runs[k + 1..].iter().position(|r| r.1 >= n).unwrap_or(0);
                let end = runs[j].0 + n;
                skips.push(s..end);
                pos = end;
                // The rest of a longer closing run may open another.
                if runs[j].1 > n {
                    runs[j] = (end, runs[j].1 - n);
                    k = j;
                } else {
                    k = j + 1;
                }
            }
            _ => return None,
        }
    }
}
