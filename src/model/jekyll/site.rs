//! What a check knows of the world around the post: the facts of the Jekyll
//! site it belongs to, and the moment the site is built at. The caller
//! reads both (the site's `_config.yml`, the clock or `--now`) and hands
//! them in as values, so that checking reads no file and no clock.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The settings of a Jekyll site that change what a post means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// `timezone`: dates without an offset are in this zone. UTC when the
    /// site sets none, or one Ruby (and so Jekyll) does not know.
    pub timezone: TimeZone,
    /// `future: true`: posts dated in the future are published.
    pub future: bool,
    /// `permalink` (or `collections.posts.permalink`, which wins): a style
    /// name or a template; Jekyll's default (`date`) when `None`.
    pub permalink: Option<String>,
    /// The folder of the site's `_config.yml`, when one was found. Folders
    /// between it and `_posts` are categories of the posts inside.
    pub root: Option<PathBuf>,
    /// The host of the site's `url`, when it sets one: links to it are
    /// the site's own.
    pub host: Option<String>,
    /// The kind of site, when it was decided for the folder of posts (by
    /// `profile` in `postlint.toml`, or from a sample of its posts).
    /// `None`: there was nothing to decide it by, and each post is judged
    /// by its own format (see [`Site::reads_as_mirror`]).
    pub kind: Option<Kind>,
    /// Whether `profile` set [`Site::kind`], so that a post's own format
    /// does not count.
    pub kind_set: bool,
    /// Why the kind is what it is, in words, for `--show-settings`.
    pub kind_reason: String,
    /// `defaults:` of `_config.yml`, in order: the later wins.
    pub defaults: Vec<ScopeDefault>,
    /// Liquid tags and filters the site's plugins add (from `_plugins/`
    /// and the plugin gems `_config.yml` names).
    pub liquid: LiquidExtensions,
    /// `markdown_ext`: the extensions (without the dot, lower case) of the
    /// files Jekyll converts from Markdown, to `.html`.
    pub markdown_ext: Vec<String>,
    /// `exclude`: what Jekyll leaves out of the site, as written (paths
    /// from the site's folder, or globs).
    pub exclude: Vec<String>,
    /// The languages of jekyll-polyglot, when `plugins` names it.
    pub polyglot: Option<Polyglot>,
    /// `url`, the site's full address as written (`None` when unset).
    pub url: Option<String>,
    /// `baseurl`, normalised: `""` when unset or `/`, else with a leading
    /// `/` and no trailing one.
    pub baseurl: String,
    /// `permalink` itself, as pages and collections use it (a style name or
    /// a template; Jekyll's `date` when `None`), whatever
    /// `collections.posts.permalink` says.
    pub page_permalink: Option<String>,
    /// `collections`, in the order written, without `posts`.
    pub collections: Vec<Collection>,
    /// `collections_dir`: the folder of the collections' folders (and of
    /// `_posts` and `_drafts`), empty for the site's own.
    pub collections_dir: String,
    /// `include`: names Jekyll reads although they start with `.` or `_`
    /// (`.htaccess` when unset).
    pub include: Vec<String>,
    /// `keep_files` (`.git` and `.svn` when unset).
    pub keep_files: Vec<String>,
    /// Plugin gems: `plugins` and `gems` of `_config.yml`, then the gems of
    /// a `Gemfile` beside it, each once.
    pub plugins: Vec<String>,
    /// The theme, when `theme` or `remote_theme` names one.
    pub theme: Option<String>,
    /// `source`, when it names another folder than the site's own: Jekyll
    /// reads the site from there.
    pub source: Option<String>,
    /// `paginate`: posts per page of jekyll-paginate.
    pub paginate: Option<usize>,
    /// How the ids of headings are made (`kramdown:`), and whether
    /// Markdown is converted by kramdown at all (`markdown:`).
    pub ids: crate::model::link::ids::IdRules,
    /// `markdown: kramdown` (Jekyll's default): the ids of headings are
    /// known.
    pub kramdown: bool,
    /// `paginate_path`: where jekyll-paginate writes pages 2 and on.
    pub paginate_path: Option<String>,
}

