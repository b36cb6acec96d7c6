//! The JSON view of YAML 1.1 as Jekyll's Psych reads it: what a schema
//! sees of a front matter. Null, booleans and numbers are Psych's values
//! (`no` is `false`, `0x1F` is 31, `0777` is 511, `1,000` is 1000, `-1:30`
//! is -90); a date is the string `YYYY-MM-DD`; a timestamp is an RFC 3339
//! string with the offset written (`Z` when none is); a string is its text;
//! a key Psych reads as something else than a string (`on:`, `2022:`) is
//! the text of its value (`"true"`, `"2022"`).
//!
//! JSON has no date, no infinity and no bignum, so the view also keeps,
//! for the few values whose JSON does not say their Psych type, that type
//! ([`JsonView::special`]): dates, timestamps, `.inf`/`.nan` (the text as
//! written) and integers too large for 64 bits (a float in JSON).
//!
//! An alias is its anchor's JSON, built once and copied. The copies are
//! bounded by the document's own size, so an alias bomb costs what the
//! document costs: past the bound an alias is `null` and listed in
//! [`JsonView::unexpanded`], whose findings are not reported.

use foldhash::{HashMap, HashSet};
use serde_json::{Map, Value};

use crate::model::front_matter::scalar::Scalar;
use crate::model::yaml::{Anchors, Node, NodeKind};

mod scalar;

pub use scalar::scalar_json;

/// A front matter's JSON, and the Psych types its JSON does not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonView {
    pub value: Value,
    /// JSON pointer (into [`Self::value`]) and Psych type of each value
    /// whose JSON type is not its Psych type.
    pub special: Vec<(String, Scalar)>,
    /// JSON pointers of aliases left `null` past the copy budget.
    pub unexpanded: Vec<String>,
}

/// The JSON view of `node`; an alias is `null` (see [`view`]).
pub fn to_json(node: &Node) -> Value {
    view(node, None).value
}

/// The JSON view of `node`, its aliases resolved through `anchors`.
pub fn view(node: &Node, anchors: Option<&Anchors>) -> JsonView {
    let mut builder = Builder::new(anchors);
    builder.budget = 4 * count(node) + 1024;
    let value = builder.node(node);
    builder.finish(value)
}

/// The JSON view of a front matter's top-level `pairs`, each key as the
/// caller reads it and each value as [`view`] sees it, in one mapping: a
/// repeated key's last value is kept, as Psych keeps it.
pub fn view_pairs<'n>(
    pairs: impl IntoIterator<Item = (String, &'n Node)>,
    anchors: Option<&Anchors>,
) -> JsonView {
    let mut builder = Builder::new(anchors);
    let mut object = Map::new();
    for (key, node) in pairs {
        // Each value's aliases may name an earlier value's anchor, as
        // Psych reads them; each value may copy as much as its own size.
        builder.budget = 4 * count(node) + 1024;
        let before = builder.special.len();
        builder.path.push(Step::Key(key));
        let value = builder.node(node);
        builder.forget_earlier(before, &object);
        object.insert(builder.pop_key(), value);
    }
    builder.finish(Value::Object(object))
}

fn count(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Sequence(items) => 1 + items.iter().map(count).sum::<usize>(),
        NodeKind::Mapping(pairs) => 1 + pairs.iter().map(|(_, v)| 1 + count(v)).sum::<usize>(),
        _ => 1,
    }
}

fn size(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Object(map) => 1 + map.values().map(size).sum::<usize>(),
        _ => 1,
    }
}

/// A step down a JSON tree: a mapping's key or a list's index. The
/// pointer they make is written only for the few values that need it.
enum Step {
    Key(String),
    Index(usize),
}

/// An anchored node's JSON, and its specials relative to it.
type Built = (Value, Vec<(String, Scalar)>);

struct Builder<'a> {
    anchors: Option<&'a Anchors>,
    /// The spans aliases point at.
    targets: HashSet<(usize, usize)>,
    built: HashMap<(usize, usize), Built>,
    /// The steps from the root to the node being built.
    path: Vec<Step>,
    special: Vec<(String, Scalar)>,
    unexpanded: Vec<String>,
    budget: usize,
}

impl<'a> Builder<'a> {
    fn new(anchors: Option<&'a Anchors>) -> Self {
        Builder {
            anchors,
            targets: anchors
                .map(|a| a.aliases.iter().map(|(_, t)| (t.start, t.end)).collect())
                .unwrap_or_default(),
            built: HashMap::default(),
            path: Vec::new(),
            special: Vec::new(),
            unexpanded: Vec::new(),
            budget: 0,
        }
    }

