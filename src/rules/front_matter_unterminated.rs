use crate::diagnostic::Diagnostic;
use crate::model::FrontMatter;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if let FrontMatter::Unterminated { open } = &ctx.post.front_matter {
        out.push(
            Diagnostic::new("front-matter-unterminated", open.clone(), "front matter block is never closed")
                .label("opened here")
                .help("add a `---` line after the last front matter key"),
        );
    }
}
