//! Front matter schemas end to end.
//!
//! - `places`: every finding's place and related place, bad schemas;
//! - `defaults`: the values `defaults:` gives, judged and inferred;
//! - `documents`: `jekyllDocument` under the site's `collections_dir`;
//! - `data_files`: the `_data` files the schemas name, read as they load;
//! - `messages`: each keyword's finding in postlint's words;
//! - `references`: the nearest name as help and fix;
//! - `corpora`: a schema inferred from each real site then checked against
//!   it, and seeded defects in the mirror corpus.

mod corpora;
mod data_files;
mod defaults;
mod documents;
mod messages;
mod places;
mod references;
