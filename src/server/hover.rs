//! `textDocument/hover`: the documentation of the rules whose findings are
//! under the cursor, and what the front matter's schema says of the key
//! or value there.

use std::collections::HashSet;

use lsp_types as lsp;

use super::position::Lines;
use super::session::Session;
use super::{MAX_DOCUMENT, RequestError, linter};
use crate::diagnostic::Diagnostic;

impl Session {
    pub fn hover(&mut self, params: &lsp::HoverParams) -> Result<Option<lsp::Hover>, RequestError> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        if self.document(uri)?.text.len() > MAX_DOCUMENT {
            return Ok(None);
        }
        let Some((checked, config)) = self.checked(uri) else {
            return Ok(None);
        };
        let doc = self.document(uri)?;
        let (text, path) = (doc.text.as_str(), &doc.path);
        let lines = Lines::new(text, self.encoding);
        let offset = lines.offset(at.position);
        let schema = linter::schema_hover(path, text, offset, &config);
        let here: Vec<&Diagnostic> = checked
            .found
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end)
            .collect();
        let markdown = |value: String| {
            lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value,
            })
        };
        let Some(first) = here.first() else {
            if let Some((span, value)) = schema {
                return Ok(Some(lsp::Hover {
                    contents: markdown(value),
                    range: Some(lines.range(&span)),
                }));
            }
            // In the front matter, with no finding there: where Jekyll
            // writes the file.
            let front_matter_end = front_matter_end(text);
            if offset > front_matter_end {
                return Ok(None);
            }
            let range = lines.range(&(0..front_matter_end));
            return Ok(self.where_written(uri).map(|w| lsp::Hover {
                contents: markdown(where_markdown(&w)),
                range: Some(range),
            }));
        };
        let mut seen = HashSet::new();
        let mut parts = Vec::new();
        for d in &here {
            if !seen.insert(d.rule) {
                continue;
            }
            parts.push(rule_markdown(d));
        }
        parts.extend(schema.map(|(_, value)| value));
        Ok(Some(lsp::Hover {
            contents: markdown(parts.join("\n\n---\n\n")),
            range: Some(lines.range(&first.span)),
        }))
    }
}

/// A rule's documentation for a hover: what was found, then the rule's page.
fn rule_markdown(d: &Diagnostic) -> String {
    let mut out = format!(
        "**postlint** `{}` ({}): {}\n\n",
        d.rule,
        d.severity.as_str(),
        d.message
    );
    if let Some((family, fix, body)) = linter::rule_doc(d.rule) {
        out.push_str(&format!("family `{family}`, fix: {fix}\n\n"));
        out.push_str(body.trim());
    }
    out
}

/// Where the front matter ends: the end of its closing `---` line (0
/// without front matter).
fn front_matter_end(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---") else {
        return 0;
    };
    let mut at = 3 + rest.find('\n').map_or(rest.len(), |i| i + 1);
    for line in text[at..].split_inclusive('\n') {
        at += line.len();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return at;
        }
    }
    0
}

/// What the hover on a front matter says of where Jekyll writes the file.
fn where_markdown(w: &super::definition::Where) -> String {
    let mut out = format!("**postlint**: a {}", w.kind);
    match (&w.url, &w.dest) {
        (Some(url), Some(dest)) => {
            out.push_str(&format!(" at `{url}`, written to `_site/{dest}`"));
        }
        (Some(url), None) => out.push_str(&format!(" with the URL `{url}`, not written")),
        _ => out.push_str(", not written"),
    }
    if let Some(why) = &w.why {
        out.push_str(&format!(" ({why})"));
    }
    out
}
