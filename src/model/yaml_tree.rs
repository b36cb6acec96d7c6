//! The YAML tree that both of the front matter's parsers build, the
//! general one ([`super::yaml`]) and the one for the simple front matter
//! most posts have ([`super::simple_yaml`]): nodes with the bytes they
//! cover.

use std::ops::Range;

use super::front_matter::scalar::Scalar;

/// One YAML node and the bytes it covers in the post.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Scalar {
        /// The scalar's text after YAML escape processing.
        text: String,
        /// What the text resolves to under YAML 1.1, as Jekyll's Psych reads it.
        value: Scalar,
        /// Written without quotes and without a tag (a plain scalar, whose
        /// type YAML resolves from its text).
        plain: bool,
    },
    Sequence(Vec<Node>),
    Mapping(Vec<(Node, Node)>),
    /// `*name`: a reference to an anchored node, not expanded.
    Alias,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.scalar(), Some(Scalar::Null))
    }

    /// A short name of the node's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Scalar { value, .. } => value.type_name(),
            NodeKind::Sequence(_) => "a list",
            NodeKind::Mapping(_) => "a mapping",
            NodeKind::Alias => "an alias",
        }
    }
}
