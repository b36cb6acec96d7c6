//! The machine-readable output formats: a snapshot of each over the bundled
//! example site, and the properties each consumer relies on (GitHub
//! escaping, the SARIF schema, JSON Lines items, GitLab fingerprints, JUnit
//! structure and counts).

use crate::common;

use std::collections::HashSet;
use std::path::Path;
use std::process::Command as Process;

use common::{CLEAN_POST, example_site, postlint, site};
use serde_json::Value;

/// `postlint check site --format FORMAT` in `examples/`: stdout and exit code.
fn run(format: &str) -> (String, i32) {
    run_in(&example_site(), &["site"], format)
}

fn run_in(dir: &Path, paths: &[&str], format: &str) -> (String, i32) {
    let out = postlint(dir)
        .arg("check")
        .args(paths)
        .args(["--format", format])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}'),
        "{format} output holds an escape character"
    );
    (stdout, out.status.code().unwrap())
}

/// JSON Lines in file order: lines arrive file by file in completion order,
/// so sort them by path, keeping each file's lines in their order.
fn json_lines_by_path(out: &str) -> Vec<Value> {
    let mut items: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    items.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    items
}

/// A post whose name holds `%`, `,` and `:`, with a duplicate key whose name
/// holds CR, LF, `%`, `:` and `,`, and two identical broken tag links.
const HOSTILE_NAME: &str = "_posts/2022-10-31-100%,a:b.md";

fn hostile_post() -> String {
    let key = r#""a\r\nb:c,d%""#;
    CLEAN_POST
        .replace(
            "comments: True\n",
            &format!("comments: True\n{key}: 1\n{key}: 2\n"),
        )
        .replace(
            "</p>\n</div>",
            "</p>\n<p><a href=\"https://news.example.com/tag/%E.html\">x</a> \
             <a href=\"https://news.example.com/tag/%E.html\">x</a></p>\n</div>",
        )
}

#[test]
fn concise_snapshot() {
    let (out, code) = run("concise");
    assert_eq!(code, 1);
    insta::assert_snapshot!("concise_example_site", out);
}

#[test]
fn concise_lines_are_path_line_column_then_the_summary() {
    let (out, _) = run("concise");
    let (json, _) = run("json");
    let items: Vec<Value> = serde_json::from_str(&json).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    // The findings, the summary line and the fix line. The lines are
    // written as files are checked, with the whole-repository rules'
    // findings last, so they are compared as sets.
    assert_eq!(lines.len(), items.len() + 2);
    let mut expected: Vec<String> = items
        .iter()
        .map(|item| {
            format!(
                "{}:{}:{}: {} {} {}",
                item["path"].as_str().unwrap(),
                item["line"],
                item["column"],
                item["severity"].as_str().unwrap(),
                item["rule"].as_str().unwrap(),
                item["message"].as_str().unwrap()
            )
        })
        .collect();
    let mut written: Vec<String> = lines[..items.len()].iter().map(|l| l.to_string()).collect();
    expected.sort();
    written.sort();
    assert_eq!(written, expected);
    assert!(lines[items.len()].starts_with("Found 13 problems"));
    assert_eq!(
        lines[items.len() + 1],
        "3 fixable with `--fix` (4 more with `--unsafe-fixes`)"
    );

    let dir = site(&[(HOSTILE_NAME, &hostile_post())]);
    let (out, _) = run_in(dir.path(), &[], "concise");
    assert_eq!(out.lines().count(), 4, "one line per finding:\n{out}");
    assert!(out.contains("duplicate key `a b:c,d%`"), "{out}");
}

#[test]
fn json_lines_snapshot() {
    let (out, code) = run("json-lines");
    assert_eq!(code, 1);
    // Files arrive in completion order: sort the lines by path (a stable
    // sort keeps each file's lines in position order).
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_by_key(|l| serde_json::from_str::<Value>(l).unwrap()["path"].to_string());
    insta::assert_snapshot!("json_lines_example_site", lines.join("\n"));
}

