//! The rules, grouped by family (`front_matter/`, `timestamp/`, ...): each
//! family's `mod.rs` holds its shared helpers, its settings and its table of
//! rules, and each rule has a file of its own.
//!
//! Adding a rule takes three things: its file `src/rules/<family>/<rule>.rs`
//! (its `check`, and its `Options` if it has any), its document
//! `rules/<id>.md`, and one line in the `rules!` table of its family's
//! `mod.rs`, which declares the file's module and, after `with`, names the
//! options type. CONTRIBUTING.md walks through it.
//!
//! The rules are the core: they import only [`crate::diagnostic`],
//! [`crate::model`] and each other, and read no file and no clock.

use foldhash::{HashMap, HashMapExt};
use std::any::Any;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::model::site::{Now, Site};
use crate::model::summary::{FullSummary, PostSummary};
use crate::model::{ParseOptions, Post};

mod meta;
pub mod options;
pub use meta::{Example, ExampleKind, RuleMeta};
use options::{Configurable, RuleOptions};

/// What a rule sees: the parsed post, the settings, and the world around
/// the post as plain values.
pub struct Context<'a> {
    pub path: &'a Path,
    pub post: &'a Post<'a>,
    pub settings: &'a Settings,
    /// The Jekyll site the post belongs to.
    pub site: &'a Site,
    /// The moment future dates are judged against.
    pub now: Now,
    /// For each suppression region of the post, whether it suppressed a
    /// finding. Filled only for the `suppression` family, which runs last.
    pub suppressions_used: &'a [bool],
    /// How many findings were left out because a rule reached
    /// [`MAX_FINDINGS_PER_RULE`] in this post.
    pub over_limit: std::cell::Cell<usize>,
}

/// At most this many findings of one rule are kept for one post. A post
/// with more (10,000 duplicate keys, say) is broken in one way throughout;
/// the rest are counted, not kept, so that memory stays bounded.
pub const MAX_FINDINGS_PER_RULE: usize = 10_000;

impl Context<'_> {
    /// Whether the post is checked as a mirror's (see
    /// [`Site::reads_as_mirror`]).
    pub fn is_mirror(&self) -> bool {
        self.site.reads_as_mirror(self.post.in_mirror_format())
    }
}

/// Families that apply only to mirrors: an ordinary site has no source
/// URL and no timestamp comment, and never means to.
pub const MIRROR_FAMILIES: &[&str] = &["timestamp", "source"];

impl<'a> Context<'a> {
    pub fn new(
        path: &'a Path,
        post: &'a Post<'a>,
        settings: &'a Settings,
        site: &'a Site,
        now: Now,
    ) -> Context<'a> {
        Context {
            path,
            post,
            settings,
            site,
            now,
            suppressions_used: &[],
            over_limit: std::cell::Cell::new(0),
        }
    }
}

/// What a whole-repository rule sees: every post's compact summary, by
/// date, then path, and a way to the full summaries of the few posts it is
/// about to report.
pub struct RepoContext<'a> {
    pub posts: &'a [Summarized<'a>],
    pub settings: &'a Settings,
    /// The full summaries of the posts at these indices into `posts`, made
    /// again by the caller from each post's text; `None` for a post that
    /// cannot be read again or is no longer the one summarised. A rule
    /// finds candidates on the compact summaries' hashes and confirms them
    /// on these before it reports, so a hash collision reports nothing
    /// false, and messages show the real strings.
    pub full: &'a dyn Fn(&[usize]) -> Vec<Option<FullSummary>>,
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
    /// The full summaries of `posts` (indices into [`Self::posts`]) that
    /// could be had, by index.
    pub fn fetch(&self, posts: &[usize]) -> HashMap<usize, FullSummary> {
        if posts.is_empty() {
            return HashMap::new();
        }
        let found = (self.full)(posts);
        posts
            .iter()
            .zip(found)
            .filter_map(|(&i, full)| Some((i, full?)))
            .collect()
    }

    /// Each post whose `key` an earlier post already has, paired with the
    /// first post that has it: `(later, first)`, as indices into `posts`,
    /// with the full summaries of the posts paired. Posts are grouped on
    /// `hash`, a hash of `key` kept in the compact summary; only the posts
    /// of a group of two or more are fetched, and paired on their real
    /// `key`.
    pub fn repeats<K: Eq + std::hash::Hash>(
        &self,
        hash: impl Fn(&PostSummary) -> Option<u64>,
        key: impl Fn(&FullSummary) -> Option<K>,
    ) -> (Vec<(usize, usize)>, HashMap<usize, FullSummary>) {
        let mut count: HashMap<u64, u32> = HashMap::new();
        for post in self.posts {
            if let Some(h) = hash(post.summary) {
                *count.entry(h).or_default() += 1;
            }
        }
        let candidates: Vec<usize> = (self.posts.iter().enumerate())
            .filter(|(_, p)| hash(p.summary).is_some_and(|h| count[&h] > 1))
            .map(|(i, _)| i)
            .collect();
        drop(count);
        let full = self.fetch(&candidates);
        let mut first = HashMap::new();
        let mut out = Vec::new();
        for i in candidates {
            if let Some(k) = full.get(&i).and_then(&key) {
                let j = *first.entry(k).or_insert(i);
                if j != i {
                    out.push((i, j));
                }
            }
        }
        (out, full)
    }
}

