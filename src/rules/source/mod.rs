//! The `source` family: the URL of the original article, in the front
//! matter and in the header link.

use super::options::{Configurable, OptionError, Value};

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod double_encoded;
pub mod duplicate;
pub mod header_mismatch;
pub mod invalid;
pub mod missing;

rules! {
    "source-missing" => post missing,
    "source-invalid" => post invalid,
    "source-double-encoded" => post double_encoded,
    "source-header-mismatch" => post header_mismatch,
    "source-duplicate" => repo duplicate,
}

/// `[source]`.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `keys`: the first of these keys present is the source URL.
    pub keys: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            keys: vec!["from".into()],
        }
    }
}

impl Configurable for Settings {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "keys" => {
                let keys = value.strings()?;
                if keys.is_empty() {
                    return Err(value.error("at least one source key is needed".into(), None));
                }
                self.keys = keys;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}
