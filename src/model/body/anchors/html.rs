//! The lol_html driver: the HTML `<a href>` elements of a body, through
//! lol_html's streaming tokenizer (which reports byte ranges), run only over
//! the regions the pre-scanner proves hold them.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, element};

use super::anchor::{Anchor, AnchorKind};
use super::scan::{anchor_regions, find_byte, simple_anchor};

/// The HTML anchors of `body` (which starts at `base` in `text`), as a full
/// lol_html pass over the body finds them, but with the tokenizer run only
/// over the regions that hold `<a>` elements when [`anchor_regions`] can
/// prove where those are, and not even there for a region that is one
/// plain `<a>` element.
pub(super) fn html_anchors(text: &str, body: &str, base: usize) -> Vec<Anchor> {
    let Some(regions) = anchor_regions(body.as_bytes()) else {
        return tokenize_regions(text, body, base, std::slice::from_ref(&(0..body.len())));
    };
    // A region that is one plain `<a>` element is read directly; the rest
    // go to the tokenizer, as one stream (each starts and ends in the data
    // state with no element open, so leaving some out changes nothing).
    let mut anchors = Vec::with_capacity(regions.len());
    let mut rest = Vec::new();
    for r in regions {
        match simple_anchor(body.as_bytes(), base, &r) {
            Some(anchor) => anchors.extend(anchor),
            None => rest.push(r.span),
        }
    }
    if !rest.is_empty() {
        anchors.extend(tokenize_regions(text, body, base, &rest));
        anchors.sort_by_key(|a| a.span.start);
    }
    anchors
}

/// The HTML anchors of `body` from one lol_html pass over all of it: what
/// [`html_anchors`] must always agree with.
#[doc(hidden)]
pub fn html_anchors_full(text: &str, range: Range<usize>) -> Vec<Anchor> {
    let body = &text[range.clone()];
    tokenize_regions(
        text,
        body,
        range.start,
        std::slice::from_ref(&(0..body.len())),
    )
}

/// The HTML anchors of `body`, by [`html_anchors`] (regions when provable).
#[doc(hidden)]
pub fn html_anchors_fast(text: &str, range: Range<usize>) -> Vec<Anchor> {
    html_anchors(text, &text[range.clone()], range.start)
}

/// Whether [`html_anchors`] can tokenize `body` by regions (else it
/// tokenizes the whole body).
#[doc(hidden)]
pub fn regions_provable(body: &str) -> bool {
    anchor_regions(body.as_bytes()).is_some()
}

/// Run lol_html over the `regions` of `body`, in order, as one stream. Each
/// region starts in the tokenizer's data state with no element open, and
/// ends where every element opened in it is closed again (or at the end of
/// the body), so that the stream tokenizes them as the whole body does.
fn tokenize_regions(text: &str, body: &str, base: usize, regions: &[Range<usize>]) -> Vec<Anchor> {
    if regions.is_empty() {
        return Vec::new();
    }
    // Where each region starts in the stream, to map offsets back.
    let mut starts = Vec::with_capacity(regions.len());
    let mut at = 0usize;
    for r in regions {
        starts.push((at, base + r.start));
        at += r.len();
    }
    let starts = Rc::new(starts);
    let to_text = move |starts: &[(usize, usize)], offset: usize| {
        // The region holding `offset`: the last that starts at or before it.
        let i = starts.partition_point(|&(s, _)| s <= offset) - 1;
        offset - starts[i].0 + starts[i].1
    };
    let state = Rc::new(RefCell::new(Vec::<Anchor>::new()));
    let on_element = Rc::clone(&state);
    let on_element_starts = Rc::clone(&starts);
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
            // A tag lies in one region, so its offsets move together.
            let shift = to_text(&on_element_starts, tag.start) - tag.start;
            let index = {
                let mut anchors = on_element.borrow_mut();
                anchors.push(Anchor {
                    kind: AnchorKind::Html,
                    href: shift + href.start..shift + href.end,
                    span: shift + tag.start..shift + tag.end,
                    content: shift + tag.end..shift + tag.end,
                    nested_tags: false,
                });
                anchors.len() - 1
            };
            let on_end = Rc::clone(&on_element);
            let on_end_starts = Rc::clone(&on_element_starts);
            let handler: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                let end = end.source_location().bytes();
                let shift = to_text(&on_end_starts, end.start) - end.start;
                let a = &mut on_end.borrow_mut()[index];
                a.content.end = shift + end.start;
                a.span.end = shift + end.end;
                Ok(())
            });
            // A self-closing element has no end tag, and so no content.
            let _ = el.on_end_tag(handler);
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // lol_html only fails on memory limits or handler errors; neither is set
    // here, so a failure only loses the anchors seen so far.
    let ok = regions
        .iter()
        .all(|r| rewriter.write(&body.as_bytes()[r.clone()]).is_ok());
    if ok {
        let _ = rewriter.end();
    }
    let mut anchors = std::mem::take(&mut *state.borrow_mut());
    for a in &mut anchors {
        if a.content.end < a.content.start {
            a.content.end = a.content.start;
        }
        a.nested_tags = find_byte(text[a.content.clone()].as_bytes(), 0, b'<').is_some();
    }
    anchors
}
