//! Writing a fixed post back: atomically, keeping the file's permissions.
//! The only place `--fix` touches the disk.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file `write_atomic` writes before renaming it over `path`:
/// beside it, hidden, and named after it, so that two runs fixing the same
/// file at once cannot both write it.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.postlint-fix.tmp"))
}

/// Replace the contents of the file at `path` with `text`: write a temporary
/// file in the same directory, give it the original's permissions, flush it
/// to disk and rename it over the original. On any failure the original is
/// untouched and the temporary file is removed. A symbolic link is followed,
/// and the file it points to is replaced.
pub fn write_atomic(path: &Path, text: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let permissions = fs::metadata(&target)?.permissions();
    let temp = temp_path(&target);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                io::Error::new(
                    e.kind(),
                    format!(
                        "the temporary file {} already exists (is another postlint fixing this file? if not, remove it)",
                        temp.display()
                    ),
                )
            } else {
                io::Error::new(
                    e.kind(),
                    format!("cannot create {}: {e}", temp.display()),
                )
            }
        })?;
    let result = file
        .write_all(text.as_bytes())
        .and_then(|_| file.set_permissions(permissions))
        .and_then(|_| file.sync_all())
        .and_then(|_| {
            drop(file);
            fs::rename(&temp, &target)
        });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old\r\n").unwrap();
        write_atomic(&path, "new\r\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_follows_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, "new").unwrap();
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
    fn a_failed_write_keeps_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old").unwrap();
        // A directory where the temporary file must go: creating it fails,
        // even for a user who may write anywhere.
        fs::create_dir(temp_path(&path)).unwrap();
        let e = write_atomic(&path, "new").unwrap_err();
        assert!(e.to_string().contains("already exists"), "{e}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }
}
