//! The few lines of a post that a diagnostic shows, kept instead of the
//! whole text so that memory stays flat however many files have findings.
//! Very long lines (mirrored HTML is often one line) are cut to a window
//! around the labels; line and column numbers stay those of the file.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::model::text::boundary::{ceil_char_boundary, floor_char_boundary};
use crate::report::line_index::LineIndex;

/// Lines longer than this many bytes are cut around their labels.
const LONG_LINE: usize = 240;
/// How much of a cut line is kept on each side of the labels, in bytes.
const MARGIN: usize = 80;
/// A span over at least this many lines shows only its first ones.
const LONG_SPAN: usize = 8;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Segment {
    /// Where this piece starts in the excerpt.
    excerpt_start: usize,
    /// Its length in the excerpt.
    len: usize,
    /// Where it comes from in the file, and its length there.
    file_start: usize,
    file_len: usize,
    /// A control character shown escaped (`\u{1b}`): one character of the
    /// file, several of the excerpt.
    escaped: bool,
    /// 0-based line and character column of `file_start` in the file.
    line: usize,
    column: usize,
}

/// A window of a file's text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Excerpt {
    name: String,
    text: String,
    first_line: usize,
    segments: Vec<Segment>,
    /// The file's 0-based line of each line of the excerpt.
    lines: Vec<usize>,
}

