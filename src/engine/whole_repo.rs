//! The whole-repository phase: an index of every post's summary, and the
//! whole-repository rules run over it in Jekyll's order.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::summary::compact::{PostSummary, Stamp};
use crate::model::summary::full::FullSummary;
use crate::model::summary::site_outputs::SiteOutputs;
use crate::rules::{self, RepoContext, RepoDiagnostic, Summarized};

/// The order the whole-repository rules take posts in: by date, as Jekyll
/// does (posts without one last), then by path.
fn order_key<'a>(summary: &PostSummary, path: &'a str) -> (bool, Option<Stamp>, &'a str) {
    (summary.date.is_none(), summary.date, path)
}

/// Where the index gets the full summaries of the few posts the rules are
/// about to report: made again from each post's text as it is now (the CLI
/// reads the file; the server takes the open document, else the file).
pub trait Reread {
    /// The full summary of each of `posts` (its path in the index, and the
    /// settings it was checked with), `None` when it cannot be read.
    fn full(&self, posts: &[(&str, &Config)]) -> Vec<Option<FullSummary>>;
}

/// One post of the index: its summary, and the settings it was checked
/// with, which decide whether a finding in it is kept (`per-file-ignores`).
struct Entry {
    /// Boxed, so that a summary the caller already holds in a box moves in
    /// without a copy, and the map stays small.
    summary: Arc<PostSummary>,
    config: Arc<Config>,
}

/// Every post's summary, by the path findings show, and the findings of
/// the whole-repository rules over them. The findings are computed when
/// first asked for and kept until a summary changes, so an index that is
/// updated one post at a time runs the rules again only after a change.
pub struct RepoIndex {
    /// The settings the rules run with (their options and severities).
    config: Arc<Config>,
    /// By path; a path the caller also keeps is shared, not copied.
    posts: HashMap<Arc<str>, Entry>,
    /// The findings of each post with any, by path; `None` when stale.
    findings: Option<HashMap<String, Vec<Diagnostic>>>,
    /// The posts that, read again to confirm findings, were no longer the
    /// ones summarised, when the findings were last computed.
    changed: Vec<String>,
    /// What each site's other files answer to, for the `link` rules.
    sites: Arc<Vec<SiteOutputs>>,
}

impl RepoIndex {
    /// An empty index whose rules run with `config`.
    pub fn new(config: Arc<Config>) -> RepoIndex {
        RepoIndex::with_capacity(config, 0)
    }

    /// [`RepoIndex::new`], with room for `posts` posts.
    pub fn with_capacity(config: Arc<Config>, posts: usize) -> RepoIndex {
        RepoIndex {
            config,
            posts: HashMap::with_capacity(posts),
            findings: None,
            changed: Vec::new(),
            sites: Arc::default(),
        }
    }

    /// How many posts the index holds.
    pub fn len(&self) -> usize {
        self.posts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.posts.is_empty()
    }

    /// The summary held for `path`.
    pub fn get(&self, path: &str) -> Option<&PostSummary> {
        self.posts.get(path).map(|e| &*e.summary)
    }

    /// Record the summary of the post at `path`, checked with `config`;
    /// whether the summary differs from the one held (and so whether other
    /// posts' findings may have changed: `config` decides only which of this
    /// post's own findings are kept).
    pub fn upsert(
        &mut self,
        path: impl Into<Arc<str>>,
        summary: impl Into<Arc<PostSummary>>,
        config: Arc<Config>,
    ) -> bool {
        let path: Arc<str> = path.into();
        let entry = Entry {
            summary: summary.into(),
            config,
        };
        let (changed, stale) = match self.posts.get_mut(&*path) {
            Some(held) => {
                let changed = held.summary != entry.summary;
                let stale = changed || !Arc::ptr_eq(&held.config, &entry.config);
                *held = entry;
                (changed, stale)
            }
            None => {
                self.posts.insert(path, entry);
                (true, true)
            }
        };
        if stale {
            self.findings = None;
        }
        changed
    }

