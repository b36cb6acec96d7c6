//! Unit tests of the references a body holds and of their resolution.

use super::find::find;
use super::reference::{Prefix, RefKind, Reference};
use super::resolve::{SiteUrl, Target, resolve};

/// The references of `body` as (kind, text at the span, url, prefix,
/// dynamic), each span checked against the text.
fn refs(body: &str) -> Vec<(RefKind, String, String, Prefix, bool)> {
    find(body, 0..body.len())
        .into_iter()
        .map(|r: Reference| (r.kind, body[r.span].to_string(), r.url, r.prefix, r.dynamic))
        .collect()
}

/// The written text and url of each reference.
fn urls(body: &str) -> Vec<(String, String)> {
    refs(body).into_iter().map(|r| (r.1, r.2)).collect()
}

fn plain(kind: RefKind, s: &str) -> (RefKind, String, String, Prefix, bool) {
    (kind, s.to_string(), s.to_string(), Prefix::None, false)
}

fn html(element: &str, attr: &str) -> RefKind {
    RefKind::Html {
        element: element.to_string(),
        attr: attr.to_string(),
    }
}

#[test]
fn markdown_links_and_images() {
    let body = "See [a](/x/ \"T\") and ![i](img/p.png) and [b](<a b.html>) or [c]( /y 'q' ).\n";
    assert_eq!(
        refs(body),
        vec![
            plain(RefKind::Link, "/x/"),
            plain(RefKind::Image, "img/p.png"),
            plain(RefKind::Link, "a b.html"),
            plain(RefKind::Link, "/y"),
        ]
    );
}

#[test]
fn badges_nest_an_image_in_a_link() {
    assert_eq!(
        refs("[![alt](/b.svg)](/page/)"),
        vec![
            plain(RefKind::Image, "/b.svg"),
            plain(RefKind::Link, "/page/")
        ]
    );
}

#[test]
fn links_as_kramdown_reads_them() {
    // Balanced parentheses, spaces, line breaks, and `(…)`, which is no
    // title to kramdown; a title is in quotes, after whitespace.
    assert_eq!(
        urls("[w](https://e.org/A_(b)) [t](/p (x)) [s](/my file.pdf) [n](\n/q\n) [q](/x y 'T' )"),
        vec![
            ("https://e.org/A_(b)".into(), "https://e.org/A_(b)".into()),
            ("/p (x)".into(), "/p (x)".into()),
            ("/my file.pdf".into(), "/my file.pdf".into()),
            ("/q".into(), "/q".into()),
            ("/x y".into(), "/x y".into()),
        ]
    );
    // Not links: a reference-style link, a shortcut, an escaped bracket, a
    // space before `(`, an unclosed title.
    assert!(refs("[r][id] [s] \\[e](/f) [a] (/b) [c](/d \"t)").is_empty());
}

#[test]
fn definitions_as_kramdown_reads_them() {
    let body = "[a]: /with space.html\n[b]: /t \"Title\"\n  [c]: <x y>  'T'\n[d]:\n  /next-line\n\
                [e]: /bad \"title\n    [f]: /indented\n[^1]: a note\n";
    assert_eq!(
        urls(body),
        vec![
            ("/with space.html".into(), "/with space.html".into()),
            ("/t".into(), "/t".into()),
            ("x y".into(), "x y".into()),
        ]
    );
}

#[test]
fn html_attributes_on_any_element() {
    let body = "<p><a class=x HREF=\"/a?b=1&amp;c=2\">t</a> <img src='/i.png' alt=\"<a href=/no>\"> \
                <source srcset=\"/s1.jpg 1x, /s2,3.jpg 2x,/s4.jpg\"> <link href=/style.css></p>";
    assert_eq!(
        refs(body),
        vec![
            (
                html("a", "href"),
                "/a?b=1&amp;c=2".into(),
                "/a?b=1&c=2".into(),
                Prefix::None,
                false
            ),
            (
                html("img", "src"),
                "/i.png".into(),
                "/i.png".into(),
                Prefix::None,
                false
            ),
            (
                html("source", "srcset"),
                "/s1.jpg".into(),
                "/s1.jpg".into(),
                Prefix::None,
                false
            ),
            (
                html("source", "srcset"),
                "/s2,3.jpg".into(),
                "/s2,3.jpg".into(),
                Prefix::None,
                false
            ),
            (
                html("source", "srcset"),
                "/s4.jpg".into(),
                "/s4.jpg".into(),
                Prefix::None,
                false
            ),
            (
                html("link", "href"),
                "/style.css".into(),
                "/style.css".into(),
                Prefix::None,
                false
            ),
        ]
    );
}

