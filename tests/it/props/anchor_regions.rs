//! The HTML anchors found by tokenizing only the regions around `<a>`
//! elements must be exactly those a full lol_html pass over the body finds:
//! over generated bodies full of the constructs that change the
//! tokenizer's state (comments, raw-text elements, quoted `>` and `<a`,
//! stray and ancestor end tags, foreign content), and over every post of
//! the shared corpus when it is present beside the repository.

use crate::common;

use postlint::model::anchors::{Anchor, html_anchors_fast, html_anchors_full, regions_provable};
use proptest::prelude::*;

fn key(text: &str, anchors: &[Anchor]) -> Vec<String> {
    anchors
        .iter()
        .map(|a| {
            format!(
                "{:?} href={:?} span={:?} content={:?} text={:?} nested={}",
                a.kind,
                a.href,
                a.span,
                a.content,
                a.text(text),
                a.nested_tags
            )
        })
        .collect()
}

fn assert_same(text: &str, start: usize) {
    // Some inputs make lol_html fail an internal check (a panic in this
    // debug build, an error in a release build, which loses the anchors
    // after it). The regions must then not have been used: they would not
    // fail alike.
    let full = std::panic::catch_unwind(|| key(text, &html_anchors_full(text, start..text.len())));
    match full {
        Ok(full) => {
            let fast = key(text, &html_anchors_fast(text, start..text.len()));
            assert_eq!(fast, full, "body: {:?}", &text[start..]);
        }
        Err(_) => assert!(
            !regions_provable(&text[start..]),
            "lol_html fails on a body tokenized by regions: {:?}",
            &text[start..]
        ),
    }
}

/// Pieces of HTML that move the tokenizer out of its data state, or that
/// open and close elements around anchors.
const PIECES: &[&str] = &[
    "<a href=\"/tag/x.html\">",
    "<a href='/tag/y'>",
    "<A HREF=/tag/z>",
    "<a name=n>",
    "<a\thref=\"u\"/>",
    "<a href=\"u\" href='v'>",
    "<a title=\"x>y\" href=\"w\">",
    "<a title='<a href=q>' href=r>",
    "<a =x href=s>",
    "<a a==\"x\" href=t>",
    "<a b=c\"d href=e>",
    "<a/href=f>",
    "<a href=g//>",
    "<a\"x href=h>",
    "<abbr href=i>",
    "<a href=\"/tag/v\">",
    "<a HREF='w' >",
    "<a href>",
    "<a href=\"\">",
    "<a class=c href=\"x\" id=d>",
    "<a href=x/>",
    "<a href=\"y\"/>",
    "<a href=\"z\"title=t>",
    "<a hreflang=en>",
    "<a href = 'u'>",
    "</a\n>",
    "</a/>",
    "</ab>",
    "< b",
    "a < b ",
    " text\n ",
    "</a>",
    "</A >",
    "</a title=\">\">",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span class=\"</a>\">",
    "</span>",
    "<img src=\"x.png\" alt=\"<a href=j>\">",
    "<br>",
    "<br/>",
    "</br>",
    "<hr>",
    "<input value='>'>",
    "<!--",
    "-->",
    "<!-- <a href=k>x</a> -->",
    "<!---->",
    "<!-->",
    "<!--->",
    "--!>",
    "<!-- a --!> <a href=l>",
    "<!DOCTYPE html>",
    "<![CDATA[ <a href=m> ]]>",
    "<?php echo '<a href=n>'; ?>",
    "</ x>",
    "</>",
    "</",
    "<",
    ">",
    "<script>",
    "</script>",
    "<script>var s = '<a href=\"o\">';</script>",
    "<style>a > b {}</style>",
    "<textarea><a href=p></textarea>",
    "<title><a href=q></title>",
    "<xmp>",
    "</xmp>",
    "<iframe>",
    "</iframe>",
    "<noembed>",
    "</noembed>",
    "<noscript><img src=\"a.png\"></noscript>",
    "<noscript a=>",
    "<noscript/>",
    "</noscript",
    "</noscript >",
    "</NOSCRIPT/>",
    "</iframe x=\">\">",
    "<iframe src='<a href=t>'><a href=u></iframe>",
    "<Title>",
    "</title>",
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<noframes>",
    "<noscript>",
    "<plaintext>",
    "<svg>",
    "</svg>",
    "<svg><a href=r/></svg>",
    "<math><a href=s></a></math>",
    "<foreignObject>",
    "text ",
    "x & y ",
    "\n",
    "\r\n",
    "\"",
    "'",
    "=",
    "/",
    "港口",
    "[md](https://t.test/tag/m)",
];

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// Bodies that the region scan can follow: no pieces it gives up on, so
/// that the comparison exercises the regions rather than the fallback.
fn plain_body() -> impl Strategy<Value = String> {
    let plain: Vec<&str> = PIECES
        .iter()
        .copied()
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            ![
                "<!",
                "<?",
                "</ ",
                "<script",
                "<plaintext",
                "<svg",
                "<math",
                "a=>",
            ]
            .iter()
            .any(|n| lower.contains(n))
        })
        .chain(["<!-- c -->"])
        .collect();
    prop::collection::vec(prop::sample::select(plain), 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn regions_find_what_the_full_pass_finds(prefix in "[a-z \n]{0,3}", body in body()) {
        let text = format!("{prefix}{body}");
        assert_same(&text, prefix.len());
    }

    #[test]
    fn regions_find_what_the_full_pass_finds_in_plain_html(body in plain_body()) {
        assert_same(&body, 0);
    }

    #[test]
    fn regions_find_what_the_full_pass_finds_in_any_text(text in "[<>a-z/=\"' !-]{0,60}") {
        assert_same(&text, 0);
    }
}

#[test]
fn plain_html_takes_the_region_path() {
    let text = "<p>a <a href=\"/tag/x\">x <b>y</b></a> b <a href='z'>z</a></p>";
    assert!(regions_provable(text));
    assert_same(text, 0);
    assert!(!regions_provable("<script></script><a href=x>x</a>"));
}

#[test]
fn corpus_anchors_are_those_of_the_full_pass() {
    let Some(dir) = common::unpack("oped2-posts.tar.zst", common::skip_missing_corpus) else {
        return;
    };
    let mut posts = 0;
    let mut provable = 0;
    common::each_text_file(dir.path(), |_, text| {
        posts += 1;
        if regions_provable(text) {
            provable += 1;
        }
        assert_same(text, 0);
    });
    assert!(posts > 1000, "only {posts} posts in the corpus");
    // The comparison means something only when most posts take the regions.
    assert!(provable * 2 > posts, "{provable} of {posts} posts provable");
    eprintln!("{provable} of {posts} posts tokenized by regions");
}
