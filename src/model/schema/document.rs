//! A schema file read with spans: its JSON, and its YAML tree (JSON is
//! read by the same parser) so that a JSON pointer into it has a place.

use serde_json::Value;

use super::json_view;
use crate::model::yaml::{self, Node};

/// A schema file's text read.
#[derive(Clone, Debug)]
pub struct Document {
    pub value: Value,
    pub root: Option<Node>,
}

/// What is wrong with a schema (or `_data`) file, at a byte offset of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub message: String,
}

/// Read `text`; `json` when the file is JSON (`.json`), whose numbers and
/// strings are then JSON's, else YAML 1.1 as Psych reads it.
pub fn parse(text: &str, json: bool) -> Result<Document, Problem> {
    if json {
        let value: Value = serde_json::from_str(text).map_err(|e| Problem {
            offset: offset_of(text, e.line(), e.column()),
            message: json_message(&e),
        })?;
        let root = yaml::parse_general(text, 0).ok().flatten();
        return Ok(Document { value, root });
    }
    let (root, anchors) = yaml::parse_anchored(text, 0).map_err(|e| Problem {
        offset: e.offset,
        message: format!("not YAML: {}", e.message),
    })?;
    let value = root
        .as_ref()
        .map_or(Value::Null, |r| json_view::view(r, Some(&anchors)).value);
    Ok(Document { value, root })
}

/// What is wrong with JSON text, without the line and column the caller
/// places it at.
fn json_message(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "not JSON: the text ends inside a value".to_string();
    }
    let text = e.to_string();
    let text = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    format!("not JSON: {text}")
}

/// The byte offset of 1-based `line` and `column`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
