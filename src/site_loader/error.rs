//! The problems of a `_config.yml`, placed in its text.

use std::fmt;
use std::ops::Range;

/// A problem with a `_config.yml`, rendered by miette at its place in the
/// file: an error when Jekyll refuses to build with it, a warning when
/// Jekyll builds, but not as its owner meant.
#[derive(Debug)]
pub struct SiteError(Box<SiteErrorDetails>);

#[derive(Debug)]
struct SiteErrorDetails {
    path: String,
    source: miette::NamedSource<String>,
    span: Range<usize>,
    message: String,
    help: String,
    /// Whether Jekyll refuses to build the site.
    fatal: bool,
}

impl SiteError {
    pub(super) fn at(
        path: &str,
        text: &str,
        span: Range<usize>,
        message: String,
        help: &str,
    ) -> SiteError {
        SiteError(Box::new(SiteErrorDetails {
            path: path.to_string(),
            source: miette::NamedSource::new(path, text.to_string()),
            span,
            message,
            help: help.to_string(),
            fatal: true,
        }))
    }

    /// The same problem as a warning: Jekyll builds the site anyway.
    pub(super) fn warning(mut self) -> SiteError {
        self.0.fatal = false;
        self
    }

    /// Where in the file the problem is.
    #[cfg(test)]
    pub(super) fn span(&self) -> Range<usize> {
        self.0.span.clone()
    }

    /// Whether Jekyll refuses to build the site: an error, not a warning.
    pub fn is_fatal(&self) -> bool {
        self.0.fatal
    }

    /// The `_config.yml` the error is in, as it was named.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for SiteError {}

impl miette::Diagnostic for SiteError {
    fn severity(&self) -> Option<miette::Severity> {
        Some(if self.0.fatal {
            miette::Severity::Error
        } else {
            miette::Severity::Warning
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.0.help))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.0.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some("here".into()), self.0.span.clone()),
        )))
    }
}
