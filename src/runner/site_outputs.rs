//! What each site's files answer to, for the `link` rules: the sites of
//! the checked files walked, their pages read for their URLs, once per run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::engine::Resolver;
use crate::model::Post;
use crate::model::summary::site_outputs::{SiteOutputs, SourceFile, site_outputs};

/// The outputs of the sites `files` belong to, when a `link` rule that
/// needs them is on.
pub fn for_files(resolver: &Resolver, files: &[PathBuf]) -> Vec<SiteOutputs> {
    if !crate::engine::check::wants_links(resolver.base()) {
        return Vec::new();
    }
    let mut roots = BTreeSet::new();
    let mut last_dir: Option<&Path> = None;
    for f in files {
        // Files come folder by folder: one look per folder.
        let dir = f.parent();
        if dir.is_some() && dir == last_dir {
            continue;
        }
        last_dir = dir;
        let site = resolver.site_for(f);
        if let Some(root) = &site.root {
            roots.insert(root.clone());
        }
    }
    roots
        .into_par_iter()
        .filter_map(|root| one_site(resolver, &root))
        .collect()
}

/// The outputs of the site in the folder `root`; `None` for a mirror.
pub fn one_site(resolver: &Resolver, root: &Path) -> Option<SiteOutputs> {
    let config = resolver.settings_for(&root.join("_config.yml"));
    let site = &config.site;
    if site.kind == Some(crate::model::jekyll::site::Kind::Mirror) {
        return None;
    }
    let listing = listing(root);
    let mut posts = 0;
    let mut generator = false;
    let files: Vec<SourceFile> = listing
        .par_iter()
        .map(|rel| {
            let path = root.join(rel);
            let output = match kind_of(rel, &path) {
                Kind::Static => Some((format!("/{rel}"), rel.to_string())),
                Kind::Page => super::read::read_post(&path).ok().and_then(|text| {
                    let post = Post::parse(&text, config.settings.parse_options(site));
                    crate::model::jekyll::page_place(rel, &post, site)
                        .map(|p| (p.unescaped, p.file))
                }),
                _ => None,
            };
            SourceFile {
                rel: rel.to_string(),
                output,
            }
        })
        .collect();
    for f in &files {
        if f.rel.starts_with("_posts/") || f.rel.contains("/_posts/") {
            posts += 1;
        }
        if f.rel.starts_with("_plugins/")
            && f.rel.ends_with(".rb")
            && std::fs::read_to_string(root.join(&f.rel)).is_ok_and(|t| t.contains("Generator"))
        {
            generator = true;
        }
    }
    let mut out = site_outputs(site, &files, posts, generator);
    out.site = crate::model::summary::links::site_key(site);
    Some(out)
}

/// A hash of everything `sites` holds, for the cache of the
/// whole-repository findings: a file added or removed changes it.
pub fn fingerprint(sites: &[SiteOutputs]) -> u128 {
    if sites.is_empty() {
        return 0;
    }
    let mut bytes = Vec::new();
    for s in sites {
        let mut keys: Vec<u64> = s.keys.iter().copied().collect();
        keys.sort_unstable();
        bytes.extend(s.site.as_bytes());
        bytes.push(0);
        for k in keys {
            bytes.extend(k.to_le_bytes());
        }
        bytes.extend(format!("{:?}{:?}{}", s.unknown_plugin, s.unjudged, s.year_pages).as_bytes());
        for f in s.files.iter().chain(&s.urls) {
            bytes.extend(f.as_bytes());
            bytes.push(0);
        }
    }
    let [a, b] = crate::cache::content_hash(&bytes);
    (u128::from(a) << 64) | u128::from(b)
}

/// Placeholder until the site model lands.
enum Kind {
    Static,
    Page,
    Other,
}

fn kind_of(rel: &str, path: &Path) -> Kind {
    if rel
        .split('/')
        .any(|c| c.starts_with('_') || c.starts_with('.'))
    {
        return Kind::Other;
    }
    let mut head = [0u8; 4];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    if head[..n].starts_with(b"---") {
        Kind::Page
    } else {
        Kind::Static
    }
}

fn listing(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            !matches!(
                n.as_ref(),
                ".git" | "_site" | "node_modules" | "vendor" | ".jekyll-cache"
            )
        })
        .build()
        .flatten()
    {
        if e.file_type().is_some_and(|t| t.is_file())
            && let Ok(rel) = e.path().strip_prefix(root)
        {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
    out
}
