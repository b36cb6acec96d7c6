//! Property tests over generated input. A failing case is saved by
//! proptest under `tests/proptest-regressions/props/<file>.txt`, and the
//! saved cases run first.

mod anchor_regions;
mod fix;
mod fuzz;
mod references;
mod repo;
mod simple_yaml;
