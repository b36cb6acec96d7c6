//! The command line through the real binary.

mod cache;
mod cases;
mod explain;
mod output;
mod selection;
