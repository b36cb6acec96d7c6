//! `postlint server`: a language server over standard input and output.
//!
//! Synchronous (lsp-server), one thread: every message is handled in order,
//! except that a `textDocument/diagnostic` request is answered once no edit
//! waits behind it. Edits are taken as they come; what they make due is done as soon as no
//! message waits, or before the next request is answered, so a burst of
//! edits is checked once, at its end, with no fixed wait. What a
//! document's version found is kept for the requests about it. The
//! whole-repository rules judge an open document against the index of the
//! workspace folder's repository (`workspace_posts.rs`); in a large
//! workspace the index is built when the server is first idle, after the
//! open document's own findings are out.
//!
//! Diagnostics reach the client one of two ways:
//!
//! - **pushed** (`textDocument/publishDiagnostics`), to a client that does
//!   not declare `textDocument.diagnostic` (Neovim, older clients): each
//!   open document's, on open and when its edits settle, and again when an
//!   edit elsewhere or a file changed on disk changes what it is judged
//!   against;
//! - **pulled** (`pull.rs`), to one that does (VS Code): the server
//!   advertises `diagnosticProvider` and publishes nothing, answers
//!   `textDocument/diagnostic` for a document and `workspace/diagnostic`
//!   for the files that are not open (their own and whole-repository
//!   findings, as on disk), and sends `workspace/diagnostic/refresh` when
//!   what documents are judged against changed.
//!
//! - `main_loop`: the handshake and the loop that dispatches messages;
//! - `session`, `settings`, `documents`, `pull_state`: the state between
//!   messages;
//! - `notifications`, `diagnostics`, `pull`: keeping documents, and
//!   publishing or answering pulls;
//! - `code_action`, `completion`, `hover`, `definition`: one file per
//!   request;
//! - `linter`: every call into the checking core;
//! - `client`, `stdio`, `frames`, `position`, `workspace_posts`: the plumbing.

mod client;
mod code_action;
mod completion;
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
mod pull_state;
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
