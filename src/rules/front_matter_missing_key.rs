use std::path::Path;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let fm = &ctx.post.front_matter;
    let (Some(entries), Some(block)) = (fm.entries(), fm.block()) else {
        return;
    };
    for key in &ctx.options.required_keys {
        match entries.iter().rev().find(|e| &e.key == key) {
            None => {
                let mut d = Diagnostic::new(
                    "front-matter-missing-key",
                    block.open.clone(),
                    format!("front matter has no `{key}` key"),
                )
                .label("in this front matter block")
                .help(format!("add `{key}:` with a value to the front matter"));
                if key == "date"
                    && let Some(date) = date_from_file_name(ctx.path)
                {
                    let text = ctx.post.text;
                    let newline = if text[..block.close.start].ends_with("\r\n") {
                        "\r\n"
                    } else {
                        "\n"
                    };
                    d = d.fix(Fix::unsafe_(
                        "add `date` from the file name",
                        vec![Edit {
                            range: block.close.start..block.close.start,
                            content: format!("date: {date}{newline}"),
                        }],
                    ));
                }
                out.push(d)
            }
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

/// The `YYYY-MM-DD` a Jekyll post's file name starts with, if it is a real date.
fn date_from_file_name(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    let date = name.get(..10)?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    (shape && name[10..].starts_with('-') && crate::model::date::parse(date).is_ok()).then_some(date)
}
