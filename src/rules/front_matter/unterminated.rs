//! `front-matter-unterminated`: the `---` front matter block is never closed.

use crate::model::FrontMatter;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if let FrontMatter::Unterminated { open } = &ctx.post.front_matter {
        out.push(
            out.diagnostic(open.clone(), "front matter block is never closed")
                .label("opened here")
                .help("add a `---` line after the last front matter key"),
        );
    }
}
