//! Splitting standard input into the bodies of its messages: the
//! `Content-Length` framing of the language server protocol, read so that
//! no bytes a client sends can stop or mislead it.

use std::io::{self, BufRead};

/// The largest message body accepted: twice the size limit of a post, so
/// that a document a little over the limit (with the escapes JSON adds)
/// still arrives and is refused by name rather than lost. A longer
/// `Content-Length` is refused without reading or allocating its body.
pub const MAX_CONTENT_LENGTH: usize = 2 * crate::runner::MAX_FILE_SIZE as usize;

/// Header lines are cut to their last this many bytes.
const MAX_HEADER_LINE: usize = 1024;

const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the frame reader found next.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A message body.
    Body(Vec<u8>),
    /// A frame that could not be used, and why. The reader has already
    /// moved on to where the next frame may start.
    Skipped(String),
    /// The end of input.
    End,
}

/// Splits a byte stream into message bodies, surviving any bytes a client
/// sends: a bad or short frame is skipped and reading resynchronises on the
/// next `Content-Length` header; nothing is allocated on the strength of a
/// length the client merely claims.
pub struct Frames<R> {
    input: R,
    /// Bytes read ahead and given back, read before `input`.
    pending: Vec<u8>,
    at: usize,
    /// A good body to hand out after the note that came before it.
    ready: Option<Vec<u8>>,
}

impl<R: BufRead> Frames<R> {
    pub fn new(input: R) -> Frames<R> {
        Frames {
            input,
            pending: Vec::new(),
            at: 0,
            ready: None,
        }
    }

