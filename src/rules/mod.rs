//! The rule registry: every rule, its check, and its embedded document.
//! Adding a rule is one file here, one `rules/<id>.md`, and one line below.

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Options;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::model::Post;
use crate::model::summary::PostSummary;

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

/// What a whole-repository rule sees: every post's summary, by date, then
/// path.
pub struct RepoContext<'a> {
    pub posts: &'a [Summarized<'a>],
    pub options: &'a Options,
}

/// One post of the repository: its path as shown, and its summary.
#[derive(Clone, Copy)]
pub struct Summarized<'a> {
    pub path: &'a str,
    pub summary: &'a PostSummary,
}

/// A finding of a whole-repository rule: the post it is in (an index into
/// [`RepoContext::posts`]) and the diagnostic, whose spans are in that post
/// unless a label names another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepoDiagnostic {
    pub post: usize,
    pub diagnostic: Diagnostic,
}

impl<'a> RepoContext<'a> {
    /// Each post whose `key` an earlier post already has, paired with the
    /// first post that has it: `(later, first)`, as indices into `posts`.
    pub fn repeats<K: Eq + std::hash::Hash>(
        &self,
        key: impl Fn(&'a PostSummary) -> Option<K>,
    ) -> Vec<(usize, usize)> {
        let mut first = std::collections::HashMap::new();
        let mut out = Vec::new();
        for (i, post) in self.posts.iter().enumerate() {
            if let Some(k) = key(post.summary) {
                let j = *first.entry(k).or_insert(i);
                if j != i {
                    out.push((i, j));
                }
            }
        }
        out
    }
}

/// How a rule checks: one post at a time, or the whole repository at once
/// from the posts' summaries.
#[derive(Clone, Copy)]
pub enum Check {
    Post(fn(&Context, &mut Vec<Diagnostic>)),
    Repo(fn(&RepoContext, &mut Vec<RepoDiagnostic>)),
}

/// One rule: its id, its documentation (which holds its metadata), and its check.
pub struct Rule {
    pub id: &'static str,
    pub doc: &'static str,
    pub check: Check,
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

macro_rules! check_of {
    (post, $module:ident) => {
        Check::Post($module::check)
    };
    (repo, $module:ident) => {
        Check::Repo($module::check)
    };
}

macro_rules! registry {
    ($($id:literal => $kind:ident $module:ident,)*) => {
        $(mod $module;)*
        /// Every rule, in the order they run and are listed.
        pub static RULES: &[Rule] = &[$(Rule {
            id: $id,
            doc: include_str!(concat!("../../rules/", $id, ".md")),
            check: check_of!($kind, $module),
        },)*];
    };
}

registry! {
    "front-matter-missing" => post front_matter_missing,
    "front-matter-unterminated" => post front_matter_unterminated,
    "front-matter-invalid-yaml" => post front_matter_invalid_yaml,
    "front-matter-not-mapping" => post front_matter_not_mapping,
    "front-matter-duplicate-key" => post front_matter_duplicate_key,
    "front-matter-missing-key" => post front_matter_missing_key,
    "front-matter-wrong-type" => post front_matter_wrong_type,
    "front-matter-invalid-date" => post front_matter_invalid_date,
    "front-matter-ambiguous-scalar" => post front_matter_ambiguous_scalar,
    "timestamp-malformed" => post timestamp_malformed,
    "timestamp-mismatch" => post timestamp_mismatch,
    "timestamp-missing" => post timestamp_missing,
    "tag-link-malformed" => post tag_link_malformed,
    "tag-link-mismatch" => post tag_link_mismatch,
    "tag-link-unknown-tag" => repo tag_link_unknown_tag,
    "source-missing" => post source_missing,
    "source-invalid" => post source_invalid,
    "source-double-encoded" => post source_double_encoded,
    "source-header-mismatch" => post source_header_mismatch,
    "source-duplicate" => repo source_duplicate,
    "jekyll-filename" => post jekyll_filename,
    "jekyll-date-mismatch" => post jekyll_date_mismatch,
    "jekyll-empty-slug" => post jekyll_empty_slug,
    "jekyll-future-date" => post jekyll_future_date,
    "jekyll-liquid" => post jekyll_liquid,
    "jekyll-unpublished" => post jekyll_unpublished,
    "jekyll-duplicate-url" => repo jekyll_duplicate_url,
    "jekyll-url-case-conflict" => repo jekyll_url_case_conflict,
    "suppression-unused" => post suppression_unused,
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
