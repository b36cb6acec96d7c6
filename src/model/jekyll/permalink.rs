//! The URL Jekyll gives a post, and the file it writes it to: the permalink
//! template (the post's `permalink`, else the site's), its placeholders
//! filled and escaped as `Jekyll::URL` does, then sanitised.

use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu_properties::{CodePointMapData, CodePointMapDataBorrowed};
use jiff::civil::DateTime;

/// The site's `permalink` setting as a template: a built-in style's name
/// (`date`, `pretty`, `ordinal`, `weekdate`, `none`) or a template itself.
/// Jekyll's default is `date`.
pub fn template(setting: Option<&str>) -> &str {
    match setting.unwrap_or("date") {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        other => other,
    }
}

/// What a post's placeholders are made from.
pub struct UrlParts<'a> {
    /// The post's date in the site's time zone.
    pub date: DateTime,
    /// Front matter `slug`, else the file name's slug.
    pub slug: &'a str,
    /// The file name without its extension.
    pub basename: &'a str,
    /// Categories, in order, as written.
    pub categories: &'a [String],
    /// `.html` for Markdown and HTML posts.
    pub output_ext: &'a str,
}

/// A post's URL and output file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlAndFile {
    /// The URL, escaped, as the site links to it.
    pub url: String,
    /// The path of the written file under the site's destination folder,
    /// unescaped, such as `2022/10/31/bridge.html`.
    pub file: String,
    /// The URL unescaped, as the file's path is made from it.
    pub unescaped: String,
}

/// Fill `template` as `Jekyll::URL#generate_url` does, then sanitise it and
/// find the file it is written to. `Err` names a placeholder Jekyll does not
/// know (it stops the build) or postlint does not fill.
pub fn output(template: &str, parts: &UrlParts) -> Result<UrlAndFile, String> {
    let url = sanitize(&fill(template, parts, escape_path_into)?);
    let unescaped = unescape(&url);
    let file = file_of(&unescaped, url.ends_with('/'), parts.output_ext);
    Ok(UrlAndFile {
        url,
        file,
        unescaped,
    })
}

/// [`output`]'s unescaped URL and file, made without escaping the
/// placeholders' values only to unescape them again when the template
/// holds no `%` (none of the built-in styles does): escaping keeps every
/// `.` and `/`, so sanitising then unescaping the escaped URL gives the
/// unescaped one sanitised.
pub fn output_file(template: &str, parts: &UrlParts) -> Result<(String, String), String> {
    if template.contains('%') {
        return output(template, parts).map(|o| (o.unescaped, o.file));
    }
    let unescaped = sanitize(&fill(template, parts, |v, out| out.push_str(v))?);
    let file = file_of(&unescaped, unescaped.ends_with('/'), parts.output_ext);
    Ok((unescaped, file))
}

/// The template with each placeholder's value written by `write`.
fn fill(
    template: &str,
    parts: &UrlParts,
    mut write: impl FnMut(&str, &mut String),
) -> Result<String, String> {
    let mut url = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        url.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        if len == 0 {
            url.push(':');
            rest = after;
            continue;
        }
        let name = &after[..len];
        // Jekyll tries the name, then the name without a trailing `_`
        // (`:title_` is `:title`, so that a placeholder can end in text).
        let (value, used) = match placeholder(name, parts) {
            Some(v) => (v, len),
            None => match name
                .strip_suffix('_')
                .and_then(|n| placeholder(n, parts).map(|v| (v, n.len())))
            {
                Some((v, n)) => (v, n),
                None => return Err(format!("`:{name}` is not a placeholder postlint can fill")),
            },
        };
        write(&value, &mut url);
        rest = &after[used..];
    }
    url.push_str(rest);
    Ok(url)
}

