//! The default output: one miette report per finding and a summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode,
};

use rayon::prelude::*;

use super::{
    FileReport, Finding, Reporter, Summary, escape_controls_all as shown, plural, thousands,
};
use crate::diagnostic::Severity;

/// How many findings are rendered at once (in parallel) before they are
/// written.
const RENDER_BATCH: usize = 256;

pub struct Human {
    pub color: bool,
    pub width: usize,
    pub ending: Ending,
}

/// What the human and concise reports print after the findings.
#[derive(Clone, Copy, Debug)]
pub struct Ending {
    /// The summary line (`false` with `--quiet`).
    pub summary: bool,
    /// The line saying what `--fix` and `--unsafe-fixes` would fix (not
    /// after fixing, when standard error says what is left).
    pub fix_hints: bool,
}

impl Ending {
    /// Write the summary line and the fix line, as far as they are on.
    pub fn write(self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if self.summary {
            writeln!(out, "{}", summary_line(s))?;
        }
        if self.fix_hints
            && let Some(line) = fix_line(s)
        {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

impl Reporter for Human {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        summary: &Summary,
    ) -> io::Result<()> {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
            .with_context_lines(1);
        // Each finding renders on its own, so a batch of them renders on
        // every core at once and is written in order; a batch at a time,
        // so that memory does not grow with the number of findings.
        let findings: Vec<&Finding> = files.iter().flat_map(|f| &f.findings).collect();
        for batch in findings.chunks(RENDER_BATCH) {
            let rendered: Vec<Result<String, fmt::Error>> = batch
                .par_iter()
                .map(|finding| {
                    let mut text = String::new();
                    handler.render_report(&mut text, &Rendered::new(finding))?;
                    Ok(text)
                })
                .collect();
            for text in rendered {
                let text = text.map_err(|_| io::Error::other("failed to render a diagnostic"))?;
                out.write_all(text.as_bytes())?;
                writeln!(out)?;
            }
        }
        self.ending.write(out, summary)
    }
}

/// `Found 12 problems (9 errors, 3 warnings) in 7 of 5,685 files`, then
/// how many paths could not be checked, if any; never "No problems found"
/// when nothing could be checked.
pub fn summary_line(s: &Summary) -> String {
    let failed = match s.failed {
        0 => String::new(),
        1 => " (1 path could not be checked)".to_string(),
        n => format!(" ({} paths could not be checked)", thousands(n)),
    };
    if s.problems() == 0 {
        if s.files == 0 && s.failed > 0 {
            return format!("Checked no files{failed}");
        }
        return format!("No problems found in {}{failed}", plural(s.files, "file"));
    }
    let mut parts = Vec::new();
    for (n, word) in [
        (s.errors, "error"),
        (s.warnings, "warning"),
        (s.infos, "info"),
    ] {
        if n > 0 {
            parts.push(if word == "info" {
                format!("{} info", thousands(n))
            } else {
                plural(n, word)
            });
        }
    }
    format!(
        "Found {} ({}) in {} of {}{failed}",
        plural(s.problems(), "problem"),
        parts.join(", "),
        thousands(s.files_with_findings),
        plural(s.files, "file")
    )
}

/// `3 fixable with `--fix` (2 more with `--unsafe-fixes`)`, or `None` when
/// no finding has a fix.
pub fn fix_line(s: &Summary) -> Option<String> {
    match (s.fixable, s.unsafe_fixable) {
        (0, 0) => None,
        (safe, 0) => Some(format!("{} fixable with `--fix`", thousands(safe))),
        (0, more) => Some(format!(
            "{} fixable with `--fix --unsafe-fixes`",
            thousands(more)
        )),
        (safe, more) => Some(format!(
            "{} fixable with `--fix` ({} more with `--unsafe-fixes`)",
            thousands(safe),
            thousands(more)
        )),
    }
}

/// A finding as a miette diagnostic over its excerpt, with its labels in
/// other files.
struct Rendered<'a>(&'a Finding, Vec<ElsewhereRendered<'a>>);

impl<'a> Rendered<'a> {
    fn new(finding: &'a Finding) -> Rendered<'a> {
        let elsewhere = finding
            .elsewhere
            .iter()
            .filter_map(|e| {
                let label = finding.diagnostic.related.get(e.label)?;
                Some(ElsewhereRendered {
                    rule: finding.diagnostic.rule,
                    message: &label.message,
                    span: &label.span,
                    excerpt: &e.excerpt,
                })
            })
            .collect();
        Rendered(finding, elsewhere)
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.diagnostic.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shown(&self.0.diagnostic.message))
    }
}

impl std::error::Error for Rendered<'_> {}

impl MietteDiagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.0.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.0.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let d = &self.0.diagnostic;
        let fix = d.fix.as_ref().map(|f| {
            format!(
                " (fix available, {}: {})",
                f.applicability.as_str(),
                f.title
            )
        });
        let help = match (&d.help, fix) {
            (Some(h), Some(fix)) => format!("{h}{fix}"),
            (Some(h), None) => h.clone(),
            (None, Some(fix)) => fix.trim_start().to_string(),
            (None, None) => return None,
        };
        Some(Box::new(shown(&help).into_owned()))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.0.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = &self.0.diagnostic;
        let excerpt = &self.0.excerpt;
        let label = |text: &str| (!text.is_empty()).then(|| shown(text).into_owned());
        let primary = LabeledSpan::new_primary_with_span(label(&d.label), excerpt.map(&d.span));
        let related = d
            .related
            .iter()
            .filter(|l| l.path.is_none())
            .map(move |l| LabeledSpan::new_with_span(label(&l.message), excerpt.map(&l.span)));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn MietteDiagnostic> + 'a>> {
        if self.1.is_empty() {
            return None;
        }
        Some(Box::new(self.1.iter().map(|e| e as &dyn MietteDiagnostic)))
    }
}

/// A label in another file, shown after the finding with that file's lines.
struct ElsewhereRendered<'a> {
    rule: &'static str,
    message: &'a str,
    span: &'a std::ops::Range<usize>,
    excerpt: &'a crate::report::excerpt::Excerpt,
}

impl fmt::Debug for ElsewhereRendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl fmt::Display for ElsewhereRendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shown(self.message))
    }
}

impl std::error::Error for ElsewhereRendered<'_> {}

impl MietteDiagnostic for ElsewhereRendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, self.excerpt.map(self.span)),
        )))
    }
}
