//! `postlint rules`: every rule, as a table or as JSON.

use std::io;

use serde::Serialize;

use super::emit;
use crate::rules::{self, RULES, Rule, fix_label, severity_label};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Text, visible_alias = "format")]
    output_format: ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// A table, one rule per line
    Text,
    /// A JSON array, one object per rule
    Json,
}

pub fn run(args: &Args) -> u8 {
    let all: Vec<&Rule> = RULES.iter().collect();
    match args.output_format {
        ListFormat::Text => table(&all),
        ListFormat::Json => json(&all),
    }
}

/// The rules as a table: id, family, default severity, fix and summary.
pub fn table(list: &[&Rule]) -> u8 {
    let width = list.iter().map(|r| r.id.len()).max().unwrap_or(0).max(4);
    emit(|out| {
        writeln!(
            out,
            "{:width$}  {:12}  {:8}  {:6}  summary",
            "rule", "family", "default", "fix"
        )?;
        for rule in list {
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

#[derive(Serialize)]
struct Entry<'a> {
    id: &'static str,
    family: &'a str,
    /// `error`, `warning`, `info` or `off`.
    default: &'static str,
    /// `safe`, `unsafe` or null.
    fix: Option<&'static str>,
    summary: &'a str,
    url: String,
}

fn json(list: &[&Rule]) -> u8 {
    let metas: Vec<_> = list.iter().map(|r| (r.id, r.meta())).collect();
    let entries: Vec<Entry> = metas
        .iter()
        .map(|(id, m)| Entry {
            id,
            family: &m.family,
            default: severity_label(m.default_severity),
            fix: m.fix.map(|f| f.as_str()),
            summary: &m.summary,
            url: rules::doc_url(id),
        })
        .collect();
    emit(|out| {
        serde_json::to_writer_pretty(&mut *out, &entries).map_err(io::Error::from)?;
        writeln!(out)
    })
}
