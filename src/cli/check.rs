//! `postlint check`: load the config, find the posts, check them, report.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{error, exit};
use crate::cache::Cache;
use crate::config::Config;
use crate::discover::{discover, discover_each};
use crate::engine::Resolver;
use crate::model::summary::PostSummary;
use crate::report::statistics::Statistics;
use crate::report::{FileReport, Format, Reporter, ReporterOptions, Summary, plural, thousands};
use crate::rules;
use crate::runner::{self, FixRun, Outcome};

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files, directories or globs to check, or `-` for standard input [default: .]
    pub paths: Vec<String>,
    /// Use this config file instead of searching for postlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format [default: `output-format` in postlint.toml, else human]
    #[arg(long, value_enum, visible_alias = "format")]
    pub output_format: Option<Format>,
    /// When to use colour in human output [default: auto; see FORCE_COLOR and NO_COLOR]
    #[arg(long, value_enum, default_value_t = Color::Auto, hide_default_value = true)]
    pub color: Color,
    /// Check only these rules or families (comma-separated), replacing the config's choice
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Also check these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Do not check these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Exit 0 even when there are error findings (tool errors still exit 2)
    #[arg(long)]
    pub exit_zero: bool,
    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Print the number of findings per rule instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Check standard input as if it were the file at PATH
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply `exclude` to files named on the command line too (for pre-commit)
    #[arg(long)]
    pub force_exclude: bool,
    /// Apply safe fixes, then report what is left
    #[arg(long)]
    pub fix: bool,
    /// With --fix, --fix-only or --diff: apply unsafe fixes too
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Apply fixes and report nothing else; exit 0 unless postlint fails
    #[arg(long)]
    pub fix_only: bool,
    /// Print a unified diff of what --fix would change and write nothing; exit 1 if there is a change
    #[arg(long)]
    pub diff: bool,
    /// Judge future dates against this time instead of the clock (RFC 3339, such as 2024-01-01T00:00:00Z)
    #[arg(long, value_name = "TIME")]
    pub now: Option<jiff::Timestamp>,
    /// Print the findings but nothing else: no summary, no notes on standard error
    #[arg(short, long, conflicts_with = "silent")]
    pub quiet: bool,
    /// Print nothing on standard output; only the exit code (and errors of postlint itself) tell
    #[arg(short, long)]
    pub silent: bool,
    /// Check every post again, neither reading nor writing the cache
    #[arg(long)]
    pub no_cache: bool,
    /// Print the files that would be checked, one a line, and check nothing
    #[arg(long)]
    pub show_files: bool,
    /// Print the settings each folder of posts is checked with (the kind of site and why, its
    /// _config.yml) instead of checking
    #[arg(long)]
    pub show_settings: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

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
        Some(instant) => crate::model::site::Now {
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
    let resolver = match Resolver::new(config) {
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
        return super::settings::show(args, &resolver);
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
            let found = match discover(paths, resolver.filter(), force_exclude) {
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

/// Discover and check the files named by the arguments, whole-repository
/// rules included (so that `--fix` and `--diff` count every finding left).
/// Returns every checked file's report and how many paths or files could
/// not be checked.
fn check_paths(
    paths: &[String],
    args: &CheckArgs,
    resolver: &Resolver,
    fix: Option<FixRun<'_>>,
    format: Format,
    streams: bool,
    on_done: &mut dyn FnMut(&FileReport, Part),
) -> (Vec<FileReport>, usize) {
    // The site of the first post found is worked out on another thread
    // while the walk goes on (it lists and samples that post's folder):
    // it is most often the first post's site too, and else one needed
    // later.
    let found = std::thread::scope(|scope| {
        let mut early = None;
        discover_each(
            paths,
            resolver.filter(),
            args.force_exclude,
            &mut |path: &Path| {
                if early.is_none() {
                    let path = path.to_path_buf();
                    early = Some(scope.spawn(move || {
                        resolver.settings_for(&path);
                    }));
                }
            },
        )
    });
    let found = match found {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return (Vec::new(), 1);
        }
    };
    let mut failed = found.errors.len();
    for e in &found.errors {
        error(e);
    }
    for arg in found.empty.iter().filter(|_| !(args.quiet || args.silent)) {
        eprintln!(
            "warning: no posts found in `{arg}`: a post is a .md, .markdown or .html file under a _posts/ or _drafts/ folder; set `include` in postlint.toml to check other files"
        );
    }
    // The first post's site is worked out before the cache is read: it may
    // sample the post's folder, whose listing then is gone before the
    // cache's table is made, not beside it.
    if let Some(first) = found.files.first() {
        resolver.settings_for(first);
    }
    let cache = (!args.no_cache).then(|| {
        let base = resolver.base();
        Cache::open(&crate::cache::dir(base), base)
    });
    // Of each file, only its summary is kept for the whole-repository
    // rules, and its report only when something in it is still to be
    // printed or counted: memory stays small however many posts there are.
    let mut paths = found.files;
    let mut summaries: Vec<Option<Arc<PostSummary>>> = Vec::with_capacity(paths.len());
    let mut had_findings = Vec::with_capacity(paths.len());
    let mut kept: Vec<(usize, FileReport)> = Vec::new();
    let mut refused = Refused::default();
    let mut progress =
        super::progress::Progress::start(paths.len(), super::progress::wanted(args, format));
    runner::run(&paths, resolver, fix, cache.as_ref(), |i, outcome| {
        progress.inc();
        summaries.resize_with(i, || None);
        match outcome {
            Outcome::Checked(mut report) => {
                on_done(&report, Part::Own);
                had_findings.resize(i, false);
                had_findings.push(!report.findings.is_empty());
                summaries.push(report.summary.take());
                if streams {
                    report.findings = Vec::new();
                }
                if worth_keeping(&report) {
                    kept.push((i, report));
                }
            }
            Outcome::Failed {
                path,
                message,
                shared,
            } => {
                match shared {
                    Some(reason) => refused.add(reason, path, message),
                    None => error(format!("{path}: {message}")),
                }
                failed += 1;
                summaries.push(None);
            }
        }
    });
    progress.finish();
    refused.report();
    // The rest of the repository, for the whole-repository rules to compare
    // the files named with: summaries only, from the cache when it holds.
    let given = paths.len();
    let (rest, rest_summaries, complete) = context(&args.paths, &paths, resolver, cache.as_ref());
    if let Some(cache) = &cache
        && complete
    {
        cache.covered_everything();
    }
    paths.extend(rest);
    summaries.extend(rest_summaries);
    // When no post and no setting changed since the last run, neither did
    // the whole-repository findings: they are read back, not made again.
    let memo = cache
        .as_ref()
        .filter(|_| summaries.iter().any(Option::is_some))
        .and_then(|c| c.repo_memo(paths.iter().map(|p| runner::display_path(p))));
    if let Some(cache) = cache {
        let dir = crate::cache::dir(resolver.base());
        if let Err(e) = cache.save()
            && !(args.quiet || args.silent)
        {
            eprintln!(
                "warning: cannot write the cache in `{}`: {e}; the next run checks every post again",
                dir.display()
            );
        }
    }
    let more = match memo.as_ref().and_then(|m| m.load()) {
        Some(findings) => runner::whole_repo::RepoFindings {
            findings,
            errors: Vec::new(),
        },
        None => {
            let more = runner::whole_repo::run(&paths, summaries, resolver);
            // Findings made while a post changed under the run are not kept.
            if let Some(memo) = &memo
                && more.errors.is_empty()
                && let Err(e) = memo.store(&more.findings)
                && !(args.quiet || args.silent)
            {
                eprintln!(
                    "warning: cannot write the cache: {e}; the next run makes the whole-repository findings again"
                );
            }
            more
        }
    };
    for e in &more.errors {
        error(e);
    }
    failed += more.errors.len();
    let named = |i: usize| i < given;
    // The shown paths of the files given, made once and only when a finding
    // is in a file that was not.
    let mut given_shown: Option<std::collections::HashSet<String>> = None;
    for (i, mut findings) in more.findings {
        // In a file the run was not given, only what involves one it was.
        if !named(i) {
            let shown = given_shown.get_or_insert_with(|| {
                paths[..given]
                    .iter()
                    .map(|q| runner::display_path(q))
                    .collect()
            });
            findings.retain(|f| {
                f.diagnostic
                    .related
                    .iter()
                    .any(|l| l.path.as_deref().is_some_and(|p| shown.contains(p)))
            });
        }
        if findings.is_empty() {
            continue;
        }
        let extra = FileReport::new(runner::display_path(&paths[i]), findings);
        // Streaming formats get the file's whole-repository findings after
        // every file's own; a file of the rest of the repository is
        // reported here first.
        let part = match had_findings.get(i) {
            Some(&had_findings) if named(i) => Part::More { had_findings },
            _ => Part::Own,
        };
        on_done(&extra, part);
        if streams {
            continue;
        }
        match kept.binary_search_by_key(&i, |(j, _)| *j) {
            Ok(k) => {
                let report = &mut kept[k].1;
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
            Err(k) => kept.insert(k, (i, extra)),
        }
    }
    (kept.into_iter().map(|(_, r)| r).collect(), failed)
}

/// Whether a report holds anything still to print or count once its file
/// is done: findings, or what the closing notes tell of.
fn worth_keeping(report: &FileReport) -> bool {
    !report.findings.is_empty()
        || report.fixed > 0
        || !report.converged
        || report.over_limit > 0
        || report.diff.is_some()
        || report.fixed_text.is_some()
}

/// The fixed files that were not written, by the reason they share, in the
/// order first met: many files refused for one reason are reported once.
#[derive(Default)]
struct Refused {
    groups: Vec<(String, Vec<(String, String)>)>,
}

impl Refused {
    /// Files named in full before the rest are counted.
    const NAMED: usize = 3;

    fn add(&mut self, reason: String, path: String, message: String) {
        match self.groups.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, files)) => files.push((path, message)),
            None => self.groups.push((reason, vec![(path, message)])),
        }
    }

    fn report(self) {
        for (reason, files) in self.groups {
            if let [(path, message)] = &files[..] {
                error(format!("{path}: {message}"));
                continue;
            }
            let mut named: Vec<&str> = files
                .iter()
                .take(Self::NAMED)
                .map(|(p, _)| p.as_str())
                .collect();
            let more = files.len().saturating_sub(Self::NAMED);
            let more = (more > 0).then(|| format!("and {} more", thousands(more)));
            named.extend(more.as_deref());
            error(format!(
                "cannot write {} fixed files, left unchanged: {reason}: {}",
                thousands(files.len()),
                named.join(", ")
            ));
        }
    }
}

