//! The one pipeline that the CLI, `--fix`, the language server and the tests
//! share: settings per file ([`Resolver`]), checking a post ([`check()`]),
//! fixing it ([`fix()`]) and the whole-repository rules ([`RepoIndex`]).
//! No file is read here: discovery, reading (posts, and the files that say
//! what a site is, handed to the [`Resolver`] as [`SiteFiles`]),
//! parallelism and printing live around it.

pub mod check;
pub mod fix;
pub mod references;
pub mod resolver;
pub mod whole_repo;

pub use check::{Checked, check};
pub use fix::{Fixed, fix};
pub use resolver::{Resolver, SiteFiles};
pub use whole_repo::{RepoIndex, Reread, check_all};

use crate::model::jekyll::site::Now;

/// The moment the clock gives, for settings that name none: the only place
/// the clock is read.
pub fn clock() -> Now {
    Now {
        instant: jiff::Timestamp::now(),
        given: false,
    }
}
