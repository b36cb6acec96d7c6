//! `postlint server`: a language server over standard input and output.
//!
//! Synchronous (lsp-server), one thread: every message is handled in order.
//! Diagnostics are published at once on open, and [`DEBOUNCE`] after the
//! first of a run of changes, so a burst of edits is checked once. Each message is handled under
//! `catch_unwind`, so a bug answers one request with an error instead of
//! ending the server. The whole-repository rules judge an open document
//! against the workspace index (`workspace.rs`).

mod io;
mod position;
mod workspace;

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde::Deserialize;
use serde_json::{Value, json};

pub use position::{Encoding, Lines};

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::discover::PathFilter;
use crate::rules;

/// How long the server waits after a change before it publishes.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// Documents larger than this are not checked (the CLI's limit too).
pub const MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// The code action kind of "fix everything safe".
pub const FIX_ALL_KIND: &str = "source.fixAll.postlint";

/// Settings from `initializationOptions` and `workspace/didChangeConfiguration`,
/// either at the top level or under a `postlint` key.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// Check only these rules or families (like `--select`).
    pub select: Vec<String>,
    /// Also check these (like `--extend-select`).
    pub extend_select: Vec<String>,
    /// Do not check these (like `--ignore`).
    pub ignore: Vec<String>,
    /// Use this config file for every document instead of searching.
    pub config_path: Option<PathBuf>,
    /// `codeDescription.href` of each diagnostic; `{rule}` is replaced by
    /// the rule id. Default: `postlint-rule:{rule}`.
    pub docs_url: Option<String>,
}

impl Settings {
    fn from_value(value: &Value) -> Result<Settings, String> {
        let inner = value.get("postlint").unwrap_or(value);
        if inner.is_null() {
            return Ok(Settings::default());
        }
        Settings::deserialize(inner).map_err(|e| format!("invalid postlint settings: {e}"))
    }
}

struct Document {
    text: String,
    version: i32,
    /// The file the document is, for config discovery and the rules that
    /// read the file name.
    path: PathBuf,
    /// Whether `path` is a real file (a `file:` URI).
    on_disk: bool,
}

struct Server {
    connection: Connection,
    encoding: Encoding,
    settings: Settings,
    /// The folder a relative `configPath` is relative to.
    root: Option<PathBuf>,
    documents: HashMap<lsp::Uri, Document>,
    /// Every post under the workspace root, for the whole-repository rules.
    workspace: Option<workspace::Workspace>,
    /// Loaded config files; cleared when a config file changes.
    configs: HashMap<PathBuf, Config>,
    /// Config errors already shown, so each is shown once.
    shown_errors: HashSet<String>,
    dirty: HashSet<lsp::Uri>,
    deadline: Option<Instant>,
    shutting_down: bool,
    next_request: i32,
}

/// Run the server on standard input and output; the return value is the
/// process exit code (0 after `shutdown` then `exit`, 1 otherwise).
pub fn run() -> u8 {
    let (connection, writer) = io::stdio();
    let code = match serve(connection) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("postlint server: {e}");
            1
        }
    };
    // `serve` has dropped the connection: the writer ends once it has
    // written everything.
    let _ = writer.join();
    code
}

fn serve(connection: Connection) -> Result<u8, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let init: lsp::InitializeParams = match serde_json::from_value(params.clone()) {
        Ok(p) => p,
        Err(e) => {
            // Be lenient: read what we can from a malformed initialize.
            eprintln!("postlint server: malformed initialize params: {e}");
            lsp::InitializeParams::default()
        }
    };
    let utf8 = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp::PositionEncodingKind::UTF8));
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let capabilities = lsp::ServerCapabilities {
        position_encoding: Some(if utf8 {
            lsp::PositionEncodingKind::UTF8
        } else {
            lsp::PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::new(FIX_ALL_KIND),
                ]),
                resolve_provider: Some(false),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        ..Default::default()
    };
    let result = json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "postlint", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;

    #[allow(deprecated)]
    let root = init
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or(init.root_uri.clone())
        .and_then(|u| file_path(&u));
    let mut server = Server {
        connection,
        encoding,
        settings: Settings::default(),
        workspace: root.clone().map(workspace::Workspace::new),
        root,
        documents: HashMap::new(),
        configs: HashMap::new(),
        shown_errors: HashSet::new(),
        dirty: HashSet::new(),
        deadline: None,
        shutting_down: false,
        next_request: 0,
    };
    if let Some(options) = params.get("initializationOptions") {
        match Settings::from_value(options) {
            Ok(s) => server.settings = s,
            Err(e) => server.show(lsp::MessageType::ERROR, e),
        }
    }
    let dynamic_watch = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if dynamic_watch {
        server.register_watcher();
    }
    server.main_loop()
}

