//! The report formats over the bundled example site.

mod formats;
mod human_json;
