//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it. One run
//! whose driver lists every registered rule (with its documentation), and
//! one result per finding with its region, related places and fix. Columns
//! count UTF-16 code units (`columnKind`), and paths are URI references.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Finding, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::report::line_index::Position;
use crate::rules::{self, RULES};

pub struct Sarif;

/// The schema the output follows (OASIS SARIF 2.1.0, Errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text<'static>,
    full_description: Text<'static>,
    /// The rule's `rules/<id>.md` in the repository.
    help_uri: String,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    /// Left out for rules that are on by default (SARIF's default is true).
    #[serde(skip_serializing_if = "is_true")]
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

fn is_true(b: &bool) -> bool {
    *b
}

fn region(start: Position, end: Position) -> Region {
    Region {
        start_line: start.line,
        start_column: start.column_utf16,
        end_line: end.line,
        end_column: end.column_utf16,
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptors() -> Vec<RuleDescriptor> {
    RULES
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            let body = doc_body(&meta.body, rule.id);
            RuleDescriptor {
                id: rule.id,
                short_description: Text {
                    text: &meta.summary,
                },
                full_description: Text {
                    text: first_paragraph(body),
                },
                help_uri: rules::doc_url(rule.id),
                help: Help {
                    text: body,
                    markdown: body,
                },
                default_configuration: Configuration {
                    enabled: meta.default_severity.is_some(),
                    // A rule that is off by default runs as a warning when
                    // turned on without a severity.
                    level: level(meta.default_severity.unwrap_or(Severity::Warning)),
                },
                properties: RuleProperties {
                    tags: [meta.family.as_str()],
                },
            }
        })
        .collect()
}

/// The rule document without its `# id` title.
fn doc_body<'a>(body: &'a str, id: &str) -> &'a str {
    let body = body.trim_start();
    body.strip_prefix("# ")
        .and_then(|rest| rest.strip_prefix(id))
        .and_then(|rest| rest.strip_prefix('\n'))
        .unwrap_or(body)
        .trim()
}

/// The first paragraph of a Markdown text.
fn first_paragraph(body: &str) -> &str {
    body.split("\n\n").next().unwrap_or(body).trim()
}

impl Reporter for Sarif {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        _summary: &Summary,
    ) -> io::Result<()> {
        let uris: Vec<String> = files.iter().map(|f| uri(&f.path)).collect();
        let mut results = Vec::new();
        for (file, uri) in files.iter().zip(&uris) {
            for f in &file.findings {
                results.push(result(uri, f));
            }
        }
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "postlint",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: rules::REPOSITORY,
                        rules: descriptors(),
                    },
                },
                column_kind: "utf16CodeUnits",
                results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
        writeln!(out)
    }
}

fn result<'a>(uri: &'a str, f: &'a Finding) -> SarifResult<'a> {
    let d = &f.diagnostic;
    let physical = |uri: std::borrow::Cow<'a, str>, start, end| PhysicalLocation {
        artifact_location: ArtifactLocation { uri },
        region: region(start, end),
    };
    SarifResult {
        rule_id: d.rule,
        rule_index: rules::find(d.rule).map_or(0, |(i, _)| i),
        level: level(d.severity),
        message: Text { text: &d.message },
        locations: [Location {
            id: None,
            physical_location: physical(uri.into(), f.start, f.end),
            message: None,
        }],
        related_locations: d
            .related
            .iter()
            .zip(&f.related)
            .enumerate()
            .map(|(i, (label, &(start, end)))| Location {
                id: Some(i),
                // A label in another file (a whole-repository rule's
                // other post) names that file.
                physical_location: physical(
                    label
                        .path
                        .as_deref()
                        .map_or(uri.into(), |p| self::uri(p).into()),
                    start,
                    end,
                ),
                message: (!label.message.is_empty()).then_some(Text {
                    text: &label.message,
                }),
            })
            .collect(),
        fixes: d
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: Text { text: &fix.title },
                artifact_changes: [ArtifactChange {
                    artifact_location: ArtifactLocation { uri: uri.into() },
                    replacements: fix
                        .edits
                        .iter()
                        .zip(&f.edits)
                        .map(|(edit, &(start, end))| Replacement {
                            deleted_region: region(start, end),
                            inserted_content: Text {
                                text: &edit.content,
                            },
                        })
                        .collect(),
                }],
                properties: FixProperties {
                    applicability: fix.applicability.as_str(),
                },
            })
            .collect(),
    }
}

/// A path as a URI reference: relative paths stay relative, absolute ones
/// become `file:` URIs, and every byte outside the unreserved characters
/// and `/` is percent-encoded.
pub fn uri(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && bytes[2] == b'/'
        && cfg!(windows);
    let (mut out, rest) = if drive {
        (format!("file:///{}", &path[..2]), &path[2..])
    } else if path.starts_with('/') {
        ("file://".to_string(), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    for &b in rest.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("site/_posts/a.md"), "site/_posts/a.md");
        assert_eq!(
            uri("_posts/a b%:c,#?.md"),
            "_posts/a%20b%25%3Ac%2C%23%3F.md"
        );
        assert_eq!(uri("_posts/王.md"), "_posts/%E7%8E%8B.md");
        assert_eq!(uri("/tmp/x y.md"), "file:///tmp/x%20y.md");
    }

    #[test]
    fn rule_help_drops_the_title() {
        let body = "# some-rule\n\nFirst line\nof the paragraph.\n\n## More\n";
        let help = doc_body(body, "some-rule");
        assert_eq!(help, "First line\nof the paragraph.\n\n## More");
        assert_eq!(first_paragraph(help), "First line\nof the paragraph.");
    }
}
