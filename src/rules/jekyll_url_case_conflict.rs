use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::diagnostic::Diagnostic;
use crate::rules::{RepoContext, RepoDiagnostic};

pub fn check(ctx: &RepoContext, out: &mut Vec<RepoDiagnostic>) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, post) in ctx.posts.iter().enumerate() {
        let Some(output) = &post.summary.output else {
            continue;
        };
        let j = match first.entry(output.file.to_lowercase()) {
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
        // The very same URL is `jekyll-duplicate-url`'s finding.
        if other_output.file == output.file {
            continue;
        }
        out.push(RepoDiagnostic {
            post: i,
            diagnostic: Diagnostic::new(
                "jekyll-url-case-conflict",
                output.span.clone(),
                format!(
                    "this post's URL differs only in case from that of `{}`",
                    other.path
                ),
            )
            .label(format!("URL `{}`", output.url))
            .related_in(other.path, other_output.span.clone(), format!("URL `{}`", other_output.url))
            .help("macOS and Windows checkouts and many web hosts ignore case, so one page overwrites the other; delete one if they are the same article, or give one another slug or a `permalink`"),
        });
    }
}
