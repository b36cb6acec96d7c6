//! Lowercasing that copies only what it changes: most of the text postlint
//! lowercases (output paths, slugs, categories) is in scripts without case.

use std::borrow::Cow;

/// Whether `c` is its own lowercase for certain: ASCII other than `A`–`Z`,
/// and the blocks without case that Chinese, Japanese and Korean text is
/// written in (general punctuation; CJK radicals, symbols, kana, bopomofo,
/// ideographs and Yi; Hangul syllables; the fullwidth forms other than
/// `Ａ`–`Ｚ`). A `false` says nothing.
fn caseless(c: char) -> bool {
    matches!(c,
        '\0'..='@'
        | '['..='\u{7f}'
        | '\u{2000}'..='\u{206f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{ff01}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ffef}'
    )
}

/// `s.to_lowercase()`, borrowed when every char of `s` is its own
/// lowercase, and else made without looking up the chars that are.
pub fn lowercase(s: &str) -> Cow<'_, str> {
    let Some(at) = s
        .char_indices()
        .find(|&(_, c)| !caseless(c))
        .map(|(i, _)| i)
    else {
        return Cow::Borrowed(s);
    };
    // A capital sigma's lowercase depends on the chars around it.
    if s[at..].contains('Σ') {
        return Cow::Owned(s.to_lowercase());
    }
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..at]);
    for c in s[at..].chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if caseless(c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char said to be caseless is, by the standard library's tables.
    #[test]
    fn caseless_chars_are_their_own_lowercase() {
        let mut seen = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if caseless(c) {
                seen += 1;
                let mut lower = c.to_lowercase();
                assert_eq!((lower.next(), lower.next()), (Some(c), None), "{c:?}");
            }
        }
        assert!(seen > 40_000, "{seen}");
    }

    proptest::proptest! {
        #[test]
        fn lowercase_is_to_lowercase(s in "[a-zA-Z0-9 ΣσÉéİẞ王蝇《》，ＡＺａｚ１㎏ㄱ가-]{0,12}") {
            proptest::prop_assert_eq!(lowercase(&s), s.to_lowercase());
        }
    }
}
