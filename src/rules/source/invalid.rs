//! `source-invalid`: the source URL is not an absolute http(s) URL.

use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(source) = &ctx.post.source else {
        return;
    };
    let key = &source.key;
    let problem = match (&source.text, &source.url) {
        (None, _) => Some(format!("source URL `{key}` is not a string")),
        (_, Some(Err(e))) => Some(format!("source URL `{key}` is not an absolute URL: {e}")),
        (_, Some(Ok(url))) if !matches!(url.scheme(), "http" | "https") => Some(format!(
            "source URL `{key}` uses `{}:`, not http or https",
            url.scheme()
        )),
        (_, Some(Ok(url))) if url.host_str().is_none_or(str::is_empty) => {
            Some(format!("source URL `{key}` has no host"))
        }
        _ => None,
    };
    if let Some(message) = problem {
        out.push(
            out.diagnostic(source.value_span.clone(), message)
                .label("expected an absolute http(s) URL")
                .help(format!(
                    "set `{key}` to the full address of the original article, \
                    such as `https://example.com/news/1.html`"
                )),
        );
    }
}
