//! `jekyll-liquid`: the body holds `{{` or `{%` that Jekyll runs as Liquid.

use std::ops::Range;

use crate::model::front_matter::scalar::Scalar;
use crate::rules::{Context, Sink};

mod names;
mod strict;

use names::{BLOCKS, FILTERS, TAGS};
use strict::strict_output;

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    // Without front matter Jekyll copies the file as it is; with
    // `render_with_liquid: false` it does not run Liquid on it.
    let Some(block) = post.front_matter.block() else {
        return;
    };
    if post.front_matter.entries().is_none()
        || post
            .front_matter
            .get("render_with_liquid")
            .and_then(|e| e.value.scalar())
            == Some(&Scalar::Bool(false))
    {
        return;
    }
    if !ctx.is_mirror() {
        return judge(ctx, block.body_start, out);
    }
    let body = &post.text[block.body_start..];
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&body.as_bytes()[at..], b"{") {
        let start = at + found;
        let rest = &body[start..];
        at = start + 1;
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            continue;
        };
        let end = rest
            .find(close)
            .map_or(rest.len().min(rest.find('\n').unwrap_or(rest.len())), |e| {
                e + 2
            });
        let markup = &rest[..end];
        if close == "%}" && tag_name(markup) == Some("raw") {
            // Skip to the end of the raw block.
            match find_endraw(&body[start + end..]) {
                Some(e) => at = start + end + e,
                None => at = body.len(),
            }
            continue;
        }
        let span = block.body_start + start..block.body_start + start + end;
        let (what, effect) = if close == "}}" {
            (
                "a Liquid output tag",
                "Jekyll replaces it with the value of a variable, usually \
                nothing",
            )
        } else {
            (
                "a Liquid tag",
                "Jekyll runs it as a template tag, and stops the build if it \
                is not one",
            )
        };
        out.push(
            out.diagnostic(
                span,
                format!("the body holds {what} `{}`: {effect}", markup.trim_end()),
            )
            .label("read as Liquid, not text")
            .help(
                "wrap the text in `{% raw %}` … `{% endraw %}`, or set \
                `render_with_liquid: false` in the front matter",
            ),
        );
        at = start + end.max(2);
    }
}

/// The name of the tag in `{% name ... %}` (allowing `{%-`).
fn tag_name(markup: &str) -> Option<&str> {
    let inner = markup
        .strip_prefix("{%")?
        .trim_start_matches('-')
        .trim_start();
    inner
        .split(|c: char| c.is_whitespace() || c == '%' || c == '-')
        .next()
}

/// The offset just past the `{% endraw %}` in `s`.
fn find_endraw(s: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find("{%") {
        let start = at + found;
        let end = s[start..].find("%}")? + start + 2;
        if tag_name(&s[start..end]) == Some("endraw") {
            return Some(end);
        }
        at = start + 2;
    }
    None
}

/// An open block: its name, and the span of its opening tag.
struct Open {
    name: String,
    span: Range<usize>,
}

