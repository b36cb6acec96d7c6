//! A partial run: the paths given are not the whole project (pre-commit
//! passes the staged files), yet the whole-repository rules compare them
//! with every post of it. The project's other posts join the run with
//! their summaries only, and of the findings in those posts only what
//! involves a file given is kept.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Outcome;
use super::write::{folder_of, lexical, project_of};
use crate::cache::Cache;
use crate::discover::discover;
use crate::engine::Resolver;
use crate::model::summary::compact::PostSummary;
use crate::report::Finding;

/// The posts of the project a run was not given, each with its summary.
pub struct Rest {
    pub paths: Vec<PathBuf>,
    pub summaries: Vec<Option<Arc<PostSummary>>>,
    /// Whether the run has then seen every post of the project.
    pub complete: bool,
}

/// When the whole-repository rules are on and the paths named (`args`)
/// are not the whole project: the project's posts other than `checked`.
/// Their summaries come from the cache when it holds, else from checking
/// them.
pub fn rest_of_project(
    args: &[String],
    checked: &[PathBuf],
    resolver: &Resolver,
    cache: Option<&Cache>,
) -> Rest {
    let none = |complete| Rest {
        paths: Vec::new(),
        summaries: Vec::new(),
        complete,
    };
    let base = resolver.base();
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| lexical(&cwd.join(p));
    // The project: the folder of `postlint.toml`, else the one project the
    // paths named lie in (the folder of `_config.yml`, else the
    // repository's root), never the current folder as such: a site named
    // from elsewhere is compared with its own posts, not with whatever lies
    // around the user.
    let root = match &base.path {
        Some(_) => Some(absolute(&base.root)),
        None => {
            let named: Vec<PathBuf> = args.iter().map(|a| absolute(Path::new(a))).collect();
            let projects: Vec<Option<PathBuf>> =
                (named.iter()).map(|n| project_of(folder_of(n))).collect();
            match projects.first() {
                Some(Some(first)) if projects.iter().all(|p| p.as_ref() == Some(first)) => {
                    Some(first.clone())
                }
                // No project anywhere: the current folder, when every path
                // named lies in it.
                Some(None)
                    if projects.iter().all(Option::is_none)
                        && named.iter().all(|n| n.starts_with(&cwd)) =>
                {
                    Some(absolute(&base.root))
                }
                _ => None,
            }
        }
    };
    let whole = args.is_empty()
        || root
            .as_ref()
            .is_some_and(|root| args.iter().all(|a| absolute(Path::new(a)) == *root));
    let Some(root) = root.filter(|_| !whole && crate::engine::check::any_enabled(base)) else {
        return none(whole);
    };
    // Problems elsewhere in the project are not this run's to report.
    let Ok(all) = discover(
        &[root.display().to_string()],
        resolver.filter(),
        false,
        &|p: &Path| crate::runner::read::is_page(resolver, p),
    ) else {
        return none(false);
    };
    let given: HashSet<PathBuf> = checked.iter().map(|p| absolute(p)).collect();
    let rest: Vec<PathBuf> = all
        .files
        .iter()
        .map(|p| absolute(p))
        .filter(|p| !given.contains(p))
        .map(|p| match p.strip_prefix(&cwd) {
            Ok(inside) => inside.to_path_buf(),
            Err(_) => p,
        })
        .collect();
    let mut summaries = Vec::with_capacity(rest.len());
    super::run(&rest, resolver, None, cache, |i, outcome| {
        summaries.resize_with(i, || None);
        summaries.push(match outcome {
            Outcome::Checked(mut report) => report.summary.take(),
            Outcome::Failed { .. } => None,
        });
    });
    Rest {
        paths: rest,
        summaries,
        complete: true,
    }
}

/// Of `findings` (by index into `paths`), those in the first `given` files,
/// and in any other file only those that involve one of the first `given`;
/// a file left with none is left out.
pub fn involving_given(
    findings: Vec<(usize, Vec<Finding>)>,
    paths: &[PathBuf],
    given: usize,
) -> Vec<(usize, Vec<Finding>)> {
    // The shown paths of the files given, made once and only when a finding
    // is in a file that was not.
    let mut given_shown: Option<HashSet<String>> = None;
    let mut kept = Vec::with_capacity(findings.len());
    for (i, mut findings) in findings {
        if i >= given {
            let shown = given_shown.get_or_insert_with(|| {
                paths[..given]
                    .iter()
                    .map(|q| super::display_path(q))
                    .collect()
            });
            findings.retain(|f| {
                f.diagnostic
                    .related
                    .iter()
                    .any(|l| l.path.as_deref().is_some_and(|p| shown.contains(p)))
            });
        }
        if !findings.is_empty() {
            kept.push((i, findings));
        }
    }
    kept
}
