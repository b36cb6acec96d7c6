//! `link-no-scheme`: a link to another site is written without https://, so browsers read it as a path on this one.

use super::missing_baseurl::is_link;
use crate::diagnostic::{Edit, Fix};
use crate::model::link::{Prefix, Target, resolve};
use crate::model::summary::links::site_url;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let urls = site_url(ctx.site);
    for r in ctx.post.references() {
        if r.dynamic || r.prefix != Prefix::None || !is_link(&r.kind) {
            continue;
        }
        // A host is a first part with a dot, in a URL with no scheme that
        // is not a path from the root or from here.
        let first = r.url.split(['/', '?', '#']).next().unwrap_or("");
        if !first.contains('.') || first.contains(':') || r.url.starts_with(['/', '.']) {
            continue;
        }
        let Target::NoScheme { host } = resolve(&r.url, r.prefix, "/", &urls) else {
            continue;
        };
        let written = ctx.post.slice(&r.span);
        let mut d = out
            .diagnostic(
                r.span.clone(),
                format!(
                    "`{}` has no scheme, so browsers read it as a path below this \
                    page, not as a link to `{host}`",
                    r.url
                ),
            )
            .label("no `https://`")
            .help(format!("write `https://{}`", r.url));
        if written == r.url {
            d = d.fix(Fix::unsafe_(
                "add `https://` before the host",
                vec![Edit {
                    range: r.span.start..r.span.start,
                    content: "https://".to_string(),
                }],
            ));
        }
        out.push(d);
    }
}