impl Server {
    fn main_loop(mut self) -> Result<u8, String> {
        loop {
            let message = match self.deadline {
                Some(deadline) => {
                    let wait = deadline.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Ok(1),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(1),
                },
            };
            let Some(message) = message else {
                self.publish_dirty();
                continue;
            };
            match message {
                Message::Request(req) => {
                    let id = req.id.clone();
                    let method = req.method.clone();
                    let response = catch_unwind(AssertUnwindSafe(|| self.request(req)))
                        .unwrap_or_else(|_| {
                            Err((
                                ErrorCode::InternalError,
                                format!("postlint failed while handling {method}"),
                            ))
                        });
                    let response = match response {
                        Ok(value) => Response::new_ok(id, value),
                        Err((code, message)) => Response::new_err(id, code as i32, message),
                    };
                    self.send(response.into());
                }
                Message::Notification(n) => {
                    if n.method == "exit" {
                        return Ok(if self.shutting_down { 0 } else { 1 });
                    }
                    let method = n.method.clone();
                    if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                        self.log(
                            lsp::MessageType::ERROR,
                            format!("postlint failed while handling {method}"),
                        );
                    }
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    fn log(&self, typ: lsp::MessageType, message: String) {
        self.notify("window/logMessage", lsp::LogMessageParams { typ, message });
    }

    /// Show a message to the user, and log it.
    fn show(&self, typ: lsp::MessageType, message: String) {
        self.log(typ, message.clone());
        self.notify(
            "window/showMessage",
            lsp::ShowMessageParams { typ, message },
        );
    }

    fn register_watcher(&mut self) {
        self.next_request += 1;
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "postlint-config-watcher".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(json!({
                    "watchers": [
                        { "globPattern": format!("**/{}", crate::config::CONFIG_FILE) },
                        { "globPattern": "**/_config.yml" },
                        { "globPattern": "**/_posts/**" },
                        { "globPattern": "**/_drafts/**" },
                    ]
                })),
            }],
        };
        let id = RequestId::from(format!("postlint-{}", self.next_request));
        self.send(Request::new(id, "client/registerCapability".into(), params).into());
    }

