//! The repository of the workspace folder: the engine's [`RepoIndex`] over
//! every post under the workspace root, so that the whole-repository rules judge an open
//! document against the posts that are not open. Built on first need, in
//! parallel (for a workspace of more than [`BUILD_LATER`] files, when the
//! server is idle, after the document's own findings are out); an open
//! document's summary replaces the one read from disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::discover;
use crate::engine::{self, RepoIndex, Reread, Resolver};
use crate::model::summary::compact::PostSummary;
use crate::model::summary::full::FullSummary;
use crate::runner;

/// A workspace with more files than this has its index built when the
/// server is idle, so that an open document's own findings need not wait
/// for it.
pub const BUILD_LATER: usize = 1000;

pub struct Repo {
    pub root: PathBuf,
    /// Every post's summary, by its path relative to the root.
    index: Option<RepoIndex>,
    /// The files found under the root, kept from the walk that counted them
    /// until the index is built from them.
    found: Option<Vec<PathBuf>>,
    /// Each post's own findings, by its path relative to the root, when
    /// they are kept (for a client that pulls the workspace's
    /// diagnostics): only the posts with any, as read from disk.
    own: Option<HashMap<String, Vec<Diagnostic>>>,
}

impl Repo {
    pub fn new(root: PathBuf) -> Repo {
        Repo {
            root,
            index: None,
            found: None,
            own: None,
        }
    }

    /// Keep each post's own findings too, from the reads that summarise it.
    pub fn keep_own_findings(&mut self) {
        self.own.get_or_insert_with(HashMap::new);
    }

    pub fn is_built(&self) -> bool {
        self.index.is_some()
    }

    /// Whether building the index would read more than [`BUILD_LATER`]
    /// files; the walk is kept for the build.
    pub fn is_large(&mut self, resolver: &Resolver) -> bool {
        if self.index.is_some() {
            return false;
        }
        let files = self.found.get_or_insert_with(|| walk(&self.root, resolver));
        files.len() > BUILD_LATER
    }

    /// The path of `path` as findings show it: relative to the root, when
    /// it is under the root.
    pub fn shown(&self, path: &Path) -> Option<String> {
        let relative = path.strip_prefix(&self.root).ok()?;
        Some(relative.to_string_lossy().into_owned())
    }

    /// Forget the index (a config file or the settings changed).
    pub fn clear(&mut self) {
        self.index = None;
        self.found = None;
        if let Some(own) = &mut self.own {
            own.clear();
        }
    }

    /// A post's summary, and its own findings when they are kept; `None`
    /// when it cannot be read.
    fn read(&self, path: &Path, config: &Config) -> Option<(Option<PostSummary>, Vec<Diagnostic>)> {
        let text = runner::read_post(path).ok()?;
        if self.own.is_none() {
            return Some((engine::check::summarize(path, &text, config), Vec::new()));
        }
        let checked = engine::check(path, &text, config);
        Some((checked.summary, checked.diagnostics))
    }

    /// Read every post under the root, unless that is done. Files that
    /// cannot be read are left out, as the CLI would report them itself.
    pub fn ensure(&mut self, resolver: &Resolver) -> &mut RepoIndex {
        if self.index.is_none() {
            let files = self
                .found
                .take()
                .unwrap_or_else(|| walk(&self.root, resolver));
            let mut index = RepoIndex::with_capacity(resolver.base().clone(), files.len());
            let read: Vec<(String, _, _, _)> = files
                .par_iter()
                .filter_map(|file| {
                    let shown = self.shown(file)?;
                    let config = resolver.settings_for(file);
                    let (summary, found) = self.read(file, &config)?;
                    Some((shown, summary, found, config))
                })
                .collect();
            for (shown, summary, found, config) in read {
                if let Some(summary) = summary {
                    index.upsert(shown.as_str(), summary, config);
                }
                if let (Some(own), false) = (&mut self.own, found.is_empty()) {
                    own.insert(shown, found);
                }
            }
            index.set_sites(Arc::new(runner::site_outputs::for_files(resolver, &files)));
            self.index = Some(index);
        }
        self.index.as_mut().expect("just built")
    }

    /// Record the summary of the post at `path` (an open document's current
    /// text), checked with `config`; whether it differs from the one held.
    pub fn update(
        &mut self,
        path: &Path,
        summary: PostSummary,
        config: Arc<Config>,
        resolver: &Resolver,
    ) -> bool {
        let Some(shown) = self.shown(path) else {
            return false;
        };
        self.ensure(resolver)
            .upsert(shown.as_str(), summary, config)
    }