/// Where a rule reports its findings. It knows which rule is running and
/// stamps every finding with that rule's id, so no rule names itself.
pub struct Sink<'o, T = Diagnostic> {
    rule: &'static str,
    out: &'o mut Vec<T>,
    /// How many more findings this rule may report.
    room: usize,
    /// Findings reported past that, counted only.
    dropped: usize,
}

impl<'o, T> Sink<'o, T> {
    fn new(rule: &'static str, out: &'o mut Vec<T>, room: usize) -> Sink<'o, T> {
        Sink {
            rule,
            out,
            room,
            dropped: 0,
        }
    }

    fn keep(&mut self, finding: T) {
        if self.room == 0 {
            self.dropped += 1;
        } else {
            self.room -= 1;
            self.out.push(finding);
        }
    }
}

impl<T> Sink<'_, T> {
    /// A finding of the running rule at `span`, to refine with the
    /// [`Diagnostic`] builders and then `push`.
    pub fn diagnostic(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.rule, span, message)
    }
}

impl Sink<'_, Diagnostic> {
    /// Report a finding in the post being checked.
    pub fn push(&mut self, mut diagnostic: Diagnostic) {
        diagnostic.rule = self.rule;
        self.keep(diagnostic);
    }
}

impl Sink<'_, RepoDiagnostic> {
    /// Report a finding in the post at index `post` of the repository.
    pub fn push(&mut self, post: usize, mut diagnostic: Diagnostic) {
        diagnostic.rule = self.rule;
        self.keep(RepoDiagnostic { post, diagnostic });
    }
}

/// How a rule checks: one post at a time, or the whole repository at once
/// from the posts' summaries.
#[derive(Clone, Copy)]
pub enum Check {
    Post(fn(&Context, &mut Sink)),
    Repo(fn(&RepoContext, &mut Sink<RepoDiagnostic>)),
}

/// One rule: its id, its documentation (which holds its metadata), its
/// check, and the default of its options, if it has any.
#[derive(Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub doc: &'static str,
    pub check: Check,
    pub options: Option<fn() -> Box<dyn RuleOptions>>,
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
        // Mostly asked of the registry's own entries, found by address
        // (this is asked for every rule of every post); a copy by its id.
        let base = RULES.as_ptr() as usize;
        let size = std::mem::size_of::<Rule>();
        let at = (self as *const Rule as usize).wrapping_sub(base);
        let index = if at < std::mem::size_of_val(RULES) && at.is_multiple_of(size) {
            at / size
        } else {
            RULES
                .iter()
                .position(|r| r.id == self.id)
                .expect("rule is registered")
        };
        &metas[index]
    }
}

/// Run the per-post rules that are on and whose family `families` accepts,
/// in registry order. `level` gives the severity of the rule at each
/// registry index (`None`: off); each finding comes back with it and with
/// its rule's id, in the order the rules reported them.
pub fn run_post(
    ctx: &Context,
    level: impl Fn(usize) -> Option<Severity>,
    families: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mirror = ctx.is_mirror();
    for (i, rule) in RULES.iter().enumerate() {
        let (Some(level), Check::Post(check)) = (level(i), rule.check) else {
            continue;
        };
        let family = rule.meta().family.as_str();
        if !families(family) || (!mirror && MIRROR_FAMILIES.contains(&family)) {
            continue;
        }
        let start = out.len();
        let mut sink = Sink::new(rule.id, &mut out, MAX_FINDINGS_PER_RULE);
        check(ctx, &mut sink);
        ctx.over_limit.set(ctx.over_limit.get() + sink.dropped);
        for d in &mut out[start..] {
            d.severity = level;
        }
    }
    out
}

/// Run the whole-repository rules that are on (`level` as for
/// [`run_post`]) over the posts of `ctx`. Findings come back in registry
/// order, with their rule's id and severity; the caller applies the posts'
/// suppressions and sorts them.
pub fn run_repo(
    ctx: &RepoContext,
    level: impl Fn(usize) -> Option<Severity>,
) -> Vec<RepoDiagnostic> {
    let mut out = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        let (Some(level), Check::Repo(check)) = (level(i), rule.check) else {
            continue;
        };
        let start = out.len();
        // Across a repository there is no limit: each finding is in a
        // different pair of posts.
        check(ctx, &mut Sink::new(rule.id, &mut out, usize::MAX));
        for d in &mut out[start..] {
            d.diagnostic.severity = level;
        }
    }
    out
}

/// Every setting the rules read: each family's settings, and each rule's
/// options. The defaults until a config file says otherwise.
#[derive(Clone, Debug)]
pub struct Settings {
    pub front_matter: front_matter::Settings,
    pub timestamp: timestamp::Settings,
    pub tag_link: tag_link::Settings,
    pub source: source::Settings,
    /// The options of each rule that has some, in registry order.
    rules: Vec<Option<Box<dyn RuleOptions>>>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            front_matter: Default::default(),
            timestamp: Default::default(),
            tag_link: Default::default(),
            source: Default::default(),
            rules: RULES.iter().map(|r| r.options.map(|f| f())).collect(),
        }
    }
}

