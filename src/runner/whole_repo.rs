//! The whole-repository phase of a run: the engine's [`RepoIndex`] over the
//! checked files' summaries, its findings placed by reading again only the
//! few files they name.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use foldhash::HashMap;
use rayon::prelude::*;

use crate::cache::Cache;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, RepoIndex, Reread, Resolver};
use crate::model::summary::compact::PostSummary;
use crate::model::summary::full::FullSummary;
use crate::model::summary::site_outputs::SiteOutputs;
use crate::report::Finding;
use crate::report::line_index::LineIndex;

/// New findings for some of `reports` (by index), and the files that could
/// not be read again, with why.
pub struct RepoFindings {
    pub findings: Vec<(usize, Vec<Finding>)>,
    pub errors: Vec<String>,
}

/// Run the whole-repository rules over the files `paths` with the
/// summaries `summaries` (one each, `None` for a file not summarised),
/// which move into the index. Each file's own settings (`per-file-ignores`)
/// decide whether its findings stay. Findings are by index into `paths`.
pub fn run(
    paths: &[PathBuf],
    summaries: Vec<Option<Arc<PostSummary>>>,
    resolver: &Resolver,
    sites: Arc<Vec<SiteOutputs>>,
) -> RepoFindings {
    if summaries.iter().all(Option::is_none) {
        return RepoFindings {
            findings: Vec::new(),
            errors: Vec::new(),
        };
    }
    let shown: Vec<Arc<str>> = paths
        .par_iter()
        .map(|p| Arc::from(super::display_path(p)))
        .collect();
    let summarised = summaries.iter().filter(|s| s.is_some()).count();
    let mut index = RepoIndex::with_capacity(resolver.base().clone(), summarised);
    index.set_sites(sites);
    for (i, summary) in summaries.into_iter().enumerate() {
        if let Some(summary) = summary {
            index.upsert(shown[i].clone(), summary, resolver.settings_for(&paths[i]));
        }
    }
    let index_of: HashMap<&str, usize> = shown.iter().enumerate().map(|(i, s)| (&**s, i)).collect();
    // The rules read again, in parallel, every file a finding is to be in
    // or point at, to confirm it on the real strings; their texts are kept
    // to place the findings.
    let reread = Files {
        paths,
        index_of: &index_of,
        texts: Mutex::default(),
        errors: Mutex::default(),
    };
    let by_file: BTreeMap<usize, Vec<Diagnostic>> = index
        .findings(&reread)
        .filter_map(|(path, found)| Some((*index_of.get(path)?, found.to_vec())))
        .collect();
    let mut errors = reread.errors.into_inner().expect("no panics");
    errors.extend(index.changed().iter().filter_map(|shown| {
        let i = *index_of.get(shown.as_str())?;
        Some((
            i,
            format!("{shown}: the file changed while postlint was checking it; check again"),
        ))
    }));
    errors.sort();
    let errors = errors.into_iter().map(|(_, e)| e).collect();
    let texts = reread.texts.into_inner().expect("no panics");

    let indexes: HashMap<usize, LineIndex> =
        texts.iter().map(|(&i, t)| (i, LineIndex::new(t))).collect();
    let mut findings = Vec::new();
    for (i, diagnostics) in by_file {
        let (Some(text), Some(index)) = (texts.get(&i), indexes.get(&i)) else {
            continue;
        };
        let mut placed = Vec::with_capacity(diagnostics.len());
        for d in diagnostics {
            let mut finding = Finding::new(&shown[i], text, index, d);
            finding.place_elsewhere(|other| {
                let j = index_of.get(other)?;
                Some((texts.get(j)?.as_str(), indexes.get(j)?))
            });
            placed.push(finding);
        }
        findings.push((i, placed));
    }
    RepoFindings { findings, errors }
}

