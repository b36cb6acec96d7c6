//! The front matter read by the simple reader must give exactly the tree
//! the general YAML parser gives: over generated front matter full of the
//! characters and forms near the edge of what the simple reader takes,
//! and over every post of the shared corpora when they are present beside
//! the repository.

use crate::common;

use postlint::model::front_matter;
use postlint::model::simple_yaml;
use postlint::model::yaml::parse_general;
use proptest::prelude::*;

/// Compare the two readers on `source` at `base`; whether the simple one
/// took it.
fn assert_same(source: &str, base: usize) -> bool {
    let Some(simple) = simple_yaml::parse(source, base) else {
        return false;
    };
    let general = parse_general(source, base);
    assert_eq!(Ok(Some(simple)), general, "front matter: {source:?}");
    true
}

const KEYS: &[&str] = &[
    "title", "date", "tags", "from", "a-b", "_k", "true", "1", "y", "null", "x1_",
];

const VALUES: &[&str] = &[
    "post",
    "\"王毅与布林肯通话：僵局\"",
    "\"a: b # c\"",
    "'single'",
    "' spaced '",
    "\"\"",
    "''",
    "2022-10-31T16:39:58.000Z",
    "2020-01-01",
    "2020-01-01 10:00:00 +08:00",
    "https://www.example.com/gb/22/10/31/n1.htm",
    "True",
    "no",
    "~",
    "null",
    "0x1F",
    "1_000",
    "3.14",
    ".inf",
    "[ 大纪元 ]",
    "[a, b]",
    "[ a b , c ]",
    "[]",
    "[ ]",
    "[1, true, ~]",
    "a'b\"c",
    "a#b",
    "a:b",
    "a: b",
    "x #y",
    "b, c",
    "a - b",
    "x | y > z",
    "<!-- c -->",
    "50%",
    "=",
    "…",
    "全角：冒号",
];

fn line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        4 => prop::sample::select(VALUES).prop_map(str::to_string),
        1 => "[a-z:#\\[\\]{},'\" -]{1,8}",
    ];
    (prop::sample::select(KEYS), " {1,2}", value).prop_map(|(k, sp, v)| format!("{k}:{sp}{v}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn simple_front_matter_reads_as_the_general_parser_reads_it(
        lines in prop::collection::vec(line(), 1..6),
        newline in any::<bool>(),
        base in 0usize..8,
    ) {
        let mut source = lines.join("\n");
        if newline {
            source.push('\n');
        }
        assert_same(&source, base);
    }

    #[test]
    fn any_short_text_reads_alike(source in "[a-z:#\\[\\]{},'\"\\\\ \n\t-]{0,24}") {
        assert_same(&source, 0);
    }
}

#[test]
fn the_mirror_format_takes_the_simple_path() {
    let source = "layout: post\ntitle: \"a：b\"\ndate: 2022-10-31T16:39:58.000Z\nauthor: 大纪元\nfrom: https://www.example.com/gb/n1.htm\ntags: [ 大纪元 ]\ncomments: True\ncategories: [ 大纪元 ]\n";
    assert!(assert_same(source, 4));
    for other in [
        "a: b\n\nc: d\n",
        "a: b # note\n",
        "a: b: c\n",
        "a:\n  - x\n",
        "a: \"x\\ty\"\n",
        "a: b\r\n",
        "a: b \n",
        "a: &x b\n",
        "---\na: b\n",
    ] {
        assert!(simple_yaml::parse(other, 0).is_none(), "{other:?}");
    }
}

fn compare_corpus(name: &str) -> (usize, usize) {
    let Some(dir) = common::unpack(name, common::skip_missing_corpus) else {
        return (0, 0);
    };
    let (mut posts, mut simple) = (0, 0);
    common::each_text_file(dir.path(), |_, text| {
        // The block as postlint finds it (after a BOM, up to `---` or `...`).
        let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let Some(block) = front_matter::parse(text, start).block().cloned() else {
            return;
        };
        posts += 1;
        if assert_same(&text[block.yaml.clone()], block.yaml.start) {
            simple += 1;
        }
    });
    eprintln!("{name}: {simple} of {posts} front matters read by the simple reader");
    (posts, simple)
}

#[test]
fn corpus_front_matter_reads_as_the_general_parser_reads_it() {
    let (posts, simple) = compare_corpus("oped2-posts.tar.zst");
    if posts == 0 {
        return;
    }
    assert!(posts > 1000, "only {posts} posts in the corpus");
    // The comparison means something only when most posts take the simple path.
    assert!(simple * 10 > posts * 9, "{simple} of {posts} simple");
    compare_corpus("ordinary-blogs.tar.zst");
}