impl Settings {
    /// The settings of a family (`[timestamp]`), if it has any.
    pub fn family_mut(&mut self, family: &str) -> Option<&mut dyn Configurable> {
        match family {
            "front-matter" => Some(&mut self.front_matter),
            "timestamp" => Some(&mut self.timestamp),
            "tag-link" => Some(&mut self.tag_link),
            "source" => Some(&mut self.source),
            _ => None,
        }
    }

    /// The options of the rule at registry index `index`, if it has any.
    pub fn rule_mut(&mut self, index: usize) -> Option<&mut dyn Configurable> {
        let options = self.rules.get_mut(index)?.as_mut()?;
        Some(options.as_configurable_mut())
    }

    /// A rule's options, by their type.
    ///
    /// # Panics
    /// When no registry line names `T` as a rule's options.
    pub fn rule<T: Any>(&self) -> &T {
        self.rules
            .iter()
            .flatten()
            .find_map(|o| o.as_any().downcast_ref())
            .expect("the options type is registered")
    }

    /// A rule's options, by their type, to change them.
    ///
    /// # Panics
    /// When no registry line names `T` as a rule's options.
    pub fn rule_options_mut<T: Any>(&mut self) -> &mut T {
        self.rules
            .iter_mut()
            .flatten()
            .find_map(|o| o.as_any_mut().downcast_mut())
            .expect("the options type is registered")
    }

    /// What reading a post of `site` needs from the settings.
    pub fn parse_options<'a>(&'a self, site: &'a Site) -> ParseOptions<'a> {
        ParseOptions {
            timezone: &site.timezone,
            unit: self.timestamp.unit,
            source_keys: &self.source.keys,
            tag_patterns: &self.tag_link.patterns,
            tag_scope: (!self.tag_link.configured).then_some(crate::model::TagScope {
                external: site.mirror_whatever_the_post(),
                own_host: site.host.as_deref(),
            }),
        }
    }
}

/// Rule families: the prefix of every rule id, in the order they run.
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
        $crate::rules::Check::Post($module::check)
    };
    (repo, $module:ident) => {
        $crate::rules::Check::Repo($module::check)
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
/// then `with module::Options` when the rule has options. It declares each
/// rule's module (the file `<module>.rs` beside the family's `mod.rs`) and
/// embeds its document. rustfmt does not see modules declared in a macro:
/// `scripts/fmt.sh` formats the rule files too.
macro_rules! rules {
    ($($id:literal => $kind:ident $module:ident $(with $options:ty)?,)*) => {
        $(pub mod $module;)*
        /// The family's rules, in the order they run and are listed.
        pub(super) const RULES: &[$crate::rules::Rule] = &[$($crate::rules::Rule {
            id: $id,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $id, ".md")),
            check: check_of!($kind, $module),
            options: options_of!($($options)?),
        },)*];
    };
}

pub mod front_matter;
pub mod jekyll;
pub mod source;
pub mod suppression;
pub mod tag_link;
pub mod timestamp;

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
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Look a rule up by id.
pub fn find(id: &str) -> Option<(usize, &'static Rule)> {
    RULES.iter().enumerate().find(|(_, r)| r.id == id)
}

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

/// The repository, whose `rules/<id>.md` documents each rule.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The address of a rule's documentation: its `rules/<id>.md` in the
/// repository.
pub fn doc_url(id: &str) -> String {
    format!("{REPOSITORY}/blob/main/rules/{id}.md")
}

/// Fix label for listings.
pub fn fix_label(fix: Option<Applicability>) -> &'static str {
    fix.map_or("-", Applicability::as_str)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostic::Fix;

    /// Check `text` as the post at `path` with every per-post rule but the
    /// suppression family, each at its default severity.
    pub fn check(path: &str, text: &str, settings: &Settings) -> Vec<Diagnostic> {
        let site = Site::default();
        let post = Post::parse(text, settings.parse_options(&site));
        let now = Now {
            instant: jiff::Timestamp::constant(1_900_000_000, 0),
            given: true,
        };
        let ctx = Context::new(Path::new(path), &post, settings, &site, now);
        run_post(
            &ctx,
            |i| RULES[i].meta().default_severity,
            |family| family != "suppression",
        )
    }

    #[test]
    fn a_rule_and_its_copy_have_the_same_metadata() {
        for rule in RULES {
            let copy = *rule;
            assert!(std::ptr::eq(rule.meta(), copy.meta()), "{}", rule.id);
            assert!(
                rule.id.starts_with(rule.meta().family.as_str()),
                "{}",
                rule.id
            );
        }
    }

    /// `text` with the edits of `fix` made.
    pub fn apply(text: &str, fix: &Fix) -> String {
        let mut out = text.to_string();
        let mut edits: Vec<_> = fix.edits.iter().collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        for e in edits {
            out.replace_range(e.range.clone(), &e.content);
        }
        out
    }
}
