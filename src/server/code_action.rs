//! `textDocument/codeAction`: each finding's fix and suppressions under the
//! cursor, and "fix everything safe", from what the document's version found.

use std::collections::HashMap;

use lsp_types as lsp;

use super::diagnostics::to_lsp;
use super::position::Lines;
use super::session::Session;
use super::{FIX_ALL_KIND, MAX_DOCUMENT, RequestError, linter};
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::model::suppress::edit::{Placement, would_cover};

impl Session {
    pub fn code_actions(
        &mut self,
        params: &lsp::CodeActionParams,
    ) -> Result<Vec<lsp::CodeAction>, RequestError> {
        let uri = &params.text_document.uri;
        if self.document(uri)?.text.len() > MAX_DOCUMENT {
            return Ok(Vec::new());
        }
        let Some((checked, config)) = self.checked(uri) else {
            return Ok(Vec::new());
        };
        let doc = self.document(uri)?;
        let text = doc.text.as_str();
        let lines = Lines::new(text, self.encoding);
        let wanted = lines.span(params.range);
        let only = params.context.only.as_deref();
        let kind_wanted = |kind: &str| {
            only.is_none_or(|only| {
                only.iter().any(|o| {
                    let o = o.as_str();
                    kind == o || kind.starts_with(&format!("{o}."))
                })
            })
        };
        let mut actions = Vec::new();
        let edit = |edits: &[Edit]| {
            let changes = edits
                .iter()
                .map(|e| lsp::TextEdit::new(lines.range(&e.range), e.content.clone()))
                .collect();
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), changes)])),
                ..Default::default()
            }
        };
        if kind_wanted(lsp::CodeActionKind::QUICKFIX.as_str()) {
            let placement = checked.placement(text);
            for d in &checked.found {
                let touches = d.span.start <= wanted.end && wanted.start <= d.span.end;
                if !touches {
                    continue;
                }
                let diagnostic = to_lsp(
                    &self.settings,
                    self.encoding,
                    uri,
                    &lines,
                    d,
                    &HashMap::new(),
                );
                let quickfix = |title: String, edits: &[Edit], preferred: bool| lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit(edits)),
                    is_preferred: preferred.then_some(true),
                    ..Default::default()
                };
                if let Some(fix) = &d.fix {
                    let title = match fix.applicability {
                        Applicability::Safe => format!("Fix: {}", fix.title),
                        Applicability::Unsafe => format!("Fix: {} (unsafe)", fix.title),
                    };
                    let safe = fix.applicability == Applicability::Safe;
                    actions.push(quickfix(title, &fix.edits, safe));
                }
                for (title, e) in suppressions_for(text, placement, d) {
                    actions.push(quickfix(title, &[e], false));
                }
            }
        }
        if kind_wanted(FIX_ALL_KIND) && checked.found.iter().any(|d| d.fix.is_some()) {
            let (fixed, fixes) = linter::fix_all(&doc.path, text, &config);
            if fixed != text {
                let (start, end, content) = minimal_change(text, &fixed);
                let e = Edit {
                    range: start..end,
                    content: content.to_string(),
                };
                actions.push(lsp::CodeAction {
                    title: format!("Fix all safely fixable postlint problems ({fixes})"),
                    kind: Some(lsp::CodeActionKind::new(FIX_ALL_KIND)),
                    edit: Some(edit(&[e])),
                    ..Default::default()
                });
            }
        }
        Ok(actions)
    }
}

/// The suppressions to offer for the finding `d`: for its line, then for
/// the file; each only when it would hide the finding.
fn suppressions_for(text: &str, placement: &Placement, d: &Diagnostic) -> Vec<(String, Edit)> {
    let (at, family) = (d.span.start, linter::family(d.rule));
    let works = |e: &Edit| would_cover(text, e, d.rule, family, at);
    let line = placement
        .line_edit(text, at, d.rule)
        .filter(works)
        .map(|e| (format!("Disable {} for this line", d.rule), e));
    let file = Some(placement.file_edit(text, at, d.rule))
        .filter(works)
        .map(|e| (format!("Disable {} for this file", d.rule), e));
    line.into_iter().chain(file).collect()
}

/// The one replacement that turns `old` into `new`: the common prefix and
/// suffix are left alone (on character boundaries).
fn minimal_change<'n>(old: &str, new: &'n str) -> (usize, usize, &'n str) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix, old.len() - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    #[test]
    fn minimal_change_keeps_prefix_and_suffix() {
        assert_eq!(minimal_change("abcdef", "abXdef"), (2, 3, "X"));
        assert_eq!(minimal_change("ab", "abc"), (2, 2, "c"));
        assert_eq!(minimal_change("aaa", "aa"), (2, 3, ""));
        // 王 is E7 8E 8B and 玉 is E7 8E 89: the change starts at the char.
        assert_eq!(minimal_change("x王y", "x玉y"), (1, 4, "玉"));
    }

    /// Whether a suppression is offered is decided by reading it back, not
    /// by checking again; on every rule's examples and the example site it
    /// agrees with checking the post again with the suppression written.
    #[test]
    fn offered_suppressions_are_those_a_second_check_confirms() {
        let config = Config::default();
        let mut posts: Vec<(String, String)> = Vec::new();
        for rule in crate::rules::RULES {
            for example in &rule.meta().examples {
                let path = example
                    .path
                    .clone()
                    .unwrap_or_else(|| "_posts/2022-10-31-bridge.md".into());
                posts.push((path, example.text.clone()));
            }
        }
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site/_posts");
        for entry in std::fs::read_dir(site).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            posts.push((
                format!("_posts/{}", path.file_name().unwrap().to_string_lossy()),
                text,
            ));
        }
        let mut offered = 0;
        for (path, text) in &posts {
            let path = Path::new(path);
            let count = |t: &str, rule: &str| {
                crate::check(path, t, &config)
                    .iter()
                    .filter(|x| x.rule == rule)
                    .count()
            };
            let placement = Placement::of(text);
            for d in crate::check(path, text, &config) {
                let ours: Vec<Edit> = suppressions_for(text, &placement, &d)
                    .into_iter()
                    .map(|(_, e)| e)
                    .collect();
                let candidates = placement
                    .line_edit(text, d.span.start, d.rule)
                    .into_iter()
                    .chain([placement.file_edit(text, d.span.start, d.rule)]);
                let rechecked: Vec<Edit> = candidates
                    .filter(|e| {
                        let (new, _) = crate::engine::fix::apply(text, std::slice::from_ref(e));
                        count(&new, d.rule) < count(text, d.rule)
                    })
                    .collect();
                assert_eq!(ours, rechecked, "{} in {}:\n{text}", d.rule, path.display());
                offered += ours.len();
            }
        }
        assert!(offered > 50, "only {offered} suppressions offered");
    }
}
