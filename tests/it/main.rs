//! postlint's integration tests, in one test binary: a change to the
//! library relinks this one executable, not one per file. Each topic is a
//! module; `cargo test --test it <module path>` runs one of them, e.g.
//! `cargo test --test it cli::` or `cargo test --test it tag_link::mismatch::`
//! (one rule's document examples, see `rules::docs`).

mod acceptance;
mod cli;
mod common;
mod editors;
mod fix;
mod hostile;
mod invariants;
mod jekyll;
mod layering;
mod output;
mod precommit;
mod props;
mod repo;
mod rules;
mod schema;
mod schema_infer;
mod server;
