//! Reading and checking files in parallel around the engine. Each worker
//! reads one file, checks (or fixes) it and keeps only its findings (with
//! small excerpts), so memory does not grow with the size of the
//! repository's text.

pub mod read;
pub mod repo;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::engine::{self, Resolver};
use crate::line_index::LineIndex;
use crate::report::{FileReport, Finding};

pub use read::{MAX_FILE_SIZE, decode, read_post};

/// What to do with the fixes, when fixing (`--fix`, `--diff`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixRun {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Write the fixed file (`--fix`), or only describe the change (`--diff`).
    pub write: bool,
}

/// The outcome for one file.
pub enum Outcome {
    Checked(FileReport),
    /// The file could not be checked; the message says why.
    Failed {
        path: String,
        message: String,
    },
}

/// Check `files` in parallel. `on_done` sees each outcome on the calling
/// thread as soon as its file is checked (in completion order); the result
/// keeps the order of `files`.
pub fn run(
    files: &[PathBuf],
    resolver: &Resolver,
    fix: Option<FixRun>,
    mut on_done: impl FnMut(&Outcome),
) -> Vec<Outcome> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut slots: Vec<Option<Outcome>> = Vec::with_capacity(files.len());
    slots.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            files
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, path)| {
                    // The receiver outlives the workers, so a send cannot fail.
                    let _ = tx.send((i, check_file(path, resolver, fix)));
                });
        });
        for (i, outcome) in rx {
            on_done(&outcome);
            slots[i] = Some(outcome);
        }
    });
    slots.into_iter().flatten().collect()
}

/// Display form of a path: without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn check_file(path: &Path, resolver: &Resolver, fix: Option<FixRun>) -> Outcome {
    let shown = display_path(path);
    let mut buf = Vec::new();
    let text = match read::read_post_into(path, &mut buf) {
        Ok(text) => text,
        Err(message) => {
            return Outcome::Failed {
                path: shown,
                message,
            };
        }
    };
    let config = resolver.settings_for(path);
    let Some(run) = fix else {
        return Outcome::Checked(check_text(&shown, path, text, &config));
    };
    let (report, fixed) = fix_text(&shown, path, text, &config, run);
    if run.write
        && fixed != text
        && let Err(e) = crate::write::write_fixed(path, text, &fixed, &config.root)
    {
        return Outcome::Failed {
            path: shown,
            message: format!("cannot write the fixed file, left unchanged: {e}"),
        };
    }
    Outcome::Checked(report)
}

/// Fix text already in memory: the report of what is left (with the number
/// of fixes, and with `--diff` the diff), and the fixed text.
pub fn fix_text(
    shown: &str,
    path: &Path,
    text: &str,
    config: &Config,
    run: FixRun,
) -> (FileReport, String) {
    let fixed = engine::fix(path, text, config, run.unsafe_fixes);
    let index = LineIndex::new(&fixed.text);
    let findings = fixed
        .remaining
        .into_iter()
        .map(|d| Finding::new(shown, &fixed.text, &index, d))
        .collect();
    let diff =
        (!run.write && fixed.text != text).then(|| crate::diff::unified(shown, text, &fixed.text));
    // The whole-repository rules see the post as it is after fixing.
    let summary = fixed.summary.map(Box::new);
    let report = FileReport {
        path: shown.to_string(),
        findings,
        fixed: fixed.fixes,
        converged: fixed.converged,
        over_limit: fixed.over_limit,
        diff,
        fixed_text: None,
        summary,
    };
    (report, fixed.text)
}

/// Check text already in memory (a file, or standard input).
pub fn check_text(shown: &str, path: &Path, text: &str, config: &Config) -> FileReport {
    let checked = engine::check(path, text, config);
    let over_limit = checked.over_limit;
    let findings = if checked.diagnostics.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(text);
        checked
            .diagnostics
            .into_iter()
            .map(|d| Finding::new(shown, text, &index, d))
            .collect()
    };
    FileReport {
        path: shown.to_string(),
        findings,
        fixed: 0,
        converged: true,
        over_limit,
        diff: None,
        fixed_text: None,
        summary: checked.summary.map(Box::new),
    }
}

/// Check a set of posts held in memory, `(shown path, text)`, both phases
/// ([`engine::check_all`]), with their findings placed for reporting. The
/// reports keep the order given. Per-file ignores and site settings are not
/// looked up: `config` is used as it is.
pub fn check_texts(posts: &[(&str, &str)], config: &Config) -> Vec<FileReport> {
    let found = engine::check_all(posts, config);
    let indexes: Vec<LineIndex> = posts.iter().map(|(_, t)| LineIndex::new(t)).collect();
    posts
        .iter()
        .zip(found)
        .enumerate()
        .map(|(i, ((shown, text), diagnostics))| {
            let findings = diagnostics
                .into_iter()
                .map(|d| {
                    let mut finding = Finding::new(shown, text, &indexes[i], d);
                    finding.place_elsewhere(|other| {
                        let j = posts.iter().position(|(p, _)| *p == other)?;
                        Some((posts[j].1, &indexes[j]))
                    });
                    finding
                })
                .collect();
            FileReport {
                path: shown.to_string(),
                findings,
                fixed: 0,
                converged: true,
                over_limit: 0,
                diff: None,
                fixed_text: None,
                summary: None,
            }
        })
        .collect()
}
