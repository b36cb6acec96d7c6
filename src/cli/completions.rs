//! `postlint completions <shell>`: a completion script on standard output.

use clap_complete::Shell;

use super::emit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: &Args) -> u8 {
    let mut command = super::command();
    emit(|out| {
        clap_complete::generate(args.shell, &mut command, "postlint", out);
        Ok(())
    })
}
