//! Each declared schema's own digest, for the cache key: a hash of its
//! file, of the files its `$ref`s reach (transitively), and of the `_data`
//! files and collections the keywords of those files name. A post is
//! checked again when its own schema's digest changes, not when another
//! schema or a `_data` file only another schema names does.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

/// What the schemas read, by schema file, as loading finds it.
#[derive(Default)]
pub(super) struct Digests {
    /// The hash of each schema file's text, by URI.
    texts: BTreeMap<String, u64>,
    /// The files each schema file's `$ref`s name, by URI.
    refs: BTreeMap<String, BTreeSet<String>>,
    /// The `_data` names each schema file's `jekyllData` keywords name.
    data_named: BTreeMap<String, BTreeSet<String>>,
    /// The collections each schema file's `jekyllDocument` keywords name.
    collections_named: BTreeMap<String, BTreeSet<String>>,
    /// The hash of each `_data` file read (its path and text), by name.
    data: BTreeMap<String, u64>,
    /// The hash of each collection's document names, by label.
    collections: BTreeMap<String, u64>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Digests {
    /// The schema file at `uri` has `text`.
    pub fn file(&mut self, uri: &str, text: &str) {
        self.texts.insert(uri.to_string(), hash_of(text));
    }

    /// A `$ref` of the schema file at `from` names the file at `to`.
    pub fn reference(&mut self, from: &str, to: &str) {
        (self.refs.entry(from.to_string()).or_default()).insert(to.to_string());
    }

    /// A `jekyllData` keyword of the schema file at `uri` names the `_data`
    /// file `name`.
    pub fn names_data(&mut self, uri: &str, name: &str) {
        (self.data_named.entry(uri.to_string()).or_default()).insert(name.to_string());
    }

    /// A `jekyllDocument` keyword of the schema file at `uri` names the
    /// collection `label`.
    pub fn names_collection(&mut self, uri: &str, label: &str) {
        (self.collections_named.entry(uri.to_string()).or_default()).insert(label.to_string());
    }

    /// The `_data` file `name`, read at `shown` with `text`.
    pub fn data(&mut self, name: &str, shown: &str, text: &str) {
        self.data.insert(name.to_string(), hash_of((shown, text)));
    }

    /// The documents of the collection `label`.
    pub fn collection(&mut self, label: &str, documents: &[String]) {
        self.collections
            .insert(label.to_string(), hash_of(documents));
    }

    /// The digest of the schema whose file is at `main`: every file its
    /// `$ref`s reach, and what their keywords name.
    pub fn of(&self, main: &str) -> String {
        let mut reached = BTreeSet::new();
        let mut next = vec![main.to_string()];
        while let Some(uri) = next.pop() {
            if reached.insert(uri.clone()) {
                next.extend(self.refs.get(&uri).into_iter().flatten().cloned());
            }
        }
        let mut data = BTreeSet::new();
        let mut collections = BTreeSet::new();
        let mut h = DefaultHasher::new();
        for uri in &reached {
            (uri, self.texts.get(uri)).hash(&mut h);
            data.extend(self.data_named.get(uri).into_iter().flatten());
            collections.extend(self.collections_named.get(uri).into_iter().flatten());
        }
        for name in data {
            ("data", name, self.data.get(name)).hash(&mut h);
        }
        for label in collections {
            ("collection", label, self.collections.get(label)).hash(&mut h);
        }
        format!("{:016x}", h.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::Digests;

    /// Two schemas: `a` refers to `shared`, which names `_data/authors`;
    /// `b` names the collection `notes`.
    fn two() -> Digests {
        let mut d = Digests::default();
        d.file("a", "$ref: shared");
        d.file("shared", "jekyllData: authors");
        d.file("b", "jekyllDocument: notes");
        d.reference("a", "shared");
        d.names_data("shared", "authors");
        d.names_collection("b", "notes");
        d.data("authors", "_data/authors.yml", "ann: {}");
        d.collection("notes", &["one".to_string()]);
        d
    }

    #[test]
    fn a_schema_digest_follows_only_what_it_reaches() {
        let before = two();
        let (a, b) = (before.of("a"), before.of("b"));
        let mut data = two();
        data.data("authors", "_data/authors.yml", "bob: {}");
        assert_ne!(data.of("a"), a, "through the `$ref`");
        assert_eq!(data.of("b"), b);
        let mut moved = two();
        moved.data("authors", "_data/authors.json", "ann: {}");
        assert_ne!(moved.of("a"), a, "another file of the same name");
        let mut shared = two();
        shared.file("shared", "jekyllData: authors ");
        assert_ne!(shared.of("a"), a);
        assert_eq!(shared.of("b"), b);
        let mut notes = two();
        notes.collection("notes", &["one".to_string(), "two".to_string()]);
        assert_eq!(notes.of("a"), a);
        assert_ne!(notes.of("b"), b);
    }

    #[test]
    fn a_cycle_of_refs_ends() {
        let mut d = two();
        d.reference("shared", "a");
        assert_eq!(d.of("a"), d.of("shared"));
    }
}
