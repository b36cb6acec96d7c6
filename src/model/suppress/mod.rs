//! Suppressions written in the post: `<!-- postlint-disable ... -->`,
//! `<!-- postlint-enable ... -->`, `<!-- postlint-disable-line ... -->`,
//! `<!-- postlint-disable-next-line ... -->`, `<!-- postlint-disable-file ... -->`
//! in the body, and `postlint: { disable: [...] }` in the front matter.
//! Names are rule ids or families; no name means every rule.
//!
//! This module owns them: reading them ([`parse`]), deciding which of them
//! covers a finding ([`Suppressions::covering`], [`covers`]), and writing
//! new ones ([`edit`]).

pub mod edit;
mod parse;

use std::ops::Range;

pub use parse::parse;

/// The family whose rules judge the suppressions themselves. They run after
/// the others' findings are suppressed, so nothing suppresses theirs.
pub const JUDGING_FAMILY: &str = "suppression";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directive {
    Disable,
    Enable,
    DisableLine,
    DisableNextLine,
    DisableFile,
}

impl Directive {
    pub fn as_str(self) -> &'static str {
        match self {
            Directive::Disable => "postlint-disable",
            Directive::Enable => "postlint-enable",
            Directive::DisableLine => "postlint-disable-line",
            Directive::DisableNextLine => "postlint-disable-next-line",
            Directive::DisableFile => "postlint-disable-file",
        }
    }
}

/// One comment (or the front matter key) that suppresses findings.
#[derive(Clone, Debug)]
pub struct Comment {
    pub directive: Directive,
    /// The whole comment, or the front matter value.
    pub span: Range<usize>,
    /// Each name with its span; empty means every rule.
    pub names: Vec<(String, Range<usize>)>,
}

/// A region where one name (or every rule, `None`) is suppressed.
#[derive(Clone, Debug)]
pub struct Suppression {
    /// Index into the comments.
    pub comment: usize,
    pub name: Option<String>,
    /// Where the name is written (the comment when it names nothing).
    pub name_span: Range<usize>,
    /// Which bytes it covers: a finding starting here is suppressed.
    pub region: Range<usize>,
}

impl Suppression {
    /// Whether this suppression hides a finding of `rule`, in `family`,
    /// that starts at byte `offset`.
    pub fn covers(&self, rule: &str, family: &str, offset: usize) -> bool {
        covers(self.name.as_deref(), &self.region, rule, family, offset)
    }
}

/// Every suppression of a post.
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    pub comments: Vec<Comment>,
    pub regions: Vec<Suppression>,
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.comments.is_empty()
    }

    /// The indices (into `regions`) of the suppressions that hide a finding
    /// of `rule`, in `family`, starting at byte `offset`.
    pub fn covering<'s>(
        &'s self,
        rule: &'s str,
        family: &'s str,
        offset: usize,
    ) -> impl Iterator<Item = usize> + 's {
        self.regions
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.covers(rule, family, offset))
            .map(|(i, _)| i)
    }
}

impl Suppressions {
    /// Match many findings, `(rule, family, start)`, at once: whether each
    /// is suppressed, and whether each region suppresses any of them. It
    /// costs O((findings + regions) log n) where asking [`covering`] for
    /// each finding cost their product, which 50,000 comments made minutes.
    ///
    /// [`covering`]: Suppressions::covering
    pub fn match_all(&self, findings: &[(&str, &str, usize)]) -> (Vec<bool>, Vec<bool>) {
        use std::collections::HashMap;
        // The sorted starts of the findings each name can hide: by rule, by
        // family, and (`None`) all of them.
        let mut starts: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
        for &(rule, family, at) in findings {
            if family == JUDGING_FAMILY {
                continue;
            }
            starts.entry(None).or_default().push(at);
            starts.entry(Some(rule)).or_default().push(at);
            if family != rule {
                starts.entry(Some(family)).or_default().push(at);
            }
        }
        for list in starts.values_mut() {
            list.sort_unstable();
        }
        let mut used = vec![false; self.regions.len()];
        // The regions of each name, merged, for the findings' side.
        let mut covered: HashMap<Option<&str>, Vec<Range<usize>>> = HashMap::new();
        for (i, r) in self.regions.iter().enumerate() {
            let name = r.name.as_deref();
            if let Some(list) = starts.get(&name) {
                let first = list.partition_point(|&at| at < r.region.start);
                used[i] = list.get(first).is_some_and(|&at| at < r.region.end);
            }
            if !r.region.is_empty() {
                covered.entry(name).or_default().push(r.region.clone());
            }
        }
        for list in covered.values_mut() {
            list.sort_unstable_by_key(|r| r.start);
            let mut merged: Vec<Range<usize>> = Vec::with_capacity(list.len());
            for r in list.drain(..) {
                match merged.last_mut() {
                    Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                    _ => merged.push(r),
                }
            }
            *list = merged;
        }
        let inside = |name: Option<&str>, at: usize| {
            covered.get(&name).is_some_and(|list| {
                let i = list.partition_point(|r| r.end <= at);
                list.get(i).is_some_and(|r| r.contains(&at))
            })
        };
        let suppressed = findings
            .iter()
            .map(|&(rule, family, at)| {
                family != JUDGING_FAMILY
                    && (inside(None, at) || inside(Some(rule), at) || inside(Some(family), at))
            })
            .collect();
        (suppressed, used)
    }

    /// The indices (into `regions`) of the regions each comment made, by
    /// comment: one pass, for rules that look at every comment.
    pub fn regions_by_comment(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.comments.len()];
        for (i, r) in self.regions.iter().enumerate() {
            if let Some(list) = out.get_mut(r.comment) {
                list.push(i);
            }
        }
        out
    }
}

/// Whether a suppression of `name` (every rule when `None`) over `region`
/// hides a finding of `rule`, in `family`, that starts at byte `offset`.
/// The one place that decides it, for a post's own findings and for the
/// whole-repository ones (which keep only names and regions).
pub fn covers(
    name: Option<&str>,
    region: &Range<usize>,
    rule: &str,
    family: &str,
    offset: usize,
) -> bool {
    family != JUDGING_FAMILY
        && name.is_none_or(|n| n == rule || n == family)
        && region.contains(&offset)
}

/// Does `line` (trimmed) start a postlint directive comment?
pub fn is_directive_line(line: &str) -> bool {
    line.strip_prefix("<!--")
        .is_some_and(|rest| rest.trim_start().starts_with("postlint-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covering_matches_rule_family_or_everything_within_the_region() {
        let region = |name: Option<&str>, region: Range<usize>| Suppression {
            comment: 0,
            name: name.map(str::to_string),
            name_span: 0..0,
            region,
        };
        let s = Suppressions {
            comments: Vec::new(),
            regions: vec![
                region(Some("tag-link"), 0..10),
                region(Some("source-missing"), 5..20),
                region(None, 15..30),
            ],
        };
        let hits = |rule, family, at| s.covering(rule, family, at).collect::<Vec<_>>();
        assert_eq!(hits("tag-link-unknown-tag", "tag-link", 7), [0]);
        assert_eq!(hits("source-missing", "source", 7), [1]);
        assert_eq!(hits("source-missing", "source", 15), [1, 2]);
        assert_eq!(hits("source-missing", "source", 30), Vec::<usize>::new());
        assert_eq!(
            hits("suppression-unused", JUDGING_FAMILY, 16),
            Vec::<usize>::new()
        );
    }
}
