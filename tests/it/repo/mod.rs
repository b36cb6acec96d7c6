//! The whole-repository rules.

mod cli;
mod hashes;
