//! `postlint schema infer`: the command on synthetic sites, and over the
//! corpora when they are present.

mod cli;
mod corpora;