/// A collection of `collections:` other than `posts`: its documents are in
/// `<collections_dir>/_<label>/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collection {
    pub label: String,
    /// `output: true`: each document is written to its own page.
    pub output: bool,
    /// `permalink`, when set.
    pub permalink: Option<String>,
}

/// Jekyll's `exclude` entries added to those of `_config.yml`.
pub const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// The settings of jekyll-polyglot, which builds the site once per
/// language: the default language's build at the site's root, each other
/// one under `/<lang>/`. Each build keeps, for each URL, the post in its
/// language (else the default language's), so posts that share a URL in
/// different languages are translations of one another, not a collision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Polyglot {
    /// `languages`.
    pub languages: Vec<String>,
    /// `default_lang` (`en` when unset).
    pub default_lang: String,
    /// `lang_from_path`: a post without `lang` takes the first part of its
    /// path (split at `/` and `.`) that is one of the languages.
    pub lang_from_path: bool,
}

/// Jekyll's `markdown_ext` when `_config.yml` sets none.
pub const DEFAULT_MARKDOWN_EXT: &[&str] = &["markdown", "mkdown", "mkdn", "mkd", "md"];

/// The two kinds of content repository postlint knows.
///
/// A **mirror** is written by a generator that copies a news site: each
/// post has a source URL (`from:`), and the newer ones open with a
/// timestamp comment `<!--epoch-->` and a header link `[title](from)`. The
/// mirror rules (`timestamp`, `source`) apply to it, and any Liquid in a
/// post is a defect, since the generator never means it.
///
/// An **ordinary** Jekyll site is written by people: its Liquid is meant,
/// and it has no source URL and no timestamp comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Mirror,
    Ordinary,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Mirror => "mirror",
            Kind::Ordinary => "ordinary",
        }
    }
}

/// One entry of `defaults:` in `_config.yml`: front matter values for the
/// documents under `path` (relative to the site, empty for all) of `type`
/// (`posts`, `drafts`, `pages`; any when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeDefault {
    pub path: String,
    pub kind: Option<String>,
    /// The keys it sets, with the value as text when it is a scalar.
    pub values: Vec<(String, Option<String>)>,
}

/// Liquid names a site's plugins add.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiquidExtensions {
    /// Tags; each may also be a block closed by `end<name>`.
    pub tags: Vec<String>,
    pub filters: Vec<String>,
    /// A plugin whose tags and filters postlint does not know: unknown
    /// tags and filters are then not reported.
    pub unknown_plugins: bool,
}

impl Site {
    /// Whether a post of this site is checked as a mirror's, given whether
    /// it is itself in the mirror format ([`crate::model::Post::in_mirror_format`]).
    /// `profile` decides alone; otherwise a post is a mirror's when its
    /// folder is a mirror's, so that a mirror post whose `from:` was lost
    /// is still checked as one, or when it is itself in the format.
    pub fn reads_as_mirror(&self, own_format: bool) -> bool {
        match self.kind {
            Some(kind) if self.kind_set => kind == Kind::Mirror,
            Some(Kind::Mirror) => true,
            _ => own_format,
        }
    }

    /// [`Site::reads_as_mirror`] when it does not depend on the post.
    pub fn mirror_whatever_the_post(&self) -> Option<bool> {
        match self.kind {
            Some(kind) if self.kind_set => Some(kind == Kind::Mirror),
            Some(Kind::Mirror) => Some(true),
            _ => None,
        }
    }

    /// Whether Jekyll converts a file with extension `ext` (with or
    /// without its dot) from Markdown.
    pub fn is_markdown(&self, ext: &str) -> bool {
        let ext = ext.trim_start_matches('.');
        self.markdown_ext
            .iter()
            .any(|e| e.eq_ignore_ascii_case(ext))
    }

    /// The value `defaults:` gives `key` for the post at `path`, as Jekyll
    /// scopes it: by the path from the site's folder and by the post's
    /// collection (`posts`, or `drafts` under `_drafts`).
    pub fn default_for(&self, path: &std::path::Path, key: &str) -> Option<Option<&str>> {
        if self.defaults.is_empty() {
            return None;
        }
        let relative = self.relative(path);
        let relative = relative.as_str();
        let kind = if relative.split('/').any(|s| s == "_drafts") {
            "drafts"
        } else {
            "posts"
        };
        self.default_value(relative, kind, key)
            .or_else(|| (kind == "drafts").then(|| self.default_value(relative, "posts", key))?)
    }

