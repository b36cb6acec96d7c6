//! `postlint rules` and `postlint rule <id>`.

use std::io::{self, Write};

use super::{error, exit};
use crate::rules::{self, RULES, fix_label, severity_label};

/// Write to standard output; a closed pipe (`postlint rules | head`) ends
/// the output quietly.
fn emit(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            error(format!("cannot write to standard output: {e}"));
            exit::TOOL_ERROR
        }
    }
}

pub fn list() -> u8 {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    emit(|out| {
        writeln!(
            out,
            "{:width$}  {:12}  {:8}  {:6}  summary",
            "rule", "family", "default", "fix"
        )?;
        for rule in RULES {
            let m = rule.meta();
            writeln!(
                out,
                "{:width$}  {:12}  {:8}  {:6}  {}",
                rule.id,
                m.family,
                severity_label(m.default_severity),
                fix_label(m.fix),
                m.summary
            )?;
        }
        Ok(())
    })
}

pub fn show(id: &str) -> u8 {
    let Some((_, rule)) = rules::find(id) else {
        let hint = match rules::resolve(id) {
            // A family: its name is the closest there is.
            Ok(_) => Some(format!("did you mean `{id}`?")),
            Err(unknown) => unknown.did_you_mean(),
        };
        match hint {
            Some(hint) => error(format!("unknown rule `{id}`; {hint}")),
            None => error(format!(
                "unknown rule `{id}`; `postlint rules` lists every rule"
            )),
        }
        return exit::TOOL_ERROR;
    };
    let m = rule.meta();
    emit(|out| {
        writeln!(out, "{}\n", rule.id)?;
        writeln!(out, "family: {}", m.family)?;
        writeln!(
            out,
            "default severity: {}",
            severity_label(m.default_severity)
        )?;
        writeln!(out, "fix: {}\n", fix_label(m.fix))?;
        write!(out, "{}", m.body.trim_start_matches('\n'))
    })
}
