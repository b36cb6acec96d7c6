//! Where a cursor is in a front matter, read from the lines alone (the
//! text being typed seldom parses): the keys and items from the root down
//! to it, whether a key or a value is being written, and the keys its
//! mapping already has.

use std::ops::Range;

/// One step down from the front matter's root mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Item,
}

/// What is being written at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A key of the mapping at `path`.
    Key,
    /// The value at `path`.
    Value,
    /// A new item of the sequence at `path` (`- `): a value, or the first
    /// key of a mapping.
    Item,
}

/// The cursor's place in the front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub path: Vec<Segment>,
    pub what: What,
    /// The word under the cursor, which a completion replaces.
    pub word: Range<usize>,
    /// The keys the mapping already has (for [`What::Key`] and
    /// [`What::Item`]), the word being written left out.
    pub siblings: Vec<String>,
    /// The value is to follow `key:` directly: a space goes first.
    pub space: bool,
}

/// A line of the front matter: where it starts, its indent, its text
/// after the indent.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    start: usize,
    indent: usize,
    content: &'a str,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.content.is_empty() || self.content.starts_with('#')
    }

    /// A sequence item (`- …`): the column its content starts at, and the
    /// content.
    fn item(&self) -> Option<(usize, &str)> {
        let rest = self
            .content
            .strip_prefix("- ")
            .or_else(|| (self.content == "-").then_some(""))?;
        let trimmed = rest.trim_start_matches(' ');
        Some((self.indent + self.content.len() - trimmed.len(), trimmed))
    }
}

/// The front matter's lines (between the `---` lines; to the end of the
/// text while the closing one is not written yet), without line breaks.
fn lines(text: &str) -> Option<Vec<Line<'_>>> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[bom..].find('\n').map_or(text.len(), |i| bom + i + 1);
    if text[bom..first_end].trim_end() != "---" {
        return None;
    }
    let mut out = Vec::new();
    let mut start = first_end;
    for raw in text[first_end..].split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            return Some(out);
        }
        let content = line.trim_start_matches(' ');
        out.push(Line {
            start,
            indent: line.len() - content.len(),
            content,
        });
        start += raw.len();
    }
    Some(out)
}

/// The key a line's content starts with (`key:` or `key: value`, the key
/// unquoted), and the offset of the value in the content.
pub fn key_of(content: &str) -> Option<(String, usize)> {
    let (key, after) = if let Some(q @ ('"' | '\'')) = content.chars().next() {
        let close = content[1..].find(q)? + 1;
        let key = &content[1..close];
        (key.to_string(), &content[close + 1..])
    } else {
        let mut at = None;
        for (i, c) in content.char_indices() {
            if c == ':' && content[i + 1..].chars().next().is_none_or(|n| n == ' ') {
                at = Some(i);
                break;
            }
            if c == '#' && content[..i].ends_with(' ') {
                return None;
            }
        }
        let i = at?;
        (content[..i].trim_end().to_string(), &content[i..])
    };
    let after = after.strip_prefix(':')?;
    if !(after.is_empty() || after.starts_with(' ')) || key.is_empty() {
        return None;
    }
    let value_at = content.len() - after.trim_start_matches(' ').len();
    Some((key, value_at))
}

/// The context of byte `offset` of `text`, when it is in the front matter
/// and on a key or a value.
pub fn at(text: &str, offset: usize) -> Option<Context> {
    let lines = lines(text)?;
    let here = lines.iter().rposition(|l| l.start <= offset)?;
    let line = lines[here];
    let column = offset.checked_sub(line.start + line.indent)?;
    let before = line.content.get(..column)?;
    let word_end = |from: usize| {
        let rest = &text[from..line.start + line.indent + line.content.len()];
        from + rest.trim_end().len()
    };
    // On an item line, what follows the `- `.
    let (item, col, content_before, content_start) = match line.item() {
        Some((col, _)) if line.start + col <= offset => {
            let skip = col - line.indent;
            (true, col, &before[skip..], line.start + col)
        }
        // On the `-` itself: nothing to offer.
        Some(_) => return None,
        None => (false, line.indent, before, line.start + line.indent),
    };
    let mut path = ancestors(&lines[..here], col, item.then_some(line.indent));
    if item {
        path.push(Segment::Item);
    }
    if let Some((key, value_at)) = key_of(content_before) {
        // `key: va|`: the value.
        path.push(Segment::Key(key));
        let from = content_start + value_at;
        return Some(Context {
            path,
            what: What::Value,
            word: from..word_end(from).max(offset),
            siblings: Vec::new(),
            space: !content_before.ends_with(' ') && value_at == content_before.len(),
        });
    }
    if content_before.contains([' ', ':', '[', '{', '"', '\'']) {
        return None;
    }
    let word = content_start..content_start + word_len(&text[content_start..]);
    let siblings = siblings(&lines, here, col, item);
    Some(Context {
        path,
        // `- wor|`: a value or the item's first key; the caller offers
        // both.
        what: if item { What::Item } else { What::Key },
        word: word.start..word.end.max(offset),
        siblings,
        space: false,
    })
}

