//! The results of earlier runs, kept on disk so that a run reads and
//! checks only the posts that changed.
//!
//! As ruff's cache does, it keeps one file per project, settings and
//! version, under `.postlint_cache/<version>/`. An entry is found by the
//! post's path, and holds while the file's size and modification time are
//! those recorded; when they changed, a hash of the content decides. The
//! entry also records a hash of the settings the post was checked with
//! (its site's `_config.yml` included), and the moments its findings hold
//! at. The file is replaced whole, by renaming a finished temporary file
//! over it, so a run that is killed, or two runs at once, never leave a
//! cache that gives wrong answers: at worst one run's entries are lost.

mod entry;
pub mod hash;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::model::site::Now;
use crate::report::FileReport;
pub use entry::Stamp;
use entry::{CachedFinding, Entry, Valid};

/// The cache's folder when `cache-dir` does not name another.
pub const DIR_NAME: &str = ".postlint_cache";

/// What a file of the cache starts with; a file that does not is ignored.
const FORMAT: u32 = 1;

/// Written into the cache's folder, so that backup tools skip it
/// (<https://bford.info/cachedir/>) and `postlint clean` knows it is one.
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by postlint.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// The cache's folder: `POSTLINT_CACHE_DIR` (relative to the working
/// directory), else `cache-dir` (relative to the project root), else
/// `.postlint_cache` in the project root.
pub fn dir(config: &Config) -> PathBuf {
    if let Some(dir) = std::env::var_os("POSTLINT_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    config
        .root
        .join(config.cache_dir.as_deref().unwrap_or(Path::new(DIR_NAME)))
}

/// What the cache's file holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    version: String,
    entries: HashMap<String, Entry>,
}

/// Settings kept alive while their address stands for them, with the
/// hash of their fingerprint.
type Held = (Arc<Config>, [u64; 2]);

/// The cache of one run.
pub struct Cache {
    dir: PathBuf,
    file: PathBuf,
    /// The entries read from disk that this run has not used yet.
    old: Mutex<HashMap<String, Entry>>,
    /// The entries this run used or made.
    new: Mutex<HashMap<String, Entry>>,
    /// Whether anything differs from what was read.
    changed: AtomicBool,
    /// The hash of each settings' fingerprint, by the settings' address
    /// (held, so that the address is not reused during the run).
    fingerprints: Mutex<HashMap<usize, Held>>,
}

/// A post's file as a run found it: for [`Cache::get`] and [`Cache::put`].
pub struct Seen {
    pub stamp: Stamp,
    /// The hash of its bytes, once read.
    pub content: Option<[u64; 2]>,
}

