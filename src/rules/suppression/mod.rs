//! The `suppression` family: the suppression comments themselves. It runs
//! after every other family's findings have been suppressed.

rules! {
    "suppression-unused" => post unused,
}