    fn request(&mut self, req: Request) -> Result<Value, (ErrorCode, String)> {
        if self.shutting_down {
            return Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            ));
        }
        match req.method.as_str() {
            "shutdown" => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            "textDocument/codeAction" => {
                let params: lsp::CodeActionParams = parse(req.params)?;
                let actions = self.code_actions(&params)?;
                Ok(serde_json::to_value(actions).unwrap_or(Value::Null))
            }
            "textDocument/hover" => {
                let params: lsp::HoverParams = parse(req.params)?;
                let hover = self.hover(&params)?;
                Ok(serde_json::to_value(hover).unwrap_or(Value::Null))
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("postlint does not handle {other}"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        let result = match n.method.as_str() {
            "textDocument/didOpen" => parse(n.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => parse(n.params).map(|p| self.did_change(p)),
            "textDocument/didClose" => parse(n.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => {
                parse::<lsp::DidChangeWatchedFilesParams>(n.params).map(|p| self.files_changed(p))
            }
            "workspace/didChangeConfiguration" => {
                parse::<lsp::DidChangeConfigurationParams>(n.params).map(|p| {
                    match Settings::from_value(&p.settings) {
                        Ok(s) if !p.settings.is_null() => self.settings = s,
                        Ok(_) => {}
                        Err(e) => self.show(lsp::MessageType::ERROR, e),
                    }
                    self.reload();
                })
            }
            _ => Ok(()),
        };
        if let Err((_, message)) = result {
            self.log(lsp::MessageType::ERROR, format!("{}: {message}", n.method));
        }
    }

    fn did_open(&mut self, params: lsp::DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let (path, on_disk) = match file_path(&doc.uri) {
            Some(p) => (p, true),
            None => (PathBuf::from(uri_path(&doc.uri)), false),
        };
        self.documents.insert(
            doc.uri.clone(),
            Document {
                text: doc.text,
                version: doc.version,
                path,
                on_disk,
            },
        );
        // Nothing to wait for on open: publish at once.
        self.dirty.remove(&doc.uri);
        if catch_unwind(AssertUnwindSafe(|| self.publish(&doc.uri))).is_err() {
            self.log(
                lsp::MessageType::ERROR,
                format!("postlint failed while checking {}", doc.uri.as_str()),
            );
        }
    }

    fn did_change(&mut self, params: lsp::DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding;
        let Some(doc) = self.documents.get_mut(&uri) else {
            self.log(
                lsp::MessageType::WARNING,
                format!(
                    "didChange for a document that is not open: {}",
                    uri.as_str()
                ),
            );
            return;
        };
        for change in params.content_changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let span = Lines::new(&doc.text, encoding).span(range);
                    doc.text.replace_range(span, &change.text);
                }
            }
        }
        doc.version = params.text_document.version;
        self.mark_dirty(uri);
    }

    fn did_close(&mut self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        // A document closed without saving: the index goes back to the file.
        if let Some(doc) = self.documents.remove(&uri)
            && doc.on_disk
            && self.workspace.is_some()
        {
            let config = self.config_for(&doc.path, true);
            if self
                .workspace
                .as_mut()
                .is_some_and(|ws| ws.reread(&doc.path, &config))
            {
                let others: Vec<lsp::Uri> = self.documents.keys().cloned().collect();
                for other in others {
                    self.mark_dirty(other);
                }
            }
        }
        self.dirty.remove(&uri);
        self.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams::new(uri, Vec::new(), None),
        );
    }

    fn mark_dirty(&mut self, uri: lsp::Uri) {
        self.dirty.insert(uri);
        if self.deadline.is_none() {
            self.deadline = Some(Instant::now() + DEBOUNCE);
        }
    }

    /// Files changed on disk: a config file or a site's `_config.yml`
    /// reloads everything; a post that is not open is read again into the
    /// workspace index, and the open documents are checked again if that
    /// changed what they are judged against.
    fn files_changed(&mut self, params: lsp::DidChangeWatchedFilesParams) {
        let mut posts = Vec::new();
        for change in params.changes {
            let Some(path) = file_path(&change.uri) else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name == crate::config::CONFIG_FILE || name == "_config.yml" {
                crate::site::forget();
                self.reload();
                return;
            }
            if !self.documents.contains_key(&change.uri) {
                posts.push(path);
            }
        }
        let mut changed = false;
        for path in posts {
            let config = self.config_for(&path, true);
            let is_post = PathFilter::new(&config).is_ok_and(|f| f.is_post(&path));
            if is_post && let Some(ws) = &mut self.workspace {
                changed |= ws.reread(&path, &config);
            }
        }
        if changed {
            let uris: Vec<lsp::Uri> = self.documents.keys().cloned().collect();
            for uri in uris {
                self.mark_dirty(uri);
            }
        }
    }

    /// A config file or the settings changed: forget loaded configs and
    /// check every open document again.
    fn reload(&mut self) {
        self.configs.clear();
        if let Some(ws) = &mut self.workspace {
            ws.clear();
        }
        self.shown_errors.clear();
        let uris: Vec<lsp::Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.mark_dirty(uri);
        }
    }

    fn publish_dirty(&mut self) {
        self.deadline = None;
        let dirty: Vec<lsp::Uri> = self.dirty.drain().collect();
        for uri in dirty {
            let result = catch_unwind(AssertUnwindSafe(|| self.publish(&uri)));
            if result.is_err() {
                self.log(
                    lsp::MessageType::ERROR,
                    format!("postlint failed while checking {}", uri.as_str()),
                );
            }
        }
    }

    fn publish(&mut self, uri: &lsp::Uri) {
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let (path, version) = (doc.path.clone(), doc.version);
        let config = self.config_for(&path, self.documents[uri].on_disk);
        let doc = &self.documents[uri];
        let diagnostics = if doc.text.len() > MAX_DOCUMENT {
            self.log(
                lsp::MessageType::WARNING,
                format!(
                    "{} is larger than {} MiB; postlint does not check it",
                    uri.as_str(),
                    MAX_DOCUMENT >> 20
                ),
            );
            Vec::new()
        } else {
            let (mut found, summary) = crate::check_and_summarize(&path, &doc.text, &config);
            let on_disk = doc.on_disk;
            if let (Some(summary), Some(ws), true) = (summary, self.workspace.as_mut(), on_disk)
                && ws.shown(&path).is_some()
            {
                // Other open posts may be judged against this one.
                if ws.update(&path, summary, &config) {
                    let others: Vec<lsp::Uri> = self
                        .documents
                        .keys()
                        .filter(|u| *u != uri)
                        .cloned()
                        .collect();
                    for other in others {
                        self.mark_dirty(other);
                    }
                }
                if let Some(ws) = &self.workspace {
                    found.extend(ws.findings(&path, &config));
                }
            }
            let doc = &self.documents[uri];
            let lines = Lines::new(&doc.text, self.encoding);
            let elsewhere = self.elsewhere(&found);
            found
                .iter()
                .map(|d| self.to_lsp(uri, &lines, d, &elsewhere))
                .collect()
        };
        self.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(version)),
        );
    }

    /// The configuration for a document: its `postlint.toml` (or the
    /// `configPath` setting), the selection settings, and `per-file-ignores`.
    fn config_for(&mut self, path: &Path, on_disk: bool) -> Config {
        let file = match &self.settings.config_path {
            Some(p) if p.is_relative() => {
                Some(self.root.as_deref().unwrap_or(Path::new(".")).join(p))
            }
            Some(p) => Some(p.clone()),
            None if on_disk => path.parent().and_then(Config::discover),
            None => None,
        };
        let mut config = match file {
            None => Config::default(),
            Some(file) => match self.configs.get(&file) {
                Some(c) => c.clone(),
                None => {
                    let config = match Config::load(&file) {
                        Ok(c) => c,
                        Err(e) => {
                            let message = format!(
                                "{}: {}; using the default configuration",
                                file.display(),
                                e.message()
                            );
                            if self.shown_errors.insert(message.clone()) {
                                self.show(lsp::MessageType::ERROR, message);
                            }
                            Config::default()
                        }
                    };
                    self.configs.insert(file, config.clone());
                    config
                }
            },
        };
        let settings = &self.settings;
        let known = |n: &String| rules::find(n).is_some() || rules::FAMILIES.contains(&n.as_str());
        let unknown: Vec<&String> = settings
            .select
            .iter()
            .chain(&settings.extend_select)
            .chain(&settings.ignore)
            .filter(|n| !known(n))
            .collect();
        if !unknown.is_empty() {
            let message = format!(
                "unknown rule or family in the settings: {}",
                unknown
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if self.shown_errors.insert(message.clone()) {
                self.show(lsp::MessageType::WARNING, message);
            }
        }
        let keep = |names: &[String]| {
            names
                .iter()
                .filter(|n| known(n))
                .cloned()
                .collect::<Vec<_>>()
        };
        if !settings.select.is_empty() {
            config.select_only(&keep(&settings.select));
        }
        config.enable(&keep(&settings.extend_select));
        for name in keep(&settings.ignore) {
            config.set(&name, None);
        }
        if on_disk && let Ok(filter) = PathFilter::new(&config) {
            config = crate::runner::config_for(&config, &filter, path).into_owned();
        }
        config
    }

    /// The other files that `found`'s related labels point into: their
    /// URI and text (the open document's, else the file's).
    fn elsewhere(&self, found: &[Diagnostic]) -> HashMap<String, (lsp::Uri, String)> {
        let mut out = HashMap::new();
        let Some(ws) = &self.workspace else {
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
                None => crate::runner::read_post(&path).unwrap_or_default(),
            };
            out.insert(shown.clone(), (uri, text));
        }
        out
    }

    fn to_lsp(
        &self,
        uri: &lsp::Uri,
        lines: &Lines,
        d: &Diagnostic,
        elsewhere: &HashMap<String, (lsp::Uri, String)>,
    ) -> lsp::Diagnostic {
        let href = self
            .settings
            .docs_url
            .as_deref()
            .unwrap_or("postlint-rule:{rule}")
            .replace("{rule}", d.rule);
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
                                let range = Lines::new(text, self.encoding).range(&span);
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

    fn document(&self, uri: &lsp::Uri) -> Result<&Document, (ErrorCode, String)> {
        self.documents.get(uri).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("document not open: {}", uri.as_str()),
            )
        })
    }

    fn code_actions(
        &mut self,
        params: &lsp::CodeActionParams,
    ) -> Result<Vec<lsp::CodeAction>, (ErrorCode, String)> {
        let uri = &params.text_document.uri;
        let doc = self.document(uri)?;
        if doc.text.len() > MAX_DOCUMENT {
            return Ok(Vec::new());
        }
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        let config = self.config_for(&path, on_disk);
        let doc = &self.documents[uri];
        let text = doc.text.as_str();
        let lines = Lines::new(text, self.encoding);
        let wanted = lines.span(params.range);
        let only = params.context.only.as_deref();
        let kind_wanted = |kind: &str| {
            only.is_none_or(|only| {
                only.iter().any(|o| {
                    let o = o.as_str();
                    kind == o || kind.starts_with(&format!("{o}."))
                })
            })
        };
        let found = crate::check(&path, text, &config);
        let mut actions = Vec::new();
        let edit = |edits: &[crate::Edit]| {
            let changes = edits
                .iter()
                .map(|e| lsp::TextEdit::new(lines.range(&e.range), e.content.clone()))
                .collect();
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), changes)])),
                ..Default::default()
            }
        };
        if kind_wanted(lsp::CodeActionKind::QUICKFIX.as_str()) {
            let post = crate::model::Post::parse(text, config.settings.parse_options(&config.site));
            let body_start = post.body_start;
            // Where `postlint: { disable: [...] }` can go: before the closing
            // `---` of a front matter that has no `postlint` key yet.
            let front_matter_end = match &post.front_matter {
                crate::model::FrontMatter::Parsed { block, .. }
                    if post.front_matter.get("postlint").is_none() =>
                {
                    Some(block.close.start)
                }
                _ => None,
            };
            for d in &found {
                let touches = d.span.start <= wanted.end && wanted.start <= d.span.end;
                if !touches {
                    continue;
                }
                let diagnostic = self.to_lsp(uri, &lines, d, &HashMap::new());
                let quickfix =
                    |title: String, edits: &[crate::Edit], preferred: bool| lsp::CodeAction {
                        title,
                        kind: Some(lsp::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic.clone()]),
                        edit: Some(edit(edits)),
                        is_preferred: preferred.then_some(true),
                        ..Default::default()
                    };
                if let Some(fix) = &d.fix {
                    let title = match fix.applicability {
                        Applicability::Safe => format!("Fix: {}", fix.title),
                        Applicability::Unsafe => format!("Fix: {} (unsafe)", fix.title),
                    };
                    let safe = fix.applicability == Applicability::Safe;
                    actions.push(quickfix(title, &fix.edits, safe));
                }
                // A comment cannot go inside the front matter: a finding
                // there is disabled for the whole file.
                if d.span.start >= body_start && body_start > 0 {
                    let edits = [disable_line_edit(text, d)];
                    if suppresses(&path, text, &config, d, &edits) {
                        actions.push(quickfix(
                            format!("Disable {} for this line", d.rule),
                            &edits,
                            false,
                        ));
                    }
                }
                let in_front_matter = d.span.start < body_start;
                let edits = match front_matter_end {
                    Some(at) if in_front_matter => [disable_in_front_matter(text, at, d)],
                    _ => [disable_file_edit(text, d)],
                };
                if suppresses(&path, text, &config, d, &edits) {
                    actions.push(quickfix(
                        format!("Disable {} for this file", d.rule),
                        &edits,
                        false,
                    ));
                }
            }
        }
        if kind_wanted(FIX_ALL_KIND) && found.iter().any(|d| d.fix.is_some()) {
            let fixed = crate::fix::fix(&path, text, &config, false);
            if fixed.text != text {
                let (start, end, content) = minimal_change(text, &fixed.text);
                let e = crate::Edit {
                    range: start..end,
                    content: content.to_string(),
                };
                actions.push(lsp::CodeAction {
                    title: format!("Fix all safely fixable postlint problems ({})", fixed.fixes),
                    kind: Some(lsp::CodeActionKind::new(FIX_ALL_KIND)),
                    edit: Some(edit(&[e])),
                    ..Default::default()
                });
            }
        }
        Ok(actions)
    }

    fn hover(
        &mut self,
        params: &lsp::HoverParams,
    ) -> Result<Option<lsp::Hover>, (ErrorCode, String)> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        let doc = self.document(uri)?;
        if doc.text.len() > MAX_DOCUMENT {
            return Ok(None);
        }
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        let config = self.config_for(&path, on_disk);
        let text = self.documents[uri].text.as_str();
        let lines = Lines::new(text, self.encoding);
        let offset = lines.offset(at.position);
        let found = crate::check(&path, text, &config);
        let here: Vec<&Diagnostic> = found
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
    if let Some((_, rule)) = rules::find(d.rule) {
        let meta = rule.meta();
        out.push_str(&format!(
            "family `{}`, fix: {}\n\n",
            meta.family,
            rules::fix_label(meta.fix)
        ));
        out.push_str(meta.body.trim());
    }
    out
}