impl Cache {
    /// Open the cache in `dir` for a run with `base` settings from the
    /// working directory: the entries an earlier such run left, or none
    /// when there is no cache yet or it cannot be read (it is then
    /// rebuilt).
    pub fn open(dir: &Path, base: &Config) -> Cache {
        let cwd = std::env::current_dir().unwrap_or_default();
        let key = hash::hash(
            format!(
                "{}|{}|{}",
                base.fingerprint(),
                cwd.display(),
                base.root.display()
            )
            .as_bytes(),
        );
        let file = dir
            .join(env!("CARGO_PKG_VERSION"))
            .join(format!("{key:032x}.json"));
        let old = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| s.format == FORMAT && s.version == env!("CARGO_PKG_VERSION"))
            .map(|s| s.entries)
            .unwrap_or_default();
        Cache {
            dir: dir.to_path_buf(),
            file,
            old: Mutex::new(old),
            new: Mutex::default(),
            changed: AtomicBool::new(false),
            fingerprints: Mutex::default(),
        }
    }

    /// The report of the post shown as `path`, as an earlier run checked
    /// it, when that still holds: the file is unchanged (by its stamp, or
    /// by the hash of its content when `seen` has it), it is checked with
    /// the same settings, and at a moment its findings hold at.
    pub fn get(
        &self,
        path: &str,
        seen: &Seen,
        config: &Arc<Config>,
        now: Now,
    ) -> Option<FileReport> {
        let settings = self.settings_hash(config);
        let mut old = lock(&self.old);
        let entry = old.get_mut(path)?;
        let same_file = entry.stamp.same(&seen.stamp)
            || (seen.content == Some(entry.content) && entry.stamp.size == seen.stamp.size);
        if !same_file || entry.settings != settings || !entry.valid.holds(now) {
            return None;
        }
        let mut entry = old.remove(path)?;
        drop(old);
        if entry.stamp != seen.stamp {
            entry.stamp = seen.stamp;
            self.changed.store(true, Ordering::Relaxed);
        }
        let report = FileReport {
            path: path.to_string(),
            findings: entry.findings.iter().map(|f| f.0.clone()).collect(),
            fixed: 0,
            converged: true,
            over_limit: entry.over_limit,
            diff: None,
            fixed_text: None,
            summary: entry.summary.clone().map(Box::new),
        };
        lock(&self.new).insert(path.to_string(), entry);
        Some(report)
    }

    /// Record what checking the post shown as `path` gave. `date` is its
    /// `date`, which decides at which moments the findings hold.
    pub fn put(
        &self,
        path: &str,
        seen: &Seen,
        config: &Arc<Config>,
        date: Option<Timestamp>,
        now: Now,
        report: &FileReport,
    ) {
        let Some(content) = seen.content else { return };
        let entry = Entry {
            stamp: seen.stamp,
            content,
            settings: self.settings_hash(config),
            valid: Valid::new(date, now),
            findings: report
                .findings
                .iter()
                .map(|f| CachedFinding(f.clone()))
                .collect(),
            over_limit: report.over_limit,
            summary: report.summary.as_deref().cloned(),
        };
        lock(&self.old).remove(path);
        lock(&self.new).insert(path.to_string(), entry);
        self.changed.store(true, Ordering::Relaxed);
    }

    /// Forget the post shown as `path` (it could not be checked, or was
    /// changed by `--fix`).
    pub fn forget(&self, path: &str) {
        let old = lock(&self.old).remove(path).is_some();
        let new = lock(&self.new).remove(path).is_some();
        if old || new {
            self.changed.store(true, Ordering::Relaxed);
        }
    }

    /// Write the cache back when this run changed it. Entries this run did
    /// not look at are kept while their file still exists.
    pub fn save(self) -> std::io::Result<()> {
        let mut entries = self.new.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut changed = self.changed.into_inner();
        for (path, entry) in self.old.into_inner().unwrap_or_else(|e| e.into_inner()) {
            if Path::new(&path).is_file() {
                entries.insert(path, entry);
            } else {
                changed = true;
            }
        }
        if !changed {
            return Ok(());
        }
        let folder = self.file.parent().unwrap_or(&self.dir);
        create_dir(&self.dir)?;
        std::fs::create_dir_all(folder)?;
        let stored = Stored {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            entries,
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(folder)?;
        {
            let mut out = std::io::BufWriter::new(tmp.as_file_mut());
            serde_json::to_writer(&mut out, &stored)?;
            out.flush()?;
        }
        tmp.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }

    fn settings_hash(&self, config: &Arc<Config>) -> [u64; 2] {
        let key = Arc::as_ptr(config) as usize;
        if let Some((_, h)) = lock(&self.fingerprints).get(&key) {
            return *h;
        }
        let h = split(hash::hash(config.fingerprint().as_bytes()));
        lock(&self.fingerprints).insert(key, (config.clone(), h));
        h
    }
}

/// The hash of a file's bytes, as entries record it.
pub fn content_hash(bytes: &[u8]) -> [u64; 2] {
    split(hash::hash(bytes))
}

fn split(h: u128) -> [u64; 2] {
    [(h >> 64) as u64, h as u64]
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Make the cache's folder, with a `.gitignore` that keeps it out of git
/// and a `CACHEDIR.TAG`.
fn create_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        std::fs::write(&gitignore, "# Automatically created by postlint.\n*\n")?;
    }
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.exists() {
        std::fs::write(&tag, CACHEDIR_TAG)?;
    }
    Ok(())
}

/// Remove the cache's folder `dir`; whether there was one. A folder
/// without the `CACHEDIR.TAG` postlint writes is left alone.
pub fn clean(dir: &Path) -> Result<bool, String> {
    if !dir.exists() {
        return Ok(false);
    }
    let tag = std::fs::read_to_string(dir.join("CACHEDIR.TAG")).unwrap_or_default();
    if !tag.contains("created by postlint") {
        return Err(format!(
            "`{}` is not a postlint cache (it has no CACHEDIR.TAG written by postlint); remove it yourself if it should go",
            dir.display()
        ));
    }
    std::fs::remove_dir_all(dir)
        .map(|()| true)
        .map_err(|e| format!("cannot remove `{}`: {e}", dir.display()))
}
