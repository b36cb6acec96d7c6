//! Properties of fixing, over generated synthetic posts: clean ones and ones
//! with injected defects (bad or mismatched timestamp comments, a
//! double-encoded source URL, a repeated key, `title: no`, a tag link whose
//! text is another tag), with LF or CRLF, with or without a BOM and a final
//! newline; and tag links whose text or href holds character references.

use std::collections::BTreeSet;
use std::path::Path;

use postlint::engine::fix;
use postlint::{Applicability, Config, Diagnostic, Edit};
use proptest::prelude::*;

const PATH: &str = "_posts/2022-10-31-generated.md";

/// Tags as (text, percent-encoded); all in one script, so a mismatch between
/// two of them is always compared.
const TAGS: &[(&str, &str)] = &[
    ("港口", "%E6%B8%AF%E5%8F%A3"),
    ("王毅", "%E7%8E%8B%E6%AF%85"),
    ("图书馆", "%E5%9B%BE%E4%B9%A6%E9%A6%86"),
];

#[derive(Clone, Debug)]
struct Spec {
    ms: i64,
    date_style: u8,
    comment: u8,
    other_ms: i64,
    title_no: bool,
    duplicate: bool,
    double_encoded: bool,
    tag: usize,
    tag_text: usize,
    crlf: bool,
    bom: bool,
    final_newline: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        (1_400_000_000_000i64..1_700_000_000_000, 0u8..3, 0u8..4),
        (
            1_400_000_000_000i64..1_700_000_000_000,
            any::<bool>(),
            any::<bool>(),
        ),
        (any::<bool>(), 0..TAGS.len(), 0..TAGS.len()),
        (any::<bool>(), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (ms, date_style, comment),
                (other_ms, title_no, duplicate),
                (double_encoded, tag, tag_text),
                (crlf, bom, final_newline),
            )| Spec {
                ms,
                date_style,
                comment,
                other_ms,
                title_no,
                duplicate,
                double_encoded,
                tag,
                tag_text,
                crlf,
                bom,
                final_newline,
            },
        )
}

fn post(s: &Spec) -> String {
    let at = jiff::Timestamp::from_millisecond(s.ms).unwrap();
    let date = match s.date_style {
        0 => at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        1 => format!(
            "{} +08:00",
            jiff::tz::offset(8)
                .to_datetime(at)
                .strftime("%Y-%m-%d %H:%M:%S%.3f")
        ),
        _ => format!("\"{}\"", at.strftime("%Y-%m-%d %H:%M:%S%.3f")),
    };
    let comment = match s.comment {
        0 | 1 => s.ms.to_string(),
        2 => "NaN".to_string(),
        _ => s.other_ms.to_string(),
    };
    let title = if s.title_no { "no" } else { "\"River guide\"" };
    let header = if s.title_no { "no" } else { "River guide" };
    let segment = if s.double_encoded {
        "%25E6%25B2%25B3"
    } else {
        "%E6%B2%B3"
    };
    let from = format!("https://news.example.com/2022/10/31/{segment}.html");
    let duplicate = if s.duplicate { "author: Desk\n" } else { "" };
    let (text, _) = TAGS[s.tag_text];
    let (_, href) = TAGS[s.tag];
    let mut out = format!(
        "---\nlayout: post\ntitle: {title}\ndate: {date}\nauthor: Desk\nfrom: {from}\n{duplicate}---\n<!--{comment}-->\n[{header}]({from})\n------\n\n<p>See <a href=\"https://news.example.com/tag/{href}.html\">{text}</a>.</p>\n"
    );
    if !s.final_newline {
        out.pop();
    }
    if s.crlf {
        out = out.replace('\n', "\r\n");
    }
    if s.bom {
        out.insert(0, '\u{feff}');
    }
    out
}

fn family(d: &Diagnostic) -> String {
    postlint::rules::find(d.rule)
        .map(|(_, r)| r.meta().family.clone())
        .unwrap()
}

/// `text` with `edits` applied, written here rather than taken from the
/// library, so that the fixer is not checked against itself.
fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::new();
    let mut pos = 0;
    for e in edits {
        assert!(pos <= e.range.start, "a fix's own edits overlap");
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.content);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// The 0-based lines a byte range touches.
fn lines_of(text: &str, range: &std::ops::Range<usize>) -> std::ops::RangeInclusive<usize> {
    let first = text[..range.start].matches('\n').count();
    let last = text[..range.end].matches('\n').count();
    first..=last
}

