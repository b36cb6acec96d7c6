//! `postlint man [SUBCOMMAND]`: the man page in roff, built from the same
//! definition as `--help`, so the two cannot disagree. Install it with
//! `postlint man > postlint.1` (and `postlint man check > postlint-check.1`).

use super::{emit, error, exit};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The subcommand whose page to print, such as `check` [default: postlint's own]
    subcommand: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    let command = super::command();
    let page = match &args.subcommand {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub
                .clone()
                .name(format!("postlint-{name}").leak() as &str)
                .version(env!("CARGO_PKG_VERSION")),
            None => {
                error(format!(
                    "unknown subcommand `{name}`; `postlint --help` lists them"
                ));
                return exit::TOOL_ERROR;
            }
        },
    };
    emit(|out| clap_mangen::Man::new(page).render(out))
}
