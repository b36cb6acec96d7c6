use crate::diagnostic::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let fm = &ctx.post.front_matter;
    let (Some(entries), Some(block)) = (fm.entries(), fm.block()) else {
        return;
    };
    for key in &ctx.options.required_keys {
        match entries.iter().rev().find(|e| &e.key == key) {
            None => out.push(
                Diagnostic::new(
                    "front-matter-missing-key",
                    block.open.clone(),
                    format!("front matter has no `{key}` key"),
                )
                .label("in this front matter block")
                .help(format!("add `{key}:` with a value to the front matter")),
            ),
            Some(entry) if entry.value.is_null() || entry.value.as_str().is_some_and(|s| s.trim().is_empty()) => {
                out.push(
                    Diagnostic::new(
                        "front-matter-missing-key",
                        entry.key_span.clone(),
                        format!("required key `{key}` has no value"),
                    )
                    .label("empty")
                    .help(format!("give `{key}` a value")),
                )
            }
            Some(_) => {}
        }
    }
}
