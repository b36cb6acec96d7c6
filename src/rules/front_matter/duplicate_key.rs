use foldhash::{HashMap, HashMapExt};

use crate::diagnostic::{Edit, Fix};
use crate::model::lines::next_line_start;
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
            let end = next_line_start(text, &(entry.value.span.end..entry.value.span.end));
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
