//! Inferring a JSON Schema from the front matter of a set of documents,
//! from the types Jekyll's Psych gives each value (YAML 1.1), for
//! `postlint schema infer`.
//!
//! Every document added validates against the schema written (GenSON's
//! first rule): each place admits every value seen there (see [`shape`]).
//! Besides the schema, inference lists suspects for the site's owner
//! ([`suspects`]).
//!
//! - `stats`: what is gathered at each place of the front matter;
//! - `shape`: the schema of a place, from what was gathered;
//! - `suspects`: misspelt keys, varying types, values outside an enum;
//! - `formats`: the string formats inference recognises;
//! - `scalar`: the JSON form of a scalar;
//! - `tree`: the schema as an ordered tree, written as YAML or JSON.

mod formats;
pub mod shape;
pub mod stats;
pub mod suspects;
pub mod tree;

use crate::model::front_matter::block::FrontMatter;
pub use shape::Options;
use stats::{Doc, Location, Stats, Type};
pub use suspects::Suspect;
use tree::Value;

/// The meta-schema inferred schemas are written against.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Documents gathered so far.
#[derive(Clone, Debug, Default)]
pub struct Inference {
    root: Stats,
}

/// A document left out of inference, and why: the front matter does not
/// close, or is not YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub at: Location,
    pub message: String,
}

impl Inference {
    /// Add the document `index` (its index is how its locations name it),
    /// of text `text` and front matter `front_matter` (as
    /// [`crate::model::front_matter::block::split`] reads it). A document
    /// without front matter, or whose front matter is not a mapping,
    /// counts as an empty mapping, as a schema check reads it.
    pub fn add(
        &mut self,
        index: usize,
        text: &str,
        front_matter: &FrontMatter,
    ) -> Result<(), LeftOut> {
        let doc = Doc { text, index };
        let entries: &[crate::model::Entry] = match front_matter {
            FrontMatter::Parsed { entries, .. } => entries,
            FrontMatter::Missing | FrontMatter::NotMapping { .. } => &[],
            FrontMatter::Unterminated { open } => {
                return Err(LeftOut {
                    at: doc.locate(open.start),
                    message: "the front matter is not closed".to_string(),
                });
            }
            FrontMatter::Invalid { error, .. } => {
                return Err(LeftOut {
                    at: doc.locate(error.offset),
                    message: format!("the front matter is not valid YAML: {}", error.message),
                });
            }
        };
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        self.root.count_mapping(doc.locate(start));
        let pairs = entries.iter().map(|e| {
            let written = text.get(e.key_span.clone()).unwrap_or_default();
            (
                stats::top_key_name(&e.key, written),
                e.key_span.start,
                &e.value,
            )
        });
        self.root.add_mapping(pairs, &doc);
        Ok(())
    }

    /// Add the values a `defaults:` entry (its `values` mapping, of the
    /// text `text`, named by `index`) gives the documents: each value is
    /// one more a key may hold, but no document has the key the more, so
    /// what is required and the counts stay the documents' own.
    pub fn add_defaults(&mut self, index: usize, text: &str, values: &crate::model::yaml::Node) {
        let doc = Doc { text, index };
        if let crate::model::yaml::NodeKind::Mapping(pairs) = &values.kind {
            for (key, value) in pairs {
                let name = stats::key_name(key, text);
                (self.root.properties.entry(name).or_default())
                    .value
                    .add(value, &doc);
            }
        }
    }

    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.root.has(Type::Mapping)
    }

    /// The schema of the documents added.
    pub fn schema(&self, options: &Options) -> Value {
        let mut members = vec![("$schema".to_string(), Value::str(DRAFT), None)];
        if let Value::Map(rest) = shape::schema(&self.root, options) {
            members.extend(rest);
        }
        Value::Map(members)
    }

    /// What looks wrong in the documents added, in the order of the keys.
    pub fn suspects(&self) -> Vec<Suspect> {
        let mut out = Vec::new();
        suspects::suspects(&self.root, "", &mut out);
        out
    }
}

#[cfg(test)]
mod tests;
