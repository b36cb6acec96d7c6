//! The whole-repository findings of the last run, kept beside the cache's
//! file, so that a run in which no post and no setting changed does not
//! run the whole-repository rules again.
//!
//! They are kept under a key made from every post of the run, in order:
//! its path, the hash of its content, the settings it was checked with and
//! the moments its findings hold at, as its cache entry records them. Those
//! decide the post's summary, and the text its findings are placed in, so
//! the same key gives the same findings. The file is replaced whole, as the
//! cache's is.

use std::path::PathBuf;

use super::entry::CachedFinding;
use super::{Cache, hash, key, lock, replace_file, split};
use crate::report::Finding;

/// What a memo file starts with; any other file is ignored.
const MAGIC: &[u8] = b"postlint repo findings 1\n";

/// Where the whole-repository findings of one set of posts are kept, and
/// the key they must have been kept under.
pub struct RepoMemo {
    file: PathBuf,
    key: [u64; 2],
}

/// Findings by the index of their file in the run's list of posts.
pub type Placed = Vec<(usize, Vec<Finding>)>;

impl Cache {
    /// The memo of the whole-repository findings of the posts shown as
    /// `shown`, in this order, when every one has an entry this run found
    /// to hold or made; `None` when one has not (it could not be checked,
    /// or `--fix` changed it).
    pub fn repo_memo(
        &self,
        seed: u128,
        shown: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Option<RepoMemo> {
        let entries = lock(&self.entries);
        let settings = lock(&self.settings);
        // Each post's record is hashed with the hash of those before it.
        let mut so_far = seed;
        let mut record = Vec::with_capacity(256);
        for path in shown {
            let path = path.as_ref();
            let entry = entries.get(&key(path)).filter(|e| e.used)?;
            record.clear();
            record.extend_from_slice(&so_far.to_le_bytes());
            record.extend_from_slice(path.as_bytes());
            record.push(0);
            for word in entry.content {
                record.extend_from_slice(&word.to_le_bytes());
            }
            for word in settings.get(entry.settings as usize)? {
                record.extend_from_slice(&word.to_le_bytes());
            }
            postcard::to_io(&entry.valid, &mut record).ok()?;
            so_far = hash::hash(&record);
        }
        let mut name = self.file.file_name()?.to_os_string();
        name.push(".repo");
        Some(RepoMemo {
            file: self.file.with_file_name(name),
            key: split(so_far),
        })
    }
}

impl RepoMemo {
    /// The findings kept under this key, when there are.
    pub fn load(&self) -> Option<Placed> {
        let bytes = std::fs::read(&self.file).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let ((key, found), _) =
            postcard::take_from_bytes::<([u64; 2], Vec<(u64, Vec<CachedFinding>)>)>(rest).ok()?;
        if key != self.key {
            return None;
        }
        found
            .into_iter()
            .map(|(i, f)| {
                Some((
                    usize::try_from(i).ok()?,
                    f.into_iter().map(|f| f.0).collect(),
                ))
            })
            .collect()
    }

    /// Keep `found` under this key, in place of what was kept.
    pub fn store(&self, found: &Placed) -> std::io::Result<()> {
        let found: Vec<(u64, Vec<CachedFinding>)> = found
            .iter()
            .map(|(i, f)| (*i as u64, f.iter().cloned().map(CachedFinding).collect()))
            .collect();
        replace_file(&self.file, MAGIC, |out| {
            postcard::to_io(&(self.key, found), out).map_err(std::io::Error::other)?;
            Ok(())
        })
    }
}