/// The file a post whose unescaped URL is `unescaped` is written to: under
/// the destination folder, `index` added to a folder's URL, the extension
/// added when the URL does not end in it.
fn file_of(unescaped: &str, folder: bool, output_ext: &str) -> String {
    let mut file = String::with_capacity(unescaped.len() + 16);
    file.push_str(unescaped.trim_start_matches('/'));
    if folder {
        file.push_str("index");
    }
    if !file.ends_with(output_ext) {
        file.push_str(output_ext);
    }
    file
}

/// The value of the placeholder `name` of a post's URL, when it has one.
pub fn placeholder(name: &str, p: &UrlParts) -> Option<String> {
    let d = p.date;
    Some(match name {
        "year" => padded(d.year().into(), 4),
        "month" => padded(d.month().into(), 2),
        "day" => padded(d.day().into(), 2),
        "hour" => padded(d.hour().into(), 2),
        "minute" => padded(d.minute().into(), 2),
        "second" => padded(d.second().into(), 2),
        "i_month" => d.month().to_string(),
        "i_day" => d.day().to_string(),
        "short_year" => format!("{:02}", d.year().rem_euclid(100)),
        "y_day" => format!("{:03}", d.day_of_year()),
        "short_month" => d.strftime("%b").to_string(),
        "long_month" => d.strftime("%B").to_string(),
        "short_day" => d.strftime("%a").to_string(),
        "long_day" => d.strftime("%A").to_string(),
        "week" => format!("{:02}", d.date().iso_week_date().week()),
        "w_year" => d.date().iso_week_date().year().to_string(),
        "w_day" => d
            .date()
            .iso_week_date()
            .weekday()
            .to_monday_one_offset()
            .to_string(),
        "title" => slugify(p.slug, true, true),
        "slug" => slugify(p.slug, false, false),
        "name" => slugify(p.basename, false, false),
        "categories" => {
            let mut seen: Vec<String> = Vec::new();
            for c in p.categories {
                let c = c.to_lowercase();
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
            seen.join("/")
        }
        "output_ext" => p.output_ext.to_string(),
        "collection" => "posts".to_string(),
        _ => return None,
    })
}

/// `n` in decimal, padded with zeros to `width` digits, as `{:0width$}`
/// formats it (a minus sign counts towards the width), without the
/// formatting machinery: every post's URL has three of them.
fn padded(n: i64, width: usize) -> String {
    // The digits, last first.
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let sign = usize::from(n < 0);
    let mut out = String::with_capacity(width.max(len + sign));
    if n < 0 {
        out.push('-');
    }
    for _ in len + sign..width {
        out.push('0');
    }
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
    out
}

/// Whether `slugify` keeps `c` (else it is part of a run made `-`).
fn slug_keeps(
    c: char,
    pretty: bool,
    categories: CodePointMapDataBorrowed<'_, GeneralCategory>,
) -> bool {
    // Of ASCII, only letters and digits are letters, marks or decimal
    // digits: no table needed.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric()
            || (pretty
                && matches!(
                    c,
                    '.' | '_'
                        | '~'
                        | '!'
                        | '$'
                        | '&'
                        | '\''
                        | '('
                        | ')'
                        | '+'
                        | ','
                        | ';'
                        | '='
                        | '@'
                ));
    }
    // The CJK Unified Ideographs are all letters (a test holds the
    // table to it): most titles with a char beyond ASCII are in them.
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        return true;
    }
    // The `pretty` mode's extra chars are all ASCII.
    let gc = categories.get(c);
    GeneralCategoryGroup::Letter.contains(gc)
        || GeneralCategoryGroup::Mark.contains(gc)
        || gc == GeneralCategory::DecimalNumber
}

/// The first char of `slugify(s, true, _)`, without making it: the first
/// char that slug keeps (a run of others before it becomes a `-` that is
/// dropped). `None` when the slug is empty.
pub fn slug_start(s: &str) -> Option<char> {
    let categories = CodePointMapData::<GeneralCategory>::new();
    s.chars().find(|&c| slug_keeps(c, true, categories))
}

