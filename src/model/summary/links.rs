//! What a file's summary holds for the `link` rules: each reference it
//! makes that can be looked up before a build (an internal link or image,
//! a Liquid tag naming a file, its layout), as the keys any one of which
//! makes it found; and the keys the file itself answers to.
//!
//! A key is a string naming one thing of one site: an output file, a file
//! of the source, a post's name, a layout, an include. A reference and the
//! file it points at make the same key, so that a lookup is a set test.

use std::ops::Range;

use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::site::Site;
use crate::model::link::{Prefix, RefKind, Reference, SiteUrl, Target, resolve};
use crate::model::post::Post;
use crate::model::summary::hash::Hasher;

/// What a reference names, and so which rule judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkKind {
    /// A link or image to a page of the site: found when Jekyll writes a
    /// file there.
    Link,
    /// `{% post_url %}`: found when the site has that post.
    PostUrl,
    /// `{% link %}`: found when the site has that file.
    LinkTag,
    /// `{% include %}`: found in `_includes`.
    Include,
    /// `{% include_relative %}`: found beside the file.
    IncludeRelative,
    /// `layout:`: found in `_layouts`.
    Layout,
    /// The fragment of a link (`#section`): found when the page it points
    /// at has that id.
    Fragment,
}

impl LinkKind {
    /// Whether a missing target stops `jekyll build`.
    pub fn stops_the_build(self) -> bool {
        matches!(
            self,
            LinkKind::PostUrl | LinkKind::LinkTag | LinkKind::Include | LinkKind::IncludeRelative
        )
    }

    /// The Liquid tag, for the ones that are tags.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            LinkKind::PostUrl => Some("post_url"),
            LinkKind::LinkTag => Some("link"),
            LinkKind::Include => Some("include"),
            LinkKind::IncludeRelative => Some("include_relative"),
            LinkKind::Link | LinkKind::Layout | LinkKind::Fragment => None,
        }
    }
}

/// One reference to look up, strings and all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLink {
    pub kind: LinkKind,
    /// What it points at, as messages show it: the path below the site's
    /// `baseurl` for a link, the argument for a tag, the layout's name.
    pub target: String,
    /// The hashes of its keys, any one of which makes it found.
    pub keys: Vec<u64>,
    /// Where it is written.
    pub span: Range<usize>,
    /// For a fragment, the hashes of the keys of the page it is on (any
    /// one of which is the page); empty otherwise.
    pub page: Vec<u64>,
}

/// The hash of the key of one kind (`kind`), of the site `site`, made of
/// `parts` one after the other: the hash of the key's string, made
/// without the string.
fn key(kind: u8, site: &str, parts: &[&str]) -> u64 {
    let mut h = Hasher::new();
    h.write(&[kind, 0]);
    h.write(site.as_bytes());
    h.write(&[0]);
    for p in parts {
        h.write(p.as_bytes());
    }
    h.finish()
}

/// The key of the output file `dest` (below the destination folder).
pub fn output_key(site: &str, dest: &str) -> u64 {
    key(b'o', site, &[dest])
}

/// The key of the output file a browser is served for `path` (below the
/// `baseurl`) by the rule of [`served_by`] number `i`.
fn served_key(site: &str, path: &str, i: usize) -> u64 {
    let p = path.trim_start_matches('/');
    let p = p.trim_end_matches('/');
    let dir = path.ends_with('/') || p.is_empty();
    match (dir, i) {
        (true, _) if p.is_empty() => key(b'o', site, &["index.html"]),
        (true, _) => key(b'o', site, &[p, "/index.html"]),
        (false, 0) => key(b'o', site, &[p]),
        (false, 1) => key(b'o', site, &[p, "/index.html"]),
        (false, _) => key(b'o', site, &[p, ".html"]),
    }
}

/// The keys of the output files a browser asking for `path` may be
/// served (see [`served_by`]).
pub fn served_keys(site: &str, path: &str) -> Vec<u64> {
    let trimmed = path.trim_start_matches('/').trim_end_matches('/');
    if path.ends_with('/') || trimmed.is_empty() {
        vec![served_key(site, path, 0)]
    } else {
        (0..3).map(|i| served_key(site, path, i)).collect()
    }
}

/// The key of the source file at `rel` (below the site's folder).
pub fn file_key(site: &str, rel: &str) -> u64 {
    key(b'f', site, &[rel])
}

/// The key of the post whose file name, without its extension, is `name`.
pub fn post_key(site: &str, name: &str) -> u64 {
    key(b'p', site, &[name])
}

/// The key of the layout `name` (its file in `_layouts`, without the
/// extension).
pub fn layout_key(site: &str, name: &str) -> u64 {
    key(b'l', site, &[name])
}

/// The site's own part of every key: the folder of its `_config.yml`.
pub fn site_key(site: &Site) -> String {
    site.root
        .as_ref()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The output files a browser asking for `path` (below the `baseurl`,
/// decoded) may be served, as GitHub Pages serves them: the file itself,
/// else `index.html` below it, else the same name plus `.html`.
pub fn served_by(path: &str) -> Vec<String> {
    let mut p = path.trim_start_matches('/').to_string();
    while p.ends_with("//") {
        p.pop();
    }
    if p.is_empty() || p.ends_with('/') {
        return vec![format!("{p}index.html")];
    }
    vec![p.clone(), format!("{p}/index.html"), format!("{p}.html")]
}

/// The site's URL parts that links are resolved with.
pub fn site_url(site: &Site) -> SiteUrl {
    SiteUrl {
        host: site.host.clone(),
        baseurl: site.baseurl.clone(),
    }
}

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
    let markdown = site.is_markdown(rel.rsplit_once('.').map_or("", |(_, e)| e));
    for r in post.references() {
        if r.dynamic || (r.kind.is_markdown() && !markdown) {
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
        page: Vec::new(),
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
    if r.dynamic {
        return None;
    }
    // Jekyll converts only the Markdown files: in an `.html` file a
    // Markdown link is text.
    let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
    if r.kind.is_markdown() && !site.is_markdown(ext) {
        return None;
    }
    reference_keys(r, site, &site_key(site), &site_url(site), rel, url)
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
                target: path,
                keys,
                span: r.span.clone(),
                page: Vec::new(),
            });
        }
    };
    Some(FileLink {
        kind,
        target: arg.to_string(),
        keys,
        span: r.span.clone(),
        page: Vec::new(),
    })
}

/// The key of the id `id` of the page written to `dest`.
pub fn id_key(site: &str, dest: &str, id: &str) -> u64 {
    key(b'a', site, &[dest, "#", id])
}

/// The keys of the id `id` on the page a browser asking for `path` may be
/// served (see [`served_by`]).
fn id_keys(site: &str, path: &str, id: &str) -> Vec<u64> {
    served_by(path)
        .iter()
        .flat_map(|d| [id_key(site, d, id), any_id_key(site, d)])
        .collect()
}

/// The key a page answers every fragment with: one whose ids Liquid makes
/// (`id="{{ person.id }}"`, a heading of `{{ title }}`), which postlint
/// cannot know.
fn any_id_key(site: &str, dest: &str) -> u64 {
    key(b'A', site, &[dest])
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
        page: served_keys(&key, &path),
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
