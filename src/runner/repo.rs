//! The whole-repository phase of a run: the engine's [`RepoIndex`] over the
//! checked files' summaries, its findings placed by reading again only the
//! few files they name.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, RepoIndex, Reread, Resolver};
use crate::line_index::LineIndex;
use crate::model::summary::FullSummary;
use crate::report::{FileReport, Finding};

/// New findings for some of `reports` (by index), and the files that could
/// not be read again, with why.
pub struct RepoFindings {
    pub findings: Vec<(usize, Vec<Finding>)>,
    pub errors: Vec<String>,
}

/// Run the whole-repository rules over `reports` (`paths[i]` is the file of
/// `reports[i]`), whose summaries move into the index. Each file's own
/// settings (`per-file-ignores`) decide whether its findings stay.
pub fn run(paths: &[&Path], reports: &mut [FileReport], resolver: &Resolver) -> RepoFindings {
    let mut index = RepoIndex::new(resolver.base().clone());
    for (i, report) in reports.iter_mut().enumerate() {
        if let Some(summary) = report.summary.take() {
            index.upsert(&report.path, summary, resolver.settings_for(paths[i]));
        }
    }
    let index_of: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.path.as_str(), i))
        .collect();
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
            let mut finding = Finding::new(&reports[i].path, text, index, d);
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

/// The checked files, read again for the index: each text kept by report
/// index, each file that cannot be read with why.
struct Files<'a> {
    paths: &'a [&'a Path],
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
                let path = self.paths[i];
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
