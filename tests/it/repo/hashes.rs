//! The whole-repository rules find candidates on the compact summaries'
//! hashes and confirm them on the full summaries: posts whose hashes agree
//! but whose strings differ are not reported, and the real strings are
//! what the messages show.

use postlint::diagnostic::Severity;
use postlint::model::jekyll::output::OutputPlace;
use postlint::model::summary::compact::{OutputHashes, PostSummary, Source, Span, TagLink, hash};
use postlint::model::summary::full::{FullSummary, SiteTagLink};
use postlint::rules::{self, RepoContext, Settings, Summarized};

const COLLIDING: u64 = 42;

fn full(file: &str, source: &str) -> FullSummary {
    FullSummary {
        output: Some(OutputPlace {
            url: format!("/{file}"),
            file: file.to_string(),
            site: String::new(),
            span: 4..9,
        }),
        source: Some((source.to_string(), 10..20)),
        ..FullSummary::default()
    }
}

/// A compact summary whose every hash is the same, whatever the strings.
fn colliding() -> PostSummary {
    let span = Span { start: 4, end: 9 };
    PostSummary {
        output: Some(OutputHashes {
            file: COLLIDING,
            folded: COLLIDING,
            span,
        }),
        source: Some(Source {
            url: COLLIDING,
            span,
        }),
        ..PostSummary::default()
    }
}

/// The findings of every whole-repository rule over posts with these
/// compact and full summaries: (post, rule, message).
fn run(compact: &[PostSummary], fulls: &[FullSummary]) -> Vec<(usize, String, String)> {
    let paths: Vec<String> = (0..compact.len())
        .map(|i| format!("_posts/{i}.md"))
        .collect();
    let posts: Vec<Summarized> = (paths.iter().zip(compact))
        .map(|(path, summary)| Summarized { path, summary })
        .collect();
    let settings = Settings::default();
    let fetch = |wanted: &[usize]| wanted.iter().map(|&i| Some(fulls[i].clone())).collect();
    let ctx = RepoContext {
        posts: &posts,
        settings: &settings,
        full: &fetch,
        sites: &[],
    };
    let mut found: Vec<_> = rules::run_repo(&ctx, |_| Some(Severity::Error))
        .into_iter()
        .map(|d| (d.post, d.diagnostic.rule.to_string(), d.diagnostic.message))
        .collect();
    found.sort();
    found
}

#[test]
fn equal_hashes_of_different_strings_are_not_reported() {
    let compact = [colliding(), colliding(), colliding()];
    let fulls = [
        full("2020/a.html", "x.example/a"),
        full("2020/b.html", "x.example/b"),
        full("2021/c.html", "x.example/c"),
    ];
    assert_eq!(run(&compact, &fulls), []);
}

#[test]
fn a_collision_does_not_hide_the_real_repeat_behind_it() {
    // Post 1 collides with post 0 on every hash; post 2 repeats post 1's
    // URL and source, and post 3 differs from post 1 in case only.
    let compact = [colliding(), colliding(), colliding(), colliding()];
    let fulls = [
        full("2020/a.html", "x.example/a"),
        full("2020/b.html", "x.example/b"),
        full("2020/b.html", "x.example/b"),
        full("2020/B.html", "x.example/c"),
    ];
    let found = run(&compact, &fulls);
    let rules: Vec<(usize, &str)> = found.iter().map(|(i, r, _)| (*i, r.as_str())).collect();
    assert_eq!(
        rules,
        [
            (2, "jekyll-duplicate-url"),
            (2, "source-duplicate"),
            (3, "jekyll-url-case-conflict"),
        ]
    );
    // The messages name the first post with the real string.
    assert!(found[0].2.contains("`_posts/1.md`"), "{found:?}");
    assert!(found[2].2.contains("`_posts/1.md`"), "{found:?}");
}

#[test]
fn real_hashes_find_real_repeats() {
    let fulls = [
        full("2020/a.html", "x.example/a"),
        full("2020/a.html", "x.example/b"),
    ];
    let compact: Vec<PostSummary> = fulls.iter().map(FullSummary::compact).collect();
    let found = run(&compact, &fulls);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "jekyll-duplicate-url");
}

#[test]
fn a_tag_link_is_reported_with_the_tag_as_written() {
    let mut linking = FullSummary::default();
    linking.tag_links.push(SiteTagLink {
        tag: "Bridge Repairs".into(),
        key: "bridge-repairs".into(),
        span: 30..50,
    });
    let tagged = FullSummary {
        tags: vec!["bridges".into()],
        ..FullSummary::default()
    };
    let fulls = [tagged, linking];
    let compact: Vec<PostSummary> = fulls.iter().map(FullSummary::compact).collect();
    assert_eq!(
        compact[1].tag_links[..],
        [TagLink {
            key: hash("bridge-repairs"),
            span: Span { start: 30, end: 50 },
        }]
    );
    let found = run(&compact, &fulls);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].2.contains("`Bridge Repairs`"), "{found:?}");
}

#[test]
fn the_hash_is_fixed() {
    // Summaries are stored: the hash of a string must never change.
    assert_eq!(hash(""), 0xf52a_15e9_a9b5_e89b);
    assert_eq!(hash("a"), 0x02c0_bdbf_4814_20f8);
    assert_eq!(hash("2020/01/01/a.html"), 0x782a_8f71_2849_4455);
}
