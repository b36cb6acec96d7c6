//! `--format junit`: JUnit XML, as Jenkins and GitLab read it. Every
//! checked file is a `<testsuite>` named by its path. In it, an enabled rule
//! with no finding in the file is one passing `<testcase>` named by the
//! rule, and every finding is a `<testcase>` of its own, named by its rule
//! and position, holding one `<failure>` (whatever its severity; `type`
//! gives the severity). So `tests` counts `<testcase>`s and `failures`
//! counts `<failure>`s, in each suite and in total.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Write};

use super::{FileReport, Finding, Reporter, Summary};

pub struct Junit {
    /// The ids of the rules that ran, in registry order.
    rules: Vec<&'static str>,
    /// Every checked file, as `file()` sees it.
    checked: RefCell<Vec<String>>,
}

impl Junit {
    pub fn new(rules: Vec<&'static str>) -> Junit {
        Junit {
            rules,
            checked: RefCell::new(Vec::new()),
        }
    }
}

impl Reporter for Junit {
    fn file(&self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        self.checked.borrow_mut().push(file.path.clone());
        Ok(())
    }

    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        _summary: &Summary,
    ) -> io::Result<()> {
        let with_findings: HashMap<&str, &FileReport> =
            files.iter().map(|f| (f.path.as_str(), f)).collect();
        let mut paths: Vec<String> = self.checked.borrow().clone();
        paths.extend(files.iter().map(|f| f.path.clone()));
        paths.sort();
        paths.dedup();

        let mut suites = Vec::with_capacity(paths.len());
        let (mut tests, mut failures) = (0, 0);
        for path in &paths {
            let findings: &[Finding] = with_findings
                .get(path.as_str())
                .map_or(&[], |f| &f.findings);
            // The enabled rules, then any rule that reported without being listed.
            let mut rules = self.rules.clone();
            for f in findings {
                if !rules.contains(&f.diagnostic.rule) {
                    rules.push(f.diagnostic.rule);
                }
            }
            // A rule with findings is a failed case per finding; one
            // without is a passing case.
            let cases: Vec<(&str, Option<&Finding>)> = rules
                .iter()
                .flat_map(|&rule| {
                    let failed: Vec<_> = findings
                        .iter()
                        .filter(|f| f.diagnostic.rule == rule)
                        .map(Some)
                        .collect();
                    if failed.is_empty() {
                        vec![(rule, None)]
                    } else {
                        failed.into_iter().map(|f| (rule, f)).collect()
                    }
                })
                .collect();
            let failed = cases.iter().filter(|(_, f)| f.is_some()).count();
            tests += cases.len();
            failures += failed;
            suites.push((path, cases, failed));
        }

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="postlint" tests="{tests}" failures="{failures}" errors="0">"#
        )?;
        for (path, cases, failed) in suites {
            let name = escape_attr(path);
            writeln!(
                out,
                r#"  <testsuite name="{name}" tests="{}" failures="{failed}" errors="0" skipped="0">"#,
                cases.len()
            )?;
            for (rule, finding) in cases {
                let Some(f) = finding else {
                    let rule = escape_attr(rule);
                    writeln!(out, r#"    <testcase name="{rule}" classname="{name}"/>"#)?;
                    continue;
                };
                let d = &f.diagnostic;
                let case = escape_attr(&format!("{rule} at {}:{}", f.start.line, f.start.column));
                writeln!(out, r#"    <testcase name="{case}" classname="{name}">"#)?;
                let mut text = format!("{path}:{}:{}: {}", f.start.line, f.start.column, d.message);
                if let Some(help) = &d.help {
                    text.push_str("\nhelp: ");
                    text.push_str(help);
                }
                writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    escape_attr(&d.message),
                    d.severity.as_str(),
                    escape_text(&text)
                )?;
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}

/// Escape a double-quoted XML 1.0 attribute value. Line breaks and tabs
/// become character references, so that the value keeps them; characters
/// XML 1.0 cannot hold at all become U+FFFD.
pub fn escape_attr(s: &str) -> String {
    escape(s, true)
}

/// Escape XML 1.0 element text. A CR becomes a character reference, as a
/// parser would otherwise read it as a line feed.
pub fn escape_text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\'' if attr => out.push_str("&apos;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape_attr, escape_text};

    #[test]
    fn escapes_markup_quotes_breaks_and_invalid_characters() {
        assert_eq!(
            escape_attr(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(
            escape_text(r#"<a href="x">&'</a>"#),
            r#"&lt;a href="x"&gt;&amp;'&lt;/a&gt;"#
        );
        assert_eq!(escape_attr("a\r\n\tb"), "a&#13;&#10;&#9;b");
        assert_eq!(escape_text("a\r\n\tb"), "a&#13;\n\tb");
        for escape in [escape_attr, escape_text] {
            assert_eq!(
                escape("\u{0}\u{1b}[31m\u{ffff}"),
                "\u{fffd}\u{fffd}[31m\u{fffd}"
            );
            assert_eq!(escape("王毅 😀"), "王毅 😀");
        }
    }
}
