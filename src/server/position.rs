//! Byte offsets to LSP positions and back, in the negotiated encoding:
//! UTF-16 code units (the protocol's default) or UTF-8 bytes.

use lsp_types::{Position, Range};

use crate::line_index::{LineIndex, floor_char_boundary};

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

/// The byte offset of a position, as [`Lines::offset`] gives it, without
/// indexing the whole text: only the lines before it are scanned. For
/// applying an editor's changes, one after another, to a large document.
pub fn offset_of(text: &str, position: Position, encoding: Encoding) -> usize {
    let bytes = text.as_bytes();
    let line = position.line as usize;
    let start = if line == 0 {
        0
    } else {
        match memchr::memchr_iter(b'\n', bytes).nth(line - 1) {
            Some(i) => i + 1,
            None => return text.len(),
        }
    };
    let mut end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    within_line(text, start..end, position.character, encoding)
}

/// The byte range of an LSP range, in order, as [`offset_of`] finds it.
pub fn span_of(text: &str, range: Range, encoding: Encoding) -> std::ops::Range<usize> {
    let (a, b) = (
        offset_of(text, range.start, encoding),
        offset_of(text, range.end, encoding),
    );
    a.min(b)..a.max(b)
}

/// The offset of `character` in the line `line` of `text`.
fn within_line(
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
    fn offsets_without_an_index_agree_with_the_index() {
        let text = "a\n王😀x\r\nend\n\n\r\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let lines = Lines::new(text, encoding);
            for line in 0..7 {
                for character in 0..8 {
                    let p = Position::new(line, character);
                    assert_eq!(offset_of(text, p, encoding), lines.offset(p), "{p:?}");
                }
            }
        }
    }
}
