//! A schema inferred from each real site, then every post checked against
//! it: no schema finding on the five ordinary sites or the mirror corpus;
//! and 200 defects seeded into the mirror by `scripts/schema-mutants`, each
//! reported once where it is written, with nothing else reported. Without
//! the archives the tests skip, except under CI.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::common;

/// Infer the schema of the posts under `site` (`--closed` when asked),
/// and declare it for every file there in a `postlint.toml`.
fn declare_inferred(site: &Path, closed: bool) {
    let mut infer = common::postlint(site);
    infer.args(["schema", "infer"]);
    if closed {
        infer.arg("--closed");
    }
    let out = infer.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", site.display());
    std::fs::write(site.join("inferred-schema.yml"), &out.stdout).unwrap();
    let config = site.join("postlint.toml");
    let mut text = std::fs::read_to_string(&config).unwrap_or_default();
    text.push_str(
        "\n[[schema]]\nname = \"inferred\"\nschema = \"inferred-schema.yml\"\nfiles = [\"**\"]\n",
    );
    std::fs::write(config, text).unwrap();
}

/// Every finding of an uncached check of `site`.
fn findings(site: &Path) -> Vec<Value> {
    let out = common::postlint(site)
        .args(["check", "--no-cache", "--output-format", "json", "."])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        site.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rule(f: &Value) -> &str {
    f["rule"].as_str().unwrap()
}

fn schema_findings(all: &[Value]) -> Vec<String> {
    all.iter()
        .filter(|f| rule(f).starts_with("schema-"))
        .map(|f| {
            format!(
                "{}:{}:{} {}",
                f["path"], f["line"], f["column"], f["message"]
            )
        })
        .collect()
}

#[test]
fn each_ordinary_site_meets_its_inferred_schema() {
    let Some(dir) = common::unpack("ordinary-blogs.tar.zst", common::skip) else {
        return;
    };
    let mut sites = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let site = entry.unwrap().path();
        declare_inferred(&site, false);
        let found = schema_findings(&findings(&site));
        assert!(found.is_empty(), "{}: {found:#?}", site.display());
        sites += 1;
    }
    assert_eq!(sites, 5);
}

/// The mirror with its schema inferred `--closed`; the schema findings are
/// none, and the other findings the baseline the seeded copy is held to.
fn mirror() -> Option<(tempfile::TempDir, Vec<Value>)> {
    let dir = common::unpack("oped2-posts.tar.zst", common::skip_missing_corpus)?;
    std::fs::write(dir.path().join("_config.yml"), "title: Corpus\n").unwrap();
    declare_inferred(dir.path(), true);
    let base = findings(dir.path());
    assert_eq!(schema_findings(&base), Vec::<String>::new());
    Some((dir, base))
}

#[test]
fn seeded_defects_in_the_mirror_are_each_reported_once_where_written() {
    let Some((dir, base)) = mirror() else {
        return;
    };
    let seeded = tempfile::tempdir().unwrap();
    let dest = seeded.path().join("site");
    let made = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/schema-mutants"))
        .args([dir.path(), &dest])
        .args(["--seed", "7", "--count", "200"])
        .output();
    let Ok(made) = made else {
        common::skip("python3 is needed to seed the defects");
        return;
    };
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    // Where each defect is: (path, line, column) and its kind.
    let expected: BTreeMap<(String, u64, u64), String> =
        std::fs::read_to_string(dest.join("mutants.tsv"))
            .unwrap()
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let place = (
                    f[0].to_string(),
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                );
                (place, f[1].to_string())
            })
            .collect();
    assert_eq!(expected.len(), 200);
    let kinds: BTreeSet<&str> = expected.values().map(String::as_str).collect();
    assert_eq!(kinds.len(), 6, "{kinds:?}");

    let found = findings(&dest);
    let place = |f: &Value| {
        (
            f["path"].as_str().unwrap().to_string(),
            f["line"].as_u64().unwrap(),
            f["column"].as_u64().unwrap(),
        )
    };
    let mut at: BTreeMap<(String, u64, u64), Vec<&str>> = BTreeMap::new();
    let mut rest: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &found {
        let p = place(f);
        if expected.contains_key(&p) {
            at.entry(p).or_default().push(rule(f));
        } else {
            *rest.entry(rule(f)).or_default() += 1;
        }
    }
    for (p, kind) in &expected {
        let rules = at.get(p).cloned().unwrap_or_default();
        // An impossible `date` is `front-matter-invalid-date`'s, which says
        // what Jekyll does with it; the schema leaves it alone.
        let want = match kind.as_str() {
            "misread" | "item-type" => "schema-wrong-type",
            "enum" => "schema-value",
            "required" => "schema-required",
            "key" => "schema-unknown-key",
            "date" => "front-matter-invalid-date",
            other => panic!("unknown kind {other}"),
        };
        assert_eq!(rules, [want], "{kind} defect at {p:?}");
    }
    // Nothing else: the other findings are the unseeded copy's, rule by rule
    // (a removed line moves a later finding up, so places are not compared).
    let mut before: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &base {
        *before.entry(rule(f)).or_default() += 1;
    }
    assert_eq!(rest, before);
}
