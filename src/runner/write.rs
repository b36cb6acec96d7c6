//! Writing a fixed post back, as a careful editor would. The only place
//! `--fix` touches the disk.
//!
//! - The file is replaced atomically: the new text goes to a temporary file
//!   beside it, with a unique name (`.NAME.XXXXXX.postlint-fix.tmp`), which
//!   is flushed to disk and renamed over the original. On any failure the
//!   original is untouched and the temporary file, which this run created,
//!   is removed; no other file is ever removed.
//! - A file the user may not write is not written, though the folder would
//!   allow the rename.
//! - Owner, group and permissions are kept; where the owner or group cannot
//!   be kept (a file of another user that the user may write), the file is
//!   not written and the error says why.
//! - A file with more than one hard link is not written: replacing it would
//!   split the links, and rewriting it in place could tear it.
//! - A file whose real path (through symbolic links and `..`) lies outside
//!   the root of the path the user named is not written (see [`Roots`]).
//! - The file is replaced only if it still holds the text that was fixed:
//!   when another run already wrote the same fix, there is nothing to do;
//!   when it changed otherwise, it is left alone and the error says so.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use crate::model::jekyll::path::lexical;

/// The files that name a project, nearest first in each kind, in the
/// order they count: postlint's settings, Jekyll's, then the repository.
const PROJECT_MARKERS: [&str; 3] = ["postlint.toml", "_config.yml", ".git"];

/// Where each path named on the command line may have its files written:
/// the project found upward from it (the folder holding `postlint.toml`,
/// else `_config.yml`, else the repository's root), else the named folder
/// itself (a named file's folder), through any links in it. Never the
/// working directory, unless that is where the path leads: `postlint check
/// --fix /elsewhere/site/_posts` fixes the posts of that site, as ruff fixes
/// a project named from anywhere. A file whose real path leaves its root (a
/// symbolic link, a linked folder the walk followed) is refused.
#[derive(Debug, Default)]
pub struct Roots {
    /// The folder relative paths start from.
    cwd: PathBuf,
    /// Each named path (absolute, without `.` and `..`) and its root
    /// (real path).
    named: Vec<(PathBuf, PathBuf)>,
}

impl Roots {
    /// The roots of `args`, the paths named on the command line (the
    /// current folder when there are none), relative to `cwd`.
    pub fn new(args: &[String], cwd: &Path) -> Roots {
        let default = [".".to_string()];
        let args = if args.is_empty() { &default[..] } else { args };
        // Pre-commit names every staged file: each folder is looked up once.
        let mut by_folder = std::collections::HashMap::new();
        let named = args
            .iter()
            .map(|arg| {
                let named = lexical(&cwd.join(arg));
                let dir = folder_of(&named).to_path_buf();
                let root = by_folder
                    .entry(dir.clone())
                    .or_insert_with(|| {
                        let root = project_of(&dir).unwrap_or(dir);
                        fs::canonicalize(&root).unwrap_or(root)
                    })
                    .clone();
                (named, root)
            })
            .collect();
        Roots {
            cwd: cwd.to_path_buf(),
            named,
        }
    }

    /// The root of the file at `path`, found by walking or named: that of
    /// the longest named path it lies under.
    pub fn root_of(&self, path: &Path) -> Option<&Path> {
        let path = lexical(&self.cwd.join(path));
        self.named
            .iter()
            .filter(|(named, _)| path.starts_with(named))
            .max_by_key(|(named, _)| named.as_os_str().len())
            .map(|(_, root)| root.as_path())
    }
}

/// The folder a path named on the command line stands for: itself when it
/// is one, else the folder of the file it names.
pub fn folder_of(named: &Path) -> &Path {
    if named.is_dir() {
        named
    } else {
        named.parent().unwrap_or(Path::new("/"))
    }
}

/// The project `dir` lies in: its nearest ancestor holding a marker of the
/// first kind that has one.
pub fn project_of(dir: &Path) -> Option<PathBuf> {
    PROJECT_MARKERS.iter().find_map(|marker| {
        dir.ancestors()
            .find(|d| d.join(marker).exists())
            .map(Path::to_path_buf)
    })
}

/// Why a fixed file was not written. `reason` is what files refused alike
/// share, so that a run can say it once for all of them; `detail` is this
/// file's part.
#[derive(Debug)]
pub struct WriteError {
    pub reason: String,
    pub detail: Option<String>,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Some(detail) => write!(f, "{detail}, {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError {
            reason: e.to_string(),
            detail: None,
        }
    }
}