    /// Set what the files of each site answer to beyond the posts and
    /// pages the index holds (see [`SiteOutputs`]).
    pub fn set_sites(&mut self, sites: Arc<Vec<SiteOutputs>>) {
        if *self.sites != *sites {
            self.findings = None;
        }
        self.sites = sites;
    }

    /// Each key (by its hash) a post or page of the index answers to, with
    /// its path in the index.
    pub fn providers(&self) -> impl Iterator<Item = (u64, &str)> {
        self.posts
            .iter()
            .flat_map(|(path, e)| e.summary.provides.iter().map(move |k| (*k, &**path)))
    }

    /// What the files of each site answer to, as last set.
    pub fn sites(&self) -> &Arc<Vec<SiteOutputs>> {
        &self.sites
    }

    /// Forget the post at `path`; whether the index held it.
    pub fn remove(&mut self, path: &str) -> bool {
        let held = self.posts.remove(path).is_some();
        if held {
            self.findings = None;
        }
        held
    }

    /// The whole-repository findings of the post at `path`, sorted by
    /// position. Related labels in other posts name them by their paths in
    /// the index. Posts the rules are about to report are read again through
    /// `reread`.
    pub fn findings_for(&mut self, path: &str, reread: &dyn Reread) -> &[Diagnostic] {
        self.compute(reread).get(path).map_or(&[], Vec::as_slice)
    }

    /// Every post with whole-repository findings, with them, in no
    /// particular order.
    pub fn findings(&mut self, reread: &dyn Reread) -> impl Iterator<Item = (&str, &[Diagnostic])> {
        self.compute(reread)
            .iter()
            .map(|(path, found)| (path.as_str(), found.as_slice()))
    }

    /// The posts that, read again when the findings were last computed,
    /// were no longer the ones summarised: their findings are left out.
    pub fn changed(&self) -> &[String] {
        &self.changed
    }

    fn compute(&mut self, reread: &dyn Reread) -> &HashMap<String, Vec<Diagnostic>> {
        if self.findings.is_none() {
            let (findings, changed) = self.run(reread);
            self.findings = Some(findings);
            self.changed = changed;
        }
        self.findings.as_ref().expect("just computed")
    }

    /// Run the enabled whole-repository rules over the posts in the order
    /// they are to be taken: by date, then path. The later post of a pair
    /// is the one reported.
    fn run(&self, reread: &dyn Reread) -> (HashMap<String, Vec<Diagnostic>>, Vec<String>) {
        let mut entries: Vec<(&Arc<str>, &Entry)> = self.posts.iter().collect();
        // Paths are unique, so the order is total and need not be stable.
        entries.sort_unstable_by(|a, b| {
            order_key(&a.1.summary, a.0).cmp(&order_key(&b.1.summary, b.0))
        });
        let posts: Vec<Summarized> = entries
            .iter()
            .map(|(path, entry)| Summarized {
                path,
                summary: &entry.summary,
            })
            .collect();
        // Each post is read again once, however many rules ask for it, and
        // kept only while it is still the post summarised.
        let read: RefCell<HashMap<usize, Option<FullSummary>>> = RefCell::default();
        let changed = RefCell::new(Vec::new());
        let full = |wanted: &[usize]| -> Vec<Option<FullSummary>> {
            let mut read = read.borrow_mut();
            let mut missing: Vec<usize> = (wanted.iter().copied())
                .filter(|i| !read.contains_key(i))
                .collect();
            missing.sort_unstable();
            missing.dedup();
            let asked: Vec<(&str, &Config)> = (missing.iter())
                .map(|&i| (&**entries[i].0, &*entries[i].1.config))
                .collect();
            let found = if asked.is_empty() {
                Vec::new()
            } else {
                reread.full(&asked)
            };
            for (&i, full) in missing.iter().zip(found) {
                let held = &*entries[i].1.summary;
                let full = full.filter(|f| {
                    let same = f.compact() == *held;
                    if !same {
                        changed.borrow_mut().push(entries[i].0.to_string());
                    }
                    same
                });
                read.insert(i, full);
            }
            wanted
                .iter()
                .map(|i| read.get(i).cloned().flatten())
                .collect()
        };
        let mut out: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for d in check_repo(&posts, &self.config, &full, &self.sites) {
            let (path, entry) = entries[d.post];
            let on = rules::find(d.diagnostic.rule)
                .is_some_and(|(r, _)| entry.config.level(r).is_some());
            if on {
                out.entry(path.to_string()).or_default().push(d.diagnostic);
            }
        }
        (out, changed.into_inner())
    }
}

