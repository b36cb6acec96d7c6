//! The rules, grouped by family (`front_matter/`, `timestamp/`, ...): each
//! family's `mod.rs` holds its shared helpers, its settings and its table of
//! rules, and each rule has a file of its own.
//!
//! Adding a rule takes three things: its file `src/rules/<family>/<rule>.rs`
//! (its `check`, and its `Options` if it has any), its document
//! `rules/<id>.md`, and in its family's `mod.rs` a `mod` line for the file
//! and one line in the `rules!` table, which refers to the module and, after
//! `with`, names the options type. CONTRIBUTING.md walks through it.
//!
//! Around the families, one file per idea:
//!
//! - `registry.rs`: every [`Rule`], in the order they run, and the `rules!`
//!   macro each family lists its rules with;
//! - `context.rs`: what a rule sees ([`Context`], [`RepoContext`]) and where
//!   it reports ([`Sink`]);
//! - `run.rs`: running the rules that are on ([`run_post`], [`run_repo`]);
//! - `settings.rs`: every setting the rules read ([`Settings`]), which
//!   `options.rs` lets each family and rule read for itself;
//! - `selector.rs`: what a name given by the user selects ([`resolve`]);
//! - `meta.rs`: reading a rule's document ([`RuleMeta`]);
//! - `listing.rs`: labels and links for listing the rules.
//!
//! The rules are the core: they import only [`crate::diagnostic`],
//! [`crate::model`] and each other, and read no file and no clock.

// First, so that the families below can use its `rules!` macro.
#[macro_use]
mod registry;

mod context;
mod listing;
mod meta;
pub mod options;
mod run;
mod selector;
mod settings;
#[cfg(test)]
pub(crate) mod tests;

pub mod front_matter;
pub mod jekyll;
pub mod link;
pub mod schema;
pub mod source;
pub mod suppression;
pub mod tag_link;
pub mod timestamp;

pub use context::{Context, MAX_FINDINGS_PER_RULE, RepoContext, RepoDiagnostic, Sink, Summarized};
pub use listing::{REPOSITORY, doc_url, fix_label, severity_label};
pub use meta::{Example, ExampleKind, RuleMeta};
pub use registry::{Check, FAMILIES, RULES, Rule, find, summary_needs};
pub use run::{MIRROR_FAMILIES, ORDINARY_FAMILIES, PAGE_FAMILIES, run_post, run_repo};
pub use selector::{Selector, UnknownName, names, resolve};
pub use settings::Settings;
