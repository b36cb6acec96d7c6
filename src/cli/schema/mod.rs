//! `postlint schema`: front matter schemas.
//!
//! - `infer`: write a schema of the posts found.

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
}

pub fn run(args: &Args) -> u8 {
    match &args.command {
        Command::Infer(args) => infer::run(args),
    }
}
