//! What inference gathers at each place of the front matter: how often
//! each Psych type occurs there, the distinct values of its scalars, the
//! keys of its mappings and the items of its lists, with where the first
//! few of each were seen.

use std::collections::BTreeMap;

use super::formats;
use crate::model::front_matter::scalar::{Scalar, resolve_plain};
use crate::model::schema::json_view::scalar_json;
use crate::model::yaml_tree::{Node, NodeKind};

/// Where something was seen: a document (by its index in the order the
/// documents were added), and a 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub doc: usize,
    pub line: usize,
    pub column: usize,
}

/// How many places of each kind are kept for a suspect.
pub const KEPT: usize = 3;

/// The distinct scalar values followed at one place, at most this many:
/// enough to see a tight enum and the few values outside it.
const TRACKED: usize = 32;

/// The types Psych gives a node, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Type {
    Null,
    Boolean,
    Integer,
    Float,
    Date,
    Timestamp,
    String,
    List,
    Mapping,
    Alias,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::Null => "null",
            Type::Boolean => "a boolean",
            Type::Integer => "an integer",
            Type::Float => "a float",
            Type::Date => "a date",
            Type::Timestamp => "a timestamp",
            Type::String => "a string",
            Type::List => "a list",
            Type::Mapping => "a mapping",
            Type::Alias => "an alias",
        }
    }

    fn of(node: &Node) -> Type {
        match &node.kind {
            NodeKind::Scalar { value, .. } => match value {
                Scalar::Null => Type::Null,
                Scalar::Bool(_) => Type::Boolean,
                Scalar::Int => Type::Integer,
                Scalar::Float => Type::Float,
                Scalar::Date => Type::Date,
                Scalar::Timestamp => Type::Timestamp,
                Scalar::Str => Type::String,
            },
            NodeKind::Sequence(_) => Type::List,
            NodeKind::Mapping(_) => Type::Mapping,
            NodeKind::Alias => Type::Alias,
        }
    }
}

/// A value an `enum` may list: a string's text or an integer (booleans are
/// left out: an enum of both is the type itself, and one of a single value
/// would refuse what `defaults:` or the next post may well say).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Literal {
    Integer(i64),
    String(String),
}

/// How often one value was seen, and where first.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub count: usize,
    pub at: Vec<Location>,
}

impl Seen {
    fn add(&mut self, at: impl FnOnce() -> Location) {
        self.count += 1;
        if self.at.len() < KEPT {
            self.at.push(at());
        }
    }
}

/// Everything seen at one place: the value of a key, or the items of a
/// list.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Values seen here, of each Psych type.
    pub types: BTreeMap<Type, Seen>,
    /// Strings that Jekyll does not read as a `date`, and that are not an
    /// absolute http(s) URL.
    pub not_jekyll_date: usize,
    pub not_uri: usize,
    /// The distinct strings and integers, while there are few of them.
    pub literals: BTreeMap<Literal, Seen>,
    /// More distinct values were seen than are followed (or an integer
    /// beyond 64 bits): no enum here.
    pub many: bool,
    /// The keys of the mappings seen here, in name order.
    pub properties: BTreeMap<String, Property>,
    /// The items of the lists seen here.
    pub items: Option<Box<Stats>>,
}

/// One key of the mappings at a place.
#[derive(Clone, Debug, Default)]
pub struct Property {
    /// The mappings that have it, and where it is written.
    pub seen: Seen,
    pub value: Stats,
}

/// A front matter being read: its text, for positions, and its index.
pub struct Doc<'a> {
    pub text: &'a str,
    pub index: usize,
}

