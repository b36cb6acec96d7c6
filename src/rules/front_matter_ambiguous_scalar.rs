use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::model::scalar::Scalar;
use crate::model::yaml::{Node, NodeKind};
use crate::rules::Context;
use crate::rules::front_matter_wrong_type::quote;

/// Keys whose type front-matter-wrong-type checks: one defect, one finding.
const OWNED_BY_WRONG_TYPE: &[&str] = &["title", "tags", "categories"];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(entries) = ctx.post.front_matter.entries() else {
        return;
    };
    let options = ctx.options;
    for entry in entries {
        let key = entry.key.as_str();
        if !options.text_keys.iter().any(|k| k == key)
            || OWNED_BY_WRONG_TYPE.contains(&key)
            // A source URL that is not a string is source-invalid's finding.
            || options.source_keys.iter().any(|k| k == key)
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

fn report(node: &Node, key: &str, out: &mut Vec<Diagnostic>) {
    let NodeKind::Scalar { text, value, plain: true } = &node.kind else {
        return;
    };
    if matches!(value, Scalar::Str | Scalar::Null) {
        return;
    }
    let kind = value.type_name();
    out.push(
        Diagnostic::new(
            "front-matter-ambiguous-scalar",
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
    use std::path::Path;

    use crate::config::Config;

    /// `title: no` and a non-string source URL each give one finding, from
    /// the rule that owns the key, even when this rule is told to check it.
    #[test]
    fn owned_keys_give_one_finding() {
        let config = Config::parse(
            "[rules.front-matter-ambiguous-scalar]\nkeys = [\"title\", \"tags\", \"from\", \"author\"]\n",
            "postlint.toml",
        )
        .unwrap();
        let text = "---\ntitle: no\ndate: 2022-11-05T12:00:00Z\nfrom: yes\ntags: [on]\nauthor: off\n---\n";
        let mut rules: Vec<&str> = crate::check(Path::new("_posts/2022-11-05-a.md"), text, &config)
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
