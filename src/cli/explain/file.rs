//! What Jekyll makes of one file of a site, with its content read: the
//! kind from the listing, then the URL, output file, date, whether it is
//! published and its layout.

use std::path::Path;

use serde::Serialize;

use crate::config::Config;
use crate::engine::references::{Leads, SiteGraph, resolve_all};
use crate::model::front_matter::block::{FrontMatter, split};
use crate::model::jekyll::site_files::place::place;
use crate::model::jekyll::site_files::{FileKind, classify};
use crate::model::post::Post;
use crate::report::line_index::LineIndex;

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
    /// The schema `[[schema]]` gives a post or draft, and why.
    pub schema: Option<ExplainedSchema>,
    /// Each reference of the file, and where it leads.
    pub links: Vec<ExplainedLink>,
}

/// The schema of a post, as `explain` prints it.
#[derive(Debug, Serialize)]
pub struct ExplainedSchema {
    /// The `name` of its `[[schema]]` table.
    pub name: String,
    /// The schema file, as `postlint.toml` names it.
    pub file: String,
    /// The `files` glob or `scope` that picked it.
    pub why: String,
}

/// One reference of a file, as `explain` prints it.
#[derive(Debug, Serialize)]
pub struct ExplainedLink {
    /// 1-based, where the reference is written.
    pub line: usize,
    pub column: usize,
    /// As written.
    pub text: String,
    /// `link`, `image`, `definition`, `autolink`, `html`, `post_url`,
    /// `link_tag`, `include`, `include_relative` or `layout`.
    pub kind: &'static str,
    /// The path below the `baseurl` for a link, the argument of a tag, the
    /// name of a layout; `null` where it is not looked up.
    pub target: Option<String>,
    /// `file`, `plugin`, `nothing`, `external`, `no-scheme` or
    /// `not-judged`.
    pub leads: &'static str,
    /// The file it leads to, below the site's folder, when `leads` is `file`.
    pub file: Option<String>,
}

fn links(
    doc: &Post,
    rel: &str,
    url: Option<&str>,
    site: &crate::model::jekyll::site::Site,
    graph: &SiteGraph,
) -> Vec<ExplainedLink> {
    let index = LineIndex::new(doc.text);
    resolve_all(doc, site, rel, url, graph)
        .into_iter()
        .map(|r| {
            let at = index.position(r.span.start);
            let (leads, file) = match r.leads {
                Leads::File(f) => ("file", Some(f)),
                Leads::Plugin => ("plugin", None),
                Leads::Nothing => ("nothing", None),
                Leads::External => ("external", None),
                Leads::NoScheme => ("no-scheme", None),
                Leads::NotJudged => ("not-judged", None),
            };
            ExplainedLink {
                line: at.line,
                column: at.column,
                text: doc.text.get(r.span.clone()).unwrap_or("").to_string(),
                kind: r.kind,
                target: r.target,
                leads,
                file,
            }
        })
        .collect()
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
pub fn explain(
    root: &Path,
    rel: &str,
    front_matter: bool,
    config: &Config,
    graph: &SiteGraph,
) -> Explained {
    let site = &config.site;
    let kind = classify(rel, front_matter, site);
    // A static or skipped file is not read.
    let read = !matches!(kind, FileKind::Static | FileKind::Skipped { .. });
    let mut text = if read {
        let bytes = std::fs::read(root.join(rel)).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        String::new()
    };
    // Jekyll reads a post without front matter all the same, as one with
    // an empty front matter.
    if matches!(kind, FileKind::Post | FileKind::Draft)
        && matches!(split(&text).0, FrontMatter::Missing)
    {
        text.insert_str(0, "---\n---\n");
    }
    let doc = read.then(|| Post::parse(&text, config.settings.parse_options(site)));
    let now = config
        .now
        .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
    let placed = place(&root.join(rel), rel, &kind, doc.as_ref(), site, now);
    let url = placed
        .url
        .as_deref()
        .map(crate::model::jekyll::permalink::unescape);
    let links = match &doc {
        Some(doc) => links(doc, rel, url.as_deref(), site, graph),
        None => Vec::new(),
    };
    let schema = matches!(kind, FileKind::Post | FileKind::Draft)
        .then(|| config.settings.schema.loaded.as_deref())
        .flatten()
        .and_then(|loaded| loaded.schema_for(&root.join(rel), site))
        .map(|(compiled, why)| ExplainedSchema {
            name: compiled.declared.name.clone(),
            file: compiled.declared.schema.clone(),
            why,
        });
    Explained {
        path: rel.to_string(),
        kind: kind.name(),
        collection: placed.collection,
        url: placed.url,
        dest: placed.dest,
        date: placed.date.map(|t| rfc3339(t, &site.timezone)),
        published: placed.published,
        layout: placed.layout,
        why: placed.why,
        schema,
        links,
    }
}
