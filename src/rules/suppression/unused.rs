//! `suppression-unused`: a suppression comment suppresses nothing.

use crate::diagnostic::{Edit, Fix};
use crate::model::suppress::Directive;
use crate::rules::{self, Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    let suppressions = &post.suppressions;
    let by_comment = suppressions.regions_by_comment();
    for (c, comment) in suppressions.comments.iter().enumerate() {
        if comment.directive == Directive::Enable {
            continue;
        }
        let regions = &by_comment[c];
        let all_unused = regions.iter().all(|&i| !ctx.suppressions_used[i]);
        for &i in regions {
            if ctx.suppressions_used[i] {
                continue;
            }
            let region = &suppressions.regions[i];
            // Whole-repository rules run after every post is checked, so
            // whether a suppression of one of them is used is not known here.
            if region.name.as_deref().is_some_and(names_repo_rule) {
                continue;
            }
            let unused_help = "remove it, so that it cannot hide a future problem by \
            accident"
                .to_string();
            let (message, label, help) = match &region.name {
                Some(name) if let Err(unknown) = rules::resolve(name) => (
                    format!("suppression names `{name}`, which is not a rule or family"),
                    "unknown name",
                    unknown.did_you_mean().unwrap_or_else(|| {
                        "`postlint rules` lists every rule and family".to_string()
                    }),
                ),
                Some(name) => (
                    format!("suppression of `{name}` suppresses nothing"),
                    "nothing to suppress",
                    unused_help,
                ),
                None => (
                    format!("`{}` suppresses nothing", comment.directive.as_str()),
                    "nothing to suppress",
                    unused_help,
                ),
            };
            let mut d = out
                .diagnostic(region.name_span.clone(), message)
                .label(label)
                .help(help);
            // The comment's first region carries its removal, once.
            let first = regions.first().copied().unwrap_or(i);
            if all_unused && region.name_span == suppressions.regions[first].name_span {
                d = d.fix(Fix::safe(
                    "remove the unused suppression",
                    vec![removal(post.text, &comment.span)],
                ));
            }
            out.push(d);
        }
    }
}

/// Whether `name` is a whole-repository rule, or a family that has one.
fn names_repo_rule(name: &str) -> bool {
    rules::RULES
        .iter()
        .any(|r| r.is_repo() && (r.id == name || r.meta().family == name))
}

/// Delete a comment, and its whole line when nothing else is on it.
fn removal(text: &str, span: &std::ops::Range<usize>) -> Edit {
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |p| span.end + p);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    let range = if alone && line_end < text.len() {
        line_start..line_end + 1
    } else {
        span.clone()
    };
    Edit {
        range,
        content: String::new(),
    }
}
