//! Which paths are posts: the config's `include`, `exclude` and
//! `per-file-ignores`, compiled once and matched against paths relative to
//! the config's folder.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};

use crate::config::{Config, DEFAULT_INCLUDE};

pub(super) fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

fn glob_set(patterns: &[String], what: &str) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    // A repeated glob adds nothing but cost: 64,000 copies of one took
    // globset seconds to build.
    let mut seen = std::collections::HashSet::new();
    for pattern in patterns.iter().filter(|p| seen.insert(p.as_str())) {
        builder.add(glob(pattern).map_err(|e| format!("invalid {what} pattern `{pattern}`: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

/// `exclude`: its globs that name a folder wherever it is (`**/_site/**`,
/// as all the default ones do), matched by comparing path components, and
/// the rest, compiled.
struct Exclude {
    folders: Vec<std::ffi::OsString>,
    globs: GlobSet,
}

impl Exclude {
    fn new(patterns: &[String]) -> Result<Exclude, String> {
        let (mut folders, mut globs) = (Vec::new(), Vec::new());
        for pattern in patterns {
            match folder_name(pattern) {
                Some(name) => folders.push(name.into()),
                None => globs.push(pattern.clone()),
            }
        }
        Ok(Exclude {
            folders,
            globs: glob_set(&globs, "exclude")?,
        })
    }

    /// Whether `rel` (relative to the config's directory) is excluded, or
    /// is a folder all below which is.
    fn matches(&self, rel: &Path) -> bool {
        // `**/name/**` matches `rel` or `rel/.` exactly when a component of
        // `rel` is `name`.
        let in_folder = || {
            // On Unix by its bytes: a folder name is never empty, `.` or
            // `..`, so the pieces between `/`s that are not components
            // match none.
            if cfg!(unix) {
                return rel
                    .as_os_str()
                    .as_encoded_bytes()
                    .split(|&c| c == b'/')
                    .any(|c| self.folders.iter().any(|f| f.as_encoded_bytes() == c));
            }
            rel.components().any(|c| match c {
                Component::Normal(c) => self.folders.iter().any(|f| f == c),
                _ => false,
            })
        };
        // `**/_site/**` names what is inside `_site`; matching `_site/.`
        // lets the walk skip the folder itself.
        (!self.folders.is_empty() && in_folder())
            || (!self.globs.is_empty()
                && (self.globs.is_match(rel) || self.globs.is_match(rel.join("."))))
    }
}

/// `name` when `pattern` is `**/name/**` with `name` one plain path
/// component: no glob syntax, no separator, not `.` or `..`.
fn folder_name(pattern: &str) -> Option<&str> {
    let name = pattern.strip_prefix("**/")?.strip_suffix("/**")?;
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['*', '?', '[', ']', '{', '}', '\\', '/', '!']);
    plain.then_some(name)
}

/// The config's path globs, compiled once and matched against paths
/// relative to the config's directory.
pub struct PathFilter {
    cwd: PathBuf,
    root: PathBuf,
    /// Whether `cwd` is `root`, so that a plain relative path is already
    /// relative to the root.
    at_root: bool,
    include: GlobSet,
    exclude: Exclude,
    ignores: Vec<(GlobMatcher, bool, Vec<String>)>,
    /// Whether `include` is the default, which also takes the posts whose
    /// extension the site's `markdown_ext` names (`.mkdn`, `.text`).
    default_include: bool,
    /// The `markdown_ext` of each folder of posts looked at.
    markdown_ext: Mutex<HashMap<PathBuf, Vec<String>>>,
}

impl PathFilter {
    pub fn new(config: &Config) -> Result<PathFilter, String> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let root = absolute(&cwd, &config.root);
        let ignores = config
            .per_file_ignores
            .iter()
            .map(|(pattern, names)| {
                let matcher = glob(pattern)
                    .map_err(|e| format!("invalid per-file-ignores pattern `{pattern}`: {e}"))?
                    .compile_matcher();
                Ok((matcher, !pattern.contains('/'), names.clone()))
            })
            .collect::<Result<_, String>>()?;
        Ok(PathFilter {
            include: glob_set(&config.include, "include")?,
            exclude: Exclude::new(&config.exclude)?,
            ignores,
            at_root: cwd == root,
            cwd,
            root,
            default_include: config.include.iter().eq(DEFAULT_INCLUDE.iter()),
            markdown_ext: Mutex::default(),
        })
    }

    /// A filter that matches nothing and ignores no rule.
    pub fn empty() -> PathFilter {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        PathFilter {
            root: cwd.clone(),
            at_root: true,
            cwd,
            include: GlobSet::empty(),
            exclude: Exclude {
                folders: Vec::new(),
                globs: GlobSet::empty(),
            },
            ignores: Vec::new(),
            default_include: false,
            markdown_ext: Mutex::default(),
        }
    }

    /// `path` relative to the config's directory, or absolute outside it.
    pub fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        if let Some(rel) = self.plainly_relative(path) {
            return std::borrow::Cow::Borrowed(rel);
        }
        let abs = absolute(&self.cwd, path);
        std::borrow::Cow::Owned(match abs.strip_prefix(&self.root) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => abs,
        })
    }

    /// [`PathFilter::relative`] without taking `path` apart, for the
    /// usual case: run from the root, a path written plainly (no `..`, no
    /// `.` but a leading `./`, no doubled or trailing `/`), which is then
    /// its own relative form. `None` otherwise.
    fn plainly_relative<'p>(&self, path: &'p Path) -> Option<&'p Path> {
        if !self.at_root {
            return None;
        }
        let mut bytes = path.as_os_str().as_encoded_bytes();
        while let Some(rest) = bytes.strip_prefix(b"./") {
            bytes = rest;
        }
        plain_bytes(bytes).then(|| crate::model::jekyll::path::path_of(bytes))?
    }

    pub fn is_post(&self, path: &Path) -> bool {
        // The default globs, matched by hand: every post is asked about.
        if self.default_include
            && let Some(rel) = self.plainly_relative(path)
        {
            let bytes = rel.as_os_str().as_encoded_bytes();
            return default_post(bytes) || self.markdown_post(rel) || extensionless_post(rel);
        }
        let rel = self.relative(path);
        self.include.is_match(&rel)
            || (self.default_include && (self.markdown_post(&rel) || extensionless_post(&rel)))
    }

    /// Whether `rel` is in `_posts` or `_drafts` with an extension that
    /// Jekyll converts from Markdown on its site (`markdown_ext`), beyond
    /// the `.md` and `.markdown` of the default `include`.
    fn markdown_post(&self, rel: &Path) -> bool {
        let Some(ext) = rel.extension().and_then(|e| e.to_str()) else {
            return false;
        };
        let Some(dir) = rel.parent() else {
            return false;
        };
        if !dir.components().any(|c| {
            c == Component::Normal("_posts".as_ref()) || c == Component::Normal("_drafts".as_ref())
        }) {
            return false;
        }
        let mut known = self.markdown_ext.lock().unwrap_or_else(|e| e.into_inner());
        let exts = known
            .entry(dir.to_path_buf())
            .or_insert_with(|| crate::site_loader::markdown_ext_in(&self.root.join(dir)));
        exts.iter().any(|e| e.eq_ignore_ascii_case(ext))
    }

    /// Is this file, or this folder (and so all below it), excluded?
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.exclude.matches(&self.relative(path))
    }

    /// The rules and families `per-file-ignores` turns off for `path`.
    /// Whether any `per-file-ignores` glob is set.
    pub fn has_ignores(&self) -> bool {
        !self.ignores.is_empty()
    }

    pub fn ignored(&self, path: &Path) -> Vec<&str> {
        if self.ignores.is_empty() {
            return Vec::new();
        }
        let rel = self.relative(path);
        let name = rel.file_name().map(Path::new);
        let mut out = Vec::new();
        for (matcher, by_name, names) in &self.ignores {
            if matcher.is_match(&rel) || (*by_name && name.is_some_and(|n| matcher.is_match(n))) {
                out.extend(names.iter().map(String::as_str));
            }
        }
        out
    }
}

