//! The results of earlier runs, kept on disk so that a run reads and
//! checks only the posts that changed.
//!
//! As ruff's cache does, it keeps one file per project, settings and
//! version, under `.postlint_cache/<version>/`. An entry is found by the
//! post's path (by its hash), and holds while the file's size and modification time are
//! those recorded; when they changed, a hash of the content decides. The
//! entry also records a hash of the settings the post was checked with
//! (its site's `_config.yml` included, and the digest of the one schema
//! that applies to it, not of the others), and the moments its findings
//! hold at. The file is replaced whole, by renaming a finished temporary file
//! over it, so a run that is killed, or two runs at once, never leave a
//! cache that gives wrong answers: at worst one run's entries are lost.

mod entry;
pub mod hash;
mod whole_repo_findings;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;

use crate::config::Config;
use crate::model::jekyll::site::Now;
use crate::report::FileReport;
pub use entry::Stamp;
use entry::{CachedFinding, Entry, Found, Valid};
pub use whole_repo_findings::{Placed, RepoMemo};

/// The cache's folder when `cache-dir` does not name another.
pub const DIR_NAME: &str = ".postlint_cache";

/// What a file of the cache starts with; a file that does not (another
/// format, or another version's) is ignored.
const MAGIC: &[u8] = b"postlint cache 2\n";

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

/// The most a string of the cache's file may take (a path, a message).
const MAX_STRING: usize = 1 << 20;

/// Settings kept alive while their address stands for them, with the
/// index of the hash of their fingerprint in [`Cache::settings`] (none
/// for a schema they do not have).
type Held = (Arc<Config>, Option<u32>);

/// The cache of one run.
pub struct Cache {
    dir: PathBuf,
    file: PathBuf,
    /// The entries read from disk, and those this run made (one table, so
    /// that a run's memory holds each entry once), by the hash of the
    /// post's path: no path is kept.
    entries: Mutex<HashMap<[u64; 2], Entry>>,
    /// Whether this run looked at every post of the project, so that an
    /// entry it did not use is of a post that is gone.
    complete: AtomicBool,
    /// Whether anything differs from what was read.
    changed: AtomicBool,
    /// The hashes of the settings' fingerprints that entries were made
    /// with, each once: an entry names its settings by an index into this,
    /// not by a hash of its own.
    settings: Mutex<Vec<[u64; 2]>>,
    /// The index in `settings` of each settings' fingerprint with the
    /// digest of one of their schemas (or none), by the settings' address
    /// (held, so that the address is not reused during the run) and the
    /// schema's index.
    fingerprints: Mutex<HashMap<(usize, Option<u32>), Held>>,
}