/// Replace `original`, the text of the file at `path`, with `fixed`. `root`
/// is the root of the path the user named ([`Roots`]), outside which
/// nothing is written.
pub fn write_fixed(
    path: &Path,
    original: &str,
    fixed: &str,
    root: &Path,
) -> Result<(), WriteError> {
    let target = fs::canonicalize(path)?;
    let root = fs::canonicalize(root)?;
    if !target.starts_with(&root) {
        return Err(WriteError {
            reason: format!(
                "outside the project root {} (through a symbolic link or `..`)",
                root.display()
            ),
            detail: Some(format!("it leads to {}", target.display())),
        });
    }
    Ok(write_inside(&target, original, fixed)?)
}

/// [`write_fixed`] once `target`, the file's real path, is known to be
/// inside the root.
fn write_inside(target: &Path, original: &str, fixed: &str) -> io::Result<()> {
    let meta = fs::metadata(target)?;
    check_links(&meta)?;
    // Opening for writing, without truncating, asks the file's own
    // permissions; the rename below would only ask the folder's.
    fs::OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| match e.kind() {
            io::ErrorKind::PermissionDenied => refused("you may not write it".into()),
            _ => e,
        })?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".postlint-fix.tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot create a temporary file in {}: {e}", dir.display()),
            )
        })?;
    temp.write_all(fixed.as_bytes())?;
    keep_owner(temp.as_file(), &meta)?;
    temp.as_file().set_permissions(meta.permissions())?;
    temp.as_file().sync_all()?;
    // Compare, then rename: only the text that was fixed is replaced.
    let now = fs::read(target)?;
    if now != original.as_bytes() {
        if now == fixed.as_bytes() {
            // Another run wrote the same fix meanwhile.
            return Ok(());
        }
        return Err(refused(
            "it changed while it was being fixed; run again".into(),
        ));
    }
    temp.persist(target).map_err(|e| e.error)?;
    // Make the rename itself durable; a folder that cannot be opened or
    // synced (some file systems) still holds the new file.
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn refused(why: String) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, why)
}

#[cfg(unix)]
fn check_links(meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    if meta.nlink() > 1 {
        return Err(refused(format!(
            "it has {} hard links, which replacing it would split; apply the fix with --diff",
            meta.nlink()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_links(_: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// Give the new file the original's owner and group (which only root, or a
/// member of the group, may do).
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(|e| {
        refused(format!(
            "its owner and group ({}:{}) could not be kept: {e}",
            meta.uid(),
            meta.gid()
        ))
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temps(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn replaces_the_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old\r\n").unwrap();
        write_fixed(&path, "old\r\n", "new\r\n", dir.path()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\n");
        assert_eq!(temps(dir.path()), 1);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_follows_symlinks_inside_the_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_fixed(&link, "old", "new", dir.path()).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn a_named_path_is_judged_against_its_project() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("_posts/2022")).unwrap();
        fs::write(site.join("_config.yml"), "").unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        let real = |p: &Path| fs::canonicalize(p).unwrap();
        // The site's folder of posts, named from elsewhere and through `..`.
        let roots = Roots::new(
            &["../site/_posts".into(), "../site/./_posts/2022/".into()],
            &elsewhere,
        );
        assert_eq!(
            roots.root_of(Path::new("../site/_posts/2022/a.md")),
            Some(real(&site).as_path())
        );
        assert_eq!(roots.root_of(Path::new("../other/a.md")), None);
        // Without a project, the folder named, or a named file's folder.
        let roots = Roots::new(&["../elsewhere".into(), "x.md".into()], &elsewhere);
        assert_eq!(
            roots.root_of(&elsewhere.join("x.md")),
            Some(real(&elsewhere).as_path())
        );
        // `postlint.toml` counts before `_config.yml`, which counts before
        // the repository.
        fs::write(dir.path().join("postlint.toml"), "").unwrap();
        fs::create_dir(site.join(".git")).unwrap();
        let roots = Roots::new(&[], &site.join("_posts"));
        assert_eq!(
            roots.root_of(Path::new("a.md")),
            Some(real(dir.path()).as_path())
        );
    }

    #[test]
    fn a_file_that_changed_meanwhile_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "edited").unwrap();
        let e = write_fixed(&path, "old", "new", dir.path()).unwrap_err();
        assert!(e.to_string().contains("changed while"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited");
        assert_eq!(temps(dir.path()), 1);
        // The same fix written by another run: nothing left to do.
        fs::write(&path, "new").unwrap();
        write_fixed(&path, "old", "new", dir.path()).unwrap();
        assert_eq!(temps(dir.path()), 1);
    }
}
