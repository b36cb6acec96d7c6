//! The open documents: their text, version and path, and the result of
//! checking each version, kept so that requests do not check again.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

use lsp_types as lsp;

use super::position::{Encoding, LineStarts};
use super::pull_state::Report;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::summary::compact::PostSummary;
use crate::model::suppress::edit::Placement;

pub struct Document {
    pub text: String,
    pub version: i32,
    /// The file the document is, for config discovery and the rules that
    /// read the file name.
    pub path: PathBuf,
    /// Whether `path` is a real file (a `file:` URI).
    pub on_disk: bool,
    /// The text's line starts, built at the first incremental change and
    /// kept through the next ones.
    starts: Option<LineStarts>,
    /// What checking the current version found, and the settings it was
    /// checked with.
    checked: Option<(Arc<Config>, Rc<Checked>)>,
    /// The report of this version pulled last, and the session's
    /// generation it was made at.
    pub report: Option<(u64, Rc<Report>)>,
}

/// What checking one version of a document found.
pub struct Checked {
    /// The post's own findings (not the whole-repository ones).
    pub found: Vec<Diagnostic>,
    /// The summary for the whole-repository rules, when any is on.
    pub summary: Option<PostSummary>,
    /// Where suppressions can be written, read when first asked for.
    placement: OnceCell<Placement>,
}

impl Checked {
    pub fn new(found: Vec<Diagnostic>, summary: Option<PostSummary>) -> Checked {
        Checked {
            found,
            summary,
            placement: OnceCell::new(),
        }
    }

    pub fn placement(&self, text: &str) -> &Placement {
        self.placement.get_or_init(|| Placement::of(text))
    }
}

impl Document {
    pub fn open(item: lsp::TextDocumentItem) -> Document {
        let (path, on_disk) = match file_path(&item.uri) {
            Some(p) => (p, true),
            None => (PathBuf::from(uri_path(&item.uri)), false),
        };
        Document {
            text: item.text,
            version: item.version,
            path,
            on_disk,
            starts: None,
            checked: None,
            report: None,
        }
    }

    /// Apply a client's changes, in order, and take the new version.
    pub fn change(
        &mut self,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => {
                    self.text = change.text;
                    self.starts = None;
                }
                Some(range) => {
                    // The text is edited where it is, and its line starts
                    // follow: no change scans or copies the whole document.
                    let starts = self
                        .starts
                        .get_or_insert_with(|| LineStarts::new(&self.text));
                    let span = starts.span(&self.text, range, encoding);
                    self.text.replace_range(span.clone(), &change.text);
                    starts.edit(span, &change.text);
                }
            }
        }
        self.version = version;
        self.checked = None;
        self.report = None;
    }

    /// What checking this version with `config` found, if it was checked
    /// with exactly these settings.
    pub fn checked(&self, config: &Arc<Config>) -> Option<Rc<Checked>> {
        let (with, checked) = self.checked.as_ref()?;
        Arc::ptr_eq(with, config).then(|| checked.clone())
    }

    pub fn keep_checked(&mut self, config: Arc<Config>, checked: Rc<Checked>) {
        self.checked = Some((config, checked));
    }

    /// The config changed: check again when next asked.
    pub fn forget_checked(&mut self) {
        self.checked = None;
    }
}

/// The text of the open document that is the file at `path`, if any: what
/// the whole-repository rules read instead of the file.
pub fn open_text<'a>(
    mut documents: impl Iterator<Item = &'a Document>,
    path: &std::path::Path,
) -> Option<String> {
    documents.find(|d| d.path == path).map(|d| d.text.clone())
}

/// The file a `file:` URI names.
pub fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The decoded path of any URI, for documents that are not files.
fn uri_path(uri: &lsp::Uri) -> String {
    url::Url::parse(uri.as_str())
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_string))
        })
        .map(|s| crate::model::tag::pattern::percent_decode_strict(&s).unwrap_or(s))
        .unwrap_or_else(|| "untitled.md".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_edits_to_a_large_document_cost_little() {
        let line = "<p>line of a large document</p>\n";
        let text = line.repeat(20 * 1024 * 1024 / line.len());
        let lines = text.lines().count() as u32;
        let mut doc = Document::open(lsp::TextDocumentItem {
            uri: "untitled:big.md".parse().unwrap(),
            language_id: "markdown".into(),
            version: 1,
            text,
        });
        let start = std::time::Instant::now();
        for i in 0..200 {
            // From the end towards the start, and from the start: every
            // edit far from where the previous one was.
            let at = if i % 2 == 0 { lines - 1 - i } else { i };
            let range = lsp::Range::new(lsp::Position::new(at, 3), lsp::Position::new(at, 7));
            let change = lsp::TextDocumentContentChangeEvent {
                range: Some(range),
                range_length: None,
                text: "LINE\nmore".into(),
            };
            doc.change(vec![change], 2 + i as i32, Encoding::Utf16);
        }
        let took = start.elapsed();
        assert!(took.as_secs() < 20, "200 edits took {took:?}");
        assert_eq!(doc.text.matches("<p>LINE\nmore of").count(), 200);
    }
}
