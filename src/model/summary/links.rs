//! What a file's summary holds for the `link` rules: each reference it
//! makes that can be looked up before a build (an internal link or image,
//! a Liquid tag naming a file, its layout), as the keys any one of which
//! makes it found; and the keys the file itself answers to.
//!
//! The keys are [`super::keys`]'s; the reference's own type,
//! [`FileLink`], is [`super::file_link`]'s, and fragments are
//! [`super::fragments`]'s.

use std::ops::Range;

pub use super::file_link::{FileLink, LinkKind};
use super::fragments::fragment_link;
pub use super::keys::{
    file_key, layout_key, output_key, post_key, served_by, served_keys, site_key, site_url, top_key,
};
use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::site::Site;
use crate::model::link::{Prefix, RefKind, Reference, SiteUrl, Target, resolve};
use crate::model::post::Post;

/// The references of the file at `rel` (below its site's folder) of
/// `site`, whose own URL is `url` (below the `baseurl`; `None` when
/// Jekyll does not write it, so that relative links cannot be resolved),
/// that can be looked up before a build.
pub fn file_links(
    post: &Post,
    site: &Site,
    rel: &str,
    url: Option<&str>,
    fragments: bool,
) -> Vec<FileLink> {
    let mut out = Vec::new();
    if let Some(link) = layout_link(post, site) {
        out.push(link);
    }
    let (key, urls) = (site_key(site), site_url(site));
    let markdown = converted(site, rel);
    for r in post.references() {
        if !looked_up(r, markdown) {
            continue;
        }
        if let Some(link) = reference_keys(r, site, &key, &urls, rel, url) {
            out.push(link);
        }
        if fragments && let Some(link) = fragment_link(r, site, url) {
            out.push(link);
        }
    }
    out
}

/// The layout the file names, as a reference to look up.
pub fn layout_link(post: &Post, site: &Site) -> Option<FileLink> {
    let (name, span) = layout(post, site)?;
    Some(FileLink {
        kind: LinkKind::Layout,
        keys: vec![layout_key(&site_key(site), &name)],
        target: name,
        span,
        scope: Vec::new(),
    })
}

/// The reference `r` of the file at `rel` (whose URL is `url`) as one to
/// look up, when it can be: not built from variables, not external, not
/// a relative link from a file Jekyll does not write.
pub fn reference_link(
    r: &Reference,
    site: &Site,
    rel: &str,
    url: Option<&str>,
) -> Option<FileLink> {
    if !looked_up(r, converted(site, rel)) {
        return None;
    }
    reference_keys(r, site, &site_key(site), &site_url(site), rel, url)
}

/// Whether Jekyll converts the file at `rel` from Markdown.
fn converted(site: &Site, rel: &str) -> bool {
    site.is_markdown(rel.rsplit_once('.').map_or("", |(_, e)| e))
}

/// Whether the reference `r`, in a file converted from Markdown
/// (`markdown`) or not, is looked up: not when built from variables, nor a
/// Markdown link in a file Jekyll does not convert, where it is text.
fn looked_up(r: &Reference, markdown: bool) -> bool {
    !r.dynamic && (markdown || !r.kind.is_markdown())
}

fn reference_keys(
    r: &Reference,
    site: &Site,
    key: &str,
    urls: &SiteUrl,
    rel: &str,
    url: Option<&str>,
) -> Option<FileLink> {
    let arg = r.url.trim();
    let (kind, keys) = match &r.kind {
        RefKind::PostUrl => {
            let name = arg.rsplit('/').next().unwrap_or(arg);
            let name = strip_extension(name);
            (LinkKind::PostUrl, vec![post_key(key, name)])
        }
        RefKind::LinkTag => (
            LinkKind::LinkTag,
            vec![file_key(key, arg.trim_start_matches('/'))],
        ),
        RefKind::Include => {
            // A theme gem brings includes the repository does not hold.
            if site.theme.is_some() {
                return None;
            }
            (
                LinkKind::Include,
                vec![file_key(key, &format!("_includes/{arg}"))],
            )
        }
        RefKind::IncludeRelative => {
            let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
            let joined = normalize(&format!("{dir}/{arg}"))?;
            (LinkKind::IncludeRelative, vec![file_key(key, &joined)])
        }
        RefKind::Link
        | RefKind::Image
        | RefKind::Definition
        | RefKind::Autolink
        | RefKind::Html { .. } => {
            let relative = r.prefix == Prefix::None
                && !arg.starts_with('/')
                && !arg.contains("://")
                && !arg.starts_with("//");
            // A relative link from a file Jekyll does not write resolves
            // against nothing.
            let page = match (url, relative) {
                (Some(u), _) => u,
                (None, false) => "/",
                (None, true) => return None,
            };
            let Target::Internal { path, .. } = resolve(arg, r.prefix, page, urls) else {
                return None;
            };
            let mut keys = served_keys(key, &path);
            // jekyll-relative-links makes a link to a Markdown file a link
            // to its page.
            if plugin(site, "jekyll-relative-links")
                && relative
                && [".md", ".markdown"].iter().any(|e| path.ends_with(e))
            {
                let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
                let written = arg.split(['#', '?']).next().unwrap_or(arg);
                if let Some(file) = normalize(&format!("{dir}/{written}")) {
                    keys.push(file_key(key, &file));
                }
            }
            // jekyll-polyglot writes every page again below each language.
            if let Some(p) = &site.polyglot {
                for lang in &p.languages {
                    if let Some(rest) = path.strip_prefix(&format!("/{lang}/")) {
                        keys.extend(served_keys(key, rest));
                    }
                }
            }
            return Some(FileLink {
                kind: LinkKind::Link,
                scope: vec![top_key(key, &path)],
                target: path,
                keys,
                span: r.span.clone(),
            });
        }
    };
    Some(FileLink {
        kind,
        target: arg.to_string(),
        keys,
        span: r.span.clone(),
        scope: Vec::new(),
    })
}

