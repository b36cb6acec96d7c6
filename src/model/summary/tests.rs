use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::compact::*;
use super::full::*;
use crate::model::body::entities;
use crate::model::body::timestamp::TimestampUnit;
use crate::model::front_matter::source::normalize_source;
use crate::model::jekyll::output::categories;
use crate::model::jekyll::site::{Kind, Site};
use crate::model::tag::site_page::*;
use crate::model::{ParseOptions, Post};

const NOW: Timestamp = Timestamp::constant(1_700_000_000, 0);

fn parse(text: &str) -> Post<'_> {
    static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;
    Post::parse(
        text,
        ParseOptions {
            timezone: &UTC,
            unit: TimestampUnit::Auto,
            source_keys: &[],
            tag_patterns: &[],
            tag_scope: None,
        },
    )
}

#[test]
fn site_tag_links() {
    assert_eq!(site_tag("/tags/#bridges").as_deref(), Some("bridges"));
    assert_eq!(site_tag("/blog/tags.html#a%20b").as_deref(), Some("a b"));
    assert_eq!(site_tag("/tag/bridges/").as_deref(), Some("bridges"));
    assert_eq!(site_tag("../tags/%E7%8E%8B.html").as_deref(), Some("王"));
    assert_eq!(site_tag("tag/x?page=2").as_deref(), Some("x"));
    for not in [
        "https://news.example.com/tag/x.html",
        "//cdn.example.com/tag/x/",
        "/tags/",
        "/tags/#",
        "/posts/x/",
        "/tag/%zz/",
        "mailto:tag/x",
        "HTTP://x.example/tag/y/",
        "{{site.github_url}}/tool/releases/tag/v1.2",
        "{{ site.url }}/tag/x/",
        "{{ '/tag/x/' | relative_url }}",
        "{% link tags/x.md %}",
        "{{ site.baseurl }}https://x.example/tag/y/",
    ] {
        assert_eq!(site_tag(not), None, "{not}");
    }
    // The site's base path keeps a link on the site.
    assert_eq!(site_tag("{{ site.baseurl }}/tag/x/").as_deref(), Some("x"));
    assert_eq!(site_tag("{{site.baseurl}}/tags/#y").as_deref(), Some("y"));
    assert_eq!(site_tag("{{- site.baseurl -}}/tag/z").as_deref(), Some("z"));
}

#[test]
fn the_prefilter_lets_every_tag_page_link_through() {
    for href in [
        "/tags/#a",
        "/tags#a",
        "tags.html#a",
        "/tag/a",
        "tag.html#a",
        "/x/tags/a",
    ] {
        assert!(mentions_tag_page(href.as_bytes()), "{href}");
        assert!(site_tag(href).is_some(), "{href}");
    }
    assert!(!mentions_tag_page(
        b"<a href=\"/stage/vintage\">tagline</a>"
    ));
}

