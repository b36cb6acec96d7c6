use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::diagnostic::Diagnostic;
use crate::rules::{RepoContext, RepoDiagnostic};

pub fn check(ctx: &RepoContext, out: &mut Vec<RepoDiagnostic>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, post) in ctx.posts.iter().enumerate() {
        let Some(output) = &post.summary.output else {
            continue;
        };
        let j = match first.entry(output.file.as_str()) {
            Entry::Vacant(v) => {
                v.insert(i);
                continue;
            }
            Entry::Occupied(o) => *o.get(),
        };
        let other = &ctx.posts[j];
        let Some(other_output) = &other.summary.output else {
            continue;
        };
        out.push(RepoDiagnostic {
            post: i,
            diagnostic: Diagnostic::new(
                "jekyll-duplicate-url",
                output.span.clone(),
                format!(
                    "`{}` has the same URL, so Jekyll writes one post over the other",
                    other.path
                ),
            )
            .label(format!("URL `{}`", output.url))
            .related_in(other.path, other_output.span.clone(), "first post with this URL")
            .help(format!(
                "both are written to `_site/{}`; delete one if they are the same article, or give one another slug (in its file name, or as `slug:`) or a `permalink`",
                output.file
            )),
        });
    }
}
