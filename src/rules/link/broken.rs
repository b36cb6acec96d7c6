//! `link-broken`: a link or image points at a place of the site where Jekyll writes no file.

use super::lookup::nearest::nearest;
use super::lookup::{provided, unresolved};
use crate::model::summary::full::Wanted;
use crate::model::summary::links::LinkKind;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// The references, and what each file answers to.
pub const NEEDS: Wanted = Wanted {
    tag_links: false,
    links: true,
    fragments: false,
};

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let provided = provided(ctx);
    let found = unresolved(ctx, &provided, |k| k == LinkKind::Link);
    if found.is_empty() {
        return;
    }
    let post_urls: Vec<&str> = ctx
        .posts
        .iter()
        .filter_map(|p| p.summary.url.as_deref())
        .collect();
    for file in found {
        for link in &file.links {
            if !file.site.judges(&link.target) {
                continue;
            }
            // Into a first folder the site has nothing in, on a site below
            // which GitHub Pages serves the owner's other repositories.
            if file.site.project_sites
                && !(link.scope.iter())
                    .any(|k| provided.contains(k) || file.site.keys.contains_key(k))
            {
                continue;
            }
            let own = file.full.url.as_deref();
            let urls = (post_urls.iter().copied())
                .chain(file.site.urls.iter().map(String::as_str))
                .filter(|u| Some(*u) != own);
            // `[text]((https://…))`: kramdown takes the inner parentheses
            // as part of the URL, which is then a path on this site.
            let wrapped = ["/(http://", "/(https://"]
                .iter()
                .any(|p| link.target.contains(p));
            let help = match nearest(&link.target, urls) {
                _ if wrapped => "the URL is written in a second pair of parentheses, which \
                    become part of it: remove them"
                    .to_string(),
                Some(url) => format!(
                    "the nearest URL the site has is `{url}`; if the page moved \
                    there, link to it"
                ),
                None => "link to a page the site has, or add the missing file".to_string(),
            };
            out.push(
                file.post,
                out.diagnostic(
                    link.span.clone(),
                    format!(
                        "nothing is published at `{}`: Jekyll writes no file there",
                        link.target
                    ),
                )
                .label("a broken link")
                .help(help),
            );
        }
    }
}
