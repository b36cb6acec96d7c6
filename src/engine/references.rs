//! Where each reference of a file leads: the file of its site that
//! answers to it, a file a plugin makes, nothing, or somewhere postlint does
//! not judge. What `explain` prints and the language server's
//! go-to-definition follows.

use std::ops::Range;

use foldhash::HashMap;

use crate::model::jekyll::site::Site;
use crate::model::link::{RefKind, Target, resolve};
use crate::model::post::Post;
use crate::model::summary::links::{FileLink, layout_link, reference_link, site_url};
use crate::model::summary::site_outputs::SiteOutputs;

/// Where a reference leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leads {
    /// To this file of the site (below its folder).
    File(String),
    /// To a file a plugin the site names makes.
    Plugin,
    /// To no file: a broken link, a tag that stops the build.
    Nothing,
    /// To another site.
    External,
    /// Written without a scheme: a browser reads it as a path.
    NoScheme,
    /// Not looked up: built from variables, a `mailto:` or a fragment
    /// alone, a relative link from a file Jekyll does not write, or into a
    /// site whose plugins make files postlint does not know of.
    NotJudged,
}

/// One reference and where it leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub span: Range<usize>,
    /// `link`, `image`, `definition`, `autolink`, `html`, `post_url`,
    /// `link_tag`, `include`, `include_relative` or `layout`.
    pub kind: &'static str,
    /// What it points at: the path below the `baseurl` for a link, the
    /// argument of a tag, the layout's name.
    pub target: Option<String>,
    pub leads: Leads,
}

/// Every file of a site that answers to a key: its other files'
/// (`outputs`), and its posts', by the hash of the key.
pub struct SiteGraph<'a> {
    pub outputs: &'a SiteOutputs,
    pub posts: &'a HashMap<u64, String>,
    /// Whether the site's references are looked up at all: not in a
    /// mirror, nor where `source:` moves the site, nor without a
    /// `_config.yml`.
    pub judged: bool,
}

impl SiteGraph<'_> {
    /// Where a reference with these keys leads.
    fn leads(&self, link: &FileLink) -> Leads {
        if !self.judged {
            return Leads::NotJudged;
        }
        for &h in &link.keys {
            if let Some(file) = self.posts.get(&h) {
                return Leads::File(file.clone());
            }
            match self.outputs.answer(h) {
                Some(Some(file)) => return Leads::File(file.to_string()),
                Some(None) => return Leads::Plugin,
                None => {}
            }
        }
        if link.kind == crate::model::summary::links::LinkKind::Link
            && (!self.outputs.judges(&link.target)
                || (self.outputs.project_sites
                    && !link
                        .scope
                        .iter()
                        .any(|k| self.posts.contains_key(k) || self.outputs.keys.contains_key(k))))
        {
            return Leads::NotJudged;
        }
        Leads::Nothing
    }
}

fn kind_name(kind: &RefKind) -> &'static str {
    match kind {
        RefKind::Link => "link",
        RefKind::Image => "image",
        RefKind::Definition => "definition",
        RefKind::Autolink => "autolink",
        RefKind::Html { .. } => "html",
        RefKind::PostUrl => "post_url",
        RefKind::LinkTag => "link_tag",
        RefKind::Include => "include",
        RefKind::IncludeRelative => "include_relative",
    }
}

/// Where each reference of `post` (the file at `rel` of `site`, whose URL
/// is `url`) leads in `graph`, its layout first.
pub fn resolve_all(
    post: &Post,
    site: &Site,
    rel: &str,
    url: Option<&str>,
    graph: &SiteGraph,
) -> Vec<Resolved> {
    let mut out = Vec::new();
    if let Some(link) = layout_link(post, site) {
        out.push(Resolved {
            span: link.span.clone(),
            kind: "layout",
            target: Some(link.target.clone()),
            leads: graph.leads(&link),
        });
    }
    let urls = site_url(site);
    for r in post.references() {
        let kind = kind_name(&r.kind);
        let resolved = match reference_link(r, site, rel, url) {
            Some(link) => Resolved {
                span: r.span.clone(),
                kind,
                leads: graph.leads(&link),
                target: Some(link.target),
            },
            None => {
                let leads = if r.dynamic {
                    Leads::NotJudged
                } else {
                    match resolve(&r.url, r.prefix, url.unwrap_or("/"), &urls) {
                        Target::External => Leads::External,
                        Target::NoScheme { .. } => Leads::NoScheme,
                        _ => Leads::NotJudged,
                    }
                };
                Resolved {
                    span: r.span.clone(),
                    kind,
                    target: None,
                    leads,
                }
            }
        };
        out.push(resolved);
    }
    out
}
