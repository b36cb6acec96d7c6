//! Finding the `---` block at the top of a post and reading it into spanned
//! top-level entries.

use std::ops::Range;

use crate::model::text::lines::{lines_from, next_line_start};
use crate::model::yaml::{self, Node, NodeKind, YamlError};

/// The front matter of a post, or why there is none.
#[derive(Debug)]
pub enum FrontMatter {
    /// The file does not start with `---` (after an optional BOM).
    Missing,
    /// `---` opens a block that never closes. The span is the opening line.
    Unterminated { open: Range<usize> },
    /// The block is delimited, but its YAML does not parse.
    Invalid { block: Block, error: YamlError },
    /// The block parses, but is not a mapping.
    NotMapping { block: Block, root: Node },
    /// The block parses to a mapping (an empty block counts as one).
    Parsed { block: Block, entries: Vec<Entry> },
}

/// Where the block is.
#[derive(Clone, Debug)]
pub struct Block {
    /// The opening `---` line, without its line break.
    pub open: Range<usize>,
    /// The YAML between the delimiters.
    pub yaml: Range<usize>,
    /// The closing `---` (or `...`) line, without its line break.
    pub close: Range<usize>,
    /// Where the body starts: after the closing line's line break.
    pub body_start: usize,
}

/// One top-level `key: value` of the front matter.
#[derive(Debug)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl FrontMatter {
    pub fn entries(&self) -> Option<&[Entry]> {
        match self {
            FrontMatter::Parsed { entries, .. } => Some(entries),
            _ => None,
        }
    }

    pub fn block(&self) -> Option<&Block> {
        match self {
            FrontMatter::Invalid { block, .. }
            | FrontMatter::NotMapping { block, .. }
            | FrontMatter::Parsed { block, .. } => Some(block),
            _ => None,
        }
    }

    /// The entry named `key`. Psych keeps the last value of a duplicated
    /// key, so this returns the last one, as Jekyll would see it.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries()?.iter().rev().find(|e| e.key == key)
    }
}

fn is_delimiter(line: &str, closing: bool) -> bool {
    let trimmed = line.trim_end_matches([' ', '\t']);
    trimmed == "---" || (closing && trimmed == "...")
}

/// Locate and parse the front matter. `start` is 3 when the text opens with
/// a BOM, else 0.
pub fn parse(text: &str, start: usize) -> FrontMatter {
    let mut lines = lines_from(text, start);
    let Some(open) = lines.next() else {
        return FrontMatter::Missing;
    };
    if !is_delimiter(&text[open.clone()], false) {
        return FrontMatter::Missing;
    }
    let Some(close) = lines.find(|line| is_delimiter(&text[line.clone()], true)) else {
        return FrontMatter::Unterminated { open };
    };
    let yaml_start = next_line_start(text, &open);
    let body_start = next_line_start(text, &close);
    let block = Block {
        open,
        yaml: yaml_start..close.start,
        close,
        body_start,
    };
    let root = match yaml::parse(&text[block.yaml.clone()], block.yaml.start) {
        Ok(root) => root,
        Err(error) => return FrontMatter::Invalid { block, error },
    };
    match root {
        None => FrontMatter::Parsed {
            block,
            entries: Vec::new(),
        },
        Some(Node {
            kind: NodeKind::Mapping(pairs),
            ..
        }) => {
            let entries = pairs
                .into_iter()
                .map(|(k, value)| Entry {
                    // The key's own text moves into the entry.
                    key: match k.kind {
                        NodeKind::Scalar { text, .. } => text,
                        _ => text[k.span.clone()].to_string(),
                    },
                    key_span: k.span,
                    value,
                })
                .collect();
            FrontMatter::Parsed { block, entries }
        }
        Some(root) if root.is_null() => FrontMatter::Parsed {
            block,
            entries: Vec::new(),
        },
        Some(root) => FrontMatter::NotMapping { block, root },
    }
}

/// The front matter of a post's text and where its body starts: after the
/// block, at the start (after a BOM) when there is none, at the end when
/// the block is unterminated.
pub fn split(text: &str) -> (FrontMatter, usize) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let front_matter = parse(text, start);
    let body_start = match &front_matter {
        FrontMatter::Missing => start,
        FrontMatter::Unterminated { .. } => text.len(),
        other => other.block().map_or(start, |b| b.body_start),
    };
    (front_matter, body_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_block_with_crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: a\r\n---\r\nbody";
        let fm = parse(text, 3);
        let block = fm.block().unwrap();
        assert_eq!(&text[block.open.clone()], "---");
        assert_eq!(&text[block.body_start..], "body");
        assert_eq!(fm.get("title").unwrap().value.as_str(), Some("a"));
    }

    #[test]
    fn missing_and_unterminated() {
        assert!(matches!(parse("", 0), FrontMatter::Missing));
        assert!(matches!(parse("title: a\n", 0), FrontMatter::Missing));
        assert!(matches!(
            parse("---\ntitle: a\n", 0),
            FrontMatter::Unterminated { open } if open == (0..3)
        ));
    }

    #[test]
    fn empty_block_is_an_empty_mapping() {
        let fm = parse("---\n---\n", 0);
        assert_eq!(fm.entries().unwrap().len(), 0);
    }

    #[test]
    fn scalar_block_is_not_a_mapping() {
        assert!(matches!(
            parse("---\njust text\n---\n", 0),
            FrontMatter::NotMapping { .. }
        ));
    }
}
