//! `postlint schema`: front matter schemas.
//!
//! - `infer`: write a schema of the posts found;
//! - `check`: load and check every schema `[[schema]]` declares.

mod check;
mod infer;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Write a JSON Schema of the front matter of the posts found, inferred from the types
    /// Jekyll reads; list what looks wrong on standard error
    Infer(infer::Args),
    /// Load and check every schema `[[schema]]` declares, and the `_data` files they name
    Check(check::Args),
}

pub fn run(args: &Args) -> u8 {
    match &args.command {
        Command::Infer(args) => infer::run(args),
        Command::Check(args) => check::run(args),
    }
}
