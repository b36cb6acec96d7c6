//! The post's front matter as the schema sees it: its top-level pairs
//! with their keys as Psych reads them, and its JSON view.

use std::ops::Range;

use serde_json::Value;

use crate::model::front_matter::scalar::{Scalar, resolve_plain};
use crate::model::schema::json_view::{self, JsonView};
use crate::model::yaml::{Node, NodeKind};
use crate::rules::Context;

/// The top-level pairs of the front matter, with their keys as Psych reads
/// them.
pub(super) fn top_level<'p>(ctx: &'p Context) -> Vec<(String, Option<&'p Node>, Range<usize>)> {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| {
            let written = &ctx.post.text[e.key_span.clone()];
            let key = if written.starts_with(['"', '\'']) {
                e.key.clone()
            } else {
                let node = Node {
                    span: e.key_span.clone(),
                    kind: NodeKind::Scalar {
                        text: e.key.clone(),
                        value: resolve_plain(&e.key),
                        plain: true,
                    },
                };
                json_view::key_text(&node)
            };
            (key, Some(&e.value), e.key_span.clone())
        })
        .collect()
}

/// The JSON view of the post's front matter; an empty mapping when there
/// is none or it is not a mapping.
pub(super) fn view(ctx: &Context, pairs: &[(String, Option<&Node>, Range<usize>)]) -> JsonView {
    let anchors = ctx.post.front_matter.block().and_then(|b| {
        let yaml = &ctx.post.text[b.yaml.clone()];
        memchr::memchr(b'*', yaml.as_bytes())?;
        crate::model::yaml::parse_anchored(yaml, b.yaml.start)
            .ok()
            .map(|(_, a)| a)
    });
    let mut object = serde_json::Map::new();
    let mut special = Vec::new();
    let mut unexpanded = Vec::new();
    // One view for all the values: an alias names an anchor of an earlier key.
    let nodes: Vec<&Node> = pairs.iter().filter_map(|(_, node, _)| *node).collect();
    let views = json_view::view_each(&nodes, anchors.as_ref());
    let keys = pairs.iter().filter(|(_, node, _)| node.is_some());
    for ((key, ..), v) in keys.zip(views) {
        // Most values are plain text, with nothing to record.
        if !(special.is_empty() && v.special.is_empty() && v.unexpanded.is_empty()) {
            let prefix = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
            // A repeated key's earlier value goes; `/sub` keeps `/subtitle`.
            special.retain(|(p, _): &(String, Scalar)| {
                p.strip_prefix(&prefix)
                    .is_none_or(|rest| !rest.is_empty() && !rest.starts_with('/'))
            });
            special.extend(
                v.special
                    .into_iter()
                    .map(|(p, k)| (format!("{prefix}{p}"), k)),
            );
            unexpanded.extend(v.unexpanded.into_iter().map(|p| format!("{prefix}{p}")));
        }
        object.insert(key.clone(), v.value);
    }
    JsonView {
        value: Value::Object(object),
        special,
        unexpanded,
    }
}