/// Whether `bytes`, a relative path, is plain: not empty, and each of its
/// components (between single `/`s) neither empty nor `.` or `..`. Such a
/// path is its own normal form. Always false off Unix, where `/` is not the
/// only separator.
fn plain_bytes(bytes: &[u8]) -> bool {
    // A `/` at the start is a root; a `.` or `/` after one, or a `.` at the
    // start, may be a component to take apart (or merely `.hidden`): the
    // few such paths are split and looked at.
    let suspect = |b: &[u8]| {
        b.first().is_none_or(|&c| c == b'/' || c == b'.')
            || b.last() == Some(&b'/')
            || memchr::memchr_iter(b'/', b).any(|i| matches!(b.get(i + 1), Some(b'/' | b'.')))
    };
    cfg!(unix)
        && (!suspect(bytes)
            || bytes
                .split(|&c| c == b'/')
                .all(|c| !c.is_empty() && c != b"." && c != b".."))
}

/// Whether `rel` is a file in `_posts` (or a folder below it) named as a
/// post but without an extension (`2020-03-10-meeting`): Jekyll skips it
/// without a word, so it is read, for `jekyll-filename` to report. Its name
/// has no `.`, and starts with a date as Jekyll's post names do (2 to 4
/// digits, `-`, 1 or 2 digits, `-`, 1 or 2 digits, `-`), which no asset's
/// name in a folder of posts is likely to.
fn extensionless_post(rel: &Path) -> bool {
    let bytes = rel.as_os_str().as_encoded_bytes();
    let Some(slash) = memchr::memrchr(b'/', bytes) else {
        return false;
    };
    let name = &bytes[slash + 1..];
    !name.contains(&b'.')
        && crate::model::jekyll::path::date_prefix(name).is_some_and(|(_, at)| at < name.len())
        && bytes[..slash].split(|&c| c == b'/').any(|c| c == b"_posts")
}

