//! The full summary of a post ([`FullSummary`]): everything the
//! whole-repository rules know of it, strings and all, taken from its
//! model once, and made compact ([`PostSummary`]) to be kept.

use std::ops::Range;
use std::path::Path;

use jiff::Timestamp;

use super::compact::{
    LinkHashes, OutputHashes, PostSummary, Source, Span, Stamp, Suppression, TagLink, hash,
};
use crate::model::body::entities;
use crate::model::front_matter::source::normalize_source;
use crate::model::front_matter::words::words;
use crate::model::jekyll::output::{OutputPlace, output};
use crate::model::jekyll::path::{file_name, post_name};
use crate::model::jekyll::permalink::unescape;
use crate::model::jekyll::site::Site;
use crate::model::jekyll::site_files::classify;
use crate::model::jekyll::site_files::place::place;
use crate::model::post::Post;
use crate::model::summary::fragments::id_provides;
use crate::model::summary::links::{FileLink, file_links, provides, site_key};
use crate::model::tag::site_page::{mentions_tag_page, points_elsewhere, site_tag, tag_key};
use crate::model::text::case::lowercase;

/// Everything the whole-repository rules know of one post, strings and
/// all. Made for the few posts a rule is about to report (the caller reads
/// them again), and to make the compact [`PostSummary`] that is kept for
/// every post.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FullSummary {
    /// The post's date (`date`, else the file name's date at midnight in
    /// the site's zone): the whole-repository rules take posts in date
    /// order, as Jekyll does, so the later copy is the one reported.
    pub date: Option<Timestamp>,
    /// Where Jekyll writes the post; `None` when it does not publish it as
    /// a post (outside `_posts`, no front matter, `published: false`, dated
    /// in the future, or a URL postlint cannot work out).
    pub output: Option<OutputPlace>,
    /// The source URL, normalised, and where it is written.
    pub source: Option<(String, Range<usize>)>,
    /// The post's tags (`tags` and `tag`), as tag pages name them: slugified.
    pub tags: Vec<String>,
    /// Links to the site's own tag pages (`/tag/x/`, `/tags/#x`): the tag
    /// as written, slugified, and the link's href.
    pub tag_links: Vec<SiteTagLink>,
    /// The post's suppressions: the name (every rule when `None`) and the
    /// bytes each covers.
    pub suppressions: Vec<(Option<String>, Range<usize>)>,
    /// The references the `link` rules look up (none for a mirror's post,
    /// or when no `link` rule is on).
    pub links: Vec<FileLink>,
    /// The keys the file answers to, for others' references: its output
    /// file, and a post's name.
    pub provides: Vec<u64>,
    /// The file's URL, for the `link` rules' suggestions.
    pub url: Option<String>,
    /// The site's part of the keys (see [`site_key`]), for the files of
    /// ordinary sites.
    pub site: String,
    /// The file's path below its site's folder, for the files of ordinary
    /// sites.
    pub rel: String,
}

/// A link to one of the site's own tag pages: the tag as written, its key
/// (as [`tag_key`] makes it), and the href.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteTagLink {
    pub tag: String,
    pub key: String,
    pub span: Range<usize>,
}

impl FullSummary {
    /// The compact summary of this one: hashes for the strings.
    pub fn compact(&self) -> PostSummary {
        let mut tags: Vec<u64> = self.tags.iter().map(|t| hash(t)).collect();
        tags.sort_unstable();
        tags.dedup();
        PostSummary {
            date: self.date.map(Stamp::from),
            output: self.output.as_ref().map(|o| OutputHashes {
                file: hash(&o.site_file()),
                folded: hash(&lowercase(&o.site_file())),
                span: Span::from(&o.span),
            }),
            source: self.source.as_ref().map(|(url, span)| Source {
                url: hash(url),
                span: Span::from(span),
            }),
            tags: tags.into(),
            tag_links: self
                .tag_links
                .iter()
                .map(|l| TagLink {
                    key: hash(&l.key),
                    span: Span::from(&l.span),
                })
                .collect(),
            suppressions: self
                .suppressions
                .iter()
                .map(|(name, region)| Suppression {
                    name: name.as_deref().map(Box::from),
                    region: Span::from(region),
                })
                .collect(),
            links: self
                .links
                .iter()
                .map(|l| LinkHashes {
                    kind: l.kind,
                    keys: l.keys.clone().into(),
                    scope: l.scope.clone().into(),
                    span: Span::from(&l.span),
                })
                .collect(),
            provides: self.provides.clone().into(),
            url: self.url.as_deref().map(Box::from),
        }
    }
}

/// What to summarise: the tag links cost a parse of the body's HTML, so
/// they are read only when a rule wants them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    pub tag_links: bool,
    /// The references the `link` rules look up, and what each file
    /// answers to.
    pub links: bool,
    /// The fragments of links, and the ids of each page (a pass over its
    /// headings).
    pub fragments: bool,
}

impl Wanted {
    /// No part beyond those every summary holds.
    pub const NOTHING: Wanted = Wanted {
        tag_links: false,
        links: false,
        fragments: false,
    };

    /// The parts either wants.
    pub fn and(self, other: Wanted) -> Wanted {
        Wanted {
            tag_links: self.tag_links || other.tag_links,
            links: self.links || other.links,
            fragments: self.fragments || other.fragments,
        }
    }
}

