//! Front matter schemas end to end.
//!
//! - `places`: every finding's place and related place, bad schemas;
//! - `corpora`: a schema inferred from each real site then checked against
//!   it, and seeded defects in the mirror corpus;
//! - `views`: what a schema sees of a front matter, as Psych reads it.

mod corpora;
mod places;
mod views;
