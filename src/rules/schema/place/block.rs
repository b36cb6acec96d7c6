//! A block scalar (`|`, `>-`, `|2+`) is reported at its indicator, the one
//! place on the key's line: its content may run for many lines. An empty
//! item of a block list, which has no key, at its `-`.

use std::ops::Range;

use serde_json::Value;

use crate::model::yaml::{Node, NodeKind};

/// The indicator of the block scalar `node`, whose span is its content.
pub(super) fn indicator(text: &str, node: &Node) -> Option<Range<usize>> {
    let NodeKind::Scalar { plain: false, .. } = &node.kind else {
        return None;
    };
    if node.span.is_empty() || text[node.span.start..].starts_with(['"', '\'']) {
        return None;
    }
    // The header is the last line with something on it before the content.
    let before = text[..node.span.start].trim_end();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    let code = line.find(" #").map_or(line, |i| &line[..i]).trim_end();
    let start = code.rfind([' ', '\t']).map_or(0, |i| i + 1);
    let token = &code[start..];
    let mut chars = token.chars();
    let is_header = matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| matches!(c, '-' | '+' | '1'..='9'));
    is_header.then(|| line_start + start..line_start + code.len())
}

/// The `-` of an empty item of a block list, which ends at `at`.
pub(super) fn dash(text: &str, at: usize) -> Option<Range<usize>> {
    let before = text[..at].trim_end_matches([' ', '\t']);
    before
        .ends_with('-')
        .then(|| before.len() - 1..before.len())
}

/// Whether `written` (a value's place) is a block scalar's indicator.
pub(super) fn is_indicator(written: &str) -> bool {
    written.starts_with(['|', '>'])
}

/// A block scalar's value as a message shows it: its first line, and `…`
/// when there is more.
pub(super) fn shown(value: Option<&Value>) -> String {
    let text = value.and_then(Value::as_str).unwrap_or_default().trim_end();
    match text.split_once('\n') {
        Some((first, _)) => format!("{first}…"),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::yaml::parse_general;

    fn at(src: &str, key: &str) -> Option<String> {
        let root = parse_general(src, 0).unwrap().unwrap();
        let NodeKind::Mapping(pairs) = &root.kind else {
            panic!("a mapping")
        };
        let (_, node) = pairs
            .iter()
            .find(|(k, _)| &src[k.span.clone()] == key)
            .unwrap();
        indicator(src, node).map(|r| src[r].to_string())
    }

    #[test]
    fn the_header_of_a_block_scalar_and_nothing_else() {
        assert_eq!(at("a: |\n  x\n", "a").as_deref(), Some("|"));
        assert_eq!(at("a: >-\n  x\n", "a").as_deref(), Some(">-"));
        assert_eq!(
            at("a: |2+ # note | x\n\n   x\n", "a").as_deref(),
            Some("|2+")
        );
        assert_eq!(at("a: !!str >\n  x\n", "a").as_deref(), Some(">"));
        assert_eq!(at("a: \"x\"\n", "a"), None);
        assert_eq!(at("a: x >\nb: y\n", "b"), None);
        assert_eq!(at("a: !!str y\n", "a"), None);
    }

    #[test]
    fn an_empty_item_at_its_dash() {
        assert_eq!(dash("a:\n  - x\n  -\n", 12), Some(11..12));
        assert_eq!(dash("a:\n  - x\n  - \n", 13), Some(11..12));
        assert_eq!(dash("a: \n", 3), None);
    }

    #[test]
    fn a_block_is_shown_by_its_first_line() {
        assert_eq!(shown(Some(&Value::from("one\ntwo\n"))), "one…");
        assert_eq!(shown(Some(&Value::from("one\n"))), "one");
    }
}
