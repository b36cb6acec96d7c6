//! The registry, `src/rules/<family>/*.rs` and `rules/*.md` agree both ways.

use std::collections::BTreeSet;
use std::fs;

use postlint::rules::{FAMILIES, RULES};

fn names(dir: &str, ext: &str) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(ext).map(str::to_string)
        })
        .collect()
}

#[test]
fn every_doc_is_registered_and_every_rule_has_a_doc() {
    let docs = names(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"), ".md");
    let registered: BTreeSet<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(docs, registered, "rules/*.md and the registry differ");
}

#[test]
fn every_rule_has_one_source_file_in_its_family() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
    let mut files = BTreeSet::new();
    for entry in fs::read_dir(root).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue;
        }
        let family = entry.file_name().into_string().unwrap();
        let mut rules = names(entry.path().to_str().unwrap(), ".rs");
        assert!(rules.remove("mod"), "src/rules/{family} has no mod.rs");
        files.extend(rules.into_iter().map(|r| format!("{family}/{r}")));
    }
    let expected: BTreeSet<String> = RULES
        .iter()
        .map(|r| {
            let family = FAMILIES
                .iter()
                .find(|f| r.id.starts_with(&format!("{f}-")))
                .unwrap();
            let name = &r.id[family.len() + 1..];
            format!("{}/{}", family.replace('-', "_"), name.replace('-', "_"))
        })
        .collect();
    assert_eq!(
        files, expected,
        "src/rules/<family>/*.rs and the registry differ"
    );
}

#[test]
fn ids_are_kebab_case_and_start_with_a_family() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.id), "{} is registered twice", rule.id);
        assert!(
            rule.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{} is not kebab-case",
            rule.id
        );
        assert!(
            FAMILIES
                .iter()
                .any(|f| rule.id.starts_with(&format!("{f}-"))),
            "{} does not start with a family",
            rule.id
        );
        assert!(FAMILIES.contains(&rule.meta().family.as_str()));
    }
}

/// The README's rule table, as `rules/*.md` give it: one row per rule in the
/// registry's order, each cell read from the header of the rule's document
/// (the file itself, not the copy embedded in the binary).
fn rule_table() -> String {
    let mut out = String::from(
        "| rule | family | default | fix | what it finds |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in RULES {
        let file = format!("{}/rules/{}.md", env!("CARGO_MANIFEST_DIR"), rule.id);
        let doc = fs::read_to_string(&file).unwrap();
        let header = doc
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .unwrap_or_else(|| panic!("{file}: no `---` header"))
            .0;
        let field = |key: &str| {
            header
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
                .unwrap_or_else(|| panic!("{file}: the header has no `{key}`"))
                .trim()
        };
        assert_eq!(field("id"), rule.id, "{file}: another id");
        let fix = match field("fix") {
            "none" => "",
            fix => fix,
        };
        let cells = [
            format!("`{}`", rule.id),
            field("family").to_string(),
            field("severity").to_string(),
            fix.to_string(),
            field("summary").to_string(),
        ];
        // An empty cell is written `| |`, as in the rest of the README.
        let row = cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    " ".to_string()
                } else {
                    format!(" {c} ")
                }
            })
            .collect::<Vec<_>>()
            .join("|");
        out.push_str(&format!("|{row}|\n"));
    }
    out
}

#[test]
fn readme_rule_table_is_the_one_the_rule_docs_give() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("| rule | family | default | fix | what it finds |\n")
        .expect("README.md has no rule table");
    let end = readme[start..]
        .find("\n\n")
        .map_or(readme.len(), |i| start + i + 1);
    let actual = &readme[start..end];
    let expected = rule_table();
    assert!(
        actual == expected,
        "README.md's rule table differs from rules/*.md; replace it with:\n\n{expected}"
    );
}

/// Every rule file opens with one `//!` line: the rule's id and the
/// `summary` of its document, so that the file says what it checks.
#[test]
fn every_rule_file_opens_with_its_summary() {
    for rule in RULES {
        let family = FAMILIES
            .iter()
            .find(|f| rule.id.starts_with(&format!("{f}-")))
            .unwrap();
        let name = &rule.id[family.len() + 1..];
        let file = format!(
            "{}/src/rules/{}/{}.rs",
            env!("CARGO_MANIFEST_DIR"),
            family.replace('-', "_"),
            name.replace('-', "_")
        );
        let text = fs::read_to_string(&file).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let expected = format!("//! `{}`: {}.", rule.id, rule.meta().summary);
        assert_eq!(first, expected, "{file}: the first line");
        assert!(
            !text.lines().nth(1).unwrap_or_default().starts_with("//!"),
            "{file}: the `//!` opening is one line"
        );
    }
}
