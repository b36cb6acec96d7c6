//! `front-matter-duplicate-key`: a front matter key appears twice.

use foldhash::{HashMap, HashMapExt};

use crate::diagnostic::{Edit, Fix};
use crate::model::text::lines::next_line_start;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return;
    };
    let text = ctx.post.text;
    let mut first = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let Some(&j) = first.get(entry.key.as_str()) else {
            first.insert(entry.key.as_str(), i);
            continue;
        };
        let original = &entries[j];
        let mut d = out
            .diagnostic(
                entry.key_span.clone(),
                format!("duplicate key `{}`", entry.key),
            )
            .label("defined again here")
            .related(original.key_span.clone(), "first defined here")
            .help("remove one of the two; Jekyll silently keeps only the last value");
        let same = text[original.value.span.clone()] == text[entry.value.span.clone()];
        let line_start = text[..entry.key_span.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        if same && line_start == entry.key_span.start {
            // A block scalar (`>`, `|`) ends after its last line break,
            // at the start of the line after it, which stays.
            let value_end = entry.value.span.end;
            let end = if value_end > line_start && text[..value_end].ends_with('\n') {
                value_end
            } else {
                next_line_start(text, &(value_end..value_end))
            };
            d = d.fix(Fix::safe(
                "remove the repeated key",
                vec![Edit {
                    range: line_start..end,
                    content: String::new(),
                }],
            ));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Settings;
    use crate::rules::tests::{apply, check};

    /// A block scalar's value ends after its last line break: the fix of a
    /// repeated one deletes its lines and keeps the line after them, even
    /// when that is the closing `---`.
    #[test]
    fn the_fix_of_a_repeated_block_scalar_keeps_the_line_after_it() {
        for next in ["date: 2022-11-01T23:30:00Z\n---\n", "---\n"] {
            for style in [">", "|", "|-"] {
                let first = format!("---\ntitle: t\nsummary: {style}\n  Stalls open\n");
                let text = format!("{first}summary: {style}\n  Stalls open\n{next}<p>x</p>\n");
                let found = check("_drafts/a.md", &text, &Settings::default());
                let d = found
                    .iter()
                    .find(|d| d.rule == "front-matter-duplicate-key")
                    .expect("the repeat is reported");
                let fixed = apply(&text, d.fix.as_ref().expect("a fix"));
                assert_eq!(fixed, format!("{first}{next}<p>x</p>\n"), "{text:?}");
            }
        }
    }
}
