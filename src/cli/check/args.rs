//! The arguments of `postlint check`, and the settings, colour and width
//! of output they choose.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::super::exit;
use crate::config::Config;
use crate::report::Format;
use crate::rules;

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

/// `--select`, `--extend-select` and `--ignore`, which win over the file.
pub(super) fn apply_selection(config: &mut Config, args: &CheckArgs) -> Result<(), String> {
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

pub(super) fn load_config(args: &CheckArgs) -> Result<Config, u8> {
    load_config_at(args.config.as_deref())
}

/// The settings of `--config FILE`, else of the postlint.toml found from
/// the current folder up, else the defaults; 2 (printed) when they do not
/// load.
pub(in crate::cli) fn load_config_at(config: Option<&std::path::Path>) -> Result<Config, u8> {
    let path = match config {
        Some(p) => Some(p.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d)),
    };
    match path {
        None => Ok(Config::default()),
        Some(path) => {
            let mut config = Config::load(&path).map_err(|e| {
                let report = miette::Report::new(e);
                eprintln!("{report:?}");
                exit::TOOL_ERROR
            })?;
            load_schemas(&mut config)?;
            Ok(config)
        }
    }
}

/// Read and compile the schemas `[[schema]]` declares, once for the run;
/// 2 (printed as `error: FILE:LINE:COL: ...`) when one does not load.
pub(in crate::cli) fn load_schemas(config: &mut Config) -> Result<(), u8> {
    if config.settings.schema.declared.is_empty() {
        return Ok(());
    }
    match crate::site_loader::schemas::load(&config.settings.schema.declared, &config.root) {
        Ok(loaded) => {
            config.settings.schema.loaded = Some(std::sync::Arc::new(loaded));
            Ok(())
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(exit::TOOL_ERROR)
        }
    }
}

/// `--color`, then the environment: `FORCE_COLOR` or `CLICOLOR_FORCE`
/// (set, not empty and not `0`) force colour, even over `NO_COLOR`; then
/// `NO_COLOR` (set and not empty) turns it off; else colour on a terminal.
pub(super) fn use_color(choice: Color) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let forced = |name: &str| set(name) && std::env::var_os(name).is_some_and(|v| v != "0");
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto if forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") => true,
        Color::Auto => !set("NO_COLOR") && std::io::stdout().is_terminal(),
    }
}

pub(super) fn terminal_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return 100;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}
