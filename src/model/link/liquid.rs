//! The Liquid tags of a body that name a file (`post_url`, `link`,
//! `include`, `include_relative`), and the blocks whose content is not
//! rendered as written Markdown (`raw`, `comment`, `highlight`).

use std::ops::Range;

use super::reference::{Prefix, RefKind, Reference};

/// What the Liquid pass finds.
pub(super) struct Tags {
    pub(super) references: Vec<Reference>,
    /// From each `raw`, `comment` or `highlight` tag to the end of the tag
    /// that closes it (or the end of the body).
    pub(super) skips: Vec<Range<usize>>,
}

/// One `{% … %}` tag: its name and its markup (between the name and the
/// closing `%}`, `-` of whitespace control left out), and its end.
struct Tag {
    name: Range<usize>,
    markup: Range<usize>,
    end: usize,
}

/// The tag that starts at `at` (on `{%`); `None` when no `%}` closes it.
fn tag_at(bytes: &[u8], at: usize) -> Option<Tag> {
    let close = at + 2 + memchr::memmem::find(&bytes[at + 2..], b"%}")?;
    let mut i = at + 2;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    while i < close && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let name_start = i;
    while i < close && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    let mut markup_end = close;
    if markup_end > i && bytes[markup_end - 1] == b'-' {
        markup_end -= 1;
    }
    Some(Tag {
        name: name_start..i,
        markup: i..markup_end,
        end: close + 2,
    })
}

/// The Liquid tags of `body`, in one pass. A tag that no `%}` closes ends
/// the pass, as it ends Liquid's reading of the file.
pub(super) fn scan(body: &str) -> Tags {
    let bytes = body.as_bytes();
    let mut out = Tags {
        references: Vec::new(),
        skips: Vec::new(),
    };
    let mut pos = 0;
    while let Some(n) = memchr::memmem::find(&bytes[pos..], b"{%") {
        let at = pos + n;
        let Some(tag) = tag_at(bytes, at) else { break };
        pos = tag.end;
        let kind = match &bytes[tag.name.clone()] {
            b"raw" => {
                pos = block_end(bytes, pos, b"raw", b"endraw");
                out.skips.push(at..pos);
                continue;
            }
            b"comment" => {
                pos = block_end(bytes, pos, b"comment", b"endcomment");
                out.skips.push(at..pos);
                continue;
            }
            b"highlight" => {
                pos = block_end(bytes, pos, b"highlight", b"endhighlight");
                out.skips.push(at..pos);
                continue;
            }
            b"post_url" => RefKind::PostUrl,
            b"link" => RefKind::LinkTag,
            b"include" => RefKind::Include,
            b"include_relative" => RefKind::IncludeRelative,
            _ => continue,
        };
        if let Some(r) = argument(body, tag.markup.clone(), kind) {
            out.references.push(r);
        }
    }
    out
}

/// Just past the tag `close` that ends a block whose content starts at
/// `from`, counting nested `open` tags (which `raw` does not nest, but
/// `comment` does); the end of the body when none does.
fn block_end(bytes: &[u8], from: usize, open: &[u8], close: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut pos = from;
    while let Some(n) = memchr::memmem::find(&bytes[pos..], b"{%") {
        let at = pos + n;
        let Some(tag) = tag_at(bytes, at) else { break };
        pos = tag.end;
        let name = &bytes[tag.name];
        if name == close {
            if depth == 0 {
                return pos;
            }
            depth -= 1;
        } else if name == open && open != b"raw" {
            depth += 1;
        }
    }
    bytes.len()
}

/// The reference of a tag's first argument, in `body[markup]`.
fn argument(body: &str, markup: Range<usize>, kind: RefKind) -> Option<Reference> {
    let bytes = body.as_bytes();
    let mut i = markup.start;
    while i < markup.end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if i == markup.end {
        return None;
    }
    let (span, dynamic) = match bytes[i] {
        b'{' if bytes.get(i + 1) == Some(&b'{') => {
            let close = memchr::memmem::find(&bytes[i..markup.end], b"}}")
                .map_or(markup.end, |n| i + n + 2);
            (i..close, true)
        }
        q @ (b'"' | b'\'') => {
            let close = memchr::memchr(q, &bytes[i + 1..markup.end])?;
            (i + 1..i + 1 + close, false)
        }
        _ => {
            let end = bytes[i..markup.end]
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .map_or(markup.end, |n| i + n);
            (i..end, false)
        }
    };
    let url = body.get(span.clone())?.to_string();
    let dynamic = dynamic || url.contains("{{");
    Some(Reference {
        kind,
        span,
        url,
        prefix: Prefix::None,
        dynamic,
    })
}
