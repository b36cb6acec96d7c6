//! The post as its schema sees it: which schema, its front matter's
//! top-level pairs with their keys as Psych reads them, and its JSON view.

use std::ops::Range;

use crate::model::front_matter::block::Entry;
use crate::model::front_matter::scalar::resolve_plain;
use crate::model::schema::json_view::{self, JsonView};
use crate::model::yaml::Node;
use crate::rules::Context;
use crate::rules::schema::{Compiled, Loaded};

/// The schema of the post, as [`Loaded::schema_of`] picks it, found once
/// per post: the family's rules, and the front matter rules for each key,
/// ask again.
pub(super) fn schema_of_post<'a>(ctx: &Context<'a>) -> Option<&'a Compiled> {
    let loaded: &'a Loaded = ctx.settings.schema.loaded.as_deref()?;
    let index = ctx.schema.schema(|| {
        let compiled = loaded.schema_of(ctx.path, ctx.site)?;
        loaded
            .schemas
            .iter()
            .position(|s| std::ptr::eq(s, compiled))
    });
    loaded.schemas.get(index?)
}

/// The top-level pairs of the front matter, with their keys as Psych reads
/// them.
pub(super) fn top_level<'p>(ctx: &'p Context) -> Vec<(String, Option<&'p Node>, Range<usize>)> {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|e| (key(ctx, e), Some(&e.value), e.key_span.clone()))
        .collect()
}

/// The key of `entry` as Psych reads it: a quoted key is its text, a plain
/// one the text of its value (`on` is `"true"`).
fn key(ctx: &Context, entry: &Entry) -> String {
    let written = &ctx.post.text[entry.key_span.clone()];
    if written.starts_with(['"', '\'']) {
        entry.key.clone()
    } else {
        json_view::scalar_key(&entry.key, &resolve_plain(&entry.key))
    }
}

/// The JSON view of the post's front matter; an empty mapping when there
/// is none or it is not a mapping.
pub(super) fn view(ctx: &Context) -> JsonView {
    let entries = ctx.post.front_matter.entries().unwrap_or_default();
    let anchors = ctx.post.front_matter.block().and_then(|b| {
        let yaml = &ctx.post.text[b.yaml.clone()];
        memchr::memchr(b'*', yaml.as_bytes())?;
        crate::model::yaml::parse_anchored(yaml, b.yaml.start)
            .ok()
            .map(|(_, a)| a)
    });
    json_view::view_pairs(
        entries.iter().map(|e| (key(ctx, e), &e.value)),
        anchors.as_ref(),
    )
}
