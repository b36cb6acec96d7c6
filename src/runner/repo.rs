//! The whole-repository phase of a run: the engine's [`RepoIndex`] over the
//! checked files' summaries, its findings placed by reading again only the
//! few files they name.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::engine::{self, RepoIndex, Resolver};
use crate::line_index::LineIndex;
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
    let by_file: BTreeMap<usize, Vec<Diagnostic>> = index
        .findings()
        .filter_map(|(path, found)| Some((*index_of.get(path)?, found.to_vec())))
        .collect();
    if by_file.is_empty() {
        return RepoFindings {
            findings: Vec::new(),
            errors: Vec::new(),
        };
    }

    // Read again, in parallel, every file a finding is in or points at, and
    // make sure it is still the post that was summarised.
    let mut needed: BTreeSet<usize> = by_file.keys().copied().collect();
    for diagnostics in by_file.values() {
        for label in diagnostics.iter().flat_map(|d| &d.related) {
            if let Some(j) = label.path.as_deref().and_then(|p| index_of.get(p)) {
                needed.insert(*j);
            }
        }
    }
    let read: Vec<(usize, Result<String, String>)> = needed
        .into_par_iter()
        .map(|i| {
            let path = paths[i];
            let shown = &reports[i].path;
            let text = super::read_post(path)
                .map_err(|e| format!("{shown}: cannot read the file again: {e}"))
                .and_then(|text| {
                    let own = resolver.settings_for(path);
                    let again = engine::check::summarize(path, &text, &own);
                    if index.get(shown) == again.as_ref() {
                        Ok(text)
                    } else {
                        Err(format!(
                            "{shown}: the file changed while postlint was checking it; check again"
                        ))
                    }
                });
            (i, text)
        })
        .collect();
    let mut errors = Vec::new();
    let mut texts: HashMap<usize, String> = HashMap::new();
    for (i, text) in read {
        match text {
            Ok(text) => {
                texts.insert(i, text);
            }
            Err(e) => errors.push(e),
        }
    }

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
