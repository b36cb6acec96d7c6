//! Fixing one post: [`fix`] checks a text, applies the fixes the settings
//! allow, checks again and repeats until nothing changes. No I/O: the
//! caller puts the result on disk.

use std::ops::Range;
use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

/// At most this many check-and-fix passes over one text.
pub const MAX_ITERATIONS: usize = 100;

/// The result of fixing one text.
#[derive(Clone, Debug)]
pub struct Fixed {
    /// The text with every applicable fix applied.
    pub text: String,
    /// How many fixes were applied, over all passes.
    pub fixes: usize,
    /// The findings of the fixed text.
    pub remaining: Vec<Diagnostic>,
    /// The fixed text's summary for the whole-repository rules, when any
    /// is on (see [`super::check`]).
    pub summary: Option<crate::model::summary::compact::PostSummary>,
    /// Whether the last pass had nothing left to apply. `false` when the
    /// loop stopped at [`MAX_ITERATIONS`] with fixes still applicable: the
    /// text is fixed as far as it went, and the caller should say so.
    pub converged: bool,
    /// Findings of the fixed text left out because a rule reached
    /// [`crate::rules::MAX_FINDINGS_PER_RULE`].
    pub over_limit: usize,
}

/// Which fixes may be applied: safe ones always (for the rules the config
/// lets fix), unsafe ones only when `unsafe_fixes` is set.
pub fn applicable<'d>(d: &'d Diagnostic, config: &Config, unsafe_fixes: bool) -> Option<&'d Fix> {
    let fix = d.fix.as_ref()?;
    let allowed = fix.applicability == Applicability::Safe || unsafe_fixes;
    (allowed && config.is_fixable(d.rule)).then_some(fix)
}

/// Check `text`, apply the applicable fixes, and repeat on the new text until
/// a pass applies nothing (at most [`MAX_ITERATIONS`] passes;
/// [`Fixed::converged`] says whether it got there). Fixes whose edits
/// overlap are never applied in the same pass: the later one waits for the
/// next pass, where it is computed afresh. Bytes outside the applied edits
/// never change.
pub fn fix(path: &Path, text: &str, config: &Config, unsafe_fixes: bool) -> Fixed {
    fix_with(
        text,
        |t| super::check(path, t, config),
        |d| applicable(d, config, unsafe_fixes).is_some(),
    )
}

/// The fix loop over any check: `allowed` says which findings' fixes apply.
fn fix_with(
    text: &str,
    check: impl Fn(&str) -> super::Checked,
    allowed: impl Fn(&Diagnostic) -> bool,
) -> Fixed {
    // One pass over `current`: the new text and how many fixes it applied.
    let pass = |current: &str, checked: &super::Checked| {
        let chosen: Vec<&Fix> = checked
            .diagnostics
            .iter()
            .filter(|d| allowed(d))
            .filter_map(|d| d.fix.as_ref())
            .collect();
        apply_fixes(current, &chosen)
    };
    let mut current = text.to_string();
    let mut fixes = 0;
    let mut checked = check(&current);
    let mut converged = false;
    for _ in 0..MAX_ITERATIONS {
        let (next, applied) = pass(&current, &checked);
        if applied == 0 || next == current {
            converged = true;
            break;
        }
        fixes += applied;
        current = next;
        checked = check(&current);
    }
    if !converged {
        // The last pass may have left nothing to apply after all.
        let (next, applied) = pass(&current, &checked);
        converged = applied == 0 || next == current;
    }
    Fixed {
        text: current,
        fixes,
        remaining: checked.diagnostics,
        summary: checked.summary,
        converged,
        over_limit: checked.over_limit,
    }
}

/// Apply whole fixes, in order of their first edit. A fix is applied with
/// all its edits or not at all: if any of its edits overlaps an edit already
/// taken in this pass, or falls outside the text, the whole fix is skipped.
/// Returns the new text and the number of fixes applied.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut order: Vec<&Fix> = fixes.to_vec();
    order.sort_by_key(|f| {
        f.edits
            .iter()
            .map(|e| (e.range.start, e.range.end))
            .min()
            .unwrap_or((usize::MAX, usize::MAX))
    });
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in order {
        let valid = !fix.edits.is_empty()
            && fix.edits.iter().all(|e| in_text(text, &e.range))
            && fix.edits.iter().enumerate().all(|(i, e)| {
                // A fix's own insertions at one place keep their order.
                fix.edits[..i]
                    .iter()
                    .all(|o| !(o.range.start < e.range.end && e.range.start < o.range.end))
                    && taken.iter().all(|t| !overlaps(&t.range, &e.range))
            });
        if valid {
            taken.extend(&fix.edits);
            applied += 1;
        }
    }
    let edits: Vec<Edit> = taken.into_iter().cloned().collect();
    let (out, skipped) = apply(text, &edits);
    debug_assert!(skipped.is_empty());
    (out, applied)
}

