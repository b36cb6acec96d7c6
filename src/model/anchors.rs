//! Every link in the body: HTML `<a href>` elements (through lol_html's
//! streaming tokenizer, which reports byte ranges) and Markdown `[text](url)`.

use std::borrow::Cow;
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
    /// The content holds other tags (`<a><b>x</b></a>`).
    pub nested_tags: bool,
}

impl Anchor {
    /// Its text in `source` (the post it was found in): the content with
    /// tags removed (a Markdown link's text as written), entities not
    /// decoded. Made when asked for, as few anchors are ever read so.
    pub fn text<'t>(&self, source: &'t str) -> Cow<'t, str> {
        let content = &source[self.content.clone()];
        match self.kind {
            AnchorKind::Html => strip_tags(content),
            AnchorKind::Markdown => Cow::Borrowed(content),
        }
    }
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

/// The HTML anchors of `body` (which starts at `base` in `text`), as a full
/// lol_html pass over the body finds them, but with the tokenizer run only
/// over the regions that hold `<a>` elements when [`anchor_regions`] can
/// prove where those are, and not even there for a region that is one
/// plain `<a>` element.
fn html_anchors(text: &str, body: &str, base: usize) -> Vec<Anchor> {
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

/// What a start tag's name means to [`anchor_regions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TagKind {
    /// `<a>`.
    A,
    /// A tag after which the tokenizer reads script data or plain text, or
    /// enters foreign content (where CDATA sections and other namespace
    /// rules apply): `script`, `plaintext`, `svg`, `math`. A body with any
    /// of them is tokenized whole.
    Unhandled,
    /// A tag whose content is raw text or RCDATA: no tags in it, up to the
    /// first end tag of the same name.
    RawText,
    /// An element that lol_html never puts on its stack of open elements.
    Void,
    Other,
}

/// The kind of the tag named `name`, in any case: one look at the name,
/// lowercased once, instead of comparing it with each list in turn.
fn tag_kind(name: &[u8]) -> TagKind {
    // The longest name that is not `Other` (`plaintext`) has 9 bytes.
    let mut lower = [0u8; 9];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return TagKind::Other;
    };
    for (l, b) in lower.iter_mut().zip(name) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"a" => TagKind::A,
        b"script" | b"plaintext" | b"svg" | b"math" => TagKind::Unhandled,
        b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes"
        | b"noscript" => TagKind::RawText,
        b"area" | b"base" | b"basefont" | b"bgsound" | b"br" | b"col" | b"embed" | b"hr"
        | b"img" | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source" | b"track"
        | b"wbr" => TagKind::Void,
        _ => TagKind::Other,
    }
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

/// A stretch of a body that anchors lie in, by [`anchor_regions`].
struct Region {
    /// From an outermost `<a` start tag to the end of the end tag that
    /// closes it (or to the end of the body).
    span: Range<usize>,
    /// Where that end tag starts; `None` when the body ends first.
    close: Option<usize>,
    /// Between the two tags there are only text and tags other than `<a>`,
    /// raw-text elements, comments and `</>`, each ending plainly.
    plain: bool,
}