#[test]
fn raw_text_elements_hold_no_tags() {
    assert_eq!(
        urls("<script>var s = '<a href=\"/no\">';</script><style>x{}</style><a href=/yes>"),
        vec![("/yes".into(), "/yes".into())]
    );
    // A tag the body ends inside ends the reading.
    assert!(refs("<a href=\"/x").is_empty());
}

#[test]
fn liquid_tags() {
    let body = "{% post_url 2019-01-01-x %} {%- link _posts/2019-01-01-y.md -%} \
                {% include note.html a=\"b\" %} {% include {{ page.inc }} %} \
                {% include_relative \"code.py\" %} {% if x %}{% endif %}";
    assert_eq!(
        refs(body),
        vec![
            plain(RefKind::PostUrl, "2019-01-01-x"),
            plain(RefKind::LinkTag, "_posts/2019-01-01-y.md"),
            plain(RefKind::Include, "note.html"),
            (
                RefKind::Include,
                "{{ page.inc }}".into(),
                "{{ page.inc }}".into(),
                Prefix::None,
                true
            ),
            plain(RefKind::IncludeRelative, "code.py"),
        ]
    );
}

#[test]
fn a_tag_inside_a_link_is_one_reference() {
    let body =
        "[t]({% post_url 2019-01-01-x %}) <a href=\"{{ site.baseurl }}{% link about.md %}\">a</a>";
    assert_eq!(
        refs(body),
        vec![
            plain(RefKind::PostUrl, "2019-01-01-x"),
            plain(RefKind::LinkTag, "about.md"),
        ]
    );
}

