//! A TOML value of `postlint.toml`, as a rule's options read it.

use toml::Spanned;
use toml::de::DeValue;

use crate::rules::options::{OptionError, Value};

/// A TOML value, as the rules' settings read it.
pub(super) struct TomlValue<'a, 'i>(pub(super) &'a Spanned<DeValue<'i>>);

impl TomlValue<'_, '_> {
    fn fail<T>(&self, message: &str) -> Result<T, OptionError> {
        Err(self.error(message.to_string(), None))
    }
}

impl Value for TomlValue<'_, '_> {
    fn string(&self) -> Result<&str, OptionError> {
        match self.0.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            _ => self.fail("expected a string"),
        }
    }

    fn strings(&self) -> Result<Vec<String>, OptionError> {
        match self.0.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|v| TomlValue(v).string().map(str::to_string))
                .collect(),
            _ => self.fail("expected an array of strings"),
        }
    }

    fn integer(&self) -> Result<i64, OptionError> {
        match self.0.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => match i.as_str().replace('_', "").parse() {
                Ok(n) => Ok(n),
                Err(_) => self.fail("integer out of range"),
            },
            _ => self.fail("expected an integer"),
        }
    }

    fn items(&self) -> Option<Vec<Box<dyn Value + '_>>> {
        match self.0.get_ref() {
            DeValue::Array(items) => Some(
                items
                    .iter()
                    .map(|v| Box::new(TomlValue(v)) as Box<dyn Value>)
                    .collect(),
            ),
            _ => None,
        }
    }

    fn error(&self, message: String, help: Option<&str>) -> OptionError {
        OptionError {
            span: self.0.span(),
            message,
            help: help.map(str::to_string),
        }
    }
}