/// The 0-based lines of `old` that differ in `new`, by a line LCS.
fn changed_lines(old: &str, new: &str) -> BTreeSet<usize> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut out = BTreeSet::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && t[i + 1][j] >= t[i][j + 1]) {
            out.insert(i);
            i += 1;
        } else {
            // An inserted line sits between lines i-1 and i.
            out.insert(i.saturating_sub(1));
            j += 1;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fixing_is_idempotent_local_and_never_adds_a_family(s in spec(), unsafe_fixes in any::<bool>()) {
        let text = post(&s);
        let config = Config::default();
        let path = Path::new(PATH);
        let before = postlint::check(path, &text, &config);
        let fixed = fix(path, &text, &config, unsafe_fixes);

        // Fixing the fixed text changes nothing.
        let again = fix(path, &fixed.text, &config, unsafe_fixes);
        prop_assert_eq!(again.fixes, 0);
        prop_assert_eq!(&again.text, &fixed.text);

        // A post with no finding is left byte for byte.
        if before.is_empty() {
            prop_assert_eq!(fixed.fixes, 0);
            prop_assert_eq!(&fixed.text, &text);
        }
        if fixed.fixes == 0 {
            prop_assert_eq!(&fixed.text, &text);
        }

        // Only the lines the fixes edit change; the BOM, the line endings
        // and the final newline stay as they were.
        let edited: BTreeSet<usize> = before
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter())
            .flat_map(|e| lines_of(&text, &e.range))
            .collect();
        let changed = changed_lines(&text, &fixed.text);
        prop_assert!(changed.is_subset(&edited), "changed {:?}, edited {:?}\n{}\n---\n{}", changed, edited, text, fixed.text);
        prop_assert_eq!(fixed.text.starts_with('\u{feff}'), s.bom);
        prop_assert_eq!(fixed.text.contains("\r\n"), s.crlf);
        prop_assert_eq!(fixed.text.matches('\n').count() == fixed.text.matches("\r\n").count(), s.crlf);
        prop_assert_eq!(fixed.text.ends_with('\n'), s.final_newline);

        // Fixing never brings up a finding of a family that was not there.
        let families: BTreeSet<String> = before.iter().map(family).collect();
        for d in &fixed.remaining {
            prop_assert!(families.contains(&family(d)), "new {} after fixing:\n{}", d.rule, fixed.text);
        }
        // What is left is what a separate check of the fixed text finds:
        // its own configuration, its own parse of a copy of the text, made
        // after fixing and apart from the fix loop's last check.
        let fresh_config = Config::default();
        let copy = String::from(fixed.text.as_str());
        let fresh = postlint::check(path, &copy, &fresh_config);
        prop_assert_eq!(&fixed.remaining, &fresh);
        // The loop stopped because it was done: no fix the run allows in that
        // fresh check changes the fixed text, when applied by this test's
        // own code rather than the fixer's.
        for d in &fresh {
            let Some(f) = d.fix.as_ref() else { continue };
            if f.applicability == Applicability::Unsafe && !unsafe_fixes {
                continue;
            }
            prop_assert_eq!(
                apply_edits(&fixed.text, &f.edits),
                fixed.text.clone(),
                "{} still has a fix that changes the fixed text",
                d.rule
            );
        }
    }
}

#[test]
fn the_generator_injects_what_it_says() {
    let mut s = Spec {
        // 15:06:40 on 31 October at +08:00, the same day in UTC, the zone
        // of a site without `_config.yml`.
        ms: 1_667_200_000_000,
        date_style: 1,
        comment: 2,
        other_ms: 1_667_234_399_000,
        title_no: true,
        duplicate: true,
        double_encoded: true,
        tag: 0,
        tag_text: 1,
        crlf: true,
        bom: true,
        final_newline: false,
    };
    let config = Config::default();
    let path = Path::new(PATH);
    let text = post(&s);
    let rules: BTreeSet<&str> = postlint::check(path, &text, &config)
        .iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(
        rules,
        BTreeSet::from([
            "front-matter-duplicate-key",
            "front-matter-wrong-type",
            "source-double-encoded",
            "tag-link-mismatch",
            "timestamp-malformed",
        ])
    );
    let fixed = fix(path, &text, &config, true);
    assert!(fixed.remaining.is_empty(), "{:?}", fixed.remaining);
    assert_eq!(fixed.fixes, 5);
    s.comment = 3;
    let found = postlint::check(path, &post(&s), &config);
    assert!(found.iter().any(|d| d.rule == "timestamp-mismatch"));
    let clean = Spec {
        comment: 0,
        title_no: false,
        duplicate: false,
        double_encoded: false,
        tag_text: 0,
        ..s
    };
    assert_eq!(postlint::check(path, &post(&clean), &config), vec![]);
}

/// Every named reference of the HTML standard (`&eacute;`, and the legacy
/// `&eacute` without `;`) with its characters, in name order.
static NAMED_REFERENCES: std::sync::LazyLock<Vec<(String, String)>> =
    std::sync::LazyLock::new(named_references);

