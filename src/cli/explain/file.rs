//! What Jekyll makes of one file of a site, with its content read: the
//! kind from the listing, then the URL, output file, date, whether it is
//! published and its layout.

use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::model::front_matter::block::{FrontMatter, split};
use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::output;
use crate::model::jekyll::path::post_name;
use crate::model::jekyll::permalink::escape_path;
use crate::model::jekyll::site::Site;
use crate::model::jekyll::site_files::dest::expand;
use crate::model::jekyll::site_files::{FileKind, classify, document, page, static_file};
use crate::model::post::Post;

/// One file explained, as `explain` prints it.
#[derive(Debug, Serialize)]
pub struct Explained {
    /// From the site's folder, with `/`.
    pub path: String,
    /// `post`, `draft`, `page`, `document`, `static` or `skipped`.
    pub kind: &'static str,
    /// The collection of a document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    /// The URL, escaped, without the site's `baseurl`.
    pub url: Option<String>,
    /// The output file below the destination folder (`_site`).
    pub dest: Option<String>,
    /// The date, in the site's time zone (RFC 3339).
    pub date: Option<String>,
    /// Whether a build writes it.
    pub published: bool,
    pub layout: Option<String>,
    /// Why it is skipped, or why it has no URL.
    pub why: Option<String>,
    /// The links of the file (not yet filled).
    pub links: Vec<serde_json::Value>,
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

/// `t` in `zone` as RFC 3339, with the zone's offset then.
fn rfc3339(t: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    let offset = zone.to_offset(t);
    let seconds = offset.seconds();
    let (sign, abs) = if seconds < 0 {
        ('-', -seconds)
    } else {
        ('+', seconds)
    };
    format!(
        "{}{sign}{:02}:{:02}",
        offset.to_datetime(t).strftime("%Y-%m-%dT%H:%M:%S"),
        abs / 3600,
        abs % 3600 / 60
    )
}

/// Explain the file at `rel` of the site at `root`.
pub fn explain(root: &Path, rel: &str, front_matter: bool, config: &Config) -> Explained {
    let site = &config.site;
    let kind = classify(rel, front_matter, site);
    let mut out = Explained {
        path: rel.to_string(),
        kind: kind.name(),
        collection: None,
        url: None,
        dest: None,
        date: None,
        published: false,
        layout: None,
        why: None,
        links: Vec::new(),
    };
    let read = || {
        let bytes = std::fs::read(root.join(rel)).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    match kind {
        FileKind::Skipped { why } => out.why = Some(why),
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
            let text = read();
            let (fm, _) = split(&text);
            out.layout = value(&fm, site, rel, "pages", "layout");
            if unpublished(&fm, site, rel, "pages") {
                out.why = Some("`published: false`".to_string());
                return out;
            }
            let permalink = value(&fm, site, rel, "pages", "permalink");
            let placed = page::output(rel, permalink.as_deref(), site);
            out.published = true;
            out.url = Some(placed.url);
            out.dest = placed.dest;
        }
        FileKind::Document { collection, .. } => {
            let text = read();
            let doc = Post::parse(&text, config.settings.parse_options(site));
            let fm = &doc.front_matter;
            let c = site.collections.iter().find(|c| c.label == collection);
            out.layout = value(fm, site, rel, &collection, "layout");
            let permalink = value(fm, site, rel, &collection, "permalink");
            let slug = text_of(fm, "slug");
            let now = config
                .now
                .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
            // The front matter's date, else the name's, else the build's.
            let written = date_of(&doc, rel, site);
            out.date = written.map(|t| rfc3339(t, &site.timezone));
            let date = written.unwrap_or(now);
            let future = date > now && !site.future;
            let published = !unpublished(fm, site, rel, &collection) && !future;
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
            out.collection = Some(collection);
        }
        FileKind::Post | FileKind::Draft => {
            let draft = matches!(kind, FileKind::Draft);
            let mut text = read();
            // Jekyll reads a post without front matter all the same, as
            // one with an empty front matter.
            if matches!(split(&text).0, FrontMatter::Missing) {
                text.insert_str(0, "---\n---\n");
            }
            let post = Post::parse(&text, config.settings.parse_options(site));
            let kind = if draft { "drafts" } else { "posts" };
            out.layout = value(&post.front_matter, site, rel, kind, "layout")
                .or_else(|| value(&post.front_matter, site, rel, "posts", "layout"));
            out.date = date_of(&post, rel, site).map(|t| rfc3339(t, &site.timezone));
            if draft {
                out.why = Some("a draft: built only with `jekyll build --drafts`".to_string());
                return out;
            }
            let now = config
                .now
                .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
            match output::output(&root.join(rel), &post, site, now) {
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
