use crate::diagnostic::Diagnostic;
use crate::model::FrontMatter;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if let FrontMatter::NotMapping { root, .. } = &ctx.post.front_matter {
        out.push(
            Diagnostic::new(
                "front-matter-not-mapping",
                root.span.clone(),
                format!("front matter is {}, not a mapping of keys to values", root.type_name()),
            )
            .label("expected `key: value` lines")
            .help("write the front matter as `key: value` lines, such as `title: \"My post\"`"),
        );
    }
}
