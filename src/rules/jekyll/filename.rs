use crate::model::FrontMatter;
use crate::model::jekyll::{below_posts, in_posts, kept_beside_posts, post_name, skipped_in_posts};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if !in_posts(ctx.path) {
        return;
    }
    let Some(name) = crate::model::jekyll::file_name(ctx.path) else {
        return;
    };
    // On an ordinary site, Jekyll skips a file not named as a post, as its
    // owner means when it is a README, a template for new posts or a name
    // Jekyll hides; and when, in a folder below `_posts`, it has no front
    // matter: a partial read by `{% include_relative %}`. A file below
    // `_posts` with front matter is a post Jekyll leaves out.
    if !ctx.is_mirror()
        && skipped_in_posts(ctx.path)
        && (kept_beside_posts(name)
            || (below_posts(ctx.path) && matches!(ctx.post.front_matter, FrontMatter::Missing)))
    {
        return;
    }
    let span = ctx.post.start..ctx.post.start;
    match post_name(name) {
        None => out.push(
            out.diagnostic(
                span,
                format!(
                    "`{name}` is in `_posts` but not named \
                    `YYYY-MM-DD-slug.ext`: Jekyll does not publish it"
                ),
            )
            .label("this post")
            .help(
                "rename it to its date and a slug, such as \
                `2022-10-31-bridge-reopens.md`, or move it to `_drafts`",
            ),
        ),
        Some(n) if n.date.is_none() => out.push(
            out.diagnostic(
                span,
                format!(
                    "the file name's date `{}` is not on the calendar: Jekyll \
                    stops with `Invalid date`",
                    n.date_text
                ),
            )
            .label("this post")
            .help("rename the file with the post's real date"),
        ),
        Some(_) => {}
    }
}
