//! Which files to check: walk the given paths (honouring `.gitignore`) and
//! keep the posts that `include` matches. Files named on the command line,
//! or matched by a glob given there, are always checked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

use crate::config::Config;

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

fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// Build the `include` matcher.
pub fn include_set(config: &Config) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in &config.include {
        builder
            .add(glob(pattern).map_err(|e| format!("invalid include pattern `{pattern}`: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// Find the files to check for `args` (the current directory when empty).
pub fn discover(args: &[String], config: &Config) -> Result<Discovery, String> {
    let include = include_set(config)?;
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = absolute(&cwd, &config.root);
    let included = |path: &Path| {
        let abs = absolute(&cwd, path);
        match abs.strip_prefix(&root) {
            Ok(rel) => include.is_match(rel),
            Err(_) => include.is_match(&abs),
        }
    };
    let default = [".".to_string()];
    let args = if args.is_empty() { &default[..] } else { args };
    let mut found = BTreeSet::new();
    let mut out = Discovery::default();
    for arg in args {
        let path = Path::new(arg);
        let before = found.len();
        if path.is_file() {
            found.insert(path.to_path_buf());
            continue;
        }
        if path.is_dir() {
            for entry in walk(path) {
                match entry {
                    Ok(p) if included(&p) => {
                        found.insert(p);
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
            for entry in walk(&base) {
                match entry {
                    Ok(p)
                        if matcher.is_match(&p)
                            || matcher.is_match(p.strip_prefix("./").unwrap_or(&p)) =>
                    {
                        found.insert(p);
                    }
                    Ok(_) => {}
                    Err(e) => out.errors.push(e),
                }
            }
        } else if path.exists() {
            out.errors
                .push(format!("{arg}: not a regular file or directory"));
            continue;
        } else {
            out.errors.push(format!("{arg}: no such file or directory"));
            continue;
        }
        if found.len() == before {
            out.empty.push(arg.clone());
        }
    }
    out.files = found.into_iter().collect();
    Ok(out)
}

/// Every file under `dir`, honouring `.gitignore`, `.ignore` and hidden files.
fn walk(dir: &Path) -> impl Iterator<Item = Result<PathBuf, String>> {
    WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(false)
        .build()
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => Some(Ok(e.into_path())),
            Ok(_) => None,
            Err(e) => Some(Err(e.to_string())),
        })
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

fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    // Drop `.` components so that prefixes compare equal.
    joined
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
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
