//! Every rule document's examples run as tests: a `bad` example must give
//! findings of that rule and no other, a `good` example no finding at all,
//! and a `fixed` example must equal the `bad` one after the fix loop of
//! `--fix` (with `--unsafe-fixes` when the rule's fix is unsafe). The bad examples' rendered diagnostics are snapshots.
//! A ```` ```yaml _config.yml ```` block before an example is written as the
//! example site's `_config.yml` (for its `timezone`, say).

use std::path::Path;
use std::sync::Arc;

use postlint::Applicability;
use postlint::config::Config;
use postlint::engine::{Resolver, fix};
use postlint::report::human::{Ending, Human};
use postlint::report::{Reporter, Summary};
use postlint::rules::{Example, ExampleKind, RULES, Rule};
use postlint::runner::check_texts;

/// The settings the examples at `group` are checked with, as the CLI would
/// give them: the configuration of the first ([`example_config`]), resolved
/// by the engine's [`Resolver`] for the posts written out as a site, so that
/// the kind of site is decided from them as it is for real posts, unless a
/// `profile` sets it.
fn settings(id: &str, examples: &[Example], group: &[usize]) -> Arc<Config> {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    if let Some(site) = preceding(examples, group[0], ExampleKind::SiteConfig) {
        std::fs::write(dir.path().join("_config.yml"), &site.text).unwrap();
    }
    for &i in group {
        let path = dir.path().join(path_of(&examples[i]));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &examples[i].text).unwrap();
    }
    let resolver = Resolver::new(example_config(id, examples, group[0])).unwrap();
    let settings = resolver.settings_for(&dir.path().join(path_of(&examples[group[0]])));
    let problems = resolver.take_site_errors();
    assert!(problems.is_empty(), "rules/{id}.md: {problems:?}");
    settings
}

/// The block of `kind` among the configuration blocks just before the
/// example at `index` (a ```` ```toml config ```` and a
/// ```` ```yaml _config.yml ````, in either order).
fn preceding(examples: &[Example], index: usize, kind: ExampleKind) -> Option<&Example> {
    examples[..index]
        .iter()
        .rev()
        .take_while(|e| matches!(e.kind, ExampleKind::Config | ExampleKind::SiteConfig))
        .find(|e| e.kind == kind)
}

/// The configuration of the example at `index`: the ```` ```toml config ````
/// block just before it, else the default; with the rule under test on.
fn example_config(id: &str, examples: &[Example], index: usize) -> Config {
    match preceding(examples, index, ExampleKind::Config) {
        Some(c) => {
            let config = Config::parse(&c.text, &format!("rules/{id}.md:{}", c.line))
                .unwrap_or_else(|e| panic!("rules/{id}.md:{}: {e}", c.line));
            with_rule_on(config, id)
        }
        _ => config_for(id),
    }
}

/// The default configuration, with the rule under test turned on.
fn config_for(id: &str) -> Config {
    with_rule_on(Config::default(), id)
}

fn with_rule_on(mut config: Config, id: &str) -> Config {
    let (index, rule) = postlint::rules::find(id).unwrap();
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
    for rule in RULES {
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
    let config = settings(rule.id, examples, group);
    let posts: Vec<(&str, &str)> = group
        .iter()
        .map(|&i| (path_of(&examples[i]), examples[i].text.as_str()))
        .collect();
    postlint::engine::check_all(&posts, &config)
}

#[test]
fn bad_examples_trigger_only_their_rule() {
    for rule in RULES {
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
    for rule in RULES {
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
    for rule in RULES.iter().filter(|r| r.is_repo()) {
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
    for rule in RULES {
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
            let config = settings(rule.id, examples, &[index]);
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
    for rule in RULES {
        let examples = &rule.meta().examples;
        let mut rendered = String::new();
        for group in groups(rule, ExampleKind::Bad) {
            let config = settings(rule.id, examples, &group);
            let posts: Vec<(&str, &str)> = group
                .iter()
                .map(|&i| (path_of(&examples[i]), examples[i].text.as_str()))
                .collect();
            let mut reports = check_texts(&posts, &config);
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
