//! Reporters: one output format per file, all behind [`Reporter`].

pub mod concise;
pub mod excerpt;
pub mod format;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod line_index;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::line_index::{LineIndex, Position};
use excerpt::Excerpt;
pub use format::{Format, ReporterOptions};

/// A diagnostic with its positions resolved and its lines excerpted.
#[derive(Clone, Debug)]
pub struct Finding {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    /// Start and end of each related label, in order (in the label's own
    /// file when it names another one).
    pub related: Vec<(Position, Position)>,
    /// Start and end of each fix edit, in order.
    pub edits: Vec<(Position, Position)>,
    pub excerpt: Excerpt,
    /// Excerpts of the other files that labels point into.
    pub elsewhere: Vec<Elsewhere>,
}

/// A related label in another file, with the lines it shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Elsewhere {
    /// Index into the diagnostic's `related`.
    pub label: usize,
    pub excerpt: Excerpt,
}

impl Finding {
    /// Resolve `diagnostic` against the text of its file. Labels in other
    /// files keep zero positions until [`Finding::place_elsewhere`].
    pub fn new(path: &str, text: &str, index: &LineIndex, diagnostic: Diagnostic) -> Finding {
        let mut spans = vec![diagnostic.span.clone()];
        spans.extend(
            diagnostic
                .related
                .iter()
                .filter(|l| l.path.is_none())
                .map(|l| l.span.clone()),
        );
        let excerpt = Excerpt::new(path, text, index, &spans);
        let pair = |r: &std::ops::Range<usize>| (index.position(r.start), index.position(r.end));
        Finding {
            start: index.position(diagnostic.span.start),
            end: index.position(diagnostic.span.end),
            related: diagnostic
                .related
                .iter()
                .map(|l| match l.path {
                    None => pair(&l.span),
                    Some(_) => (Position::default(), Position::default()),
                })
                .collect(),
            edits: diagnostic
                .fix
                .iter()
                .flat_map(|f| f.edits.iter().map(|e| pair(&e.range)))
                .collect(),
            excerpt,
            elsewhere: Vec::new(),
            diagnostic,
        }
    }

    /// Resolve the related labels that are in other files, against the
    /// text and line index `file` gives for a shown path. A label whose
    /// file it does not give keeps zero positions and shows no lines.
    pub fn place_elsewhere<'t>(
        &mut self,
        file: impl Fn(&str) -> Option<(&'t str, &'t LineIndex<'t>)>,
    ) {
        for (label, l) in self.diagnostic.related.iter().enumerate() {
            let Some(path) = &l.path else {
                continue;
            };
            let Some((text, index)) = file(path) else {
                continue;
            };
            let span = l.span.start.min(text.len())..l.span.end.min(text.len());
            self.related[label] = (index.position(span.start), index.position(span.end));
            self.elsewhere.push(Elsewhere {
                label,
                excerpt: Excerpt::new(path, text, index, &[span]),
            });
        }
    }
}

/// The findings of one file.
pub struct FileReport {
    /// The path as shown to the user.
    pub path: String,
    /// With `--fix`, the findings left after fixing.
    pub findings: Vec<Finding>,
    /// With `--fix` or `--diff`: how many fixes were applied.
    pub fixed: usize,
    /// With `--fix` or `--diff`: whether fixing stopped because nothing was
    /// left to apply (`false`: it gave up after its last pass).
    pub converged: bool,
    /// Findings left out because a rule reached
    /// [`crate::rules::MAX_FINDINGS_PER_RULE`] in this file.
    pub over_limit: usize,
    /// With `--diff`: the unified diff of what `--fix` would change.
    pub diff: Option<String>,
    /// Standard input with `--fix`: the fixed text, printed in place of a
    /// report.
    pub fixed_text: Option<String>,
    /// What the whole-repository rules need of the post, when any is on.
    pub summary: Option<std::sync::Arc<crate::model::summary::compact::PostSummary>>,
}

impl FileReport {
    /// The report of a file checked (not fixed) with `findings`, and
    /// nothing else to tell.
    pub fn new(path: impl Into<String>, findings: Vec<Finding>) -> FileReport {
        FileReport {
            path: path.into(),
            findings,
            fixed: 0,
            converged: true,
            over_limit: 0,
            diff: None,
            fixed_text: None,
            summary: None,
        }
    }
}

/// Counts for the closing summary: the one place every count a user sees
/// (summary line, `--statistics`, `--fix`'s "remaining") comes from.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings whose fix `--fix` applies (safe, and fixable by the config).
    pub fixable: usize,
    /// Findings whose fix only `--unsafe-fixes` applies.
    pub unsafe_fixable: usize,
    /// Paths and files that could not be checked (each reported as an
    /// error on standard error).
    pub failed: usize,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if !report.findings.is_empty() {
            self.files_with_findings += 1;
        }
        for f in &report.findings {
            match f.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match f.diagnostic.fix.as_ref().map(|x| x.applicability) {
                Some(crate::diagnostic::Applicability::Safe) => self.fixable += 1,
                Some(crate::diagnostic::Applicability::Unsafe) => self.unsafe_fixable += 1,
                None => {}
            }
        }
    }

    /// Count more findings of a file already counted (the
    /// whole-repository rules'); `had_findings` says whether it had any.
    pub fn add_more(&mut self, report: &FileReport, had_findings: bool) {
        self.files -= 1;
        if had_findings && !report.findings.is_empty() {
            self.files_with_findings -= 1;
        }
        self.add(report);
    }

    pub fn problems(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// An output format.
pub trait Reporter {
    /// Whether the format writes each file's findings in [`Reporter::file`]
    /// and none in [`Reporter::report`], so that they need not be kept.
    fn streams(&self) -> bool {
        false
    }

    /// One file's report, as soon as the file and the ones before it are
    /// checked, in path order; then, once every file is checked, a report
    /// of the whole-repository rules' findings for each file with any.
    /// Streaming formats write here; others wait.
    fn file(&self, _out: &mut dyn Write, _file: &FileReport) -> io::Result<()> {
        Ok(())
    }

    /// Every file's report, sorted by path (findings by position), and the
    /// summary. `files` holds only the files with findings (none for a
    /// streaming format).
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        summary: &Summary,
    ) -> io::Result<()>;
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 error` / `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {word}", thousands(n))
    } else if let Some(stem) = word.strip_suffix('y') {
        format!("{} {stem}ies", thousands(n))
    } else {
        format!("{} {word}s", thousands(n))
    }
}

/// `s` with its control characters other than tab, CR and LF (a terminal
/// escape) shown escaped, as `\u{1b}`: for formats that deal with line
/// breaks themselves.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    escape_except(s, &['\t', '\r', '\n'])
}

/// `s` with every control character but tab and LF shown escaped, for the
/// terminal: a lone CR would let a post overwrite what is shown.
pub fn escape_controls_all(s: &str) -> std::borrow::Cow<'_, str> {
    escape_except(s, &['\t', '\n'])
}

/// Whether the human output shows `c` escaped.
pub fn shown_escaped(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n')
}

fn escape_except<'s>(s: &'s str, keep: &[char]) -> std::borrow::Cow<'s, str> {
    let bad = |c: char| c.is_control() && !keep.contains(&c);
    if !s.contains(bad) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(thousands(5685), "5,685");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(plural(1, "file"), "1 file");
        assert_eq!(plural(3, "problem"), "3 problems");
    }

    #[test]
    fn controls_are_replaced() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\u{9b}c\u{7f}\td\r\n"),
            "a\\u{1b}[31mb\\u{9b}c\\u{7f}\td\r\n"
        );
        assert!(matches!(
            escape_controls("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
