//! The rule registry: every rule, its check, and its embedded document.
//! Adding a rule is one file here, one `rules/<id>.md`, and one line below.

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Options;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::model::Post;

mod meta;
pub use meta::{Example, ExampleKind, RuleMeta};

/// What a rule sees: the parsed post and the options.
pub struct Context<'a> {
    pub path: &'a Path,
    pub post: &'a Post<'a>,
    pub options: &'a Options,
    /// For each suppression region of the post, whether it suppressed a
    /// finding. Filled only for the `suppression` family, which runs last.
    pub suppressions_used: &'a [bool],
}

/// One rule: its id, its documentation (which holds its metadata), and its check.
pub struct Rule {
    pub id: &'static str,
    pub doc: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
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
        let index = RULES
            .iter()
            .position(|r| r.id == self.id)
            .expect("rule is registered");
        &metas[index]
    }
}

/// Rule families: the prefix of every rule id.
pub const FAMILIES: &[&str] = &[
    "front-matter",
    "timestamp",
    "tag-link",
    "source",
    "jekyll",
    "suppression",
];

macro_rules! registry {
    ($($id:literal => $module:ident,)*) => {
        $(mod $module;)*
        /// Every rule, in the order they run and are listed.
        pub static RULES: &[Rule] = &[$(Rule {
            id: $id,
            doc: include_str!(concat!("../../rules/", $id, ".md")),
            check: $module::check,
        },)*];
    };
}

registry! {
    "front-matter-missing" => front_matter_missing,
    "front-matter-unterminated" => front_matter_unterminated,
    "front-matter-invalid-yaml" => front_matter_invalid_yaml,
    "front-matter-not-mapping" => front_matter_not_mapping,
    "front-matter-duplicate-key" => front_matter_duplicate_key,
    "front-matter-missing-key" => front_matter_missing_key,
    "front-matter-wrong-type" => front_matter_wrong_type,
    "front-matter-invalid-date" => front_matter_invalid_date,
    "front-matter-ambiguous-scalar" => front_matter_ambiguous_scalar,
    "timestamp-malformed" => timestamp_malformed,
    "timestamp-mismatch" => timestamp_mismatch,
    "timestamp-missing" => timestamp_missing,
    "tag-link-malformed" => tag_link_malformed,
    "tag-link-mismatch" => tag_link_mismatch,
    "source-missing" => source_missing,
    "source-invalid" => source_invalid,
    "source-double-encoded" => source_double_encoded,
    "source-header-mismatch" => source_header_mismatch,
    "jekyll-filename" => jekyll_filename,
    "jekyll-date-mismatch" => jekyll_date_mismatch,
    "jekyll-empty-slug" => jekyll_empty_slug,
    "jekyll-future-date" => jekyll_future_date,
    "jekyll-liquid" => jekyll_liquid,
    "jekyll-unpublished" => jekyll_unpublished,
    "suppression-unused" => suppression_unused,
}

/// Look a rule up by id.
pub fn find(id: &str) -> Option<(usize, &'static Rule)> {
    RULES.iter().enumerate().find(|(_, r)| r.id == id)
}

/// The closest rule id or family to a misspelt name, if any is close.
pub fn suggest(name: &str) -> Option<&'static str> {
    RULES
        .iter()
        .map(|r| r.id)
        .chain(FAMILIES.iter().copied())
        .map(|c| (edit_distance(name, c), c))
        .filter(|&(d, c)| d <= 3.max(c.len() / 5))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Default severity label for listings: `error`, `warning`, `info` or `off`.
pub fn severity_label(level: Option<Severity>) -> &'static str {
    level.map_or("off", Severity::as_str)
}

/// Fix label for listings.
pub fn fix_label(fix: Option<Applicability>) -> &'static str {
    fix.map_or("-", Applicability::as_str)
}
