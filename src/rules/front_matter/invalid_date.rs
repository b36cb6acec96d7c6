use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(date) = &ctx.post.date else { return };
    if let Err(e) = &date.value {
        out.push(
            out.diagnostic(date.span.clone(), format!("invalid `date`: {}", e.0))
                .label("not a valid date")
                .help(
                    "write the date as `YYYY-MM-DD HH:MM:SS +HH:MM`, such as \
                    `2022-10-31 16:39:58 +00:00`; Jekyll stops the whole build \
                    on an invalid date",
                ),
        );
    }
}