#[test]
fn liquid_prefixes() {
    let body = "[a]({{ site.baseurl }}/x) [b]({{ \"/y#f\" | relative_url }}) \
                [c]({{site.url}}{{site.baseurl}}/z) [d]({{ 'w' | absolute_url }}) \
                <img src=\"{{ site.url }}/u.png\"> [e]({{ \"/v\" | prepend: site.baseurl }})";
    let got: Vec<_> = refs(body)
        .into_iter()
        .map(|r| (r.1, r.2, r.3, r.4))
        .collect();
    let want = [
        ("{{ site.baseurl }}/x", "/x", Prefix::Baseurl),
        ("{{ \"/y#f\" | relative_url }}", "/y#f", Prefix::RelativeUrl),
        (
            "{{site.url}}{{site.baseurl}}/z",
            "/z",
            Prefix::UrlAndBaseurl,
        ),
        ("{{ 'w' | absolute_url }}", "/w", Prefix::AbsoluteUrl),
        ("{{ site.url }}/u.png", "/u.png", Prefix::Url),
        (
            "{{ \"/v\" | prepend: site.baseurl }}",
            "/v",
            Prefix::Baseurl,
        ),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(s, u, p)| (s.to_string(), u.to_string(), *p, false))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn dynamic_urls() {
    let body =
        "[a]({{ page.url }}) [b]({{ site.baseurl }}{{ post.url }}) <a href=\"/t/{{ tag }}/\">";
    let got: Vec<_> = refs(body).into_iter().map(|r| (r.1, r.4)).collect();
    assert_eq!(
        got,
        vec![
            ("{{ page.url }}".into(), true),
            ("{{ site.baseurl }}{{ post.url }}".into(), true),
            ("/t/{{ tag }}/".into(), true),
        ]
    );
}

#[test]
fn code_is_skipped() {
    let body = "```\n[a](/fenced)\n```\n\n~~~~ ruby\n<a href=\"/tilde\">\n~~~\n~~~~\n\n    [b](/indented)\n\n\
                Text `[c](/span)` and ``<img src=\"/span2\">`` [ok](/ok)\n";
    assert_eq!(urls(body), vec![("/ok".into(), "/ok".into())]);
}

#[test]
fn indented_lines_in_lists_and_html_are_not_code() {
    let body = "- item\n\n    [a](/in-list)\n\n<div>\n    <a href=\"/in-div\">x</a>\n</div>\n";
    assert_eq!(
        urls(body),
        vec![
            ("/in-list".into(), "/in-list".into()),
            ("/in-div".into(), "/in-div".into()),
        ]
    );
}

#[test]
fn liquid_blocks_and_comments_are_skipped() {
    let body = "{% raw %}{% post_url x %}[a](/raw){% endraw %}\
                {% comment %}{% comment %}{% endcomment %}[b](/c){% endcomment %}\
                {% highlight html %}<a href=\"/h\">{% endhighlight %}\
                <!-- [c](/html-comment)\n\n<a href=\"/still\">\n-->[ok](/ok) `<!--` [ok2](/ok2)";
    assert_eq!(
        urls(body),
        vec![("/ok".into(), "/ok".into()), ("/ok2".into(), "/ok2".into())]
    );
}

#[test]
fn spans_are_offsets_of_the_whole_text() {
    let text = "---\ntitle: x\nlink: \"[a](/fm)\"\n---\nbody [é](/b)\n";
    let start = text.find("body").unwrap();
    let got = find(text, start..text.len());
    assert_eq!(got.len(), 1);
    assert_eq!(&text[got[0].span.clone()], "/b");
}

fn site(host: Option<&str>, baseurl: &str) -> SiteUrl {
    SiteUrl {
        host: host.map(str::to_string),
        baseurl: baseurl.to_string(),
    }
}

fn internal(path: &str, fragment: Option<&str>, missing: bool) -> Target {
    Target::Internal {
        path: path.to_string(),
        fragment: fragment.map(str::to_string),
        missing_baseurl: missing,
    }
}

#[test]
fn resolve_skipped_and_external() {
    let s = site(Some("example.com"), "");
    let r = |u: &str| resolve(u, Prefix::None, "/2020/01/01/x.html", &s);
    for u in [
        "",
        "  ",
        "#top",
        "?q=1",
        "mailto:a@b.c",
        "TEL:123",
        "javascript:void(0)",
        "data:image/png;base64,AA",
    ] {
        assert_eq!(r(u), Target::Skipped, "{u:?}");
    }
    for u in [
        "https://other.org/x",
        "//cdn.org/x.js",
        "ftp://example.com/x",
        "irc://x",
    ] {
        assert_eq!(r(u), Target::External, "{u:?}");
    }
    assert_eq!(
        r("HTTPS://Example.COM/a/b#c"),
        internal("/a/b", Some("c"), false)
    );
    assert_eq!(r("//example.com"), internal("/", None, false));
}

#[test]
fn resolve_relative_and_root_relative() {
    let s = site(None, "");
    let r = |u: &str, page: &str| resolve(u, Prefix::None, page, &s);
    assert_eq!(
        r("../about/", "/2020/01/01/x.html"),
        internal("/2020/01/about/", None, false)
    );
    assert_eq!(
        r("img/a%20b+c.png?v=1#f", "/blog/post/"),
        internal("/blog/post/img/a b+c.png", Some("f"), false)
    );
    assert_eq!(r("../../../../x", "/a/b.html"), internal("/x", None, false));
    assert_eq!(r("/a/./b/../c", "/p/"), internal("/a/c", None, false));
    assert_eq!(r("/%E6%B8%AF", "/"), internal("/港", None, false));
    // A `%` without two hex digits: left as written.
    assert_eq!(r("/100%25/%zz", "/"), internal("/100%25/%zz", None, false));
}

#[test]
fn resolve_with_a_baseurl() {
    let s = site(Some("example.com"), "/blog/");
    let r = |u: &str| resolve(u, Prefix::None, "/2020/x.html", &s);
    assert_eq!(r("/blog/a/"), internal("/a/", None, false));
    assert_eq!(r("/blog"), internal("/", None, false));
    assert_eq!(r("/blogroll/"), internal("/blogroll/", None, true));
    assert_eq!(r("/a/"), internal("/a/", None, true));
    assert_eq!(r("https://example.com/a"), internal("/a", None, true));
    assert_eq!(r("a/"), internal("/2020/a/", None, false));
    for p in [
        Prefix::Baseurl,
        Prefix::RelativeUrl,
        Prefix::UrlAndBaseurl,
        Prefix::AbsoluteUrl,
    ] {
        assert_eq!(
            resolve("/a/#f", p, "/", &s),
            internal("/a/", Some("f"), false)
        );
        assert_eq!(resolve("", p, "/", &s), internal("/", None, false));
    }
    assert_eq!(
        resolve("/a/", Prefix::Url, "/", &s),
        internal("/a/", None, true)
    );
}

#[test]
fn resolve_host_without_scheme() {
    let s = site(None, "");
    let r = |u: &str| resolve(u, Prefix::None, "/p/", &s);
    for (u, host) in [
        ("www.example.com/guide", "www.example.com"),
        ("example.com/docs", "example.com"),
        ("github.io", "github.io"),
        ("Example.ORG", "Example.ORG"),
        ("www.example.xyz:8080/a", "www.example.xyz:8080"),
    ] {
        if host.is_empty() {
            assert!(matches!(r(u), Target::Internal { .. }), "{u}");
        } else {
            assert_eq!(r(u), Target::NoScheme { host: host.into() }, "{u}");
        }
    }
    for u in [
        "image.png",
        "post.html",
        "../x.md",
        "index.html",
        "v1.2/notes",
        "README.md",
        "script.sh",
        "a.b.c",
        "1.2.3.com-x",
        "notes.txt/x",
    ] {
        assert!(matches!(r(u), Target::Internal { .. }), "{u}");
    }
}

#[test]
fn code_blocks_as_kramdown_reads_them() {
    // An indented line takes the lines after it lazily, up to a blank
    // line: the fence below it is code, and opens nothing.
    let body = "Text\n\n\t```\nlazy [a](/lazy)\n```\n\n[ok](/ok)\n";
    assert_eq!(urls(body), vec![("/ok".into(), "/ok".into())]);
    // A fence that nothing closes, or with two words after it, is text.
    assert_eq!(urls("```\n[a](/a)\n"), vec![("/a".into(), "/a".into())]);
    assert_eq!(
        urls("```js app.js\n\n[a](/a)\n\n```\n"),
        vec![("/a".into(), "/a".into())]
    );
    // A longer fence is closed only by one as long.
    assert!(urls("````\n```\n[a](/a)\n````\n").is_empty());
}

#[test]
fn kramdown_comments_are_skipped() {
    assert_eq!(
        urls("{::comment}[a](/a){:/comment}[b](/b){::comment}\n\n[c](/c){:/}[d](/d)"),
        vec![("/b".into(), "/b".into()), ("/d".into(), "/d".into())]
    );
}

#[test]
fn liquid_inside_a_quoted_attribute_is_rendered_first() {
    let body = "<a href=\"{{ \"/feed.xml\" | prepend: site.baseurl }}\" title=\"{% if a < b %}x{% endif %}\">\
                <img src=\"{{ '/i.png' | relative_url }}\">";
    let got: Vec<_> = refs(body).into_iter().map(|r| (r.1, r.2, r.3)).collect();
    assert_eq!(
        got,
        vec![
            (
                "{{ \"/feed.xml\" | prepend: site.baseurl }}".to_string(),
                "/feed.xml".to_string(),
                Prefix::Baseurl
            ),
            (
                "{{ '/i.png' | relative_url }}".to_string(),
                "/i.png".to_string(),
                Prefix::RelativeUrl
            ),
        ]
    );
}

#[test]
fn indented_lines_after_a_closed_element_are_code() {
    let body = "<p>para</p>\n\n    [a](/code)\n\n<div>\n\n    <a href=\"/in\">x</a>\n</div>\n";
    assert_eq!(urls(body), vec![("/in".into(), "/in".into())]);
}

#[test]
fn a_reference_label_is_no_inline_link() {
    assert_eq!(
        urls("[text][5](SL4A) and [x](/y)\n\n[5]: /five"),
        vec![("/y".into(), "/y".into()), ("/five".into(), "/five".into())]
    );
    // An undefined label is text: what follows is a link.
    assert_eq!(
        urls("[text][ Six ](/six)"),
        vec![("/six".into(), "/six".into())]
    );
    assert!(RefKind::Link.is_markdown() && !RefKind::PostUrl.is_markdown());
}

#[test]
fn a_link_in_a_link_is_text() {
    assert_eq!(
        urls("[a [b](/inner) c](/outer) [![i](/img)](/badge)"),
        vec![
            ("/outer".into(), "/outer".into()),
            ("/img".into(), "/img".into()),
            ("/badge".into(), "/badge".into()),
        ]
    );
}
