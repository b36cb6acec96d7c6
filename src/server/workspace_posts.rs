//! The repository of the workspace folder: the engine's [`RepoIndex`] over
//! every post under the workspace root, so that the whole-repository rules judge an open
//! document against the posts that are not open. Built on first need, in
//! parallel; an open document's summary replaces the one read from disk.

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

pub struct Repo {
    pub root: PathBuf,
    /// Every post's summary, by its path relative to the root.
    index: Option<RepoIndex>,
}

impl Repo {
    pub fn new(root: PathBuf) -> Repo {
        Repo { root, index: None }
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
    }

    /// Read every post under the root, unless that is done. Files that
    /// cannot be read are left out, as the CLI would report them itself.
    fn ensure(&mut self, resolver: &Resolver) -> &mut RepoIndex {
        if self.index.is_none() {
            let mut index = RepoIndex::new(resolver.base().clone());
            let root = [self.root.to_string_lossy().into_owned()];
            if let Ok(found) = discover(&root, resolver.filter(), false, &|p: &std::path::Path| {
                crate::runner::read::is_page(resolver, p)
            }) {
                let read: Vec<(String, _, _)> = found
                    .files
                    .par_iter()
                    .filter_map(|file| {
                        let shown = self.shown(file)?;
                        let text = runner::read_post(file).ok()?;
                        let own = resolver.settings_for(file);
                        let summary = engine::check::summarize(file, &text, &own)?;
                        Some((shown, summary, own))
                    })
                    .collect();
                for (shown, summary, own) in read {
                    index.upsert(shown.as_str(), summary, own);
                }
                index.set_sites(Arc::new(runner::site_outputs::for_files(
                    resolver,
                    &found.files,
                )));
            }
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
        let Some(index) = self.index.as_mut() else {
            return false;
        };
        let own = resolver.settings_for(path);
        let new = runner::read_post(path)
            .ok()
            .and_then(|text| engine::check::summarize(path, &text, &own));
        match new {
            Some(summary) => index.upsert(shown.as_str(), summary, own),
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
        let root = [self.root.to_string_lossy().into_owned()];
        let Ok(found) = discover(&root, resolver.filter(), false, &|p: &std::path::Path| {
            crate::runner::read::is_page(resolver, p)
        }) else {
            return false;
        };
        let sites = runner::site_outputs::for_files(resolver, &found.files);
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
