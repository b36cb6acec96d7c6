//! Pull diagnostics (LSP 3.17), for a client that declares
//! `textDocument.diagnostic`: `textDocument/diagnostic` reports one
//! document, `workspace/diagnostic` the files under the workspace root that
//! are not open, and `workspace/diagnostic/refresh` asks the client to pull
//! again when what the documents are judged against changed. Nothing is
//! published to such a client.
//!
//! A report's `resultId` is a hash of the diagnostics it holds, so a pull
//! whose previous id names the same diagnostics is answered `unchanged`.
//! vscode-languageclient pulls the workspace again two seconds after each
//! answer, with the ids of the reports it holds: answering it costs a
//! comparison per file, as the reports are kept until the session's
//! generation changes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::str::FromStr;

use lsp_types as lsp;
use serde_json::{Value, json};

use super::documents::file_path;
use super::linter;
use super::pull_state::{Report, Reports};
use super::session::Session;
use crate::config::CONFIG_FILE;

impl Session {
    /// `textDocument/diagnostic`: an open document's report (its version's,
    /// kept until the generation changes), or a file's under the workspace
    /// root as it is on disk.
    pub fn document_diagnostic(&mut self, params: lsp::DocumentDiagnosticParams) -> Value {
        let uri = params.text_document.uri;
        let report = match self.documents.get(&uri) {
            Some(doc) => match &doc.report {
                Some((generation, report)) if *generation == self.generation => report.clone(),
                _ => {
                    let report = Rc::new(Report::new(self.open_diagnostics(&uri)));
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        doc.report = Some((self.generation, report.clone()));
                    }
                    report
                }
            },
            None => Rc::new(Report::new(self.file_diagnostics(&uri))),
        };
        if let (Some(pull), Some(path)) = (&mut self.pull, file_path(&uri)) {
            match report.items.is_empty() {
                true => pull.shown.remove(&path),
                false => pull.shown.insert(path),
            };
        }
        report.answer(params.previous_result_id.as_deref())
    }

    /// The diagnostics of a file that is not open, read from disk, when it
    /// is under the workspace root.
    fn file_diagnostics(&mut self, uri: &lsp::Uri) -> Vec<lsp::Diagnostic> {
        let Some(path) = file_path(uri) else {
            return Vec::new();
        };
        let under_root = (self.repo.as_ref()).is_some_and(|ws| ws.shown(&path).is_some());
        let text = under_root.then(|| linter::read_post(&path)).flatten();
        let Some(text) = text else {
            return Vec::new();
        };
        let config = self.config_for(&path, true);
        let (mut found, _) = linter::check(&path, &text, &config);
        if let Some(ws) = self.repo.as_mut() {
            let documents = self.documents.values();
            let open = |p: &Path| super::documents::open_text(documents.clone(), p);
            found.extend(ws.findings(&path, &open));
            crate::engine::check::sort(&mut found);
        }
        self.convert(uri, &text, &found)
    }

    /// `workspace/diagnostic`: a report for each file under the root that
    /// is not open and has findings (`unchanged` when the client holds
    /// it), and an empty one for each file that had some and has no more.
    pub fn workspace_diagnostic(&mut self, params: lsp::WorkspaceDiagnosticParams) -> Value {
        // While the workspace is not read yet, nothing: not even the
        // emptying of what the client holds.
        let Some(reports) = self.workspace_reports() else {
            return json!({ "items": [] });
        };
        let open: HashSet<&Path> = self.documents.values().map(|d| d.path.as_path()).collect();
        let previous: HashMap<PathBuf, &str> = (params.previous_result_ids.iter())
            .filter_map(|p| Some((file_path(&p.uri)?, p.value.as_str())))
            .collect();
        let Some(pull) = &mut self.pull else {
            return json!({ "items": [] });
        };
        let mut items = Vec::new();
        let mut now = HashSet::new();
        for (path, report) in reports.iter().filter(|(p, _)| !open.contains(p.as_path())) {
            if let Some(uri) = uri_of(path) {
                let mut item = report.answer(previous.get(path).copied());
                item["uri"] = json!(uri);
                item["version"] = Value::Null;
                items.push(item);
                now.insert(path.clone());
            }
        }
        let cleared: Vec<PathBuf> = (pull.shown.iter())
            .filter(|p| !now.contains(*p) && !open.contains(p.as_path()))
            .cloned()
            .collect();
        let empty = Report::new(Vec::new());
        for path in cleared {
            pull.shown.remove(&path);
            if let Some(uri) = uri_of(&path) {
                let mut item = empty.answer(None);
                item["uri"] = json!(uri);
                item["version"] = Value::Null;
                items.push(item);
            }
        }
        pull.shown.extend(now);
        json!({ "items": items })
    }

    /// The report of every file under the root with findings, made once
    /// per generation (none without a workspace folder). `None` while the
    /// index of a large workspace waits to be built.
    fn workspace_reports(&mut self) -> Option<Reports> {
        if let Some(Some((generation, reports))) = self.pull.as_ref().map(|p| &p.workspace)
            && *generation == self.generation
        {
            return Some(reports.clone());
        }
        let Some(root) = self.repo.as_ref().map(|ws| ws.root.clone()) else {
            return Some(Rc::default());
        };
        let resolver = self.resolver_for(&root.join(CONFIG_FILE), true);
        let ws = self.repo.as_mut()?;
        if !ws.is_built() {
            if self.index_due || ws.is_large(&resolver) {
                self.index_due = true;
                return None;
            }
            ws.ensure(&resolver);
        }
        let documents = self.documents.values();
        let open = |p: &Path| {
            (documents.clone())
                .find(|d| d.path == p)
                .map(|d| d.text.clone())
        };
        let all = ws.all_findings(&open);
        let reports: Vec<(PathBuf, Rc<Report>)> = all
            .into_iter()
            .filter_map(|(path, found)| {
                let uri = uri_of(&path)?;
                let text = open(&path).or_else(|| linter::read_post(&path))?;
                let report = Report::new(self.convert(&uri, &text, &found));
                Some((path, Rc::new(report)))
            })
            .collect();
        let reports = Rc::new(reports);
        if let Some(pull) = &mut self.pull {
            pull.workspace = Some((self.generation, reports.clone()));
        }
        Some(reports)
    }

    /// Ask the client to pull again, if something changed and it can be
    /// asked.
    pub fn send_refresh(&mut self) {
        let Some(pull) = &mut self.pull else {
            return;
        };
        let due = std::mem::take(&mut pull.refresh_due);
        if due && pull.refresh_support {
            self.client
                .request("workspace/diagnostic/refresh", Value::Null);
        }
    }
}

/// The `file:` URI of a path.
pub fn uri_of(path: &Path) -> Option<lsp::Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    lsp::Uri::from_str(url.as_str()).ok()
}
