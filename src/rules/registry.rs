//! The registry: every [`Rule`], family by family, in the order they run,
//! and the `rules!` macro with which each family lists its own.

use std::sync::OnceLock;

use super::options::RuleOptions;
use super::{Context, RepoContext, RepoDiagnostic, RuleMeta, Settings, Sink};
use super::{front_matter, jekyll, link, schema, source, suppression, tag_link, timestamp};
use crate::model::summary::full::Wanted;

/// How a rule checks: one post at a time, or the whole repository at once
/// from the posts' summaries.
#[derive(Clone, Copy)]
pub enum Check {
    Post(fn(&Context, &mut Sink)),
    Repo(fn(&RepoContext, &mut Sink<RepoDiagnostic>)),
}

/// One rule: its id, its index in [`RULES`], its documentation (which holds
/// its metadata), its check, and the default of its options, if it has any.
#[derive(Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    /// The rule's index in [`RULES`], set when the registry joins the
    /// families' tables (0 in a family's own table).
    pub index: usize,
    pub doc: &'static str,
    pub check: Check,
    pub options: Option<fn() -> Box<dyn RuleOptions>>,
    /// The parts of the posts' summaries the rule reads beyond those every
    /// summary holds: a whole-repository rule's `NEEDS`, declared in its
    /// file; nothing for a rule of one post.
    pub needs: Wanted,
}

impl Rule {
    /// Whether the rule needs every post (a whole-repository rule).
    pub fn is_repo(&self) -> bool {
        matches!(self.check, Check::Repo(_))
    }
}

impl Rule {
    /// The metadata from the front matter of the rule's document.
    pub fn meta(&self) -> &'static RuleMeta {
        static METAS: OnceLock<Vec<RuleMeta>> = OnceLock::new();
        let metas = METAS.get_or_init(|| {
            RULES
                .iter()
                .map(|r| {
                    RuleMeta::parse(r.doc).unwrap_or_else(|e| panic!("rules/{}.md: {e}", r.id))
                })
                .collect()
        });
        debug_assert_eq!(RULES[self.index].id, self.id, "the rule's index");
        &metas[self.index]
    }
}

/// Rule families: the prefix of every rule id, in the order they run.
pub const FAMILIES: &[&str] = &[
    "front-matter",
    "timestamp",
    "tag-link",
    "source",
    "jekyll",
    "link",
    "schema",
    "suppression",
];

macro_rules! check_of {
    (post, $module:ident) => {
        $crate::rules::Check::Post($module::check)
    };
    (repo, $module:ident) => {
        $crate::rules::Check::Repo($module::check)
    };
}

macro_rules! needs_of {
    (post, $module:ident) => {
        $crate::model::summary::full::Wanted::NOTHING
    };
    (repo, $module:ident) => {
        $module::NEEDS
    };
}

macro_rules! options_of {
    () => {
        None
    };
    ($options:ty) => {
        Some($crate::rules::options::default_options::<$options>)
    };
}

/// A family's table of rules: `"id" => post module` (or `repo module`),
/// then `with module::Options` when the rule has options. Each module is
/// the rule's file `<module>.rs` beside the family's `mod.rs`, declared
/// there with a plain `mod` line; the table only refers to it, and embeds
/// the rule's document.
macro_rules! rules {
    ($($id:literal => $kind:ident $module:ident $(with $options:ty)?,)*) => {
        /// The family's rules, in the order they run and are listed.
        pub(super) const RULES: &[$crate::rules::Rule] = &[$($crate::rules::Rule {
            id: $id,
            index: 0,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $id, ".md")),
            check: check_of!($kind, $module),
            options: options_of!($($options)?),
            needs: needs_of!($kind, $module),
        },)*];
    };
}

/// Every rule, in the order they run and are listed: family by family, as
/// in [`FAMILIES`].
pub static RULES: &[Rule] = &ALL;

const ALL: [Rule; count(FAMILY_RULES)] = concat(FAMILY_RULES);

const FAMILY_RULES: &[&[Rule]] = &[
    front_matter::RULES,
    timestamp::RULES,
    tag_link::RULES,
    source::RULES,
    jekyll::RULES,
    link::RULES,
    schema::RULES,
    suppression::RULES,
];

const fn count(lists: &[&[Rule]]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < lists.len() {
        n += lists[i].len();
        i += 1;
    }
    n
}

const fn concat<const N: usize>(lists: &[&[Rule]]) -> [Rule; N] {
    let mut out = [lists[0][0]; N];
    let (mut i, mut n) = (0, 0);
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            out[n] = lists[i][j];
            out[n].index = n;
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Every setting at its default: each family's, and the default options of
/// every rule in [`RULES`] that has some.
impl Default for Settings {
    fn default() -> Settings {
        Settings::with_rule_options(RULES.iter().map(|r| r.options.map(|f| f())).collect())
    }
}

/// What the posts' summaries must hold for the rules `on` turns on: the
/// parts those of them that read summaries (the whole-repository rules)
/// declare they need; `None` when none of them is on, and no summary is
/// worth making.
pub fn summary_needs(on: impl Fn(usize) -> bool) -> Option<Wanted> {
    (RULES.iter().enumerate())
        .filter(|(i, r)| r.is_repo() && on(*i))
        .map(|(_, r)| r.needs)
        .reduce(Wanted::and)
}

/// Look a rule up by id.
pub fn find(id: &str) -> Option<(usize, &'static Rule)> {
    RULES.iter().enumerate().find(|(_, r)| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two ways to a rule's metadata, from its id through [`find`] and
    /// from its index in [`RULES`], and a copy of the rule, reach the same
    /// metadata, the rule's own.
    #[test]
    fn a_rule_has_the_same_metadata_by_id_by_index_and_as_a_copy() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.index, i, "{}", rule.id);
            let (index, by_id) = find(rule.id).expect("the rule is found by its id");
            assert_eq!(index, i, "{}", rule.id);
            assert!(std::ptr::eq(by_id.meta(), RULES[i].meta()), "{}", rule.id);
            let copy = *rule;
            assert!(std::ptr::eq(rule.meta(), copy.meta()), "{}", rule.id);
            assert_eq!(rule.meta().id, rule.id);
            assert!(
                rule.id.starts_with(rule.meta().family.as_str()),
                "{}",
                rule.id
            );
        }
    }
}