/// Insert `<!-- postlint-disable-next-line RULE -->` on its own line before
/// the finding's line, indented like it, with the line's own line ending.
fn disable_line_edit(text: &str, d: &Diagnostic) -> crate::Edit {
    let start = text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if line.ends_with('\r') { "\r\n" } else { "\n" };
    crate::Edit {
        range: start..start,
        content: format!(
            "{indent}<!-- postlint-disable-next-line {} -->{newline}",
            d.rule
        ),
    }
}

/// Append `<!-- postlint-disable-file RULE -->` at the end of the file.
fn disable_file_edit(text: &str, d: &Diagnostic) -> crate::Edit {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let before = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        newline
    };
    crate::Edit {
        range: text.len()..text.len(),
        content: format!("{before}<!-- postlint-disable-file {} -->{newline}", d.rule),
    }
}

/// Add `postlint:\n  disable: [RULE]` to the front matter, before its
/// closing line at `at`.
fn disable_in_front_matter(text: &str, at: usize, d: &Diagnostic) -> crate::Edit {
    let newline = if text[..at].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    crate::Edit {
        range: at..at,
        content: format!("postlint:{newline}  disable: [{}]{newline}", d.rule),
    }
}

/// Does applying `edits` make the finding `d` go away? A suppression is
/// offered only where it works (not inside a block that is not read, say).
fn suppresses(
    path: &Path,
    text: &str,
    config: &Config,
    d: &Diagnostic,
    edits: &[crate::Edit],
) -> bool {
    let (new, skipped) = crate::fix::apply(text, edits);
    if !skipped.is_empty() {
        return false;
    }
    let count = |t: &str| {
        crate::check(path, t, config)
            .iter()
            .filter(|x| x.rule == d.rule)
            .count()
    };
    count(&new) < count(text)
}