proptest::proptest! {
    /// An href the prefilter skips as pointing elsewhere is never a
    /// tag page link once its entities are decoded.
    #[test]
    fn hrefs_that_point_elsewhere_name_no_tag(
        lead in proptest::sample::select(vec!["", " ", "&#32;", "&nbsp;"]),
        start in proptest::sample::select(vec![
            "", "/", "//", "https:", "http://x", "x+y.z:", "&#104;ttps:", "h&amp;:",
            "1x:", ":", "&#47;/",
        ]),
        page in proptest::sample::select(vec![
            "/tag/a", "tag/a", "/tags/#a", "tags.html#a", "/x/tags/a.html", "/a",
        ]),
    ) {
        let href = format!("{lead}{start}{page}");
        if points_elsewhere(&href) {
            // Decoded, it still starts with `//` or a scheme (RFC 3986:
            // a letter, then letters, digits, `+`, `-` or `.`).
            let decoded = entities::decode_attribute(&href);
            let decoded = decoded.trim();
            let scheme = decoded.split_once(':').is_some_and(|(s, _)| {
                s.starts_with(|c: char| c.is_ascii_alphabetic())
                    && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            proptest::prop_assert!(decoded.starts_with("//") || scheme, "{decoded:?}");
            proptest::prop_assert!(site_tag(decoded).is_none());
        }
    }
}

#[test]
fn sources() {
    let n = |s: &str| normalize_source(&url::Url::parse(s).unwrap());
    assert_eq!(
        n("https://News.Example.com/a/b/#top"),
        n("http://news.example.com/a/b")
    );
    assert_eq!(n("https://x.example/%E7%8E%8B"), n("https://x.example/王"));
    assert_ne!(n("https://x.example/a?id=1"), n("https://x.example/a?id=2"));
    assert_eq!(n("ftp://x.example/a"), None);
}

#[test]
fn categories_come_from_folders_then_front_matter() {
    let site = Site {
        root: Some("site".into()),
        ..Site::default()
    };
    let text = "---\ntitle: t\ncategories: News World\ncategory: Extra\n---\n";
    let post = parse(text);
    let path = Path::new("site/city/_posts/2022/2022-01-01-a.md");
    assert_eq!(
        categories(path, &post, &site),
        ["city", "News", "World", "Extra"]
    );
    let summary = summarize(path, &post, &site, NOW, Wanted::default(), false);
    assert_eq!(
        summary.output.unwrap().url,
        "/city/news/world/extra/2022/01/01/a.html"
    );
    // No site folder known: every folder of the path counts.
    let site = Site::default();
    assert_eq!(
        categories(Path::new("/srv/site/city/_posts/a.md"), &post, &site),
        ["srv", "site", "city", "News", "World", "Extra"]
    );
}

#[test]
fn markdown_becomes_html_and_other_files_keep_their_extension() {
    let site = Site::default();
    let text = "---\ntitle: t\n---\n";
    let post = parse(text);
    let url = |name: &str| {
        let path = PathBuf::from(format!("_posts/{name}"));
        summarize(&path, &post, &site, NOW, Wanted::default(), false)
            .output
            .map(|o| o.url)
    };
    assert_eq!(
        url("2022-01-01-a.MD").as_deref(),
        Some("/2022/01/01/a.html")
    );
    assert_eq!(
        url("2022-01-01-a.mkdn").as_deref(),
        Some("/2022/01/01/a.html")
    );
    assert_eq!(
        url("2022-01-01-a.htm").as_deref(),
        Some("/2022/01/01/a.htm")
    );
    assert_eq!(
        url("2022-01-01-a.html").as_deref(),
        Some("/2022/01/01/a.html")
    );
    assert_eq!(url("a.md"), None);
}

#[test]
fn stamps_order_as_timestamps_do() {
    let stamps = [
        -1_500_000_000i64,
        -1_000_000_000,
        -500_000_000,
        0,
        500_000_000,
        1_500_000_000,
    ];
    for a in stamps {
        for b in stamps {
            let (ta, tb) = (
                Timestamp::from_nanosecond(a.into()).unwrap(),
                Timestamp::from_nanosecond(b.into()).unwrap(),
            );
            assert_eq!(
                Stamp::from(ta).cmp(&Stamp::from(tb)),
                ta.cmp(&tb),
                "{a} {b}"
            );
        }
    }
}

#[test]
fn a_post_dated_in_the_future_by_its_file_name_is_not_published() {
    let post = parse("---\ntitle: t\n---\n");
    let url = |name: &str, future: bool| {
        let site = Site {
            future,
            ..Site::default()
        };
        let path = PathBuf::from(format!("_posts/{name}"));
        summarize(&path, &post, &site, NOW, Wanted::default(), false)
            .output
            .map(|o| o.url)
    };
    assert_eq!(url("2999-10-31-a.md", false), None);
    assert_eq!(
        url("2999-10-31-a.md", true).as_deref(),
        Some("/2999/10/31/a.html")
    );
    assert_eq!(
        url("2022-10-31-a.md", false).as_deref(),
        Some("/2022/10/31/a.html")
    );
}

#[test]
fn only_a_post_read_as_a_mirror_has_a_source() {
    static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;
    let keys = ["from".to_string()];
    let text = "---\ntitle: t\nfrom: https://news.example.com/a.html\n---\n";
    let post = Post::parse(
        text,
        ParseOptions {
            timezone: &UTC,
            unit: TimestampUnit::Auto,
            source_keys: &keys,
            tag_patterns: &[],
            tag_scope: None,
        },
    );
    let path = Path::new("_posts/2022-01-01-a.md");
    let source = |kind: Option<Kind>, kind_set: bool| {
        let site = Site {
            kind,
            kind_set,
            ..Site::default()
        };
        summarize(path, &post, &site, NOW, Wanted::default(), false).source
    };
    // The post's own `from:` makes it a mirror's, unless `profile`
    // says the site is ordinary.
    assert!(source(None, false).is_some());
    assert!(source(Some(Kind::Ordinary), false).is_some());
    assert!(source(Some(Kind::Mirror), true).is_some());
    assert!(source(Some(Kind::Ordinary), true).is_none());
}

#[test]
fn the_compact_summary_keeps_hashes_and_spans() {
    let site = Site::default();
    let text = "---\ntitle: t\ntags: [Bridge Repairs, bridge repairs]\n---\n";
    let post = parse(text);
    let path = Path::new("_posts/2022-01-01-A.md");
    let full = summarize(path, &post, &site, NOW, Wanted::default(), false);
    let compact = full.compact();
    assert_eq!(compact.tags[..], [hash("bridge-repairs")]);
    let output = compact.output.unwrap();
    // Within the site (of no `_config.yml` here).
    assert_eq!(output.file, hash("\x002022/01/01/A.html"));
    assert_eq!(output.folded, hash("\x002022/01/01/a.html"));
    assert_eq!(output.span, Span { start: 0, end: 0 });
}

#[test]
fn tag_keys() {
    assert_eq!(tag_key("Bridge Repairs"), "bridge-repairs");
    assert_eq!(tag_key("王毅"), "王毅");
    assert_eq!(tag_key("C++"), "c");
    assert_eq!(tag_key("++"), "++");
}