    /// `path` from the site's folder, with `/` between its parts.
    pub fn relative(&self, path: &std::path::Path) -> String {
        let relative = match &self.root {
            Some(root) => path.strip_prefix(root).unwrap_or(path),
            None => path,
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        relative.trim_start_matches("./").to_string()
    }

    /// Whether the site's `exclude` leaves the file at `path` out, as
    /// Jekyll matches it against each folder on the way down and the file:
    /// an entry that starts with a pattern, or that the pattern matches as
    /// a glob (`File.fnmatch?`, whose `*` also matches `/`).
    pub fn excludes(&self, path: &std::path::Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let relative = self.relative(path);
        let entries = relative
            .match_indices('/')
            .map(|(i, _)| &relative[..i])
            .chain(std::iter::once(relative.as_str()));
        entries.into_iter().any(|entry| {
            self.exclude.iter().any(|p| {
                let p = p.trim_start_matches("./");
                !p.is_empty()
                    && (entry.starts_with(p)
                        || p.strip_suffix('/') == Some(entry)
                        || fnmatch(p.as_bytes(), entry.as_bytes()))
            })
        })
    }

    /// The language jekyll-polyglot builds the post at `path` in, when it
    /// is not the default one: `lang` from the front matter or from
    /// `defaults:`, else (with `lang_from_path`) the first part of the path
    /// that is one of `languages`. `None` without polyglot, or for a post
    /// of the default language, which is built at the site's root.
    pub fn polyglot_language<'a>(
        &'a self,
        path: &std::path::Path,
        lang: Option<&'a str>,
    ) -> Option<&'a str> {
        let p = self.polyglot.as_ref()?;
        let lang = lang
            .filter(|l| !l.is_empty())
            .or_else(|| self.default_for(path, "lang").flatten())
            .filter(|l| !l.is_empty())
            .or_else(|| {
                if !p.lang_from_path {
                    return None;
                }
                let relative = self.relative(path);
                let found = relative
                    .split(['/', '.'])
                    .find(|s| p.languages.iter().any(|l| l == s))?
                    .to_string();
                p.languages
                    .iter()
                    .find(|l| **l == found)
                    .map(String::as_str)
            })?;
        (lang != p.default_lang).then_some(lang)
    }

    /// The folder of the collection `label` (`posts` too) from the site's
    /// folder: `_<label>` below `collections_dir`.
    pub fn collection_folder(&self, label: &str) -> String {
        let dir = self.collections_dir.trim_matches('/');
        if dir.is_empty() {
            format!("_{label}")
        } else {
            format!("{dir}/_{label}")
        }
    }

    /// `exclude` with Jekyll's own entries added (`node_modules`,
    /// `Gemfile`, `vendor/bundle/` ...), as Jekyll filters the site's files.
    pub fn jekyll_excludes(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.exclude.iter().map(String::as_str).collect();
        for e in DEFAULT_EXCLUDES {
            if !all.contains(e) {
                all.push(e);
            }
        }
        all
    }

    /// The value `defaults:` gives `key` for the post at `relative` (its
    /// path from the site's folder, with `/`), of collection `type`.
    pub fn default_value(&self, relative: &str, kind: &str, key: &str) -> Option<Option<&str>> {
        self.defaults
            .iter()
            .rev()
            .filter(|d| d.kind.as_deref().is_none_or(|k| k == kind))
            .filter(|d| {
                let p = d.path.trim_start_matches("./").trim_matches('/');
                p.is_empty()
                    || relative == p
                    || relative.starts_with(&format!("{p}/"))
                    || (p.contains('*') && glob_prefix(p, relative))
            })
            .find_map(|d| {
                d.values
                    .iter()
                    .rev()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_deref())
            })
    }
}

