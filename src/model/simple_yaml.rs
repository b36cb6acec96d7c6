//! The front matter most posts have, parsed without the general YAML
//! parser: a block mapping of one-line `key: value` pairs whose values are
//! plain or quoted scalars without escapes, or one-line flow lists of plain
//! words. Anything else (comments, blank lines, nesting, escapes, tabs,
//! line breaks other than `\n`, characters YAML treats specially) is left
//! to [`super::yaml`]'s parser, whose tree ([`super::yaml_tree`]) this one
//! builds exactly.

use std::ops::Range;

use super::front_matter::scalar::{self, Scalar};
use super::yaml_tree::{Node, NodeKind};

/// The tree of `source` (front matter starting at byte `base` of the post),
/// when it is of the simple kind; `None` when the general parser must read
/// it.
pub fn parse(source: &str, base: usize) -> Option<Node> {
    if source.is_empty() || !plain_characters(source) {
        return None;
    }
    // A pair a line.
    let mut pairs = Vec::with_capacity(memchr::memchr_iter(b'\n', source.as_bytes()).count() + 1);
    let mut at = 0;
    for line in source.split_terminator('\n') {
        pairs.push(pair(line, base + at)?);
        at += line.len() + 1;
    }
    let start = pairs.first()?.0.span.start;
    let end = pairs.last()?.1.span.end;
    Some(Node {
        span: start..end,
        kind: NodeKind::Mapping(pairs),
    })
}

/// Whether every character is one the simple form allows anywhere: no
/// control characters but `\n`, and none of the characters that YAML
/// reads as line breaks, byte order marks or non-printable.
fn plain_characters(source: &str) -> bool {
    let bytes = source.as_bytes();
    // Without stopping at the first, so that the loop is vectorized.
    let control = bytes.iter().fold(false, |any, &b| {
        any | (b < 0x20 && b != b'\n') | (b == 0x7F)
    });
    if control {
        return false;
    }
    // The others start with one of these bytes in UTF-8, which only ever
    // start a character: only the characters there are looked at.
    !memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).any(|i| {
        source[i..].chars().next().is_some_and(|c| {
            matches!(
                c,
                '\u{80}'
                    ..='\u{A0}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            )
        })
    })
}

/// One `key: value` line starting at byte `at` of the post.
fn pair(line: &str, at: usize) -> Option<(Node, Node)> {
    let colon = memchr::memchr(b':', line.as_bytes())?;
    let key = &line[..colon];
    let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    if key.is_empty() || key.len() > 64 || key.starts_with('-') || !key.bytes().all(is_key_byte) {
        return None;
    }
    let rest = &line[colon + 1..];
    let value = rest.trim_start_matches(' ');
    // A space is needed after the colon, and the value must not end in one.
    if value.is_empty() || value.len() == rest.len() || value.ends_with(' ') {
        return None;
    }
    let key = plain(key, at);
    let value_at = at + line.len() - value.len();
    let value = match value.as_bytes()[0] {
        q @ (b'"' | b'\'') => quoted(value, value_at, q)?,
        b'[' => flow_list(value, value_at)?,
        _ if block_plain(value) => plain(value, value_at),
        _ => return None,
    };
    Some((key, value))
}

/// A plain scalar `text` at byte `at`.
fn plain(text: &str, at: usize) -> Node {
    scalar_node(text, at..at + text.len(), scalar::resolve_plain(text), true)
}

fn scalar_node(text: &str, span: Range<usize>, value: Scalar, plain: bool) -> Node {
    Node {
        span,
        kind: NodeKind::Scalar {
            text: text.to_owned(),
            value,
            plain,
        },
    }
}

/// A whole value quoted with `quote`, without escapes or inner quotes.
fn quoted(value: &str, at: usize, quote: u8) -> Option<Node> {
    let inner = value[1..].strip_suffix(char::from(quote))?;
    if memchr::memchr2(quote, b'\\', inner.as_bytes()).is_some() {
        return None;
    }
    Some(scalar_node(inner, at..at + value.len(), Scalar::Str, false))
}

/// Whether `value` is a plain scalar in block context as written: not
/// starting with an indicator, and holding no `: `, ` #` or flow
/// punctuation.
fn block_plain(value: &str) -> bool {
    // One pass over the bytes: each of these is ASCII, never part of a
    // longer char.
    let bytes = value.as_bytes();
    starts_plain(value)
        && !value.ends_with(':')
        && !bytes.iter().enumerate().any(|(i, &b)| match b {
            b'[' | b']' | b'{' | b'}' | b',' => true,
            b':' => bytes.get(i + 1) == Some(&b' '),
            b' ' => bytes.get(i + 1) == Some(&b'#'),
            _ => false,
        })
}

/// Whether `text` does not start with a YAML indicator.
fn starts_plain(text: &str) -> bool {
    !text.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`',
    ])
}

/// A one-line flow list `[a, b]` of plain words.
fn flow_list(value: &str, at: usize) -> Option<Node> {
    let inner = value[1..].strip_suffix(']')?;
    let mut items = Vec::new();
    if !inner.trim_matches(' ').is_empty() {
        let mut offset = at + 1;
        for item in inner.split(',') {
            let word = item.trim_matches(' ');
            if word.is_empty()
                || !starts_plain(word)
                || word
                    .bytes()
                    .any(|b| matches!(b, b':' | b'#' | b'[' | b']' | b'{' | b'}' | b'"' | b'\''))
            {
                return None;
            }
            let start = offset + (item.len() - item.trim_start_matches(' ').len());
            items.push(plain(word, start));
            offset += item.len() + 1;
        }
    }
    Some(Node {
        span: at..at + value.len(),
        kind: NodeKind::Sequence(items),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`plain_characters`] decides, a character at a time.
    fn by_chars(source: &str) -> bool {
        !source.chars().any(|c| {
            (c < ' ' && c != '\n')
                || matches!(
                    c,
                    '\u{7F}'
                        ..='\u{A0}'
                            | '\u{2028}'
                            | '\u{2029}'
                            | '\u{FEFF}'
                            | '\u{FFFE}'
                            | '\u{FFFF}'
                )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn plain_characters_looks_at_every_character(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    'a', ' ', '\n', '\t', '\r', '\u{7F}', '\u{80}', '\u{A0}', '\u{A1}', 'é', '王',
                    '“', '\u{2027}', '\u{2028}', '\u{2029}', '\u{202A}', '\u{FEFE}', '\u{FEFF}',
                    '\u{FFFD}', '\u{FFFE}', '\u{FFFF}', '😀',
                ]),
                0..12,
            )
        ) {
            let source: String = chars.into_iter().collect();
            prop_assert_eq!(plain_characters(&source), by_chars(&source), "{:?}", source);
        }
    }
}