/// The regions of `body` that the anchors lie in: from each outermost `<a`
/// start tag to the end tag that closes it (or the end of the body). A
/// cheap scan of every tag proves that each region starts in the data
/// state with no `<a>` open; `None` when it meets anything it does not
/// follow exactly (a comment of an unusual shape, a doctype, CDATA, a
/// processing instruction, a raw-text or foreign element, a tag cut off by
/// the end, or an end tag inside a region that may close an element opened
/// before it), and the whole body must be tokenized.
fn anchor_regions(body: &[u8]) -> Option<Vec<Region>> {
    let mut regions = Vec::new();
    // The open region: where it starts and whether it is plain so far, and
    // the names of the elements opened in it that are still open (the
    // `<a>` first).
    let mut region: Option<(usize, bool)> = None;
    let mut open: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    while let Some(lt) = find_byte(body, pos, b'<') {
        match body.get(lt + 1) {
            Some(b) if b.is_ascii_alphabetic() => {
                let name = lt + 1..tag_name_end(body, lt + 1)?;
                let (mut end, plain_end) = tag_end(body, name.end)?;
                let tag_name = &body[name.clone()];
                let kind = tag_kind(tag_name);
                if kind == TagKind::Unhandled {
                    return None;
                }
                if kind == TagKind::RawText {
                    // lol_html does not switch to raw text after `<xmp a=>`.
                    if !plain_end {
                        return None;
                    }
                    // Its end tag is read as any other, below.
                    end = raw_text_end(body, end, tag_name)?;
                }
                let is_a = kind == TagKind::A;
                match &mut region {
                    None if is_a => {
                        region = Some((lt, true));
                        open.clear();
                    }
                    Some((_, plain)) => {
                        *plain &= !is_a && plain_end && kind != TagKind::RawText;
                    }
                    None => {}
                }
                if region.is_some() && kind != TagKind::Void {
                    open.push(name);
                }
                pos = end;
            }
            Some(b'/') => match body.get(lt + 2) {
                Some(b) if b.is_ascii_alphabetic() => {
                    let name = lt + 2..tag_name_end(body, lt + 2)?;
                    let (end, _) = tag_end(body, name.end)?;
                    if let Some((start, plain)) = region {
                        let tag_name = &body[name];
                        let k = open
                            .iter()
                            .rposition(|n| body[n.clone()].eq_ignore_ascii_case(tag_name))?;
                        open.truncate(k);
                        if open.is_empty() {
                            regions.push(Region {
                                span: start..end,
                                close: Some(lt),
                                plain,
                            });
                            region = None;
                        }
                    }
                    pos = end;
                }
                Some(b'>') => {
                    if let Some((_, plain)) = &mut region {
                        *plain = false;
                    }
                    pos = lt + 3;
                }
                _ => return None,
            },
            Some(b'!') => {
                let rest = lt + 4;
                if !body[lt..].starts_with(b"<!--")
                    || body[rest..].starts_with(b">")
                    || body[rest..].starts_with(b"->")
                {
                    return None;
                }
                let close = rest + memchr::memmem::find(&body[rest..], b"-->")?;
                let inner = &body[rest..close];
                if memchr::memmem::find(inner, b"--!").is_some()
                    || memchr::memmem::find(inner, b"<!").is_some()
                {
                    return None;
                }
                if let Some((_, plain)) = &mut region {
                    *plain = false;
                }
                pos = close + 3;
            }
            Some(b'?') | None => return None,
            Some(_) => pos = lt + 1,
        }
    }
    if let Some((start, plain)) = region {
        regions.push(Region {
            span: start..body.len(),
            close: None,
            plain,
        });
    }
    Some(regions)
}

/// Where the first `needle` at or after `from` is in `hay`. Tags lie a few
/// dozen bytes apart: the `memchr` crate's SSE2 searcher (part of every
/// x86_64 target) starts on so short a search without the run-time
/// dispatch of `memchr::memchr`, which other targets use.
#[inline(always)]
fn find_byte(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = hay.get(from..)?;
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(needle) {
        return one.find(rest).map(|i| from + i);
    }
    memchr::memchr(needle, rest).map(|i| from + i)
}

/// The end of a tag name that starts at `from`; `None` at the end of input.
fn tag_name_end(body: &[u8], from: usize) -> Option<usize> {
    body[from..]
        .iter()
        .position(|&b| is_html_space(b) || b == b'/' || b == b'>')
        .map(|n| from + n)
}

/// Where the raw text or RCDATA content that starts at `from`, inside the
/// element `name`, ends: at the first `</name` followed by whitespace, `/`
/// or `>`, in any case. `None` when there is none (the content runs to the
/// end).
fn raw_text_end(body: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memmem::find(&body[at..], b"</")?;
        let after = lt + 2 + name.len();
        if body
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && body
                .get(after)
                .is_some_and(|&b| is_html_space(b) || b == b'/' || b == b'>')
        {
            return Some(lt);
        }
        at = lt + 2;
    }
}

/// Just past the `>` that ends a tag whose name ends at `from`, following
/// the tokenizer's attribute states (a quoted value may hold `>`), and
/// whether the tag ended other than at a missing attribute value (`a=>`,
/// after which lol_html stays in the data state whatever the element);
/// `None` when the input ends inside the tag.
fn tag_end(body: &[u8], from: usize) -> Option<(usize, bool)> {
    scan_tag(body, from, |_, _| {}).map(|t| (t.end, t.plain_end))
}

/// How a tag ends, by [`scan_tag`].
struct TagEnd {
    /// Just past its `>`.
    end: usize,
    /// It ended other than at a missing attribute value (`a=>`).
    plain_end: bool,
    /// It ended with `/>`.
    self_closing: bool,
}

