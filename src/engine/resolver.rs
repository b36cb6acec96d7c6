//! Settings per file: the configuration, with `per-file-ignores` applied and
//! the settings of the Jekyll site (`_config.yml`) the file belongs to,
//! resolved once and shared. The files that say what a site is are read by
//! the caller, through the [`SiteFiles`] it hands in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::Config;
use crate::discover::PathFilter;
use crate::model::jekyll::path::lexical;
use crate::model::jekyll::site::Kind;
use crate::model::jekyll::site_files::Listing;
use crate::site_loader::{Site, SiteError, Verdict};

/// What the files around a post say about its site, read for a
/// [`Resolver`] by its caller: the engine reads no file.
pub trait SiteFiles: Send + Sync {
    /// The site of the folder `dir`: the nearest `_config.yml` in it or
    /// above, read; warnings go to `problems`, and an error is a file
    /// Jekyll refuses.
    fn site(&self, dir: &Path, problems: &mut Vec<SiteError>) -> Result<Site, SiteError>;

    /// The kind of site the posts beside the post at `path` are written
    /// for, from a sample of them, with `source_keys` the keys that hold a
    /// post's source URL.
    fn kind(&self, path: &Path, source_keys: &[String]) -> Verdict;

    /// Every file of the site whose folder is `root`, as Jekyll's walk of
    /// it finds them (see [`Listing`]), `site` its settings.
    fn listing(&self, root: &Path, site: &Site) -> Listing;
}

/// What a file's settings depend on beyond the base: its site's folder,
/// and the rules `per-file-ignores` turns off for it.
type SettingsKey = (Option<PathBuf>, Option<Kind>, Vec<String>, bool);

/// Gives each file its settings. Files of one site with the same ignored
/// rules share one [`Arc<Config>`]; each folder's `_config.yml` is looked
/// for once, until [`Resolver::forget_sites`].
pub struct Resolver {
    base: Arc<Config>,
    filter: PathFilter,
    /// Where the sites are read.
    files: Box<dyn SiteFiles>,
    /// The site of each folder looked at, by folder.
    sites: Mutex<HashMap<PathBuf, Arc<Site>>>,
    /// Resolved settings, by the site's folder and the ignored rules.
    resolved: Mutex<HashMap<SettingsKey, Arc<Config>>>,
    /// Problems of the `_config.yml` files read, each once.
    errors: Mutex<Vec<SiteError>>,
    /// The files of each site listed so far, by the site's folder.
    listings: Mutex<HashMap<PathBuf, Arc<Listing>>>,
    /// The folder last asked about and its settings, when no
    /// `per-file-ignores` can tell its files apart: the posts of a run
    /// come folder by folder.
    last: Mutex<Option<(PathBuf, bool, Arc<Config>)>>,
}

impl Resolver {
    /// A resolver for `config`, whose path globs are compiled here, that
    /// learns each site from `files`.
    pub fn new(config: Config, files: impl SiteFiles + 'static) -> Result<Resolver, String> {
        let filter = PathFilter::new(&config)?;
        Ok(Resolver {
            base: Arc::new(config),
            filter,
            files: Box::new(files),
            sites: Mutex::default(),
            resolved: Mutex::default(),
            errors: Mutex::default(),
            listings: Mutex::default(),
            last: Mutex::default(),
        })
    }

    /// A resolver that matches no glob: every file gets `config` with its
    /// site, and no `per-file-ignores`. For settings whose globs do not
    /// compile, which [`Config::load`] already refuses.
    pub fn without_globs(config: Config, files: impl SiteFiles + 'static) -> Resolver {
        Resolver {
            filter: PathFilter::empty(),
            files: Box::new(files),
            base: Arc::new(config),
            sites: Mutex::default(),
            resolved: Mutex::default(),
            errors: Mutex::default(),
            listings: Mutex::default(),
            last: Mutex::default(),
        }
    }

    /// The configuration every file starts from.
    pub fn base(&self) -> &Arc<Config> {
        &self.base
    }

    /// The compiled `include`, `exclude` and `per-file-ignores` globs.
    pub fn filter(&self) -> &PathFilter {
        &self.filter
    }

