//! The handshake and the main loop: read each message in order, hand it to
//! its handler, and publish when a run of changes settles.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Request, Response};
use lsp_types as lsp;
use serde_json::{Value, json};

use super::client::Client;
use super::documents::file_path;
use super::position::Encoding;
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
    let result = json!({
        "capabilities": capabilities(utf8),
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

fn capabilities(utf8: bool) -> lsp::ServerCapabilities {
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
        definition_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    }
}

/// Each message is handled under `catch_unwind`, so a bug answers one
/// request with an error instead of ending the server.
fn main_loop(connection: &Connection, mut session: Session) -> Result<u8, String> {
    loop {
        let message = match session.deadline {
            Some(deadline) => {
                let wait = deadline.saturating_duration_since(Instant::now());
                match connection.receiver.recv_timeout(wait) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Ok(1),
                }
            }
            None => match connection.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(1),
            },
        };
        let Some(message) = message else {
            session.publish_dirty();
            continue;
        };
        match message {
            Message::Request(req) => {
                let id = req.id.clone();
                let method = req.method.clone();
                let response = catch_unwind(AssertUnwindSafe(|| request(&mut session, req)))
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
                session.client.send(response.into());
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(if session.shutting_down { 0 } else { 1 });
                }
                let method = n.method.clone();
                if catch_unwind(AssertUnwindSafe(|| session.notification(n))).is_err() {
                    session.client.log(
                        lsp::MessageType::ERROR,
                        format!("postlint failed while handling {method}"),
                    );
                }
            }
            Message::Response(_) => {}
        }
    }
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