#[test]
fn json_lines_hold_the_items_of_json() {
    let (lines, _) = run("json-lines");
    let (json, _) = run("json");
    let items: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(json_lines_by_path(&lines), items);
    for line in lines.lines() {
        assert!(!line.is_empty() && !line.starts_with(' '));
    }

    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    let (out, code) = run_in(dir.path(), &[], "json-lines");
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn github_snapshot() {
    let (out, code) = run("github");
    assert_eq!(code, 1);
    insta::assert_snapshot!("github_example_site", out);
}

#[cfg(unix)]
#[test]
fn github_escapes_hostile_paths_and_messages() {
    let dir = site(&[(HOSTILE_NAME, &hostile_post())]);
    let (out, code) = run_in(dir.path(), &[], "github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let file = "file=_posts/2022-10-31-100%25%2Ca%3Ab.md,";
    for line in &lines {
        assert!(line.starts_with("::error "), "{line}");
        assert!(line.contains(file), "{line}");
        // Properties, then `::` and the message: exactly one `::` after the
        // command, since `:` is escaped in properties.
        assert_eq!(line.matches("::").count(), 2, "{line}");
    }
    assert!(
        out.contains("title=front-matter-duplicate-key::duplicate key `a%0D%0Ab:c,d%25`\n"),
        "{out}"
    );
    assert!(out.contains("::tag link has an invalid percent escape `%25E`\n"));
}

#[test]
fn sarif_snapshot() {
    let (out, code) = run("sarif");
    assert_eq!(code, 1);
    insta::assert_snapshot!("sarif_example_site", out);
}

/// Validate `doc` against the vendored SARIF schema with Python's
/// `jsonschema`. Returns false (after printing why) when it is unavailable
/// outside CI; in CI that is a failure.
fn validate_sarif(doc: &str) -> bool {
    let schema =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/resources/sarif-schema-2.1.0.json");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.sarif");
    std::fs::write(&file, doc).unwrap();
    let script = r#"
import json, sys
try:
    import jsonschema
except ImportError as e:
    print(e)
    sys.exit(3)
with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    doc = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in cls(schema).iter_errors(doc)]
print(cls.__name__)
print("\n".join(errors))
sys.exit(1 if errors else 0)
"#;
    let unavailable = |why: String| {
        if common::in_ci() {
            panic!("SARIF schema validation needs python3 with jsonschema in CI: {why}");
        }
        eprintln!("skipped SARIF schema validation: {why} (pip install jsonschema)");
        false
    };
    let out = match Process::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(e) => return unavailable(format!("cannot run python3: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(0) => {
            assert!(stdout.starts_with("Draft4Validator"), "{stdout}");
            true
        }
        Some(3) => unavailable(format!(
            "python3 cannot import jsonschema: {}",
            stdout.trim()
        )),
        _ => panic!(
            "SARIF output does not match the schema:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn sarif_matches_the_schema() {
    let (out, _) = run("sarif");
    validate_sarif(&out);

    let dir = site(&[(HOSTILE_NAME, &hostile_post())]);
    let (out, _) = run_in(dir.path(), &[], "sarif");
    validate_sarif(&out);
    let log: Value = serde_json::from_str(&out).unwrap();
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "_posts/2022-10-31-100%25%2Ca%3Ab.md");
}

#[test]
fn sarif_describes_every_rule_and_points_results_at_them() {
    let (out, _) = run("sarif");
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "postlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = postlint::rules::RULES.iter().map(|r| r.id).collect();
    assert_eq!(
        rules
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ids
    );
    for rule in rules {
        for field in ["shortDescription", "fullDescription"] {
            assert!(!rule[field]["text"].as_str().unwrap().is_empty());
        }
        assert!(rule["help"]["markdown"].as_str().unwrap().contains("## "));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 13);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert!(results.iter().any(|r| r["fixes"].is_array()));
}

#[test]
fn sarif_columns_count_utf16_units() {
    let post = CLEAN_POST.replace(
        "<p>The <a",
        "<p>😀 <a href=\"https://news.example.com/tag/%E.html\">x</a> The <a",
    );
    let dir = site(&[("_posts/2022-10-31-a.md", &post)]);
    let (sarif, _) = run_in(dir.path(), &[], "sarif");
    let (json, _) = run_in(dir.path(), &[], "json");
    let log: Value = serde_json::from_str(&sarif).unwrap();
    let items: Vec<Value> = serde_json::from_str(&json).unwrap();
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(items[0]["rule"], "tag-link-malformed");
    assert_eq!(
        region["startColumn"].as_u64().unwrap(),
        items[0]["column"].as_u64().unwrap() + 1,
        "the emoji before it is one character but two UTF-16 units"
    );
}

#[test]
fn junit_snapshot() {
    let (out, code) = run("junit");
    assert_eq!(code, 1);
    insta::assert_snapshot!("junit_example_site", out);
}

/// The value of `name="..."` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let at = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    &tag[at..at + tag[at..].find('"').unwrap()]
}

/// Check that the XML's tags balance and that text holds no raw `<` or bare
/// `&`; return every tag in order.
fn xml_tags(xml: &str) -> Vec<&str> {
    let mut stack: Vec<&str> = Vec::new();
    let mut tags = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open]);
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open..=close];
        assert!(!tag[1..].contains('<'), "`<` inside a tag: {tag}");
        check_text(tag);
        rest = &rest[close + 1..];
        tags.push(tag);
        if tag.starts_with("<?") {
            continue;
        }
        if tag.starts_with("</") {
            assert_eq!(stack.pop(), Some(name(tag)), "unbalanced {tag}");
        } else if !tag.ends_with("/>") {
            stack.push(name(tag));
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    tags
}

