//! `tag-link-mismatch`: a tag link's text is not its tag.

use crate::diagnostic::{Edit, Fix};
use crate::model::body::entities;
use crate::rules::options::{Configurable, OptionError, Value};
use crate::rules::{Context, Sink};

/// `[rules.tag-link-mismatch]`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `compare`: how a link's text is compared with its tag.
    pub compare: TagCompare,
    /// `sites = "all"`: check ordinary sites too, not only mirrors.
    pub all_sites: bool,
}

/// How a tag link's text is compared with its decoded tag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagCompare {
    Exact,
    CaseInsensitive,
    /// Case-insensitive, and `-`, `_` and `+` count as spaces.
    Loose,
    /// Compare as URL slugs: case, accents, punctuation and separators are
    /// ignored, and a tag that cannot be a slug of the text (a number, or
    /// ASCII for non-Latin text) is not compared.
    #[default]
    Slug,
}

impl Configurable for Options {
    fn set(&mut self, key: &str, value: &dyn Value) -> Result<bool, OptionError> {
        match key {
            "compare" => {
                self.compare = match value.string()? {
                    "exact" => TagCompare::Exact,
                    "case-insensitive" => TagCompare::CaseInsensitive,
                    "loose" => TagCompare::Loose,
                    "slug" => TagCompare::Slug,
                    other => {
                        return Err(value.error(
                            format!("unknown comparison `{other}`"),
                            Some("use \"slug\", \"exact\", \"case-insensitive\" or \"loose\""),
                        ));
                    }
                }
            }
            "sites" => {
                self.all_sites = match value.string()? {
                    "mirrors" => false,
                    "all" => true,
                    other => {
                        return Err(value.error(
                            format!("unknown kind of sites `{other}`"),
                            Some("use \"mirrors\" or \"all\""),
                        ));
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

pub fn check(ctx: &Context, out: &mut Sink) {
    let options = ctx.settings.rule::<Options>();
    // The link text of a mirror's tag link is its tag, as the generator
    // copies it; on an ordinary site a link to a tag page is prose
    // ("see our earlier posts"), whose words are the author's.
    if !options.all_sites && !ctx.is_mirror() {
        return;
    }
    let post = ctx.post;
    let mode = options.compare;
    for link in post.tag_links() {
        let Ok(tag) = &link.decoded else { continue };
        let anchor = &post.anchors()[link.anchor];
        let content = anchor.text(post.text);
        let raw = entities::decode_text(&content);
        // Most links say their tag word for word, often on lines of their
        // own: equal in every mode, with nothing made to compare them.
        if raw.split_whitespace().eq(tag.split_whitespace()) {
            continue;
        }
        // White space is no part of a slug: the slugs of the text as
        // written are those of the text collapsed.
        if mode == TagCompare::Slug && same_slug_chars(&raw, tag) {
            continue;
        }
        let text = normalize(&raw);
        if text.is_empty() || same(&text, &normalize(tag), mode) {
            continue;
        }
        if mode == TagCompare::Slug && !comparable(&text, tag) {
            continue;
        }
        let span = if anchor.content.is_empty() {
            anchor.span.clone()
        } else {
            anchor.content.clone()
        };
        out.push(
            out.diagnostic(
                span,
                format!("tag link text `{text}` does not match its tag `{tag}`"),
            )
            .label(format!("the text is `{text}`"))
            .related(link.tag.clone(), format!("the tag is `{tag}`"))
            .help(format!(
                "link `{text}` to its own tag page, or change the link text to `{tag}`"
            ))
            .fix(Fix::unsafe_(
                "point the link at the tag named by its text",
                vec![Edit {
                    range: link.tag.clone(),
                    content: percent_encode(&new_tag(&text, tag)),
                }],
            )),
        );
    }
}

/// Trim and collapse runs of Unicode white space into one space.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(text: &str, tag: &str, mode: TagCompare) -> bool {
    match mode {
        TagCompare::Exact => text == tag,
        TagCompare::CaseInsensitive => text.to_lowercase() == tag.to_lowercase(),
        TagCompare::Loose => {
            let fold = |s: &str| normalize(&s.to_lowercase().replace(['-', '_', '+'], " "));
            fold(text) == fold(tag)
        }
        TagCompare::Slug => slug(text) == slug(tag),
    }
}

/// The tag the link should point at to match `text`: written as a slug
/// (`harbour-tunnel`) when the site's existing tag is one, else the text.
fn new_tag(text: &str, old: &str) -> String {
    let slug_like = old.is_ascii() && !old.contains(' ') && old == old.to_lowercase();
    if !slug_like {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text
        .replace('&', " and ")
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
    {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty()
            && !out.ends_with('-')
            && (c.is_whitespace() || c == '-' || c == '_' || c == '+')
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Letters and digits only, lower-cased, common Latin accents removed, `&`
/// read as `and`: `China's Belt & Road` is `chinas-belt-and-road`.
fn slug(s: &str) -> String {
    slug_chars(s).collect()
}

/// Whether `a` and `b` have the same [`slug_chars`]; for ASCII (most
/// tags and their texts) a byte at a time, without the Unicode tables.
fn same_slug_chars(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        AsciiSlug::new(a).eq(AsciiSlug::new(b))
    } else {
        slug_chars(a).eq(slug_chars(b))
    }
}

/// [`slug_chars`] of ASCII text, as bytes.
struct AsciiSlug<'a> {
    rest: std::slice::Iter<'a, u8>,
    /// What is left of an `and` written for `&`.
    pending: &'static [u8],
}

impl<'a> AsciiSlug<'a> {
    fn new(s: &'a str) -> AsciiSlug<'a> {
        AsciiSlug {
            rest: s.as_bytes().iter(),
            pending: &[],
        }
    }
}

impl Iterator for AsciiSlug<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        if let Some((&b, rest)) = self.pending.split_first() {
            self.pending = rest;
            return Some(b);
        }
        loop {
            let b = *self.rest.next()?;
            if b == b'&' {
                self.pending = b"nd";
                return Some(b'a');
            }
            if b.is_ascii_alphanumeric() {
                return Some(b.to_ascii_lowercase());
            }
        }
    }
}

/// The characters of [`slug`]`(s)`, made one by one.
fn slug_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .flat_map(|c| {
            let (chars, n) = if c == '&' {
                (['a', 'n', 'd'], 3)
            } else {
                ([c, c, c], 1)
            };
            chars.into_iter().take(n)
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold_accent)
}

/// Can `tag` be a slug written for `text` at all? A number is an id, not a
/// name; an ASCII slug for text in another script is a transliteration or
/// a translation; a URL shown as the link text is not a name either.
fn comparable(text: &str, tag: &str) -> bool {
    if tag.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // Text with no letter or digit (`｜`, `→`) names nothing, and an id
    // such as `VGFnOjI1MDI3` is no name to compare it with.
    if !text.chars().any(char::is_alphanumeric) {
        return false;
    }
    // `11619-name`: an id, then the name (the form of matters.news).
    if let Some((id, name)) = tag.split_once('-')
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && slug(name) == slug(text)
    {
        return false;
    }
    if text.contains("://") || text.starts_with("www.") {
        return false;
    }
    let foreign = |c: char| {
        c.is_alphabetic() && fold_accent(c.to_lowercase().next().unwrap_or(c)) > '\u{24f}'
    };
    !(tag.is_ascii() && text.chars().any(foreign))
}

/// Map Latin letters with diacritics to their base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        'ß' => 's',
        c => c,
    }
}

/// Percent-encode everything but unreserved ASCII, in upper-case hex.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slug as first written: `&` replaced, then filtered and folded.
    fn slug_by_replacing(s: &str) -> String {
        s.replace('&', "and")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .map(fold_accent)
            .collect()
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Belt & Road"), "beltandroad");
        assert_eq!(slug("Ça İstanbul"), slug_by_replacing("Ça İstanbul"));
        assert_eq!(slug("王毅 访问"), "王毅访问");
    }

    /// A mirror post (`from:`) whose body is `links`.
    fn mirror_post(links: &str) -> String {
        format!(
            "---\nlayout: post\ntitle: \"Entities\"\ndate: 2022-10-31T16:39:58.000Z\n\
            from: https://news.example.com/2022/10/31/x.html\n---\n{links}"
        )
    }

    /// The rules a post breaks that are about tag links.
    fn tag_link_findings(text: &str) -> Vec<String> {
        let settings = crate::rules::Settings::default();
        crate::rules::tests::check("_posts/2022-10-31-x.md", text, &settings)
            .into_iter()
            .filter(|d| d.rule.starts_with("tag-link-"))
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    #[test]
    fn a_text_with_entities_matches_its_tag() {
        let text = mirror_post(
            "<p><a href=\"https://news.example.com/tag/Caf%C3%A9.html\">Caf&eacute;</a>\n\
            <a href=\"https://news.example.com/tag/%E2%80%94.html\">&mdash;</a>\n\
            <a href=\"https://news.example.com/tag/Caf%C3%A9.html\">Caf&eacute</a>\n\
            <a href=\"https://news.example.com/tag/Caf&eacute;.html\">Caf&#233;</a>\n\
            <a href=\"https://news.example.com/tag/%E2%80%93.html\">&#150;</a></p>\n",
        );
        assert_eq!(tag_link_findings(&text), Vec::<String>::new());
        // Its tag is still compared: another tag is a mismatch.
        let other = text.replacen("tag/Caf%C3%A9", "tag/Th%C3%A9", 1);
        assert_eq!(tag_link_findings(&other).len(), 1, "{other}");
    }

    /// Every name in the standard's table, as link text, matches a tag
    /// that is its character percent-encoded, and one written with the
    /// name itself.
    #[test]
    fn every_named_reference_matches_its_character() {
        let mut links = String::new();
        for (name, expansion) in htmlize::ENTITIES.entries() {
            let name = std::str::from_utf8(name).unwrap();
            let expansion = std::str::from_utf8(expansion).unwrap();
            let tag = percent_encode(&format!("x{expansion}y"));
            links.push_str(&format!(
                "<a href=\"https://news.example.com/tag/{tag}.html\">x{name}y</a>\n"
            ));
            // `%` is an escape once decoded.
            if expansion != "%" {
                links.push_str(&format!(
                    "<a href=\"https://news.example.com/tag/x{name}.html\">x{name}</a>\n"
                ));
            }
        }
        let found = tag_link_findings(&mirror_post(&links));
        assert!(
            found.is_empty(),
            "{} findings, first {:?}",
            found.len(),
            &found[..3.min(found.len())]
        );
    }

    proptest! {
        #[test]
        fn ascii_slug_chars_are_the_slug_chars(
            a in "[a-zA-Z&0-9 \\-_.']{0,16}",
            b in "[a-zA-Z&0-9 \\-_.']{0,16}",
        ) {
            prop_assert_eq!(
                same_slug_chars(&a, &b),
                slug_chars(&a).eq(slug_chars(&b)),
                "{:?} {:?}", a, b
            );
            // Against texts that mostly have the same slug.
            for near in [a.to_uppercase(), a.replace('&', " and "), a.replace(' ', "-x")] {
                prop_assert_eq!(
                    same_slug_chars(&a, &near),
                    slug_chars(&a).eq(slug_chars(&near)),
                    "{:?} {:?}", a, near
                );
            }
        }

        #[test]
        fn slug_chars_is_the_slug(s in "[a-zA-Z&É İ王毅 \\-_.'0-9]{0,24}") {
            prop_assert_eq!(slug(&s), slug_by_replacing(&s));
        }
    }
}