/// When the whole-repository rules are on and the paths given are not the
/// whole project (pre-commit passes the staged files): the project's other
/// posts, each with its path and its summary. Their summaries come from the
/// cache when it holds, else from checking them. Also whether the run has
/// then seen every post of the project.
fn context(
    args: &[String],
    checked: &[PathBuf],
    resolver: &Resolver,
    cache: Option<&Cache>,
) -> (Vec<PathBuf>, Vec<Option<Arc<PostSummary>>>, bool) {
    let base = resolver.base();
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| crate::runner::write::lexical(&cwd.join(p));
    // The project: the folder of `postlint.toml`, else the one project the
    // paths named lie in (the folder of `_config.yml`, else the
    // repository's root), never the current folder as such: a site named
    // from elsewhere is compared with its own posts, not with whatever lies
    // around the user.
    let root = match &base.path {
        Some(_) => Some(absolute(&base.root)),
        None => {
            let named: Vec<PathBuf> = args.iter().map(|a| absolute(Path::new(a))).collect();
            let projects: Vec<Option<PathBuf>> = (named.iter())
                .map(|n| crate::runner::write::project_of(crate::runner::write::folder_of(n)))
                .collect();
            match projects.first() {
                Some(Some(first)) if projects.iter().all(|p| p.as_ref() == Some(first)) => {
                    Some(first.clone())
                }
                // No project anywhere: the current folder, when every path
                // named lies in it.
                Some(None)
                    if projects.iter().all(Option::is_none)
                        && named.iter().all(|n| n.starts_with(&cwd)) =>
                {
                    Some(absolute(&base.root))
                }
                _ => None,
            }
        }
    };
    let whole = args.is_empty()
        || root
            .as_ref()
            .is_some_and(|root| args.iter().all(|a| absolute(Path::new(a)) == *root));
    let Some(root) = root.filter(|_| !whole && crate::engine::repo::any_enabled(base)) else {
        return (Vec::new(), Vec::new(), whole);
    };
    // Problems elsewhere in the project are not this run's to report.
    let Ok(all) = discover(&[root.display().to_string()], resolver.filter(), false) else {
        return (Vec::new(), Vec::new(), false);
    };
    let given: std::collections::HashSet<PathBuf> = checked.iter().map(|p| absolute(p)).collect();
    let rest: Vec<PathBuf> = all
        .files
        .iter()
        .map(|p| absolute(p))
        .filter(|p| !given.contains(p))
        .map(|p| match p.strip_prefix(&cwd) {
            Ok(inside) => inside.to_path_buf(),
            Err(_) => p,
        })
        .collect();
    let mut summaries = Vec::with_capacity(rest.len());
    runner::run(&rest, resolver, None, cache, |i, outcome| {
        summaries.resize_with(i, || None);
        summaries.push(match outcome {
            Outcome::Checked(mut report) => report.summary.take(),
            Outcome::Failed { .. } => None,
        });
    });
    (rest, summaries, true)
}