fn named_references() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = htmlize::ENTITIES
        .entries()
        .map(|(name, chars)| {
            (
                String::from_utf8(name.to_vec()).unwrap(),
                String::from_utf8(chars.to_vec()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

/// One word of a link text: letters, then a reference to `chars`, written
/// as its name (`form` 0), in decimal (1) or in hex (2).
fn reference_word(letters: &str, name: &str, chars: &str, form: u8) -> String {
    let reference: String = match form {
        0 => name.to_string(),
        1 => chars.chars().map(|c| format!("&#{};", c as u32)).collect(),
        _ => chars
            .chars()
            .map(|c| format!("&#x{:X};", c as u32))
            .collect(),
    };
    format!("{letters}{reference}")
}

/// What a fix wrote that reads as a character reference: `%26` then a name
/// or `%23` and digits, then `%3B`; or an unescaped `&name;` or `&#`.
fn written_reference(url: &str) -> Option<&str> {
    let b = url.as_bytes();
    for (i, _) in url.match_indices("%26") {
        let mut j = i + 3;
        if url[j..].starts_with("%23") {
            j += 3;
            if url[j..].starts_with(['x', 'X']) {
                j += 1;
            }
        }
        let start = j;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j > start && url[j..].starts_with("%3B") {
            return Some(&url[i..j + 3]);
        }
    }
    for (i, _) in url.match_indices('&') {
        let rest = &b[i + 1..];
        let name = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if rest.first() == Some(&b'#') || (name > 0 && rest.get(name) == Some(&b';')) {
            return Some(&url[i..]);
        }
    }
    None
}

/// The values of the `href` attributes in `text`.
fn hrefs(text: &str) -> Vec<&str> {
    text.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(v, _)| v))
        .collect()
}

/// Other tags a link may point at: in the same script as Latin text, in
/// another, and a slug.
const OTHER_TAGS: &[&str] = &["Th%C3%A9", "%E6%B8%AF%E5%8F%A3", "harbour-bridge"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A tag link whose text holds character references, pointing at the
    /// tag its text names (with the tag percent-encoded, or written with
    /// the same references) or at another tag: it matches its own tag, and
    /// a fix never writes a reference, decoded or not, into a URL.
    #[test]
    fn fixes_never_write_a_character_reference_into_a_url(
        words in proptest::collection::vec(
            ("[A-Za-z]{0,4}", 0..2231usize, 0u8..3),
            1..4,
        ),
        target in 0u8..(2 + OTHER_TAGS.len() as u8),
    ) {
        let table = &*NAMED_REFERENCES;
        prop_assert_eq!(table.len(), 2231);
        let words: Vec<String> = words
            .iter()
            .map(|(letters, i, form)| {
                let (name, chars) = &table[*i];
                reference_word(letters, name, chars, *form)
            })
            .collect();
        // Words apart, so that no decoded `&` runs into a name after it.
        let link_text = words.join(" ");
        let decoded = htmlize::unescape(link_text.as_str()).into_owned();
        let tag = match target {
            0 => percent_encoding::utf8_percent_encode(&decoded, percent_encoding::NON_ALPHANUMERIC)
                .to_string(),
            1 => words.join("%20"),
            n => OTHER_TAGS[usize::from(n) - 2].to_string(),
        };
        let text = format!(
            "---\nlayout: post\ntitle: \"River guide\"\ndate: 2022-10-31T16:39:58.000Z\n\
            author: Desk\nfrom: https://news.example.com/2022/10/31/river.html\n---\n\
            <!--1667234398000-->\n[River guide](https://news.example.com/2022/10/31/river.html)\n\
            ------\n\n<p>See <a href=\"https://news.example.com/tag/{tag}.html\">{link_text}</a>.</p>\n"
        );
        let config = Config::default();
        let path = Path::new(PATH);
        let mismatches = postlint::check(path, &text, &config)
            .into_iter()
            .filter(|d| d.rule == "tag-link-mismatch")
            .count();
        if target < 2 {
            prop_assert_eq!(mismatches, 0, "{}", text);
        }

        let fixed = fix(path, &text, &config, true);
        let before = hrefs(&text);
        for url in hrefs(&fixed.text).into_iter().filter(|u| !before.contains(u)) {
            prop_assert_eq!(written_reference(url), None, "{}\n---\n{}", text, fixed.text);
            let plain = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
            prop_assert_eq!(
                htmlize::unescape(plain.as_ref()),
                plain.as_ref(),
                "{}\n---\n{}", text, fixed.text
            );
        }
        let again = fix(path, &fixed.text, &config, true);
        prop_assert_eq!(again.fixes, 0, "{}", fixed.text);
    }
}

#[test]
fn written_references_are_found() {
    for url in [
        "/tag/Caf%26eacute%3B.html",
        "/tag/%26mdash%3B.html",
        "/tag/%26%23233%3B",
        "/tag/%26%23xE9%3B",
        "/tag/Caf&eacute;.html",
        "/tag/&#233;",
    ] {
        assert!(written_reference(url).is_some(), "{url}");
    }
    for url in [
        "/tag/Caf%C3%A9.html",
        "/tag/%26-%3B",
        "/tag/AT%26T",
        "/tag/a&b",
    ] {
        assert_eq!(written_reference(url), None, "{url}");
    }
}
