//! `postlint check`: load the config, find the posts, check them, report.
//!
//! - `args`: the arguments, and the settings and output they choose;
//! - `paths`: checking the files named, whole-repository rules included;
//! - `stdin`: checking standard input as the file at a path;
//! - `refused`: the fixed files that could not be written, told once per reason.

mod args;
mod paths;
mod refused;
mod stdin;

use std::io::Write;
use std::path::PathBuf;

use super::{error, exit};
use crate::discover::discover;
use crate::engine::Resolver;
use crate::report::statistics::Statistics;
use crate::report::{FileReport, Format, Reporter, ReporterOptions, Summary, plural, thousands};
use crate::rules;
use crate::runner::{self, FixRun};
use args::{apply_selection, load_config, terminal_width, use_color};
use paths::check_paths;
use stdin::check_stdin;

pub(in crate::cli) use args::load_config_at;
pub use args::{CheckArgs, Color};

/// Reports nothing: `--fix-only`, `--diff` and `--silent` print no findings.
struct Silent;

impl Reporter for Silent {
    fn report(&self, _: &mut dyn Write, _: &[FileReport], _: &Summary) -> std::io::Result<()> {
        Ok(())
    }
}

/// Which report of a file [`check_paths`] hands on: its first, or more
/// findings (the whole-repository rules') for a file already reported.
enum Part {
    Own,
    More { had_findings: bool },
}

/// What to check: the paths, or standard input as the file at a path.
enum Input<'a> {
    Paths(&'a [String]),
    Stdin(PathBuf),
}

fn input(args: &CheckArgs) -> Result<Input<'_>, String> {
    let dash = args.paths.iter().any(|p| p == "-");
    if dash && args.paths.len() > 1 {
        return Err("`-` (standard input) cannot be given with other paths".to_string());
    }
    Ok(match (&args.stdin_filename, dash) {
        (Some(path), _) => Input::Stdin(path.clone()),
        (None, true) => Input::Stdin(PathBuf::from("-")),
        (None, false) => Input::Paths(&args.paths),
    })
}

