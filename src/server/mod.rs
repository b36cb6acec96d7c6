//! `postlint server`: a language server over standard input and output.
//!
//! Synchronous (lsp-server), one thread: every message is handled in order.
//! Diagnostics are published at once on open, and [`DEBOUNCE`] after the
//! first of a run of changes, so a burst of edits is checked once; what a
//! document's version found is kept for the requests about it. The
//! whole-repository rules judge an open document against the index of the
//! workspace folder's repository (`workspace_posts.rs`).
//!
//! - `main_loop`: the handshake and the loop that dispatches messages;
//! - `session`, `settings`, `documents`: the state between messages;
//! - `notifications`, `diagnostics`: keeping documents and publishing;
//! - `code_action`, `hover`: one file per request;
//! - `linter`: every call into the checking core;
//! - `client`, `stdio`, `frames`, `position`, `workspace_posts`: the plumbing.

mod client;
mod code_action;
mod definition;
mod diagnostics;
mod documents;
mod frames;
mod hover;
mod linter;
mod main_loop;
mod notifications;
mod position;
mod pull;
mod session;
mod settings;
mod stdio;
mod workspace_posts;

use lsp_server::ErrorCode;
use serde_json::Value;

pub use frames::{Frame, Frames, MAX_CONTENT_LENGTH};
pub use position::{Encoding, Lines};
pub use settings::Settings;

/// Documents larger than this are not checked: the CLI's limit for a post.
pub const MAX_DOCUMENT: usize = crate::runner::MAX_FILE_SIZE as usize;

/// The code action kind of "fix everything safe".
pub const FIX_ALL_KIND: &str = "source.fixAll.postlint";

/// How a request fails: the JSON-RPC error code and message.
type RequestError = (ErrorCode, String);

/// Run the server on standard input and output; the return value is the
/// process exit code (0 after `shutdown` then `exit`, 1 otherwise).
pub fn run() -> u8 {
    let (connection, writer) = stdio::stdio();
    let code = match main_loop::serve(connection) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("postlint server: {e}");
            1
        }
    };
    writer.finish();
    code
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, RequestError> {
    serde_json::from_value(params)
        .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))
}
