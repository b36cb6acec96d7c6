//! Which files to check: walk the given paths (honouring `.gitignore`),
//! skip what `exclude` names, and keep the posts that `include` matches.
//! Files named on the command line, or matched by a glob given there, are
//! always checked, unless `--force-exclude` applies `exclude` to them too.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

mod filter;
mod order;

pub use filter::PathFilter;
use filter::glob;
use order::sorted;

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to check, sorted and without repeats.
    pub files: Vec<PathBuf>,
    /// Arguments (directories or globs) under which no post was found.
    pub empty: Vec<String>,
    /// Arguments that could not be used, with the reason.
    pub errors: Vec<String>,
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// Find the files to check for `args` (the current directory when empty):
/// the posts, and the files a walk finds for which `page` holds (the
/// site's pages, whose links are checked).
pub fn discover(
    args: &[String],
    filter: &PathFilter,
    force_exclude: bool,
    page: &dyn Fn(&Path) -> bool,
) -> Result<Discovery, String> {
    discover_each(args, filter, force_exclude, page, &mut |_| {})
}

/// Whether a file the walk finds may be a page of a site: it has the
/// extension of a file Jekyll renders to HTML, and `page` is asked only
/// about those.
fn page_candidate(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

/// The extensions of the pages whose links are checked: Markdown's and
/// HTML's.
const PAGE_EXTENSIONS: &[&str] = &["md", "markdown", "mkdown", "mkdn", "mkd", "html", "htm"];

/// [`discover`], telling `on_found` of each file as the walk finds it,
/// before the files are sorted.
pub fn discover_each(
    args: &[String],
    filter: &PathFilter,
    force_exclude: bool,
    page: &dyn Fn(&Path) -> bool,
    on_found: &mut dyn FnMut(&Path),
) -> Result<Discovery, String> {
    let default = [".".to_string()];
    let args = if args.is_empty() { &default[..] } else { args };
    // Sorted and without repeats at the end.
    let mut found = Vec::new();
    let mut out = Discovery::default();
    for arg in args {
        let path = Path::new(arg);
        let before = found.len();
        if path.is_file() || (path.is_symlink() && !path.exists()) {
            // A named file is checked even where a walk would not go; a
            // dangling or looping link is named too, so that reading it
            // reports why it cannot be read.
            if !(force_exclude && filter.is_excluded(path)) {
                on_found(path);
                found.push(path.to_path_buf());
            }
            continue;
        }
        if path.is_dir() {
            for entry in walk(path, filter) {
                match entry {
                    Ok(p) if filter.is_post(&p) || (page_candidate(&p) && page(&p)) => {
                        on_found(&p);
                        found.push(p);
                    }
                    Ok(_) => {}
                    Err(e) => out.errors.push(e),
                }
            }
        } else if is_glob(arg) {
            let matcher = glob(arg)
                .map_err(|e| format!("invalid glob `{arg}`: {e}"))?
                .compile_matcher();
            let base = glob_base(arg);
            // A glob whose folder is missing, or that matches no file, is
            // a path that does not exist, as for a shell.
            if !base.is_dir() {
                out.errors.push(missing(arg));
                continue;
            }
            for entry in walk(&base, filter) {
                match entry {
                    Ok(p)
                        if matcher.is_match(&p)
                            || matcher.is_match(p.strip_prefix("./").unwrap_or(&p)) =>
                    {
                        on_found(&p);
                        found.push(p);
                    }
                    Ok(_) => {}
                    Err(e) => out.errors.push(e),
                }
            }
            if found.len() == before {
                out.errors.push(missing(arg));
                continue;
            }
        } else if path.exists() {
            out.errors
                .push(format!("{arg}: not a regular file or directory"));
            continue;
        } else {
            out.errors.push(missing(arg));
            continue;
        }
        if found.len() == before {
            out.empty.push(arg.clone());
        }
    }
    out.files = sorted(found);
    Ok(out)
}

fn missing(arg: &str) -> String {
    format!("{arg}: no such file or directory")
}

/// Every file under `dir`, honouring `.gitignore`, `.ignore`, hidden files
/// and `exclude`. Symbolic links are followed, as Jekyll follows them
/// outside safe mode; a loop, or a link to nothing where a post could be,
/// is reported rather than skipped without a word.
fn walk<'f>(
    dir: &Path,
    filter: &'f PathFilter,
) -> impl Iterator<Item = Result<PathBuf, String>> + 'f {
    let root = dir.to_path_buf();
    WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(true)
        .build()
        .filter_map(move |entry| match entry {
            Ok(e)
                if e.file_type().is_some_and(|t| t.is_file()) && !filter.is_excluded(e.path()) =>
            {
                Some(Ok(e.into_path()))
            }
            Ok(_) => None,
            Err(e) => walk_error(e, &root, filter).map(Err),
        })
}

/// What to say about an entry the walk could not follow, if anything.
fn walk_error(e: ignore::Error, root: &Path, filter: &PathFilter) -> Option<String> {
    match e {
        ignore::Error::WithDepth { err, .. } => walk_error(*err, root, filter),
        ignore::Error::Loop { ancestor, child } => (!filter.is_excluded(&child)).then(|| {
            format!(
                "{}: symbolic link loop (it leads back to {}), not followed",
                child.strip_prefix(".").unwrap_or(&child).display(),
                ancestor.strip_prefix(".").unwrap_or(&ancestor).display()
            )
        }),
        ignore::Error::WithPath { path, err } => {
            if filter.is_excluded(&path) {
                return None;
            }
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            let shown = path.strip_prefix(".").unwrap_or(&path).display();
            match std::fs::metadata(&path) {
                Err(_) if link && !filter.is_post(&path) => None,
                Err(io) if link && io.kind() == std::io::ErrorKind::NotFound => Some(format!(
                    "{shown}: dangling symbolic link (its target does not exist), not checked"
                )),
                // ELOOP: "Too many levels of symbolic links".
                Err(io) if link && io.to_string().contains("levels of symbolic links") => {
                    Some(format!("{shown}: symbolic link loop, not checked"))
                }
                Err(io) if link => Some(format!(
                    "{shown}: symbolic link that cannot be followed ({io}), not checked"
                )),
                _ => Some(format!("{shown}: {err}")),
            }
        }
        other => Some(format!("{}: {other}", root.display())),
    }
}

/// The directory a glob starts in: its literal leading components.
fn glob_base(pattern: &str) -> PathBuf {
    let mut base = PathBuf::new();
    for part in Path::new(pattern).components() {
        if is_glob(&part.as_os_str().to_string_lossy()) {
            break;
        }
        base.push(part);
    }
    if base.as_os_str().is_empty() || base == Path::new(pattern) {
        PathBuf::from(".")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_bases() {
        assert_eq!(glob_base("site/_posts/*.md"), PathBuf::from("site/_posts"));
        assert_eq!(glob_base("**/*.md"), PathBuf::from("."));
    }
}
