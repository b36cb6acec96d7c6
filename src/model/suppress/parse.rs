//! Reading suppressions: the directive comments of the body and the front
//! matter `postlint` key, turned into the regions they cover.

use std::ops::Range;

use super::{Comment, Directive, Suppression, Suppressions};
use crate::model::front_matter::block::FrontMatter;
use crate::model::text::lines::{lines_from, next_line_start};
use crate::model::yaml::NodeKind;

/// Find the suppressions of a post whose body starts at `body_start`.
pub fn parse(text: &str, body_start: usize, front_matter: &FrontMatter) -> Suppressions {
    let mut comments = Vec::new();
    if let Some(entry) = front_matter.get("postlint")
        && let NodeKind::Mapping(pairs) = &entry.value.kind
        && let Some((_, list)) = pairs.iter().find(|(k, _)| k.as_str() == Some("disable"))
    {
        let names = match &list.kind {
            NodeKind::Sequence(items) => items
                .iter()
                .filter_map(|n| Some((n.as_str()?.to_string(), n.span.clone())))
                .collect(),
            NodeKind::Scalar { text: s, .. } => vec![(s.clone(), list.span.clone())],
            _ => Vec::new(),
        };
        comments.push(Comment {
            directive: Directive::DisableFile,
            span: entry.value.span.clone(),
            names,
        });
    }
    comments.extend(body_comments(text, body_start));
    let regions = regions(text, &comments);
    Suppressions { comments, regions }
}

/// The directive comments of the body, which starts at `body_start`: each
/// `<!--` is read up to the first `-->` after it. Each is found by its `!`,
/// a byte so rare in posts that a search for it costs a fraction of one for
/// `<!--` or `postlint-`.
fn body_comments(text: &str, body_start: usize) -> Vec<Comment> {
    let body = &text.as_bytes()[body_start..];
    let mut comments = Vec::new();
    for bang in memchr::memchr_iter(b'!', body) {
        if bang == 0 || body[bang - 1] != b'<' || !body[bang + 1..].starts_with(b"--") {
            continue;
        }
        let start = body_start + bang - 1;
        let Some(len) = text[start + 4..].find("-->") else {
            // Nor is any later one closed.
            break;
        };
        let end = start + 4 + len + 3;
        comments.extend(read_comment(text, start..end));
    }
    comments
}

