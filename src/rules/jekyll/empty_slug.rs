//! `jekyll-empty-slug`: a post's URL slug is empty, giving a hidden output file.

use crate::model::jekyll::path::{in_posts, post_name, written_slug};
use crate::model::jekyll::permalink::slug_start;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if !in_posts(ctx.path) {
        return;
    }
    let Some(name) = crate::model::jekyll::path::file_name(ctx.path).and_then(post_name) else {
        return;
    };
    // Jekyll's `:title` is the front matter `slug` if set, else the file
    // name's slug, slugified in "pretty" mode.
    let (written, entry) = written_slug(&ctx.post.front_matter, &name);
    let from_key = entry.is_some();
    let span = entry.map_or(ctx.post.start..ctx.post.start, |e| e.value.span.clone());
    // The slug itself is not needed: only how it starts.
    let problem = match slug_start(written) {
        None => "is empty",
        Some('.') => "starts with `.`",
        Some(_) => return,
    };
    let source = if from_key {
        "the front matter `slug`"
    } else {
        "the file name's slug"
    };
    out.push(
        out.diagnostic(
            span,
            format!(
                "the URL slug from {source} {problem}: Jekyll writes the \
                post to a hidden file such as `.html`"
            ),
        )
        .label(if written.is_empty() {
            "no slug after the date".to_string()
        } else {
            format!("slug `{written}`")
        })
        .help(
            "give the post a slug of letters or digits, in its file name \
            (`YYYY-MM-DD-slug.md`) or as `slug:`",
        ),
    );
}
