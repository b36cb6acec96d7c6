//! `schema-required`: a key its schema requires is missing.

use super::place::{Family, report};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    report(ctx, Family::Required, out);
}