/// Summarise a parsed post of `site`, as Jekyll would build it at `now`
/// (a post dated later is not published). A page (`page`) has only its
/// links, its output and its suppressions summarised: the other parts
/// are a post's.
pub fn summarize(
    path: &Path,
    post: &Post,
    site: &Site,
    now: Timestamp,
    wanted: Wanted,
    page: bool,
) -> FullSummary {
    if page {
        return summarize_page(path, post, site, wanted, now);
    }
    let output = output(path, post, site, now);
    let (links, provides, url) = if wanted.links && !site.reads_as_mirror(post.in_mirror_format()) {
        let rel = site.relative(path);
        let url = output.as_ref().map(|o| o.url.clone());
        // A draft is built only on request, and may name posts that are
        // drafts too: its references are not looked up.
        let draft = crate::model::jekyll::path::in_drafts(path);
        (
            if draft {
                Vec::new()
            } else {
                file_links(post, site, &rel, url.as_deref(), wanted.fragments)
            },
            {
                let dest = output.as_ref().map(|o| o.file.as_str());
                let mut keys = provides(site, &rel, dest, true, post);
                if wanted.fragments
                    && let Some(dest) = dest
                {
                    keys.extend(id_provides(post, site, &rel, dest));
                }
                keys
            },
            url,
        )
    } else {
        (Vec::new(), Vec::new(), None)
    };
    FullSummary {
        site: if links.is_empty() && provides.is_empty() {
            String::new()
        } else {
            site_key(site)
        },
        rel: if links.is_empty() && provides.is_empty() {
            String::new()
        } else {
            site.relative(path)
        },
        links,
        provides,
        url,
        date: date(path, post, site),
        output,
        // The source rules are a mirror's, as for the post's own rules: a
        // post read as an ordinary site's has no source to compare.
        source: (post.source.as_ref())
            .filter(|_| site.reads_as_mirror(post.in_mirror_format()))
            .and_then(|s| {
                let url = s.url.as_ref()?.as_ref().ok()?;
                Some((normalize_source(url)?, s.value_span.clone()))
            }),
        tags: tags(post),
        tag_links: if wanted.tag_links {
            site_tag_links(post)
        } else {
            Vec::new()
        },
        suppressions: post
            .suppressions
            .regions
            .iter()
            .map(|s| (s.name.clone(), s.region.clone()))
            .collect(),
    }
}

/// The summary of a page: where Jekyll writes it, its references and its
/// suppressions.
fn summarize_page(
    path: &Path,
    post: &Post,
    site: &Site,
    wanted: Wanted,
    now: Timestamp,
) -> FullSummary {
    let suppressions = post
        .suppressions
        .regions
        .iter()
        .map(|s| (s.name.clone(), s.region.clone()))
        .collect();
    if !wanted.links || site.reads_as_mirror(post.in_mirror_format()) {
        return FullSummary {
            suppressions,
            ..FullSummary::default()
        };
    }
    let rel = site.relative(path);
    let kind = classify(&rel, true, site);
    let placed = place(path, &rel, &kind, Some(post), site, now);
    let url = placed.url.as_deref().map(unescape);
    FullSummary {
        links: file_links(post, site, &rel, url.as_deref(), wanted.fragments),
        provides: {
            let mut keys = provides(site, &rel, placed.dest.as_deref(), false, post);
            if wanted.fragments
                && let Some(dest) = &placed.dest
            {
                keys.extend(id_provides(post, site, &rel, dest));
            }
            keys
        },
        url,
        site: site_key(site),
        rel,
        suppressions,
        ..FullSummary::default()
    }
}

fn date(path: &Path, post: &Post, site: &Site) -> Option<Timestamp> {
    match &post.date {
        Some(d) => d.value.as_ref().ok().copied(),
        None => {
            let name = post_name(file_name(path)?)?;
            let midnight = name.date?.at(0, 0, 0, 0);
            Some(site.timezone.to_timestamp(midnight).ok()?)
        }
    }
}

fn tags(post: &Post) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["tag", "tags"] {
        if let Some(e) = post.front_matter.get(key) {
            out.extend(words(&e.value, key == "tags").iter().map(|t| tag_key(t)));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Links in the body to the site's own tag pages: relative hrefs such as
/// `/tag/x/`, `/tags/x.html` or `/tags/#x`.
fn site_tag_links(post: &Post) -> Vec<SiteTagLink> {
    let body = &post.text[post.body_start..];
    // A body with no anchors parsed yet is first looked through: most hold
    // no link to a tag page, and are not parsed at all.
    if !post.anchors_parsed() && !mentions_tag_page(body.as_bytes()) {
        return Vec::new();
    }
    post.anchors()
        .iter()
        .filter_map(|a| {
            let raw = &post.text[a.href.clone()];
            // Most links are to articles and images, on other sites or
            // not at tag pages: skip them unparsed. A scheme is written
            // without entities, so the raw href has the decoded one's.
            if points_elsewhere(raw) || !mentions_tag_page(raw.as_bytes()) {
                return None;
            }
            let href = entities::decode_attribute(raw);
            let tag = site_tag(&href)?;
            let key = tag_key(&tag);
            Some(SiteTagLink {
                tag,
                key,
                span: a.href.clone(),
            })
        })
        .collect()
}
