use crate::model::scalar::Scalar;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    // Without front matter Jekyll copies the file as it is; with
    // `render_with_liquid: false` it does not run Liquid on it.
    let Some(block) = post.front_matter.block() else {
        return;
    };
    if post.front_matter.entries().is_none()
        || post
            .front_matter
            .get("render_with_liquid")
            .and_then(|e| e.value.scalar())
            == Some(&Scalar::Bool(false))
    {
        return;
    }
    let body = &post.text[block.body_start..];
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&body.as_bytes()[at..], b"{") {
        let start = at + found;
        let rest = &body[start..];
        at = start + 1;
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            continue;
        };
        let end = rest
            .find(close)
            .map_or(rest.len().min(rest.find('\n').unwrap_or(rest.len())), |e| {
                e + 2
            });
        let markup = &rest[..end];
        if close == "%}" && tag_name(markup) == Some("raw") {
            // Skip to the end of the raw block.
            match find_endraw(&body[start + end..]) {
                Some(e) => at = start + end + e,
                None => at = body.len(),
            }
            continue;
        }
        let span = block.body_start + start..block.body_start + start + end;
        let (what, effect) = if close == "}}" {
            (
                "a Liquid output tag",
                "Jekyll replaces it with the value of a variable, usually \
                nothing",
            )
        } else {
            (
                "a Liquid tag",
                "Jekyll runs it as a template tag, and stops the build if it \
                is not one",
            )
        };
        out.push(
            out.diagnostic(
                span,
                format!("the body holds {what} `{}`: {effect}", markup.trim_end()),
            )
            .label("read as Liquid, not text")
            .help(
                "wrap the text in `{% raw %}` … `{% endraw %}`, or set \
                `render_with_liquid: false` in the front matter",
            ),
        );
        at = start + end.max(2);
    }
}

/// The name of the tag in `{% name ... %}` (allowing `{%-`).
fn tag_name(markup: &str) -> Option<&str> {
    let inner = markup
        .strip_prefix("{%")?
        .trim_start_matches('-')
        .trim_start();
    inner
        .split(|c: char| c.is_whitespace() || c == '%' || c == '-')
        .next()
}

/// The offset just past the `{% endraw %}` in `s`.
fn find_endraw(s: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find("{%") {
        let start = at + found;
        let end = s[start..].find("%}")? + start + 2;
        if tag_name(&s[start..end]) == Some("endraw") {
            return Some(end);
        }
        at = start + 2;
    }
    None
}
