//! Byte offsets to 1-based lines and columns (in Unicode scalar values, and in
//! UTF-16 code units for SARIF and LSP).

use crate::model::text::boundary::{ceil_char_boundary, floor_char_boundary};

/// Line starts of one text, built once per file that has findings.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Every `CHECKPOINT` bytes: (byte offset, chars before it, UTF-16 units
    /// before it), so that a column on a very long line costs O(CHECKPOINT).
    checkpoints: Vec<(usize, usize, usize)>,
}

const CHECKPOINT: usize = 4096;

/// A 1-based position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut chars, mut units, mut at) = (0, 0, 0);
        while at + CHECKPOINT < text.len() {
            let next =
                floor_char_boundary(text, at + CHECKPOINT).max(ceil_char_boundary(text, at + 1));
            // Counted by bytes: every byte but a continuation byte starts a
            // char, and a char of four bytes (lead byte 0xF0 and above) is
            // two UTF-16 units. Summed in bytes over short runs, which the
            // compiler turns into vector code.
            for run in text.as_bytes()[at..next].chunks(255) {
                let n = run
                    .iter()
                    .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40));
                let wide = run.iter().fold(0u8, |w, &b| w + u8::from(b >= 0xF0));
                chars += usize::from(n);
                units += usize::from(n) + usize::from(wide);
            }
            at = next;
            checkpoints.push((at, chars, units));
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
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
        let start = self.starts[line];
        if offset - start < CHECKPOINT {
            // A short way into its line: count from the line's start, not
            // from a checkpoint up to two lines' worth away, twice.
            let (mut column, mut column_utf16) = (1, 1);
            for c in self.text[start..offset].chars() {
                column += 1;
                column_utf16 += c.len_utf16();
            }
            return Position {
                line: line + 1,
                column,
                column_utf16,
            };
        }
        let (start_chars, start_units) = self.counts(start);
        let (chars, units) = self.counts(offset);
        Position {
            line: line + 1,
            column: chars - start_chars + 1,
            column_utf16: units - start_units + 1,
        }
    }

    /// Characters and UTF-16 units before `offset` (a char boundary).
    fn counts(&self, offset: usize) -> (usize, usize) {
        let i = match self.checkpoints.binary_search_by_key(&offset, |c| c.0) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (at, mut chars, mut units) = self.checkpoints[i];
        for c in self.text[at..offset].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        (chars, units)
    }
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
    fn long_lines_use_checkpoints() {
        let text = format!("x\n{}😀{}", "王".repeat(5000), "a".repeat(9000));
        let index = LineIndex::new(&text);
        let at = text.len() - 1;
        let p = index.position(at);
        assert_eq!(
            (p.line, p.column, p.column_utf16),
            (2, 5000 + 1 + 8999 + 1, 5000 + 2 + 8999 + 1)
        );
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.position(emoji + 4).column, 5002);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Columns on long lines, through the checkpoints, are what counting
        /// the chars of the line gives.
        #[test]
        fn checkpoints_count_as_chars_do(
            pieces in proptest::collection::vec(
                // Lines of thousands of bytes, across checkpoints.
                proptest::prop_oneof![
                    3000 => proptest::sample::select(vec!["a", "王", "😀", "é", "ab", "\u{10FFFF}"]),
                    1 => proptest::strategy::Just("\n"),
                ],
                0..6000,
            ),
            at in 0usize..20000,
        ) {
            let text: String = pieces.concat();
            let index = LineIndex::new(&text);
            let at = floor_char_boundary(&text, at);
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..at];
            let p = index.position(at);
            proptest::prop_assert_eq!(p.column, before.chars().count() + 1);
            proptest::prop_assert_eq!(p.column_utf16, before.encode_utf16().count() + 1);
        }
    }

    #[test]
    fn offsets_inside_a_char_snap_back() {
        let text = "王";
        assert_eq!(LineIndex::new(text).position(1).column, 1);
    }
}
