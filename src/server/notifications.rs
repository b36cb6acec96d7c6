//! The client's notifications: documents opened, changed and closed, files
//! changed on disk, and new settings.

use lsp_server::Notification;
use lsp_types as lsp;

use super::documents::{Document, file_path};
use super::linter;
use super::parse;
use super::session::Session;
use super::settings::Settings;

impl Session {
    pub fn notification(&mut self, n: Notification) {
        let result = match n.method.as_str() {
            "textDocument/didOpen" => parse(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => parse(n.params).map(|p| self.did_change(p)),
            "textDocument/didClose" => parse(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => parse(n.params).map(|p| self.files_changed(p)),
            "workspace/didChangeConfiguration" => {
                parse(n.params).map(|p| self.configuration_changed(p))
            }
            _ => Ok(()),
        };
        if let Err((_, message)) = result {
            self.client
                .log(lsp::MessageType::ERROR, format!("{}: {message}", n.method));
        }
    }

    fn did_open(&mut self, params: lsp::DidOpenTextDocumentParams) {
        let uri = params.text_document.uri.clone();
        self.documents
            .insert(uri.clone(), Document::open(params.text_document));
        // A client that pulls asks for it.
        if self.pull.is_none() {
            self.dirty.insert(uri);
        }
    }

    fn did_change(&mut self, params: lsp::DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            self.client.log(
                lsp::MessageType::WARNING,
                format!(
                    "didChange for a document that is not open: {}",
                    uri.as_str()
                ),
            );
            return;
        };
        doc.change(
            params.content_changes,
            params.text_document.version,
            self.encoding,
        );
        if self.pull.is_none() {
            self.dirty.insert(uri);
        }
    }

    fn did_close(&mut self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        // A document closed without saving: the index goes back to the file.
        if let Some(doc) = self.documents.remove(&uri)
            && doc.on_disk
            && self.repo.is_some()
        {
            let resolver = self.resolver_for(&doc.path, true);
            self.generation += 1;
            if self
                .repo
                .as_mut()
                .is_some_and(|ws| ws.reread(&doc.path, &resolver))
            {
                self.mark_all_dirty(None);
            }
        }
        self.dirty.remove(&uri);
        // A client that pulls keeps what it pulled last, until the
        // workspace's report of the file replaces it.
        if self.pull.is_none() {
            self.client.notify(
                "textDocument/publishDiagnostics",
                lsp::PublishDiagnosticsParams::new(uri, Vec::new(), None),
            );
        }
    }

    /// Files changed on disk: a config file or a site's `_config.yml`
    /// reloads everything; a post that is not open is read again into the
    /// repository index, and the open documents are checked again if that
    /// changed what they are judged against.
    fn files_changed(&mut self, params: lsp::DidChangeWatchedFilesParams) {
        let mut posts = Vec::new();
        // A file created or deleted changes what links into the site find.
        let mut walk = false;
        for change in params.changes {
            let Some(path) = file_path(&change.uri) else {
                continue;
            };
            walk |= change.typ != lsp::FileChangeType::CHANGED;
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if linter::is_config_file(name) || self.reads_schema_file(&change.uri, &path) {
                self.reload();
                return;
            }
            if !self.documents.contains_key(&change.uri) {
                posts.push(path);
            }
        }
        let mut changed = false;
        // What the workspace reports of these files holds changes.
        self.generation += 1;
        for path in &posts {
            let resolver = self.resolver_for(path, true);
            if (resolver.filter().is_post(path) || crate::runner::read::is_page(&resolver, path))
                && let Some(ws) = &mut self.repo
            {
                changed |= ws.reread(path, &resolver);
            }
        }
        if walk && let Some(path) = posts.first() {
            let resolver = self.resolver_for(path, true);
            if let Some(ws) = &mut self.repo {
                changed |= ws.refresh_sites(&resolver);
            }
        }
        if changed {
            self.mark_all_dirty(None);
        }
    }

    fn configuration_changed(&mut self, params: lsp::DidChangeConfigurationParams) {
        match Settings::from_value(&params.settings) {
            Ok(s) if !params.settings.is_null() => self.settings = s,
            Ok(_) => {}
            Err(e) => self.client.show(lsp::MessageType::ERROR, e),
        }
        self.reload();
    }
}
