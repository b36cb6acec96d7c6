//! The workspace index: a summary of every post under the workspace root,
//! so that the whole-repository rules judge an open document against the
//! posts that are not open. Built on first need, in parallel; an open
//! document's summary replaces the one read from disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::{PathFilter, discover};
use crate::model::summary::PostSummary;
use crate::rules::Summarized;
use crate::runner;

pub struct Workspace {
    pub root: PathBuf,
    /// Every post's summary, by its path relative to the root.
    posts: Option<HashMap<String, PostSummary>>,
}

impl Workspace {
    pub fn new(root: PathBuf) -> Workspace {
        Workspace { root, posts: None }
    }

    /// The path of `path` as findings show it: relative to the root, when
    /// it is under the root.
    pub fn shown(&self, path: &Path) -> Option<String> {
        let relative = path.strip_prefix(&self.root).ok()?;
        Some(relative.to_string_lossy().into_owned())
    }

    /// Forget the index (a config file or the settings changed).
    pub fn clear(&mut self) {
        self.posts = None;
    }

    /// Read every post under the root, unless that is done. Files that
    /// cannot be read are left out, as the CLI would report them itself.
    fn ensure(&mut self, config: &Config) {
        if self.posts.is_some() {
            return;
        }
        let mut posts = HashMap::new();
        if let Ok(filter) = PathFilter::new(config)
            && let Ok(found) = discover(&[self.root.to_string_lossy().into_owned()], &filter, false)
        {
            let read: Vec<(String, PostSummary)> = found
                .files
                .par_iter()
                .filter_map(|file| {
                    let shown = self.shown(file)?;
                    let text = runner::read_post(file).ok()?;
                    let own = runner::config_for(config, &filter, file);
                    Some((shown, crate::summarize(file, &text, &own)))
                })
                .collect();
            posts.extend(read);
        }
        self.posts = Some(posts);
    }

    /// Record the summary of the post at `path` (an open document's current
    /// text, or the file read again); whether it differs from the one held.
    pub fn update(&mut self, path: &Path, summary: PostSummary, config: &Config) -> bool {
        let Some(shown) = self.shown(path) else {
            return false;
        };
        self.ensure(config);
        let posts = self.posts.get_or_insert_with(HashMap::new);
        posts.insert(shown, summary.clone()) != Some(summary)
    }

    /// Read the post at `path` from disk again (a document was closed,
    /// perhaps without saving); whether its summary changed.
    pub fn reread(&mut self, path: &Path, config: &Config) -> bool {
        let Some(shown) = self.shown(path) else {
            return false;
        };
        let Some(posts) = self.posts.as_mut() else {
            return false;
        };
        let new = runner::read_post(path)
            .ok()
            .map(|text| crate::summarize(path, &text, config));
        let old = match &new {
            Some(summary) => posts.insert(shown, summary.clone()),
            None => posts.remove(&shown),
        };
        old != new
    }

    /// The whole-repository findings of the post at `path`; related labels
    /// in other posts name them relative to the root.
    pub fn findings(&self, path: &Path, config: &Config) -> Vec<Diagnostic> {
        let (Some(shown), Some(posts)) = (self.shown(path), self.posts.as_ref()) else {
            return Vec::new();
        };
        let mut all: Vec<Summarized> = posts
            .iter()
            .map(|(path, summary)| Summarized { path, summary })
            .collect();
        all.sort_by(|a, b| {
            crate::repo::order_key(a.summary, a.path)
                .cmp(&crate::repo::order_key(b.summary, b.path))
        });
        let Some(index) = all.iter().position(|s| s.path == shown) else {
            return Vec::new();
        };
        crate::repo::check_repo(&all, config)
            .into_iter()
            .filter(|d| d.post == index)
            .map(|d| d.diagnostic)
            .collect()
    }
}