/// `Jekyll::Utils.slugify` in `pretty` mode (`pretty: true`) or its default
/// mode: every run of characters other than letters, marks and decimal
/// digits (and, in `pretty` mode, `._~!$&'()+,;=@`) becomes `-`; one `-` at
/// either end is dropped; the result is lowercased unless `cased`.
pub fn slugify(s: &str, pretty: bool, cased: bool) -> String {
    let categories = CodePointMapData::<GeneralCategory>::new();
    let kept = |c: char| slug_keeps(c, pretty, categories);
    let mut out = String::with_capacity(s.len());
    let mut in_run = false;
    for c in s.chars() {
        if kept(c) {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    let out = out.strip_prefix('-').unwrap_or(&out);
    let out = out.strip_suffix('-').unwrap_or(out);
    if cased {
        out.to_string()
    } else {
        crate::model::text::case::lowercase(out).into_owned()
    }
}

/// What `Jekyll::URL.escape_path` leaves as it is: unreserved characters,
/// sub-delimiters, `:`, `@` and `/`.
fn path_keeps(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'/'
        )
}

/// `Jekyll::URL.escape_path` of `s`, onto `out`: percent-encode everything
/// else, byte by byte, with upper-case hex digits.
fn escape_path_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut kept = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !path_keeps(b) {
            // Kept bytes are ASCII: a run of them starts and ends on char
            // boundaries.
            if kept < i {
                out.push_str(&s[kept..i]);
            }
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
            // Only ASCII is ever kept, so the next byte starts a char or
            // is encoded too: `kept` is where the next kept run starts.
            kept = i + 1;
        }
    }
    if kept < s.len() {
        out.push_str(&s[kept..]);
    }
}

/// `Jekyll::URL.escape_path` of `s`.
pub fn escape_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_path_into(s, &mut out);
    out
}

/// `Jekyll::URL#sanitize_url` of `s` (see [`sanitize`]).
pub fn sanitize_url(s: &str) -> String {
    sanitize(s)
}