fn read_comment(text: &str, span: Range<usize>) -> Option<Comment> {
    let inner_start = span.start + 4;
    let inner = &text[inner_start..span.end - 3];
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim_start();
    let (directive, word) = [
        Directive::DisableNextLine,
        Directive::DisableLine,
        Directive::DisableFile,
        Directive::Disable,
        Directive::Enable,
    ]
    .into_iter()
    .find_map(|d| {
        let rest = body.strip_prefix(d.as_str())?;
        (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some((d, d.as_str().len()))
    })?;
    let names_start = inner_start + lead + word;
    let mut names = Vec::new();
    let list = &text[names_start..span.end - 3];
    let mut offset = 0;
    for part in list.split(|c: char| c.is_whitespace() || c == ',') {
        if !part.is_empty() {
            let at = names_start + offset;
            names.push((part.to_string(), at..at + part.len()));
        }
        offset += part.len() + 1;
    }
    Some(Comment {
        directive,
        span,
        names,
    })
}

/// Turn the comments, in order, into covered regions.
fn regions(text: &str, comments: &[Comment]) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Open `postlint-disable` regions: (comment, name, name span, start).
    let mut open: Vec<(usize, Option<String>, Range<usize>, usize)> = Vec::new();
    let whole = 0..text.len();
    let named = |c: &Comment| -> Vec<(Option<String>, Range<usize>)> {
        if c.names.is_empty() {
            vec![(None, c.span.clone())]
        } else {
            c.names
                .iter()
                .map(|(n, s)| (Some(n.clone()), s.clone()))
                .collect()
        }
    };
    for (i, c) in comments.iter().enumerate() {
        let region = match c.directive {
            Directive::DisableFile => Some(whole.clone()),
            Directive::DisableLine => {
                let start = text[..c.span.start].rfind('\n').map_or(0, |p| p + 1);
                let end = next_line_start(text, &(c.span.end..c.span.end));
                Some(start..end)
            }
            Directive::DisableNextLine => {
                let next = next_line_start(text, &(c.span.end..c.span.end));
                let line = lines_from(text, next).next().unwrap_or(next..next);
                Some(line.start..next_line_start(text, &line))
            }
            Directive::Disable => {
                for (name, span) in named(c) {
                    open.push((i, name, span, c.span.start));
                }
                None
            }
            Directive::Enable => {
                let closes = |name: &Option<String>| {
                    c.names.is_empty()
                        || name
                            .as_ref()
                            .is_some_and(|n| c.names.iter().any(|(m, _)| m == n))
                };
                // One pass, keeping the order: removing one at a time made
                // an `enable` after many `disable`s quadratic.
                let mut still_open = Vec::with_capacity(open.len());
                for (comment, name, name_span, start) in open.drain(..) {
                    if closes(&name) {
                        out.push(Suppression {
                            comment,
                            name,
                            name_span,
                            region: start..c.span.start,
                        });
                    } else {
                        still_open.push((comment, name, name_span, start));
                    }
                }
                open = still_open;
                None
            }
        };
        if let Some(region) = region {
            for (name, name_span) in named(c) {
                out.push(Suppression {
                    comment: i,
                    name,
                    name_span,
                    region: region.clone(),
                });
            }
        }
    }
    for (comment, name, name_span, start) in open {
        out.push(Suppression {
            comment,
            name,
            name_span,
            region: start..text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::front_matter;
    use proptest::prelude::*;

    /// [`body_comments`] as every `<!--` of a body holding `postlint-`.
    fn body_comments_plain(text: &str, body_start: usize) -> Vec<Comment> {
        let body = &text.as_bytes()[body_start..];
        let mut comments = Vec::new();
        if memchr::memmem::find(body, b"postlint-").is_some() {
            for open in memchr::memmem::find_iter(body, b"<!--") {
                let start = body_start + open;
                let Some(len) = text[start + 4..].find("-->") else {
                    break;
                };
                comments.extend(read_comment(text, start..start + 4 + len + 3));
            }
        }
        comments
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn directive_comments_are_those_of_every_comment_opening(
            start in 0usize..3,
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<!--", "-->", "<!", "!", "<", "-", " ", "\u{3000}", "\n", "a", "王",
                    "postlint-disable", "postlint-enable x", "postlint-disable-line a,b",
                    "postlint-disable-next-line", "postlint-", "<!-- postlint-disable-file -->",
                    "!--", "!-- postlint-disable -->", "<!--postlint-enable-->",
                ]),
                0..14,
            ),
        ) {
            let text: String = pieces.concat();
            let start = start.min(text.len());
            prop_assume!(text.is_char_boundary(start));
            let key = |c: &[Comment]| {
                c.iter()
                    .map(|c| format!("{:?} {:?} {:?}", c.directive, c.span, c.names))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(
                key(&body_comments(&text, start)),
                key(&body_comments_plain(&text, start))
            );
        }
    }

    fn parse_all(text: &str) -> Suppressions {
        let fm = front_matter::block::parse(text, 0);
        let body = fm.block().map_or(0, |b| b.body_start);
        parse(text, body, &fm)
    }

    #[test]
    fn directives_and_regions() {
        let text = "---\npostlint: { disable: [source] }\n---\na\n<!-- postlint-disable tag-link, timestamp -->\nb\n<!-- postlint-enable tag-link -->\nc\n<!-- postlint-disable-next-line -->\nd\ne <!-- postlint-disable-line x -->\n";
        let s = parse_all(text);
        let kinds: Vec<Directive> = s.comments.iter().map(|c| c.directive).collect();
        assert_eq!(
            kinds,
            vec![
                Directive::DisableFile,
                Directive::Disable,
                Directive::Enable,
                Directive::DisableNextLine,
                Directive::DisableLine
            ]
        );
        let find = |name: Option<&str>, comment: usize| {
            s.regions
                .iter()
                .find(|r| r.name.as_deref() == name && r.comment == comment)
                .unwrap()
                .region
                .clone()
        };
        assert_eq!(find(Some("source"), 0), 0..text.len());
        let tag = find(Some("tag-link"), 1);
        assert_eq!(&text[tag.end..tag.end + 24], "<!-- postlint-enable tag");
        assert!(text[tag].contains("\nb\n"));
        assert_eq!(find(Some("timestamp"), 1).end, text.len());
        assert_eq!(&text[find(None, 3)], "d\n");
        assert_eq!(
            &text[find(Some("x"), 4)],
            "e <!-- postlint-disable-line x -->\n"
        );
    }

    #[test]
    fn other_comments_are_not_directives() {
        let s = parse_all(
            "---\n---\n<!-- postlint-disabled -->\n<!-- more -->\n<!--postlint-disable-->",
        );
        assert_eq!(s.comments.len(), 1);
        assert!(s.comments[0].names.is_empty());
    }
}
