//! A small YAML tree with byte spans, built from granit-parser's events in
//! one pass. Aliases are kept as references and never expanded, so alias
//! bombs cost nothing; nesting depth is bounded by the parser's limits.
//! Most front matter is read by [`super::simple_yaml`] instead, to the same
//! tree ([`super::yaml_tree`]).

use std::ops::Range;

use granit_parser::{Event, Options, Parser, ScalarStyle};

use super::front_matter::scalar::{self, Scalar};
pub use super::yaml_tree::{Node, NodeKind};

/// A YAML syntax error at a byte offset of the post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub offset: usize,
    pub message: String,
}

/// Parse `source` (the text between the front matter delimiters, which
/// starts at byte `base` of the post) into its first document's root node.
/// An empty document gives `Ok(None)`.
pub fn parse(source: &str, base: usize) -> Result<Option<Node>, YamlError> {
    // Most front matter is a list of one-line pairs, read directly to the
    // same tree.
    match super::simple_yaml::parse(source, base) {
        Some(root) => Ok(Some(root)),
        None => parse_general(source, base),
    }
}

const BOM: &str = "\u{feff}";

/// What a byte-order mark is read as: a character of the same length in
/// UTF-8 that YAML reads as text.
const BOM_STAND_IN: &str = "\u{e000}";

/// Where each alias of a document points: the alias's span start, and the
/// span of the node its anchor names (the tree keeps aliases unexpanded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchors {
    pub aliases: Vec<(usize, Range<usize>)>,
}

impl Anchors {
    /// The span of the node the alias starting at `alias_start` refers to.
    pub fn target(&self, alias_start: usize) -> Option<&Range<usize>> {
        self.aliases
            .binary_search_by_key(&alias_start, |(at, _)| *at)
            .ok()
            .map(|i| &self.aliases[i].1)
    }
}

/// [`parse`] by the general YAML parser, whatever the YAML.
pub fn parse_general(source: &str, base: usize) -> Result<Option<Node>, YamlError> {
    parse_events(source, base, None)
}

/// [`parse_general`], with where each alias points.
pub fn parse_anchored(source: &str, base: usize) -> Result<(Option<Node>, Anchors), YamlError> {
    let mut anchors = Anchors::default();
    let root = parse_events(source, base, Some(&mut anchors))?;
    anchors.aliases.sort_by_key(|(at, _)| *at);
    Ok((root, anchors))
}

fn parse_events(
    source: &str,
    base: usize,
    mut anchors: Option<&mut Anchors>,
) -> Result<Option<Node>, YamlError> {
    // Anchor id -> the anchored node's span, and aliases waiting for theirs.
    let mut defined: foldhash::HashMap<usize, Range<usize>> = Default::default();
    let mut options = Options::default();
    options.emit_comments = false;
    options.flow_nesting_limit = 64;
    options.block_nesting_limit = 64;
    // Psych reads a byte-order mark inside a value as a character of it
    // (and skips one that opens a line), where this parser stops: read
    // each as a private-use character of the same length, given back in
    // the values.
    let unmarked;
    let marks = source.contains(BOM) && !source.contains(BOM_STAND_IN);
    let source = if marks {
        unmarked = source.replace(BOM, BOM_STAND_IN);
        unmarked.as_str()
    } else {
        source
    };
    let parser = Parser::new_from_str_with_options(source, options);

    enum Open {
        Seq(usize, Vec<Node>, bool, usize),
        Map(usize, Vec<Node>, bool, usize),
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;

    for item in parser {
        let (event, span) = item.map_err(|e| YamlError {
            offset: base + e.marker().byte_offset().unwrap_or(0).min(source.len()),
            message: e.info(),
        })?;
        let range = span.byte_range().unwrap_or(0..0);
        let range = base + range.start..base + range.end;
        let mut anchor = 0;
        let node = match event {
            Event::Scalar(text, style, id, tag) => {
                anchor = id;
                let plain = style == ScalarStyle::Plain && tag.is_none();
                let value = match &tag {
                    Some(tag) if tag.is_yaml_core_schema() => {
                        scalar::resolve_tagged(&text, tag.suffix())
                    }
                    Some(_) => Scalar::Str,
                    None if plain => scalar::resolve_plain(&text),
                    None => Scalar::Str,
                };
                let text = if marks {
                    text.replace(BOM_STAND_IN, BOM)
                } else {
                    text.into_owned()
                };
                Node {
                    span: range,
                    kind: NodeKind::Scalar { text, value, plain },
                }
            }
            Event::Alias(id) => {
                if let Some(anchors) = anchors.as_deref_mut()
                    && let Some(target) = defined.get(&id)
                {
                    anchors.aliases.push((range.start, target.clone()));
                }
                Node {
                    span: range,
                    kind: NodeKind::Alias,
                }
            }
            Event::SequenceStart(style, id, _) => {
                let flow = style == granit_parser::StructureStyle::Flow;
                stack.push(Open::Seq(range.start, Vec::new(), flow, id));
                continue;
            }
            Event::MappingStart(style, id, _) => {
                let flow = style == granit_parser::StructureStyle::Flow;
                stack.push(Open::Map(range.start, Vec::new(), flow, id));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(start, items, flow, id)) => {
                    anchor = id;
                    Node {
                        span: start..collection_end(&items, flow, range.end, start),
                        kind: NodeKind::Sequence(items),
                    }
                }
                Some(Open::Map(start, items, flow, id)) => {
                    anchor = id;
                    let end = collection_end(&items, flow, range.end, start);
                    let mut pairs = Vec::with_capacity(items.len() / 2);
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        pairs.push((k, v));
                    }
                    Node {
                        span: start..end,
                        kind: NodeKind::Mapping(pairs),
                    }
                }
                None => continue,
            },
            Event::DocumentEnd => {
                // Only the first document counts, as in Jekyll.
                break;
            }
            _ => continue,
        };
        if anchor != 0 && anchors.is_some() {
            defined.insert(anchor, node.span.clone());
        }
        match stack.last_mut() {
            Some(Open::Seq(_, items, ..) | Open::Map(_, items, ..)) => items.push(node),
            None => {
                root = Some(node);
            }
        }
    }
    Ok(root)
}

