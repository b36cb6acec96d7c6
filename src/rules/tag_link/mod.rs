//! The `tag-link` family: links in the body to the site's tag pages.

use super::options::{Configurable, OptionError, Value};
use crate::model::tag::pattern::TagPattern;

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod malformed;
pub mod mismatch;
pub mod unknown_tag;

rules! {
    "tag-link-malformed" => post malformed,
    "tag-link-mismatch" => post mismatch with mismatch::Options,
    "tag-link-unknown-tag" => repo unknown_tag,
}

/// `[tag-link]`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `patterns`: the URL paths of the site's tag pages.
    pub patterns: Vec<TagPattern>,
    /// Whether `patterns` was configured. The default patterns skip
    /// release pages of code hosts, and on an ordinary site links to
    /// other hosts; configured ones apply to every link.
    pub configured: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            patterns: TagPattern::defaults(),
            configured: false,
        }
    }
}

impl Configurable for Settings {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "patterns" => {
                let Some(items) = value.items() else {
                    return Err(value.error("expected an array of strings".into(), None));
                };
                let mut patterns = Vec::new();
                for item in items {
                    match TagPattern::parse(item.string()?) {
                        Ok(p) => patterns.push(p),
                        Err(why) => {
                            return Err(item.error(
                                format!("invalid tag pattern: {why}"),
                                Some("a pattern is a URL path such as \"**/tag/{tag}.html\""),
                            ));
                        }
                    }
                }
                self.patterns = patterns;
                self.configured = true;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}
