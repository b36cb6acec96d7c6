//! Writing suppressions: the edits that disable a rule for a finding's line
//! or for its whole file, and whether such an edit would hide the finding,
//! read back by this module's own parser.

use super::{Suppressions, parse};
use crate::diagnostic::Edit;
use crate::model::front_matter::block::FrontMatter;

/// Where suppressions can be written in one text.
#[derive(Clone, Debug)]
pub struct Placement {
    /// Where the body starts: comments go at or after it.
    body_start: usize,
    /// The start of the front matter's closing line, when the front matter
    /// is read and has no `postlint` key yet: `postlint: { disable: [...] }`
    /// can go there.
    front_matter_close: Option<usize>,
}

impl Placement {
    /// Read the front matter of `text` (only that) to find the places.
    pub fn of(text: &str) -> Placement {
        let (front_matter, body_start) = crate::model::front_matter::block::split(text);
        let front_matter_close = match &front_matter {
            FrontMatter::Parsed { block, .. } if front_matter.get("postlint").is_none() => {
                Some(block.close.start)
            }
            _ => None,
        };
        Placement {
            body_start,
            front_matter_close,
        }
    }

    /// `<!-- postlint-disable-next-line RULE -->` before the line of a
    /// finding at `offset`; none when the finding is not in the body of a
    /// post with front matter, as a comment cannot go inside the front matter.
    pub fn line_edit(&self, text: &str, offset: usize, rule: &str) -> Option<Edit> {
        (offset >= self.body_start && self.body_start > 0)
            .then(|| disable_next_line(text, offset, rule))
    }

    /// Disable `rule` for the whole file, for a finding at `offset`: in the
    /// front matter when the finding is there and the key can be added,
    /// else with a comment at the end of the file.
    pub fn file_edit(&self, text: &str, offset: usize, rule: &str) -> Edit {
        match self.front_matter_close {
            Some(at) if offset < self.body_start => disable_in_front_matter(text, at, rule),
            _ => disable_file(text, rule),
        }
    }
}

/// Insert `<!-- postlint-disable-next-line RULE -->` on its own line before
/// the line of `offset`, indented like it, with the line's own line ending.
pub fn disable_next_line(text: &str, offset: usize, rule: &str) -> Edit {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if line.ends_with('\r') { "\r\n" } else { "\n" };
    Edit {
        range: start..start,
        content: format!("{indent}<!-- postlint-disable-next-line {rule} -->{newline}"),
    }
}

/// Append `<!-- postlint-disable-file RULE -->` at the end of the file.
pub fn disable_file(text: &str, rule: &str) -> Edit {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let before = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        newline
    };
    Edit {
        range: text.len()..text.len(),
        content: format!("{before}<!-- postlint-disable-file {rule} -->{newline}"),
    }
}

/// Add `postlint:\n  disable: [RULE]` to the front matter, before its
/// closing line at `at`.
pub fn disable_in_front_matter(text: &str, at: usize, rule: &str) -> Edit {
    let newline = if text[..at].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Edit {
        range: at..at,
        content: format!("postlint:{newline}  disable: [{rule}]{newline}"),
    }
}

/// Would inserting `edit` (an insertion, as the functions above make) hide
/// a finding of `rule`, in `family`, at `offset`? The text is read again by
/// this module's parser, so a comment that would not be read as one (say,
/// a front matter key that breaks the YAML) does not count.
pub fn would_cover(text: &str, edit: &Edit, rule: &str, family: &str, offset: usize) -> bool {
    let at = edit.range.start;
    if edit.range.end != at || at > text.len() || !text.is_char_boundary(at) {
        return false;
    }
    let mut new = String::with_capacity(text.len() + edit.content.len());
    new.push_str(&text[..at]);
    new.push_str(&edit.content);
    new.push_str(&text[at..]);
    // The finding keeps its place in the text: after the insertion when it
    // starts there or later.
    let moved = if offset >= at {
        offset + edit.content.len()
    } else {
        offset
    };
    of_text(&new).covering(rule, family, moved).next().is_some()
}

/// The suppressions of a whole post's text.
fn of_text(text: &str) -> Suppressions {
    let (front_matter, body_start) = crate::model::front_matter::block::split(text);
    parse(text, body_start, &front_matter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_indent_and_line_endings() {
        let text = "---\r\ntitle: a\r\n---\r\n  bad line\r\n";
        let at = text.find("bad").unwrap();
        let place = Placement::of(text);
        let line = place.line_edit(text, at, "x-y").unwrap();
        assert_eq!(
            line.content,
            "  <!-- postlint-disable-next-line x-y -->\r\n"
        );
        assert_eq!(line.range, 20..20);
        assert!(would_cover(text, &line, "x-y", "x", at));
        assert!(!would_cover(text, &line, "z-y", "z", at));
        let file = place.file_edit(text, 5, "x-y");
        assert_eq!(file.content, "postlint:\r\n  disable: [x-y]\r\n");
        assert!(would_cover(text, &file, "x-y", "x", 5));
        let end = place.file_edit(text, at, "x-y");
        assert_eq!(end.range, text.len()..text.len());
        assert!(would_cover(text, &end, "x-y", "x", at));
    }

    #[test]
    fn no_line_comment_without_front_matter() {
        let text = "just text\n";
        let place = Placement::of(text);
        assert!(place.line_edit(text, 2, "x-y").is_none());
        let file = place.file_edit(text, 2, "x-y");
        assert_eq!(file.content, "<!-- postlint-disable-file x-y -->\n");
    }
}
