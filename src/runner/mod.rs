//! Reading and checking files in parallel around the engine. Each worker
//! reads one file, checks (or fixes) it and keeps only its findings (with
//! small excerpts), so memory does not grow with the size of the
//! repository's text.

pub mod diff;
pub mod listing;
pub mod partial;
pub mod read;
pub mod site_outputs;
pub mod whole_repo;
pub mod write;

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cache::{Cache, Seen, Stamp};
use crate::config::Config;
use crate::engine::{self, Resolver};
use crate::report::line_index::LineIndex;
use crate::report::{FileReport, Finding};
use write::Roots;

pub use read::{MAX_FILE_SIZE, decode, read_post};

/// What to do with the fixes, when fixing (`--fix`, `--diff`).
#[derive(Clone, Copy, Debug)]
pub struct FixRun<'a> {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Write the fixed file (`--fix`), or only describe the change (`--diff`).
    pub write: bool,
    /// Where the paths named may have their files written.
    pub roots: &'a Roots,
}

/// The outcome for one file.
pub enum Outcome {
    Checked(FileReport),
    /// The file could not be checked, or its fix not written; the message
    /// says why. `shared` is the part of it that other files refused alike
    /// may share, so that a run can say it once for all of them.
    Failed {
        path: String,
        message: String,
        shared: Option<String>,
    },
}

/// How many files a worker takes at once, at most: enough that handing
/// them over costs little next to reading a cached entry.
const BATCH: usize = 128;

/// The largest read buffer a worker keeps from one file to the next.
const KEPT_BUFFER: usize = 1024 * 1024;

/// Check `files` in parallel. `on_done` sees each file's outcome with its
/// index, on the calling thread, in the order of `files`: as soon as the
/// file and every one before it are done. Workers take the files in order,
/// so few outcomes ever wait for an earlier one. `files` are as discovery
/// found them: regular files (or links that cannot be followed), which are
/// opened without being looked at first.
pub fn run(
    files: &[PathBuf],
    resolver: &Resolver,
    fix: Option<FixRun<'_>>,
    cache: Option<&Cache>,
    mut on_done: impl FnMut(usize, Outcome),
) {
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, files.len().max(1));
    // The next batch: a share of what is left, so that batches shrink
    // towards the end and no worker is left with a long last one while
    // the others wait.
    let take = || {
        let share = |start: usize| ((files.len() - start) / (4 * workers)).clamp(1, BATCH);
        let mut start = next.load(Ordering::Relaxed);
        loop {
            if start >= files.len() {
                return None;
            }
            let end = start + share(start);
            match next.compare_exchange_weak(start, end, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return Some(start..end),
                Err(now) => start = now,
            }
        }
    };
    // Bounded, so that workers wait when the calling thread (writing a
    // streaming format, say) falls behind, instead of piling reports up.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(usize, Outcome)>>(4 * workers);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let take = &take;
            scope.spawn(move || {
                // Each file is read into the worker's one buffer: no
                // allocation (nor fresh pages to fault in) per file.
                let mut buf = Vec::new();
                // A few files at a time: one hand-over (and one wake-up of
                // the calling thread) per batch, not per file.
                while let Some(batch) = take() {
                    let done = batch
                        .map(|i| (i, check_file(&files[i], resolver, fix, cache, &mut buf)))
                        .collect();
                    // The receiver outlives the workers, so a send cannot fail.
                    let _ = tx.send(done);
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut want = 0;
        for batch in rx {
            waiting.extend(batch);
            while let Some(outcome) = waiting.remove(&want) {
                on_done(want, outcome);
                want += 1;
            }
        }
    });
}

/// Display form of a path: without a leading `./`.
pub fn display_path(path: &Path) -> String {
    // Most paths are UTF-8: taken as they are, not through the lossy
    // conversion's chunking.
    let s = match simdutf8::basic::from_utf8(path.as_os_str().as_encoded_bytes()) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => path.to_string_lossy(),
    };
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn check_file(
    path: &Path,
    resolver: &Resolver,
    fix: Option<FixRun<'_>>,
    cache: Option<&Cache>,
    buf: &mut Vec<u8>,
) -> Outcome {
    // A rare huge post does not keep its memory for the rest of the run.
    if buf.capacity() > KEPT_BUFFER {
        *buf = Vec::new();
    }
    let shown = display_path(path);
    let config = resolver.settings_for(path);
    let now = config.now.unwrap_or_else(engine::clock);
    let failed = |message: String, shared: Option<String>| {
        if let Some(cache) = cache {
            cache.forget(&shown);
        }
        Outcome::Failed {
            path: shown.clone(),
            message,
            shared,
        }
    };
    // An unchanged file whose findings still hold is not read.
    let mut seen = cache.and_then(|_| {
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        Some(Seen {
            file: path,
            stamp: Stamp::of(&meta),
            content: None,
        })
    });
    if let (Some(cache), Some(seen)) = (cache, &seen)
        && let Some(report) = cached(cache, &shown, seen, &config, now, fix)
    {
        return Outcome::Checked(report);
    }
    let text = match read::read_found_post_into(path, buf) {
        Ok(text) => text,
        Err(message) => return failed(message, None),
    };
    if let (Some(cache), Some(seen)) = (cache, &mut seen) {
        seen.content = Some(crate::cache::content_hash(text.as_bytes()));
        if let Some(report) = cached(cache, &shown, seen, &config, now, fix) {
            return Outcome::Checked(report);
        }
    }
    let Some(run) = fix else {
        let (report, date) = check_dated(&shown, path, text, &config);
        if let (Some(cache), Some(seen)) = (cache, &seen) {
            cache.put(&shown, seen, &config, date, now, &report);
        }
        return Outcome::Checked(report);
    };
    let (report, fixed) = fix_text(&shown, path, text, &config, run);
    if run.write && fixed != text {
        let root = run.roots.root_of(path).unwrap_or(&config.root);
        if let Err(e) = write::write_fixed(path, text, &fixed, root) {
            let message = format!("cannot write the fixed file, left unchanged: {e}");
            return failed(message, Some(e.reason));
        }
    }
    Outcome::Checked(report)
}

