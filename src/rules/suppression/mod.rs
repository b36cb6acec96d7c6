//! The `suppression` family: the suppression comments themselves. It runs
//! after every other family's findings have been suppressed.

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod unused;

rules! {
    "suppression-unused" => post unused,
}
