//! What Jekyll makes of one file of a site, from its kind and its
//! parsed content: its URL, output file, date, whether it is published, its
//! layout, and why it is not written when it is not. The caller reads the
//! file; nothing here does.

use std::path::Path;

use jiff::Timestamp;

use super::dest::expand;
use super::{FileKind, document, page, static_file};
use crate::model::front_matter::block::FrontMatter;
use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::output;
use crate::model::jekyll::path::post_name;
use crate::model::jekyll::permalink::escape_path;
use crate::model::jekyll::site::Site;
use crate::model::post::Post;

/// What Jekyll makes of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placed {
    /// The collection of a document.
    pub collection: Option<String>,
    /// The URL, escaped, without the site's `baseurl`.
    pub url: Option<String>,
    /// The output file below the destination folder (`_site`).
    pub dest: Option<String>,
    /// The date of a post or document.
    pub date: Option<Timestamp>,
    /// Whether a build writes it.
    pub published: bool,
    pub layout: Option<String>,
    /// Why it is skipped, or why it has no URL.
    pub why: Option<String>,
}

/// A front matter value as text, when it is text or a number (not empty).
fn text_of(fm: &FrontMatter, key: &str) -> Option<String> {
    let v = &fm.get(key)?.value;
    match v.scalar()? {
        Scalar::Null => None,
        _ => v.as_str().map(str::to_string),
    }
}

/// The value of `key`: the front matter's, else `defaults:`'s for files
/// of `kind` at `rel`.
fn value(fm: &FrontMatter, site: &Site, rel: &str, kind: &str, key: &str) -> Option<String> {
    if fm.get(key).is_some() {
        return text_of(fm, key);
    }
    site.default_value(rel, kind, key)
        .flatten()
        .map(str::to_string)
}

/// Whether `published:` (or its default) leaves the file unpublished.
fn unpublished(fm: &FrontMatter, site: &Site, rel: &str, kind: &str) -> bool {
    match fm.get("published") {
        Some(e) => e.value.scalar() == Some(&Scalar::Bool(false)),
        None => site.default_value(rel, kind, "published") == Some(Some("false")),
    }
}

/// The date of a post or document: its front matter's `date` as Jekyll
/// reads it, else the date its name starts with, at midnight in the site's
/// zone.
fn date_of(doc: &Post, rel: &str, site: &Site) -> Option<jiff::Timestamp> {
    match &doc.date {
        Some(d) => d.value.as_ref().ok().copied(),
        None => {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            post_name(name)
                .and_then(|n| n.date)
                .and_then(|d| site.timezone.to_timestamp(d.at(0, 0, 0, 0)).ok())
        }
    }
}

/// Place the file at `rel` (from the site's folder; `path` as the caller
/// names it, for a post's categories) of kind `kind`, with `doc` its
/// content parsed (`None` for a static or skipped file, which is not read),
/// in `site`, built at `now`. A post without front matter is read by Jekyll
/// as one with an empty front matter: the caller parses it so.
pub fn place(
    path: &Path,
    rel: &str,
    kind: &FileKind,
    doc: Option<&Post>,
    site: &Site,
    now: Timestamp,
) -> Placed {
    let mut out = Placed::default();
    let empty = FrontMatter::Missing;
    let fm = doc.map_or(&empty, |d| &d.front_matter);
    match kind {
        FileKind::Skipped { why } => out.why = Some(why.clone()),
        FileKind::Static => {
            let placed = site
                .collections
                .iter()
                .find_map(|c| {
                    let folder = site.collection_folder(&c.label);
                    let inside = rel.strip_prefix(&folder)?.strip_prefix('/')?;
                    Some(static_file::in_collection(inside, c, site))
                })
                .unwrap_or_else(|| static_file::output(rel));
            out.published = placed.dest.is_some();
            out.url = Some(placed.url);
            out.dest = placed.dest;
        }
        FileKind::Page => {
            out.layout = value(fm, site, rel, "pages", "layout");
            if unpublished(fm, site, rel, "pages") {
                out.why = Some("`published: false`".to_string());
                return out;
            }
            let permalink = value(fm, site, rel, "pages", "permalink");
            let placed = page::output(rel, permalink.as_deref(), site);
            out.published = true;
            out.url = Some(placed.url);
            out.dest = placed.dest;
        }
        FileKind::Document { collection, .. } => {
            let c = site.collections.iter().find(|c| &c.label == collection);
            out.layout = value(fm, site, rel, collection, "layout");
            let permalink = value(fm, site, rel, collection, "permalink");
            let slug = text_of(fm, "slug");
            // The front matter's date, else the name's, else the build's.
            let written = doc.and_then(|d| date_of(d, rel, site));
            out.date = written;
            let date = written.unwrap_or(now);
            let future = date > now && !site.future;
            let published = !unpublished(fm, site, rel, collection) && !future;
            if let Some(c) = c {
                let inside = rel
                    .strip_prefix(&site.collection_folder(&c.label))
                    .and_then(|r| r.strip_prefix('/'))
                    .unwrap_or(rel);
                let data = document::DocumentData {
                    permalink: permalink.as_deref(),
                    slug: slug.as_deref(),
                    published,
                    date: Some(site.timezone.to_datetime(date)),
                };
                match document::output(inside, c, data, site) {
                    Ok(placed) => {
                        out.published = placed.dest.is_some();
                        out.url = Some(placed.url);
                        out.dest = placed.dest;
                    }
                    Err(e) => out.why = Some(e),
                }
                if !c.output {
                    out.why = Some(format!("the collection `{collection}` is not output"));
                } else if future {
                    out.why = Some("dated in the future".to_string());
                } else if !published {
                    out.why = Some("`published: false`".to_string());
                }
            }
            out.collection = Some(collection.clone());
        }
        FileKind::Post | FileKind::Draft => {
            let draft = matches!(kind, FileKind::Draft);
            let Some(post) = doc else {
                return out;
            };
            let kind = if draft { "drafts" } else { "posts" };
            out.layout = value(&post.front_matter, site, rel, kind, "layout")
                .or_else(|| value(&post.front_matter, site, rel, "posts", "layout"));
            out.date = date_of(post, rel, site);
            if draft {
                out.why = Some("a draft: built only with `jekyll build --drafts`".to_string());
                return out;
            }
            match output::output(path, post, site, now) {
                Some(place) => {
                    out.published = true;
                    out.url = Some(escape_path(&place.url));
                    out.dest = Some(expand(&place.file));
                }
                None => {
                    out.why = Some(
                        "not published: `published: false`, a date in the future, or a date or front matter Jekyll cannot read"
                            .to_string(),
                    )
                }
            }
        }
    }
    out
}
