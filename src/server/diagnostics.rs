//! Publishing diagnostics: a document's own findings and its
//! whole-repository ones, converted to LSP.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::str::FromStr;

use lsp_types as lsp;

use super::MAX_DOCUMENT;
use super::linter;
use super::position::{Encoding, Lines};
use super::session::Session;
use super::settings::Settings;
use crate::config::CONFIG_FILE;
use crate::diagnostic::{Diagnostic, Severity};

/// The other files that related labels point into, by the path findings
/// show: their URI and text.
pub type Elsewhere = HashMap<String, (lsp::Uri, String)>;

impl Session {
    /// Publish the documents whose changes have settled, and those that
    /// publishing them changed (a few rounds at most: publishing a document
    /// again changes nothing further).
    pub fn publish_dirty(&mut self) {
        for _ in 0..4 {
            if self.dirty.is_empty() {
                return;
            }
            let dirty: Vec<lsp::Uri> = self.dirty.drain().collect();
            for uri in dirty {
                self.publish_guarded(&uri);
            }
        }
    }

    /// [`Session::publish`], logging a failure instead of ending the server.
    pub fn publish_guarded(&mut self, uri: &lsp::Uri) {
        if catch_unwind(AssertUnwindSafe(|| self.publish(uri))).is_err() {
            self.client.log(
                lsp::MessageType::ERROR,
                format!("postlint failed while checking {}", uri.as_str()),
            );
        }
    }

    fn publish(&mut self, uri: &lsp::Uri) {
        let Some(version) = self.documents.get(uri).map(|d| d.version) else {
            return;
        };
        let diagnostics = self.open_diagnostics(uri);
        self.client.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(version)),
        );
    }

    /// What an open document shows: its own findings and its
    /// whole-repository ones; nothing for a document too large to check.
    pub fn open_diagnostics(&mut self, uri: &lsp::Uri) -> Vec<lsp::Diagnostic> {
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        // Resolved first, so that a config error shows even for a document
        // too large to check.
        self.config_for(&path, on_disk);
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        if doc.text.len() > MAX_DOCUMENT {
            self.client.log(
                lsp::MessageType::WARNING,
                format!(
                    "{} is larger than {} MiB; postlint does not check it",
                    uri.as_str(),
                    MAX_DOCUMENT >> 20
                ),
            );
            return Vec::new();
        }
        self.current_diagnostics(uri)
    }

    /// Check a document (or take what its version found), update the
    /// repository index with it, and add its whole-repository findings.
    /// In a large workspace whose index is not built yet, only the
    /// document's own findings: the index is built when the server is idle.
    fn current_diagnostics(&mut self, uri: &lsp::Uri) -> Vec<lsp::Diagnostic> {
        let Some((checked, config)) = self.checked(uri) else {
            return Vec::new();
        };
        let doc = &self.documents[uri];
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        let mut found = checked.found.clone();
        let indexed = on_disk && (self.repo.as_ref()).is_some_and(|ws| ws.shown(&path).is_some());
        if let (Some(summary), true) = (checked.summary.clone(), indexed) {
            let resolver = self.resolver_for(&path, on_disk);
            if let Some(ws) = self.repo.as_mut() {
                if !ws.is_built() && (self.index_due || ws.is_large(&resolver)) {
                    self.index_due = true;
                } else {
                    // Other open posts may be judged against this one.
                    let changed = ws.update(&path, summary, config, &resolver);
                    let documents = self.documents.values();
                    let open = |p: &Path| super::documents::open_text(documents.clone(), p);
                    found.extend(ws.findings(&path, &open));
                    if changed {
                        self.mark_all_dirty(Some(uri));
                    }
                }
            }
        }
        let doc = &self.documents[uri];
        self.convert(uri, &doc.text, &found)
    }

    /// Findings in a file with text `text`, in LSP form.
    pub fn convert(
        &self,
        uri: &lsp::Uri,
        text: &str,
        found: &[Diagnostic],
    ) -> Vec<lsp::Diagnostic> {
        let lines = Lines::new(text, self.encoding);
        let elsewhere = self.elsewhere(found);
        found
            .iter()
            .map(|d| to_lsp(&self.settings, self.encoding, uri, &lines, d, &elsewhere))
            .collect()
    }

    /// Build the repository index that was put off, and judge the open
    /// documents against it.
    pub fn build_index(&mut self) {
        self.index_due = false;
        let Some(root) = self.repo.as_ref().map(|ws| ws.root.clone()) else {
            return;
        };
        // The config of an open post under the root, else the root's own.
        let path = (self.documents.values())
            .find(|d| d.on_disk && d.path.starts_with(&root))
            .map_or_else(|| root.join(CONFIG_FILE), |d| d.path.clone());
        let resolver = self.resolver_for(&path, true);
        if let Some(ws) = self.repo.as_mut() {
            ws.ensure(&resolver);
        }
        self.mark_all_dirty(None);
    }

    /// The other files that `found`'s related labels point into: their
    /// URI and text (the open document's, else the file's).
    fn elsewhere(&self, found: &[Diagnostic]) -> Elsewhere {
        let mut out = HashMap::new();
        let Some(ws) = &self.repo else {
            return out;
        };
        for shown in found
            .iter()
            .flat_map(|d| &d.related)
            .filter_map(|l| l.path.as_ref())
        {
            if out.contains_key(shown) {
                continue;
            }
            let path = ws.root.join(shown);
            let Some(uri) = url::Url::from_file_path(&path)
                .ok()
                .and_then(|u| lsp::Uri::from_str(u.as_str()).ok())
            else {
                continue;
            };
            let text = match self.documents.get(&uri) {
                Some(doc) => doc.text.clone(),
                None => linter::read_post(&path).unwrap_or_default(),
            };
            out.insert(shown.clone(), (uri, text));
        }
        out
    }
}

/// One finding in LSP form. Related labels in other files are found in
/// `elsewhere`, and left out when they are not there.
pub fn to_lsp(
    settings: &Settings,
    encoding: Encoding,
    uri: &lsp::Uri,
    lines: &Lines,
    d: &Diagnostic,
    elsewhere: &Elsewhere,
) -> lsp::Diagnostic {
    let href = settings.docs_url(d.rule);
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp::Diagnostic {
        range: lines.range(&d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        code_description: lsp::Uri::from_str(&href)
            .ok()
            .map(|href| lsp::CodeDescription { href }),
        source: Some("postlint".into()),
        message,
        related_information: (!d.related.is_empty()).then(|| {
            d.related
                .iter()
                .filter_map(|l| {
                    let location = match &l.path {
                        None => lsp::Location::new(uri.clone(), lines.range(&l.span)),
                        Some(p) => {
                            let (other, text) = elsewhere.get(p)?;
                            let span = l.span.start.min(text.len())..l.span.end.min(text.len());
                            let range = Lines::new(text, encoding).range(&span);
                            lsp::Location::new(other.clone(), range)
                        }
                    };
                    Some(lsp::DiagnosticRelatedInformation {
                        location,
                        message: l.message.clone(),
                    })
                })
                .collect()
        }),
        tags: None,
        data: None,
    }
}
