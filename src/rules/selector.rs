//! What a rule id or family name given by the user selects ([`resolve`]),
//! and the closest name to suggest when it selects nothing.

use super::{FAMILIES, RULES, find};

/// What a name given by the user (in `postlint.toml`, on the command line,
/// in editor settings or in a suppression comment) names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// One rule, by its index in [`RULES`].
    Rule(usize),
    /// Every rule of a family.
    Family(&'static str),
    /// `ALL`: every rule (ruff's spelling).
    All,
}

impl Selector {
    /// Whether the rule at `index` in [`RULES`] is selected.
    pub fn includes(self, index: usize) -> bool {
        match self {
            Selector::Rule(i) => i == index,
            Selector::Family(f) => RULES[index].meta().family == f,
            Selector::All => true,
        }
    }
}

/// A name that is neither a rule id nor a family, with the closest one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub suggestion: Option<&'static str>,
}

impl UnknownName {
    /// The hint for the closest name: "did you mean `x`?".
    pub fn did_you_mean(&self) -> Option<String> {
        self.suggestion.map(|s| format!("did you mean `{s}`?"))
    }
}

/// Resolve a rule id or family name: the one place that decides what a
/// name means, and what to suggest when it means nothing.
pub fn resolve(name: &str) -> Result<Selector, UnknownName> {
    if name == "ALL" {
        return Ok(Selector::All);
    }
    if let Some((i, _)) = find(name) {
        return Ok(Selector::Rule(i));
    }
    if let Some(family) = FAMILIES.iter().find(|f| **f == name) {
        return Ok(Selector::Family(family));
    }
    Err(UnknownName {
        suggestion: suggest(name),
    })
}

/// Whether `name` (a rule id or family) selects the rule at `index`.
pub fn names(name: &str, index: usize) -> bool {
    resolve(name).is_ok_and(|s| s.includes(index))
}

/// The closest rule id or family to a misspelt name, if any is close.
fn suggest(name: &str) -> Option<&'static str> {
    RULES
        .iter()
        .map(|r| r.id)
        .chain(FAMILIES.iter().copied())
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|&(d, c)| d <= 3.max(c.len() / 5))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suggestions for misspelt names: the closest rule id or family by
    /// edit distance in characters, within 3 edits (a fifth of a longer
    /// name's length), the first by name on a tie, none when nothing is
    /// close.
    #[test]
    fn a_misspelt_name_suggests_the_closest_one() {
        for (name, suggestion) in [
            ("front-matter-mising", Some("front-matter-missing")),
            ("frontmatter-missing", Some("front-matter-missing")),
            ("timestmp", Some("timestamp")),
            ("timestamp-mismatched", Some("timestamp-mismatch")),
            ("jekyll-liquids", Some("jekyll-liquid")),
            ("jekyl", Some("jekyll")),
            ("tag-links", Some("tag-link")),
            ("tag_link_mismatch", Some("tag-link-mismatch")),
            ("supression-unused", Some("suppression-unused")),
            (
                "front-matter-missing-keys",
                Some("front-matter-missing-key"),
            ),
            ("source-duplicat", Some("source-duplicate")),
            // A tie, 2 edits from both: the first by name.
            ("front-matter-missing-k", Some("front-matter-missing")),
            // 5 edits from a 29-character id: a fifth of its length.
            (
                "front-matter-ambiguous-s",
                Some("front-matter-ambiguous-scalar"),
            ),
            ("front-matter-ambiguous-", None),
            // Edits count characters, not bytes.
            ("tïmëstämp", Some("timestamp")),
            ("tïmëstämpö", None),
            ("source-dupe", None),
            ("jekyll-url", None),
            ("jekyll-url-case", None),
            ("xyz", None),
            ("all", None),
            ("", None),
        ] {
            assert_eq!(suggest(name), suggestion, "{name:?}");
        }
    }

    #[test]
    fn an_unknown_name_says_did_you_mean() {
        let unknown = resolve("timestmp").unwrap_err();
        assert_eq!(
            unknown.did_you_mean().as_deref(),
            Some("did you mean `timestamp`?")
        );
        assert_eq!(resolve("xyz").unwrap_err().did_you_mean(), None);
        assert_eq!(resolve("ALL"), Ok(Selector::All));
        assert_eq!(resolve("jekyll"), Ok(Selector::Family("jekyll")));
    }
}
