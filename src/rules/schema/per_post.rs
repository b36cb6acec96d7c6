//! What the `schema` family works out once for a post and shares: the
//! post's schema, which the front matter rules ask about for each key, and
//! the findings of one validation, which each of the family's rules takes
//! its own from. It lives in the post's [`Context`], so it is made again
//! for each post and for each check of a post the language server makes.

use std::cell::OnceCell;

use super::Compiled;
use super::place::Family;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// The family's work for one post, done when first asked for.
#[derive(Debug, Default)]
pub struct PerPost {
    /// The index of the post's schema in [`super::Loaded::schemas`].
    schema: OnceCell<Option<usize>>,
    findings: OnceCell<Vec<(Family, Diagnostic)>>,
}

impl PerPost {
    /// The schema of the post `ctx` is about, as
    /// [`super::Loaded::schema_of`] picks it.
    pub fn schema<'a>(&self, ctx: &Context<'a>) -> Option<&'a Compiled> {
        let loaded = ctx.settings.schema.loaded.as_deref()?;
        let index = *self.schema.get_or_init(|| {
            let compiled = loaded.schema_of(ctx.path, ctx.site)?;
            loaded
                .schemas
                .iter()
                .position(|s| std::ptr::eq(s, compiled))
        });
        loaded.schemas.get(index?)
    }

    /// The family's findings in the post, made by `find` the first time.
    pub fn findings(
        &self,
        find: impl FnOnce() -> Vec<(Family, Diagnostic)>,
    ) -> &[(Family, Diagnostic)] {
        self.findings.get_or_init(find)
    }
}