impl Excerpt {
    /// Cut the lines covering `spans` (plus one line of context each side)
    /// out of `text`. Lines between spans that no label shows are left out
    /// (never copied), and a span over more than `LONG_SPAN` lines keeps
    /// only its first ones, followed by a `...` line, as rustc shows it: an
    /// excerpt costs the same however far apart its labels are.
    pub fn new(name: &str, text: &str, index: &LineIndex, spans: &[Range<usize>]) -> Excerpt {
        let last_line = index.line_count() - 1;
        let mut blocks: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let first = index.line_of(s.start.min(text.len()));
                let last = index.line_of(s.end.max(s.start).min(text.len()));
                let end = if last - first >= LONG_SPAN {
                    first + LONG_SPAN - 1
                } else {
                    last + 1
                };
                (first.saturating_sub(1), end.min(last_line))
            })
            .collect();
        if blocks.is_empty() {
            blocks.push((0, 0));
        }
        blocks.sort_unstable();
        // Merge blocks that overlap or touch: those are shown together.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(blocks.len());
        for (lo, hi) in blocks {
            match merged.last_mut() {
                Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        let mut out = Excerpt {
            name: super::escape_controls_all(name).into_owned(),
            text: String::new(),
            first_line: merged[0].0,
            segments: Vec::new(),
            lines: Vec::new(),
        };
        for (n, &(lo, hi)) in merged.iter().enumerate() {
            if n > 0 {
                // What lies between is never shown: a gap line keeps the
                // context of one block from reaching into the next.
                out.lines.push(out.lines.last().map_or(0, |l| l + 1));
                out.text.push_str("\n...\n");
            }
            for line in lo..=hi {
                out.line(text, index, spans, line);
                if line < hi {
                    out.text.push('\n');
                }
            }
        }
        // A span cut short ends at a gap line of its own.
        if merged.last().is_some_and(|&(_, hi)| {
            spans
                .iter()
                .any(|s| index.line_of(s.end.max(s.start).min(text.len())) > hi)
        }) {
            out.lines.push(out.lines.last().map_or(0, |l| l + 1));
            out.text.push_str("\n...");
        }
        out
    }

    /// Copy one line of the file, cut around its labels when it is long.
    fn line(&mut self, text: &str, index: &LineIndex, spans: &[Range<usize>], line: usize) {
        self.lines.push(line);
        let start = index.line_start(line);
        let end = index.line_end(line).max(start);
        if end - start <= LONG_LINE {
            self.push(text, start..end, line, 0);
            return;
        }
        let points = spans
            .iter()
            .flat_map(|s| [s.start, s.end])
            .filter(|&p| p >= start && p <= end);
        let (lo, hi) = match (points.clone().min(), points.max()) {
            (Some(lo), Some(hi)) => (lo.saturating_sub(MARGIN).max(start), (hi + MARGIN).min(end)),
            _ => (start, start + MARGIN),
        };
        let lo = floor_char_boundary(text, lo);
        let hi = ceil_char_boundary(text, hi);
        if lo > start {
            self.text.push('…');
        }
        let column = index.position(lo).column - 1;
        self.push(text, lo..hi, line, column);
        if hi < end {
            self.text.push('…');
        }
    }

    /// Copy a piece of one line, showing its control characters escaped
    /// (`\u{1b}`) so that a post cannot send escape sequences to a terminal.
    fn push(&mut self, text: &str, range: Range<usize>, line: usize, column: usize) {
        let (mut run, mut run_col) = (range.start, column);
        for (col, (i, c)) in (column..).zip(text[range.clone()].char_indices()) {
            if super::shown_escaped(c) {
                let at = range.start + i;
                if at > run {
                    self.plain(text, run..at, line, run_col);
                }
                let escaped = format!("\\u{{{:x}}}", u32::from(c));
                self.segments.push(Segment {
                    excerpt_start: self.text.len(),
                    len: escaped.len(),
                    file_start: at,
                    file_len: c.len_utf8(),
                    escaped: true,
                    line,
                    column: col,
                });
                self.text.push_str(&escaped);
                run = at + c.len_utf8();
                run_col = col + 1;
            }
        }
        self.plain(text, run..range.end, line, run_col);
    }

    fn plain(&mut self, text: &str, range: Range<usize>, line: usize, column: usize) {
        self.segments.push(Segment {
            excerpt_start: self.text.len(),
            len: range.len(),
            file_start: range.start,
            file_len: range.len(),
            escaped: false,
            line,
            column,
        });
        self.text.push_str(&text[range]);
    }

    /// Map a byte range of the file into the excerpt.
    pub fn map(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.map_offset(span.start);
        let end = self.map_offset(span.end.max(span.start)).max(start);
        start..end
    }

    fn map_offset(&self, offset: usize) -> usize {
        let mut best = 0;
        for seg in &self.segments {
            if offset < seg.file_start {
                return if best == 0 { seg.excerpt_start } else { best };
            }
            if offset <= seg.file_start + seg.file_len {
                return if !seg.escaped {
                    seg.excerpt_start + (offset - seg.file_start)
                } else if offset == seg.file_start {
                    seg.excerpt_start
                } else {
                    seg.excerpt_start + seg.len
                };
            }
            best = seg.excerpt_start + seg.len;
        }
        best.min(self.text.len())
    }

    /// The file's 0-based line and character column of an excerpt offset.
    fn file_position(&self, offset: usize) -> (usize, usize) {
        let seg = self
            .segments
            .iter()
            .rev()
            .find(|s| s.excerpt_start <= offset)
            .or(self.segments.first());
        match seg {
            Some(seg) => {
                let within = offset.saturating_sub(seg.excerpt_start).min(seg.len);
                if seg.escaped {
                    return (seg.line, seg.column + usize::from(within > 0));
                }
                let piece = &self.text[seg.excerpt_start..seg.excerpt_start + within];
                (seg.line, seg.column + piece.chars().count())
            }
            None => (self.first_line, 0),
        }
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let (line, column) = self.file_position(inner.span().offset());
        let line = if context_lines_before == 0 && context_lines_after == 0 {
            line
        } else {
            self.lines
                .get(inner.line())
                .copied()
                .unwrap_or(self.first_line + inner.line())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_label() {
        let mut text = String::from("a\n");
        text.push_str(&"x".repeat(1000));
        text.push_str("TARGET");
        text.push_str(&"y".repeat(1000));
        text.push_str("\nb\n");
        let index = LineIndex::new(&text);
        let at = text.find("TARGET").unwrap();
        let spans = [std::ops::Range {
            start: at,
            end: at + 6,
        }];
        let excerpt = Excerpt::new("f", &text, &index, &spans);
        let mapped = excerpt.map(&(at..at + 6));
        assert_eq!(&excerpt.text[mapped.clone()], "TARGET");
        assert!(excerpt.text.len() < 400);
        assert_eq!(excerpt.file_position(mapped.start), (1, 1000));
    }

    #[test]
    fn far_apart_labels_do_not_copy_what_lies_between() {
        let mut text = String::from("---\nk: v\n");
        text.push_str(&"x: y\n".repeat(100_000));
        text.push_str("k: w\n---\n");
        let index = LineIndex::new(&text);
        let first = 4..5;
        let last = text.rfind("k: w").unwrap();
        let excerpt = Excerpt::new("f", &text, &index, &[last..last + 1, first.clone()]);
        assert!(excerpt.text.len() < 100, "{}", excerpt.text.len());
        assert_eq!(&excerpt.text[excerpt.map(&first)], "k");
        assert_eq!(&excerpt.text[excerpt.map(&(last..last + 4))], "k: w");
        assert_eq!(
            excerpt.file_position(excerpt.map(&(last..last)).start),
            (100_002, 0)
        );
    }

    #[test]
    fn a_span_over_many_lines_keeps_its_first_lines() {
        let text = "a\n".repeat(10_000);
        let index = LineIndex::new(&text);
        let span = std::ops::Range {
            start: 2,
            end: text.len() - 2,
        };
        let excerpt = Excerpt::new("f", &text, &index, &[span]);
        assert_eq!(excerpt.text.lines().count(), LONG_SPAN + 2);
        assert!(excerpt.text.ends_with("\n..."), "{}", excerpt.text);
    }
}
