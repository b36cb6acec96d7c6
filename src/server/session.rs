//! The server's state between messages: settings, open documents, the
//! repository index, the resolved config of each file, and what is due to
//! be published (or, when the client pulls, to be refreshed).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use lsp_server::ErrorCode;
use lsp_types as lsp;

use super::RequestError;
use super::client::Client;
use super::documents::{Checked, Document};
use super::linter;
use super::position::Encoding;
use super::pull_state::Pull;
use super::settings::Settings;
use super::workspace_posts::Repo;
use crate::config::Config;
use crate::engine::Resolver;

pub struct Session {
    pub client: Client,
    pub encoding: Encoding,
    pub settings: Settings,
    /// The folder a relative `configPath` is relative to.
    pub root: Option<PathBuf>,
    pub documents: HashMap<lsp::Uri, Document>,
    /// Every post under the workspace root, for the whole-repository rules.
    pub repo: Option<Repo>,
    /// A resolver per config file in use (`None`: the defaults), with the
    /// selection settings applied to its base.
    resolvers: HashMap<Option<PathBuf>, Rc<Resolver>>,
    /// Documents to publish when no edit is waiting.
    pub dirty: HashSet<lsp::Uri>,
    /// The client pulls diagnostics: nothing is published.
    pub pull: Option<Pull>,
    /// Counts the changes to what documents are judged against (the index,
    /// the config, the settings): a report made at one count holds until
    /// the next.
    pub generation: u64,
    /// The repository index is to be built when the server is idle.
    pub index_due: bool,
    pub shutting_down: bool,
    /// The schema files whose problem (a config that did not load) was
    /// published as a diagnostic on them.
    schema_problems: HashSet<lsp::Uri>,
}

impl Session {
    pub fn new(client: Client, encoding: Encoding, root: Option<PathBuf>) -> Session {
        Session {
            client,
            encoding,
            settings: Settings::default(),
            repo: root.clone().map(Repo::new),
            root,
            documents: HashMap::new(),
            resolvers: HashMap::new(),
            dirty: HashSet::new(),
            pull: None,
            generation: 0,
            index_due: false,
            shutting_down: false,
            schema_problems: HashSet::new(),
        }
    }

