//! `textDocument/completion`: the keys and values the front matter's
//! schema allows at the cursor.

use lsp_types as lsp;

use super::position::Lines;
use super::session::Session;
use super::{MAX_DOCUMENT, RequestError, linter};
use crate::model::schema::assist::{Candidate, Kind};

impl Session {
    pub fn completion(
        &mut self,
        params: &lsp::CompletionParams,
    ) -> Result<Option<lsp::CompletionResponse>, RequestError> {
        let at = &params.text_document_position;
        let uri = &at.text_document.uri;
        let doc = self.document(uri)?;
        if doc.text.len() > MAX_DOCUMENT {
            return Ok(None);
        }
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        let config = self.config_for(&path, on_disk);
        let text = self.document(uri)?.text.as_str();
        let lines = Lines::new(text, self.encoding);
        let offset = lines.offset(at.position);
        let Some((span, candidates)) = linter::schema_completion(&path, text, offset, &config)
        else {
            return Ok(None);
        };
        let range = lines.range(&span);
        let items = candidates
            .into_iter()
            .enumerate()
            .map(|(i, c)| item(c, i, range))
            .collect();
        Ok(Some(lsp::CompletionResponse::List(lsp::CompletionList {
            is_incomplete: false,
            items,
        })))
    }
}

/// One candidate as a completion item replacing `range`; `index` keeps
/// the schema's order within required keys, other keys and values.
fn item(c: Candidate, index: usize, range: lsp::Range) -> lsp::CompletionItem {
    let group = match (c.kind, c.required) {
        (Kind::Value, _) => 0,
        (Kind::Key, true) => 1,
        (Kind::Key, false) => 2,
    };
    lsp::CompletionItem {
        kind: Some(match c.kind {
            Kind::Key => lsp::CompletionItemKind::PROPERTY,
            Kind::Value => lsp::CompletionItemKind::VALUE,
        }),
        detail: match (c.required, c.detail) {
            (true, Some(d)) => Some(format!("{d} (required)")),
            (true, None) => Some("required".to_string()),
            (false, d) => d,
        },
        documentation: c.documentation.map(|value| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value,
            })
        }),
        sort_text: Some(format!("{group}{index:05}")),
        filter_text: Some(c.label.clone()),
        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
            range,
            new_text: c.insert,
        })),
        label: c.label,
        ..Default::default()
    }
}
