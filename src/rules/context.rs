//! What a rule sees ([`Context`], [`RepoContext`]) and where it reports
//! ([`Sink`]).

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::path::Path;

use super::Settings;
use crate::diagnostic::Diagnostic;
use crate::model::Post;
use crate::model::jekyll::site::{Now, Site};
use crate::model::summary::compact::PostSummary;
use crate::model::summary::full::FullSummary;
use crate::model::summary::site_outputs::SiteOutputs;

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
    /// Whether the file is a page of the site rather than a post: only the
    /// families in [`PAGE_FAMILIES`](super::run::PAGE_FAMILIES) run on it.
    pub page: bool,
    /// What the `schema` family works out once for the post.
    pub schema: crate::rules::schema::place::per_post::PerPost,
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
            page: false,
            schema: Default::default(),
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
    /// What the files of each site answer to beyond its checked posts and
    /// pages, for the `link` rules.
    pub sites: &'a [SiteOutputs],
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
    pub(super) dropped: usize,
}

impl<'o, T> Sink<'o, T> {
    pub(super) fn new(rule: &'static str, out: &'o mut Vec<T>, room: usize) -> Sink<'o, T> {
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
