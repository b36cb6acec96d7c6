//! `postlint rule <id>`: a rule's documentation; given a family, the
//! family's rules.

use super::{emit, error, exit};
use crate::rules::{self, RULES, Selector, fix_label, severity_label};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A rule id, such as `timestamp-mismatch`, or a family, such as `timestamp`
    #[arg(value_name = "RULE|FAMILY")]
    name: String,
}

pub fn run(args: &Args) -> u8 {
    let name = args.name.as_str();
    match rules::resolve(name) {
        Ok(Selector::Rule(index)) => show(&RULES[index]),
        Ok(Selector::Family(_) | Selector::All) => {
            let family: Vec<_> = RULES
                .iter()
                .enumerate()
                .filter(|&(i, _)| rules::names(name, i))
                .map(|(_, r)| r)
                .collect();
            super::rules::table(&family)
        }
        Err(unknown) => {
            match unknown.did_you_mean() {
                Some(hint) => error(format!("unknown rule or family `{name}`; {hint}")),
                None => error(format!(
                    "unknown rule or family `{name}`; `postlint rules` lists every rule"
                )),
            }
            exit::TOOL_ERROR
        }
    }
}

fn show(rule: &rules::Rule) -> u8 {
    let m = rule.meta();
    emit(|out| {
        writeln!(out, "{}\n", rule.id)?;
        writeln!(out, "family: {}", m.family)?;
        writeln!(
            out,
            "default severity: {}",
            severity_label(m.default_severity)
        )?;
        writeln!(out, "fix: {}", fix_label(m.fix))?;
        writeln!(out, "documentation: {}\n", rules::doc_url(rule.id))?;
        write!(out, "{}", m.body.trim_start_matches('\n'))
    })
}
