//! What a session that is pulled from keeps between pulls: the held
//! requests, the reports made, and which files the client was last sent
//! findings for.

use std::collections::HashSet;
use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::PathBuf;
use std::rc::Rc;

use lsp_server::{ErrorCode, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::{Value, json};

/// The `identifier` of the server's diagnostics.
pub const IDENTIFIER: &str = "postlint";

/// What a session that is pulled from keeps.
#[derive(Default)]
pub struct Pull {
    /// The client handles `workspace/diagnostic/refresh`.
    pub refresh_support: bool,
    /// A refresh is to be sent when no edit is waiting.
    pub refresh_due: bool,
    /// `textDocument/diagnostic` requests, answered when no edit is
    /// waiting (so a run of edits is checked once, at its end).
    pub held: Vec<Request>,
    /// The files whose last report held findings: each is sent an empty
    /// report once it has none, so that the client clears them.
    pub shown: HashSet<PathBuf>,
    /// The reports of the files with findings, and the generation they
    /// were made at.
    pub workspace: Option<(u64, Reports)>,
}

/// The report of each file with findings, by its path.
pub type Reports = Rc<Vec<(PathBuf, Rc<Report>)>>;

impl Pull {
    pub fn new(refresh_support: bool) -> Pull {
        Pull {
            refresh_support,
            ..Pull::default()
        }
    }
}

/// The diagnostics of one file, and their `resultId`.
pub struct Report {
    pub id: String,
    pub items: Vec<lsp::Diagnostic>,
}

impl Report {
    pub fn new(items: Vec<lsp::Diagnostic>) -> Report {
        let mut hash = HashWriter(DefaultHasher::new());
        let _ = serde_json::to_writer(&mut hash, &items);
        Report {
            id: format!("{:016x}", hash.0.finish()),
            items,
        }
    }

    /// The answer to a client that holds the report `previous`.
    pub fn answer(&self, previous: Option<&str>) -> Value {
        if previous == Some(self.id.as_str()) {
            json!({ "kind": "unchanged", "resultId": self.id })
        } else {
            json!({ "kind": "full", "resultId": self.id, "items": self.items })
        }
    }
}

struct HashWriter(DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The answer to a held request the client cancelled, if `params` names
/// one: the error the protocol asks for.
pub fn cancel(pull: &mut Pull, params: &Value) -> Option<Response> {
    let id: RequestId = serde_json::from_value(params.get("id")?.clone()).ok()?;
    let at = pull.held.iter().position(|r| r.id == id)?;
    pull.held.remove(at);
    let code = ErrorCode::RequestCanceled as i32;
    Some(Response::new_err(id, code, "cancelled".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_what_a_report_holds() {
        let finding = |message: &str| lsp::Diagnostic {
            message: message.into(),
            ..Default::default()
        };
        let a = Report::new(vec![finding("a")]);
        assert_eq!(a.id, Report::new(vec![finding("a")]).id);
        assert_ne!(a.id, Report::new(vec![finding("b")]).id);
        assert_ne!(a.id, Report::new(Vec::new()).id);
        assert_eq!(a.answer(Some(&a.id))["kind"], "unchanged");
        assert_eq!(a.answer(Some("other"))["items"][0]["message"], "a");
    }

    #[test]
    fn a_held_pull_the_client_cancels_is_answered_cancelled() {
        let mut pull = Pull::new(true);
        let params = json!({ "textDocument": { "uri": "untitled:a.md" } });
        let request = Request::new(RequestId::from(3), "textDocument/diagnostic".into(), params);
        pull.held.push(request);
        assert!(cancel(&mut pull, &json!({ "id": 4 })).is_none());
        let response = cancel(&mut pull, &json!({ "id": 3 })).expect("held");
        assert_eq!(response.id, RequestId::from(3));
        let error = response.response_result.expect_err("an error");
        assert_eq!(error.code, ErrorCode::RequestCanceled as i32);
        assert!(pull.held.is_empty());
    }
}
