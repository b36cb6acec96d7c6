//! `schema-reference`: a front matter value names no `_data` entry or document.

use super::place::{Family, report};
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    report(ctx, Family::Reference, out);
}
