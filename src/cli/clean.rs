//! `postlint clean`: remove the cache of the project here.

use std::path::PathBuf;

use super::{error, exit};
use crate::config::Config;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Use this config file instead of searching for postlint.toml (its `cache-dir` names the cache)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    let path = args.config.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d))
    });
    let config = match path {
        None => Config::default(),
        Some(path) => match Config::load(&path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(e));
                return exit::TOOL_ERROR;
            }
        },
    };
    let dir = crate::cache::dir(&config);
    match crate::cache::clean(&dir) {
        Ok(true) => {
            eprintln!("Removed the cache at `{}`", dir.display());
            exit::OK
        }
        Ok(false) => {
            eprintln!("No cache at `{}`", dir.display());
            exit::OK
        }
        Err(e) => {
            error(e);
            exit::TOOL_ERROR
        }
    }
}
