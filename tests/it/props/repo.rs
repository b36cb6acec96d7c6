//! Properties of the whole-repository phase over generated posts: it never
//! panics whatever the file names, permalinks, slugs, sources and links; a
//! post is never reported against itself; and the findings do not depend on
//! the order the posts are given in.

use postlint::Config;
use postlint::engine::check_all;
use proptest::prelude::*;

/// Pieces the generator mixes, chosen to collide often.
const SLUGS: &[&str] = &[
    "Bridge", "bridge", "Bridge?", "王毅", "a..b", "", ".", "%41", "a/b", "the U.S.",
];
const PERMALINKS: &[&str] = &[
    "",
    "permalink: /:title/\n",
    "permalink: /:categories/:title:output_ext\n",
    "permalink: /:nope/\n",
    "permalink: \"/%E7%8E%8B/:slug\"\n",
    "permalink: [ 1 ]\n",
];
const SOURCES: &[&str] = &[
    "https://a.example/x",
    "http://A.example/x/",
    "https://a.example/x#frag",
    "https://a.example/%78",
    "not a url",
    "",
];
const LINKS: &[&str] = &[
    "",
    "<a href=\"/tag/bridge/\">bridge</a>",
    "<a href=\"/tags/#%zz\">x</a>",
    "<a href=\"tags.html#\">x</a>",
    "<a href=\"/tag/\">x</a>",
    "[x](/tags/#Bridge)",
];

fn post() -> impl Strategy<Value = (String, String)> {
    (
        0..SLUGS.len(),
        0..PERMALINKS.len(),
        0..SOURCES.len(),
        0..LINKS.len(),
        1u32..4,
        any::<bool>(),
        "[a-z]{0,3}",
    )
        .prop_map(|(slug, permalink, source, link, day, in_posts, category)| {
            let dir = if in_posts { "_posts" } else { "_drafts" };
            let path = format!("{category}/{dir}/2022-10-0{day}-{}.md", SLUGS[slug]);
            let text = format!(
                "---\ntitle: t\ndate: 2022-10-0{day}T09:00:00Z\nfrom: {}\ntags: [ {} ]\n{}---\n{}\n",
                SOURCES[source],
                SLUGS[slug],
                PERMALINKS[permalink],
                LINKS[link]
            );
            (path, text)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_never_pairs_a_post_with_itself(posts in prop::collection::vec(post(), 0..8)) {
        // One post per path, as on disk.
        let mut seen = std::collections::HashSet::new();
        let posts: Vec<(String, String)> =
            posts.into_iter().filter(|(p, _)| seen.insert(p.clone())).collect();
        let inputs: Vec<(&str, &str)> =
            posts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let found = check_all(&inputs, &Config::default());
        prop_assert_eq!(found.len(), posts.len());
        for (i, diagnostics) in found.iter().enumerate() {
            for d in diagnostics {
                for label in &d.related {
                    prop_assert_ne!(label.path.as_deref(), Some(posts[i].0.as_str()));
                }
                prop_assert!(d.span.end <= posts[i].1.len());
            }
        }
        let reversed: Vec<(&str, &str)> = inputs.iter().rev().copied().collect();
        let mut again = check_all(&reversed, &Config::default());
        again.reverse();
        prop_assert_eq!(again, found);
    }
}