    /// The settings of the file at `path` (which need not exist).
    pub fn settings_for(&self, path: &Path) -> Arc<Config> {
        let by_folder = !self.filter.has_ignores();
        // The folder's bytes, found without taking the path apart when it
        // is written plainly (post names are long).
        let dir_bytes = crate::model::jekyll::path::parent_bytes(path).unwrap_or_else(|| {
            (path.parent().unwrap_or(Path::new("")))
                .as_os_str()
                .as_encoded_bytes()
        });
        // A post's folder holds no page: the page test is not made for the
        // posts of a run, which come folder by folder.
        let maybe_page = !crate::model::jekyll::path::in_posts(path)
            && !crate::model::jekyll::path::in_drafts(path);
        let page = maybe_page && self.is_page(path);
        if by_folder
            && let Some((last, was_page, config)) =
                &*self.last.lock().unwrap_or_else(|e| e.into_inner())
            && *was_page == page
            && last.as_os_str().as_encoded_bytes() == dir_bytes
        {
            return config.clone();
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        let config = self.resolve(path, page);
        if by_folder {
            *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((dir.to_path_buf(), page, config.clone()));
        }
        config
    }

    /// Whether the file at `path` is checked as a page of its site (or a
    /// document of one of its collections) rather than as a post: it is not
    /// one of the files `include` names as posts, and Jekyll renders it as
    /// a page or a document that it writes out.
    pub fn is_page(&self, path: &Path) -> bool {
        if self.filter.is_post(path) {
            return false;
        }
        let site = self.site_of(path);
        let Some(root) = &site.root else {
            return false;
        };
        let Some(rel) = site_relative(path, root) else {
            return false;
        };
        matches!(
            crate::model::jekyll::site_files::classify(&rel, true, &site),
            crate::model::jekyll::site_files::FileKind::Page
                | crate::model::jekyll::site_files::FileKind::Document { output: true, .. }
        )
    }

    fn resolve(&self, path: &Path, page: bool) -> Arc<Config> {
        let ignored: Vec<String> = self
            .filter
            .ignored(path)
            .into_iter()
            .map(str::to_string)
            .collect();
        let site = self.site_of(path);
        if ignored.is_empty() && *site == Site::default() && !page {
            return self.base.clone();
        }
        let key = (site.root.clone(), site.kind, ignored, page);
        let mut resolved = self.resolved.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(config) = resolved.get(&key) {
            return config.clone();
        }
        let mut own = Config::clone(&self.base);
        own.site = Site::clone(&site);
        own.page = page;
        for name in &key.2 {
            own.set(name, None);
        }
        let own = Arc::new(own);
        resolved.insert(key, own.clone());
        own
    }

    /// The problems of the `_config.yml` files read so far, each once,
    /// taken out of the resolver: errors where Jekyll refuses the file
    /// (whose posts were checked with the defaults), and warnings.
    pub fn take_site_errors(&self) -> Vec<SiteError> {
        std::mem::take(&mut *self.errors.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The site of the post at `path` as its checks see it: its
    /// `_config.yml` settings and the kind of site, with the reason.
    pub fn site_for(&self, path: &Path) -> Arc<Site> {
        self.site_of(path)
    }

    /// Every file of the site whose folder is `root` (the folder of its
    /// `_config.yml`), with its settings, listed once until
    /// [`Resolver::forget_sites`].
    pub fn listing(&self, root: &Path) -> Arc<Listing> {
        if let Some(listing) = self
            .listings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(root)
        {
            return listing.clone();
        }
        let site = self.site_of(&root.join("_config.yml"));
        let listing = Arc::new(self.files.listing(root, &site));
        self.listings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(root.to_path_buf(), listing.clone());
        listing
    }

    /// Forget every site read so far (a `_config.yml` changed).
    pub fn forget_sites(&self) {
        self.listings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.sites.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.resolved
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// The site of the post at `path`: the nearest `_config.yml` in its
    /// folder or above.
    fn site_of(&self, path: &Path) -> Arc<Site> {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        if let Some(site) = self
            .sites
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&dir)
        {
            return site.clone();
        }
        let mut problems = Vec::new();
        let mut site = match self.files.site(&dir, &mut problems) {
            Ok(site) => site,
            Err(e) => {
                problems.push(e);
                Site::default()
            }
        };
        if !problems.is_empty() {
            let mut errors = self.errors.lock().unwrap_or_else(|e| e.into_inner());
            for e in problems {
                if !errors
                    .iter()
                    .any(|known| known.path() == e.path() && known.message() == e.message())
                {
                    errors.push(e);
                }
            }
        }
        // The kind: `profile` in postlint.toml, else a sample of the posts
        // beside this one.
        (site.kind, site.kind_set, site.kind_reason) = match self.base.profile {
            Some(kind) => (
                Some(kind),
                true,
                "set by `profile` in postlint.toml".to_string(),
            ),
            None => {
                let verdict = self.files.kind(path, &self.base.settings.source.keys);
                let mut reason = verdict.reason;
                if let (true, Some(kind)) = (verdict.close, verdict.kind) {
                    reason.push_str(&format!(
                        "; a close verdict, so pin it with `profile = \"{}\"` in postlint.toml",
                        kind.as_str()
                    ));
                }
                (verdict.kind, false, reason)
            }
        };
        let site = Arc::new(site);
        self.sites
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir, site.clone());
        site
    }
}

/// `path` relative to the site's folder `root`, with `/` between its parts;
/// `None` when it is not below it.
fn site_relative(path: &Path, root: &Path) -> Option<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| lexical(&cwd.join(p));
    let rel = absolute(path);
    let rel = rel.strip_prefix(absolute(root)).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}
