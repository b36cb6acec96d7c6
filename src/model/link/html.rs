//! The HTML references of a body: every `href`, `src` and `srcset`
//! attribute on any element, read with the pre-scanner's tag reader, which
//! follows the HTML tokenizer's attribute states.

use std::ops::Range;

use super::prefix;
use super::reference::{RefKind, Reference};
use super::skip::Skips;
use crate::model::body::anchors::scan::{TagKind, raw_text_end, scan_tag, tag_kind, tag_name_end};
use crate::model::body::entities::decode_attribute;

/// The attributes of the tags of `body`, in one pass: each tag is read
/// once, and a tag the body ends inside ends the pass (as it ends a
/// browser's reading of the rest).
pub(super) fn attributes(body: &str, skips: &Skips, out: &mut Vec<Reference>) {
    let masked = mask_liquid(body.as_bytes());
    let bytes: &[u8] = &masked;
    let mut pos = 0;
    while let Some(n) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + n;
        pos = lt + 1;
        if let Some(end) = skips.end_of(lt) {
            pos = end.max(pos);
            continue;
        }
        if !bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let Some(name_end) = tag_name_end(bytes, lt + 1) else {
            return;
        };
        let Some(name) = body.get(lt + 1..name_end) else {
            continue;
        };
        let mut attrs: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let Some(tag) = scan_tag(bytes, name_end, |n, v| {
            if let Some(v) = v {
                attrs.push((n, v));
            }
        }) else {
            return;
        };
        pos = tag.end;
        for (n, v) in attrs {
            let attr = body.get(n).unwrap_or_default().to_ascii_lowercase();
            match attr.as_str() {
                "href" | "src" => out.extend(reference(body, name, &attr, v)),
                "srcset" => {
                    for c in srcset(bytes, v) {
                        out.extend(reference(body, name, &attr, c));
                    }
                }
                _ => {}
            }
        }
        match tag_kind(name.as_bytes()) {
            TagKind::RawText | TagKind::Unhandled if tag.plain_end => {
                let lower = name.to_ascii_lowercase();
                match lower.as_str() {
                    // Their content is markup: tags in it are tags.
                    "svg" | "math" => {}
                    "plaintext" => return,
                    _ => match raw_text_end(bytes, pos, name.as_bytes()) {
                        Some(end) => pos = end,
                        None => return,
                    },
                }
            }
            _ => {}
        }
    }
}

/// The bytes of `body` with the inside of each Liquid tag and output
/// (`{{ "/x" | relative_url }}`) masked, so that its quotes and `<` do not
/// end an attribute value or open a tag: Jekyll renders Liquid before a
/// browser reads the HTML. Offsets are kept, and only ASCII bytes of the
/// tags change.
fn mask_liquid(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if memchr::memchr(b'{', body).is_none() {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = body.to_vec();
    let mut pos = 0;
    while let Some(n) = memchr::memchr(b'{', &body[pos..]) {
        let at = pos + n;
        let closer: &[u8] = match body.get(at + 1) {
            Some(b'{') => b"}}",
            Some(b'%') => b"%}",
            _ => {
                pos = at + 1;
                continue;
            }
        };
        let Some(len) = memchr::memmem::find(&body[at + 2..], closer) else {
            break;
        };
        for b in &mut out[at + 2..at + 2 + len] {
            if b.is_ascii() {
                *b = b'x';
            }
        }
        pos = at + 2 + len + 2;
    }
    std::borrow::Cow::Owned(out)
}

/// The reference of the attribute value `body[value]` of the element
/// `element`: character references decoded, then read for Liquid.
fn reference(body: &str, element: &str, attr: &str, value: Range<usize>) -> Option<Reference> {
    let raw = body.get(value.clone())?;
    let made = prefix::read(&decode_attribute(raw))?;
    Some(Reference {
        kind: RefKind::Html {
            element: element.to_ascii_lowercase(),
            attr: attr.to_string(),
        },
        span: value,
        url: made.url,
        prefix: made.prefix,
        dynamic: made.dynamic,
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

/// The URL of each candidate of the `srcset` value `bytes[value]`, as the
/// HTML standard splits it: a URL, then descriptors up to a comma outside
/// parentheses; commas that end a URL are not part of it.
fn srcset(bytes: &[u8], value: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = value.start;
    let end = value.end;
    loop {
        while i < end && (is_space(bytes[i]) || bytes[i] == b',') {
            i += 1;
        }
        if i >= end {
            return out;
        }
        let start = i;
        while i < end && !is_space(bytes[i]) {
            i += 1;
        }
        let mut url_end = i;
        if bytes[url_end - 1] == b',' {
            while url_end > start && bytes[url_end - 1] == b',' {
                url_end -= 1;
            }
        } else {
            // The descriptors, up to a comma outside parentheses.
            let mut parens = false;
            while i < end {
                match bytes[i] {
                    b'(' => parens = true,
                    b')' => parens = false,
                    b',' if !parens => break,
                    _ => {}
                }
                i += 1;
            }
        }
        if url_end > start {
            out.push(start..url_end);
        }
    }
}