impl Doc<'_> {
    /// The location of byte `offset`.
    pub fn locate(&self, offset: usize) -> Location {
        let offset = crate::model::text::boundary::floor_char_boundary(self.text, offset);
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            doc: self.index,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl Stats {
    /// How many values were seen here.
    pub fn count(&self) -> usize {
        self.types.values().map(|s| s.count).sum()
    }

    pub fn has(&self, t: Type) -> usize {
        self.types.get(&t).map_or(0, |s| s.count)
    }

    /// Count a mapping seen here whose pairs are added by
    /// [`Stats::add_mapping`].
    pub fn count_mapping(&mut self, at: Location) {
        self.types.entry(Type::Mapping).or_default().add(|| at);
    }

    /// Add a node seen here.
    pub fn add(&mut self, node: &Node, doc: &Doc) {
        let t = Type::of(node);
        self.types
            .entry(t)
            .or_default()
            .add(|| doc.locate(node.span.start));
        match &node.kind {
            NodeKind::Scalar { text, value, .. } => self.add_scalar(node, text, value, doc),
            NodeKind::Sequence(items) => {
                let stats = self.items.get_or_insert_with(Default::default);
                for item in items {
                    stats.add(item, doc);
                }
            }
            NodeKind::Mapping(pairs) => {
                let keyed = pairs
                    .iter()
                    .map(|(k, v)| (key_name(k, doc.text), k.span.start, v));
                self.add_mapping(keyed, doc);
            }
            NodeKind::Alias => {}
        }
    }

    /// Add a mapping seen here, as its pairs: the key's name, where it
    /// starts and its value. A key written twice counts once, with its
    /// last value, as Psych keeps it.
    pub fn add_mapping<'n>(
        &mut self,
        pairs: impl Iterator<Item = (String, usize, &'n Node)>,
        doc: &Doc,
    ) {
        let mut last: BTreeMap<String, (usize, &Node)> = BTreeMap::new();
        for (name, start, value) in pairs {
            last.insert(name, (start, value));
        }
        for (name, (start, value)) in last {
            let property = self.properties.entry(name).or_default();
            property.seen.add(|| doc.locate(start));
            property.value.add(value, doc);
        }
    }

    fn add_scalar(&mut self, node: &Node, text: &str, value: &Scalar, doc: &Doc) {
        let literal = match value {
            Scalar::Str => {
                if crate::model::date::format::parse(text).is_err() {
                    self.not_jekyll_date += 1;
                }
                if !formats::is_uri(text) {
                    self.not_uri += 1;
                }
                Some(Literal::String(text.to_string()))
            }
            Scalar::Int => match scalar_json(text, value).as_i64() {
                Some(n) => Some(Literal::Integer(n)),
                None => {
                    self.many = true;
                    None
                }
            },
            _ => None,
        };
        let Some(literal) = literal else { return };
        if self.many {
            return;
        }
        if !self.literals.contains_key(&literal) && self.literals.len() >= TRACKED {
            self.many = true;
            self.literals.clear();
            return;
        }
        self.literals
            .entry(literal)
            .or_default()
            .add(|| doc.locate(node.span.start));
    }
}

/// The name a key has in the JSON view: a string's text, or what Psych
/// reads a plain key as (`on:` is `true`, `2022:` is `2022`), as text.
pub fn key_name(key: &Node, text: &str) -> String {
    match &key.kind {
        NodeKind::Scalar {
            text: written,
            value,
            ..
        } => match value {
            Scalar::Str => written.clone(),
            Scalar::Null => String::new(),
            other => match scalar_json(written, other) {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            },
        },
        _ => text.get(key.span.clone()).unwrap_or_default().to_string(),
    }
}

/// [`key_name`] for a top-level key, of which only the text and its span
/// are kept: a key written without quotes is read as Psych reads it.
pub fn top_key_name(key: &str, written: &str) -> String {
    if written.starts_with(['"', '\'', '!']) {
        return key.to_string();
    }
    match resolve_plain(key) {
        Scalar::Str => key.to_string(),
        Scalar::Null => String::new(),
        other => match scalar_json(key, &other) {
            serde_json::Value::String(s) => s,
            v => v.to_string(),
        },
    }
}