/// `Jekyll::URL.unescape_path`: decode every `%XX` (a bad escape stays),
/// then read the bytes as UTF-8, a bad sequence as U+FFFD.
pub fn unescape(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    fn hex(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let escape = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex(hi).zip(hex(lo)),
            _ => None,
        };
        match escape {
            Some((hi, lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// `Jekyll::URL#sanitize_url`: a leading `/`, every `..` made `/`, every
/// `./` dropped, runs of `/` squeezed to one.
fn sanitize(s: &str) -> String {
    let mut s = ["/", s].concat();
    // Whether a byte `a` is followed by one of `next`, looked for at each
    // `a` (an URL holds few `.` and `/`).
    let pair = |s: &str, a: u8, next: &[u8]| {
        let b = s.as_bytes();
        memchr::memchr_iter(a, b).any(|i| b.get(i + 1).is_some_and(|c| next.contains(c)))
    };
    // Most URLs hold neither: no copies for them.
    if pair(&s, b'.', b"./") {
        if s.contains("..") {
            s = s.replace("..", "/");
        }
        if s.contains("./") {
            s = s.replace("./", "");
        }
    }
    if !pair(&s, b'/', b"/") {
        return s;
    }
    // Each `/` right after another is left out (the one before it is kept
    // or left out itself, so the last byte kept is a `/` too). A `/` is one
    // byte that is never part of another char: the stretches between are
    // whole chars, copied as they are.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut kept_from = 0;
    for i in memchr::memchr_iter(b'/', bytes) {
        if i > 0 && bytes[i - 1] == b'/' {
            out.push_str(&s[kept_from..i]);
            kept_from = i + 1;
        }
    }
    out.push_str(&s[kept_from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(slug: &'a str, categories: &'a [String]) -> UrlParts<'a> {
        UrlParts {
            date: jiff::civil::date(2022, 3, 7).at(9, 5, 0, 0),
            slug,
            basename: slug,
            categories,
            output_ext: ".html",
        }
    }

    proptest::proptest! {
        #[test]
        fn padded_numbers_are_formatted_numbers(n in proptest::num::i64::ANY, width in 0usize..6) {
            proptest::prop_assert_eq!(padded(n, width), format!("{n:0width$}"));
        }
    }

    proptest::proptest! {
        /// The unescaped URL and file made without escaping are those made
        /// by escaping and unescaping, for templates with and without `%`.
        #[test]
        fn the_file_is_made_alike_without_escaping(
            template in proptest::sample::select(vec![
                "/:categories/:year/:month/:day/:title:output_ext",
                "/:categories/:title/",
                "/x/../:slug/./:name//:title_.y",
                ":title",
                "/%E4%B8%AD/:title/",
                "/a%2F:slug%",
            ]),
            slug in "[a-zA-Z0-9 ./%:_\\-中é?#]{0,12}",
            category in "[a-z./% 中]{0,6}",
        ) {
            let categories = [category];
            let p = parts(&slug, &categories);
            let full = output(template, &p).map(|o| (o.unescaped, o.file));
            proptest::prop_assert_eq!(output_file(template, &p), full);
        }
    }

    #[test]
    fn the_default_permalink() {
        let cats = ["News".to_string(), "world".to_string()];
        let out = output(template(None), &parts("Bridge reopens?", &cats)).unwrap();
        assert_eq!(out.url, "/news/world/2022/03/07/Bridge-reopens.html");
        assert_eq!(out.file, "news/world/2022/03/07/Bridge-reopens.html");
        let out = output(template(None), &parts("王毅 访问", &[])).unwrap();
        assert_eq!(
            out.url,
            "/2022/03/07/%E7%8E%8B%E6%AF%85-%E8%AE%BF%E9%97%AE.html"
        );
        assert_eq!(out.file, "2022/03/07/王毅-访问.html");
    }

    #[test]
    fn styles_and_placeholders() {
        let p = parts("a b", &[]);
        assert_eq!(
            output(template(Some("pretty")), &p).unwrap().file,
            "2022/03/07/a-b/index.html"
        );
        assert_eq!(
            output(template(Some("ordinal")), &p).unwrap().url,
            "/2022/066/a-b.html"
        );
        assert_eq!(output(template(Some("none")), &p).unwrap().url, "/a-b.html");
        assert_eq!(
            output(template(Some("weekdate")), &p).unwrap().url,
            "/2022/W10/Mon/a-b.html"
        );
        assert_eq!(
            output(
                "/:i_month/:i_day/:short_year/:hour:minute/:slug",
                &parts("A B", &[])
            )
            .unwrap()
            .file,
            "3/7/22/0905/a-b.html"
        );
        assert_eq!(output("/:title_.x/", &p).unwrap().url, "/a-b_.x/");
        assert!(output("/:title_x/", &p).is_err());
        assert!(output("/:nope/", &p).is_err());
    }

    #[test]
    fn sanitised_like_jekyll() {
        // A slug ending in `.` meets `.html`: Jekyll turns `..` into `/`.
        let out = output(template(None), &parts("the U.S.", &[])).unwrap();
        assert_eq!(out.url, "/2022/03/07/the-U.S/html");
        assert_eq!(out.file, "2022/03/07/the-U.S/html.html");
        assert_eq!(sanitize("a//b/./c"), "/a/b/c");
    }

    /// The plain forms of the escaping, unescaping, sanitising and
    /// slugifying above, for them to agree with.
    mod plain {
        use super::super::*;
        use percent_encoding::{
            AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode,
        };

        /// What `Jekyll::URL.escape_path` leaves as it is: unreserved characters,
        /// sub-delimiters, `:`, `@` and `/`.
        const PATH_KEEPS: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~')
            .remove(b'!')
            .remove(b'$')
            .remove(b'&')
            .remove(b'\'')
            .remove(b'(')
            .remove(b')')
            .remove(b'*')
            .remove(b'+')
            .remove(b',')
            .remove(b';')
            .remove(b'=')
            .remove(b':')
            .remove(b'@')
            .remove(b'/');

        pub fn escape_path(s: &str) -> String {
            utf8_percent_encode(s, PATH_KEEPS).to_string()
        }

        pub fn unescape(s: &str) -> String {
            percent_decode_str(s).decode_utf8_lossy().into_owned()
        }

        pub fn sanitize(s: &str) -> String {
            let s = format!("/{s}").replace("..", "/").replace("./", "");
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                if !(c == '/' && out.ends_with('/')) {
                    out.push(c);
                }
            }
            out
        }

        pub fn slugify(s: &str, pretty: bool, cased: bool) -> String {
            let categories = CodePointMapData::<GeneralCategory>::new();
            let kept = |c: char| {
                let gc = categories.get(c);
                GeneralCategoryGroup::Letter.contains(gc)
                    || GeneralCategoryGroup::Mark.contains(gc)
                    || gc == GeneralCategory::DecimalNumber
                    || (pretty && "._~!$&'()+,;=@".contains(c))
            };
            let mut out = String::new();
            let mut in_run = false;
            for c in s.chars() {
                if kept(c) {
                    out.push(c);
                    in_run = false;
                } else if !in_run {
                    out.push('-');
                    in_run = true;
                }
            }
            let out = out.strip_prefix('-').unwrap_or(&out);
            let out = out.strip_suffix('-').unwrap_or(out);
            if cased {
                out.to_string()
            } else {
                out.to_lowercase()
            }
        }
    }

    fn url_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a",
                "Z",
                "9",
                "/",
                ".",
                "..",
                "./",
                "%",
                "%4",
                "%41",
                "%e7%8e%8b",
                "%ZZ",
                "%ff",
                "%C3",
                "王",
                "😀",
                " ",
                "-",
                "_",
                "~",
                "!",
                "?",
                "#",
                "&",
                "'",
                "@",
                ":",
                "+",
                "é",
                "e\u{301}",
                "\u{0}",
                "\t",
                "⑤",
                "ǅ",
                "《",
                "，",
                "Ａ",
                "Σ",
                "\u{9fff}",
            ]),
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_fast_forms_agree_with_the_plain_ones(
            s in url_text(),
            pretty in proptest::bool::ANY,
            cased in proptest::bool::ANY,
        ) {
            let mut escaped = String::from("x");
            escape_path_into(&s, &mut escaped);
            proptest::prop_assert_eq!(&escaped[1..], plain::escape_path(&s));
            proptest::prop_assert_eq!(unescape(&s), plain::unescape(&s));
            proptest::prop_assert_eq!(sanitize(&s), plain::sanitize(&s));
            proptest::prop_assert_eq!(slugify(&s, pretty, cased), plain::slugify(&s, pretty, cased));
            proptest::prop_assert_eq!(slug_start(&s), plain::slugify(&s, true, true).chars().next());
        }
    }

    /// What `slugify` takes for granted of the CJK Unified Ideographs.
    #[test]
    fn cjk_ideographs_are_letters() {
        let categories = CodePointMapData::<GeneralCategory>::new();
        for c in '\u{4e00}'..='\u{9fff}' {
            assert!(
                GeneralCategoryGroup::Letter.contains(categories.get(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn slugify_modes() {
        assert_eq!(slugify("Bridge reopens!", true, true), "Bridge-reopens!");
        assert_eq!(slugify("Bridge reopens!", false, false), "bridge-reopens");
        assert_eq!(slugify("  王毅 访问 ", true, true), "王毅-访问");
        assert_eq!(slugify("a|b  c", true, true), "a-b-c");
        // `⑤` is a number but not a decimal digit; `é` as e + U+0301 keeps its mark.
        assert_eq!(slugify("系列⑤", true, true), "系列");
        assert_eq!(slugify("cafe\u{301}", true, true), "cafe\u{301}");
        assert_eq!(slugify("???", true, true), "");
    }
}
