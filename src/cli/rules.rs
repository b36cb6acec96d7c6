//! `postlint rules` and `postlint rule <id>`.

use super::{error, exit};
use crate::rules::{self, RULES, fix_label, severity_label};

pub fn list() -> u8 {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    println!("{:width$}  {:12}  {:8}  {:6}  summary", "rule", "family", "default", "fix");
    for rule in RULES {
        let m = rule.meta();
        println!(
            "{:width$}  {:12}  {:8}  {:6}  {}",
            rule.id,
            m.family,
            severity_label(m.default_severity),
            fix_label(m.fix),
            m.summary
        );
    }
    exit::OK
}

pub fn show(id: &str) -> u8 {
    match rules::find(id) {
        Some((_, rule)) => {
            let m = rule.meta();
            println!("{}", rule.id);
            println!();
            println!("family: {}", m.family);
            println!("default severity: {}", severity_label(m.default_severity));
            println!("fix: {}", fix_label(m.fix));
            println!();
            print!("{}", m.body.trim_start_matches(|c| c == '\n'));
            exit::OK
        }
        None => {
            match rules::suggest(id) {
                Some(s) => error(format!("unknown rule `{id}`; did you mean `{s}`?")),
                None => error(format!("unknown rule `{id}`; `postlint rules` lists every rule")),
            }
            exit::TOOL_ERROR
        }
    }
}
