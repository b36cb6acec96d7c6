//! `postlint schema`: the front matter schemas.

mod check;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Load and check every schema `[[schema]]` declares, and the `_data` files they name
    Check(check::Args),
}

pub fn run(args: &Args) -> u8 {
    match &args.command {
        Command::Check(a) => check::run(a),
    }
}
