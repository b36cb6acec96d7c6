//! The pre-scanner: a cheap pass over a body's tags that proves where its
//! `<a>` elements lie, so that the tokenizer runs only over those regions,
//! and reads a region that is one plain `<a>` element straight from the
//! bytes.

use std::ops::Range;

use super::anchor::{Anchor, AnchorKind};

/// What a start tag's name means to [`anchor_regions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagKind {
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
pub(crate) fn tag_kind(name: &[u8]) -> TagKind {
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

pub(crate) fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

/// A stretch of a body that anchors lie in, by [`anchor_regions`].
pub(super) struct Region {
    /// From an outermost `<a` start tag to the end of the end tag that
    /// closes it (or to the end of the body).
    pub(super) span: Range<usize>,
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
pub(super) fn anchor_regions(body: &[u8]) -> Option<Vec<Region>> {
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
pub(crate) fn find_byte(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = hay.get(from..)?;
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(needle) {
        return one.find(rest).map(|i| from + i);
    }
    memchr::memchr(needle, rest).map(|i| from + i)
}

/// The end of a tag name that starts at `from`; `None` at the end of input.
pub(crate) fn tag_name_end(body: &[u8], from: usize) -> Option<usize> {
    body[from..]
        .iter()
        .position(|&b| is_html_space(b) || b == b'/' || b == b'>')
        .map(|n| from + n)
}

/// Where the raw text or RCDATA content that starts at `from`, inside the
/// element `name`, ends: at the first `</name` followed by whitespace, `/`
/// or `>`, in any case. `None` when there is none (the content runs to the
/// end).
pub(crate) fn raw_text_end(body: &[u8], from: usize, name: &[u8]) -> Option<usize> {
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
pub(super) fn tag_end(body: &[u8], from: usize) -> Option<(usize, bool)> {
    scan_tag(body, from, |_, _| {}).map(|t| (t.end, t.plain_end))
}

/// How a tag ends, by [`scan_tag`].
pub(crate) struct TagEnd {
    /// Just past its `>`.
    pub(crate) end: usize,
    /// It ended other than at a missing attribute value (`a=>`).
    pub(crate) plain_end: bool,
    /// It ended with `/>`.
    pub(crate) self_closing: bool,
}

/// Follow the tokenizer's attribute states through a tag whose name ends
/// at `from`, calling `on_attr` with each attribute's name and its value
/// (without quotes; `None` when it has none), in order. `None` when the
/// input ends inside the tag.
///
/// Each run of bytes that keeps a state (an attribute name, an unquoted
/// value, whitespace) is read in one tight loop, not with a turn of the
/// state machine per byte.
pub(crate) fn scan_tag(
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
pub(super) fn simple_anchor(body: &[u8], base: usize, r: &Region) -> Option<Option<Anchor>> {
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
