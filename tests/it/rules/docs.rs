//! Every rule document's examples run as tests: a `bad` example must give
//! findings of that rule and no other, a `good` example no finding at all,
//! and a `fixed` example must equal the `bad` one after the fix loop of
//! `--fix` (with `--unsafe-fixes` when the rule's fix is unsafe). The bad examples' rendered diagnostics are snapshots.
//! Every option a document's Options section names, and every value of an
//! option with a closed set of them, is set by one of its examples.
//!
//! `POSTLINT_RULE=<id>[,<id>…]` limits every test here to those rules, so
//! that one rule's examples run alone:
//! `POSTLINT_RULE=tag-link-mismatch cargo test --test it rules::docs::`.

use std::path::Path;
use std::sync::Arc;

use postlint::Applicability;
use postlint::config::Config;
use postlint::engine::{Resolver, fix};
use postlint::report::human::{Ending, Human};
use postlint::report::{Reporter, Summary};
use postlint::rules::{Example, ExampleKind, RULES, Rule};
use postlint::runner::check_texts_in;
use postlint::runner::read::Disk;

/// The rules whose documents are tested: all of them, or those that
/// `POSTLINT_RULE` names (a comma-separated list of ids).
fn rules() -> Vec<&'static Rule> {
    let Ok(wanted) = std::env::var("POSTLINT_RULE") else {
        return RULES.iter().collect();
    };
    let wanted: Vec<&str> = wanted.split(',').map(str::trim).collect();
    for id in &wanted {
        assert!(
            RULES.iter().any(|r| r.id == *id),
            "POSTLINT_RULE names `{id}`, which is not a rule"
        );
    }
    RULES.iter().filter(|r| wanted.contains(&r.id)).collect()
}

/// The settings the examples at `group` are checked with, as the CLI would
/// give them: the configuration of the first ([`example_config`]), resolved
/// by the engine's [`Resolver`] for the posts written out as a site, beside
/// the site's files set up before the first ([`preamble`]), so that the kind
/// of site and the `_config.yml` are read from them as they are for real
/// posts, unless a `profile` sets the kind.
fn settings(
    id: &str,
    examples: &[Example],
    group: &[usize],
) -> (
    Arc<Config>,
    Vec<postlint::model::summary::site_outputs::SiteOutputs>,
) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let files = preamble(examples, group[0])
        .filter(|&i| examples[i].kind == ExampleKind::File)
        .map(|i| {
            let path = (examples[i].path.as_deref()).unwrap_or_else(|| {
                panic!("rules/{id}.md:{}: a file names no path", examples[i].line)
            });
            (path, &examples[i].text)
        });
    let posts = group
        .iter()
        .map(|&i| (path_of(&examples[i]), &examples[i].text));
    for (path, text) in files.chain(posts) {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let mut config = example_config(id, examples, group[0]);
    // `[[schema]]` files are read once for a run, relative to the config.
    if !config.settings.schema.declared.is_empty() {
        let loaded =
            postlint::site_loader::schemas::load(&config.settings.schema.declared, dir.path())
                .unwrap_or_else(|e| panic!("rules/{id}.md: {e}"));
        config.settings.schema.loaded = Some(Arc::new(loaded));
    }
    let resolver = Resolver::new(config, Disk).unwrap();
    let settings = resolver.settings_for(&dir.path().join(path_of(&examples[group[0]])));
    // A site file may draw a warning only when the document quotes it, to
    // show what the user sees; an error is never meant.
    let body = &postlint::rules::find(id).unwrap().1.meta().body;
    let problems: Vec<_> = (resolver.take_site_errors().into_iter())
        .filter(|p| p.is_fatal() || !body.contains(p.message()))
        .collect();
    assert!(problems.is_empty(), "rules/{id}.md: {problems:?}");
    // What the site's other files (layouts, includes, pages) answer to,
    // for the `link` rules, as a run over the folder would see them.
    let sites = postlint::runner::site_outputs::one_site(&resolver, dir.path())
        .into_iter()
        .collect();
    (settings, sites)
}

/// The blocks that set up the example at `index`: the ```` ```toml config ````
/// and ```` ```yaml file _config.yml ```` blocks right before it, as indices.
fn preamble(examples: &[Example], index: usize) -> impl Iterator<Item = usize> + '_ {
    (0..index)
        .rev()
        .take_while(|&i| matches!(examples[i].kind, ExampleKind::Config | ExampleKind::File))
}