    fn buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.pending.len() {
            return Ok(&self.pending[self.at..]);
        }
        self.pending = Vec::new();
        self.at = 0;
        loop {
            match self.input.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
                // Filled: the second call returns what is buffered.
                Ok(_) => return self.input.fill_buf(),
            }
        }
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.pending.len() {
            self.at += n;
        } else {
            self.input.consume(n);
        }
    }

    /// Read `bytes` again before the rest.
    fn unread(&mut self, bytes: &[u8]) {
        let mut pending = bytes.to_vec();
        pending.extend_from_slice(&self.pending[self.at..]);
        self.pending = pending;
        self.at = 0;
    }

    /// One line without its line break, and whether its start was cut off
    /// (only the last `MAX_HEADER_LINE` bytes are kept). `None` at the end.
    fn line(&mut self) -> io::Result<Option<(Vec<u8>, bool)>> {
        let mut line = Vec::new();
        let mut cut = false;
        let mut any = false;
        loop {
            let buf = self.buf()?;
            if buf.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            let from = take.saturating_sub(MAX_HEADER_LINE);
            line.extend_from_slice(&buf[from..take]);
            cut |= from > 0;
            if line.len() > 2 * MAX_HEADER_LINE {
                line.drain(..line.len() - MAX_HEADER_LINE);
                cut = true;
            }
            self.consume(take + usize::from(done));
            if done {
                break;
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some((line, cut)))
    }

    /// The next frame.
    pub fn next_frame(&mut self) -> io::Result<Frame> {
        if let Some(body) = self.ready.take() {
            return Ok(Frame::Body(body));
        }
        let mut length: Option<Result<usize, String>> = None;
        let mut saw_header = false;
        let mut junk = false;
        loop {
            let Some((line, cut)) = self.line()? else {
                return Ok(if saw_header || junk {
                    Frame::Skipped("input ended inside a message's headers".into())
                } else {
                    Frame::End
                });
            };
            if line.is_empty() {
                if let Some(length) = length {
                    match length {
                        Ok(n) => return self.body(n, junk),
                        Err(e) => return Ok(Frame::Skipped(e)),
                    }
                }
                if saw_header {
                    return Ok(Frame::Skipped("no valid Content-Length header".into()));
                }
                continue;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(p) = find(&lower, CONTENT_LENGTH) {
                // Text before the header belongs to no frame: the end of a
                // body shorter than its Content-Length said, or noise.
                junk |= p > 0 || cut;
                saw_header = true;
                let value = String::from_utf8_lossy(&line[p + CONTENT_LENGTH.len()..]);
                let value = value.trim();
                length = Some(match value.parse::<usize>() {
                    Ok(n) if n > MAX_CONTENT_LENGTH => Err(format!(
                        "Content-Length {n} is over the limit of {MAX_CONTENT_LENGTH} bytes"
                    )),
                    Ok(n) => Ok(n),
                    Err(_) => Err(format!(
                        "invalid Content-Length `{}`",
                        value.chars().take(40).collect::<String>()
                    )),
                });
            } else if is_header(&line) && !cut {
                saw_header = true;
            } else {
                junk = true;
            }
        }
    }

    /// Read a body of `length` bytes as it arrives, never reserving more
    /// than has come. A header inside it means the frame was shorter than
    /// it said: the header is read again as the start of the next frame.
    fn body(&mut self, length: usize, junk: bool) -> io::Result<Frame> {
        let mut body = Vec::new();
        let mut scan = 0;
        while body.len() < length {
            let buf = self.buf()?;
            if buf.is_empty() {
                return Ok(Frame::Skipped(format!(
                    "input ended {} bytes into a message of {length} bytes",
                    body.len()
                )));
            }
            let take = buf.len().min(length - body.len());
            body.extend_from_slice(&buf[..take]);
            self.consume(take);
            match header_in(&body, scan) {
                Header::Found(p) => {
                    let rest = body.split_off(p);
                    self.unread(&rest);
                    return Ok(Frame::Skipped(format!(
                        "a message of {} bytes said its Content-Length was {length}",
                        body.len()
                    )));
                }
                Header::Partial(p) => scan = p,
                Header::None => scan = body.len().saturating_sub(CONTENT_LENGTH.len()),
            }
        }
        if junk {
            // The body is good; what came before it was not. Say so once,
            // with the body still delivered.
            self.ready = Some(body);
            return Ok(Frame::Skipped(
                "bytes that belong to no message were skipped".into(),
            ));
        }
        Ok(Frame::Body(body))
    }
}

enum Header {
    /// A whole `Content-Length: N` line starts here.
    Found(usize),
    /// One may start here, not yet complete.
    Partial(usize),
    None,
}

/// Look for a `Content-Length: N` line in `body` from `from`. A JSON body
/// cannot hold one: inside a string a line break is escaped, and outside
/// one there are no bare words.
fn header_in(body: &[u8], from: usize) -> Header {
    let mut at = from;
    while let Some(i) = memchr::memchr2(b'c', b'C', &body[at..]) {
        let p = at + i;
        let word = &body[p..body.len().min(p + CONTENT_LENGTH.len())];
        if !CONTENT_LENGTH.starts_with(&word.to_ascii_lowercase()) {
            at = p + 1;
            continue;
        }
        if word.len() < CONTENT_LENGTH.len() {
            return Header::Partial(p);
        }
        let rest = &body[p + CONTENT_LENGTH.len()..];
        let value = rest
            .iter()
            .position(|&b| !(b == b' ' || b == b'\t' || b.is_ascii_digit()));
        match value {
            None => return Header::Partial(p),
            Some(v)
                if (rest[v] == b'\r' || rest[v] == b'\n')
                    && rest[..v].iter().any(u8::is_ascii_digit) =>
            {
                return Header::Found(p);
            }
            Some(_) => at = p + 1,
        }
    }
    Header::None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `Name: value`, as a header line looks.
fn is_header(line: &[u8]) -> bool {
    let name = line.iter().position(|&b| b == b':').map(|i| &line[..i]);
    name.is_some_and(|n| {
        !n.is_empty()
            && n.iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut frames = Frames::new(input);
        let mut out = Vec::new();
        loop {
            match frames.next_frame().unwrap() {
                Frame::End => return out,
                f => out.push(f),
            }
        }
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    fn skipped(f: &Frame) -> bool {
        matches!(f, Frame::Skipped(_))
    }

    const HOVER: &str = r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;

    #[test]
    fn a_huge_content_length_is_refused_without_allocating_it() {
        for claim in [
            "1000000000000",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            let input = format!("Content-Length: {claim}\r\n\r\n{}", frame(HOVER));
            let got = frames(input.as_bytes());
            assert!(skipped(&got[0]), "{got:?}");
            assert_eq!(got.last(), Some(&body(HOVER)), "{claim}");
        }
    }

    #[test]
    fn framing_is_found_again_after_a_bad_frame() {
        let cases = [
            // Not a number.
            format!("Content-Length: abc\r\n\r\n{HOVER}{}", frame(HOVER)),
            // Too short for its body.
            format!("Content-Length: 10\r\n\r\n{HOVER}{}", frame(HOVER)),
            // Too long for its body: the next frame's header is inside it.
            format!("Content-Length: 80\r\n\r\n{HOVER}{}", frame(HOVER)),
            // A truncated body, then a good frame.
            format!("Content-Length: 500\r\n\r\n{{\"jsonrpc\"{}", frame(HOVER)),
            // Noise on a line of its own, and a header line cut off.
            format!("garbage\r\n{}\r\n{}", "x".repeat(5000), frame(HOVER)),
        ];
        for input in cases {
            let got = frames(input.as_bytes());
            assert_eq!(got.last(), Some(&body(HOVER)), "{input:?}: {got:?}");
            assert!(
                got[..got.len() - 1]
                    .iter()
                    .all(|f| skipped(f) || matches!(f, Frame::Body(b) if b != HOVER.as_bytes())),
                "{got:?}"
            );
        }
    }

    #[test]
    fn truncated_input_ends_with_a_note() {
        let got = frames(b"Content-Length: 50\r\n\r\n{\"a\"");
        assert_eq!(got.len(), 1);
        assert!(skipped(&got[0]));
    }
}
