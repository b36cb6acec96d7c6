//! `postlint check`: load the config, find the posts, check them, report.

use std::io::{IsTerminal, Write};

use super::{CheckArgs, Color, Format, error, exit};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::discover::discover;
use crate::report::{
    FileReport, Reporter, Summary, concise::Concise, github::Github, gitlab::Gitlab, human::Human,
    json::Json, json_lines::JsonLines, junit::Junit, sarif::Sarif,
};
use crate::runner::{self, Outcome};

pub fn run(args: &CheckArgs) -> u8 {
    let config = match load_config(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let found = match discover(&args.paths, &config) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let mut tool_error = !found.errors.is_empty();
    for e in &found.errors {
        error(e);
    }
    for arg in &found.empty {
        eprintln!(
            "warning: no posts found in `{arg}`: a post is a .md, .markdown or .html file under a _posts/ or _drafts/ folder; set `include` in postlint.toml to check other files"
        );
    }

    let reporter: Box<dyn Reporter> = match args.format {
        Format::Human => Box::new(Human {
            color: use_color(args.color),
            width: terminal_width(),
        }),
        Format::Json => Box::new(Json),
        Format::Concise => Box::new(Concise),
        Format::JsonLines => Box::new(JsonLines),
        Format::Github => Box::new(Github),
        Format::Sarif => Box::new(Sarif),
        Format::Junit => Box::new(Junit::new(
            crate::rules::RULES
                .iter()
                .enumerate()
                .filter(|&(i, _)| config.level(i).is_some())
                .map(|(_, r)| r.id)
                .collect(),
        )),
        Format::Gitlab => Box::new(Gitlab),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut write_error = None;
    let outcomes = runner::run(&found.files, &config, |outcome| {
        if let (Outcome::Checked(report), None) = (outcome, &write_error) {
            write_error = reporter.file(&mut out, report).err();
        }
    });
    let mut files: Vec<FileReport> = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(report) => files.push(report),
            Outcome::Failed { path, message } => {
                error(format!("{path}: {message}"));
                tool_error = true;
            }
        }
    }
    let mut summary = Summary::default();
    for f in &files {
        summary.add(f);
    }
    files.retain(|f| !f.findings.is_empty());
    let written = match write_error {
        Some(e) => Err(e),
        None => reporter
            .report(&mut out, &files, &summary)
            .and_then(|_| out.flush()),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write the report: {e}"));
        }
        return exit::TOOL_ERROR;
    }

    if tool_error {
        exit::TOOL_ERROR
    } else if files
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| f.diagnostic.severity == Severity::Error)
    {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

fn load_config(args: &CheckArgs) -> Result<Config, u8> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d)),
    };
    match path {
        None => Ok(Config::default()),
        Some(path) => Config::load(&path).map_err(|e| {
            let report = miette::Report::new(e);
            eprintln!("{report:?}");
            exit::TOOL_ERROR
        }),
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return 100;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}
