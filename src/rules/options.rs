//! How settings reach the rules. A family declares its settings and a rule
//! its options as plain structs beside the code that reads them; each reads
//! its own values through [`Configurable`] from a [`Value`], which the config
//! reader provides. So a rule's option is declared, parsed and checked in
//! the rule's own file, and the rules know nothing of the config format.

use std::any::Any;
use std::fmt;
use std::ops::Range;

/// One value of the config file, as an option sees it. Each reader fails
/// with the config reader's own message, at the value's place.
pub trait Value {
    /// A string; else "expected a string".
    fn string(&self) -> Result<&str, OptionError>;
    /// An array of strings; else "expected an array of strings", or
    /// "expected a string" at the first item that is not one.
    fn strings(&self) -> Result<Vec<String>, OptionError>;
    /// A decimal integer; else "expected an integer" or "integer out of
    /// range".
    fn integer(&self) -> Result<i64, OptionError>;
    /// The items of an array, or `None` when this is not one.
    fn items(&self) -> Option<Vec<Box<dyn Value + '_>>>;
    /// An error about this value, shown at its place.
    fn error(&self, message: String, help: Option<&str>) -> OptionError;
}

/// A bad option value: what is wrong, where in the config file, and a hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// Settings that read themselves from the config file, one key at a time.
pub trait Configurable {
    /// Set the option `key` from `value`. `Ok(false)`: there is no option
    /// of that name (the caller reports it).
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError>;
}

/// A rule's options, stored with the settings, whatever their type.
pub trait RuleOptions: Configurable + fmt::Debug + Send + Sync + 'static {
    fn clone_box(&self) -> Box<dyn RuleOptions>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn as_configurable_mut(&mut self) -> &mut dyn Configurable;
}

impl<T: Configurable + Clone + fmt::Debug + Send + Sync + 'static> RuleOptions for T {
    fn clone_box(&self) -> Box<dyn RuleOptions> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }

    fn as_configurable_mut(&mut self) -> &mut dyn Configurable {
        self
    }
}

impl Clone for Box<dyn RuleOptions> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// The default options of type `T`, boxed: what a registry line names.
pub fn default_options<T: RuleOptions + Default>() -> Box<dyn RuleOptions> {
    Box::new(T::default())
}
