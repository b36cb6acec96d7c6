//! Front matter schemas end to end.
//!
//! - `places`: every finding's place and related place, bad schemas;
//! - `documents`: `jekyllDocument` under the site's `collections_dir`;
//! - `corpora`: a schema inferred from each real site then checked against
//!   it, and seeded defects in the mirror corpus.

mod corpora;
mod documents;
mod places;
