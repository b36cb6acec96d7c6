//! `schema-unknown-key`: a front matter key its schema does not allow.

use super::place::{Family, report};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    report(ctx, Family::UnknownKey, out);
}
