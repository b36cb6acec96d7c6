//! `schema-value`: a front matter value is not one its schema allows.

use super::place::{Family, report};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    report(ctx, Family::Value, out);
}