fn collection_end(items: &[Node], flow: bool, end_event: usize, start: usize) -> usize {
    if flow {
        end_event.max(start)
    } else {
        items.last().map_or(start, |n| n.span.end).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(src: &str) -> Vec<(Node, Node)> {
        match parse(src, 0).unwrap().unwrap().kind {
            NodeKind::Mapping(pairs) => pairs,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn spans_slice_back_to_source() {
        let src = "title: \"a: b\"\ntags: [ x, y ]\ncats:\n  - p\n  - q\nn: 3\n";
        let pairs = map(src);
        let texts: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (&src[k.span.clone()], &src[v.span.clone()]))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("title", "\"a: b\""),
                ("tags", "[ x, y ]"),
                ("cats", "- p\n  - q"),
                ("n", "3")
            ]
        );
        assert_eq!(pairs[0].1.as_str(), Some("a: b"));
    }

    #[test]
    fn a_byte_order_mark_in_a_value_is_part_of_it() {
        // As Psych reads it: `title` is "\u{feff}Tides", `tags` a string
        // and a float.
        let src = "title: \u{feff}Tides\ntags:\n  - \u{feff}sea\n  - 12.10\n";
        let pairs = map(src);
        assert_eq!(pairs[0].1.as_str(), Some("\u{feff}Tides"));
        assert_eq!(&src[pairs[0].1.span.clone()], "\u{feff}Tides");
        let NodeKind::Sequence(tags) = &pairs[1].1.kind else {
            panic!("{:?}", pairs[1].1)
        };
        assert_eq!(tags[0].as_str(), Some("\u{feff}sea"));
        assert_eq!(tags[0].scalar(), Some(&Scalar::Str));
        assert_eq!(tags[1].scalar().map(Scalar::type_name), Some("a float"));
    }

    #[test]
    fn alias_bomb_is_not_expanded() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..30 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            src.push_str(&format!(
                "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert_eq!(map(&src).len(), 31);
    }

    #[test]
    fn anchors_say_where_each_alias_points() {
        let src = "a: &x [1, 2]\nb: *x\nc: &y q\nd: [*y, *x]\n";
        let (_, anchors) = parse_anchored(src, 10).unwrap();
        let targets: Vec<(&str, &str)> = anchors
            .aliases
            .iter()
            .map(|(at, t)| (&src[at - 10..at - 8], &src[t.start - 10..t.end - 10]))
            .collect();
        assert_eq!(
            targets,
            vec![("*x", "[1, 2]"), ("*y", "q"), ("*x", "[1, 2]")]
        );
        assert_eq!(anchors.target(10 + 16), Some(&(10 + 6..10 + 12)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(&src, 0).is_err());
        let block: String = (0..2000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let _ = parse(&block, 0);
    }

    #[test]
    fn error_offsets_are_shifted_by_base() {
        let err = parse("a: [1, 2\n", 100).unwrap_err();
        assert!(err.offset >= 100, "{err:?}");
    }
}
