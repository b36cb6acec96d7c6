//! Jekyll's `EntryFilter`: which names of a folder it reads. Hidden and
//! backup files (`.`, `#`, `~`) and those starting with `_` are left out,
//! as is what `exclude` names, unless `include` names it.

use crate::model::jekyll::site::{Site, fnmatch};

/// Why the filter leaves an entry out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rejected {
    /// `exclude` names it.
    Excluded,
    /// One of Jekyll's own excludes names it (`Gemfile`, `node_modules`).
    ExcludedByJekyll,
    /// It starts with `_`.
    Underscore,
    /// It starts with `.`, `#` or `~`, ends with `~`, or is `.`-ended.
    Hidden,
}

impl Rejected {
    /// In words, for `explain`.
    pub fn why(self, at: &str) -> String {
        match self {
            Rejected::Excluded => format!("`{at}` is excluded (`exclude` in _config.yml)"),
            Rejected::ExcludedByJekyll => {
                format!("`{at}` is one of the files Jekyll always excludes")
            }
            Rejected::Underscore => format!("`{at}` starts with `_`"),
            Rejected::Hidden => format!("`{at}` is hidden or a backup file"),
        }
    }
}

/// `EntryFilter#filter` for one entry: `entry` as the folder listing gives
/// it (a name, or a path below a collection's or `_posts` folder),
/// `relative` the path Jekyll matches `exclude` against (from the site's
/// folder), `is_dir` whether it is a folder.
pub fn filter(site: &Site, entry: &str, relative: &str, is_dir: bool) -> Option<Rejected> {
    if entry.ends_with('.') {
        return Some(Rejected::Hidden);
    }
    let basename = entry.rsplit('/').next().unwrap_or(entry);
    let included = glob_include(site.include.iter().map(String::as_str), entry, is_dir)
        || glob_include(site.include.iter().map(String::as_str), basename, is_dir);
    if !included {
        let not_included = |e: &&str| !site.include.iter().any(|i| i == e);
        let own = site.exclude.iter().map(String::as_str).filter(not_included);
        if glob_include(own, relative, is_dir) {
            return Some(Rejected::Excluded);
        }
        let jekyll = site.jekyll_excludes().into_iter().filter(not_included);
        if glob_include(jekyll, relative, is_dir) {
            return Some(Rejected::ExcludedByJekyll);
        }
    }
    if included {
        return None;
    }
    let special = |s: &str| s.starts_with(['.', '#', '~']);
    if entry.starts_with('_') || basename.starts_with('_') {
        return Some(Rejected::Underscore);
    }
    if special(entry) || special(basename) || entry.ends_with('~') {
        return Some(Rejected::Hidden);
    }
    None
}

/// `EntryFilter#glob_include?`: whether one of `patterns` matches `entry`
/// (both from the site's folder): as a glob (`File.fnmatch?`), as a prefix,
/// or as the folder's name with a `/`.
pub fn glob_include<'a>(
    patterns: impl IntoIterator<Item = &'a str>,
    entry: &str,
    is_dir: bool,
) -> bool {
    let entry = entry.trim_start_matches('/');
    patterns.into_iter().any(|p| {
        let p = p.trim_start_matches('/');
        fnmatch(p.as_bytes(), entry.as_bytes())
            || entry.starts_with(p)
            || (is_dir && p.strip_suffix('/') == Some(entry))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(include: &[&str], exclude: &[&str]) -> Site {
        Site {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ..Site::default()
        }
    }

    #[test]
    fn filters_as_jekyll() {
        let s = site(&[".htaccess", "_pages"], &["docs", "*.bak"]);
        assert_eq!(filter(&s, ".htaccess", ".htaccess", false), None);
        assert_eq!(filter(&s, "_pages", "_pages", true), None);
        assert_eq!(filter(&s, "_pagesx", "_pagesx", true), None);
        assert_eq!(
            filter(&s, "_layouts", "_layouts", true),
            Some(Rejected::Underscore)
        );
        assert_eq!(filter(&s, ".git", ".git", true), Some(Rejected::Hidden));
        assert_eq!(filter(&s, "a~", "a~", false), Some(Rejected::Hidden));
        assert_eq!(filter(&s, "docs", "docs", true), Some(Rejected::Excluded));
        assert_eq!(
            filter(&s, "x.bak", "a/x.bak", false),
            Some(Rejected::Excluded)
        );
        // Jekyll's own excludes, a folder given with its `/`.
        assert_eq!(
            filter(&s, "bundle", "vendor/bundle", true),
            Some(Rejected::ExcludedByJekyll)
        );
        assert_eq!(filter(&s, "vendor", "vendor", true), None);
        assert_eq!(
            filter(&s, "Gemfile", "Gemfile", false),
            Some(Rejected::ExcludedByJekyll)
        );
        // Below a collection: a hidden folder on the way is not seen.
        assert_eq!(filter(&s, "a/.b/c.md", "_c/a/.b/c.md", false), None);
        assert_eq!(
            filter(&s, "a/_b.md", "_c/a/_b.md", false),
            Some(Rejected::Underscore)
        );
    }
}
