//! `front-matter-not-mapping`: the front matter is not a mapping of keys to values.

use crate::model::FrontMatter;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    if let FrontMatter::NotMapping { root, .. } = &ctx.post.front_matter {
        out.push(
            out.diagnostic(
                root.span.clone(),
                format!(
                    "front matter is {}, not a mapping of keys to values",
                    root.type_name()
                ),
            )
            .label("expected `key: value` lines")
            .help("write the front matter as `key: value` lines, such as `title: \"My post\"`"),
        );
    }
}
