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
}

impl Default for Site {
    fn default() -> Site {
        Site {
            timezone: TimeZone::UTC,
            future: false,
            permalink: None,
            root: None,
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