/// Follow the tokenizer's attribute states through a tag whose name ends
/// at `from`, calling `on_attr` with each attribute's name and its value
/// (without quotes; `None` when it has none), in order. `None` when the
/// input ends inside the tag.
///
/// Each run of bytes that keeps a state (an attribute name, an unquoted
/// value, whitespace) is read in one tight loop, not with a turn of the
/// state machine per byte.
fn scan_tag(
    body: &[u8],
    from: usize,
    mut on_attr: impl FnMut(Range<usize>, Option<Range<usize>>),
) -> Option<TagEnd> {
    #[derive(Clone, Copy)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        AfterQuoted,
        SelfClosing,
    }
    /// The first byte from `from` on that `stop` matches.
    fn until(body: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> Option<usize> {
        body.get(from..)?
            .iter()
            .position(|&b| stop(b))
            .map(|n| from + n)
    }
    let not_space = |b: u8| !is_html_space(b);
    let done = |end: usize, s: S| TagEnd {
        end,
        plain_end: true,
        self_closing: matches!(s, S::SelfClosing),
    };
    let mut i = from;
    // Where the attribute name being read starts.
    let mut start = 0;
    // The name of an attribute whose value is not known yet.
    let mut pending: Option<Range<usize>> = None;
    // Report an attribute, when there is one, with its value.
    let mut report = |name: Option<Range<usize>>, value: Option<Range<usize>>| {
        if let Some(name) = name {
            on_attr(name, value);
        }
    };
    // The tag name ended at whitespace, `/` or `>`.
    let mut s = match *body.get(i)? {
        b'>' => return Some(done(i + 1, S::BeforeName)),
        b'/' => S::SelfClosing,
        _ => S::BeforeName,
    };
    i += 1;
    loop {
        // `i` is the next byte to read in state `s`.
        s = match s {
            S::BeforeName => {
                i = until(body, i, not_space)?;
                match body[i] {
                    b'>' => return Some(done(i + 1, s)),
                    b'/' => S::SelfClosing,
                    _ => {
                        start = i;
                        S::Name
                    }
                }
            }
            S::Name => {
                i = until(body, i, |b| {
                    is_html_space(b) || matches!(b, b'/' | b'>' | b'=')
                })?;
                match body[i] {
                    b'>' => {
                        report(Some(start..i), None);
                        return Some(done(i + 1, s));
                    }
                    b'/' => {
                        report(Some(start..i), None);
                        S::SelfClosing
                    }
                    b'=' => {
                        pending = Some(start..i);
                        S::BeforeValue
                    }
                    _ => {
                        pending = Some(start..i);
                        S::AfterName
                    }
                }
            }
            S::AfterName => {
                i = until(body, i, not_space)?;
                match body[i] {
                    b'=' => S::BeforeValue,
                    b => {
                        report(pending.take(), None);
                        match b {
                            b'>' => return Some(done(i + 1, s)),
                            b'/' => S::SelfClosing,
                            _ => {
                                start = i;
                                S::Name
                            }
                        }
                    }
                }
            }
            S::BeforeValue => {
                i = until(body, i, not_space)?;
                match body[i] {
                    b'>' => {
                        report(pending.take(), Some(i..i));
                        return Some(TagEnd {
                            end: i + 1,
                            plain_end: false,
                            self_closing: false,
                        });
                    }
                    q @ (b'"' | b'\'') => {
                        let close = find_byte(body, i + 1, q)?;
                        report(pending.take(), Some(i + 1..close));
                        // Past the closing quote, read in the next state.
                        i = close;
                        S::AfterQuoted
                    }
                    _ => {
                        // An unquoted value, up to whitespace or `>`.
                        let value = i;
                        i = until(body, i + 1, |b| is_html_space(b) || b == b'>')?;
                        report(pending.take(), Some(value..i));
                        if body[i] == b'>' {
                            return Some(done(i + 1, S::BeforeName));
                        }
                        S::BeforeName
                    }
                }
            }
            S::AfterQuoted | S::SelfClosing => match *body.get(i)? {
                b'>' => return Some(done(i + 1, s)),
                b'/' => S::SelfClosing,
                b if is_html_space(b) => S::BeforeName,
                // Missing whitespace: a name starts here (reconsumed).
                _ => {
                    start = i;
                    S::Name
                }
            },
        };
        i += 1;
    }
}