    pub fn document(&self, uri: &lsp::Uri) -> Result<&Document, RequestError> {
        self.documents.get(uri).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("document not open: {}", uri.as_str()),
            )
        })
    }

    /// The open document's config and what checking its current version
    /// found, checking it only when that is not known yet.
    pub fn checked(&mut self, uri: &lsp::Uri) -> Option<(Rc<Checked>, Arc<Config>)> {
        let doc = self.documents.get(uri)?;
        let (path, on_disk) = (doc.path.clone(), doc.on_disk);
        let config = self.config_for(&path, on_disk);
        let doc = self.documents.get_mut(uri)?;
        if let Some(checked) = doc.checked(&config) {
            return Some((checked, config));
        }
        let (found, summary) = linter::check(&path, &doc.text, &config);
        let checked = Rc::new(Checked::new(found, summary));
        doc.keep_checked(config.clone(), checked.clone());
        Some((checked, config))
    }

    /// Publish `uri`, which an edit elsewhere may have changed, when no
    /// edit is waiting; or have a client that pulls pull again.
    fn mark_dirty(&mut self, uri: lsp::Uri) {
        match &mut self.pull {
            Some(pull) => pull.refresh_due = true,
            None => {
                self.dirty.insert(uri);
            }
        }
    }

    /// What the documents are judged against changed: publish every open
    /// document again, except `but` (or have the client pull them).
    pub fn mark_all_dirty(&mut self, but: Option<&lsp::Uri>) {
        self.generation += 1;
        if let Some(pull) = &mut self.pull {
            pull.refresh_due = true;
            return;
        }
        let uris: Vec<lsp::Uri> = self
            .documents
            .keys()
            .filter(|u| Some(*u) != but)
            .cloned()
            .collect();
        for uri in uris {
            self.mark_dirty(uri);
        }
    }

    /// A config file or the settings changed: forget loaded and resolved
    /// configs and what was checked with them, and check every open
    /// document again.
    pub fn reload(&mut self) {
        self.resolvers.clear();
        // Cleared now; published again if the config still fails to load.
        for uri in std::mem::take(&mut self.schema_problems) {
            self.client.notify(
                "textDocument/publishDiagnostics",
                lsp::PublishDiagnosticsParams::new(uri, Vec::new(), None),
            );
        }
        for doc in self.documents.values_mut() {
            doc.forget_checked();
        }
        if let Some(ws) = &mut self.repo {
            ws.clear();
        }
        self.client.forget_shown();
        self.mark_all_dirty(None);
    }

    /// Whether a changed file is one the schemas in use were read from:
    /// a schema file, or any file of a `_data` folder (which `jekyllData`
    /// reads).
    pub fn reads_schema_file(&self, uri: &lsp::Uri, path: &Path) -> bool {
        let schemas: Vec<_> = (self.resolvers.values())
            .filter_map(|r| r.base().settings.schema.loaded.clone())
            .collect();
        let in_data = path.components().any(|c| c.as_os_str() == "_data");
        // A config that failed on a schema: any change to that file or to
        // `_data` may mend it.
        if !self.schema_problems.is_empty() && (in_data || self.schema_problems.contains(uri)) {
            return true;
        }
        if schemas.is_empty() {
            return false;
        }
        in_data
            || schemas.iter().any(|loaded| {
                loaded.files.iter().any(|f| {
                    f.uri == uri.as_str() || path.ends_with(f.shown.trim_start_matches("./"))
                })
            })
    }

    /// The configuration for a file: its `postlint.toml` (or the
    /// `configPath` setting), the selection settings, and, for a file on
    /// disk, `per-file-ignores` and its Jekyll site. The config file is
    /// looked for at each call, so a new `postlint.toml` counts at once;
    /// each one is read once until [`Session::reload`].
    pub fn config_for(&mut self, path: &Path, on_disk: bool) -> Arc<Config> {
        let resolver = self.resolver_for(path, on_disk);
        if on_disk {
            resolver.settings_for(path)
        } else {
            resolver.base().clone()
        }
    }

    /// The resolver of the config file that governs `path`, made once per
    /// config file until [`Session::reload`].
    pub fn resolver_for(&mut self, path: &Path, on_disk: bool) -> Rc<Resolver> {
        let file = match &self.settings.config_path {
            Some(p) if p.is_relative() => {
                Some(self.root.as_deref().unwrap_or(Path::new(".")).join(p))
            }
            Some(p) => Some(p.clone()),
            None if on_disk => path.parent().and_then(linter::discover_config),
            None => None,
        };
        if let Some(resolver) = self.resolvers.get(&file) {
            return resolver.clone();
        }
        let mut config = match &file {
            None => Config::default(),
            Some(file) => linter::load_config(file).unwrap_or_else(|e| {
                self.publish_schema_problem(file, &e);
                self.client.show_once(
                    lsp::MessageType::ERROR,
                    format!("{}: {e}; using the default configuration", file.display()),
                );
                Config::default()
            }),
        };
        if let Some(warning) = self.settings.apply(&mut config) {
            self.client.show_once(lsp::MessageType::WARNING, warning);
        }
        let resolver = match Resolver::new(config.clone(), crate::runner::read::Disk) {
            Ok(r) => r,
            // Globs that do not compile: the file's own settings, with no
            // include, exclude or per-file-ignores applied.
            Err(_) => Resolver::without_globs(config, crate::runner::read::Disk),
        };
        let resolver = Rc::new(resolver);
        self.resolvers.insert(file, resolver.clone());
        resolver
    }

    /// A config that did not load because of a schema file (or a file a
    /// schema names): the problem as a diagnostic at its line and column
    /// in that file, so that it shows where it is to be mended.
    fn publish_schema_problem(&mut self, config_file: &Path, error: &str) {
        let Some((file, line, column, message)) = linter::schema_problem(error) else {
            return;
        };
        let root = config_file.parent().unwrap_or(Path::new("."));
        let Ok(url) =
            url::Url::from_file_path(std::path::absolute(root.join(file)).unwrap_or_default())
        else {
            return;
        };
        let Ok(uri) = url.as_str().parse::<lsp::Uri>() else {
            return;
        };
        let at = lsp::Position::new(line.saturating_sub(1), column.saturating_sub(1));
        let diagnostic = lsp::Diagnostic {
            range: lsp::Range::new(at, at),
            severity: Some(lsp::DiagnosticSeverity::ERROR),
            source: Some("postlint".into()),
            message,
            ..Default::default()
        };
        self.client.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams::new(uri.clone(), vec![diagnostic], None),
        );
        self.schema_problems.insert(uri);
    }
}