/// Whether a plain relative path (see [`plain_bytes`]) matches one of
/// [`DEFAULT_INCLUDE`]: a name ending in `.md`, `.markdown` or `.html`
/// below a folder named `_posts` or `_drafts`.
fn default_post(bytes: &[u8]) -> bool {
    let Some(slash) = memchr::memrchr(b'/', bytes) else {
        return false;
    };
    let name = &bytes[slash + 1..];
    (name.ends_with(b".md") || name.ends_with(b".markdown") || name.ends_with(b".html"))
        && bytes[..slash]
            .split(|&c| c == b'/')
            .any(|c| c == b"_posts" || c == b"_drafts")
}

pub(super) fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    // Drop `.` components so that prefixes compare equal.
    joined
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`PathFilter::relative`] the long way: made absolute, then taken
    /// from the root.
    fn slow_relative(filter: &PathFilter, path: &Path) -> PathBuf {
        let abs = absolute(&filter.cwd, path);
        abs.strip_prefix(&filter.root)
            .map_or(abs.clone(), Path::to_path_buf)
    }

    #[test]
    fn a_plain_path_is_its_own_relative_form() {
        let filter = PathFilter::new(&Config::default()).unwrap();
        let slow = |p: &Path| slow_relative(&filter, p);
        for p in [
            "_posts/a.md",
            "./_posts/a.md",
            "././x/y.md",
            "a//b.md",
            "a/./b.md",
            "a/../b.md",
            "../x.md",
            "a/b/",
            ".",
            "./",
            "x",
            "_posts/.hidden.md",
            "a/.../b.md",
        ] {
            let p = Path::new(p);
            assert_eq!(filter.relative(p).as_ref(), slow(p).as_path(), "{p:?}");
        }
    }

    /// A path made of `parts` (indices into a few names), with a leading
    /// `/` or `./` as `lead` says.
    fn made_path(lead: u8, parts: &[u8]) -> PathBuf {
        const NAMES: &[&str] = &[
            "_site",
            "a",
            "_site2",
            "x_site",
            ".",
            "..",
            "",
            "node_modules",
            "vendor",
            ".jekyll-cache",
            "b.md",
            "_SITE",
            "_site.md",
            "sass-cache",
            "é",
        ];
        joined(NAMES, ["", "/", "./", "../"][usize::from(lead % 4)], parts)
    }

    /// `lead`, then the `names` that `parts` pick (each taken modulo their
    /// number), joined by `/`.
    fn joined(names: &[&str], lead: &str, parts: &[u8]) -> PathBuf {
        let rest: Vec<&str> = parts
            .iter()
            .map(|&i| names[usize::from(i) % names.len()])
            .collect();
        PathBuf::from(format!("{lead}{}", rest.join("/")))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Excluded folders matched by name agree with the globs compiled.
        #[test]
        fn folder_excludes_match_as_their_globs_do(
            lead in 0u8..4,
            parts in proptest::collection::vec(0u8..32, 0..6),
            trailing in proptest::bool::ANY,
        ) {
            let mut path = made_path(lead, &parts).into_os_string();
            if trailing {
                path.push("/");
            }
            let rel = PathBuf::from(path);
            let patterns: Vec<String> = crate::config::DEFAULT_EXCLUDE
                .iter()
                .map(|s| s.to_string())
                .collect();
            let fast = Exclude::new(&patterns).unwrap();
            proptest::prop_assert_eq!(fast.folders.len(), patterns.len());
            let compiled = glob_set(&patterns, "exclude").unwrap();
            let slow = compiled.is_match(&rel) || compiled.is_match(rel.join("."));
            proptest::prop_assert_eq!(fast.matches(&rel), slow, "{:?}", rel);
        }
    }

    /// A path made of `parts` (indices into names a post's path may hold),
    /// with a leading `/`, `./`, `../` or `././` as `lead` says.
    fn post_path(lead: u8, parts: &[u8]) -> PathBuf {
        const NAMES: &[&str] = &[
            "_posts",
            "_drafts",
            "a",
            "x.md",
            ".md",
            "b.markdown",
            "c.html",
            "d.htm",
            "X.MD",
            "_posts.md",
            "é.md",
            ".",
            "..",
            "",
            "_POSTS",
            "a_posts",
            "e.md.txt",
            ".hidden.md",
            "f.html.md",
        ];
        joined(
            NAMES,
            ["", "/", "./", "../", "././"][usize::from(lead % 5)],
            parts,
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The plain form of a path, found by its bytes, is its relative
        /// form; and of those, the posts the default globs match are the
        /// ones matched by hand.
        #[test]
        fn posts_are_matched_by_hand_as_the_default_globs_do(
            lead in 0u8..5,
            parts in proptest::collection::vec(0u8..40, 0..6),
            trailing in proptest::bool::ANY,
        ) {
            let mut path = post_path(lead, &parts).into_os_string();
            if trailing {
                path.push("/");
            }
            let path = PathBuf::from(path);
            let filter = PathFilter::new(&Config::default()).unwrap();
            let slow = slow_relative(&filter, &path);
            // Byte for byte: globs see `a/./b` and `a/b` apart.
            let fast = filter.relative(&path);
            proptest::prop_assert_eq!(fast.as_os_str(), slow.as_os_str());
            if let Some(rel) = filter.plainly_relative(&path) {
                let globs: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect();
                let compiled = glob_set(&globs, "include").unwrap();
                proptest::prop_assert_eq!(
                    default_post(rel.as_os_str().as_encoded_bytes()),
                    compiled.is_match(rel),
                    "{:?}",
                    rel
                );
            }
        }
    }

    #[test]
    fn a_post_without_an_extension_is_read_only_in_posts() {
        let filter = PathFilter::new(&Config::default()).unwrap();
        for post in [
            "_posts/2020-03-10-meeting",
            "site/_posts/2020/20-3-1-x",
            "./_posts/2020-03-10-meeting",
        ] {
            assert!(filter.is_post(Path::new(post)), "{post}");
        }
        for not in [
            "_posts/2020-03-10-meeting.pdf",
            "_posts/2020-03-10-",
            "_posts/README",
            "_posts/2020-03-meeting",
            "_posts/12345-03-10-x",
            "_drafts/2020-03-10-meeting",
            "pages/2020-03-10-meeting",
            "_posts",
        ] {
            assert!(!filter.is_post(Path::new(not)), "{not}");
        }
    }

    #[test]
    fn only_plain_folder_globs_are_matched_by_name() {
        assert_eq!(folder_name("**/_site/**"), Some("_site"));
        assert_eq!(folder_name("**/.jekyll-cache/**"), Some(".jekyll-cache"));
        for other in [
            "**/_s*te/**",
            "**/a/b/**",
            "_site/**",
            "**/_site",
            "**/./**",
            "**/../**",
            "**/[ab]/**",
            "**/{a,b}/**",
            "**//**",
        ] {
            assert_eq!(folder_name(other), None, "{other}");
        }
        // Mixed: the rest still go through the globs.
        let ex = Exclude::new(&["**/_site/**".into(), "**/*.tmp.md".into()]).unwrap();
        assert!(ex.matches(Path::new("x/_site/a.md")));
        assert!(ex.matches(Path::new("_posts/a.tmp.md")));
        assert!(!ex.matches(Path::new("_posts/a.md")));
    }

    #[test]
    fn exclude_and_per_file_ignores() {
        let mut config = Config::default();
        config.per_file_ignores = vec![
            ("legacy/**".into(), vec!["timestamp".into()]),
            ("*-draft.md".into(), vec!["source-missing".into()]),
        ];
        let filter = PathFilter::new(&config).unwrap();
        assert!(filter.is_excluded(Path::new("_site")));
        assert!(filter.is_excluded(Path::new("_site/_posts/a.md")));
        assert!(!filter.is_excluded(Path::new("_posts/a.md")));
        assert_eq!(
            filter.ignored(Path::new("legacy/_posts/a.md")),
            vec!["timestamp"]
        );
        assert_eq!(
            filter.ignored(Path::new("_posts/x/a-draft.md")),
            vec!["source-missing"]
        );
        assert!(filter.ignored(Path::new("_posts/a.md")).is_empty());
    }
}
