//! Command-line arguments and dispatch to the subcommands, each in its own
//! file.

mod check;
mod clean;
mod completions;
mod explain;
mod init;
mod man;
mod progress;
mod rule;
mod rules;
mod schema;
mod server;
mod settings;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use check::{CheckArgs, Color};

/// Exit codes, documented in docs/usage.md.
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
    about = "A fast, exact linter for Jekyll-style post repositories",
    after_help = concat!("Documentation: ", env!("CARGO_PKG_REPOSITORY"), "#readme")
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check posts and report problems
    Check(CheckArgs),
    /// Show what Jekyll makes of each file: its kind, URL, output file, date and layout
    Explain(explain::Args),
    /// List every rule with its family, default severity and summary
    Rules(rules::Args),
    /// Print a rule's documentation, or list the rules of a family
    Rule(rule::Args),
    /// Run the language server over standard input and output (for editors)
    Server,
    /// Print a shell completion script
    Completions(completions::Args),
    /// Print the man page (roff), of postlint or of one subcommand
    Man(man::Args),
    /// Write a commented postlint.toml suited to the repository here (a mirror or an ordinary
    /// site); refuses to overwrite one
    Init,
    /// Front matter schemas: infer one from the posts, or check the declared ones
    Schema(schema::Args),
    /// Remove the cache of the project here (`.postlint_cache`, or where `cache-dir` or
    /// POSTLINT_CACHE_DIR puts it)
    Clean(clean::Args),
}

/// The command line's definition, for completions and the man page.
pub fn command() -> clap::Command {
    Cli::command()
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
        Command::Explain(args) => explain::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Rule(args) => rule::run(&args),
        Command::Server => server::run(),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Init => init::run(),
        Command::Clean(args) => clean::run(&args),
        Command::Schema(args) => schema::run(&args),
    };
    ExitCode::from(code)
}

/// Print an error of postlint itself to standard error, with control
/// characters (from a file name) shown escaped.
pub(crate) fn error(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!("error: {}", crate::report::escape_controls_all(&message));
}

/// Write to standard output; a closed pipe (`postlint rules | head`) ends
/// the output quietly.
pub(crate) fn emit(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Ok(()) => exit::OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            error(format!("cannot write to standard output: {e}"));
            exit::TOOL_ERROR
        }
    }
}
