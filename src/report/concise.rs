//! `--format concise`: one line per finding,
//! `path:line:column: severity rule message`, written as each file is
//! checked (files in path order, a file's findings by position; the
//! whole-repository rules' findings follow once every file is checked),
//! then the summary line of the human report, as ruff's concise format ends
//! with its summary. Columns count characters, as in the JSON output. The
//! finding lines match the `%f:%l:%c: %m` pattern of editors' quickfix
//! lists and are easy to grep; the summary line does not match it.

use std::io::{self, Write};

use super::human::Ending;
use super::{FileReport, Reporter, Summary, escape_controls};

pub struct Concise {
    pub ending: Ending,
}

impl Reporter for Concise {
    fn streams(&self) -> bool {
        true
    }

    fn file(&self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        if file.findings.is_empty() {
            return Ok(());
        }
        let path = one_line(&file.path);
        for f in &file.findings {
            let d = &f.diagnostic;
            writeln!(
                out,
                "{path}:{}:{}: {} {} {}",
                f.start.line,
                f.start.column,
                d.severity.as_str(),
                d.rule,
                one_line(&d.message)
            )?;
        }
        Ok(())
    }

    fn report(&self, out: &mut dyn Write, _: &[FileReport], summary: &Summary) -> io::Result<()> {
        self.ending.write(out, summary)
    }
}

/// Keep a finding on one line: a line break becomes a space, and other
/// control characters (a terminal escape) are shown escaped, as `\u{1b}`.
fn one_line(s: &str) -> String {
    escape_controls(s)
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(one_line("a\r\nb\nc\rd"), "a b c d");
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("x\u{1b}[1m"), "x\\u{1b}[1m");
    }
}
