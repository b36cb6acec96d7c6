//! `front-matter-missing-key`: a required front matter key is missing or empty.

use std::path::Path;

use crate::diagnostic::{Edit, Fix};
use crate::rules::options::{Configurable, OptionError, Value};
use crate::rules::{Context, Sink};

/// `[rules.front-matter-missing-key]`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `required`: the keys every post must have; `[front-matter]
    /// required` when unset.
    pub required: Option<Vec<String>>,
}

impl Configurable for Options {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "required" => self.required = Some(value.strings()?),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

pub fn check(ctx: &Context, out: &mut Sink) {
    let fm = &ctx.post.front_matter;
    let (Some(entries), Some(block)) = (fm.entries(), fm.block()) else {
        return;
    };
    let required = ctx.settings.rule::<Options>().required.as_ref();
    // A file Jekyll skips is no post: `jekyll-filename` reports it.
    if !ctx.is_mirror() && crate::model::jekyll::path::skipped_in_posts(ctx.path) {
        return;
    }
    // A name's date off the calendar still dates the post (Ruby rolls it
    // over), or stops the build: either way `jekyll-filename` reports it.
    let dated = crate::model::jekyll::path::in_posts(ctx.path)
        && crate::model::jekyll::path::file_name(ctx.path)
            .and_then(crate::model::jekyll::path::post_name)
            .is_some();
    for key in required.unwrap_or(&ctx.settings.front_matter.required) {
        // `defaults:` in `_config.yml` gives the key its value.
        let by_default = ctx
            .site
            .default_for(ctx.path, key)
            .is_some_and(|v| v.is_some_and(|v| !v.trim().is_empty()));
        // On an ordinary site Jekyll's reading of a dated post's file name
        // is enough: its `date` and its `title` (from the slug). A mirror's
        // generator always writes both, `date` with the time of day the
        // file name lacks and the timestamp comment must agree with.
        let named = key == "date" || key == "title";
        let by_name = dated && named && !ctx.is_mirror();
        // A draft has no date by design (Jekyll dates it by its
        // modification time) and takes its title from its name: a draft,
        // or a template for new posts kept in `_drafts`, may leave both
        // out, or empty.
        let draft = named && !ctx.is_mirror() && crate::model::jekyll::path::in_drafts(ctx.path);
        match entries.iter().rev().find(|e| &e.key == key) {
            None if by_default || by_name || draft => {}
            None => {
                let mut d = out
                    .diagnostic(
                        block.open.clone(),
                        format!("front matter has no `{key}` key"),
                    )
                    .label("in this front matter block")
                    .help(format!("add `{key}:` with a value to the front matter"));
                // The timestamp comment, where there is one, gives the
                // instant; else the file name gives the day.
                let from_comment = match &ctx.post.timestamp_value {
                    Some(Ok(stamp)) => Some((
                        "add `date` from the timestamp comment",
                        stamp.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
                    )),
                    _ => None,
                };
                let from_name = || {
                    date_from_file_name(ctx.path)
                        .map(|date| ("add `date` from the file name", date.to_string()))
                };
                if key == "date"
                    && let Some((title, date)) = from_comment.or_else(from_name)
                {
                    let text = ctx.post.text;
                    let newline = if text[..block.close.start].ends_with("\r\n") {
                        "\r\n"
                    } else {
                        "\n"
                    };
                    d = d.fix(Fix::unsafe_(
                        title,
                        vec![Edit {
                            range: block.close.start..block.close.start,
                            content: format!("date: {date}{newline}"),
                        }],
                    ));
                }
                out.push(d)
            }
            Some(entry)
                if !draft
                    && (entry.value.is_null()
                        || entry.value.as_str().is_some_and(|s| s.trim().is_empty())) =>
            {
                out.push(
                    out.diagnostic(
                        entry.key_span.clone(),
                        format!("required key `{key}` has no value"),
                    )
                    .label("empty")
                    .help(format!("give `{key}` a value")),
                )
            }
            Some(_) => {}
        }
    }
}

/// The `YYYY-MM-DD` a Jekyll post's file name starts with, if it is a real date.
fn date_from_file_name(path: &Path) -> Option<&str> {
    let name = crate::model::jekyll::path::file_name(path)?;
    let date = name.get(..10)?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    (shape && name[10..].starts_with('-') && crate::model::date::format::parse(date).is_ok())
        .then_some(date)
}
