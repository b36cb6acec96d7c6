//! `front-matter-missing`: the file does not start with a `---` front matter block.

use crate::model::FrontMatter;
use crate::model::jekyll::path::{in_drafts, in_posts};
use crate::model::text::lines::lines_from;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    if !matches!(post.front_matter, FrontMatter::Missing) {
        return;
    }
    // Jekyll 4 reads a file in `_posts` or `_drafts` as a post with or
    // without front matter, taking its date and title from its name (a
    // file whose name is no post name is skipped, which `jekyll-filename`
    // reports). On an ordinary site that is a way to write a post; a
    // mirror's generator always writes front matter, so there it was lost.
    let as_post = in_posts(ctx.path) || in_drafts(ctx.path);
    if as_post && !ctx.is_mirror() {
        return;
    }
    let first = lines_from(post.text, post.start)
        .next()
        .unwrap_or(post.start..post.start);
    let message = if post.text.len() == post.start {
        "file is empty, so it has no front matter"
    } else {
        "file does not start with a `---` front matter block"
    };
    let help = if as_post {
        "start the file with a `---` line, the YAML front matter, and a closing `---` line; \
        without it Jekyll reads the file as a bare post: no layout, no tags, the title and date from \
        the file name, and any `---` block further down shown as text"
    } else {
        "start the file with a `---` line, the YAML front matter, and a closing `---` line; \
        without it Jekyll copies the file as a static file instead of rendering it"
    };
    out.push(
        out.diagnostic(first, message)
            .label("expected `---` here")
            .help(help),
    );
}
