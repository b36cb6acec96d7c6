//! `link-unknown-layout`: a layout is named that is not in _layouts, so Jekyll renders the file without one.

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
    for file in unresolved(ctx, &provided(ctx), |k| k == LinkKind::Layout) {
        let layouts: Vec<&str> = (file.site.files.iter())
            .filter_map(|f| f.strip_prefix("_layouts/"))
            .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem))
            .collect();
        // A site without a `_layouts` folder takes its layouts from a
        // theme (GitHub Pages gives one to a site that names none).
        if layouts.is_empty() {
            continue;
        }
        for link in &file.links {
            let help = match nearest(&link.target, layouts.iter().copied()) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!(
                    "the site's layouts are {}",
                    layouts
                        .iter()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push(
                file.post,
                out.diagnostic(
                    link.span.clone(),
                    format!(
                        "layout `{}` is not in `_layouts`: Jekyll renders the file without one",
                        link.target
                    ),
                )
                .label("no such layout")
                .help(help),
            );
        }
    }
}
