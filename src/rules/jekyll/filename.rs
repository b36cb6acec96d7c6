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
    // Jekyll hides. In a folder below `_posts` only a file that is plainly
    // a post is reported: its name starts with a date written wrongly
    // (`03-01-tides.md`), or its front matter has a `date`. Others there
    // are partials read by `{% include_relative %}`, or pages kept beside
    // the posts, which Jekyll skips as their owner means.
    if !ctx.is_mirror() && skipped_in_posts(ctx.path) {
        let plainly_a_post = name.starts_with(|c: char| c.is_ascii_digit())
            || ctx.post.front_matter.get("date").is_some();
        if kept_beside_posts(name) || (below_posts(ctx.path) && !plainly_a_post) {
            return;
        }
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
