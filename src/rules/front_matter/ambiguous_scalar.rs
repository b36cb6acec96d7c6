//! `front-matter-ambiguous-scalar`: an unquoted text value is read as a boolean, number or date under YAML 1.1.

use super::quote;
use crate::diagnostic::{Edit, Fix};
use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};
use crate::rules::options::{Configurable, OptionError, Value};
use crate::rules::{Context, Sink};

/// `[rules.front-matter-ambiguous-scalar]`.
#[derive(Clone, Debug)]
pub struct Options {
    /// `keys`: the keys whose values are text.
    pub keys: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            keys: ["author", "description", "excerpt", "subtitle"]
                .map(String::from)
                .to_vec(),
        }
    }
}

impl Configurable for Options {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "keys" => self.keys = value.strings()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Keys whose type front-matter-wrong-type checks: one defect, one finding.
const OWNED_BY_WRONG_TYPE: &[&str] = &["title", "tags", "categories"];

pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return;
    };
    let text_keys = &ctx.settings.rule::<Options>().keys;
    for entry in entries {
        let key = entry.key.as_str();
        if !text_keys.iter().any(|k| k == key)
            || OWNED_BY_WRONG_TYPE.contains(&key)
            // A source URL that is not a string is source-invalid's finding.
            || ctx.settings.source.keys.iter().any(|k| k == key)
            // A key its schema types is the schema's.
            || crate::rules::schema::place::types_key(ctx, key)
        {
            continue;
        }
        match &entry.value.kind {
            NodeKind::Sequence(items) => {
                for item in items {
                    report(item, key, out);
                }
            }
            _ => report(&entry.value, key, out),
        }
    }
}

fn report(node: &Node, key: &str, out: &mut Sink) {
    let NodeKind::Scalar {
        text,
        value,
        plain: true,
    } = &node.kind
    else {
        return;
    };
    if matches!(value, Scalar::Str | Scalar::Null) {
        return;
    }
    let kind = value.type_name();
    out.push(
        out.diagnostic(
            node.span.clone(),
            format!("`{key}` is meant as text, but YAML 1.1 reads `{text}` as {kind}"),
        )
        .label(format!("Jekyll sees {kind} here"))
        .help(format!("quote it: `{}`", quote(text)))
        .fix(Fix::safe(
            "quote the value",
            vec![Edit {
                range: node.span.clone(),
                content: quote(text),
            }],
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::Options;
    use crate::rules::Settings;

    /// `title: no` and a non-string source URL each give one finding, from
    /// the rule that owns the key, even when this rule is told to check it.
    #[test]
    fn owned_keys_give_one_finding() {
        let mut settings = Settings::default();
        settings.rule_options_mut::<Options>().keys = ["title", "tags", "from", "author"]
            .map(String::from)
            .to_vec();
        let text = "---\ntitle: no\ndate: 2022-11-05T12:00:00Z\nfrom: \
        yes\ntags: [on]\nauthor: off\n---\n";
        let mut rules: Vec<&str> =
            crate::rules::tests::check("_posts/2022-11-05-a.md", text, &settings)
                .iter()
                .map(|d| d.rule)
                .collect();
        rules.sort_unstable();
        assert_eq!(
            rules,
            [
                "front-matter-ambiguous-scalar",
                "front-matter-wrong-type",
                "front-matter-wrong-type",
                "source-invalid",
            ]
        );
    }
}
