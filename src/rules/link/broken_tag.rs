//! `link-broken-tag`: a post_url, link, include or include_relative tag names no file, which stops the build.

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
    for file in unresolved(ctx, &provided(ctx), LinkKind::stops_the_build) {
        let files = &file.site.files;
        let dir = file.full.rel.rsplit_once('/').map_or("", |(d, _)| d);
        for link in &file.links {
            let Some(tag) = link.kind.tag() else {
                continue;
            };
            let arg = &link.target;
            let (what, candidates): (&str, Vec<&str>) = match link.kind {
                LinkKind::PostUrl => (
                    "no post",
                    files
                        .iter()
                        .filter(|f| f.starts_with("_posts/") || f.contains("/_posts/"))
                        .filter_map(|f| f.rsplit('/').next())
                        .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem))
                        .collect(),
                ),
                LinkKind::LinkTag => (
                    "no file of the site",
                    files.iter().map(String::as_str).collect(),
                ),
                LinkKind::Include => (
                    "no file in `_includes`",
                    files
                        .iter()
                        .filter_map(|f| f.strip_prefix("_includes/"))
                        .collect(),
                ),
                _ => (
                    "no file beside this one",
                    files
                        .iter()
                        .filter_map(|f| {
                            let rest = if dir.is_empty() {
                                Some(f.as_str())
                            } else {
                                f.strip_prefix(dir)?.strip_prefix('/')
                            };
                            rest.filter(|r| !r.contains('/'))
                        })
                        .collect(),
                ),
            };
            let help = match nearest(arg, candidates) {
                Some(name) => format!("did you mean `{name}`?"),
                None => match link.kind {
                    LinkKind::PostUrl => "name the post by its file name in `_posts`, without \
                        the extension (`2020-01-31-title`)"
                        .to_string(),
                    LinkKind::LinkTag => "name the file by its path from the site's folder, \
                        extension and all (`about.md`)"
                        .to_string(),
                    LinkKind::Include => "add the file to `_includes`, or fix the name".to_string(),
                    _ => "name a file by its path from this file's folder".to_string(),
                },
            };
            out.push(
                file.post,
                out.diagnostic(
                    link.span.clone(),
                    format!("`{tag}` names {what} at `{arg}`: `jekyll build` stops here"),
                )
                .label("not found")
                .help(help),
            );
        }
    }
}