/// Run the enabled whole-repository rules over `posts`, taken in the order
/// given. Findings come back in post order, then by position, with their
/// severities set and the posts' suppressions applied.
fn check_repo(
    posts: &[Summarized],
    config: &Config,
    full: &dyn Fn(&[usize]) -> Vec<Option<FullSummary>>,
    sites: &[SiteOutputs],
) -> Vec<RepoDiagnostic> {
    let ctx = RepoContext {
        posts,
        settings: &config.settings,
        full,
        sites,
    };
    let mut out = rules::run_repo(&ctx, |i| config.level(i));
    out.retain(|d| !suppressed(posts[d.post].summary, &d.diagnostic));
    out.sort_by(|a, b| {
        let key = |d: &RepoDiagnostic| (d.post, d.diagnostic.span.start, d.diagnostic.rule);
        key(a).cmp(&key(b))
    });
    out
}

fn suppressed(summary: &PostSummary, d: &Diagnostic) -> bool {
    let family = rules::find(d.rule).map_or("", |(_, r)| r.meta().family.as_str());
    summary.suppressions.iter().any(|s| {
        let region = s.region.range();
        crate::model::suppress::covers(s.name.as_deref(), &region, d.rule, family, d.span.start)
    })
}

/// Check a set of posts held in memory, both phases: each post's own rules,
/// then the whole-repository rules across them. The result has one list per
/// post, in the order given, sorted by position. Paths are shown as given.
/// Settings are used as they are: no per-file ignores, no site is looked up.
pub fn check_all(posts: &[(&str, &str)], config: &Config) -> Vec<Vec<Diagnostic>> {
    check_all_in(posts, config, Vec::new())
}

/// [`check_all`] within sites whose other files answer to `sites`.
pub fn check_all_in(
    posts: &[(&str, &str)],
    config: &Config,
    sites: Vec<SiteOutputs>,
) -> Vec<Vec<Diagnostic>> {
    let shared = Arc::new(config.clone());
    let mut index = RepoIndex::new(shared.clone());
    index.set_sites(Arc::new(sites));
    let mut found = Vec::with_capacity(posts.len());
    for (path, text) in posts {
        let checked = super::check::check(std::path::Path::new(path), text, config);
        found.push(checked.diagnostics);
        index.upsert(*path, checked.summary.unwrap_or_default(), shared.clone());
    }
    let reread = InMemory(posts.iter().copied().collect());
    for ((path, _), list) in posts.iter().zip(&mut found) {
        let more = index.findings_for(path, &reread);
        if !more.is_empty() {
            list.extend(more.iter().cloned());
            super::check::sort(list);
        }
    }
    found
}

/// Posts held in memory, summarised again from their text.
struct InMemory<'a>(HashMap<&'a str, &'a str>);

impl Reread for InMemory<'_> {
    fn full(&self, posts: &[(&str, &Config)]) -> Vec<Option<FullSummary>> {
        posts
            .iter()
            .map(|&(path, config)| {
                let text = self.0.get(path)?;
                super::check::summarize_full(std::path::Path::new(path), text, config)
            })
            .collect()
    }
}
