//! Checking the files the arguments name: discovery, the run over every
//! file, and the whole-repository phase.

use std::path::Path;
use std::sync::Arc;

use super::super::error;
use super::refused::Refused;
use super::{CheckArgs, Part};
use crate::cache::Cache;
use crate::discover::discover_each;
use crate::engine::Resolver;
use crate::model::summary::compact::PostSummary;
use crate::report::{FileReport, Format};
use crate::runner::{self, FixRun, Outcome};

/// Discover and check the files named by the arguments, whole-repository
/// rules included (so that `--fix` and `--diff` count every finding left).
/// Returns every checked file's report and how many paths or files could
/// not be checked.
pub(super) fn check_paths(
    paths: &[String],
    args: &CheckArgs,
    resolver: &Resolver,
    fix: Option<FixRun<'_>>,
    format: Format,
    streams: bool,
    on_done: &mut dyn FnMut(&FileReport, Part),
) -> (Vec<FileReport>, usize) {
    // The site of the first post found is worked out on another thread
    // while the walk goes on (it lists and samples that post's folder):
    // it is most often the first post's site too, and else one needed
    // later.
    let found = std::thread::scope(|scope| {
        let mut early = None;
        discover_each(
            paths,
            resolver.filter(),
            args.force_exclude,
            &|path: &Path| crate::runner::read::is_page(resolver, path),
            &mut |path: &Path| {
                if early.is_none() {
                    let path = path.to_path_buf();
                    early = Some(scope.spawn(move || {
                        resolver.settings_for(&path);
                    }));
                }
            },
        )
    });
    let found = match found {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return (Vec::new(), 1);
        }
    };
    let mut failed = found.errors.len();
    for e in &found.errors {
        error(e);
    }
    for arg in found.empty.iter().filter(|_| !(args.quiet || args.silent)) {
        eprintln!(
            "warning: no posts found in `{arg}`: a post is a .md, .markdown or .html file under a _posts/ or _drafts/ folder; set `include` in postlint.toml to check other files"
        );
    }
    // The first post's site is worked out before the cache is read: it may
    // sample the post's folder, whose listing then is gone before the
    // cache's table is made, not beside it.
    if let Some(first) = found.files.first() {
        resolver.settings_for(first);
    }
    let cache = (!args.no_cache).then(|| {
        let base = resolver.base();
        Cache::open(&crate::cache::dir(base), base)
    });
    // Of each file, only its summary is kept for the whole-repository
    // rules, and its report only when something in it is still to be
    // printed or counted: memory stays small however many posts there are.
    let paths = found.files;
    let mut summaries: Vec<Option<Arc<PostSummary>>> = Vec::with_capacity(paths.len());
    let mut had_findings = Vec::with_capacity(paths.len());
    let mut kept: Vec<(usize, FileReport)> = Vec::new();
    let mut refused = Refused::default();
    let mut progress = super::super::progress::Progress::start(
        paths.len(),
        super::super::progress::wanted(args.quiet || args.silent, format),
    );
    runner::run(&paths, resolver, fix, cache.as_ref(), |i, outcome| {
        progress.inc();
        summaries.resize_with(i, || None);
        match outcome {
            Outcome::Checked(mut report) => {
                on_done(&report, Part::Own);
                had_findings.resize(i, false);
                had_findings.push(!report.findings.is_empty());
                summaries.push(report.summary.take());
                if streams {
                    report.findings = Vec::new();
                }
                if worth_keeping(&report) {
                    kept.push((i, report));
                }
            }
            Outcome::Failed {
                path,
                message,
                shared,
            } => {
                match shared {
                    Some(reason) => refused.add(reason, path, message),
                    None => error(format!("{path}: {message}")),
                }
                failed += 1;
                summaries.push(None);
            }
        }
    });
    progress.finish();
    refused.report();
    let phase = runner::whole_repo::phase(&args.paths, paths, summaries, resolver, cache);
    for w in phase
        .warnings
        .iter()
        .filter(|_| !(args.quiet || args.silent))
    {
        eprintln!("warning: {w}");
    }
    for e in &phase.errors {
        error(e);
    }
    failed += phase.errors.len();
    let named = |i: usize| i < phase.given;
    for (i, findings) in phase.findings {
        let extra = FileReport::new(runner::display_path(&phase.paths[i]), findings);
        // Streaming formats get the file's whole-repository findings after
        // every file's own; a file of the rest of the repository is
        // reported here first.
        let part = match had_findings.get(i) {
            Some(&had_findings) if named(i) => Part::More { had_findings },
            _ => Part::Own,
        };
        on_done(&extra, part);
        if streams {
            continue;
        }
        match kept.binary_search_by_key(&i, |(j, _)| *j) {
            Ok(k) => {
                let report = &mut kept[k].1;
                report.findings.extend(extra.findings);
                report.findings.sort_by(|a, b| {
                    let key = |f: &crate::report::Finding| {
                        (
                            f.diagnostic.span.start,
                            f.diagnostic.span.end,
                            f.diagnostic.rule,
                        )
                    };
                    key(a).cmp(&key(b))
                });
            }
            Err(k) => kept.insert(k, (i, extra)),
        }
    }
    (kept.into_iter().map(|(_, r)| r).collect(), failed)
}

/// Whether a report holds anything still to print or count once its file
/// is done: findings, or what the closing notes tell of.
pub(super) fn worth_keeping(report: &FileReport) -> bool {
    !report.findings.is_empty()
        || report.fixed > 0
        || !report.converged
        || report.over_limit > 0
        || report.diff.is_some()
        || report.fixed_text.is_some()
}
