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
        let relative = match &self.root {
            Some(root) => path.strip_prefix(root).unwrap_or(path),
            None => path,
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        let relative = relative.trim_start_matches("./");
        let kind = if relative.split('/').any(|s| s == "_drafts") {
            "drafts"
        } else {
            "posts"
        };
        self.default_value(relative, kind, key)
            .or_else(|| (kind == "drafts").then(|| self.default_value(relative, "posts", key))?)
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
