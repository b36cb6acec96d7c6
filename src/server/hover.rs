//! `textDocument/hover`: the documentation of the rules whose findings are
//! under the cursor.

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
        let Some((checked, _)) = self.checked(uri) else {
            return Ok(None);
        };
        let text = self.document(uri)?.text.as_str();
        let lines = Lines::new(text, self.encoding);
        let offset = lines.offset(at.position);
        let here: Vec<&Diagnostic> = checked
            .found
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end)
            .collect();
        let Some(first) = here.first() else {
            return Ok(None);
        };
        let mut seen = HashSet::new();
        let mut parts = Vec::new();
        for d in &here {
            if !seen.insert(d.rule) {
                continue;
            }
            parts.push(rule_markdown(d));
        }
        Ok(Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
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