/// Check standard input as the file at `path` (which need not exist).
fn check_stdin(
    path: &Path,
    resolver: &Resolver,
    force_exclude: bool,
    fix: Option<FixRun<'_>>,
    on_done: &mut dyn FnMut(&FileReport, Part),
) -> (Vec<FileReport>, usize) {
    let excluded = force_exclude && resolver.filter().is_excluded(path);
    if excluded && !fix.is_some_and(|run| run.write) {
        return (Vec::new(), 0);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .take(runner::MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
    {
        error(format!("cannot read standard input: {e}"));
        return (Vec::new(), 1);
    }
    let shown = runner::display_path(path);
    if bytes.len() as u64 > runner::MAX_FILE_SIZE {
        error(format!(
            "{shown}: standard input is over the {} limit for a post",
            runner::read::max_file_size_text()
        ));
        return (Vec::new(), 1);
    }
    match runner::decode(bytes) {
        // An excluded file is not fixed, but `--fix` still gives back its
        // text, so that an editor replacing its buffer loses nothing.
        Ok(text) if excluded => (
            vec![FileReport {
                fixed_text: Some(text),
                ..FileReport::new(shown, Vec::new())
            }],
            0,
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
            on_done(&report, Part::Own);
            (vec![report], 0)
        }
        Err(message) => {
            error(format!("{shown}: {message}"));
            (Vec::new(), 1)
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

/// `--color`, then the environment: `FORCE_COLOR` or `CLICOLOR_FORCE`
/// (set, not empty and not `0`) force colour, even over `NO_COLOR`; then
/// `NO_COLOR` (set and not empty) turns it off; else colour on a terminal.
fn use_color(choice: Color) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let forced = |name: &str| set(name) && std::env::var_os(name).is_some_and(|v| v != "0");
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto if forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") => true,
        Color::Auto => !set("NO_COLOR") && std::io::stdout().is_terminal(),
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