/// A post's file as a run found it: for [`Cache::get`] and [`Cache::put`].
pub struct Seen<'a> {
    /// Its path, as the run was given it.
    pub file: &'a Path,
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
            .join(format!("{key:032x}"));
        let (settings, old) = read(&file).unwrap_or_default();
        Cache {
            dir: dir.to_path_buf(),
            file,
            entries: Mutex::new(old),
            settings: Mutex::new(settings),
            complete: AtomicBool::new(false),
            changed: AtomicBool::new(false),
            fingerprints: Mutex::default(),
        }
    }

    /// The report of the post shown as `path`, as an earlier run checked
    /// it, when that still holds: the file is unchanged (by its stamp, or
    /// by the hash of its content when `seen` has it), it is checked with
    /// the same settings, and at a moment its findings hold at.
    ///
    /// The schema that applies to the post follows from its path and the
    /// settings: under the same settings it is the one the entry records,
    /// whose digest the entry's settings hold. So the entry is judged
    /// without matching the post against the schemas' globs again.
    pub fn get(
        &self,
        path: &str,
        seen: &Seen,
        config: &Arc<Config>,
        now: Now,
    ) -> Option<FileReport> {
        let mut entries = lock(&self.entries);
        let entry = entries.get_mut(&key(path))?;
        let same_file = entry.stamp.same(&seen.stamp)
            || (seen.content == Some(entry.content) && entry.stamp.size == seen.stamp.size);
        if !same_file
            || self.settings_hash(config, entry.schema) != Some(entry.settings)
            || !entry.valid.holds(now)
        {
            return None;
        }
        entry.used = true;
        if entry.stamp != seen.stamp {
            entry.stamp = seen.stamp;
            self.changed.store(true, Ordering::Relaxed);
        }
        let findings = (entry.found.iter())
            .flat_map(|f| f.findings.iter().map(|f| f.0.clone()))
            .collect();
        Some(FileReport {
            over_limit: entry.found.as_ref().map_or(0, |f| f.over_limit),
            summary: entry.summary.clone(),
            ..FileReport::new(path, findings)
        })
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
        let schema = config.settings.schema.loaded.as_deref().and_then(|l| {
            let compiled = l.schema_of(seen.file, &config.site)?;
            let i = l.schemas.iter().position(|s| std::ptr::eq(s, compiled))?;
            u32::try_from(i).ok()
        });
        let Some(settings) = self.settings_hash(config, schema) else {
            return;
        };
        let entry = Entry {
            stamp: seen.stamp,
            content,
            settings,
            schema,
            valid: Valid::new(date, now),
            found: (!report.findings.is_empty() || report.over_limit > 0).then(|| {
                Box::new(Found {
                    findings: (report.findings.iter())
                        .map(|f| CachedFinding(f.clone()))
                        .collect(),
                    over_limit: report.over_limit,
                })
            }),
            summary: report.summary.clone(),
            used: true,
        };
        lock(&self.entries).insert(key(path), entry);
        self.changed.store(true, Ordering::Relaxed);
    }

    /// Forget the post shown as `path` (it could not be checked, or was
    /// changed by `--fix`).
    pub fn forget(&self, path: &str) {
        if lock(&self.entries).remove(&key(path)).is_some() {
            self.changed.store(true, Ordering::Relaxed);
        }
    }

    /// Say that this run looked at every post of the project: the entries
    /// it did not use are dropped when the cache is written.
    pub fn covered_everything(&self) {
        self.complete.store(true, Ordering::Relaxed);
    }

    /// Write the cache back when this run changed it. Entries this run did
    /// not look at are kept, unless it looked at every post.
    pub fn save(self) -> std::io::Result<()> {
        let mut entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut changed = self.changed.into_inner();
        let complete = self.complete.into_inner();
        entries.retain(|_, entry| {
            let keep = entry.used || !complete;
            changed |= !keep;
            keep
        });
        if !changed {
            return Ok(());
        }
        create_dir(&self.dir)?;
        let settings = self
            .settings
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        replace_file(&self.file, MAGIC, |out| {
            let header = (env!("CARGO_PKG_VERSION"), settings, entries.len() as u64);
            postcard::to_io(&header, &mut *out).map_err(std::io::Error::other)?;
            for entry in &entries {
                postcard::to_io(&entry, &mut *out).map_err(std::io::Error::other)?;
            }
            Ok(())
        })
    }

    /// The index that stands in entries for `config`'s fingerprint with
    /// the digest of its schema at `schema`, when it has one there: the
    /// post is checked again when that schema changes (its file, the files
    /// its `$ref`s reach, the `_data` files they name), and only then.
    fn settings_hash(&self, config: &Arc<Config>, schema: Option<u32>) -> Option<u32> {
        let key = (Arc::as_ptr(config) as usize, schema);
        if let Some((_, i)) = lock(&self.fingerprints).get(&key) {
            return *i;
        }
        let mut fingerprint = config.fingerprint();
        if let Some(i) = schema {
            let loaded = config.settings.schema.loaded.as_deref();
            let compiled = loaded.and_then(|l| l.schemas.get(usize::try_from(i).ok()?));
            let Some(compiled) = compiled else {
                lock(&self.fingerprints).insert(key, (config.clone(), None));
                return None;
            };
            fingerprint.push_str(&format!("|schema {i} {}", compiled.digest));
        }
        let h = split(hash::hash(fingerprint.as_bytes()));
        let i = {
            let mut known = lock(&self.settings);
            match known.iter().position(|k| *k == h) {
                Some(i) => i,
                None => {
                    known.push(h);
                    known.len() - 1
                }
            }
        };
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        lock(&self.fingerprints).insert(key, (config.clone(), Some(i)));
        Some(i)
    }
}

/// The settings' hashes and the entries of the cache's file `file`, when
/// it is one of this version: [`MAGIC`], the version, the settings' hashes
/// and the number of entries, then each entry, in
/// postcard's compact binary form. Read as a stream, into a table made
/// the right size at once.
/// What [`read`] gives: the settings' hashes and the entries.
type Loaded = (Vec<[u64; 2]>, HashMap<[u64; 2], Entry>);

fn read(file: &Path) -> Option<Loaded> {
    use std::io::Read;
    let mut reader = std::io::BufReader::new(std::fs::File::open(file).ok()?);
    let mut magic = vec![0; MAGIC.len()];
    reader.read_exact(&mut magic).ok()?;
    if magic != MAGIC {
        return None;
    }
    let mut scratch = vec![0; MAX_STRING];
    let ((version, settings, count), (mut reader, _)) =
        postcard::from_io::<(String, Vec<[u64; 2]>, u64), _>((reader, &mut scratch)).ok()?;
    if version != env!("CARGO_PKG_VERSION") {
        return None;
    }
    // A count no file of this size could hold is a broken file.
    let len = std::fs::metadata(file).ok()?.len();
    if count > len {
        return None;
    }
    let mut entries = HashMap::with_capacity(usize::try_from(count).ok()?);
    for _ in 0..count {
        let ((path, entry), (rest, _)) =
            postcard::from_io::<([u64; 2], Entry), _>((reader, &mut scratch)).ok()?;
        reader = rest;
        if entry.settings as usize >= settings.len() {
            return None;
        }
        entries.insert(path, entry);
    }
    Some((settings, entries))
}

/// Replace `file` whole: `magic`, then what `write` writes, go to a
/// temporary file beside it, which is renamed over `file` once complete. A
/// run killed on the way, or another writing at once, never leaves a file
/// cut short.
fn replace_file(
    file: &Path,
    magic: &[u8],
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = file
        .parent()
        .ok_or_else(|| std::io::Error::other("a cache file has no folder"))?;
    std::fs::create_dir_all(folder)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(folder)?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        out.write_all(magic)?;
        write(&mut out)?;
        out.flush()?;
    }
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// The key of the entry of the post shown as `path`.
fn key(path: &str) -> [u64; 2] {
    split(hash::hash(path.as_bytes()))
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