/// The length of the key or word at the start of `text`.
fn word_len(text: &str) -> usize {
    text.find([':', ' ', '\n', '\r']).unwrap_or(text.len())
}

/// The keys and items from the root down to a node at column `col` of the
/// line after `above`; `item_at`: the node is an item whose `-` is at that
/// column.
fn ancestors(above: &[Line<'_>], col: usize, item_at: Option<usize>) -> Vec<Segment> {
    let mut out = Vec::new();
    // A parent starts left of `limit`; the owner of a sequence may start
    // at its items' column.
    let mut limit = item_at.unwrap_or(col);
    let mut sequence_at = item_at;
    for line in above.iter().rev() {
        if line.blank() {
            continue;
        }
        if limit == 0 && sequence_at.is_none() {
            break;
        }
        if let Some((content_col, rest)) = line.item() {
            if sequence_at == Some(line.indent) || line.indent >= limit {
                continue;
            }
            if content_col < limit {
                let Some((key, _)) = key_of(rest) else {
                    continue;
                };
                out.push(Segment::Key(key));
            } else if content_col > limit {
                continue;
            }
            out.push(Segment::Item);
            limit = line.indent;
            sequence_at = Some(line.indent);
            continue;
        }
        let owner = sequence_at.is_some_and(|s| line.indent <= s) || line.indent < limit;
        if !owner {
            continue;
        }
        if let Some((key, _)) = key_of(line.content) {
            out.push(Segment::Key(key));
            limit = line.indent;
            sequence_at = None;
        }
    }
    out.reverse();
    out
}

/// The keys of the mapping at column `col` around line `here`, that line
/// left out; `item`: the mapping is an item's, started on that line.
fn siblings(lines: &[Line<'_>], here: usize, col: usize, item: bool) -> Vec<String> {
    let mut out = Vec::new();
    // Whether the mapping goes on past `line`, read upwards or downwards.
    let mut take = |line: &Line<'_>, up: bool| -> bool {
        if line.blank() {
            return true;
        }
        if let Some((content_col, rest)) = line.item() {
            if line.indent < col {
                // Read upwards, the item that starts the mapping holds its
                // first key; any other item left of it ends the mapping.
                if up
                    && content_col == col
                    && let Some((k, _)) = key_of(rest)
                {
                    out.push(k);
                }
                return false;
            }
            return true;
        }
        if line.indent < col {
            return false;
        }
        if line.indent == col
            && let Some((k, _)) = key_of(line.content)
        {
            out.push(k);
        }
        true
    };
    if !item {
        for line in lines[..here].iter().rev() {
            if !take(line, true) {
                break;
            }
        }
    }
    for line in &lines[here + 1..] {
        if !take(line, false) {
            break;
        }
    }
    out
}

/// The key or value under byte `offset`: the path to it, its span, and
/// whether it is a value.
pub fn hovered(text: &str, offset: usize) -> Option<(Vec<Segment>, Range<usize>, bool)> {
    let lines = lines(text)?;
    let here = lines.iter().rposition(|l| l.start <= offset)?;
    let line = lines[here];
    let (item, col, content) = match line.item() {
        Some((col, rest)) => (true, col, rest),
        None => (false, line.indent, line.content),
    };
    let start = line.start + col;
    if offset < start || offset > start + content.len() {
        return None;
    }
    let mut path = ancestors(&lines[..here], col, item.then_some(line.indent));
    if item {
        path.push(Segment::Item);
    }
    let value_span = |from: usize| {
        let rest = &content[from..];
        let end = rest.find(" #").unwrap_or(rest.len());
        start + from..start + from + rest[..end].trim_end().len()
    };
    match key_of(content) {
        Some((key, value_at)) => {
            path.push(Segment::Key(key));
            let key_end = content[..value_at].trim_end().len().saturating_sub(1);
            if offset <= start + key_end {
                Some((path, start..start + key_end, false))
            } else {
                let span = value_span(value_at);
                (!span.is_empty() && offset <= span.end).then_some((path, span, true))
            }
        }
        None if item => {
            let span = value_span(0);
            (!span.is_empty()).then_some((path, span, true))
        }
        None => None,
    }
}