/// The anchor of a region that is one `<a>` element with no other `<a>`
/// in it (`<a href="u">text <b>bold</b></a>`), read from the bytes: what
/// lol_html reports for it, or `Some(None)` when it reports none (no
/// `href`). `None` when the region is anything else (not [plain], not
/// closed, several `href` attributes or one without a value, a
/// self-closing `<a/>`), and must be tokenized.
///
/// [plain]: Region::plain
fn simple_anchor(body: &[u8], base: usize, r: &Region) -> Option<Option<Anchor>> {
    let close = r.close.filter(|_| r.plain)?;
    let mut hrefs = 0;
    let mut href = None;
    // The region starts with `<a`, and the tag's attributes after it.
    let open = scan_tag(&body[..close], r.span.start + 2, |name, value| {
        if body[name].eq_ignore_ascii_case(b"href") {
            hrefs += 1;
            href = value;
        }
    })?;
    if !open.plain_end || open.self_closing {
        return None;
    }
    match (hrefs, href) {
        (0, _) => Some(None),
        (1, Some(href)) => Some(Some(Anchor {
            kind: AnchorKind::Html,
            href: base + href.start..base + href.end,
            span: base + r.span.start..base + r.span.end,
            content: base + open.end..base + close,
            nested_tags: find_byte(&body[open.end..close], 0, b'<').is_some(),
        })),
        _ => None,
    }
}

/// The text of an element's content: tags removed, entities kept.
fn strip_tags(content: &str) -> Cow<'_, str> {
    if !content.contains('<') {
        return Cow::Borrowed(content);
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
    Cow::Owned(out)
}

/// Where `](` is in `bytes`: found by the `]`, a byte so rare in posts
/// that a search for it costs a fraction of one for the pair.
fn link_middles(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b']', bytes).filter(|&i| bytes.get(i + 1) == Some(&b'('))
}

