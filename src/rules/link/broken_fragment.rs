//! `link-broken-fragment`: a link's fragment names an id the page it points at does not have.

use super::lookup::{provided, unresolved};
use crate::model::summary::full::Wanted;
use crate::model::summary::links::LinkKind;
use crate::rules::{RepoContext, RepoDiagnostic, Sink};

/// The references with their fragments, and the ids of every page.
pub const NEEDS: Wanted = Wanted {
    tag_links: false,
    links: true,
    fragments: true,
};

pub fn check(ctx: &RepoContext, out: &mut Sink<RepoDiagnostic>) {
    let pages = provided(ctx);
    let found = unresolved(ctx, &pages, |k| k == LinkKind::Fragment);
    if found.is_empty() {
        return;
    }
    // Only the pages postlint read know their ids: a static HTML file's,
    // or a page a plugin makes, are not judged (and a link to no page at
    // all is `link-broken`'s).
    for file in found {
        for link in &file.links {
            if !link.scope.iter().any(|k| pages.contains(k)) {
                continue;
            }
            let (page, id) = link.target.rsplit_once('#').unwrap_or(("", &link.target));
            // An id a layout or an include gives the page.
            if file.site.layout_ids.iter().any(|l| l == id) {
                continue;
            }
            out.push(
                file.post,
                out.diagnostic(
                    link.span.clone(),
                    format!("`{page}` has no id `{id}`: the link opens the page at its top"),
                )
                .label("no such id")
                .help(
                    "link to the id of one of that page's headings (kramdown makes one \
                    from each heading's text: `## Getting started` is \
                    `#getting-started`), or give the heading that id with `{#id}`",
                ),
            );
        }
    }
}
