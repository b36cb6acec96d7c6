//! Command-line arguments and dispatch to the subcommands.

mod check;
mod rules;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// Exit codes, documented in README.md.
pub mod exit {
    /// No error-severity finding.
    pub const OK: u8 = 0;
    /// At least one error-severity finding.
    pub const FINDINGS: u8 = 1;
    /// A usage, configuration or I/O error of postlint itself.
    pub const TOOL_ERROR: u8 = 2;
}

#[derive(Parser, Debug)]
#[command(
    name = "postlint",
    version,
    about = "A fast, exact linter for Jekyll-style post repositories"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check posts and report problems
    Check(CheckArgs),
    /// List every rule with its family, default severity and summary
    Rules,
    /// Print a rule's documentation
    Rule {
        /// The rule id, such as `timestamp-mismatch`
        id: String,
    },
    /// Run the language server over standard input and output (for editors)
    Server,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files, directories or globs to check [default: .]
    pub paths: Vec<String>,
    /// Use this config file instead of searching for postlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// Output format [default: `output-format` in postlint.toml, else human]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// When to use colour in human output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
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
    pub stdin_filename: Option<std::path::PathBuf>,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Parse the arguments and run; the return value is the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::TOOL_ERROR
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules => rules::list(),
        Command::Rule { id } => rules::show(&id),
        Command::Server => crate::server::run(),
    };
    ExitCode::from(code)
}

/// Print an error of postlint itself to standard error, with control
/// characters (from a file name) shown escaped.
pub(crate) fn error(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!("error: {}", crate::report::escape_controls_all(&message));
}