/// Is `range` a valid range of `text`, on character boundaries?
fn in_text(text: &str, range: &Range<usize>) -> bool {
    range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Do two edits' ranges conflict? Ranges that only touch do not, but two
/// insertions at the same place do (their order would be arbitrary), and so
/// does an insertion strictly inside a replaced range.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
}

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
        if edit.range.start < pos || !in_text(text, &edit.range) {
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

    fn edit(range: Range<usize>, content: &str) -> Edit {
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

    #[test]
    fn a_fix_is_applied_whole_or_not_at_all() {
        let first = Fix::safe("first", vec![edit(0..2, "AB")]);
        // Its second edit overlaps the first fix, so neither edit is applied.
        let second = Fix::safe("second", vec![edit(4..5, "E"), edit(1..2, "x")]);
        let third = Fix::unsafe_("third", vec![edit(5..6, "F")]);
        let (out, applied) = apply_fixes("abcdef", &[&second, &first, &third]);
        assert_eq!(out, "ABcdeF");
        assert_eq!(applied, 2);
    }

    #[test]
    fn one_fix_may_insert_twice_at_one_place() {
        let fix = Fix::safe("two", vec![edit(1..1, "x"), edit(1..1, "y")]);
        assert_eq!(apply_fixes("ab", &[&fix]), ("axyb".to_string(), 1));
        let other = Fix::safe("other", vec![edit(1..1, "z")]);
        assert_eq!(apply_fixes("ab", &[&fix, &other]), ("axyb".to_string(), 1));
    }

    #[test]
    fn conflicting_ranges() {
        assert!(overlaps(&(0..2), &(1..3)));
        assert!(!overlaps(&(0..2), &(2..3)));
        assert!(overlaps(&(2..2), &(2..2)));
        assert!(!overlaps(&(2..2), &(2..4)));
        assert!(overlaps(&(3..3), &(2..4)));
        assert!(!overlaps(&(4..4), &(2..4)));
    }

    #[test]
    fn edits_off_the_text_or_inside_a_character_skip_the_fix() {
        let fix = Fix::safe("bad", vec![edit(0..1, "x"), edit(1..2, "y")]);
        let (out, applied) = apply_fixes("é", &[&fix]);
        assert_eq!((out.as_str(), applied), ("é", 0));
        let fix = Fix::safe("bad", vec![edit(3..9, "x")]);
        assert_eq!(apply_fixes("abc", &[&fix]), ("abc".to_string(), 0));
    }

    /// A check whose fix never runs out: each pass appends one more `x`.
    fn endless(text: &str) -> crate::engine::Checked {
        let mut d = Diagnostic::new("test-rule", 0..0, "grows");
        d.fix = Some(Fix::safe("grow", vec![edit(text.len()..text.len(), "x")]));
        crate::engine::Checked {
            diagnostics: vec![d],
            ..Default::default()
        }
    }

    #[test]
    fn a_loop_that_never_settles_says_so() {
        let fixed = fix_with("", endless, |_| true);
        assert!(!fixed.converged);
        assert_eq!(fixed.fixes, MAX_ITERATIONS);
        assert_eq!(fixed.text, "x".repeat(MAX_ITERATIONS));
        // A fix that is not allowed is never applied, so the loop settles.
        let held = fix_with("", endless, |_| false);
        assert!(held.converged);
        assert_eq!((held.fixes, held.text.as_str()), (0, ""));
    }

    #[test]
    fn a_loop_that_settles_on_its_last_pass_says_so() {
        // Offers a fix until the text holds MAX_ITERATIONS `x`s.
        let capped = |text: &str| {
            if text.len() < MAX_ITERATIONS {
                endless(text)
            } else {
                crate::engine::Checked::default()
            }
        };
        let fixed = fix_with("", capped, |_| true);
        assert!(fixed.converged);
        assert_eq!(fixed.fixes, MAX_ITERATIONS);
    }

    #[test]
    fn fixing_repeats_until_nothing_changes() {
        let post = "---\ntitle: \"Bridge\"\ndate: 2022-10-31T16:39:58Z\nfrom: https://news.example.com/a.html\ntitle: \"Bridge\"\n---\n<!--NaN-->\n";
        let config = Config::default();
        let path = Path::new("_posts/2022-10-31-bridge.md");
        let safe = fix(path, post, &config, false);
        assert_eq!(safe.fixes, 1);
        assert_eq!(safe.remaining.len(), 1);
        assert_eq!(safe.remaining[0].rule, "timestamp-malformed");
        let all = fix(path, post, &config, true);
        assert_eq!(all.fixes, 2);
        assert!(all.remaining.is_empty(), "{:?}", all.remaining);
        assert!(all.text.ends_with("---\n<!--1667234398000-->\n"));
        assert!(safe.converged && all.converged);
        let again = fix(path, &all.text, &config, true);
        assert_eq!((again.fixes, again.text), (0, all.text));
    }
}
