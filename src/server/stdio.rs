//! Standard input and output for the server. lsp-server's own stdio
//! transport stops reading at the first message that is not valid JSON-RPC;
//! this one skips such a message (answering it with an error when it has an
//! id) and goes on, so that one bad message from a client does not end the
//! session.

use std::io::{self, BufRead, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, select, unbounded};
use lsp_server::{Connection, ErrorCode, Message, Notification, RequestId, Response};

use super::frames::{Frame, Frames};
use serde_json::Value;

/// The writer thread, to be finished when the server is done.
pub struct WriterThread {
    done: Sender<()>,
    writer: JoinHandle<()>,
}

impl WriterThread {
    /// Write what is queued, then end the writer. It cannot wait for every
    /// sender to go: the reader thread holds one for its replies while it
    /// blocks on standard input, which editors leave open after `exit`.
    pub fn finish(self) {
        drop(self.done);
        let _ = self.writer.join();
    }
}

/// A connection over standard input and output, and the writer thread.
/// The reader thread ends at the end of standard input; nobody waits for
/// it, as the process ends without it.
pub fn stdio() -> (Connection, WriterThread) {
    let (to_client, outgoing) = unbounded::<Message>();
    let (done, finished) = unbounded::<()>();
    let writer = std::thread::spawn(move || write_messages(&outgoing, &finished));
    let (incoming, receiver) = unbounded::<Message>();
    let replies = to_client.clone();
    std::thread::spawn(move || {
        let stdin = io::stdin();
        read_messages(&mut stdin.lock(), &incoming, &replies);
    });
    (
        Connection {
            sender: to_client,
            receiver,
        },
        WriterThread { done, writer },
    )
}

/// Write each message to standard output until every sender is gone or
/// `finished` is closed; then write what is still queued.
fn write_messages(outgoing: &Receiver<Message>, finished: &Receiver<()>) {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut write = |message: Message| message.write(&mut out).is_ok() && out.flush().is_ok();
    loop {
        select! {
            recv(outgoing) -> message => {
                if !message.is_ok_and(&mut write) {
                    return;
                }
            }
            recv(finished) -> _ => {
                for message in outgoing.try_iter() {
                    if !write(message) {
                        return;
                    }
                }
                return;
            }
        }
    }
}

/// Read framed messages until the end of input, passing on the good ones.
pub fn read_messages(
    input: &mut impl BufRead,
    incoming: &Sender<Message>,
    replies: &Sender<Message>,
) {
    let mut frames = Frames::new(input);
    loop {
        let body = match frames.next_frame() {
            Ok(Frame::Body(body)) => body,
            Ok(Frame::End) => return,
            Ok(Frame::Skipped(why)) => {
                log(replies, format!("unreadable message skipped: {why}"));
                continue;
            }
            Err(e) => {
                log(replies, format!("standard input failed: {e}"));
                return;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(message) => {
                if incoming.send(message).is_err() {
                    return;
                }
            }
            Err(e) => {
                let id = serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .and_then(|id| serde_json::from_value::<RequestId>(id).ok());
                match id {
                    Some(id) => {
                        let _ = replies.send(
                            Response::new_err(
                                id,
                                ErrorCode::InvalidRequest as i32,
                                format!("not a JSON-RPC message: {e}"),
                            )
                            .into(),
                        );
                    }
                    None => log(replies, format!("malformed message skipped: {e}")),
                }
            }
        }
    }
}

/// Tell the client, in its log, what was skipped or failed.
fn log(replies: &Sender<Message>, message: String) {
    let params = lsp_types::LogMessageParams {
        typ: lsp_types::MessageType::ERROR,
        message,
    };
    let _ = replies.send(Notification::new("window/logMessage".into(), params).into());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_messages_are_skipped_or_answered() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            "Content-Type: x\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        ]
        .concat();
        let (incoming, received) = unbounded();
        let (replies, answered) = unbounded();
        read_messages(&mut input.as_bytes(), &incoming, &replies);
        let good: Vec<Message> = received.try_iter().collect();
        assert_eq!(good.len(), 1);
        assert!(matches!(&good[0], Message::Notification(n) if n.method == "initialized"));
        let replies: Vec<Message> = answered.try_iter().collect();
        assert_eq!(replies.len(), 3, "{replies:?}");
        assert!(
            matches!(&replies[1], Message::Response(r) if r.id == RequestId::from(7) && r.response_result.is_err())
        );
    }
}
