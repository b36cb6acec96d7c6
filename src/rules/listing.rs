//! How a rule is shown in listings: its severity and fix labels, and the
//! address of its document.

use crate::diagnostic::{Applicability, Severity};

/// Default severity label for listings: `error`, `warning`, `info` or `off`.
pub fn severity_label(level: Option<Severity>) -> &'static str {
    level.map_or("off", Severity::as_str)
}

/// The repository, whose `rules/<id>.md` documents each rule.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The address of a rule's documentation: its `rules/<id>.md` in the
/// repository.
pub fn doc_url(id: &str) -> String {
    format!("{REPOSITORY}/blob/main/rules/{id}.md")
}

/// Fix label for listings.
pub fn fix_label(fix: Option<Applicability>) -> &'static str {
    fix.map_or("-", Applicability::as_str)
}
