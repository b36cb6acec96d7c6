//! The fuzz targets of `fuzz/`, as property tests on stable Rust: the same
//! invariants (`tests/it/invariants/`), over synthetic posts cut up and
//! spliced with hostile pieces, and over arbitrary bytes.

use crate::invariants;

use proptest::prelude::*;

/// Pieces a post is made of, good and bad.
const PIECES: &[&str] = &[
    "---\n",
    "---\r\n",
    "\u{feff}",
    "title: \"Harbour bridge reopens\"\n",
    "title: no\n",
    "date: 2022-10-31T16:39:58.000Z\n",
    "date: 2014-02-30\n",
    "author: Example News\n",
    "author: Example News\n",
    "from: https://news.example.com/2022/10/31/bridge.html\n",
    "from: https://news.example.com/%2520a.html\n",
    "tags: [ city, 港口 ]\n",
    "categories:\n  - city\n",
    "a: &x [*x, *x]\n",
    "postlint:\n  disable: [source-missing]\n",
    "<!--1667234398000-->\n",
    "<!--NaN-->\n",
    "<!-- postlint-disable-next-line source-missing -->\n",
    "[Harbour bridge reopens](https://news.example.com/2022/10/31/bridge.html)\n",
    "------\n",
    "<p>The <a href=\"https://news.example.com/tag/%E6%B8%AF%E5%8F%A3.html\">港口</a> bridge.</p>\n",
    "<a href=\"/tag/city.html\">王毅</a>",
    "<div><p>",
    "\r",
    "\r\n",
    "\n",
    "\u{1b}[31m",
    "😀",
    "\t",
    ": ",
    "[",
    "{",
    "\"",
    "'",
    "<!--",
    "-->",
];

fn post() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,8}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn check_holds_for_any_post(a in post(), b in post()) {
        invariants::check(&a, &b);
    }

    #[test]
    fn fix_holds_for_any_post(a in post()) {
        invariants::fix(&a);
    }

    #[test]
    fn config_reading_holds_for_any_text(text in prop_oneof![
        "\\PC{0,200}",
        prop::collection::vec(prop::sample::select(&[
            "include = [\"_posts/**\"]\n", "extend-exclude = [\"a/**\", \"a/**\"]\n",
            "[rules]\n", "timestamp = \"off\"\n", "[rules.tag-link-mismatch]\n",
            "compare = \"exact\"\n", "permalink: /:year/:title\n", "timezone: Asia/Tokyo\n",
            "[", "=", "\"", "\n", "a: &x [*x]\n", "  - ", ": ",
        ][..]), 0..30).prop_map(|p| p.concat()),
    ]) {
        invariants::config(&text);
    }

    #[test]
    fn frames_hold_for_any_bytes(parts in prop::collection::vec(prop_oneof![
        prop::collection::vec(any::<u8>(), 0..20),
        prop::sample::select(&[
            "Content-Length: 2\r\n\r\n{}", "Content-Length: 99999999999\r\n\r\n",
            "Content-Length: abc\r\n\r\n", "Content-Length: 10\r\n", "\r\n",
            "Content-Type: x\r\n", "{\"jsonrpc\":\"2.0\"}",
        ][..]).prop_map(|s| s.as_bytes().to_vec()),
    ], 0..20)) {
        invariants::frames(&parts.concat());
    }
}