    /// Read the post at `path` from disk again (a document was closed,
    /// perhaps without saving, or the file changed); whether its summary
    /// changed.
    pub fn reread(&mut self, path: &Path, resolver: &Resolver) -> bool {
        let Some(shown) = self.shown(path) else {
            return false;
        };
        if self.index.is_none() {
            return false;
        }
        let config = resolver.settings_for(path);
        let (summary, found) = self.read(path, &config).unwrap_or_default();
        if let Some(own) = &mut self.own {
            match found.is_empty() {
                true => own.remove(&shown),
                false => own.insert(shown.clone(), found),
            };
        }
        let index = self.index.as_mut().expect("checked above");
        match summary {
            Some(summary) => index.upsert(shown.as_str(), summary, config),
            None => index.remove(&shown),
        }
    }

    /// The site graph of the site at `root` as the index holds it: what its
    /// files answer to (`None` when its links are not judged), and its
    /// posts' keys, each with the post's absolute path.
    pub fn graph(
        &mut self,
        resolver: &Resolver,
        root: &Path,
    ) -> (
        Option<crate::model::summary::site_outputs::SiteOutputs>,
        foldhash::HashMap<u64, String>,
    ) {
        let ws_root = self.root.clone();
        let index = self.ensure(resolver);
        let key = root.to_string_lossy();
        let outputs = index.sites().iter().find(|s| s.site == key).cloned();
        let posts = index
            .providers()
            .map(|(k, p)| (k, ws_root.join(p).to_string_lossy().into_owned()))
            .collect();
        (outputs, posts)
    }

    /// Walk the sites again (a file was created or deleted): what their
    /// files answer to may have changed. Whether it did.
    pub fn refresh_sites(&mut self, resolver: &Resolver) -> bool {
        let Some(index) = self.index.as_mut() else {
            return false;
        };
        let sites = runner::site_outputs::for_files(resolver, &walk(&self.root, resolver));
        let changed = **index.sites() != sites;
        index.set_sites(Arc::new(sites));
        changed
    }

    /// The whole-repository findings of the post at `path`; related labels
    /// in other posts name them relative to the root. The posts a finding
    /// is to be in or point at are read again: the text of the open
    /// document at a path, by `open`, else the file's.
    pub fn findings(
        &mut self,
        path: &Path,
        open: &dyn Fn(&Path) -> Option<String>,
    ) -> Vec<Diagnostic> {
        let (Some(shown), Some(index)) = (self.shown(path), self.index.as_mut()) else {
            return Vec::new();
        };
        let reread = Texts {
            root: &self.root,
            open,
        };
        index.findings_for(&shown, &reread).to_vec()
    }

    /// Every post under the root with findings, with them, sorted: its
    /// whole-repository ones (see [`Repo::findings`]) and the own ones
    /// kept. Nothing while the index is not built.
    pub fn all_findings(
        &mut self,
        open: &dyn Fn(&Path) -> Option<String>,
    ) -> Vec<(PathBuf, Vec<Diagnostic>)> {
        let Some(index) = self.index.as_mut() else {
            return Vec::new();
        };
        let reread = Texts {
            root: &self.root,
            open,
        };
        let mut all: HashMap<&str, Vec<Diagnostic>> = HashMap::new();
        for (shown, found) in self.own.iter().flatten() {
            all.insert(shown, found.clone());
        }
        for (shown, found) in index.findings(&reread) {
            let list = all.entry(shown).or_default();
            list.extend(found.iter().cloned());
            engine::check::sort(list);
        }
        all.into_iter()
            .map(|(shown, found)| (self.root.join(shown), found))
            .collect()
    }
}

/// The posts and pages under `root`; none when it cannot be walked.
fn walk(root: &Path, resolver: &Resolver) -> Vec<PathBuf> {
    let root = [root.to_string_lossy().into_owned()];
    discover(&root, resolver.filter(), false, &|p: &Path| {
        runner::read::is_page(resolver, p)
    })
    .map(|found| found.files)
    .unwrap_or_default()
}

/// The posts under the root as they are now: open documents as edited,
/// the others as on disk.
struct Texts<'a> {
    root: &'a Path,
    open: &'a dyn Fn(&Path) -> Option<String>,
}

impl Reread for Texts<'_> {
    fn full(&self, posts: &[(&str, &Config)]) -> Vec<Option<FullSummary>> {
        posts
            .iter()
            .map(|&(shown, config)| {
                let path = self.root.join(shown);
                let text = (self.open)(&path).or_else(|| runner::read_post(&path).ok())?;
                engine::check::summarize_full(&path, &text, config)
            })
            .collect()
    }
}
