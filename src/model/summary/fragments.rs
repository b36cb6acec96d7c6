//! Fragments for the `link` rules: a link's `#section` as a reference to
//! the ids of the page it points at, and the ids each page answers to.

use super::file_link::{FileLink, LinkKind};
use super::keys::{any_id_key, id_key, served_by, served_keys, site_key, site_url};
use crate::model::jekyll::site::Site;
use crate::model::link::{Prefix, Reference, Target, resolve};
use crate::model::post::Post;

/// The keys of the id `id` on the page a browser asking for `path` may be
/// served (see [`served_by`]).
fn id_keys(site: &str, path: &str, id: &str) -> Vec<u64> {
    served_by(path)
        .iter()
        .flat_map(|d| [id_key(site, d, id), any_id_key(site, d)])
        .collect()
}

/// The fragment of the reference `r` (of the file whose URL is `url`) as
/// one to look up: its ids on the page it points at, with that page's
/// keys. `None` without a fragment, or where it is not looked up.
pub fn fragment_link(r: &Reference, site: &Site, url: Option<&str>) -> Option<FileLink> {
    // jekyll-polyglot points each language's links at its own copy of
    // the page, whose ids are its own.
    if r.dynamic || !site.kramdown || site.polyglot.is_some() {
        return None;
    }
    let arg = r.url.trim();
    let (path, fragment) = if let Some(frag) = arg.strip_prefix('#') {
        // A fragment alone: this page.
        (url?.to_string(), frag.to_string())
    } else {
        let relative = r.prefix == Prefix::None && !arg.starts_with('/') && !arg.contains("://");
        let page = match (url, relative) {
            (Some(u), _) => u,
            (None, false) => "/",
            (None, true) => return None,
        };
        match resolve(arg, r.prefix, page, &site_url(site)) {
            Target::Internal {
                path,
                fragment: Some(f),
                ..
            } => (path, f),
            _ => return None,
        }
    };
    let fragment = crate::model::tag::pattern::percent_decode_strict(&fragment).unwrap_or(fragment);
    // `#` and `#top` are the page itself.
    if fragment.is_empty() || fragment == "top" {
        return None;
    }
    let key = site_key(site);
    Some(FileLink {
        kind: LinkKind::Fragment,
        keys: id_keys(&key, &path, &fragment),
        scope: served_keys(&key, &path),
        target: format!("{path}#{fragment}"),
        span: r.span.clone(),
    })
}

/// The keys of the ids of the file written to `dest`.
pub fn id_provides(post: &Post, site: &Site, rel: &str, dest: &str) -> Vec<u64> {
    let key = site_key(site);
    let markdown = site.is_markdown(rel.rsplit_once('.').map_or("", |(_, e)| e));
    let ids = crate::model::link::ids::ids(
        post.text,
        post.body_start..post.text.len(),
        markdown,
        &site.ids,
    );
    let mut out: Vec<u64> = ids.iter().map(|id| id_key(&key, dest, id)).collect();
    // A page that sends its readers elsewhere (`redirect_to`) has the
    // fragments of the page it sends them to.
    if post.front_matter.get("redirect_to").is_some()
        || ids.iter().any(|id| id.contains("{{") || id.contains("{%"))
        || ["id=\"{{", "id='{{", "id={{", "\n#{{", "# {{"]
            .iter()
            .any(|p| post.text[post.body_start..].contains(p))
    {
        out.push(any_id_key(&key, dest));
    }
    out
}
