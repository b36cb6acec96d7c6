//! What each site's files answer to, for the `link` rules: the sites of
//! the checked files walked, their pages read for their URLs, once per run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::engine::Resolver;
use crate::model::Post;
use crate::model::jekyll::permalink::unescape;
use crate::model::jekyll::site::Kind;
use crate::model::jekyll::site_files::place::place;
use crate::model::jekyll::site_files::{FileKind, classify};
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
        // A mirror's posts are not link-checked: its site is not walked
        // for them.
        if let Some(root) = site
            .root
            .as_ref()
            .filter(|_| site.kind != Some(Kind::Mirror))
        {
            roots.insert(root.clone());
        }
    }
    roots
        .into_par_iter()
        .filter_map(|root| one_site(resolver, &root))
        .collect()
}

/// The outputs of the site in the folder `root`; `None` for a mirror, or
/// a folder without a `_config.yml`.
pub fn one_site(resolver: &Resolver, root: &Path) -> Option<SiteOutputs> {
    let config = resolver.settings_for(&root.join("_config.yml"));
    let site = &config.site;
    // Without a `_config.yml` there is no site to look links up in; with
    // `source:` Jekyll reads another folder as the site, which postlint
    // does not follow.
    if site.root.is_none()
        || site.source.is_some()
        || site.kind == Some(crate::model::jekyll::site::Kind::Mirror)
    {
        return None;
    }
    let listing = resolver.listing(root);
    // A folder with posts but neither a page nor a layout is not a whole
    // site (posts kept apart from the site they are built into): what
    // its links point at is elsewhere.
    let whole = listing.files.iter().any(|f| {
        f.rel.starts_with("_layouts/")
            || matches!(classify(&f.rel, f.front_matter, site), FileKind::Page)
    });
    if !whole {
        return None;
    }
    let mut posts = 0;
    let mut generator = false;
    let now = config
        .now
        .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
    let files: Vec<SourceFile> = listing
        .files
        .par_iter()
        .map(|f| {
            let rel = f.rel.as_str();
            let kind = classify(rel, f.front_matter, site);
            // Posts come from their own summaries; pages and documents are
            // read for their front matter.
            let output = match &kind {
                FileKind::Static => Some(place(&root.join(rel), rel, &kind, None, site, now)),
                FileKind::Page | FileKind::Document { output: true, .. } => {
                    super::read::read_post(&root.join(rel)).ok().map(|text| {
                        let post = Post::parse(&text, config.settings.parse_options(site));
                        place(&root.join(rel), rel, &kind, Some(&post), site, now)
                    })
                }
                _ => None,
            };
            let output = output
                .and_then(|p| Some((unescape(p.url.as_deref()?), p.dest?)))
                .or_else(|| made_by_plugins(rel, &kind, site, &listing));
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
    // A GitHub Pages user or organisation site: its repository is named
    // `<owner>.github.io`, or it is served there.
    out.project_sites = std::fs::canonicalize(root)
        .ok()
        .and_then(|r| {
            r.file_name()
                .map(|n| n.to_string_lossy().ends_with(".github.io"))
        })
        .unwrap_or(false)
        || (site.baseurl.is_empty()
            && site
                .host
                .as_deref()
                .is_some_and(|h| h.ends_with(".github.io")));
    // The ids layouts and includes give every page they render.
    let mut layout_ids: Vec<String> = listing
        .files
        .iter()
        .filter(|f| f.rel.starts_with("_layouts/") || f.rel.starts_with("_includes/"))
        .filter_map(|f| std::fs::read(root.join(&f.rel)).ok())
        .flat_map(|bytes| crate::model::link::ids::html_ids(&String::from_utf8_lossy(&bytes)))
        .collect();
    layout_ids.sort();
    layout_ids.dedup();
    out.layout_ids = layout_ids;
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
        let mut keys: Vec<(u64, Option<u32>)> = s.keys.iter().map(|(k, i)| (*k, *i)).collect();
        keys.sort_unstable();
        bytes.extend(s.site.as_bytes());
        bytes.push(0);
        for (k, i) in keys {
            bytes.extend(k.to_le_bytes());
            bytes.extend(i.unwrap_or(u32::MAX).to_le_bytes());
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

/// The keys each post of the site at `root` answers to (its output file,
/// its name), by their hashes, with its path below the site's folder: the
/// posts' part of the site graph that `explain` and the language server
/// follow references into.
pub fn post_keys(resolver: &Resolver, root: &Path) -> foldhash::HashMap<u64, String> {
    let listing = resolver.listing(root);
    let site = resolver.settings_for(&root.join("_config.yml"));
    listing
        .files
        .par_iter()
        .filter(|f| classify(&f.rel, f.front_matter, &site.site) == FileKind::Post)
        .filter_map(|f| {
            let path = root.join(&f.rel);
            let text = super::read::read_post(&path).ok()?;
            let config = resolver.settings_for(&path);
            let full = crate::engine::check::summarize_full(&path, &text, &config)?;
            Some(
                full.provides
                    .iter()
                    .map(|k| (*k, f.rel.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .flatten()
        .collect()
}

/// Names jekyll-optional-front-matter leaves alone.
const NOT_PAGES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "code_of_conduct",
    "contributing",
    "issue_template",
    "pull_request_template",
];

/// The URL and output file a plugin gives a file Jekyll itself copies as
/// it is: jekyll-optional-front-matter renders a Markdown file without
/// front matter as a page, and jekyll-readme-index a folder's `README` as
/// its index when it has none.
fn made_by_plugins(
    rel: &str,
    kind: &FileKind,
    site: &crate::model::jekyll::site::Site,
    listing: &crate::model::jekyll::site_files::Listing,
) -> Option<(String, String)> {
    use crate::model::summary::links::plugin;
    if *kind != FileKind::Static || rel.split('/').any(|p| p.starts_with('_')) {
        return None;
    }
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let (stem, ext) = name.rsplit_once('.')?;
    if !site.is_markdown(ext) {
        return None;
    }
    let stem_lower = stem.to_ascii_lowercase();
    if stem_lower == "readme" && plugin(site, "jekyll-readme-index") {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let has_index = listing.files.iter().any(|f| {
            f.rel.starts_with(&format!("{prefix}index.")) && !f.rel[prefix.len()..].contains('/')
        });
        if !has_index {
            return Some((format!("/{prefix}"), format!("{prefix}index.html")));
        }
    }
    if plugin(site, "jekyll-optional-front-matter") && !NOT_PAGES.contains(&stem_lower.as_str()) {
        let placed = crate::model::jekyll::site_files::page::output(rel, None, site);
        return Some((unescape(&placed.url), placed.dest?));
    }
    None
}
