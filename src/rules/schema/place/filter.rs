//! Which of a post's violations are reported: not those Jekyll makes good,
//! nor a second finding for one defect.

use crate::model::schema::validate::{Kind, Violation};
use crate::rules::Context;

/// One defect, one finding: a value of the wrong type is reported for its
/// type alone, not again for the `enum`, `format` or other keyword the
/// right type would be judged by; and a violation the schema states twice
/// (through `allOf` or a `$ref`) once.
pub(super) fn one_per_value(violations: &mut Vec<Violation>) {
    let typed: Vec<String> = violations
        .iter()
        .filter(|v| matches!(v.kind, Kind::Type { .. }))
        .map(|v| v.instance.clone())
        .collect();
    violations.retain(|v| {
        matches!(
            v.kind,
            Kind::Type { .. } | Kind::Required { .. } | Kind::Unknown { .. }
        ) || v.at_key
            || !typed.contains(&v.instance)
    });
    // The same keyword saying the same: `minimum` and `multipleOf` both
    // failing are two findings.
    let mut seen = Vec::new();
    violations.retain(|v| {
        let key = (
            v.instance.clone(),
            v.at_key,
            v.kind.clone(),
            v.keyword.clone(),
            v.message.clone(),
        );
        let new = !seen.contains(&key);
        if new {
            seen.push(key);
        }
        new
    });
}

/// A format the top-level `date` fails when Jekyll cannot read it as a date
/// at all: `front-matter-invalid-date` reports that, saying what Jekyll
/// does with it.
pub(super) fn left_to_invalid_date(ctx: &Context, v: &Violation) -> bool {
    if v.instance != "/date" || !matches!(v.kind, Kind::Format | Kind::Other) {
        return false;
    }
    let Some(entry) = ctx.post.front_matter.get("date") else {
        return false;
    };
    let Some(text) = entry.value.as_str() else {
        return false;
    };
    crate::model::date::ruby_time::time::time_parse(text, &jiff::tz::TimeZone::UTC).is_err()
}

/// Whether Jekyll supplies a missing top-level key: `defaults:`, or on an
/// ordinary site what it reads from a post's path.
pub(super) fn supplied(ctx: &Context, v: &Violation) -> bool {
    let Kind::Required { key } = &v.kind else {
        return false;
    };
    if !v.instance.is_empty() {
        return false;
    }
    if ctx
        .site
        .default_for(ctx.path, key)
        .is_some_and(|v| v.is_some())
    {
        return true;
    }
    let from_path = matches!(key.as_str(), "title" | "date" | "slug" | "categories");
    from_path
        && !ctx.is_mirror()
        && crate::model::jekyll::path::in_posts(ctx.path)
        && crate::model::jekyll::path::file_name(ctx.path)
            .and_then(crate::model::jekyll::path::post_name)
            .is_some()
}
