//! `schema-wrong-type`: a front matter value is not of the type its schema asks for.

use super::place::{Family, report};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    report(ctx, Family::Type, out);
}
