//! Reading and checking files in parallel. Each worker reads one file,
//! checks it and keeps only its findings (with small excerpts), so memory
//! does not grow with the size of the repository's text.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::discover::PathFilter;
use crate::line_index::LineIndex;
use crate::report::{FileReport, Finding};

/// Files larger than this are not checked (a post is a few hundred KiB).
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

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
    config: &Config,
    filter: &PathFilter,
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
                    let _ = tx.send((i, check_file(path, config, filter, fix)));
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

fn check_file(path: &Path, config: &Config, filter: &PathFilter, fix: Option<FixRun>) -> Outcome {
    let shown = display_path(path);
    let text = match read_post(path) {
        Ok(text) => text,
        Err(message) => {
            return Outcome::Failed {
                path: shown,
                message,
            };
        }
    };
    let config = config_for(config, filter, path);
    let Some(run) = fix else {
        return Outcome::Checked(check_text(&shown, path, &text, &config));
    };
    let (report, fixed) = fix_text(&shown, path, &text, &config, run);
    if run.write
        && fixed != text
        && let Err(e) = crate::write::write_atomic(path, &fixed)
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
    let fixed = crate::fix::fix(path, text, config, run.unsafe_fixes);
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
        diff,
        summary,
    };
    (report, fixed.text)
}

/// The configuration for one file: `per-file-ignores` applied, and the
/// settings of the Jekyll site (`_config.yml`) it belongs to.
pub fn config_for<'c>(config: &'c Config, filter: &PathFilter, path: &Path) -> Cow<'c, Config> {
    let ignored = filter.ignored(path);
    let site = crate::site::of(path);
    if ignored.is_empty() && *site == crate::model::site::Site::default() {
        return Cow::Borrowed(config);
    }
    let mut own = config.clone();
    own.site = (*site).clone();
    for name in ignored {
        own.set(name, None);
    }
    Cow::Owned(own)
}

/// Check text already in memory (a file, or standard input).
pub fn check_text(shown: &str, path: &Path, text: &str, config: &Config) -> FileReport {
    let (diagnostics, summary) = crate::check_and_summarize(path, text, config);
    let findings = if diagnostics.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(text);
        diagnostics
            .into_iter()
            .map(|d| Finding::new(shown, text, &index, d))
            .collect()
    };
    FileReport {
        path: shown.to_string(),
        findings,
        fixed: 0,
        diff: None,
        summary: summary.map(Box::new),
    }
}

/// Check a set of posts held in memory, `(shown path, text)`, both phases:
/// each post's own rules, then the whole-repository rules across them. The
/// reports keep the order given. Per-file ignores and site settings are not
/// looked up: `config` is used as it is.
pub fn check_texts(posts: &[(&str, &str)], config: &Config) -> Vec<FileReport> {
    let paths: Vec<&Path> = posts.iter().map(|(p, _)| Path::new(*p)).collect();
    let inputs: Vec<(&Path, &str)> = paths
        .iter()
        .zip(posts)
        .map(|(p, (_, t))| (*p, *t))
        .collect();
    let found = crate::repo::check_posts(&inputs, config);
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
                diff: None,
                summary: None,
            }
        })
        .collect()
}

/// Read a post as UTF-8 text, refusing what is not a post.
pub fn read_post(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    let meta = file.metadata().map_err(|e| describe(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "file is {} MiB, over the {} MiB limit for a post",
            meta.len() / (1024 * 1024),
            MAX_FILE_SIZE / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe(&e))?;
    decode(bytes)
}

/// Turn bytes into text, or say why they are not a post.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not a post".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the post as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        _ => e.to_string(),
    }
}
