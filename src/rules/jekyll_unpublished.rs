use crate::diagnostic::Diagnostic;
use crate::model::scalar::Scalar;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(entry) = ctx.post.front_matter.get("published") else {
        return;
    };
    // Jekyll leaves a post out when `published` is the boolean false; the
    // string "false" is truthy in Ruby and publishes it.
    if entry.value.scalar() != Some(&Scalar::Bool(false)) {
        return;
    }
    out.push(
        Diagnostic::new(
            "jekyll-unpublished",
            entry.value.span.clone(),
            "`published` is false: Jekyll leaves this post out of the site",
        )
        .label("not published")
        .help("remove `published: false` to publish the post, or move it to `_drafts` while it is not ready"),
    );
}
