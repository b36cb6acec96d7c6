//! The whole-repository phase of a run: the repository rules over the
//! checked files' summaries, their findings placed by reading again only
//! the few files they name.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::PathFilter;
use crate::line_index::LineIndex;
use crate::report::{FileReport, Finding};
use crate::rules::{self, Summarized};
use crate::runner;

/// New findings for some of `reports` (by index), and the files that could
/// not be read again, with why.
pub struct CrossFindings {
    pub findings: Vec<(usize, Vec<Finding>)>,
    pub errors: Vec<String>,
}

/// Run the whole-repository rules over `reports` (`paths[i]` is the file of
/// `reports[i]`). Each file's own configuration (`per-file-ignores`) decides
/// whether its findings stay.
pub fn run(
    paths: &[&Path],
    reports: &[FileReport],
    config: &Config,
    filter: &PathFilter,
) -> CrossFindings {
    let mut order: Vec<usize> = (0..reports.len())
        .filter(|&i| reports[i].summary.is_some())
        .collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            reports[i]
                .summary
                .as_deref()
                .map(|s| crate::repo::order_key(s, &reports[i].path))
        };
        key(a).cmp(&key(b))
    });
    let posts: Vec<Summarized> = order
        .iter()
        .filter_map(|&i| {
            Some(Summarized {
                path: &reports[i].path,
                summary: reports[i].summary.as_ref()?,
            })
        })
        .collect();
    let mut by_file: BTreeMap<usize, Vec<Diagnostic>> = BTreeMap::new();
    for d in crate::repo::check_repo(&posts, config) {
        let i = order[d.post];
        let own = runner::config_for(config, filter, paths[i]);
        let on = rules::find(d.diagnostic.rule).is_some_and(|(r, _)| own.level(r).is_some());
        if on {
            by_file.entry(i).or_default().push(d.diagnostic);
        }
    }
    if by_file.is_empty() {
        return CrossFindings {
            findings: Vec::new(),
            errors: Vec::new(),
        };
    }

    // Read again, in parallel, every file a finding is in or points at, and
    // make sure it is still the post that was summarised.
    let index_of: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.path.as_str(), i))
        .collect();
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
            let text = runner::read_post(path)
                .map_err(|e| format!("{shown}: cannot read the file again: {e}"))
                .and_then(|text| {
                    let own = runner::config_for(config, filter, path);
                    if reports[i].summary.as_deref() == Some(&crate::summarize(path, &text, &own)) {
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
    CrossFindings { findings, errors }
}
