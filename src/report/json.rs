//! `--format json`: one array of findings, sorted by path and position.
//! The fields are a public contract, documented in docs/json.md; `json-lines`
//! writes the same items one per line.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Finding, Reporter, Summary};
use crate::line_index::Position;

pub struct Json;

/// One finding; its fields are the JSON contract.
#[derive(Serialize)]
pub(crate) struct Item<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
    related: Vec<Related<'a>>,
    fix: Option<FixItem<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    /// The file, when it is another one than the finding's.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct FixItem<'a> {
    applicability: &'a str,
    message: &'a str,
    edits: Vec<EditItem<'a>>,
}

#[derive(Serialize)]
struct EditItem<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'a str,
}

fn at(start: Position, end: Position) -> (usize, usize, usize, usize) {
    (start.line, start.column, end.line, end.column)
}

/// One finding as a JSON item, the unit of `json` and `json-lines`.
pub(crate) fn item<'a>(path: &'a str, f: &'a Finding) -> Item<'a> {
    let d = &f.diagnostic;
    let (line, column, end_line, end_column) = at(f.start, f.end);
    Item {
        path,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        line,
        column,
        end_line,
        end_column,
        help: d.help.as_deref(),
        related: d
            .related
            .iter()
            .zip(&f.related)
            .map(|(l, &(s, e))| {
                let (line, column, end_line, end_column) = at(s, e);
                Related {
                    message: &l.message,
                    path: l.path.as_deref(),
                    line,
                    column,
                    end_line,
                    end_column,
                }
            })
            .collect(),
        fix: d.fix.as_ref().map(|fix| FixItem {
            applicability: fix.applicability.as_str(),
            message: &fix.title,
            edits: fix
                .edits
                .iter()
                .zip(&f.edits)
                .map(|(e, &(s, end))| {
                    let (line, column, end_line, end_column) = at(s, end);
                    EditItem {
                        line,
                        column,
                        end_line,
                        end_column,
                        content: &e.content,
                    }
                })
                .collect(),
        }),
    }
}

impl Reporter for Json {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        _summary: &Summary,
    ) -> io::Result<()> {
        let items: Vec<Item> = files
            .iter()
            .flat_map(|file| file.findings.iter().map(|f| item(&file.path, f)))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
        writeln!(out)
    }
}
