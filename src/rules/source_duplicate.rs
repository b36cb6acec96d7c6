use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::diagnostic::Diagnostic;
use crate::rules::{RepoContext, RepoDiagnostic};

pub fn check(ctx: &RepoContext, out: &mut Vec<RepoDiagnostic>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, post) in ctx.posts.iter().enumerate() {
        let Some((source, span)) = &post.summary.source else {
            continue;
        };
        let j = match first.entry(source.as_str()) {
            Entry::Vacant(v) => {
                v.insert(i);
                continue;
            }
            Entry::Occupied(o) => *o.get(),
        };
        let other = &ctx.posts[j];
        let Some((_, other_span)) = &other.summary.source else {
            continue;
        };
        out.push(RepoDiagnostic {
            post: i,
            diagnostic: Diagnostic::new(
                "source-duplicate",
                span.clone(),
                format!(
                    "this post has the same source as `{}`: the article is in the repository twice",
                    other.path
                ),
            )
            .label("same source")
            .related_in(other.path, other_span.clone(), "first post from this source")
            .help("delete the later copy, or correct its source URL if it names the wrong article"),
        });
    }
}
