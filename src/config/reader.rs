//! Reading the values of `postlint.toml`'s settings, each checked, with
//! an error at its span for a bad one.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Severity;
use crate::rules::options::{OptionError, Value};
use crate::rules::{self, Settings};

use super::toml_value::TomlValue;
use super::{Config, ConfigError};

pub(super) type ErrFn<'e> = dyn Fn(Range<usize>, String, Option<String>) -> ConfigError + 'e;

pub(super) struct Reader<'e> {
    pub(super) err: &'e ErrFn<'e>,
}

impl Reader<'_> {
    pub(super) fn fail<T>(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<&str>,
    ) -> Result<T, ConfigError> {
        Err((self.err)(span, message.into(), help.map(str::to_string)))
    }

    pub(super) fn table<'a, 'i>(
        &self,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Result<&'a DeTable<'i>, ConfigError> {
        match value.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => self.fail(value.span(), "expected a table", None),
        }
    }

    pub(super) fn string<'a>(
        &self,
        value: &'a Spanned<DeValue<'_>>,
    ) -> Result<&'a str, ConfigError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            _ => self.fail(value.span(), "expected a string", None),
        }
    }

    pub(super) fn strings(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        TomlValue(value).strings().map_err(|e| self.option_error(e))
    }

    /// An array of rule ids and families, each checked at its own span.
    pub(super) fn names(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        let list = self.strings(value)?;
        let DeValue::Array(items) = value.get_ref() else {
            unreachable!("strings() accepts only arrays")
        };
        for (name, item) in list.iter().zip(items) {
            self.known_name(name, item.span())?;
        }
        Ok(list)
    }

    /// An error unless `name` is a rule id or a family.
    pub(super) fn known_name(&self, name: &str, span: Range<usize>) -> Result<(), ConfigError> {
        let Err(unknown) = rules::resolve(name) else {
            return Ok(());
        };
        let help = match unknown.did_you_mean() {
            Some(hint) => format!("{hint} `postlint rules` lists every rule"),
            None => "`postlint rules` lists every rule and family".to_string(),
        };
        self.fail(
            span,
            format!("unknown rule or family `{name}`"),
            Some(&help),
        )
    }

    pub(super) fn check_glob(&self, glob: &str, span: Range<usize>) -> Result<(), ConfigError> {
        match globset::Glob::new(glob) {
            Ok(_) => Ok(()),
            Err(e) => self.fail(span, format!("invalid glob: {}", e.kind()), None),
        }
    }

    pub(super) fn globs(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            return self.fail(value.span(), "expected an array of glob strings", None);
        };
        items
            .iter()
            .map(|item| {
                let glob = self.string(item)?;
                self.check_glob(glob, item.span())?;
                Ok(glob.to_string())
            })
            .collect()
    }

    pub(super) fn level(
        &self,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<Option<Severity>, ConfigError> {
        let s = self.string(value)?;
        match s {
            "off" => Ok(None),
            _ => match Severity::parse(s) {
                Some(level) => Ok(Some(level)),
                None => self.fail(
                    value.span(),
                    format!("unknown severity `{s}`"),
                    Some("use \"off\", \"info\", \"warning\" or \"error\""),
                ),
            },
        }
    }

    pub(super) fn rule(
        &mut self,
        config: &mut Config,
        id: &Spanned<std::borrow::Cow<'_, str>>,
        setting: &Spanned<DeValue<'_>>,
    ) -> Result<(), ConfigError> {
        let name = id.get_ref().as_ref();
        self.known_name(name, id.span())?;
        match setting.get_ref() {
            DeValue::String(_) => {
                let level = self.level(setting)?;
                config.set(name, level);
            }
            DeValue::Table(table) => {
                for (key, value) in table.iter() {
                    let known = match key.get_ref().as_ref() {
                        "severity" => {
                            let level = self.level(value)?;
                            config.set(name, level);
                            true
                        }
                        other => {
                            match rules::find(name).and_then(|(i, _)| config.settings.rule_mut(i)) {
                                Some(options) => options
                                    .set(other, &TomlValue(value))
                                    .map_err(|e| self.option_error(e))?,
                                None => false,
                            }
                        }
                    };
                    if !known {
                        let other = key.get_ref().as_ref();
                        return self.fail(
                            key.span(),
                            format!("`{name}` has no option `{other}`"),
                            Some(&format!("`postlint rule {name}` documents its options")),
                        );
                    }
                }
            }
            _ => {
                return self.fail(
                    setting.span(),
                    "expected a severity string or a table",
                    Some("for example `\"warning\"`, `\"off\"` or `{ severity = \"error\" }`"),
                );
            }
        }
        Ok(())
    }

    pub(super) fn family_option(
        &mut self,
        settings: &mut Settings,
        family: &str,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<(), ConfigError> {
        let other = key.get_ref().as_ref();
        let known = match settings.family_mut(family) {
            Some(options) => options
                .set(other, &TomlValue(value))
                .map_err(|e| self.option_error(e))?,
            None => false,
        };
        if !known {
            return self.fail(
                key.span(),
                format!("unknown option `{other}` in `[{family}]`"),
                Some("https://postlint.github.io/postlint/configuration/ lists every option"),
            );
        }
        Ok(())
    }

    pub(super) fn option_error(&self, e: OptionError) -> ConfigError {
        (self.err)(e.span, e.message, e.help)
    }
}
