//! A problem with `postlint.toml`, placed in its text.

use std::fmt;
use std::ops::Range;

/// A configuration problem, rendered by miette with the offending span.
#[derive(Debug)]
pub struct ConfigError(Box<Details>);

#[derive(Debug)]
pub(super) struct Details {
    pub(super) path: String,
    pub(super) source: miette::NamedSource<String>,
    pub(super) span: Option<Range<usize>>,
    pub(super) message: String,
    pub(super) help: Option<String>,
}

impl ConfigError {
    pub(super) fn new(details: Details) -> ConfigError {
        ConfigError(Box::new(details))
    }

    /// The config file the error is in.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0
            .span
            .as_ref()
            .map(|_| &self.0.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.0.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some("here".into()), span),
        )))
    }
}