/// Markdown inline links `[text](url)` on one line, not images.
fn markdown_links(body: &str, base: usize, skip: Option<Range<usize>>, out: &mut Vec<Anchor>) {
    let bytes = body.as_bytes();
    for mid in link_middles(bytes) {
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
            nested_tags: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The in-line look finds what `memchr` finds, on either side of
        /// its 16- and 64-byte steps.
        #[test]
        fn find_byte_finds_what_memchr_finds(
            hay in prop::collection::vec(prop::sample::select(vec![b'a', b'<', b'"', 0xe7, 0x80]), 0..150),
            from in 0usize..160,
            needle in prop::sample::select(vec![b'<', b'"', 0x80, b'z']),
        ) {
            let expected = hay
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| b == needle))
                .map(|i| from + i);
            prop_assert_eq!(find_byte(&hay, from, needle), expected);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn link_middles_are_every_bracket_paren(text in "[\\]\\[()a ]{0,40}") {
            let plain: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"](").collect();
            prop_assert_eq!(link_middles(text.as_bytes()).collect::<Vec<_>>(), plain);
        }

        /// The run-at-a-time tag scan reads every tag as the tokenizer's
        /// states, a byte at a time, do: the same attributes, the same end.
        #[test]
        fn scan_tag_follows_the_tokenizer_states(text in "[a =/>\"'\t\n]{0,24}") {
            let body = format!("<a{text}");
            for from in 2..=body.len() {
                let key = |t: Option<TagEnd>| t.map(|t| (t.end, t.plain_end, t.self_closing));
                let (mut runs, mut bytes) = (Vec::new(), Vec::new());
                let by_runs = key(scan_tag(body.as_bytes(), from, |n, v| runs.push((n, v))));
                let by_bytes =
                    key(scan_tag_bytewise(body.as_bytes(), from, |n, v| bytes.push((n, v))));
                prop_assert_eq!(by_runs, by_bytes, "from {}", from);
                prop_assert_eq!(runs, bytes, "from {}", from);
            }
        }
    }

    /// [`scan_tag`] as the tokenizer's states read a tag, a turn of the
    /// state machine per byte: what the run-at-a-time scan must agree with.
    fn scan_tag_bytewise(
        body: &[u8],
        from: usize,
        mut on_attr: impl FnMut(Range<usize>, Option<Range<usize>>),
    ) -> Option<TagEnd> {
        #[derive(Clone, Copy)]
        enum S {
            BeforeName,
            Name,
            AfterName,
            BeforeValue,
            Unquoted,
            AfterQuoted,
            SelfClosing,
        }
        let done = |end: usize, s: S| TagEnd {
            end,
            plain_end: true,
            self_closing: matches!(s, S::SelfClosing),
        };
        let mut s = S::BeforeName;
        let mut i = from;
        // Where the attribute name or unquoted value being read starts.
        let mut start = 0;
        // The name of an attribute whose value is not known yet.
        let mut pending: Option<Range<usize>> = None;
        // Report an attribute, when there is one, with its value.
        let mut report = |name: Option<Range<usize>>, value: Option<Range<usize>>| {
            if let Some(name) = name {
                on_attr(name, value);
            }
        };
        // The tag name ended at whitespace, `/` or `>`.
        match body.get(i)? {
            b'>' => return Some(done(i + 1, s)),
            b'/' => s = S::SelfClosing,
            _ => {}
        }
        i += 1;
        while i < body.len() {
            let b = body[i];
            match s {
                S::BeforeName => match b {
                    b'>' => return Some(done(i + 1, s)),
                    b'/' => s = S::SelfClosing,
                    _ if is_html_space(b) => {}
                    _ => {
                        start = i;
                        s = S::Name;
                    }
                },
                S::Name => match b {
                    b'>' => {
                        report(Some(start..i), None);
                        return Some(done(i + 1, s));
                    }
                    b'/' => {
                        report(Some(start..i), None);
                        s = S::SelfClosing;
                    }
                    b'=' => {
                        pending = Some(start..i);
                        s = S::BeforeValue;
                    }
                    _ if is_html_space(b) => {
                        pending = Some(start..i);
                        s = S::AfterName;
                    }
                    _ => {}
                },
                S::AfterName => match b {
                    b'=' => s = S::BeforeValue,
                    _ if is_html_space(b) => {}
                    _ => {
                        report(pending.take(), None);
                        match b {
                            b'>' => return Some(done(i + 1, s)),
                            b'/' => s = S::SelfClosing,
                            _ => {
                                start = i;
                                s = S::Name;
                            }
                        }
                    }
                },
                S::BeforeValue => match b {
                    b'>' => {
                        report(pending.take(), Some(i..i));
                        return Some(TagEnd {
                            end: i + 1,
                            plain_end: false,
                            self_closing: false,
                        });
                    }
                    b'"' | b'\'' => {
                        let close = i + 1 + memchr::memchr(b, &body[i + 1..])?;
                        report(pending.take(), Some(i + 1..close));
                        i = close;
                        s = S::AfterQuoted;
                    }
                    _ if is_html_space(b) => {}
                    _ => {
                        start = i;
                        s = S::Unquoted;
                    }
                },
                S::Unquoted => match b {
                    b'>' => {
                        report(pending.take(), Some(start..i));
                        return Some(done(i + 1, s));
                    }
                    _ if is_html_space(b) => {
                        report(pending.take(), Some(start..i));
                        s = S::BeforeName;
                    }
                    _ => {}
                },
                S::AfterQuoted => match b {
                    b'>' => return Some(done(i + 1, s)),
                    b'/' => s = S::SelfClosing,
                    _ if is_html_space(b) => s = S::BeforeName,
                    // Missing whitespace: reconsumed before an attribute name.
                    _ => {
                        start = i;
                        s = S::Name;
                    }
                },
                S::SelfClosing => match b {
                    b'>' => return Some(done(i + 1, s)),
                    // Reconsumed before an attribute name.
                    b'/' => {}
                    _ if is_html_space(b) => s = S::BeforeName,
                    _ => {
                        start = i;
                        s = S::Name;
                    }
                },
            }
            i += 1;
        }
        None
    }

    #[test]
    fn html_anchor_spans() {
        let text = "x<p><a href=\"/tag/a.html\">A &amp; <b>B</b></a> <a href='y'>z</a></p>";
        let anchors = parse(text, 1..text.len(), None);
        assert_eq!(anchors.len(), 2);
        let a = &anchors[0];
        assert_eq!(&text[a.href.clone()], "/tag/a.html");
        assert_eq!(&text[a.content.clone()], "A &amp; <b>B</b>");
        assert_eq!(a.text(text), "A &amp; B");
        assert!(a.nested_tags);
        assert_eq!(
            &text[a.span.clone()],
            "<a href=\"/tag/a.html\">A &amp; <b>B</b></a>"
        );
        assert_eq!(anchors[1].text(text), "z");
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
        assert_eq!(anchors[0].text(text), "a [b]");
        assert_eq!(&text[anchors[0].href.clone()], "https://t.test/tag/x");
    }
}
