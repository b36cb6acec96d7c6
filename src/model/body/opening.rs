//! The body's fixed opening: the timestamp comment `<!--epoch-->` and the
//! header link `[title](url)` underlined with `------`.

use std::ops::Range;

use crate::model::text::lines::lines_from;

/// `<!--1667234398000-->` on the body's first non-blank line.
#[derive(Debug)]
pub struct TimestampComment {
    /// The whole comment, `<!--` to `-->`.
    pub span: Range<usize>,
    /// The text between `<!--` and `-->`.
    pub value: Range<usize>,
}

/// `[title](url)` on its own line, underlined with dashes (a setext heading).
#[derive(Debug)]
pub struct HeaderLink {
    /// The whole `[title](url)`.
    pub span: Range<usize>,
    pub text: Range<usize>,
    pub url: Range<usize>,
    /// The `------` line.
    pub underline: Range<usize>,
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Is the comment text a timestamp candidate? The generator writes the value
/// with no spaces (`<!--1667234398000-->`, `<!--NaN-->`); a comment with
/// spaces inside (`<!-- more -->`, `<!-- postlint-disable ... -->`) is prose.
fn timestamp_candidate(inner: &str) -> bool {
    !inner.chars().any(char::is_whitespace)
}

/// Is the comment text what the mirror's generator writes: a number (of
/// any shape, the rules judge it) or `NaN`? `<!--more-->`, an excerpt
/// mark of ordinary blogs, is not.
pub fn mirror_timestamp(inner: &str) -> bool {
    timestamp_candidate(inner) && (inner.bytes().any(|b| b.is_ascii_digit()) || inner == "NaN")
}

/// Read the body's opening lines from `body_start`.
pub fn parse(text: &str, body_start: usize) -> (Option<TimestampComment>, Option<HeaderLink>) {
    let mut it = lines_from(text, body_start)
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty() && !crate::model::suppress::is_directive_line(&text[r.clone()]));
    let Some(first) = it.next() else {
        return (None, None);
    };
    let line = &text[first.clone()];
    let timestamp = if line.starts_with("<!--") && line.ends_with("-->") && line.len() >= 7 {
        let value = first.start + 4..first.end - 3;
        timestamp_candidate(&text[value.clone()]).then_some(TimestampComment {
            span: first.clone(),
            value,
        })
    } else {
        None
    };
    let header_line = if timestamp.is_some() {
        it.next()
    } else {
        Some(first)
    };
    let header = header_line.and_then(|line| {
        let underline = it.next()?;
        header_link(text, line, underline)
    });
    (timestamp, header)
}

fn header_link(text: &str, line: Range<usize>, underline: Range<usize>) -> Option<HeaderLink> {
    let u = &text[underline.clone()];
    if u.len() < 2 || !u.bytes().all(|b| b == b'-') {
        return None;
    }
    let s = &text[line.clone()];
    if !s.starts_with('[') || !s.ends_with(')') {
        return None;
    }
    // The title may hold brackets; the URL holds no `](`, so split at the last one.
    let split = s.rfind("](")?;
    if split == 0 && s.len() < 4 {
        return None;
    }
    Some(HeaderLink {
        span: line.clone(),
        text: line.start + 1..line.start + split,
        url: line.start + split + 2..line.end - 1,
        underline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_comment_and_header() {
        let text = "\n<!--123-->\n[A [b] c](https://x.test/a)\n------\n<p>x</p>";
        let (ts, header) = parse(text, 0);
        let ts = ts.unwrap();
        assert_eq!(&text[ts.value], "123");
        let header = header.unwrap();
        assert_eq!(&text[header.text], "A [b] c");
        assert_eq!(&text[header.url], "https://x.test/a");
        assert_eq!(&text[header.underline], "------");
    }

    #[test]
    fn header_without_comment_and_crlf() {
        let text = "[T](u)\r\n---\r\n";
        let (ts, header) = parse(text, 0);
        assert!(ts.is_none());
        assert_eq!(&text[header.unwrap().url], "u");
    }

    #[test]
    fn prose_comment_is_not_a_timestamp() {
        let (ts, _) = parse("<!-- more -->\n", 0);
        assert!(ts.is_none());
        let (ts, _) = parse("<!--NaN-->", 0);
        assert!(ts.is_some());
        let (ts, _) = parse("<!---->", 0);
        assert!(ts.is_some());
    }

    #[test]
    fn link_without_underline_is_not_a_header() {
        let (_, header) = parse("<!--1-->\n[T](u)\ntext\n", 0);
        assert!(header.is_none());
    }
}
