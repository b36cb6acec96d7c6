//! Byte offsets to LSP positions and back, in the negotiated encoding:
//! UTF-16 code units (the protocol's default) or UTF-8 bytes.

use lsp_types::{Position, Range};

use crate::model::text::boundary::floor_char_boundary;
use crate::report::line_index::LineIndex;

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// One text's lines, for converting positions in one encoding.
pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex<'a>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
            encoding,
        }
    }

    /// The 0-based position of a byte offset (snapped back to a character
    /// boundary, and to the end of the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.index.line_of(offset);
        let character = match self.encoding {
            Encoding::Utf8 => offset - self.index.line_start(line),
            Encoding::Utf16 => self.index.position(offset).column_utf16 - 1,
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position. As the protocol says, a character past
    /// the end of its line means the end of the line, and a line past the
    /// end of the text means the end of the text. A position inside a
    /// character (half of a surrogate pair, or inside a UTF-8 sequence) is
    /// snapped back to the start of that character.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let start = self.index.line_start(line);
        let end = self.index.line_end(line);
        within_line(self.text, start..end, position.character, self.encoding)
    }

    /// The byte range of an LSP range, in order.
    pub fn span(&self, range: Range) -> std::ops::Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

/// The line starts of an open document, kept up to date through its edits,
/// so that an editor's change costs a binary search and a shift of the
/// starts after it, not a scan of the whole text: 200 edits to a 50 MB
/// document took 17 s when each one indexed the text again.
#[derive(Clone, Debug)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineStarts(starts)
    }

    /// The byte offset of a position, as [`Lines::offset`] gives it.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.0.get(line) else {
            return text.len();
        };
        let mut end = self.0.get(line + 1).map_or(text.len(), |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        within_line(text, start..end, position.character, encoding)
    }

    /// The byte range of an LSP range, in order.
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
        let (a, b) = (
            self.offset(text, range.start, encoding),
            self.offset(text, range.end, encoding),
        );
        a.min(b)..a.max(b)
    }

    /// The text's bytes `span` were replaced with `inserted`.
    pub fn edit(&mut self, span: std::ops::Range<usize>, inserted: &str) {
        let starts = &mut self.0;
        let lo = starts.partition_point(|&s| s <= span.start);
        let hi = starts.partition_point(|&s| s <= span.end);
        let added: Vec<usize> = memchr::memchr_iter(b'\n', inserted.as_bytes())
            .map(|i| span.start + i + 1)
            .collect();
        let after = lo + added.len();
        starts.splice(lo..hi, added);
        let grow = inserted.len();
        let shrink = span.len();
        for s in &mut starts[after..] {
            *s = *s + grow - shrink;
        }
    }
}

/// The offset of `character` in the line `line` of `text`.
pub fn within_line(
    text: &str,
    line: std::ops::Range<usize>,
    character: u32,
    encoding: Encoding,
) -> usize {
    let (start, end) = (line.start, line.end);
    let wanted = character as usize;
    match encoding {
        Encoding::Utf8 => floor_char_boundary(text, start + wanted.min(end - start)),
        Encoding::Utf16 => {
            let mut units = 0;
            for (i, c) in text[start..end].char_indices() {
                units += c.len_utf16();
                if units > wanted {
                    return start + i;
                }
            }
            end
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astral_characters_are_two_utf16_units_and_four_bytes() {
        let text = "a\n王😀x\r\nend";
        let x = text.find('x').unwrap();
        let utf16 = Lines::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(x), Position::new(1, 3));
        assert_eq!(utf16.offset(Position::new(1, 3)), x);
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(utf16.offset(Position::new(1, 2)), text.find('😀').unwrap());
        // Past the end of the line: the end of the line, before CRLF.
        assert_eq!(utf16.offset(Position::new(1, 99)), x + 1);
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(1, 7));
        assert_eq!(utf8.offset(Position::new(1, 7)), x);
        assert_eq!(utf8.offset(Position::new(1, 5)), text.find('😀').unwrap());
        assert_eq!(utf8.offset(Position::new(2, 3)), text.len());
    }

    #[test]
    fn line_starts_kept_through_edits_agree_with_a_fresh_index() {
        let mut text = String::from("a\n王😀x\r\nend\n\n\r\n");
        let mut starts = LineStarts::new(&text);
        let edits = [
            (1, 0, 2, 1, "new\nlines\n"),
            (0, 0, 0, 0, "\r\n"),
            (3, 1, 5, 0, ""),
            (9, 0, 9, 0, "tail"),
        ];
        for (l1, c1, l2, c2, inserted) in edits {
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let lines = Lines::new(&text, encoding);
                for line in 0..8 {
                    for character in 0..8 {
                        let p = Position::new(line, character);
                        assert_eq!(starts.offset(&text, p, encoding), lines.offset(p), "{p:?}");
                    }
                }
            }
            let range = Range::new(Position::new(l1, c1), Position::new(l2, c2));
            let span = starts.span(&text, range, Encoding::Utf16);
            text.replace_range(span.clone(), inserted);
            starts.edit(span, inserted);
            assert_eq!(starts.0, LineStarts::new(&text).0, "{text:?}");
        }
    }
}
