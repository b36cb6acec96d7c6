use crate::diagnostic::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let post = ctx.post;
    let (Some(_), Some(block)) = (post.front_matter.entries(), post.front_matter.block()) else {
        return;
    };
    let keys = &ctx.options.source_keys;
    match &post.source {
        None => out.push(
            Diagnostic::new(
                "source-missing",
                block.open.clone(),
                format!("front matter has no source URL key `{}`", keys[0]),
            )
            .label("in this front matter block")
            .help(format!("add `{}: https://...` with the address of the original article", keys[0])),
        ),
        Some(source) if source.text.as_deref() == Some("") => out.push(
            Diagnostic::new("source-missing", source.key_span.clone(), format!("source URL `{}` is empty", source.key))
                .label("no URL")
                .help(format!("set `{}` to the address of the original article", source.key)),
        ),
        Some(_) => {}
    }
}
