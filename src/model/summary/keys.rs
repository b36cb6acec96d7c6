//! The keys of a site's things, as hashes: an output file, a file of the
//! source, a post's name, a layout, an id of a page. A reference and the
//! file it points at make the same key, so that a lookup is a set test.
//! A key is the hash of a string naming the thing and its site, made
//! without the string.

use crate::model::jekyll::site::Site;
use crate::model::link::SiteUrl;
use crate::model::summary::hash::Hasher;

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

/// The key of the id `id` of the page written to `dest`.
pub fn id_key(site: &str, dest: &str, id: &str) -> u64 {
    key(b'a', site, &[dest, "#", id])
}

/// The key a page answers every fragment with: one whose ids Liquid makes
/// (`id="{{ person.id }}"`, a heading of `{{ title }}`), which postlint
/// cannot know.
pub fn any_id_key(site: &str, dest: &str) -> u64 {
    key(b'A', site, &[dest])
}

/// The key of the first part of the path `path` (an output file, or a
/// link's path below the `baseurl`): what the site has at its top level.
/// A file there also answers for its name without `.html`.
pub fn top_key(site: &str, path: &str) -> u64 {
    let p = path.trim_start_matches('/');
    let first = p.split('/').next().unwrap_or("");
    let first = if p.contains('/') {
        first
    } else {
        first.strip_suffix(".html").unwrap_or(first)
    };
    key(b't', site, &[first])
}
