//! Every link in the body: HTML `<a href>` elements (through lol_html's
//! streaming tokenizer, which reports byte ranges) and Markdown `[text](url)`.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, element};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorKind {
    Html,
    Markdown,
}

/// One link. Text and href are kept as raw source (entities not decoded).
#[derive(Clone, Debug)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The href value, without quotes.
    pub href: Range<usize>,
    /// The whole element or link (for HTML: the start tag to the end tag).
    pub span: Range<usize>,
    /// Between the start and the end tag (or the brackets). Empty when the
    /// element is never closed.
    pub content: Range<usize>,
    /// The text content, tags stripped, entities not decoded.
    pub text: String,
    /// The content holds other tags (`<a><b>x</b></a>`).
    pub nested_tags: bool,
}

/// Find the anchors in `text[range]` (the body). `skip` is a span whose
/// Markdown links are not anchors (the header link).
pub fn parse(text: &str, range: Range<usize>, skip: Option<Range<usize>>) -> Vec<Anchor> {
    let base = range.start;
    let body = &text[range.clone()];
    let has = |needle: &[u8]| memchr::memmem::find(body.as_bytes(), needle).is_some();
    let mut anchors = if has(b"<a") || has(b"<A") {
        html_anchors(text, body, base)
    } else {
        Vec::new()
    };
    markdown_links(body, base, skip, &mut anchors);
    anchors.sort_by_key(|a| a.span.start);
    anchors
}

fn html_anchors(text: &str, body: &str, base: usize) -> Vec<Anchor> {
    let state = Rc::new(RefCell::new(Vec::<Anchor>::new()));
    let on_element = Rc::clone(&state);
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("a[href]", move |el| {
            let Some(href) = el
                .attributes()
                .iter()
                .find(|a| a.name() == "href")
                .and_then(|a| a.value_source_location())
            else {
                return Ok(());
            };
            let tag = el.source_location().bytes();
            let href = href.bytes();
            let index = {
                let mut anchors = on_element.borrow_mut();
                anchors.push(Anchor {
                    kind: AnchorKind::Html,
                    href: base + href.start..base + href.end,
                    span: base + tag.start..base + tag.end,
                    content: base + tag.end..base + tag.end,
                    text: String::new(),
                    nested_tags: false,
                });
                anchors.len() - 1
            };
            let on_end = Rc::clone(&on_element);
            let handler: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                let end = end.source_location().bytes();
                let a = &mut on_end.borrow_mut()[index];
                a.content.end = base + end.start;
                a.span.end = base + end.end;
                Ok(())
            });
            // A self-closing element has no end tag, and so no content.
            let _ = el.on_end_tag(handler);
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // lol_html only fails on memory limits or handler errors; neither is set
    // here, so a failure only loses the anchors seen so far.
    let ok = rewriter.write(body.as_bytes()).is_ok();
    if ok {
        let _ = rewriter.end();
    }
    let mut anchors = std::mem::take(&mut *state.borrow_mut());
    for a in &mut anchors {
        if a.content.end < a.content.start {
            a.content.end = a.content.start;
        }
        let content = &text[a.content.clone()];
        a.nested_tags = content.contains('<');
        a.text = strip_tags(content);
    }
    anchors
}

/// The text of an element's content: tags removed, entities kept.
fn strip_tags(content: &str) -> String {
    if !content.contains('<') {
        return content.to_string();
    }
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown inline links `[text](url)` on one line, not images.
fn markdown_links(body: &str, base: usize, skip: Option<Range<usize>>, out: &mut Vec<Anchor>) {
    let bytes = body.as_bytes();
    for mid in memchr::memmem::find_iter(bytes, b"](") {
        // The opening bracket: the nearest unmatched `[` before, on this line.
        let mut depth = 0usize;
        let mut open = None;
        for i in (0..mid).rev() {
            match bytes[i] {
                b'\n' => break,
                b']' => depth += 1,
                b'[' if depth == 0 => {
                    open = Some(i);
                    break;
                }
                b'[' => depth -= 1,
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        if open > 0 && bytes[open - 1] == b'!' {
            continue;
        }
        let url_start = mid + 2;
        let mut end = url_start;
        let mut parens = 0usize;
        while end < bytes.len() {
            match bytes[end] {
                b'(' => parens += 1,
                b')' if parens == 0 => break,
                b')' => parens -= 1,
                b' ' | b'\t' | b'\n' | b'\r' | b'<' | b'>' | b'"' => break,
                _ => {}
            }
            end += 1;
        }
        if end >= bytes.len() || bytes[end] != b')' || end == url_start {
            continue;
        }
        let span = base + open..base + end + 1;
        if skip
            .as_ref()
            .is_some_and(|s| s.start <= span.start && span.end <= s.end)
        {
            continue;
        }
        let content = base + open + 1..base + mid;
        out.push(Anchor {
            kind: AnchorKind::Markdown,
            href: base + url_start..base + end,
            span,
            content,
            text: body[open + 1..mid].to_string(),
            nested_tags: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_anchor_spans() {
        let text = "x<p><a href=\"/tag/a.html\">A &amp; <b>B</b></a> <a href='y'>z</a></p>";
        let anchors = parse(text, 1..text.len(), None);
        assert_eq!(anchors.len(), 2);
        let a = &anchors[0];
        assert_eq!(&text[a.href.clone()], "/tag/a.html");
        assert_eq!(&text[a.content.clone()], "A &amp; <b>B</b>");
        assert_eq!(a.text, "A &amp; B");
        assert!(a.nested_tags);
        assert_eq!(
            &text[a.span.clone()],
            "<a href=\"/tag/a.html\">A &amp; <b>B</b></a>"
        );
        assert_eq!(anchors[1].text, "z");
    }

    #[test]
    fn anchors_in_iframe_text_are_not_links() {
        let text = "<iframe><a href=\"/tag/x\">x</a></iframe>";
        assert!(parse(text, 0..text.len(), None).is_empty());
    }

    #[test]
    fn unclosed_anchor_keeps_its_href() {
        let text = "<a href=\"/tag/x\">x";
        let anchors = parse(text, 0..text.len(), None);
        assert_eq!(anchors.len(), 1);
        assert!(anchors[0].content.is_empty());
    }

    #[test]
    fn markdown_links_but_not_images() {
        let text = "see [a [b]](https://t.test/tag/x) and ![i](img.png)";
        let anchors = parse(text, 0..text.len(), None);
        assert_eq!(anchors.len(), 1);
        assert_eq!(anchors[0].text, "a [b]");
        assert_eq!(&text[anchors[0].href.clone()], "https://t.test/tag/x");
    }
}
