//! The stretches of a body whose references are not references: fenced
//! and indented code blocks as kramdown reads them, with the code spans and
//! HTML comments of each paragraph between them (`spans`), kramdown's
//! `{::comment}`, and the Liquid blocks `raw`, `comment` and `highlight`
//! (found by the Liquid pass), merged into one sorted list ([`Skips`]).

use std::ops::Range;

use super::spans;
use crate::model::body::anchors::scan::{TagKind, tag_kind};

/// The skipped stretches of a body, sorted and disjoint.
pub(super) struct Skips {
    ranges: Vec<Range<usize>>,
}

impl Skips {
    /// Both lists merged: overlapping stretches become one.
    pub(super) fn new(mut a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Skips {
        a.extend(b);
        a.retain(|r| r.start < r.end);
        a.sort_by_key(|r| r.start);
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(a.len());
        for r in a {
            match ranges.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => ranges.push(r),
            }
        }
        Skips { ranges }
    }

    /// The end of the skipped stretch that holds `pos`, if one does.
    pub(super) fn end_of(&self, pos: usize) -> Option<usize> {
        let i = self.ranges.partition_point(|r| r.end <= pos);
        self.ranges.get(i).filter(|r| r.start <= pos).map(|r| r.end)
    }

    pub(super) fn contains(&self, pos: usize) -> bool {
        self.end_of(pos).is_some()
    }
}

/// kramdown's comments, `{::comment}` to `{:/comment}` or `{:/}` (or the
/// end of the body), and `{::comment /}`, which holds nothing.
pub(super) fn kramdown_comments(body: &str) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(n) = memchr::memmem::find(&bytes[pos..], b"{::comment}") {
        let at = pos + n;
        let from = at + b"{::comment}".len();
        // The first `{:/` that is `{:/}` or `{:/comment}`.
        let mut end = bytes.len();
        let mut at_close = from;
        while let Some(n) = memchr::memmem::find(&bytes[at_close..], b"{:/") {
            let close = at_close + n + 3;
            let rest = &bytes[close..];
            if rest.starts_with(b"}") || rest.starts_with(b"comment}") {
                end = close + if rest[0] == b'}' { 1 } else { 8 };
                break;
            }
            at_close = close;
        }
        out.push(at..end);
        pos = end;
    }
    out
}

/// One line of the body: where it starts and ends (before its `\n`), and
/// where the next starts.
fn line_at(bytes: &[u8], pos: usize) -> (usize, usize) {
    let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |n| pos + n);
    (end, (end + 1).min(bytes.len()))
}

/// The columns of a line's indentation (a tab to the next multiple of 4)
/// and where its first other byte is.
fn indent(line: &[u8]) -> (usize, usize) {
    let mut cols = 0;
    for (i, &b) in line.iter().enumerate() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => return (cols, i),
        }
    }
    (cols, line.len())
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// A fence opening a code block at the start of `rest` (after at most 3
/// columns of indentation): its byte and length. As in kramdown's GFM
/// parser, its info string is at most one word.
fn fence(rest: &[u8]) -> Option<(u8, usize)> {
    let c = *rest.first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = rest.iter().take_while(|&&b| b == c).count();
    let info = rest[n..].trim_ascii();
    if n < 3 || info.contains(&b'`') || info.iter().any(u8::is_ascii_whitespace) {
        return None;
    }
    Some((c, n))
}

/// Whether a line (after its indentation) starts a list item.
fn list_item(rest: &[u8]) -> bool {
    match rest {
        [b'-' | b'*' | b'+', b' ' | b'\t', ..] => true,
        _ => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=9).contains(&digits)
                && matches!(rest.get(digits), Some(b'.' | b')'))
                && matches!(rest.get(digits + 1), Some(b' ' | b'\t') | None)
        }
    }
}

/// Whether a line that starts with `<` opens an HTML element it does not
/// close (`<div>`, not `<p>text</p>`, `<img …>` or `</div>`): indented
/// lines after it are its content, not code.
fn opens_element(rest: &[u8]) -> bool {
    let name_len = rest[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return false;
    }
    let name = &rest[1..1 + name_len];
    if tag_kind(name) == TagKind::Void {
        return false;
    }
    let closed = rest
        .windows(name_len + 2)
        .any(|w| w[0] == b'<' && w[1] == b'/' && w[2..].eq_ignore_ascii_case(name));
    !closed && !rest.trim_ascii_end().ends_with(b"/>")
}

