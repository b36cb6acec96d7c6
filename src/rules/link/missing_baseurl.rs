//! `link-missing-baseurl`: a root-relative link lacks the site's baseurl, so it breaks once the site is deployed.

use crate::diagnostic::{Edit, Fix};
use crate::model::link::{Prefix, RefKind, Target, resolve};
use crate::model::summary::links::site_url;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let urls = site_url(ctx.site);
    if urls.baseurl.is_empty() {
        return;
    }
    // `{{ site.baseurl }}` is Liquid: it means nothing where Jekyll does
    // not render Liquid.
    let liquid = ctx
        .post
        .front_matter
        .get("render_with_liquid")
        .and_then(|e| e.value.scalar())
        != Some(&crate::model::front_matter::scalar::Scalar::Bool(false));
    for r in ctx.post.references() {
        if r.dynamic || r.prefix != Prefix::None || !is_link(&r.kind) {
            continue;
        }
        // Only a path from the root, or a URL of the site's own host, can
        // lack the baseurl: the others are not resolved.
        if !(r.url.starts_with('/') || r.url.contains("://"))
            || r.url.starts_with(urls.baseurl.as_str())
        {
            continue;
        }
        let Target::Internal {
            missing_baseurl: true,
            ..
        } = resolve(&r.url, r.prefix, "/", &urls)
        else {
            continue;
        };
        let written = ctx.post.slice(&r.span);
        let mut d = out
            .diagnostic(
                r.span.clone(),
                format!(
                    "`{}` lacks the site's `baseurl` `{}`: the link works under \
                    `jekyll serve` and breaks once the site is deployed below `{}`",
                    r.url, urls.baseurl, urls.baseurl
                ),
            )
            .label("no baseurl")
            .help(format!(
                "write `{{{{ site.baseurl }}}}{}` (or `{{{{ \"{}\" | relative_url }}}}`)",
                r.url, r.url
            ));
        if liquid && written.starts_with('/') {
            d = d.fix(Fix::safe(
                "add `{{ site.baseurl }}` before the path",
                vec![Edit {
                    range: r.span.start..r.span.start,
                    content: "{{ site.baseurl }}".to_string(),
                }],
            ));
        }
        out.push(d);
    }
}

/// Whether the reference is a link or an image (not a Liquid tag).
pub fn is_link(kind: &RefKind) -> bool {
    matches!(
        kind,
        RefKind::Link
            | RefKind::Image
            | RefKind::Definition
            | RefKind::Autolink
            | RefKind::Html { .. }
    )
}