fn name(tag: &str) -> &str {
    tag.trim_start_matches(['<', '/'])
        .split([' ', '>', '/'])
        .next()
        .unwrap()
}

fn check_text(text: &str) {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..i + text[i..].find(';').expect("bare &")];
        assert!(
            [
                "&amp", "&lt", "&gt", "&quot", "&apos", "&#10", "&#13", "&#9"
            ]
            .contains(&entity),
            "unknown entity {entity}"
        );
    }
}

/// Validate `doc` against `tests/resources/junit.xsd` with Python's
/// `xmlschema`. Returns false (after printing why) when it is unavailable
/// outside CI; in CI that is a failure.
fn validate_junit(doc: &str) -> bool {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/resources/junit.xsd");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.xml");
    std::fs::write(&file, doc).unwrap();
    let script = r#"
import sys
try:
    import xmlschema
except ImportError as e:
    print(e)
    sys.exit(3)
schema = xmlschema.XMLSchema10(sys.argv[1])
errors = [str(e) for e in schema.iter_errors(sys.argv[2])]
print("\n".join(errors))
sys.exit(1 if errors else 0)
"#;
    let unavailable = |why: String| {
        if common::in_ci() {
            panic!("JUnit schema validation needs python3 with xmlschema in CI: {why}");
        }
        eprintln!("skipped JUnit schema validation: {why} (pip install xmlschema)");
        false
    };
    let out = match Process::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(e) => return unavailable(format!("cannot run python3: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(0) => true,
        Some(3) => unavailable(format!(
            "python3 cannot import xmlschema: {}",
            stdout.trim()
        )),
        _ => panic!(
            "JUnit output does not match tests/resources/junit.xsd:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn junit_matches_the_schema() {
    let (out, _) = run("junit");
    validate_junit(&out);
    let dir = site(&[(HOSTILE_NAME, &hostile_post())]);
    let (out, _) = run_in(dir.path(), &[], "junit");
    validate_junit(&out);
}

#[test]
fn junit_schema_rejects_two_failures_in_one_case() {
    let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="1" failures="2"><testsuite name="a" tests="1" failures="2">
<testcase name="r"><failure message="x" type="error"/><failure message="y" type="error"/></testcase>
</testsuite></testsuites>
"#;
    let result = std::panic::catch_unwind(|| validate_junit(doc));
    // Either the validator is missing (outside CI) or it must reject.
    if let Ok(ran) = result {
        assert!(!ran, "the schema accepted two failures in one test case");
    }
}

#[test]
fn junit_is_well_formed_and_counts_right() {
    let (out, _) = run("junit");
    let tags = xml_tags(&out);
    assert_eq!(tags[0], r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let root = tags[1];
    assert!(root.starts_with("<testsuites "));

    let enabled = postlint::rules::RULES
        .iter()
        .filter(|r| r.meta().default_severity.is_some())
        .count();
    let suites: Vec<usize> = tags
        .iter()
        .enumerate()
        .filter(|(_, t)| t.starts_with("<testsuite "))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(suites.len(), 10, "every checked file, clean or not");
    let cases = tags.iter().filter(|t| t.starts_with("<testcase ")).count();
    let failures = tags.iter().filter(|t| t.starts_with("<failure ")).count();
    assert_eq!(failures, 13, "one failure per finding");
    assert_eq!(attr(root, "tests"), cases.to_string());
    assert_eq!(attr(root, "failures"), failures.to_string());
    // Each suite: its counts are its own elements, and every enabled rule
    // is a passing case or has one case per finding.
    let mut sum = (0, 0);
    for (n, &start) in suites.iter().enumerate() {
        let end = suites.get(n + 1).copied().unwrap_or(tags.len());
        let inner = &tags[start + 1..end];
        let own_cases = inner.iter().filter(|t| t.starts_with("<testcase ")).count();
        let own_failures = inner.iter().filter(|t| t.starts_with("<failure ")).count();
        assert_eq!(attr(tags[start], "tests"), own_cases.to_string());
        assert_eq!(attr(tags[start], "failures"), own_failures.to_string());
        assert_eq!(own_cases, enabled - failing_rules(inner) + own_failures);
        sum.0 += own_cases;
        sum.1 += own_failures;
    }
    assert_eq!(sum, (cases, failures));
    assert!(
        suites.iter().any(
            |&s| attr(tags[s], "name").ends_with("harbour-bridge-reopens.md")
                && attr(tags[s], "failures") == "0"
        ),
        "a clean file is a passing suite"
    );

    let dir = site(&[(HOSTILE_NAME, &hostile_post())]);
    let (out, _) = run_in(dir.path(), &[], "junit");
    let tags = xml_tags(&out);
    let failures: Vec<&str> = tags
        .iter()
        .copied()
        .filter(|t| t.starts_with("<failure "))
        .collect();
    assert_eq!(failures.len(), 3);
    assert!(
        out.contains(r#"<failure message="duplicate key `a&#13;&#10;b:c,d%`" type="error">"#),
        "{out}"
    );
    // Both broken links are failed test cases of their own.
    assert_eq!(attr(tags[1], "tests"), (enabled - 2 + 3).to_string());
    assert_eq!(attr(tags[1], "failures"), "3");
}

/// How many rules have a failed case among these tags (names `rule at L:C`).
fn failing_rules(tags: &[&str]) -> usize {
    let mut rules: Vec<&str> = tags
        .iter()
        .filter(|t| t.starts_with("<testcase ") && !t.ends_with("/>"))
        .map(|t| attr(t, "name").split(" at ").next().unwrap())
        .collect();
    rules.sort();
    rules.dedup();
    rules.len()
}

#[test]
fn junit_for_a_clean_site_has_passing_cases() {
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    let (out, code) = run_in(dir.path(), &[], "junit");
    assert_eq!(code, 0);
    let tags = xml_tags(&out);
    assert_eq!(attr(tags[1], "failures"), "0");
    assert!(
        tags.iter()
            .any(|t| t.starts_with("<testsuite ") && attr(t, "name") == "_posts/2022-10-31-a.md")
    );
    assert!(!out.contains("<failure"));
}

#[test]
fn gitlab_snapshot() {
    let (out, code) = run("gitlab");
    assert_eq!(code, 1);
    insta::assert_snapshot!("gitlab_example_site", out);
}

fn fingerprints(out: &str) -> Vec<String> {
    let issues: Vec<Value> = serde_json::from_str(out).unwrap();
    issues
        .iter()
        .map(|i| {
            for field in ["description", "check_name", "severity"] {
                assert!(i[field].is_string(), "{field} in {i}");
            }
            assert!(i["location"]["path"].is_string());
            assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
            assert!(["info", "minor", "major"].contains(&i["severity"].as_str().unwrap()));
            let f = i["fingerprint"].as_str().unwrap().to_string();
            assert!(
                f.len() == 32 && f.bytes().all(|b| b.is_ascii_hexdigit()),
                "{f}"
            );
            f
        })
        .collect()
}

#[test]
fn gitlab_fingerprints_are_unique_and_stable() {
    let (first, _) = run("gitlab");
    let (second, _) = run("gitlab");
    let a = fingerprints(&first);
    assert_eq!(a, fingerprints(&second));
    assert_eq!(a.iter().collect::<HashSet<_>>().len(), a.len());

    // Two identical findings in one file differ by their occurrence; moving
    // them down a line keeps every fingerprint and changes only the lines.
    let post = hostile_post();
    let dir = site(&[("_posts/2022-10-31-a.md", &post)]);
    let (before, _) = run_in(dir.path(), &[], "gitlab");
    let shifted = post.replace("<div>\n", "<div>\n<p>A new first paragraph.</p>\n");
    let dir = site(&[("_posts/2022-10-31-a.md", &shifted)]);
    let (after, _) = run_in(dir.path(), &[], "gitlab");
    let (b, c) = (fingerprints(&before), fingerprints(&after));
    assert_eq!(b.len(), 3);
    assert_eq!(b.iter().collect::<HashSet<_>>().len(), 3);
    assert_eq!(b, c);
    let lines = |out: &str| -> Vec<u64> {
        let issues: Vec<Value> = serde_json::from_str(out).unwrap();
        issues
            .iter()
            .map(|i| i["location"]["lines"]["begin"].as_u64().unwrap())
            .collect()
    };
    let (lb, la) = (lines(&before), lines(&after));
    assert_eq!(la[0], lb[0], "the front matter did not move");
    assert_eq!((la[1], la[2]), (lb[1] + 1, lb[2] + 1));
}

#[test]
fn clean_site_in_every_format() {
    let dir = site(&[("_posts/2022-10-31-a.md", CLEAN_POST)]);
    for (format, expected) in [
        ("concise", "No problems found in 1 file\n"),
        ("json-lines", ""),
        ("github", ""),
        ("gitlab", "[]\n"),
    ] {
        let (out, code) = run_in(dir.path(), &[], format);
        assert_eq!((out.as_str(), code), (expected, 0), "{format}");
    }
    let (out, _) = run_in(dir.path(), &[], "sarif");
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
}