/// The whole-repository phase of a run given the paths `named`, after
/// its files `paths` were checked to the summaries `summaries`: with a
/// partial run's rest of the project ([`super::partial`]), its findings
/// read back from the cache when no post and no setting changed, else
/// made and kept there. The cache is saved on the way.
pub fn phase(
    named: &[String],
    mut paths: Vec<PathBuf>,
    mut summaries: Vec<Option<Arc<PostSummary>>>,
    resolver: &Resolver,
    cache: Option<Cache>,
) -> Phase {
    let given = paths.len();
    let rest = super::partial::rest_of_project(named, &paths, resolver, cache.as_ref());
    if let Some(cache) = &cache
        && rest.complete
    {
        cache.covered_everything();
    }
    paths.extend(rest.paths);
    summaries.extend(rest.summaries);
    let mut warnings = Vec::new();
    // When no post and no setting changed since the last run, neither did
    // the whole-repository findings: they are read back, not made again.
    // The sites' other files (static files, pages, layouts) change the
    // findings as the posts do.
    let sites = Arc::new(super::site_outputs::for_files(resolver, &paths));
    let memo = cache
        .as_ref()
        .filter(|_| summaries.iter().any(Option::is_some))
        .and_then(|c| {
            c.repo_memo(
                super::site_outputs::fingerprint(&sites),
                paths.iter().map(|p| super::display_path(p)),
            )
        });
    if let Some(cache) = cache {
        let dir = crate::cache::dir(resolver.base());
        if let Err(e) = cache.save() {
            warnings.push(format!(
                "cannot write the cache in `{}`: {e}; the next run checks every post again",
                dir.display()
            ));
        }
    }
    let more = match memo.as_ref().and_then(|m| m.load()) {
        Some(findings) => RepoFindings {
            findings,
            errors: Vec::new(),
        },
        None => {
            let more = run(&paths, summaries, resolver, sites);
            // Findings made while a post changed under the run are not kept.
            if let Some(memo) = &memo
                && more.errors.is_empty()
                && let Err(e) = memo.store(&more.findings)
            {
                warnings.push(format!(
                    "cannot write the cache: {e}; the next run makes the whole-repository findings again"
                ));
            }
            more
        }
    };
    let findings = super::partial::involving_given(more.findings, &paths, given);
    Phase {
        paths,
        given,
        findings,
        errors: more.errors,
        warnings,
    }
}

/// What the whole-repository phase of a run found.
pub struct Phase {
    /// The files checked, then the rest of the project's posts.
    pub paths: Vec<PathBuf>,
    /// How many of `paths` the run was given.
    pub given: usize,
    /// By index into `paths`: in a file of the rest, only what involves a
    /// file given.
    pub findings: Vec<(usize, Vec<Finding>)>,
    /// The files that could not be read again, with why.
    pub errors: Vec<String>,
    /// What the cache could not keep, for the next run to make again.
    pub warnings: Vec<String>,
}

/// The checked files, read again for the index: each text kept by report
/// index, each file that cannot be read with why.
struct Files<'a> {
    paths: &'a [PathBuf],
    index_of: &'a HashMap<&'a str, usize>,
    texts: Mutex<HashMap<usize, String>>,
    errors: Mutex<Vec<(usize, String)>>,
}

impl Reread for Files<'_> {
    fn full(&self, posts: &[(&str, &Config)]) -> Vec<Option<FullSummary>> {
        posts
            .par_iter()
            .map(|&(shown, config)| {
                let i = *self.index_of.get(shown)?;
                let path = &self.paths[i];
                match super::read_post(path) {
                    Ok(text) => {
                        let full = engine::check::summarize_full(path, &text, config);
                        self.texts.lock().expect("no panics").insert(i, text);
                        full
                    }
                    Err(e) => {
                        let e = format!("{shown}: cannot read the file again: {e}");
                        self.errors.lock().expect("no panics").push((i, e));
                        None
                    }
                }
            })
            .collect()
    }
}