pub fn run(args: &CheckArgs) -> u8 {
    let input = match input(args) {
        Ok(i) => i,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let mut config = match load_config(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Err(e) = apply_selection(&mut config, args) {
        error(e);
        return exit::TOOL_ERROR;
    }
    // Every file of a run is judged against one moment.
    config.now = Some(match args.now {
        Some(instant) => crate::model::jekyll::site::Now {
            instant,
            given: true,
        },
        None => crate::engine::clock(),
    });
    let format = args
        .output_format
        .or_else(|| config.output_format.as_deref().and_then(Format::from_name))
        .unwrap_or(Format::Human);
    // Only a run that writes fixes needs to know where it may write.
    let roots = if args.fix || args.fix_only {
        crate::runner::write::Roots::new(&args.paths, &std::env::current_dir().unwrap_or_default())
    } else {
        crate::runner::write::Roots::default()
    };
    let fix = (args.fix || args.fix_only || args.diff).then_some(FixRun {
        unsafe_fixes: args.unsafe_fixes,
        write: !args.diff,
        roots: &roots,
    });
    let reporter = format.reporter(ReporterOptions {
        color: use_color(args.color),
        width: terminal_width(),
        rules: rules::RULES
            .iter()
            .enumerate()
            .filter(|&(i, _)| config.level(i).is_some())
            .map(|(_, r)| r.id)
            .collect(),
        // After `--fix`, what is left to fix is said on standard error.
        fix_hints: fix.is_none(),
        quiet: args.quiet,
    });
    let resolver = match Resolver::new(config, crate::runner::read::Disk) {
        Ok(r) => r,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    if args.show_files {
        return show_files(&input, &resolver, args.force_exclude);
    }
    if args.show_settings {
        return super::settings::show(&args.paths, args.force_exclude, &resolver);
    }
    // Fixed standard input goes to standard output, in place of a report.
    let stdin_fix = fix.is_some() && matches!(input, Input::Stdin(_));
    let reporter: Box<dyn Reporter> = if args.fix_only || args.diff || stdin_fix || args.silent {
        Box::new(Silent)
    } else if args.statistics {
        Box::new(Statistics)
    } else {
        reporter
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut write_error = None;
    // Counted as the reports come, since streaming formats keep no
    // finding once it is written.
    let mut summary = Summary::default();
    let streams = reporter.streams();
    let mut on_done = |report: &FileReport, part: Part| {
        match part {
            Part::Own => summary.add(report),
            Part::More { had_findings } => summary.add_more(report, had_findings),
        }
        if write_error.is_none() {
            write_error = reporter.file(&mut out, report).err();
        }
    };

    let (mut files, failed) = match &input {
        Input::Stdin(path) => check_stdin(path, &resolver, args.force_exclude, fix, &mut on_done),
        Input::Paths(paths) => {
            check_paths(paths, args, &resolver, fix, format, streams, &mut on_done)
        }
    };
    let mut tool_error = failed > 0;
    // A `_config.yml` that Jekyll would refuse is a configuration error.
    for e in resolver.take_site_errors() {
        tool_error |= e.is_fatal();
        eprintln!("{:?}", miette::Report::new(e));
    }

    summary.failed = failed;
    let fixed: usize = files.iter().map(|f| f.fixed).sum();
    let changed = files.iter().any(|f| f.diff.is_some());
    let stdin_text = files.first_mut().and_then(|f| f.fixed_text.take());
    let diffs: Vec<String> = files.iter_mut().filter_map(|f| f.diff.take()).collect();
    let chatty = !(args.quiet || args.silent);
    // Never silent, even with --quiet: findings were left out.
    for f in files.iter().filter(|f| f.over_limit > 0) {
        eprintln!(
            "warning: {}: {} more findings not reported: a rule reached its limit of {} findings in this file",
            crate::report::escape_controls(&f.path),
            thousands(f.over_limit),
            thousands(crate::rules::MAX_FINDINGS_PER_RULE)
        );
    }
    for f in files.iter().filter(|f| !f.converged && chatty) {
        eprintln!(
            "warning: {}: fixes did not settle after {} passes; the file is fixed as far as they went",
            f.path,
            crate::engine::fix::MAX_ITERATIONS
        );
    }
    files.retain(|f| !f.findings.is_empty());
    let written = match write_error {
        Some(e) => Err(e),
        None => reporter
            .report(&mut out, &files, &summary)
            .and_then(|_| {
                if !args.silent {
                    for diff in &diffs {
                        out.write_all(diff.as_bytes())?;
                    }
                }
                if let Some(text) = &stdin_text {
                    out.write_all(text.as_bytes())?;
                }
                Ok(())
            })
            .and_then(|_| out.flush()),
    };
    if let Some(run) = fix
        && chatty
    {
        let verb = if args.diff { "Would fix" } else { "Fixed" };
        eprintln!(
            "{verb} {} ({} remaining)",
            plural(fixed, "problem"),
            thousands(summary.problems())
        );
        // What is left that a further run could fix: safe fixes that did
        // not settle, and unsafe ones when they were not asked for.
        let mut left = Vec::new();
        if summary.fixable > 0 {
            left.push(format!("{} with `--fix`", thousands(summary.fixable)));
        }
        if summary.unsafe_fixable > 0 && !run.unsafe_fixes {
            left.push(format!(
                "{} with `--unsafe-fixes`",
                thousands(summary.unsafe_fixable)
            ));
        }
        if !left.is_empty() {
            eprintln!("Still fixable: {}", left.join(", "));
        }
    }
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write the report: {e}"));
        }
        tool_error = true;
    }

    if tool_error {
        exit::TOOL_ERROR
    } else if args.diff {
        if changed { exit::FINDINGS } else { exit::OK }
    } else if args.exit_zero || args.fix_only {
        exit::OK
    } else if summary.errors > 0 || args.max_warnings.is_some_and(|max| summary.warnings > max) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// `--show-files`: the files a check would read, one a line.
fn show_files(input: &Input, resolver: &Resolver, force_exclude: bool) -> u8 {
    let files: Vec<String> = match input {
        Input::Stdin(path) => {
            if force_exclude && resolver.filter().is_excluded(path) {
                Vec::new()
            } else {
                vec![runner::display_path(path)]
            }
        }
        Input::Paths(paths) => {
            let found = match discover(
                paths,
                resolver.filter(),
                force_exclude,
                &|p: &std::path::Path| crate::runner::read::is_page(resolver, p),
            ) {
                Ok(f) => f,
                Err(e) => {
                    error(e);
                    return exit::TOOL_ERROR;
                }
            };
            for e in &found.errors {
                error(e);
            }
            if !found.errors.is_empty() {
                return exit::TOOL_ERROR;
            }
            found
                .files
                .iter()
                .map(|p| runner::display_path(p))
                .collect()
        }
    };
    super::emit(|out| {
        for f in &files {
            writeln!(out, "{f}")?;
        }
        Ok(())
    })
}
