//! Byte offsets to 1-based lines and columns (in Unicode scalar values, and in
//! UTF-16 code units for SARIF and LSP).

/// Line starts of one text, built once per file that has findings.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

/// A 1-based position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    /// Column counted in Unicode scalar values.
    pub column: usize,
    /// Column counted in UTF-16 code units.
    pub column_utf16: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Byte offset of the end of `line` (0-based), before its line break.
    pub fn line_end(&self, line: usize) -> usize {
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let start = self.starts[line];
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let prefix = &self.text[self.starts[line]..offset];
        Position {
            line: line + 1,
            column: prefix.chars().count() + 1,
            column_utf16: prefix.encode_utf16().count() + 1,
        }
    }
}

fn memchr_iter(needle: u8, haystack: &[u8]) -> impl Iterator<Item = usize> + '_ {
    haystack
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| b == needle)
        .map(|(i, _)| i)
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The smallest char boundary at or above `offset`.
pub fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_and_utf16_units() {
        let text = "a\n王毅😀x\r\nend";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let p = index.position(x);
        assert_eq!((p.line, p.column, p.column_utf16), (2, 4, 5));
        assert_eq!(index.position(0).column, 1);
        let end = text.find("end").unwrap();
        assert_eq!(index.position(end).line, 3);
        assert_eq!(&text[index.line_start(1)..index.line_end(1)], "王毅😀x");
    }

    #[test]
    fn offsets_inside_a_char_snap_back() {
        let text = "王";
        assert_eq!(LineIndex::new(text).position(1).column, 1);
    }
}