/// On an ordinary site, Liquid is meant: report only what Jekyll fails on
/// (a tag never closed, an unknown tag, a block never closed, an end tag
/// with no block) or silently mangles (an unknown filter, which Jekyll
/// skips, leaving the value unchanged).
fn judge(ctx: &Context, body_start: usize, out: &mut Sink) {
    let text = ctx.post.text;
    let plugins = &ctx.site.liquid;
    // Block tags of plugins postlint cannot see (a gem loaded by the
    // `Gemfile`, say): an unknown tag closed later by its own `end` tag.
    let mut seen_blocks: Vec<String> = Vec::new();
    let plugin_tag = |name: &str, seen: &[String]| {
        plugins.tags.iter().any(|t| t == name) || seen.iter().any(|t| t == name)
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut at = body_start;
    while let Some(found) = memchr::memmem::find(&text.as_bytes()[at..], b"{") {
        let start = at + found;
        let rest = &text[start..];
        at = start + 1;
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            continue;
        };
        let Some(end) = rest[2..].find(close).map(|e| start + 2 + e + 2) else {
            let line_end = rest.find('\n').map_or(text.len(), |e| start + e);
            let what = if close == "}}" { "output" } else { "tag" };
            out.push(
                out.diagnostic(
                    start..line_end,
                    format!(
                        "Liquid {what} `{}` is never closed with `{close}`",
                        &rest[..2]
                    ),
                )
                .label(format!("no `{close}` after this"))
                .help(format!(
                    "close it with `{close}`, or wrap the text in `{{% raw %}}` … \
                    `{{% endraw %}}`: Jekyll stops the build with a Liquid syntax error"
                )),
            );
            return;
        };
        let span = start..end;
        at = end;
        let inner = text[start + 2..end - 2].trim_matches('-').trim();
        if close == "}}" {
            let markup = &text[start + 2..end - 2];
            let markup = markup.strip_prefix('-').unwrap_or(markup);
            let markup = markup.strip_suffix('-').unwrap_or(markup);
            // Liquid ends the output at its first `}`; what then is left is
            // another defect, which Jekyll stops on. Markup with no letter
            // or digit (`{{ "}}` in a quoted fold marker) loses no word of
            // the author's when read loosely: the page shows what was meant.
            if !markup.contains('}')
                && markup.chars().any(char::is_alphanumeric)
                && let Err(why) = strict_output(markup)
            {
                out.push(
                    out.diagnostic(
                        span.clone(),
                        format!("Liquid cannot read `{}`: {why}", &text[span.clone()]),
                    )
                    .label("Liquid reads this loosely, with a warning")
                    .help(
                        "Jekyll logs a Liquid warning and writes what a loose reading \
                        makes of it, often nothing, so the text is lost from the page: \
                        write text without `{{`, or wrap it in `{% raw %}` … `{% endraw %}`",
                    ),
                );
                continue;
            }
            check_filters(ctx, inner, &span, out);
            continue;
        }
        let name_len = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        let (name, markup) = inner.split_at(name_len);
        if name == "raw" || name == "comment" {
            let stop = format!("end{name}");
            match find_end(&text[end..], &stop) {
                Some(e) => at = end + e,
                None => {
                    out.push(unclosed(out, &span, name));
                    return;
                }
            }
            continue;
        }
        if matches!(name, "assign" | "echo") {
            check_filters(
                ctx,
                markup.split_once('=').map_or(markup, |(_, v)| v),
                &span,
                out,
            );
        }
        if let Some(opened) = name.strip_prefix("end")
            && (BLOCKS.contains(&opened) || plugin_tag(opened, &seen_blocks))
        {
            match stack.iter().rposition(|o| o.name == opened) {
                Some(i) if i + 1 == stack.len() => {
                    stack.pop();
                }
                _ if !BLOCKS.contains(&opened) => {}
                _ => {
                    let help = match stack.last() {
                        Some(o) => format!(
                            "the open block is `{}`: close it with `{{% end{} %}}` first",
                            o.name, o.name
                        ),
                        None => format!("remove it, or open the block with `{{% {opened} %}}`"),
                    };
                    out.push(
                        out.diagnostic(
                            span.clone(),
                            format!("`{{% {name} %}}` closes no open `{opened}` block"),
                        )
                        .label("nothing to close here")
                        .help(format!("{help}; Jekyll stops the build here")),
                    );
                    return;
                }
            }
            continue;
        }
        let inside = |names: &[&str]| {
            stack
                .last()
                .is_some_and(|o| names.contains(&o.name.as_str()))
        };
        let misplaced = match name {
            "else" => !inside(&["if", "unless", "for", "case"]),
            "elsif" => !inside(&["if", "unless"]),
            "when" => !inside(&["case"]),
            _ => false,
        };
        if misplaced {
            out.push(
                out.diagnostic(
                    span.clone(),
                    format!("`{{% {name} %}}` outside the block it belongs to"),
                )
                .label("not inside its block")
                .help("move it into its `if`, `for` or `case` block: Jekyll stops the build here"),
            );
            return;
        }
        if matches!(name, "else" | "elsif" | "when") {
            continue;
        }
        let known = TAGS.contains(&name) || plugin_tag(name, &seen_blocks);
        if !known && !name.is_empty() && find_end(&text[end..], &format!("end{name}")).is_some() {
            // A typo does not come with its own end tag: this is a block
            // a plugin defines, checked like one.
            seen_blocks.push(name.to_string());
            stack.push(Open {
                name: name.to_string(),
                span: span.clone(),
            });
            continue;
        }
        if name.is_empty() || !known {
            if plugins.unknown_plugins {
                continue;
            }
            out.push(
                out.diagnostic(span.clone(), format!("unknown Liquid tag `{name}`"))
                    .label("Jekyll knows no such tag")
                    .help(
                        "use a tag of Liquid or Jekyll, add the plugin that defines it, \
                        or wrap the text in `{% raw %}` … `{% endraw %}`: Jekyll stops the \
                        build here",
                    ),
            );
            return;
        }
        if BLOCKS.contains(&name) {
            stack.push(Open {
                name: name.to_string(),
                span: span.clone(),
            });
        }
    }
    if let Some(open) = stack.first() {
        out.push(unclosed(out, &open.span, &open.name));
    }
}

fn unclosed(out: &Sink, span: &Range<usize>, name: &str) -> crate::diagnostic::Diagnostic {
    out.diagnostic(
        span.clone(),
        format!("Liquid block `{name}` is never closed"),
    )
    .label("opened here")
    .help(format!(
        "close it with `{{% end{name} %}}`: Jekyll stops the build with a Liquid syntax error"
    ))
}

/// Report the unknown filters of an expression `value | f: a | g`.
fn check_filters(ctx: &Context, expression: &str, span: &Range<usize>, out: &mut Sink) {
    let plugins = &ctx.site.liquid;
    if plugins.unknown_plugins || !expression.contains('|') {
        return;
    }
    let mut quote = None;
    let mut pieces = Vec::new();
    let mut from = 0;
    for (i, c) in expression.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '|') => {
                pieces.push(&expression[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&expression[from..]);
    for piece in pieces.iter().skip(1) {
        let piece = piece.trim_start();
        let name: &str = &piece[..piece
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(piece.len())];
        if name.is_empty() || FILTERS.contains(&name) || plugins.filters.iter().any(|f| f == name) {
            continue;
        }
        out.push(
            out.diagnostic(span.clone(), format!("unknown Liquid filter `{name}`"))
                .label("Jekyll knows no such filter")
                .help(
                    "use a filter of Liquid or Jekyll, or add the plugin that defines it: \
                    Jekyll skips an unknown filter and leaves the value unchanged",
                ),
        );
    }
}

/// The end of the `{% stop %}` tag in `s`, if there is one.
fn find_end(s: &str, stop: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find("{%") {
        let start = at + found;
        let end = s[start..].find("%}")? + start + 2;
        if tag_name(&s[start..end]) == Some(stop) {
            return Some(end);
        }
        at = start + 2;
    }
    None
}
