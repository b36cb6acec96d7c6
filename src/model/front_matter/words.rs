//! A front matter value read as words: a list's items, or a string's
//! (split on whitespace when asked), as Jekyll reads `tags` and
//! `categories`.

use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};

/// A list's items, or a string (split on whitespace when `split`).
pub fn words(node: &Node, split: bool) -> Vec<String> {
    let scalar = |n: &Node| match &n.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => None,
        NodeKind::Scalar { text, .. } => Some(text.clone()),
        _ => None,
    };
    match &node.kind {
        NodeKind::Sequence(items) => items.iter().filter_map(scalar).collect(),
        NodeKind::Scalar { .. } if split => scalar(node)
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        NodeKind::Scalar { .. } => scalar(node).into_iter().collect(),
        _ => Vec::new(),
    }
}
