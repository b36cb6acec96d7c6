//! `front-matter-invalid-date`: Jekyll cannot read the front matter `date`, or reads another day or time than written.

use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(date) = &ctx.post.date else { return };
    match &date.value {
        Err(e) => out.push(
            out.diagnostic(date.span.clone(), format!("invalid `date`: {}", e.0))
                .label("not a date Jekyll reads")
                .help(
                    "write the date as `YYYY-MM-DD HH:MM:SS +HH:MM`, such as \
                    `2022-10-31 16:39:58 +00:00`",
                ),
        ),
        Ok(_) => {
            if let Some(why) = &date.misread {
                out.push(
                    out.diagnostic(date.span.clone(), format!("`date` is misread: {why}"))
                        .label("not the time written")
                        .help(
                            "write the date as `YYYY-MM-DD HH:MM:SS +HH:MM` with the \
                        day and offset meant, such as `2022-10-31 16:39:58 +09:00`",
                        ),
                );
            }
        }
    }
}
