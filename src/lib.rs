//! postlint: a linter for content repositories of Jekyll-style posts.
//!
//! The layers, each importing only those before it:
//! [`diagnostic`] ← [`model`] ← [`rules`] ← settings ([`config`], [`site_loader`],
//! [`discover`]) ← [`engine`] ← the I/O around it ([`report`],
//! [`cache`], [`runner`]) ← [`server`] and [`cli`].
//!
//! The core is [`engine::check`]: a pure function from a post's path, text
//! and settings to its diagnostics and summary.

#![forbid(unsafe_code)]

pub mod cache;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod model;
pub mod report;
pub mod rules;
pub mod runner;
pub mod server;
pub mod site_loader;

use std::path::Path;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};

/// Check one post and return its own findings, sorted by position: the
/// diagnostics of [`engine::check`]. No I/O: the caller reads the file.
///
/// ```
/// use std::path::Path;
/// use postlint::{check, Config};
///
/// let post = "---\ntitle: \"Bridge reopens\"\ndate: 2022-10-31T16:39:58Z\n\
///             from: https://news.example.com/a.html\n---\n<!--NaN-->\n";
/// let found = check(Path::new("_posts/2022-10-31-bridge.md"), post, &Config::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].rule, "timestamp-malformed");
/// assert_eq!(&post[found[0].span.clone()], "<!--NaN-->");
/// ```
pub fn check(path: &Path, text: &str, config: &Config) -> Vec<Diagnostic> {
    engine::check(path, text, config).diagnostics
}
