//! Dates: the front matter `date` as Jekyll reads it ([`field`]), through
//! Ruby's `Time.parse` ([`ruby_time`]), and the strict date format postlint
//! reads and writes ([`format`](mod@format)).

pub mod field;
pub mod format;
pub mod ruby_time;
#[cfg(test)]
mod tests;
