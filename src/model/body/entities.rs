//! HTML character references in hrefs and link text, decoded as the HTML
//! standard does, through `htmlize`: the one place that calls it.

use std::borrow::Cow;

/// Decode the character references in an attribute value, such as an href:
/// every named one (`&eacute;`), the legacy names without `;` (`&eacute`),
/// and numeric ones, with the standard's replacements (`&#0;`, surrogates
/// and numbers past U+10FFFF become U+FFFD; `&#128;` to `&#159;` are read
/// as windows-1252). As in a browser, a legacy name without `;` followed by
/// a letter, a digit or `=` is left as written: `?a=1&copy=2` keeps its
/// `&copy`. A value without `&` is returned borrowed, not copied.
pub fn decode_attribute(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    htmlize::unescape_attribute(s)
}

/// Decode the character references in text, such as a link's text: as
/// [`decode_attribute`], except that a legacy name without `;` is decoded
/// whatever follows it (`&copy2024` is `©2024`).
pub fn decode_text(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    htmlize::unescape(s)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{decode_attribute, decode_text};

    /// Both contexts, where they agree.
    fn both(s: &str) -> String {
        let text = decode_text(s);
        assert_eq!(decode_attribute(s), text, "{s:?}");
        text.into_owned()
    }

    #[test]
    fn named_references() {
        assert_eq!(both("Caf&eacute;"), "Café");
        assert_eq!(both("&mdash;"), "—");
        assert_eq!(
            both("a &amp; b &lt;&gt;&quot;&apos;&nbsp;"),
            "a & b <>\"'\u{a0}"
        );
        assert_eq!(both("&CounterClockwiseContourIntegral;"), "∳");
        // Names are case-sensitive, and some stand for two code points.
        assert_eq!(both("&Eacute;&eacute;"), "Éé");
        assert_eq!(both("&NotEqualTilde;"), "≂\u{338}");
        // Not references: left as written.
        assert_eq!(both("&bogus; &; & &eacute x"), "&bogus; &; & é x");
        assert_eq!(both("&EACUTE;"), "&EACUTE;");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(both("Caf&eacute"), "Café");
        assert_eq!(both("&amp &copy 2024 &lt"), "& © 2024 <");
        // `&mdash` was never a legacy name: it needs its `;`.
        assert_eq!(both("&mdash"), "&mdash");
        // The longest legacy name wins, and what follows stays.
        assert_eq!(decode_text("&notit;"), "¬it;");
        assert_eq!(both("&notin;"), "∉");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(both("&#20013;&#x4e2d;&#X4E2D;&#0020013;"), "中中中中");
        assert_eq!(both("&#233"), "é");
        assert_eq!(both("&#x2014;x"), "—x");
        // The windows-1252 window: `&#150;` is an en dash, not a control.
        assert_eq!(both("&#128;&#150;&#151;&#x9F;"), "€–—Ÿ");
        // Its gaps stay the code point written.
        assert_eq!(both("&#x81;"), "\u{81}");
    }

    #[test]
    fn invalid_numeric_references() {
        // NUL, surrogates and numbers past U+10FFFF become U+FFFD.
        assert_eq!(both("&#0;&#xD800;&#xDFFF;&#x110000;"), "\u{fffd}".repeat(4));
        assert_eq!(both("&#99999999999999999999;"), "\u{fffd}");
        // No digits: not a reference.
        assert_eq!(both("&#; &#x; &#xg; &#"), "&#; &#x; &#xg; &#");
    }

    #[test]
    fn attribute_and_text_contexts() {
        // In an attribute, a legacy name followed by a letter, a digit or
        // `=` is no reference; in text it is.
        let query = "/search?a=1&copy=2&notit=3&amp=4";
        assert_eq!(decode_attribute(query), query);
        assert_eq!(decode_text(query), "/search?a=1©=2¬it=3&=4");
        assert_eq!(decode_attribute("&eacutex &copy2"), "&eacutex &copy2");
        assert_eq!(decode_text("&eacutex &copy2"), "éx ©2");
        // Followed by anything else, or with its `;`, it is one in both.
        assert_eq!(both("&copy.html &copy/ &copy;2"), "©.html ©/ ©2");
    }

    #[test]
    fn nothing_to_decode_is_borrowed() {
        for s in ["", "plain", "/tag/Caf%C3%A9.html", "AT&T", "&bogus;", "&#;"] {
            assert!(matches!(decode_attribute(s), Cow::Borrowed(_)), "{s:?}");
            assert!(matches!(decode_text(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    /// Every name in the standard's table, as the crate holds it, with and
    /// without a word around it.
    #[test]
    fn every_named_reference_in_the_table() {
        assert_eq!(htmlize::ENTITIES.len(), 2231);
        for (name, expansion) in htmlize::ENTITIES.entries() {
            let name = std::str::from_utf8(name).unwrap();
            let expansion = std::str::from_utf8(expansion).unwrap();
            assert_eq!(both(name), expansion, "{name}");
            assert_eq!(both(&format!("x {name} y")), format!("x {expansion} y"));
            if !name.ends_with(';') {
                // A legacy name: kept before a letter in an attribute only.
                let before = format!("{name}a");
                assert_eq!(decode_attribute(&before), before);
                assert_eq!(decode_text(&before), format!("{expansion}a"));
            }
        }
    }
}
