//! `postlint check`: load the config, find the posts, check them, report.

use std::io::{IsTerminal, Read, Write};

use super::{CheckArgs, Color, error, exit};
use crate::config::Config;
use crate::discover::discover;
use crate::engine::Resolver;
use crate::report::statistics::Statistics;
use crate::report::{FileReport, Format, Reporter, ReporterOptions, Summary, plural, thousands};
use crate::rules;
use crate::runner::{self, FixRun, Outcome};

/// Reports nothing: `--fix-only` and `--diff` print no findings.
struct Silent;

impl Reporter for Silent {
    fn report(&self, _: &mut dyn Write, _: &[FileReport], _: &Summary) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn run(args: &CheckArgs) -> u8 {
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
        Some(instant) => crate::model::site::Now {
            instant,
            given: true,
        },
        None => crate::engine::clock(),
    });
    let format = args
        .format
        .or_else(|| config.output_format.as_deref().and_then(Format::from_name))
        .unwrap_or(Format::Human);
    let reporter = format.reporter(ReporterOptions {
        color: use_color(args.color),
        width: terminal_width(),
        rules: rules::RULES
            .iter()
            .enumerate()
            .filter(|&(i, _)| config.level(i).is_some())
            .map(|(_, r)| r.id)
            .collect(),
    });
    let resolver = match Resolver::new(config) {
        Ok(r) => r,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    if args.show_settings {
        return super::settings::show(args, &resolver);
    }
    let fix = (args.fix || args.fix_only || args.diff).then_some(FixRun {
        unsafe_fixes: args.unsafe_fixes,
        write: !args.diff,
    });
    // Fixed standard input goes to standard output, in place of a report.
    let stdin_fix = fix.is_some() && args.stdin_filename.is_some();
    let reporter: Box<dyn Reporter> = if args.fix_only || args.diff || stdin_fix {
        Box::new(Silent)
    } else if args.statistics {
        Box::new(Statistics)
    } else {
        reporter
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut write_error = None;
    let mut on_done = |report: &FileReport| {
        if write_error.is_none() {
            write_error = reporter.file(&mut out, report).err();
        }
    };

    let (mut files, mut tool_error) = match &args.stdin_filename {
        Some(path) => check_stdin(path, &resolver, args.force_exclude, fix, &mut on_done),
        // The whole-repository rules need every post; with `--diff` and
        // `--fix-only` nothing is reported, so they do not run.
        None => {
            let repo = !(args.fix_only || args.diff);
            check_paths(args, &resolver, fix, repo, &mut on_done)
        }
    };
    // A `_config.yml` that Jekyll would refuse is a configuration error.
    for e in resolver.take_site_errors() {
        tool_error |= e.is_fatal();
        eprintln!("{:?}", miette::Report::new(e));
    }

    let mut summary = Summary::default();
    for f in &files {
        summary.add(f);
    }
    let fixed: usize = files.iter().map(|f| f.fixed).sum();
    let changed = files.iter().any(|f| f.diff.is_some());
    let stdin_text = files.first_mut().and_then(|f| f.fixed_text.take());
    let diffs: Vec<String> = files.iter_mut().filter_map(|f| f.diff.take()).collect();
    for f in files.iter().filter(|f| !f.converged) {
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
                for diff in &diffs {
                    out.write_all(diff.as_bytes())?;
                }
                if let Some(text) = &stdin_text {
                    out.write_all(text.as_bytes())?;
                }
                Ok(())
            })
            .and_then(|_| out.flush()),
    };
    if let Some(run) = fix {
        let verb = if args.diff { "Would fix" } else { "Fixed" };
        eprintln!(
            "{verb} {} ({} remaining)",
            plural(fixed, "problem"),
            thousands(summary.problems())
        );
        let hidden = files
            .iter()
            .flat_map(|f| &f.findings)
            .filter(|f| {
                f.diagnostic
                    .fix
                    .as_ref()
                    .is_some_and(|x| x.applicability == crate::Applicability::Unsafe)
            })
            .count();
        if !run.unsafe_fixes && hidden > 0 {
            let more = if hidden == 1 {
                "1 more fix".to_string()
            } else {
                format!("{} more fixes", thousands(hidden))
            };
            eprintln!("{more} can be applied with `--unsafe-fixes`");
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

/// Discover and check the files named by the arguments. Returns every
/// checked file's report and whether a tool error happened.
fn check_paths(
    args: &CheckArgs,
    resolver: &Resolver,
    fix: Option<FixRun>,
    repo: bool,
    on_done: &mut dyn FnMut(&FileReport),
) -> (Vec<FileReport>, bool) {
    let found = match discover(&args.paths, resolver.filter(), args.force_exclude) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return (Vec::new(), true);
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
    let outcomes = runner::run(&found.files, resolver, fix, |outcome| {
        if let Outcome::Checked(report) = outcome {
            on_done(report);
        }
    });
    let mut files = Vec::with_capacity(outcomes.len());
    let mut paths = Vec::with_capacity(outcomes.len());
    for (outcome, path) in outcomes.into_iter().zip(&found.files) {
        match outcome {
            Outcome::Checked(report) => {
                files.push(report);
                paths.push(path.as_path());
            }
            Outcome::Failed { path, message } => {
                error(format!("{path}: {message}"));
                tool_error = true;
            }
        }
    }
    if repo {
        let more = runner::repo::run(&paths, &mut files, resolver);
        for e in &more.errors {
            error(e);
        }
        tool_error |= !more.errors.is_empty();
        for (i, findings) in more.findings {
            // Streaming formats get the file's whole-repository findings
            // after every file's own.
            let extra = FileReport {
                path: files[i].path.clone(),
                findings,
                fixed: 0,
                converged: true,
                diff: None,
                fixed_text: None,
                summary: None,
            };
            on_done(&extra);
            let report = &mut files[i];
            report.findings.extend(extra.findings);
            report.findings.sort_by(|a, b| {
                let key = |f: &crate::report::Finding| {
                    (
                        f.diagnostic.span.start,
                        f.diagnostic.span.end,
                        f.diagnostic.rule,
                    )
                };
                key(a).cmp(&key(b))
            });
        }
    }
    for f in &mut files {
        f.summary = None;
    }
    (files, tool_error)
}

/// Check standard input as the file at `path` (which need not exist).
fn check_stdin(
    path: &std::path::Path,
    resolver: &Resolver,
    force_exclude: bool,
    fix: Option<FixRun>,
    on_done: &mut dyn FnMut(&FileReport),
) -> (Vec<FileReport>, bool) {
    let excluded = force_exclude && resolver.filter().is_excluded(path);
    if excluded && !fix.is_some_and(|run| run.write) {
        return (Vec::new(), false);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .take(runner::MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
    {
        error(format!("cannot read standard input: {e}"));
        return (Vec::new(), true);
    }
    let shown = runner::display_path(path);
    if bytes.len() as u64 > runner::MAX_FILE_SIZE {
        error(format!(
            "{shown}: standard input is over the {} limit for a post",
            runner::read::max_file_size_text()
        ));
        return (Vec::new(), true);
    }
    match runner::decode(bytes) {
        // An excluded file is not fixed, but `--fix` still gives back its
        // text, so that an editor replacing its buffer loses nothing.
        Ok(text) if excluded => (
            vec![FileReport {
                path: shown,
                findings: Vec::new(),
                fixed: 0,
                converged: true,
                diff: None,
                fixed_text: Some(text),
                summary: None,
            }],
            false,
        ),
        Ok(text) => {
            let config = resolver.settings_for(path);
            let report = match fix {
                None => runner::check_text(&shown, path, &text, &config),
                // Standard input is never written back: `--fix` prints the
                // fixed text, `--diff` the diff.
                Some(run) => {
                    let (mut report, fixed) = runner::fix_text(&shown, path, &text, &config, run);
                    if run.write {
                        report.fixed_text = Some(fixed);
                    }
                    report
                }
            };
            on_done(&report);
            (vec![report], false)
        }
        Err(message) => {
            error(format!("{shown}: {message}"));
            (Vec::new(), true)
        }
    }
}

/// `--select`, `--extend-select` and `--ignore`, which win over the file.
fn apply_selection(config: &mut Config, args: &CheckArgs) -> Result<(), String> {
    for name in args
        .select
        .iter()
        .chain(&args.extend_select)
        .chain(&args.ignore)
    {
        if let Err(unknown) = rules::resolve(name) {
            return Err(match unknown.did_you_mean() {
                Some(hint) => format!("unknown rule or family `{name}`; {hint}"),
                None => {
                    format!("unknown rule or family `{name}`; `postlint rules` lists every rule")
                }
            });
        }
    }
    if !args.select.is_empty() {
        config.select_only(&args.select);
    }
    config.enable(&args.extend_select);
    for name in &args.ignore {
        config.set(name, None);
    }
    Ok(())
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
