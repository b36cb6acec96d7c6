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