/// Whether the site loads the plugin `name` (GitHub Pages' gem loads its
/// own set).
pub fn plugin(site: &Site, name: &str) -> bool {
    site.plugins
        .iter()
        .any(|p| p == name || (p == "github-pages" && GITHUB_PAGES_PLUGINS.contains(&name)))
}

/// The plugins GitHub Pages loads on every site (the `github-pages` gem's
/// defaults).
pub const GITHUB_PAGES_PLUGINS: &[&str] = &[
    "jekyll-coffeescript",
    "jekyll-default-layout",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-titles-from-headings",
    "jekyll-relative-links",
];

/// The layout the file names (its own `layout`, else one `defaults:`
/// gives) and where it is written; `None` without one, with `none` or
/// `null`, or when a theme gem may hold it.
fn layout(post: &Post, site: &Site) -> Option<(String, Range<usize>)> {
    if site.theme.is_some() {
        return None;
    }
    let entry = post.front_matter.get("layout")?;
    if entry.value.scalar()? != &Scalar::Str {
        return None;
    }
    let name = entry.value.as_str()?.trim().to_string();
    if name.is_empty() || name == "none" || name == "null" || name.contains("{{") {
        return None;
    }
    Some((name, entry.value.span.clone()))
}

fn strip_extension(name: &str) -> &str {
    for ext in [".md", ".markdown", ".html", ".htm", ".textile"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem;
        }
    }
    name
}

/// `path` with `.` and `..` parts taken out; `None` when it climbs out of
/// the site.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The hashes of the keys the file at `rel` answers to: its output file, for a post
/// (`is_post`) its name, and with jekyll-redirect-from the pages that
/// redirect to it (`redirect_from`).
pub fn provides(
    site: &Site,
    rel: &str,
    dest: Option<&str>,
    is_post: bool,
    post: &Post,
) -> Vec<u64> {
    let key = site_key(site);
    let mut out = Vec::new();
    if let Some(dest) = dest {
        out.push(output_key(&key, dest));
        out.push(top_key(&key, dest));
    }
    if is_post {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        out.push(post_key(&key, strip_extension(name)));
    }
    if plugin(site, "jekyll-redirect-from")
        && let Some(e) = post.front_matter.get("redirect_from")
    {
        let mut from = Vec::new();
        match &e.value.kind {
            crate::model::yaml_tree::NodeKind::Sequence(items) => {
                from.extend(items.iter().filter_map(|i| i.as_str()));
            }
            _ => from.extend(e.value.as_str()),
        }
        for path in from {
            let path = format!("/{}", path.trim().trim_start_matches('/'));
            out.extend(served_keys(&key, &path));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_is_served_the_file_its_index_or_its_html() {
        assert_eq!(served_by("/"), ["index.html"]);
        assert_eq!(served_by("/about/"), ["about/index.html"]);
        assert_eq!(served_by("/about//"), ["about/index.html"]);
        assert_eq!(
            served_by("/about"),
            ["about", "about/index.html", "about.html"]
        );
    }

    #[test]
    fn the_served_keys_are_the_keys_of_the_files_served() {
        for path in [
            "/",
            "//",
            "/about/",
            "/about//",
            "/about",
            "/a/b.html",
            "/港口/",
            "",
        ] {
            let want: Vec<u64> = served_by(path)
                .iter()
                .map(|d| output_key("site", d))
                .collect();
            assert_eq!(served_keys("site", path), want, "{path}");
        }
        // Made piece by piece, a key is the hash of its string.
        assert_eq!(
            output_key("site", "a/index.html"),
            crate::model::summary::compact::hash("o\0site\0a/index.html")
        );
    }

    #[test]
    fn relative_includes_stay_in_the_site() {
        assert_eq!(normalize("docs/../a/./b.md").as_deref(), Some("a/b.md"));
        assert_eq!(normalize("../a.md"), None);
    }
}
