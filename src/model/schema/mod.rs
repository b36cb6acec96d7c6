//! Front matter schemas: the JSON view of YAML 1.1 a schema sees, schema
//! files read with spans, and where a finding's JSON pointer is written.

pub mod json_view;
