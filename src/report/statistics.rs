//! `--statistics`: the number of findings per rule, most frequent first,
//! instead of the findings themselves.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{FileReport, Reporter, Summary, thousands};

pub struct Statistics;

impl Reporter for Statistics {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        _summary: &Summary,
    ) -> io::Result<()> {
        // rule -> (count, severity, fixable count)
        let mut counts: BTreeMap<&str, (usize, &str, usize)> = BTreeMap::new();
        for finding in files.iter().flat_map(|f| &f.findings) {
            let d = &finding.diagnostic;
            let entry = counts.entry(d.rule).or_insert((0, d.severity.as_str(), 0));
            entry.0 += 1;
            if d.fix.is_some() {
                entry.2 += 1;
            }
        }
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let width = rows
            .iter()
            .map(|r| thousands(r.1.0).len())
            .max()
            .unwrap_or(1);
        for (rule, (count, severity, fixable)) in rows {
            let fix = if fixable > 0 { "[*]" } else { "   " };
            writeln!(
                out,
                "{:>width$}  {fix} {severity:<7}  {rule}",
                thousands(count)
            )?;
        }
        Ok(())
    }
}
