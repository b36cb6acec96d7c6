use super::markdown::*;
use super::scan::*;
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