/// The code blocks, code spans and HTML comments of `body`, in one pass
/// over its lines.
pub(super) fn markdown_skips(body: &str) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let closers = Closers::new(bytes);
    let mut skips = Vec::new();
    let mut pos = 0;
    let mut prev_blank = true;
    // Indented lines after a list item or an HTML block belong to them.
    let mut in_list = false;
    let mut in_html = false;
    // Where the paragraph being read starts.
    let mut para: Option<usize> = None;
    while pos < bytes.len() {
        let (end, next) = line_at(bytes, pos);
        let line = &bytes[pos..end];
        let (cols, first) = indent(line);
        let rest = &line[first..];
        if is_blank(line) {
            if let Some(start) = para.take()
                && let Some(resume) = spans::inline(body, start..pos, &mut skips)
            {
                pos = resume;
                prev_blank = false;
                continue;
            }
            prev_blank = true;
            pos = next;
            continue;
        }
        let code = cols >= 4 && prev_blank && !in_list && !in_html;
        // A fence that nothing closes opens no code block (kramdown).
        let fenced = if cols < 4 { fence(rest) } else { None }
            .filter(|&(c, n)| closers.closed(next, c, n))
            .and_then(|(c, n)| fenced_end(bytes, next, c, n).map(|end| (c, n, end)));
        if code || fenced.is_some() {
            if let Some(start) = para.take()
                && let Some(resume) = spans::inline(body, start..pos, &mut skips)
            {
                pos = resume;
                prev_blank = false;
                continue;
            }
            let block_end = match fenced {
                Some((_, _, end)) => end,
                None => indented_end(bytes, pos),
            };
            skips.push(pos..block_end);
            pos = block_end;
            prev_blank = false;
            continue;
        }
        if cols < 4 {
            if list_item(rest) {
                in_list = true;
            } else if prev_blank {
                in_list = false;
            }
            if rest.first() == Some(&b'<') {
                in_html = opens_element(rest);
            } else if prev_blank {
                in_html = false;
            }
        }
        para.get_or_insert(pos);
        prev_blank = false;
        pos = next;
    }
    if let Some(start) = para {
        // A comment left open runs to the end: nothing is read after it.
        let _ = spans::inline(body, start..bytes.len(), &mut skips);
    }
    skips
}

/// The lines that could close a fenced code block, with the longest run of
/// each fence byte on them and after them: whether a fence is closed at all
/// is known without a scan to the end of the body for each fence that is
/// not (which would make a body of such fences quadratic).
struct Closers {
    /// Where each such line starts, and the longest runs of `` ` `` and
    /// `~` from it on.
    lines: Vec<(usize, usize, usize)>,
}

impl Closers {
    fn new(bytes: &[u8]) -> Closers {
        let mut lines = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let (end, next) = line_at(bytes, pos);
            let line = &bytes[pos..end];
            let (cols, first) = indent(line);
            let rest = &line[first..];
            if cols < 4
                && let Some(&c @ (b'`' | b'~')) = rest.first()
            {
                let run = rest.iter().take_while(|&&b| b == c).count();
                if run >= 3 && is_blank(&rest[run..]) {
                    let (b, t) = if c == b'`' { (run, 0) } else { (0, run) };
                    lines.push((pos, b, t));
                }
            }
            pos = next;
        }
        for i in (0..lines.len().saturating_sub(1)).rev() {
            lines[i].1 = lines[i].1.max(lines[i + 1].1);
            lines[i].2 = lines[i].2.max(lines[i + 1].2);
        }
        Closers { lines }
    }

    /// Whether a line at or after `from` closes a fence of `n` bytes `c`.
    fn closed(&self, from: usize, c: u8, n: usize) -> bool {
        let i = self.lines.partition_point(|l| l.0 < from);
        self.lines
            .get(i)
            .is_some_and(|l| if c == b'`' { l.1 >= n } else { l.2 >= n })
    }
}

/// The end of a fenced code block whose content starts at `from`: past
/// its closing fence's line; `None` when nothing closes it.
fn fenced_end(bytes: &[u8], from: usize, c: u8, n: usize) -> Option<usize> {
    let mut pos = from;
    while pos < bytes.len() {
        let (end, next) = line_at(bytes, pos);
        let line = &bytes[pos..end];
        let (cols, first) = indent(line);
        let rest = &line[first..];
        let run = rest.iter().take_while(|&&b| b == c).count();
        if cols < 4 && run >= n && is_blank(&rest[run..]) {
            return Some(end);
        }
        pos = next;
    }
    None
}

/// The end of an indented code block that starts at `from`, as kramdown
/// reads one: indented lines, each followed by any lines that are not
/// blank (lazily, whatever their indentation, unless they start HTML),
/// and blank lines between indented ones.
fn indented_end(bytes: &[u8], from: usize) -> usize {
    let mut pos = from;
    let mut last = from;
    let mut after_code = false;
    while pos < bytes.len() {
        let (end, next) = line_at(bytes, pos);
        let line = &bytes[pos..end];
        if is_blank(line) {
            after_code = false;
            pos = next;
            continue;
        }
        let (cols, first) = indent(line);
        let lazy = after_code && line[first] != b'<';
        if cols < 4 && !lazy {
            break;
        }
        after_code = true;
        last = end;
        pos = next;
    }
    last
}
