//! From a JSON pointer to the YAML node it names: `~1` is `/`, `~0` is
//! `~`; in a mapping the last pair with the key (as Psych keeps it), in a
//! sequence the item at the index.

use super::json_view::key_text;
use crate::model::yaml::{Node, NodeKind};

/// One step of a walk: the key that led to the node (none for an item or
/// the root), and the node.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    pub key: Option<&'a Node>,
    pub node: &'a Node,
}

/// The pointer's tokens, unescaped.
pub fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
}

/// The steps from `root` down `pointer`, as far as the tree goes: the last
/// step is the node named, or the deepest one found on the way.
pub fn walk<'a>(root: &'a Node, pointer: &str) -> Vec<Step<'a>> {
    let mut steps = vec![Step {
        key: None,
        node: root,
    }];
    for token in tokens(pointer) {
        let here = steps[steps.len() - 1].node;
        match child(here, &token) {
            Some(step) => steps.push(step),
            None => break,
        }
    }
    steps
}

/// The child of `node` named by one unescaped token.
pub fn child<'a>(node: &'a Node, token: &str) -> Option<Step<'a>> {
    match &node.kind {
        NodeKind::Mapping(pairs) => {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| key_text(k) == token)
                .map(|(k, v)| Step {
                    key: Some(k),
                    node: v,
                })
        }
        NodeKind::Sequence(items) => token
            .parse::<usize>()
            .ok()
            .and_then(|i| items.get(i))
            .map(|node| Step { key: None, node }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::yaml::parse_general;

    #[test]
    fn walks_keys_indices_and_escapes() {
        let src = "a:\n  b/c: [x, {d~e: 1}]\na: {b/c: [y, {d~e: 2}]}\n";
        let root = parse_general(src, 0).unwrap().unwrap();
        let steps = walk(&root, "/a/b~1c/1/d~0e");
        assert_eq!(steps.len(), 5);
        assert_eq!(&src[steps[4].node.span.clone()], "2");
        assert_eq!(&src[steps[4].key.unwrap().span.clone()], "d~e");
        // As far as it goes.
        let steps = walk(&root, "/a/nope/x");
        assert_eq!(
            &src[steps.last().unwrap().node.span.clone()],
            "{b/c: [y, {d~e: 2}]}"
        );
    }
}