/// Ruby's `File.fnmatch?` without flags: `*` matches any run of
/// characters (`/` too), `?` any one.
pub fn fnmatch(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|i| fnmatch(rest, &text[i..])),
        Some((b'?', rest)) => !text.is_empty() && fnmatch(rest, &text[1..]),
        Some((c, rest)) => text.first() == Some(c) && fnmatch(rest, &text[1..]),
    }
}

/// Jekyll's glob scopes (`path: "section/*/special"`): each `*` is one
/// segment, and the pattern matches a folder the path is in.
fn glob_prefix(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.split('/').collect();
    let segs: Vec<&str> = path.split('/').collect();
    segs.len() >= pat.len() && pat.iter().zip(&segs).all(|(p, s)| *p == "*" || p == s)
}

impl Default for Site {
    fn default() -> Site {
        Site {
            timezone: TimeZone::UTC,
            future: false,
            permalink: None,
            root: None,
            host: None,
            kind: None,
            kind_set: false,
            kind_reason: String::new(),
            defaults: Vec::new(),
            liquid: LiquidExtensions::default(),
            markdown_ext: DEFAULT_MARKDOWN_EXT.iter().map(|e| e.to_string()).collect(),
            exclude: Vec::new(),
            polyglot: None,
            url: None,
            baseurl: String::new(),
            page_permalink: None,
            collections: Vec::new(),
            collections_dir: String::new(),
            include: vec![".htaccess".to_string()],
            keep_files: vec![".git".to_string(), ".svn".to_string()],
            plugins: Vec::new(),
            theme: None,
            source: None,
            paginate: None,
            ids: crate::model::link::ids::IdRules::default(),
            kramdown: true,
            paginate_path: None,
        }
    }
}

/// The moment future dates are judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub instant: Timestamp,
    /// Whether the user gave it (`--now`), rather than the clock.
    pub given: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn site(exclude: &[&str]) -> Site {
        Site {
            root: Some("blog".into()),
            exclude: exclude.iter().map(|e| e.to_string()).collect(),
            ..Site::default()
        }
    }

    #[test]
    fn exclude_matches_as_jekyll_does() {
        let s = site(&["docs", "_posts/template", "*.bak", "vendor/"]);
        // A folder, and what starts with a pattern (Jekyll's prefix match).
        assert!(s.excludes(Path::new("blog/docs/_posts/2020-01-01-a.md")));
        assert!(s.excludes(Path::new("blog/_posts/templates/2020-01-01-a.md")));
        assert!(s.excludes(Path::new("blog/_posts/old.bak")));
        assert!(s.excludes(Path::new("blog/vendor/_posts/2020-01-01-a.md")));
        assert!(!s.excludes(Path::new("blog/_posts/2020-01-01-docs.md")));
        assert!(!s.excludes(Path::new("blog/news/_posts/2020-01-01-a.md")));
        assert!(!site(&[]).excludes(Path::new("blog/docs/_posts/a.md")));
        assert!(fnmatch(b"a*b?", b"a/x/bc") && !fnmatch(b"a*b", b"a/x/bc"));
    }

    #[test]
    fn polyglot_language_of_a_post() {
        let mut s = site(&[]);
        let path = Path::new("blog/_posts/ko/2020-01-01-a.md");
        assert_eq!(s.polyglot_language(path, None), None);
        s.polyglot = Some(Polyglot {
            languages: vec!["en".into(), "ko".into(), "pt-BR".into()],
            default_lang: "en".into(),
            lang_from_path: false,
        });
        // Without `lang_from_path`, a post without `lang` is the default's.
        assert_eq!(s.polyglot_language(path, None), None);
        assert_eq!(s.polyglot_language(path, Some("ko")), Some("ko"));
        assert_eq!(s.polyglot_language(path, Some("en")), None);
        s.polyglot.as_mut().unwrap().lang_from_path = true;
        assert_eq!(s.polyglot_language(path, None), Some("ko"));
        assert_eq!(s.polyglot_language(path, Some("pt-BR")), Some("pt-BR"));
        let named = Path::new("blog/_posts/2020-01-01-a.pt-BR.md");
        assert_eq!(s.polyglot_language(named, None), Some("pt-BR"));
        let other = Path::new("blog/_posts/fr/2020-01-01-a.md");
        assert_eq!(s.polyglot_language(other, None), None);
    }
}
