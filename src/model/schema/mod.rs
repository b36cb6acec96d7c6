//! Front matter schemas: the JSON view of YAML 1.1 a schema sees, schema
//! files read with spans, and where a finding's JSON pointer is written.

pub mod assist;
pub mod compile;
pub mod document;
pub mod json_view;
pub mod keywords;
pub mod pointer;
pub mod validate;
pub mod words;

#[cfg(test)]
mod tests;
