//! What a site's files answer to beyond what its checked posts and pages
//! say of themselves: every file of its source (for `{% link %}` and
//! `{% include %}`), its layouts, the output of each static file and
//! page, and the files the plugins it names make.

use foldhash::{HashMap, HashMapExt};

use super::links::{
    GITHUB_PAGES_PLUGINS, file_key, layout_key, output_key, served_by, site_key, top_key,
};
use crate::model::jekyll::site::Site;

/// One file of a site's source, as Jekyll reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Below the site's folder, with `/` between parts.
    pub rel: String,
    /// Its URL and output file (below the destination folder), when
    /// Jekyll writes it.
    pub output: Option<(String, String)>,
}

/// The keys a site's files answer to, hashed, and what the `link` rules
/// need to judge and explain a link into it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteOutputs {
    /// The site's part of every key (see [`site_key`]).
    pub site: String,
    /// The hash of each key the site's files answer to, with the index in
    /// [`SiteOutputs::files`] of the file that answers (`None` for a file
    /// a plugin makes).
    pub keys: HashMap<u64, Option<u32>>,
    /// The URLs of its pages and static files, for suggestions.
    pub urls: Vec<String>,
    /// Every file of its source, below its folder, for suggestions.
    pub files: Vec<String>,
    /// A plugin that makes files postlint cannot know of: links into the
    /// site are not judged.
    pub unknown_plugin: Option<String>,
    /// Paths (below the `baseurl`) under which plugins make pages whose
    /// names postlint does not work out: links there are not judged.
    pub unjudged: Vec<String>,
    /// Whether a plugin makes a page per year (`/2020/`), so that links to
    /// a year's folder are not judged.
    pub year_pages: bool,
    /// Whether the site is a GitHub Pages user or organisation site
    /// (`<owner>.github.io`), below whose address GitHub Pages serves each
    /// of the owner's other repositories' sites, at `/<repository>/`: a
    /// link into a first folder the site itself has nothing in may be to
    /// one of them, and is not judged.
    pub project_sites: bool,
    /// The ids the site's layouts and includes give the pages they render
    /// (`comments`, `disqus_thread`): fragments naming one are not judged.
    pub layout_ids: Vec<String>,
}

/// Plugins that make no file a link can point at.
const NO_FILES: &[&str] = &[
    "jekyll-seo-tag",
    "jemoji",
    "jekyll-gist",
    "jekyll-include-cache",
    "jekyll-target-blank",
    "jekyll-twitter-plugin",
    "jekyll-email-protect",
    "jekyll-mentions",
    "jekyll-github-metadata",
    "jekyll-avatar",
    "jekyll-titles-from-headings",
    "jekyll-default-layout",
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-commonmark",
    "jekyll-katex",
    "jekyll-spaceship",
    "jekyll-toc",
    "jekyll-compose",
    "jekyll-last-modified-at",
    "jekyll-timeago",
    "jekyll-responsive-image",
    "jekyll-admin",
    "kramdown-parser-gfm",
    // Jekyll itself and the gems it runs on, often listed among plugins.
    "jekyll",
    "kramdown",
    "rouge",
    "webrick",
    "jekyll-sass-converter",
    "jekyll-watch",
];

/// The keys of `site`'s `files`, with `posts` posts (for pagination), and
/// whether its `_plugins` hold a generator (which makes pages postlint
/// cannot know of).
pub fn site_outputs(
    site: &Site,
    files: &[SourceFile],
    posts: usize,
    generator: bool,
) -> SiteOutputs {
    let key = site_key(site);
    let mut out = SiteOutputs {
        keys: HashMap::with_capacity(files.len() * 2),
        ..SiteOutputs::default()
    };
    for (i, f) in files.iter().enumerate() {
        let i = u32::try_from(i).ok();
        out.keys.insert(file_key(&key, &f.rel), i);
        if let Some(rest) = f.rel.strip_prefix("_layouts/") {
            let name = rest.rsplit_once('.').map_or(rest, |(stem, _)| stem);
            out.keys.insert(layout_key(&key, name), i);
        }
        if let Some((url, dest)) = &f.output {
            out.keys.insert(output_key(&key, dest), i);
            out.keys.entry(top_key(&key, dest)).or_insert(i);
            out.urls.push(url.clone());
        }
    }
    let mut made = |dest: &str| {
        out.keys.entry(output_key(&key, dest)).or_insert(None);
        out.keys.entry(top_key(&key, dest)).or_insert(None);
    };
    // GitHub Pages' gem loads its own set.
    let plugins = site.plugins.iter().flat_map(|p| match p.as_str() {
        "github-pages" => GITHUB_PAGES_PLUGINS.to_vec(),
        p => vec![p],
    });
    for plugin in plugins {
        match plugin {
            "jekyll-feed" => made("feed.xml"),
            "jekyll-sitemap" => {
                made("sitemap.xml");
                made("robots.txt");
            }
            "jekyll-paginate" => {
                let per_page = site.paginate.unwrap_or(0).max(1);
                let pages = posts.div_ceil(per_page);
                let template = site.paginate_path.as_deref().unwrap_or("/page:num/");
                for n in 2..=pages.max(1) {
                    let path = template.replace(":num", &n.to_string());
                    for dest in served_by(&path) {
                        made(&dest);
                    }
                }
            }
            "jekyll-archives" => {
                for prefix in ["/tag/", "/tags/", "/category/", "/categories/"] {
                    out.unjudged.push(prefix.to_string());
                }
                out.year_pages = true;
            }
            "jekyll-redirect-from" => made("redirects.json"),
            // What these make is worked out from the files themselves.
            "jekyll-polyglot"
            | "jekyll-optional-front-matter"
            | "jekyll-readme-index"
            | "jekyll-relative-links" => {}
            p if NO_FILES.contains(&p) => {}
            p => {
                if out.unknown_plugin.is_none() {
                    out.unknown_plugin = Some(p.to_string());
                }
            }
        }
    }
    // A theme gem copies its own `assets/` into the site.
    if site.theme.is_some() {
        out.unjudged.push("/assets/".to_string());
    }
    if generator && out.unknown_plugin.is_none() {
        out.unknown_plugin = Some("a generator in `_plugins`".to_string());
    }
    out.files = files.iter().map(|f| f.rel.clone()).collect();
    out.site = key;
    out.urls.sort();
    out.urls.dedup();
    out
}

impl SiteOutputs {
    /// Whether a file of the site answers to the key `hash`, and which
    /// (its path below the site's folder; `None` for a file a plugin
    /// makes).
    pub fn answer(&self, hash: u64) -> Option<Option<&str>> {
        let i = self.keys.get(&hash)?;
        Some(
            i.and_then(|i| self.files.get(i as usize))
                .map(String::as_str),
        )
    }

    /// Whether a link to `path` (below the `baseurl`) is judged: no plugin
    /// may make a file there that postlint does not know of.
    pub fn judges(&self, path: &str) -> bool {
        if self.unknown_plugin.is_some() {
            return false;
        }
        if self.unjudged.iter().any(|p| path.starts_with(p.as_str())) {
            return false;
        }
        let year = path
            .strip_prefix('/')
            .and_then(|p| p.get(..4))
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
        !(self.year_pages && year)
    }
}