/// The cached report of a file, when it holds; when fixing, only for a
/// file with nothing to fix.
fn cached(
    cache: &Cache,
    shown: &str,
    seen: &Seen,
    config: &std::sync::Arc<Config>,
    now: crate::model::jekyll::site::Now,
    fix: Option<FixRun<'_>>,
) -> Option<FileReport> {
    let report = cache.get(shown, seen, config, now)?;
    let Some(run) = fix else { return Some(report) };
    let applies = |f: &Finding| {
        f.diagnostic.fix.as_ref().is_some_and(|x| {
            x.applicability == crate::diagnostic::Applicability::Safe || run.unsafe_fixes
        })
    };
    if report.findings.iter().any(applies) {
        // Fixing changes the file: its entry is made again next time.
        cache.forget(shown);
        return None;
    }
    Some(report)
}

/// Fix text already in memory: the report of what is left (with the number
/// of fixes, and with `--diff` the diff), and the fixed text.
pub fn fix_text(
    shown: &str,
    path: &Path,
    text: &str,
    config: &Config,
    run: FixRun<'_>,
) -> (FileReport, String) {
    let fixed = engine::fix(path, text, config, run.unsafe_fixes);
    let index = LineIndex::new(&fixed.text);
    let findings = fixed
        .remaining
        .into_iter()
        .map(|d| in_schemas(Finding::new(shown, &fixed.text, &index, d), config))
        .collect();
    let diff = (!run.write && fixed.text != text).then(|| diff::unified(shown, text, &fixed.text));
    // The whole-repository rules see the post as it is after fixing.
    let summary = fixed.summary.map(Arc::new);
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
    check_dated(shown, path, text, config).0
}

/// [`check_text`], and the post's `date`.
fn check_dated(
    shown: &str,
    path: &Path,
    text: &str,
    config: &Config,
) -> (FileReport, Option<jiff::Timestamp>) {
    let checked = engine::check(path, text, config);
    let over_limit = checked.over_limit;
    let findings = if checked.diagnostics.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(text);
        checked
            .diagnostics
            .into_iter()
            .map(|d| in_schemas(Finding::new(shown, text, &index, d), config))
            .collect()
    };
    let report = FileReport {
        over_limit,
        summary: checked.summary.map(Arc::new),
        ..FileReport::new(shown, findings)
    };
    (report, checked.date)
}

/// Check a set of posts held in memory, `(shown path, text)`, both phases
/// ([`engine::check_all`]), with their findings placed for reporting. The
/// reports keep the order given. Per-file ignores and site settings are not
/// looked up: `config` is used as it is.
pub fn check_texts(posts: &[(&str, &str)], config: &Config) -> Vec<FileReport> {
    check_texts_in(posts, config, Vec::new())
}

/// [`check_texts`] within sites whose other files answer to `sites`.
pub fn check_texts_in(
    posts: &[(&str, &str)],
    config: &Config,
    sites: Vec<crate::model::summary::site_outputs::SiteOutputs>,
) -> Vec<FileReport> {
    let found = engine::whole_repo::check_all_in(posts, config, sites);
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
            FileReport::new(*shown, findings)
        })
        .collect()
}

/// Place a finding's labels that point into a schema file.
fn in_schemas(mut finding: Finding, config: &Config) -> Finding {
    let Some(loaded) = config.settings.schema.loaded.as_deref() else {
        return finding;
    };
    if finding.diagnostic.related.iter().all(|l| l.path.is_none()) {
        return finding;
    }
    let indexes: Vec<LineIndex> = loaded
        .files
        .iter()
        .map(|f| LineIndex::new(&f.text))
        .collect();
    finding.place_elsewhere(|other| {
        let i = loaded.files.iter().position(|f| f.shown == other)?;
        Some((loaded.files[i].text.as_str(), &indexes[i]))
    });
    finding
}
