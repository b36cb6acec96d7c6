//! The command line through the real binary.

mod cache;
mod cases;
mod output;
mod selection;