    fn finish(self, value: Value) -> JsonView {
        JsonView {
            value,
            special: self.special,
            unexpanded: self.unexpanded,
        }
    }

    /// Forget the types of an earlier value of the key just built (the
    /// last step) in `object`, which the new value replaces: those among
    /// the first `before` specials at or below its pointer.
    fn forget_earlier(&mut self, before: usize, object: &Map<String, Value>) {
        let Some(Step::Key(key)) = self.path.last() else {
            return;
        };
        if before == 0 || !object.contains_key(key) {
            return;
        }
        let at = self.pointer();
        let mut i = 0;
        self.special.retain(|(p, _)| {
            i += 1;
            let below = p
                .strip_prefix(at.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            i > before || !below
        });
    }

    /// The key of the last step, taken off the path.
    fn pop_key(&mut self) -> String {
        match self.path.pop() {
            Some(Step::Key(k)) => k,
            _ => String::new(),
        }
    }

    fn pointer(&self) -> String {
        let mut s = String::new();
        for step in &self.path {
            s.push('/');
            match step {
                Step::Key(k) if k.contains(['~', '/']) => {
                    s.push_str(&k.replace('~', "~0").replace('/', "~1"));
                }
                Step::Key(k) => s.push_str(k),
                Step::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
    }

    fn node(&mut self, node: &Node) -> Value {
        let span = (node.span.start, node.span.end);
        let is_anchored = !self.targets.is_empty()
            && self.targets.contains(&span)
            && !self.built.contains_key(&span);
        let specials_before = self.special.len();
        let value = match &node.kind {
            NodeKind::Scalar { text, value, .. } => {
                let json = scalar_json(text, value);
                if let Some(kind) = special(value, &json) {
                    let at = self.pointer();
                    self.special.push((at, kind));
                }
                json
            }
            NodeKind::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    out.push(self.node(item));
                    self.path.pop();
                }
                Value::Array(out)
            }
            NodeKind::Mapping(pairs) => {
                let mut out = Map::new();
                for (k, v) in pairs {
                    let key = key_text(k);
                    let before = self.special.len();
                    self.path.push(Step::Key(key));
                    let value = self.node(v);
                    // Psych keeps the last value of a repeated key.
                    self.forget_earlier(before, &out);
                    out.insert(self.pop_key(), value);
                }
                Value::Object(out)
            }
            NodeKind::Alias => self.alias(node.span.start),
        };
        if is_anchored {
            let base = self.pointer();
            let relative = self.special[specials_before..]
                .iter()
                .map(|(p, k)| (p[base.len()..].to_string(), k.clone()))
                .collect();
            self.built.insert(span, (value.clone(), relative));
        }
        value
    }

    fn alias(&mut self, start: usize) -> Value {
        let target = self.anchors.and_then(|a| a.target(start));
        let found = target.and_then(|t| self.built.get(&(t.start, t.end)));
        let Some((value, relative)) = found else {
            return Value::Null;
        };
        let cost = size(value);
        if cost > self.budget {
            let at = self.pointer();
            self.unexpanded.push(at);
            return Value::Null;
        }
        self.budget -= cost;
        let (value, relative) = (value.clone(), relative.clone());
        let base = self.pointer();
        self.special
            .extend(relative.into_iter().map(|(p, k)| (format!("{base}{p}"), k)));
        value
    }
}

/// A mapping key as text: a string key is its text, another scalar the
/// text of its Psych value (`on` is `"true"`, `0x1F` is `"31"`), anything
/// else its own text.
pub fn key_text(key: &Node) -> String {
    match &key.kind {
        NodeKind::Scalar { text, value, .. } => scalar_key(text, value),
        _ => String::new(),
    }
}

/// A scalar mapping key as text, as [`key_text`] reads it: its text
/// `text` when Psych reads it as a string (`value`), else the text of its
/// value.
pub fn scalar_key(text: &str, value: &Scalar) -> String {
    match value {
        Scalar::Str => text.to_string(),
        _ => match scalar_json(text, value) {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        },
    }
}

/// The Psych type a JSON value does not tell.
fn special(scalar: &Scalar, json: &Value) -> Option<Scalar> {
    match (scalar, json) {
        (Scalar::Date | Scalar::Timestamp, _) => Some(scalar.clone()),
        (Scalar::Float, Value::String(_)) => Some(Scalar::Float),
        (Scalar::Int, Value::Number(n)) if n.is_f64() => Some(Scalar::Int),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
