//! Applying fix edits to a text.

use crate::diagnostic::Edit;

/// Apply `edits` to `text`. Edits are applied in order of position; an edit
/// that overlaps one already taken is left out and returned, so that a later
/// pass can apply it to the new text.
pub fn apply(text: &str, edits: &[Edit]) -> (String, Vec<Edit>) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut skipped = Vec::new();
    for edit in sorted {
        if edit.range.start < pos || edit.range.end > text.len() {
            skipped.push(edit.clone());
            continue;
        }
        out.push_str(&text[pos..edit.range.start]);
        out.push_str(&edit.content);
        pos = edit.range.end;
    }
    out.push_str(&text[pos..]);
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: std::ops::Range<usize>, content: &str) -> Edit {
        Edit {
            range,
            content: content.into(),
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let (out, skipped) = apply(
            "abcdef",
            &[edit(4..5, "E"), edit(0..2, "AB"), edit(1..3, "x")],
        );
        assert_eq!(out, "ABcdEf");
        assert_eq!(skipped, vec![edit(1..3, "x")]);
    }

    #[test]
    fn insertions() {
        let (out, _) = apply("ab", &[edit(1..1, "-"), edit(2..2, "!")]);
        assert_eq!(out, "a-b!");
    }
}
