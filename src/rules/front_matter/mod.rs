//! The `front-matter` family: the YAML block at the top of a post.

use super::options::{Configurable, OptionError, Value};

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod ambiguous_scalar;
pub mod duplicate_key;
pub mod invalid_date;
pub mod invalid_yaml;
pub mod missing;
pub mod missing_key;
pub mod not_mapping;
pub mod unterminated;
pub mod wrong_type;

rules! {
    "front-matter-missing" => post missing,
    "front-matter-unterminated" => post unterminated,
    "front-matter-invalid-yaml" => post invalid_yaml,
    "front-matter-not-mapping" => post not_mapping,
    "front-matter-duplicate-key" => post duplicate_key,
    "front-matter-missing-key" => post missing_key with missing_key::Options,
    "front-matter-wrong-type" => post wrong_type,
    "front-matter-invalid-date" => post invalid_date,
    "front-matter-ambiguous-scalar" => post ambiguous_scalar with ambiguous_scalar::Options,
}

/// `[front-matter]`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `required`: the keys every post must have, unless
    /// `front-matter-missing-key` sets its own.
    pub required: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            required: vec!["title".into(), "date".into()],
        }
    }
}

impl Configurable for Settings {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "required" => self.required = value.strings()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// A double-quoted YAML string for `s`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
