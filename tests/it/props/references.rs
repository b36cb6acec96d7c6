//! The references of a body (`Post::references`) and their resolution
//! (`link::resolve`) over generated bodies full of the constructs they
//! read (links, tags, Liquid, code, comments) cut at any point: no panic,
//! every span in the text, on character boundaries, in the body, and in
//! order; and bounded time on a megabyte of each construct repeated.

use std::time::{Duration, Instant};

use postlint::model::Post;
use postlint::model::jekyll::site::Site;
use postlint::model::link::{Prefix, RefKind, SiteUrl, resolve};
use postlint::rules::Settings;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "---\ntitle: t\n---\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "\"",
    "'",
    "`",
    "```",
    "~~~",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "- ",
    "\\",
    "#",
    "?",
    "%",
    "%2",
    "&amp;",
    "&#",
    "=",
    ":",
    "[a](/x \"t\")",
    "![i](img.png)",
    "[r]: /ref/",
    "<https://e.org/x>",
    "(<a b>)",
    "<a href=\"/a\">",
    "<img src='/i.png'>",
    "<source srcset=\"/a 1x, /b,2.jpg 2x\">",
    "<a href=",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<svg>",
    "<plaintext>",
    "{%",
    "%}",
    "{{",
    "}}",
    "{% raw %}",
    "{% endraw %}",
    "{% comment %}",
    "{% endcomment %}",
    "{% highlight ruby %}",
    "{% endhighlight %}",
    "{% post_url 2019-01-01-x %}",
    "{% link a.md %}",
    "{% include {{ x }} %}",
    "{% include_relative \"f.py\" %}",
    "{{ site.baseurl }}",
    "{{ site.url }}",
    "{{ \"/x\" | relative_url }}",
    "{{ page.url }}",
    "{::comment}",
    "{:/comment}",
    "{:/}",
    "www.example.com/a",
    "../",
    "./",
    "//",
    "https://",
    "mailto:",
    "😀",
    "港口",
    "é",
];

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,8}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Every invariant of the references of `text`.
fn holds(text: &str) {
    let (settings, site) = (Settings::default(), Site::default());
    let post = Post::parse(text, settings.parse_options(&site));
    let sites = [
        SiteUrl::default(),
        SiteUrl {
            host: Some("example.com".into()),
            baseurl: "/blog".into(),
        },
    ];
    let mut last = 0;
    for r in post.references() {
        assert!(
            r.span.start <= r.span.end && r.span.end <= text.len(),
            "{r:?}"
        );
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        assert!(r.span.start >= post.body_start, "{r:?} in the front matter");
        assert!(r.span.start >= last, "out of order");
        last = r.span.start;
        if r.prefix == Prefix::None && !matches!(r.kind, RefKind::Html { .. }) {
            assert_eq!(&text[r.span.clone()], r.url, "{r:?}");
        }
        for s in &sites {
            for page in ["/", "/2020/01/01/x.html", "/a/b/", ""] {
                let _ = resolve(&r.url, r.prefix, page, s);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn references_hold_for_any_body(text in body()) {
        holds(&text);
    }

    #[test]
    fn references_hold_for_any_text(text in "\\PC{0,300}") {
        holds(&text);
    }

    #[test]
    fn resolve_never_panics(url in "\\PC{0,40}", page in "\\PC{0,20}") {
        let site = SiteUrl { host: Some("example.com".into()), baseurl: "/b/".into() };
        for p in [Prefix::None, Prefix::Baseurl, Prefix::Url] {
            let _ = resolve(&url, p, &page, &site);
        }
    }
}

/// A megabyte of each construct, repeated: each would take hours if any
/// scan over it were quadratic.
#[test]
fn a_megabyte_of_any_construct_is_read_in_bounded_time() {
    const REPEATED: &[&str] = &[
        "](x",
        "[",
        "](",
        "[a](b \"",
        "[a](<",
        "<b ",
        "<a href=\"",
        "<a x='",
        "`",
        "`` ` ",
        "<!--",
        "{%",
        "{{",
        "{% raw %}",
        "[a]({{ ",
        "```\n",
        "    x\n\n",
        "- a\n    b\n",
        "<https:",
        "[id]: ",
        "\n[a]: <",
        "<script>",
        "<svg><a href=/x>",
        "a{{ x }}\"",
        "{::comment}{:/comment}",
        "{::comment}{:/",
        "[a](b c ",
        "[a](b \"x\" ",
        "[x [y](z)",
        "[t][l](u)",
        "` `",
        "[l]: a 'b\n",
        "[a](b\n",
    ];
    for piece in REPEATED {
        let text = piece.repeat((1 << 20) / piece.len());
        let start = Instant::now();
        holds(&text);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(20), "{piece:?} took {took:?}");
    }
    // Fences of decreasing length, none closed.
    let mut text = String::new();
    for n in (3..1400).rev() {
        text.push_str(&"`".repeat(n));
        text.push('\n');
    }
    let start = Instant::now();
    holds(&text);
    assert!(start.elapsed() < Duration::from_secs(20));
}
