//! `--statistics`: the number of findings per rule, most frequent first,
//! instead of the findings themselves. `[*]` marks a rule with findings
//! that `--fix` fixes, `[-]` one whose findings only `--unsafe-fixes`
//! fixes; the last lines give the total and the same fix counts as the
//! human summary.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::human::fix_line;
use super::{FileReport, Reporter, Summary, thousands};
use crate::diagnostic::Applicability;

pub struct Statistics;

#[derive(Default)]
struct Row<'a> {
    count: usize,
    severity: &'a str,
    safe: usize,
    unsafe_only: usize,
}

impl Reporter for Statistics {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        summary: &Summary,
    ) -> io::Result<()> {
        let mut counts: BTreeMap<&str, Row> = BTreeMap::new();
        for finding in files.iter().flat_map(|f| &f.findings) {
            let d = &finding.diagnostic;
            let row = counts.entry(d.rule).or_insert_with(|| Row {
                severity: d.severity.as_str(),
                ..Row::default()
            });
            row.count += 1;
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => row.safe += 1,
                Some(Applicability::Unsafe) => row.unsafe_only += 1,
                None => {}
            }
        }
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        let total = summary.problems();
        let width = thousands(total).len();
        for (rule, row) in &rows {
            let fix = if row.safe > 0 {
                "[*]"
            } else if row.unsafe_only > 0 {
                "[-]"
            } else {
                "   "
            };
            writeln!(
                out,
                "{:>width$}  {fix} {:<7}  {rule}",
                thousands(row.count),
                row.severity
            )?;
        }
        writeln!(out, "{:>width$}      total", thousands(total))?;
        if let Some(line) = fix_line(summary) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}
