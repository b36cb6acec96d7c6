//! What the `schema` family works out once for a post and shares: the
//! post's schema, which the front matter rules ask about for each key, and
//! the findings of one validation, each with the rule of the family that
//! reports it. It lives in the post's `Context`, so it is made again for
//! each post and for each check of a post the language server makes.

use std::cell::OnceCell;

use crate::diagnostic::Diagnostic;

/// Which rule of the family reports a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Type,
    Required,
    UnknownKey,
    Value,
    Reference,
}

/// The family's work for one post, each part done when first asked for.
#[derive(Debug, Default)]
pub struct PerPost {
    /// The index of the post's schema among the loaded ones.
    schema: OnceCell<Option<usize>>,
    findings: OnceCell<Vec<(Family, Diagnostic)>>,
}

impl PerPost {
    /// The index of the post's schema, found by `find` the first time.
    pub fn schema(&self, find: impl FnOnce() -> Option<usize>) -> Option<usize> {
        *self.schema.get_or_init(find)
    }

    /// The family's findings in the post, made by `find` the first time.
    pub fn findings(
        &self,
        find: impl FnOnce() -> Vec<(Family, Diagnostic)>,
    ) -> &[(Family, Diagnostic)] {
        self.findings.get_or_init(find)
    }
}
