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
//!   the project root is not written.
//! - The file is replaced only if it still holds the text that was fixed:
//!   when another run already wrote the same fix, there is nothing to do;
//!   when it changed otherwise, it is left alone and the error says so.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Replace `original`, the text of the file at `path`, with `fixed`. `root`
/// is the project root, outside which nothing is written.
pub fn write_fixed(path: &Path, original: &str, fixed: &str, root: &Path) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let root = fs::canonicalize(root)?;
    if !target.starts_with(&root) {
        return Err(refused(format!(
            "it is {}, outside the project root {}",
            target.display(),
            root.display()
        )));
    }
    let meta = fs::metadata(&target)?;
    check_links(&meta)?;
    // Opening for writing, without truncating, asks the file's own
    // permissions; the rename below would only ask the folder's.
    fs::OpenOptions::new()
        .write(true)
        .open(&target)
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
    let now = fs::read(&target)?;
    if now != original.as_bytes() {
        if now == fixed.as_bytes() {
            // Another run wrote the same fix meanwhile.
            return Ok(());
        }
        return Err(refused(
            "it changed while it was being fixed; run again".into(),
        ));
    }
    temp.persist(&target).map_err(|e| e.error)?;
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
