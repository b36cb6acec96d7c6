//! The little a whole-repository rule needs of a post, taken from its model
//! once: where Jekyll writes it, its source URL, its tags, its links to the
//! site's tag pages, and its suppressions. Kept for every post, so it holds
//! hashes of those strings and spans, never the text
//! ([`compact::PostSummary`]); the strings themselves
//! ([`full::FullSummary`]) are made again for the posts a rule reports.

pub mod compact;
pub mod file_link;
pub mod fragments;
pub mod full;
pub mod hash;
pub mod keys;
pub mod links;
pub mod site_outputs;
#[cfg(test)]
mod tests;
