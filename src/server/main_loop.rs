//! The handshake and the main loop: read each message in order, hand it to
//! its handler, and publish when a run of changes settles: as soon as no
//! message waits, or before a request is answered. There is no fixed wait.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crossbeam_channel::TryRecvError;
use lsp_server::{Connection, ErrorCode, Message, Request, Response};
use lsp_types as lsp;
use serde_json::{Value, json};

use super::client::Client;
use super::documents::file_path;
use super::position::Encoding;
use super::pull_state::{self, Pull};
use super::session::Session;
use super::settings::Settings;
use super::{FIX_ALL_KIND, RequestError, parse};

/// Initialize, then serve until `exit`; the exit code (0 after `shutdown`
/// then `exit`, 1 otherwise).
pub fn serve(connection: Connection) -> Result<u8, String> {
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
    // Pulled diagnostics only for a client that asks for them: the others
    // (Neovim, older clients) are published to.
    let pulls = init
        .capabilities
        .text_document
        .as_ref()
        .is_some_and(|t| t.diagnostic.is_some());
    let result = json!({
        "capabilities": capabilities(utf8, pulls),
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
    let client = Client::new(connection.sender.clone());
    let mut session = Session::new(client, encoding, root);
    if pulls {
        // `workspace.diagnostics`, as the protocol spells it (lsp-types
        // reads it as `diagnostic`).
        let refresh_support = params["capabilities"]["workspace"]["diagnostics"]["refreshSupport"]
            .as_bool()
            .unwrap_or(false);
        session.pull = Some(Pull::new(refresh_support));
        if let Some(ws) = &mut session.repo {
            ws.keep_own_findings();
        }
    }
    if let Some(options) = params.get("initializationOptions") {
        match Settings::from_value(options) {
            Ok(s) => session.settings = s,
            Err(e) => session.client.show(lsp::MessageType::ERROR, e),
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
        session.client.register_watcher();
    }
    main_loop(&connection, session)
}

fn capabilities(utf8: bool, pulls: bool) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
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
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![":".into(), "-".into()]),
            ..Default::default()
        }),
        definition_provider: Some(lsp::OneOf::Left(true)),
        diagnostic_provider: pulls.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some(pull_state::IDENTIFIER.into()),
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                ..Default::default()
            })
        }),
        ..Default::default()
    }
}

/// Each message is handled under `catch_unwind`, so a bug answers one
/// request with an error instead of ending the server. Notifications (the
/// edits) are taken as they come; what they make due is done when no
/// message waits, or before the next request is answered.
fn main_loop(connection: &Connection, mut session: Session) -> Result<u8, String> {
    loop {
        let message = match connection.receiver.try_recv() {
            Ok(m) => m,
            Err(TryRecvError::Empty) => {
                idle(&mut session);
                match connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(1),
                }
            }
            Err(TryRecvError::Disconnected) => return Ok(1),
        };
        match message {
            Message::Request(req) => {
                if req.method == "textDocument/diagnostic"
                    && let Some(pull) = &mut session.pull
                {
                    pull.held.push(req);
                    continue;
                }
                settle(&mut session);
                answer(&mut session, req);
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(if session.shutting_down { 0 } else { 1 });
                }
                if n.method == "$/cancelRequest"
                    && let Some(pull) = &mut session.pull
                    && let Some(response) = pull_state::cancel(pull, &n.params)
                {
                    session.client.send(response.into());
                    continue;
                }
                let method = n.method.clone();
                if catch_unwind(AssertUnwindSafe(|| session.notification(n))).is_err() {
                    session.client.log(
                        lsp::MessageType::ERROR,
                        format!("postlint failed while handling {method}"),
                    );
                }
            }
            // The client's answers to the server's own requests (the
            // watcher's registration, refreshes): nothing waits for them.
            Message::Response(r) => {
                if let Err(e) = r.response_result {
                    let message = format!("the client failed a request: {}", e.message);
                    session.client.log(lsp::MessageType::WARNING, message);
                }
            }
        }
    }
}

/// Publish what the edits so far made due, answer the held pulls, and ask
/// the client to pull again if something else changed.
fn settle(session: &mut Session) {
    session.publish_dirty();
    if let Some(pull) = &mut session.pull {
        for req in std::mem::take(&mut pull.held) {
            answer(session, req);
        }
    }
    session.send_refresh();
}

/// No message waits: settle, then build the repository index if it was
/// put off, and settle again with it.
fn idle(session: &mut Session) {
    settle(session);
    if session.index_due {
        if catch_unwind(AssertUnwindSafe(|| session.build_index())).is_err() {
            let message = "postlint failed while reading the workspace".to_string();
            session.client.log(lsp::MessageType::ERROR, message);
        }
        settle(session);
    }
}

/// Handle a request and send its response.
fn answer(session: &mut Session, req: Request) {
    let id = req.id.clone();
    let method = req.method.clone();
    let response = catch_unwind(AssertUnwindSafe(|| request(session, req))).unwrap_or_else(|_| {
        Err((
            ErrorCode::InternalError,
            format!("postlint failed while handling {method}"),
        ))
    });
    let response = match response {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    };
    session.client.send(response.into());
}

fn request(session: &mut Session, req: Request) -> Result<Value, RequestError> {
    if session.shutting_down {
        return Err((
            ErrorCode::InvalidRequest,
            "the server is shutting down".into(),
        ));
    }
    match req.method.as_str() {
        "shutdown" => {
            session.shutting_down = true;
            Ok(Value::Null)
        }
        "textDocument/codeAction" => {
            let params: lsp::CodeActionParams = parse(req.params)?;
            let actions = session.code_actions(&params)?;
            Ok(serde_json::to_value(actions).unwrap_or(Value::Null))
        }
        "textDocument/definition" => {
            let params: lsp::GotoDefinitionParams = parse(req.params)?;
            let found = session.definition(&params)?;
            Ok(serde_json::to_value(found).unwrap_or(Value::Null))
        }
        "textDocument/diagnostic" => Ok(session.document_diagnostic(parse(req.params)?)),
        "workspace/diagnostic" => Ok(session.workspace_diagnostic(parse(req.params)?)),
        "textDocument/completion" => {
            let params: lsp::CompletionParams = parse(req.params)?;
            let found = session.completion(&params)?;
            Ok(serde_json::to_value(found).unwrap_or(Value::Null))
        }
        "textDocument/hover" => {
            let params: lsp::HoverParams = parse(req.params)?;
            let hover = session.hover(&params)?;
            Ok(serde_json::to_value(hover).unwrap_or(Value::Null))
        }
        other => Err((
            ErrorCode::MethodNotFound,
            format!("postlint does not handle {other}"),
        )),
    }
}
