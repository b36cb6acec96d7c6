//! Where Jekyll writes a post: its URL and output file ([`OutputPlace`]),
//! from its permalink template, date, slug and categories, when Jekyll
//! publishes it at all.

use std::ops::Range;
use std::path::Path;

use jiff::Timestamp;

use super::path::{file_name, in_posts, parent, post_name, written_slug};
use super::permalink::{self, UrlParts};
use super::site::Site;
use crate::model::front_matter::block::FrontMatter;
use crate::model::front_matter::scalar::Scalar;
use crate::model::front_matter::words::words;
use crate::model::post::Post;

/// A post's URL, its output file, and the span that decides them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputPlace {
    /// The URL, unescaped, as a reader sees it.
    pub url: String,
    pub file: String,
    /// The folder of the site's `_config.yml` (empty without one): posts
    /// of different sites never write over one another.
    pub site: String,
    /// The `permalink` or `slug` value, else the empty span at the start of
    /// the post (the URL then comes from the file name).
    pub span: Range<usize>,
}

impl OutputPlace {
    /// The output file within its site, as one string: what two posts
    /// must share to write over one another.
    pub fn site_file(&self) -> String {
        format!("{}\0{}", self.site, self.file)
    }
}

pub fn output(path: &Path, post: &Post, site: &Site, now: Timestamp) -> Option<OutputPlace> {
    // A file the site's `exclude` leaves out is never read by Jekyll.
    if !in_posts(path) || site.excludes(path) {
        return None;
    }
    let FrontMatter::Parsed { .. } = &post.front_matter else {
        return None;
    };
    let file_name = file_name(path)?;
    let name = post_name(file_name)?;
    let fm = &post.front_matter;
    // The front matter wins over `defaults:` in `_config.yml`.
    let published = match fm.get("published") {
        Some(e) => e.value.scalar() != Some(&Scalar::Bool(false)),
        None => site.default_for(path, "published") != Some(Some("false")),
    };
    if !published {
        return None;
    }
    let zone = &site.timezone;
    let date = match &post.date {
        Some(d) => {
            let instant = *d.value.as_ref().ok()?;
            if instant > now && !site.future {
                return None;
            }
            zone.to_datetime(instant)
        }
        // Dated by its file name alone, a post is left out in the future
        // all the same.
        None => {
            let midnight = name.date?.at(0, 0, 0, 0);
            if !site.future && zone.to_timestamp(midnight).is_ok_and(|t| t > now) {
                return None;
            }
            midnight
        }
    };
    let (slug, slug_entry) = written_slug(fm, &name);
    let permalink_entry = fm
        .get("permalink")
        .filter(|e| e.value.as_str().is_some_and(|s| !s.is_empty()));
    let by_default = site
        .default_for(path, "permalink")
        .flatten()
        .filter(|p| !p.is_empty());
    // A `permalink` from `defaults:` is front matter too: a template, never
    // a style name such as `pretty`.
    let template = match permalink_entry
        .and_then(|e| e.value.as_str())
        .or(by_default)
    {
        Some(p) => p,
        None => permalink::template(site.permalink.as_deref()),
    };
    let ext = &file_name[file_name.rfind('.')?..];
    // Jekyll's Markdown converter (for the `markdown_ext` extensions)
    // writes `.html`; any other file keeps its extension.
    let output_ext = if site.is_markdown(ext) { ".html" } else { ext };
    let basename = &file_name[..file_name.len() - ext.len()];
    let categories = categories(path, post, site);
    let (url, file) = permalink::output_file(
        template,
        &UrlParts {
            date,
            slug,
            basename,
            categories: &categories,
            output_ext,
        },
    )
    .ok()?;
    // jekyll-polyglot builds each other language under `/<lang>/`.
    let lang = fm.get("lang").and_then(|e| e.value.as_str());
    let (url, file) = match site.polyglot_language(path, lang) {
        Some(lang) => (format!("/{lang}{url}"), format!("{lang}/{file}")),
        None => (url, file),
    };
    let span = permalink_entry
        .or(slug_entry)
        .map_or(post.start..post.start, |e| e.value.span.clone());
    let site = site
        .root
        .as_ref()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(OutputPlace {
        url,
        file,
        site,
        span,
    })
}

/// Jekyll's categories: the folders between the site and `_posts`, then
/// `categories` (a list, or words) and `category` from the front matter.
/// Without a `_config.yml` the site's folder is not known, and every folder
/// of the path as given counts: the same extra folders for every post, so
/// URLs that differ in Jekyll still differ.
pub(crate) fn categories(path: &Path, post: &Post, site: &Site) -> Vec<String> {
    let mut out = Vec::new();
    // The folder, then what of it is below the site's root: the same as
    // the other way round, without taking the long file name apart.
    let folder = parent(path);
    let relative = match &site.root {
        Some(root) => folder.and_then(|f| f.strip_prefix(root).ok()),
        None => folder,
    };
    for c in relative.into_iter().flat_map(Path::components) {
        let std::path::Component::Normal(c) = c else {
            continue;
        };
        let c = c.to_string_lossy();
        if c == "_posts" {
            break;
        }
        out.push(c.into_owned());
    }
    // Jekyll unites the folders with `categories`, then adds `category`.
    for key in ["categories", "category"] {
        if let Some(e) = post.front_matter.get(key) {
            out.extend(words(&e.value, key == "categories"));
        }
    }
    out
}
