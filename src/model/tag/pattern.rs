//! Tag link URL patterns (`**/tag/{tag}.html`) and strict percent-decoding.

/// One segment of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// `**`: any number of segments.
    Any,
    /// `*`: exactly one segment.
    One,
    Literal(String),
    /// A segment holding `{tag}`, with literal text around it.
    Tag {
        prefix: String,
        suffix: String,
    },
}

/// A URL path pattern naming where the tag sits, such as `**/tag/{tag}.html`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPattern {
    source: String,
    segments: Vec<Segment>,
    /// A substring every path it matches holds: see [`required_literals`].
    literal: Option<String>,
}

impl TagPattern {
    /// The default patterns: a `tag` or `tags` segment followed by one more
    /// segment, which may end in `.html`, `.htm` or `/`.
    pub fn defaults() -> Vec<TagPattern> {
        let mut out = Vec::new();
        for dir in ["tag", "tags"] {
            for end in ["{tag}.html", "{tag}.htm", "{tag}/", "{tag}"] {
                out.push(TagPattern::parse(&format!("**/{dir}/{end}")).expect("default pattern"));
            }
        }
        out
    }

    pub fn parse(source: &str) -> Result<TagPattern, String> {
        let path = source.strip_prefix('/').unwrap_or(source);
        let mut segments = Vec::new();
        let mut tags = 0;
        for seg in path.split('/') {
            segments.push(match seg {
                "**" => Segment::Any,
                "*" => Segment::One,
                s if s.contains("{tag}") => {
                    tags += 1;
                    let (prefix, suffix) = s.split_once("{tag}").unwrap_or((s, ""));
                    if suffix.contains("{tag}") {
                        return Err("`{tag}` appears twice in one segment".into());
                    }
                    Segment::Tag {
                        prefix: prefix.to_string(),
                        suffix: suffix.to_string(),
                    }
                }
                s => Segment::Literal(s.to_string()),
            });
        }
        match tags {
            0 => Err("the pattern has no `{tag}`".into()),
            1 => Ok(TagPattern {
                source: source.to_string(),
                literal: literal_of(&segments),
                segments,
            }),
            _ => Err("the pattern has more than one `{tag}`".into()),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Match a raw URL path (starting with `/`). On a match, return the byte
    /// range of the tag within `path`.
    pub fn matches(&self, path: &str) -> Option<std::ops::Range<usize>> {
        match_any(std::slice::from_ref(self), path)
    }
}

/// Match a raw URL path (starting with `/`) against each pattern in turn,
/// splitting it once. On the first match, return the byte range of the tag
/// within `path`.
pub fn match_any(patterns: &[TagPattern], path: &str) -> Option<std::ops::Range<usize>> {
    let rest = path.strip_prefix('/')?;
    let mut segs = Vec::new();
    // Patterns share literals (`/tag/` for four of the defaults, which come
    // in a row): each is looked for once per run of patterns holding it.
    let mut last: Option<(&str, bool)> = None;
    patterns
        .iter()
        // A path without a pattern's literal part cannot match it.
        .filter(|p| {
            let Some(l) = p.literal.as_deref() else {
                return true;
            };
            match last {
                Some((seen, holds)) if seen == l => holds,
                _ => {
                    let holds = path.contains(l);
                    last = Some((l, holds));
                    holds
                }
            }
        })
        .find_map(|p| {
            if segs.is_empty() {
                let mut start = 1;
                for s in rest.split('/') {
                    segs.push((start, s));
                    start += s.len() + 1;
                }
            }
            match_from(&p.segments, &segs)
        })
}

fn match_from(pattern: &[Segment], segs: &[(usize, &str)]) -> Option<std::ops::Range<usize>> {
    let Some((first, rest)) = pattern.split_first() else {
        return segs.is_empty().then_some(0..0);
    };
    match first {
        // Before a literal segment, only the places that hold it can match.
        Segment::Any => match rest.first() {
            Some(Segment::Literal(l)) => (0..segs.len())
                .filter(|&skip| segs[skip].1 == l)
                .find_map(|skip| match_from(rest, &segs[skip..])),
            _ => (0..=segs.len()).find_map(|skip| match_from(rest, &segs[skip..])),
        },
        _ => {
            let ((offset, seg), tail) = segs.split_first()?;
            let found = match first {
                Segment::One => Some(None),
                Segment::Literal(l) => (l == seg).then_some(None),
                Segment::Tag { prefix, suffix } => (seg.len() >= prefix.len() + suffix.len()
                    && (prefix.is_empty() || seg.starts_with(prefix.as_str()))
                    && (suffix.is_empty() || seg.ends_with(suffix.as_str())))
                .then(|| Some(offset + prefix.len()..offset + seg.len() - suffix.len())),
                Segment::Any => unreachable!(),
            }?;
            let inner = match_from(rest, tail)?;
            Some(found.unwrap_or(inner))
        }
    }
}

/// Substrings that every tag link's href must contain, one per pattern: the
/// literal segment before the tag (`/tag/`) or the literal around it. `None`
/// when some pattern has no literal part, so that nothing can be ruled out.
/// Each substring is given once.
pub fn required_literals(patterns: &[TagPattern]) -> Option<Vec<&str>> {
    let mut literals: Vec<&str> = patterns
        .iter()
        .map(|p| p.literal.as_deref())
        .collect::<Option<_>>()?;
    literals.sort_unstable();
    literals.dedup();
    Some(literals)
}

/// The literal part of a pattern's segments that every path it matches
/// holds: the segment before the tag between slashes (`/tag/`), else the
/// text before or after the tag in its segment (`/t-`, `.html`).
fn literal_of(segments: &[Segment]) -> Option<String> {
    let at = segments
        .iter()
        .position(|s| matches!(s, Segment::Tag { .. }))?;
    match (&segments[at], at.checked_sub(1).map(|i| &segments[i])) {
        (_, Some(Segment::Literal(lit))) => Some(format!("/{lit}/")),
        (Segment::Tag { prefix, .. }, _) if !prefix.is_empty() => Some(format!("/{prefix}")),
        (Segment::Tag { suffix, .. }, _) if !suffix.is_empty() => Some(suffix.clone()),
        _ => None,
    }
}

/// The path of a raw href: after the scheme and authority, before `?`/`#`.
/// `None` when the href has no path (a bare fragment or query).
pub fn raw_path(href: &str) -> Option<(usize, &str)> {
    let end = path_end(href);
    let head = &href[..end];
    let start = if let Some(i) = head.find("://") {
        let after = i + 3;
        after + head[after..].find('/')?
    } else if let Some(rest) = head.strip_prefix("//") {
        2 + rest.find('/')?
    } else if head.starts_with('/') {
        0
    } else {
        return None;
    };
    Some((start, &head[start..]))
}

/// Where a raw href's query or fragment starts: at its first `?` or `#`,
/// but for the `#` of a numeric character reference (`&#233;`, `&#xE9;`),
/// which is decoded before the URL is read. The length when it has neither.
pub fn path_end(href: &str) -> usize {
    let b = href.as_bytes();
    let mut from = 0;
    while let Some(i) = href[from..].find(['?', '#']).map(|i| from + i) {
        let reference = b[i] == b'#'
            && i > 0
            && b[i - 1] == b'&'
            && match b.get(i + 1) {
                Some(b'x' | b'X') => b.get(i + 2).is_some_and(u8::is_ascii_hexdigit),
                Some(c) => c.is_ascii_digit(),
                None => false,
            };
        if !reference {
            return i;
        }
        from = i + 1;
    }
    href.len()
}

/// Why percent-decoding failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A `%` not followed by two hex digits, at this byte of the input.
    BadEscape(usize),
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

/// Percent-decode `s`, rejecting malformed escapes and invalid UTF-8.
pub fn percent_decode_strict(s: &str) -> Result<String, DecodeError> {
    if !s.contains('%') {
        return Ok(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            match (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            ) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                }
                _ => return Err(DecodeError::BadEscape(i)),
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::NotUtf8)
}

/// Whether `href` is certain to parse as a URL against a base, without
/// parsing it: an `http://` or `https://` URL whose host is a plain ASCII
/// domain name (labels of letters, digits and `-`, none empty, none an
/// IDNA `xn--` label, the last of letters only, so it is no IPv4 number),
/// with no user, password or port, followed by `/`, `?`, `#` or nothing.
/// A WHATWG parser given a base fails only on a scheme's authority it
/// cannot read; what follows the host is percent-encoded as needed, never
/// refused. `false` says nothing: the URL must be parsed.
pub fn surely_a_url(href: &str) -> bool {
    let b = href.as_bytes();
    let Some(rest) = b
        .strip_prefix(b"https://")
        .or_else(|| b.strip_prefix(b"http://"))
    else {
        return false;
    };
    let end = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = &rest[..end];
    let mut labels = host.split(|&c| c == b'.').peekable();
    while let Some(label) = labels.next() {
        let last = labels.peek().is_none();
        let idna = label
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"));
        let ok = !label.is_empty()
            && !idna
            && if last {
                label.iter().all(u8::is_ascii_alphabetic)
            } else {
                label
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || *c == b'-')
            };
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`match_from`] trying every place for `**`, and every part of a
    /// `{tag}` segment, with no shortcut.
    fn match_from_plain(
        pattern: &[Segment],
        segs: &[(usize, &str)],
    ) -> Option<std::ops::Range<usize>> {
        let Some((first, rest)) = pattern.split_first() else {
            return segs.is_empty().then_some(0..0);
        };
        if let Segment::Any = first {
            return (0..=segs.len()).find_map(|skip| match_from_plain(rest, &segs[skip..]));
        }
        let ((offset, seg), tail) = segs.split_first()?;
        let found = match first {
            Segment::Literal(l) => (l == seg).then_some(None),
            Segment::Tag { prefix, suffix } => (seg.len() >= prefix.len() + suffix.len()
                && seg.starts_with(prefix.as_str())
                && seg.ends_with(suffix.as_str()))
            .then(|| Some(offset + prefix.len()..offset + seg.len() - suffix.len())),
            _ => Some(None),
        }?;
        let inner = match_from_plain(rest, tail)?;
        Some(found.unwrap_or(inner))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The first pattern to match a path, and where its tag is, are
        /// those of trying each pattern in full.
        #[test]
        fn match_any_is_each_pattern_tried_in_full(
            segs in proptest::collection::vec(
                proptest::sample::select(vec![
                    "tag", "tags", "gb", "a", "x.html", "t-x.html", "x.htm", "", "t-", ".html",
                ]),
                0..6,
            ),
            extra in proptest::collection::vec(
                proptest::sample::select(vec![
                    "**/{tag}", "/t-{tag}.html", "**/tag/*/{tag}", "/gb/tag/{tag}.html",
                    "*/{tag}", "**/tags/**/{tag}/", "**/{tag}.html",
                ]),
                0..3,
            ),
        ) {
            let path = format!("/{}", segs.join("/"));
            let mut patterns = TagPattern::defaults();
            patterns.extend(extra.iter().map(|p| TagPattern::parse(p).expect("pattern")));
            let rest = &path[1..];
            let mut split = Vec::new();
            let mut start = 1;
            for s in rest.split('/') {
                split.push((start, s));
                start += s.len() + 1;
            }
            let plain = patterns.iter().find_map(|p| match_from_plain(&p.segments, &split));
            proptest::prop_assert_eq!(match_any(&patterns, &path), plain, "{}", path);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// What [`surely_a_url`] takes, the URL parser takes too.
        #[test]
        fn what_surely_parses_does_parse(
            scheme in proptest::sample::select(vec![
                "https://", "http://", "HTTP://", "ftp://", "https:/", "", "//",
            ]),
            labels in proptest::collection::vec(
                proptest::sample::select(vec![
                    "www", "example", "com", "xn--abc", "XN--p1ai", "0x10", "1", "255",
                    "a-b", "-a", "", "é", "ex ample", "a%41", "[::1]", "a:80", "u@h",
                    "org", "Com", "a_b", "a\\b", "\t",
                ]),
                0..5,
            ),
            rest in proptest::sample::select(vec![
                "", "/", "/gb/tag/%E7%8E%8B.html", "?q=1", "#f", "/a b/<>\"", "\\x",
                "/%zz", ":8080/", "/\u{0}", "/é", ":", "@x",
            ]),
        ) {
            let href = format!("{scheme}{}{rest}", labels.join("."));
            let base = url::Url::parse("http://postlint.invalid/").unwrap();
            if surely_a_url(&href) {
                let parsed = url::Url::options().base_url(Some(&base)).parse(&href);
                proptest::prop_assert!(parsed.is_ok(), "{href:?}: {parsed:?}");
            }
        }
    }

    #[test]
    fn surely_a_url_takes_the_plain_ones() {
        assert!(surely_a_url(
            "https://www.epochtimes.com/gb/tag/%E7%8E%8B.html"
        ));
        assert!(surely_a_url("http://example.org"));
        assert!(surely_a_url("https://a-b.example.com/x?y#z"));
        for unsure in [
            "https://1.2.3.4/",
            "https://example.com:8080/",
            "https://u@example.com/",
            "https://xn--p1ai/",
            "https://example..com/",
            "https://example.c0m/",
            "https://exa mple.com/",
            "/tag/x.html",
            "https://example.com\\tag",
        ] {
            assert!(!surely_a_url(unsure), "{unsure}");
        }
    }

    fn tag(path: &str) -> Option<&str> {
        TagPattern::defaults()
            .iter()
            .find_map(|p| p.matches(path))
            .map(|r| &path[r])
    }

    #[test]
    fn default_patterns() {
        assert_eq!(tag("/gb/tag/%E7%8E%8B.html"), Some("%E7%8E%8B"));
        assert_eq!(tag("/tags/rust/"), Some("rust"));
        assert_eq!(tag("/tag/x"), Some("x"));
        assert_eq!(tag("/tag/x.htm"), Some("x"));
        assert_eq!(tag("/tag/"), Some(""));
        assert_eq!(tag("/tag/a/b"), None);
        assert_eq!(tag("/tagged/a"), None);
        assert_eq!(tag("/gb/22/10/31/n1.htm"), None);
    }

    #[test]
    fn custom_pattern() {
        let p = TagPattern::parse("/topics/*/t-{tag}.html").unwrap();
        let path = "/topics/2022/t-rust.html";
        assert_eq!(&path[p.matches(path).unwrap()], "rust");
        assert!(TagPattern::parse("/tag/x").is_err());
    }

    #[test]
    fn the_literal_never_rules_out_a_match() {
        let patterns = [
            "**/tag/{tag}.html",
            "/topics/*/t-{tag}.html",
            "**/{tag}-tag",
            "/tag/{tag}",
            "**/{tag}",
        ];
        let paths = [
            "/tag/x",
            "/a/tag/x.html",
            "/topics/2022/t-rust.html",
            "/topics/t-/t-.html",
            "/x-tag",
            "/a/b-tag",
            "/tag/",
            "/",
            "/tag/a/tag/b.html",
        ];
        for p in patterns {
            let p = TagPattern::parse(p).unwrap();
            for path in paths {
                let segs: Vec<(usize, &str)> = {
                    let mut start = 1;
                    path[1..]
                        .split('/')
                        .map(|s| {
                            let seg = (start, s);
                            start += s.len() + 1;
                            seg
                        })
                        .collect()
                };
                assert_eq!(
                    p.matches(path),
                    match_from(&p.segments, &segs),
                    "{} on {path}",
                    p.as_str()
                );
            }
        }
    }

    #[test]
    fn literals_rule_out_bodies() {
        let defaults = TagPattern::defaults();
        let lits = required_literals(&defaults).unwrap();
        assert_eq!(lits, ["/tag/", "/tags/"]);
        assert_eq!(
            required_literals(&[TagPattern::parse("**/{tag}").unwrap()]),
            None
        );
    }

    #[test]
    fn raw_paths() {
        assert_eq!(
            raw_path("https://h.test/gb/tag/x.html?q#f"),
            Some((14, "/gb/tag/x.html"))
        );
        assert_eq!(raw_path("/tag/x"), Some((0, "/tag/x")));
        assert_eq!(raw_path("#top"), None);
        assert_eq!(raw_path("https://h.test"), None);
        // The `#` of a numeric reference starts no fragment.
        assert_eq!(
            raw_path("/tag/caf&#233;.html#top"),
            Some((0, "/tag/caf&#233;.html"))
        );
        assert_eq!(raw_path("/tag/&#xE9;?q"), Some((0, "/tag/&#xE9;")));
        // Without digits it is no reference, and `#` is the fragment.
        for href in ["/tag/a&#top", "/tag/a&#x", "/tag/a&#xyz", "/tag/a&#"] {
            assert_eq!(raw_path(href), Some((0, "/tag/a&")), "{href}");
        }
    }

    #[test]
    fn strict_decoding() {
        assert_eq!(percent_decode_strict("%E7%8E%8B").unwrap(), "王");
        assert_eq!(percent_decode_strict("a%2"), Err(DecodeError::BadEscape(1)));
        assert_eq!(percent_decode_strict("%E7%8E"), Err(DecodeError::NotUtf8));
    }
}