/// The configuration of the example at `index`: the ```` ```toml config ````
/// block of its [`preamble`], else the default; with the rule under test on.
fn example_config(id: &str, examples: &[Example], index: usize) -> Config {
    match preamble(examples, index).find(|&i| examples[i].kind == ExampleKind::Config) {
        Some(i) => {
            let c = &examples[i];
            let config = Config::parse(&c.text, &format!("rules/{id}.md:{}", c.line))
                .unwrap_or_else(|e| panic!("rules/{id}.md:{}: {e}", c.line));
            with_rule_on(config, id)
        }
        None => config_for(id),
    }
}

/// The default configuration, with the rule under test turned on.
fn config_for(id: &str) -> Config {
    with_rule_on(Config::default(), id)
}

fn with_rule_on(mut config: Config, id: &str) -> Config {
    let (index, rule) = postlint::rules::find(id).unwrap();
    // Other rules' examples are fragments of a site, without the pages
    // their links point at: the `link` family, which judges a whole site,
    // is off in them.
    if rule.meta().family != "link" {
        config.set("link", None);
    }
    if config.level(index).is_none() {
        config.set(
            id,
            Some(
                rule.meta()
                    .default_severity
                    .unwrap_or(postlint::Severity::Warning),
            ),
        );
    }
    config
}

/// A draft, so that the `jekyll` rules, which judge `_posts` file names,
/// stay out of other rules' examples unless an example names its path.
const EXAMPLE_PATH: &str = "_drafts/2022-10-31-example.md";

/// The path an example is checked as: the one its fence names, or the default.
fn path_of(example: &Example) -> &str {
    example.path.as_deref().unwrap_or(EXAMPLE_PATH)
}

#[test]
fn every_rule_has_bad_and_good_examples() {
    for rule in rules() {
        let meta = rule.meta();
        assert_eq!(meta.id, rule.id, "rules/{}.md names another id", rule.id);
        assert!(
            rule.id.starts_with(&format!("{}-", meta.family)),
            "{}: id must start with its family",
            rule.id
        );
        let kinds: Vec<ExampleKind> = meta.examples.iter().map(|e| e.kind).collect();
        assert!(
            kinds.contains(&ExampleKind::Bad),
            "rules/{}.md has no bad example",
            rule.id
        );
        assert!(
            kinds.contains(&ExampleKind::Good),
            "rules/{}.md has no good example",
            rule.id
        );
        if meta.fix.is_some() {
            assert!(
                kinds.contains(&ExampleKind::Fixed),
                "rules/{}.md has a fix but no fixed example",
                rule.id
            );
        }
        for heading in ["## What it checks", "## Why it matters", "## Examples"] {
            assert!(
                meta.body.contains(heading),
                "rules/{}.md lacks `{heading}`",
                rule.id
            );
        }
    }
}

/// The examples of `kind` that are checked together, as indices into
/// `examples`. A whole-repository rule's consecutive examples of one kind
/// are the posts of one repository; any other example stands alone.
fn groups(rule: &Rule, kind: ExampleKind) -> Vec<Vec<usize>> {
    let examples = &rule.meta().examples;
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut previous = None;
    for (i, ex) in examples.iter().enumerate() {
        if ex.kind == kind {
            match out.last_mut() {
                Some(group) if rule.is_repo() && previous == Some(kind) => group.push(i),
                _ => out.push(vec![i]),
            }
        }
        previous = Some(ex.kind);
    }
    out
}

/// Check a group of examples as one repository, both phases.
fn check_group(rule: &Rule, group: &[usize]) -> Vec<Vec<postlint::Diagnostic>> {
    let examples = &rule.meta().examples;
    let (config, sites) = settings(rule.id, examples, group);
    let posts: Vec<(&str, &str)> = group
        .iter()
        .map(|&i| (path_of(&examples[i]), examples[i].text.as_str()))
        .collect();
    postlint::engine::whole_repo::check_all_in(&posts, &config, sites)
}

#[test]
fn bad_examples_trigger_only_their_rule() {
    for rule in rules() {
        let examples = &rule.meta().examples;
        for group in groups(rule, ExampleKind::Bad) {
            let line = examples[group[0]].line;
            let found: Vec<_> = check_group(rule, &group).into_iter().flatten().collect();
            assert!(
                !found.is_empty(),
                "rules/{}.md:{}: the bad example gives no finding",
                rule.id,
                line
            );
            for d in &found {
                assert_eq!(
                    d.rule, rule.id,
                    "rules/{}.md:{}: the bad example also triggers {}: {}",
                    rule.id, line, d.rule, d.message
                );
            }
        }
    }
}

