//! `--format github`: GitHub Actions workflow commands, one per finding,
//! which the runner turns into annotations on the files:
//!
//! ```text
//! ::error file=PATH,line=L,endLine=EL,col=C,endColumn=EC,title=RULE::MESSAGE
//! ```
//!
//! `warning` findings are `::warning`, `info` findings `::notice`. Columns
//! count UTF-16 code units, like SARIF, and are left out when a finding spans
//! several lines, because GitHub accepts columns only within one line.
//! Values are escaped exactly as `@actions/core` (`command.ts`) does, after
//! control characters other than CR and LF (a terminal escape) are shown
//! escaped, as `\u{1b}`.

use std::io::{self, Write};

use super::{FileReport, Reporter, Summary, escape_controls};
use crate::diagnostic::Severity;

pub struct Github;

impl Reporter for Github {
    fn streams(&self) -> bool {
        true
    }

    fn report(&self, _: &mut dyn Write, _: &[FileReport], _: &Summary) -> io::Result<()> {
        Ok(())
    }

    fn file(&self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = escape_property(&escape_controls(&file.path));
        for f in &file.findings {
            let d = &f.diagnostic;
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            write!(
                out,
                "::{command} file={path},line={},endLine={}",
                f.start.line, f.end.line
            )?;
            if f.start.line == f.end.line {
                write!(
                    out,
                    ",col={},endColumn={}",
                    f.start.column_utf16, f.end.column_utf16
                )?;
            }
            writeln!(
                out,
                ",title={}::{}",
                escape_property(d.rule),
                escape_data(&escape_controls(&d.message))
            )?;
        }
        Ok(())
    }
}

/// Escape a command's message, as `escapeData` in `@actions/core`.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value, as `escapeProperty` in `@actions/core`.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_cr_and_lf_only() {
        assert_eq!(
            escape_data("100% done\r\nnext: a,b %0A"),
            "100%25 done%0D%0Anext: a,b %250A"
        );
        assert_eq!(escape_data("王毅 ::x::"), "王毅 ::x::");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("_posts/a%2C:b,c\r\n.md"),
            "_posts/a%252C%3Ab%2Cc%0D%0A.md"
        );
        assert_eq!(escape_property("::"), "%3A%3A");
        assert_eq!(escape_property("%25"), "%2525");
        assert_eq!(escape_property("plain/path.md"), "plain/path.md");
    }
}