/// The one replacement that turns `old` into `new`: the common prefix and
/// suffix are left alone (on character boundaries).
fn minimal_change<'n>(old: &str, new: &'n str) -> (usize, usize, &'n str) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix, old.len() - suffix, &new[prefix..new.len() - suffix])
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}

/// The file a `file:` URI names.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The decoded path of any URI, for documents that are not files.
fn uri_path(uri: &lsp::Uri) -> String {
    url::Url::parse(uri.as_str())
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_string))
        })
        .map(|s| crate::model::tag::percent_decode_strict(&s).unwrap_or(s))
        .unwrap_or_else(|| "untitled.md".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_change_keeps_prefix_and_suffix() {
        assert_eq!(minimal_change("abcdef", "abXdef"), (2, 3, "X"));
        assert_eq!(minimal_change("ab", "abc"), (2, 2, "c"));
        assert_eq!(minimal_change("aaa", "aa"), (2, 3, ""));
        // 王 is E7 8E 8B and 玉 is E7 8E 89: the change starts at the char.
        assert_eq!(minimal_change("x王y", "x玉y"), (1, 4, "玉"));
    }

    #[test]
    fn settings_read_top_level_or_under_postlint() {
        let s = Settings::from_value(&json!({"postlint": {"ignore": ["tag-link"]}})).unwrap();
        assert_eq!(s.ignore, ["tag-link"]);
        let s = Settings::from_value(&json!({"configPath": "x.toml"})).unwrap();
        assert_eq!(s.config_path, Some(PathBuf::from("x.toml")));
        assert!(Settings::from_value(&json!({"select": 3})).is_err());
    }
}