#[test]
fn good_examples_give_no_finding() {
    for rule in rules() {
        let examples = &rule.meta().examples;
        for group in groups(rule, ExampleKind::Good) {
            let found: Vec<_> = check_group(rule, &group).into_iter().flatten().collect();
            assert!(
                found.is_empty(),
                "rules/{}.md:{}: the good example gives {:?}",
                rule.id,
                examples[group[0]].line,
                found
                    .iter()
                    .map(|d| (d.rule, &d.message))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn whole_repository_examples_name_distinct_paths() {
    for rule in rules().into_iter().filter(|r| r.is_repo()) {
        let examples = &rule.meta().examples;
        for kind in [ExampleKind::Bad, ExampleKind::Good] {
            for group in groups(rule, kind) {
                let mut paths: Vec<&str> = group.iter().map(|&i| path_of(&examples[i])).collect();
                let n = paths.len();
                paths.sort();
                paths.dedup();
                assert_eq!(
                    paths.len(),
                    n,
                    "rules/{}.md:{}: two posts of one example share a path",
                    rule.id,
                    examples[group[0]].line
                );
            }
        }
    }
}

#[test]
fn fixed_examples_are_what_the_fix_loop_makes_of_the_bad_ones() {
    for rule in rules() {
        let examples = &rule.meta().examples;
        let bad: Vec<_> = examples
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == ExampleKind::Bad)
            .collect();
        for fixed in examples.iter().filter(|e| e.kind == ExampleKind::Fixed) {
            // A fixed example answers the bad example just before it.
            let &(index, source) = bad
                .iter()
                .rev()
                .find(|(_, b)| b.line < fixed.line)
                .unwrap_or_else(|| {
                    panic!(
                        "rules/{}.md:{}: no bad example before the fixed one",
                        rule.id, fixed.line
                    )
                });
            // Through the fix loop `--fix` runs, allowing unsafe fixes only
            // when the rule's fix is unsafe.
            let config = settings(rule.id, examples, &[index]).0;
            let path = Path::new(path_of(source));
            let unsafe_fixes = rule.meta().fix == Some(Applicability::Unsafe);
            let out = fix(path, &source.text, &config, unsafe_fixes);
            assert!(
                out.fixes > 0,
                "rules/{}.md:{}: the bad example has no applicable fix",
                rule.id,
                source.line
            );
            assert_eq!(
                out.text, fixed.text,
                "rules/{}.md:{}: fixing the bad example",
                rule.id, fixed.line
            );
            assert!(
                out.remaining.is_empty(),
                "rules/{}.md:{}: the fixed example still gives {:?}",
                rule.id,
                fixed.line,
                out.remaining
            );
            let again = postlint::check(path, &out.text, &config);
            assert!(
                again.is_empty(),
                "rules/{}.md:{}: a fresh check of the fixed example gives {:?}",
                rule.id,
                fixed.line,
                again
            );
            // `unfixable` keeps the rule's findings and its text.
            let mut unfixable = Config::clone(&config);
            unfixable.set_unfixable(&[rule.id.to_string()]);
            let kept = fix(path, &source.text, &unfixable, unsafe_fixes);
            assert_eq!(
                kept.text, source.text,
                "rules/{}.md:{}: fixed although the rule is unfixable",
                rule.id, source.line
            );
            // An unsafe fix waits for `--unsafe-fixes`.
            if unsafe_fixes {
                let safe_only = fix(path, &source.text, &config, false);
                assert!(
                    safe_only.remaining.iter().any(|d| d.rule == rule.id),
                    "rules/{}.md:{}: an unsafe fix was applied without unsafe fixes",
                    rule.id,
                    source.line
                );
            }
        }
    }
}

#[test]
fn bad_examples_render() {
    for rule in rules() {
        let examples = &rule.meta().examples;
        let mut rendered = String::new();
        for group in groups(rule, ExampleKind::Bad) {
            let (config, sites) = settings(rule.id, examples, &group);
            let posts: Vec<(&str, &str)> = group
                .iter()
                .map(|&i| (path_of(&examples[i]), examples[i].text.as_str()))
                .collect();
            let mut reports = check_texts_in(&posts, &config, sites);
            let mut summary = Summary::default();
            for r in &reports {
                summary.add(r);
            }
            reports.retain(|r| !r.findings.is_empty());
            let mut out = Vec::new();
            Human {
                color: false,
                width: 100,
                ending: Ending {
                    summary: true,
                    fix_hints: false,
                },
            }
            .report(&mut out, &reports, &summary)
            .unwrap();
            rendered.push_str(&String::from_utf8(out).unwrap());
        }
        insta::assert_snapshot!(rule.id, rendered);
    }
}

/// An option, as `postlint.toml` names it: its table (`rules.tag-link-mismatch`,
/// `timestamp`) and its key (`compare`, `unit`).
type OptionName = (String, String);

/// The `## Options` section of a rule document, without its heading.
fn options_section(body: &str) -> &str {
    let Some(start) = body.find("\n## Options\n") else {
        return "";
    };
    let rest = &body[start + "\n## Options\n".len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Every key of `table` and its sub-tables, with its table's dotted name and
/// its value, leaving out the severities under `[rules]` that every rule has.
fn keys_of(prefix: &str, table: &toml::Table, out: &mut Vec<(OptionName, toml::Value)>) {
    for (key, value) in table {
        match value {
            toml::Value::Table(t) => {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                keys_of(&name, t, out);
            }
            _ if prefix == "rules" => {}
            _ if prefix.starts_with("rules.") && key == "severity" => {}
            _ => out.push(((prefix.to_string(), key.clone()), value.clone())),
        }
    }
}

/// The options a document's `## Options` section names: the keys of its
/// ```` ```toml ```` blocks, and each "`key` under `[table]`" of its prose.
fn documented_options(id: &str, body: &str) -> Vec<OptionName> {
    let section = options_section(body);
    let mut found = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() == "```toml" {
            let text: String = lines
                .by_ref()
                .take_while(|l| l.trim_end() != "```")
                .map(|l| format!("{l}\n"))
                .collect();
            let table: toml::Table = text
                .parse()
                .unwrap_or_else(|e| panic!("rules/{id}.md: an Options block is not TOML: {e}"));
            keys_of("", &table, &mut found);
        }
    }
    let mut options: Vec<OptionName> = found.into_iter().map(|(name, _)| name).collect();
    for (at, _) in section.match_indices("` under `[") {
        let key = &section[..at];
        let key = &key[key.rfind('`').map_or(0, |i| i + 1)..];
        let table = &section[at + "` under `[".len()..];
        let Some(end) = table.find("]`") else {
            continue;
        };
        // A key, not a severity such as `"off"` under `[rules]`.
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            options.push((table[..end].to_string(), key.to_string()));
        }
    }
    options.sort();
    options.dedup();
    options
}

/// The values the config reader accepts for an option with a closed set of
/// them, as its own error for any other value lists them (`use "slug",
/// "exact", ...`); empty for an option that takes a free value.
///
/// # Panics
/// When postlint has no such option.
fn enumerated_values(id: &str, (table, key): &OptionName) -> Vec<String> {
    let text = format!("[{table}]\n{key} = \"not a value of any option\"\n");
    let Err(e) = Config::parse(&text, "probe.toml") else {
        return Vec::new();
    };
    let message = e.message();
    assert!(
        !message.contains("has no option") && !message.contains("unknown option"),
        "rules/{id}.md documents `{key}` under `[{table}]`, which postlint does not have: {message}"
    );
    let help = miette::Diagnostic::help(&e).map(|h| h.to_string());
    match help.as_deref().and_then(|h| h.strip_prefix("use ")) {
        Some(list) => list
            .split('"')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect(),
        None => Vec::new(),
    }
}

/// Every option a document names is set by one of its executed examples,
/// and an option with a closed set of values is set to each of them by
/// one, so that what the Options section promises is tested.
#[test]
fn every_documented_option_and_value_has_an_example() {
    let mut missing = Vec::new();
    for rule in rules() {
        let meta = rule.meta();
        let mut configured = Vec::new();
        for config in meta
            .examples
            .iter()
            .filter(|e| e.kind == ExampleKind::Config)
        {
            let table: toml::Table = config
                .text
                .parse()
                .unwrap_or_else(|e| panic!("rules/{}.md:{}: not TOML: {e}", rule.id, config.line));
            keys_of("", &table, &mut configured);
        }
        for option in documented_options(rule.id, &meta.body) {
            let (table, key) = &option;
            let set: Vec<&toml::Value> = configured
                .iter()
                .filter(|(name, _)| *name == option)
                .map(|(_, value)| value)
                .collect();
            if set.is_empty() {
                missing.push(format!(
                    "rules/{}.md: no example sets `{key}` under `[{table}]`",
                    rule.id
                ));
            }
            for value in enumerated_values(rule.id, &option) {
                if !set.iter().any(|v| v.as_str() == Some(value.as_str())) {
                    missing.push(format!(
                        "rules/{}.md: no example sets `{key} = \"{value}\"` under `[{table}]`",
                        rule.id
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
