//! The little a whole-repository rule needs of a post, taken from its model
//! once: where Jekyll writes it, its source URL, its tags, its links to the
//! site's tag pages, and its suppressions. Kept for every post, so it holds
//! hashes of those strings and spans, never the text ([`PostSummary`]); the
//! strings themselves ([`FullSummary`]) are made again for the posts a rule
//! reports.

use std::ops::Range;
use std::path::Path;

use jiff::Timestamp;

use super::jekyll::{in_posts, post_name, written_slug};
use super::permalink::{self, UrlParts};
use super::scalar::Scalar;
use super::site::Site;
use super::yaml::{Node, NodeKind};
use super::{FrontMatter, Post, entities, tag};

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
}

/// A post's URL, its output file, and the span that decides them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputPlace {
    /// The URL, unescaped, as a reader sees it.
    pub url: String,
    pub file: String,
    /// The folder of the site's `_config.yml` (empty without one): posts
    /// of different sites never write over one another.
    pub site: String,
    /// The `permalink` or `slug` value, else the empty span at the start of
    /// the post (the URL then comes from the file name).
    pub span: Range<usize>,
}

impl OutputPlace {
    /// The output file within its site, as one string: what two posts
    /// must share to write over one another.
    pub fn site_file(&self) -> String {
        format!("{}\0{}", self.site, self.file)
    }
}

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
            output: self.output.as_ref().map(|o| Output {
                file: hash(&o.site_file()),
                folded: hash(&crate::model::case::lowercase(&o.site_file())),
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
        }
    }
}

/// What the whole-repository rules keep of every post: the strings of a
/// [`FullSummary`] as 64-bit hashes, enough to find the posts a rule may
/// report. A rule confirms a match on the full summaries of those few
/// posts before it reports it, so a collision reports nothing false.
/// Stored in caches: its hashes are the same on every run and platform.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PostSummary {
    /// The post's date, as in [`FullSummary::date`].
    pub date: Option<Stamp>,
    pub output: Option<Output>,
    pub source: Option<Source>,
    /// The tags' hashes, sorted, each once.
    pub tags: Box<[u64]>,
    pub tag_links: Box<[TagLink]>,
    /// The suppressions, names and all: they are few, and matching them
    /// must be exact.
    pub suppressions: Box<[Suppression]>,
}

/// A moment, as [`Timestamp`] orders it: seconds since the Unix epoch,
/// then the nanoseconds of the second (as signed as the seconds).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Stamp {
    pub second: i64,
    pub nanosecond: i32,
}

impl From<Timestamp> for Stamp {
    fn from(t: Timestamp) -> Stamp {
        Stamp {
            second: t.as_second(),
            nanosecond: t.subsec_nanosecond(),
        }
    }
}

/// A byte span; a post is never 4 GiB, and a larger offset is held as
/// `u32::MAX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl From<&Range<usize>> for Span {
    fn from(r: &Range<usize>) -> Span {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: at(r.start),
            end: at(r.end),
        }
    }
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The hashes of [`OutputPlace::file`], as written and lowercased.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Output {
    pub file: u64,
    pub folded: u64,
    pub span: Span,
}

/// The hash of the normalised source URL, and where it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub url: u64,
    pub span: Span,
}

/// The hash of [`SiteTagLink::key`], and the link's href.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TagLink {
    pub key: u64,
    pub span: Span,
}

/// A suppression: the name (every rule when `None`) and the bytes it covers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Suppression {
    pub name: Option<Box<str>>,
    pub region: Span,
}

/// The hash a [`PostSummary`] keeps of a string: 64-bit FNV-1a, its bits
/// then mixed (SplitMix64's finaliser). Fixed, so that summaries hashed on
/// one run or machine match those of another.
pub fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// What to summarise: the tag links cost a parse of the body's HTML, so
/// they are read only when a rule wants them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    pub tag_links: bool,
}

impl Wanted {
    /// No part beyond those every summary holds.
    pub const NOTHING: Wanted = Wanted { tag_links: false };

    /// The parts either wants.
    pub fn and(self, other: Wanted) -> Wanted {
        Wanted {
            tag_links: self.tag_links || other.tag_links,
        }
    }
}

/// Summarise a parsed post of `site`, as Jekyll would build it at `now`
/// (a post dated later is not published).
pub fn summarize(
    path: &Path,
    post: &Post,
    site: &Site,
    now: Timestamp,
    wanted: Wanted,
) -> FullSummary {
    FullSummary {
        date: date(path, post, site),
        output: output(path, post, site, now),
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

fn date(path: &Path, post: &Post, site: &Site) -> Option<Timestamp> {
    match &post.date {
        Some(d) => d.value.as_ref().ok().copied(),
        None => {
            let name = post_name(crate::model::jekyll::file_name(path)?)?;
            let midnight = name.date?.at(0, 0, 0, 0);
            Some(site.timezone.to_timestamp(midnight).ok()?)
        }
    }
}

fn output(path: &Path, post: &Post, site: &Site, now: Timestamp) -> Option<OutputPlace> {
    // A file the site's `exclude` leaves out is never read by Jekyll.
    if !in_posts(path) || site.excludes(path) {
        return None;
    }
    let FrontMatter::Parsed { .. } = &post.front_matter else {
        return None;
    };
    let file_name = crate::model::jekyll::file_name(path)?;
    let name = post_name(file_name)?;
    let fm = &post.front_matter;
    // The front matter wins over `defaults:` in `_config.yml`.
    let published = match fm.get("published") {
        Some(e) => e.value.scalar() != Some(&Scalar::Bool(false)),
        None => site.default_for(path, "published") != Some(Some("false")),
    };
    if !published {
        return None;
    }
    let zone = &site.timezone;
    let date = match &post.date {
        Some(d) => {
            let instant = *d.value.as_ref().ok()?;
            if instant > now && !site.future {
                return None;
            }
            zone.to_datetime(instant)
        }
        // Dated by its file name alone, a post is left out in the future
        // all the same.
        None => {
            let midnight = name.date?.at(0, 0, 0, 0);
            if !site.future && zone.to_timestamp(midnight).is_ok_and(|t| t > now) {
                return None;
            }
            midnight
        }
    };
    let (slug, slug_entry) = written_slug(fm, &name);
    let permalink_entry = fm
        .get("permalink")
        .filter(|e| e.value.as_str().is_some_and(|s| !s.is_empty()));
    let by_default = site
        .default_for(path, "permalink")
        .flatten()
        .filter(|p| !p.is_empty());
    // A `permalink` from `defaults:` is front matter too: a template, never
    // a style name such as `pretty`.
    let template = match permalink_entry
        .and_then(|e| e.value.as_str())
        .or(by_default)
    {
        Some(p) => p,
        None => permalink::template(site.permalink.as_deref()),
    };
    let ext = &file_name[file_name.rfind('.')?..];
    // Jekyll's Markdown converter (for the `markdown_ext` extensions)
    // writes `.html`; any other file keeps its extension.
    let output_ext = if site.is_markdown(ext) { ".html" } else { ext };
    let basename = &file_name[..file_name.len() - ext.len()];
    let categories = categories(path, post, site);
    let (url, file) = permalink::output_file(
        template,
        &UrlParts {
            date,
            slug,
            basename,
            categories: &categories,
            output_ext,
        },
    )
    .ok()?;
    // jekyll-polyglot builds each other language under `/<lang>/`.
    let lang = fm.get("lang").and_then(|e| e.value.as_str());
    let (url, file) = match site.polyglot_language(path, lang) {
        Some(lang) => (format!("/{lang}{url}"), format!("{lang}/{file}")),
        None => (url, file),
    };
    let span = permalink_entry
        .or(slug_entry)
        .map_or(post.start..post.start, |e| e.value.span.clone());
    let site = site
        .root
        .as_ref()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(OutputPlace {
        url,
        file,
        site,
        span,
    })
}

/// Jekyll's categories: the folders between the site and `_posts`, then
/// `categories` (a list, or words) and `category` from the front matter.
/// Without a `_config.yml` the site's folder is not known, and every folder
/// of the path as given counts: the same extra folders for every post, so
/// URLs that differ in Jekyll still differ.
fn categories(path: &Path, post: &Post, site: &Site) -> Vec<String> {
    let mut out = Vec::new();
    // The folder, then what of it is below the site's root: the same as
    // the other way round, without taking the long file name apart.
    let folder = crate::model::jekyll::parent(path);
    let relative = match &site.root {
        Some(root) => folder.and_then(|f| f.strip_prefix(root).ok()),
        None => folder,
    };
    for c in relative.into_iter().flat_map(Path::components) {
        let std::path::Component::Normal(c) = c else {
            continue;
        };
        let c = c.to_string_lossy();
        if c == "_posts" {
            break;
        }
        out.push(c.into_owned());
    }
    // Jekyll unites the folders with `categories`, then adds `category`.
    for key in ["categories", "category"] {
        if let Some(e) = post.front_matter.get(key) {
            out.extend(words(&e.value, key == "categories"));
        }
    }
    out
}

/// A list's items, or a string (split on whitespace when `split`).
fn words(node: &Node, split: bool) -> Vec<String> {
    let scalar = |n: &Node| match &n.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => None,
        NodeKind::Scalar { text, .. } => Some(text.clone()),
        _ => None,
    };
    match &node.kind {
        NodeKind::Sequence(items) => items.iter().filter_map(scalar).collect(),
        NodeKind::Scalar { .. } if split => scalar(node)
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        NodeKind::Scalar { .. } => scalar(node).into_iter().collect(),
        _ => Vec::new(),
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

/// How a tag page names a tag: slugified, or lowercased when nothing of it
/// survives slugifying.
pub fn tag_key(tag: &str) -> String {
    let slug = permalink::slugify(tag, false, false);
    if slug.is_empty() {
        tag.trim().to_lowercase()
    } else {
        slug
    }
}

/// A source URL as it identifies an article: `http` and `https` alike, the
/// host lowercased, the path percent-decoded once and without a trailing
/// `/`, the query kept, the fragment dropped.
pub fn normalize_source(url: &url::Url) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?;
    let path = tag::percent_decode_strict(url.path()).unwrap_or_else(|_| url.path().to_string());
    let path = path.trim_end_matches('/');
    let query = url.query();
    let mut out =
        String::with_capacity(host.len() + 6 + path.len() + query.map_or(0, |q| q.len() + 1));
    out.push_str(host);
    out.make_ascii_lowercase();
    if let Some(port) = url.port() {
        out.push(':');
        out.push_str(&port.to_string());
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    Some(out)
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

/// Whether `text` holds `tag/`, `tags/`, `tags#`, `tags.htm` or `tag.htm`,
/// which every link [`site_tag`] accepts holds. A body without one is not
/// handed to the HTML tokenizer.
fn mentions_tag_page(text: &[u8]) -> bool {
    // Made once: most hrefs are short, and making a searcher for each
    // cost more than the search.
    static TAG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"tag"));
    TAG.find_iter(text).any(|i| {
        let rest = &text[i + 3..];
        let rest = rest.strip_prefix(b"s").unwrap_or(rest);
        rest.starts_with(b"/") || rest.starts_with(b"#") || rest.starts_with(b".htm")
    })
}

/// Whether `href` is an absolute or protocol-relative URL, which points
/// at another site (or at this one by its full address: no relative tag
/// page link).
fn points_elsewhere(href: &str) -> bool {
    let href = href.trim_start();
    // The usual schemes first, without looking for the colon.
    href.starts_with("https:")
        || href.starts_with("http:")
        || href.starts_with("//")
        || has_scheme(href)
}

/// The tag a relative link to a tag page names, if it is one.
pub fn site_tag(href: &str) -> Option<String> {
    let href = href.trim();
    // Liquid in front of the path: `{{ site.baseurl }}` keeps a link on the
    // site; any other output or tag (`{{ site.github_url }}`, a filter) may
    // lead anywhere once rendered, so the link is not judged.
    let href = match href.strip_prefix("{{") {
        Some(rest) => {
            let (output, rest) = rest.split_once("}}")?;
            let output = output.trim_matches(|c: char| c == '-' || c.is_whitespace());
            if output != "site.baseurl" {
                return None;
            }
            rest
        }
        None if href.starts_with("{%") => return None,
        None => href,
    };
    if points_elsewhere(href) {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let decode = |s: &str| tag::percent_decode_strict(s).ok();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.iter().rposition(|s| !s.is_empty())?;
    let is_index = |s: &str| matches!(s, "tags" | "tag" | "tags.html" | "tag.html");
    // `/tags/#x` or `/tags.html#x`: the fragment names the tag.
    if is_index(segments[last]) {
        let tag = decode(fragment?)?;
        return (!tag.trim().is_empty()).then_some(tag);
    }
    // `/tag/x/`, `/tags/x.html`: the segment after `tag` or `tags`.
    if last >= 1 && matches!(segments[last - 1], "tag" | "tags") {
        let segment = segments[last];
        let segment = segment.strip_suffix(".html").unwrap_or(segment);
        let tag = decode(segment)?;
        return (!tag.trim().is_empty()).then_some(tag);
    }
    None
}

/// Whether `href` starts with a URL scheme (`https:`, `mailto:`), as
/// RFC 3986 spells one: a letter, then letters, digits, `+`, `-` or `.`.
fn has_scheme(href: &str) -> bool {
    let Some(colon) = href.find(':') else {
        return false;
    };
    let scheme = &href[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use crate::model::site::Kind;
    use crate::model::{ParseOptions, TimestampUnit};

    const NOW: Timestamp = Timestamp::constant(1_700_000_000, 0);

    fn parse(text: &str) -> Post<'_> {
        static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;
        Post::parse(
            text,
            ParseOptions {
                timezone: &UTC,
                unit: TimestampUnit::Auto,
                source_keys: &[],
                tag_patterns: &[],
                tag_scope: None,
            },
        )
    }

    #[test]
    fn site_tag_links() {
        assert_eq!(site_tag("/tags/#bridges").as_deref(), Some("bridges"));
        assert_eq!(site_tag("/blog/tags.html#a%20b").as_deref(), Some("a b"));
        assert_eq!(site_tag("/tag/bridges/").as_deref(), Some("bridges"));
        assert_eq!(site_tag("../tags/%E7%8E%8B.html").as_deref(), Some("王"));
        assert_eq!(site_tag("tag/x?page=2").as_deref(), Some("x"));
        for not in [
            "https://news.example.com/tag/x.html",
            "//cdn.example.com/tag/x/",
            "/tags/",
            "/tags/#",
            "/posts/x/",
            "/tag/%zz/",
            "mailto:tag/x",
            "HTTP://x.example/tag/y/",
            "{{site.github_url}}/tool/releases/tag/v1.2",
            "{{ site.url }}/tag/x/",
            "{{ '/tag/x/' | relative_url }}",
            "{% link tags/x.md %}",
            "{{ site.baseurl }}https://x.example/tag/y/",
        ] {
            assert_eq!(site_tag(not), None, "{not}");
        }
        // The site's base path keeps a link on the site.
        assert_eq!(site_tag("{{ site.baseurl }}/tag/x/").as_deref(), Some("x"));
        assert_eq!(site_tag("{{site.baseurl}}/tags/#y").as_deref(), Some("y"));
        assert_eq!(site_tag("{{- site.baseurl -}}/tag/z").as_deref(), Some("z"));
    }

    #[test]
    fn the_prefilter_lets_every_tag_page_link_through() {
        for href in [
            "/tags/#a",
            "/tags#a",
            "tags.html#a",
            "/tag/a",
            "tag.html#a",
            "/x/tags/a",
        ] {
            assert!(mentions_tag_page(href.as_bytes()), "{href}");
            assert!(site_tag(href).is_some(), "{href}");
        }
        assert!(!mentions_tag_page(
            b"<a href=\"/stage/vintage\">tagline</a>"
        ));
    }

    proptest::proptest! {
        /// An href the prefilter skips as pointing elsewhere is never a
        /// tag page link once its entities are decoded.
        #[test]
        fn hrefs_that_point_elsewhere_name_no_tag(
            lead in proptest::sample::select(vec!["", " ", "&#32;", "&nbsp;"]),
            start in proptest::sample::select(vec![
                "", "/", "//", "https:", "http://x", "x+y.z:", "&#104;ttps:", "h&amp;:",
                "1x:", ":", "&#47;/",
            ]),
            page in proptest::sample::select(vec![
                "/tag/a", "tag/a", "/tags/#a", "tags.html#a", "/x/tags/a.html", "/a",
            ]),
        ) {
            let href = format!("{lead}{start}{page}");
            if points_elsewhere(&href) {
                // Decoded, it still starts with `//` or a scheme (RFC 3986:
                // a letter, then letters, digits, `+`, `-` or `.`).
                let decoded = entities::decode_attribute(&href);
                let decoded = decoded.trim();
                let scheme = decoded.split_once(':').is_some_and(|(s, _)| {
                    s.starts_with(|c: char| c.is_ascii_alphabetic())
                        && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                });
                proptest::prop_assert!(decoded.starts_with("//") || scheme, "{decoded:?}");
                proptest::prop_assert!(site_tag(decoded).is_none());
            }
        }
    }

    #[test]
    fn sources() {
        let n = |s: &str| normalize_source(&url::Url::parse(s).unwrap());
        assert_eq!(
            n("https://News.Example.com/a/b/#top"),
            n("http://news.example.com/a/b")
        );
        assert_eq!(n("https://x.example/%E7%8E%8B"), n("https://x.example/王"));
        assert_ne!(n("https://x.example/a?id=1"), n("https://x.example/a?id=2"));
        assert_eq!(n("ftp://x.example/a"), None);
    }

    #[test]
    fn categories_come_from_folders_then_front_matter() {
        let site = Site {
            root: Some("site".into()),
            ..Site::default()
        };
        let text = "---\ntitle: t\ncategories: News World\ncategory: Extra\n---\n";
        let post = parse(text);
        let path = Path::new("site/city/_posts/2022/2022-01-01-a.md");
        assert_eq!(
            categories(path, &post, &site),
            ["city", "News", "World", "Extra"]
        );
        let summary = summarize(path, &post, &site, NOW, Wanted::default());
        assert_eq!(
            summary.output.unwrap().url,
            "/city/news/world/extra/2022/01/01/a.html"
        );
        // No site folder known: every folder of the path counts.
        let site = Site::default();
        assert_eq!(
            categories(Path::new("/srv/site/city/_posts/a.md"), &post, &site),
            ["srv", "site", "city", "News", "World", "Extra"]
        );
    }

    #[test]
    fn markdown_becomes_html_and_other_files_keep_their_extension() {
        let site = Site::default();
        let text = "---\ntitle: t\n---\n";
        let post = parse(text);
        let url = |name: &str| {
            let path = PathBuf::from(format!("_posts/{name}"));
            summarize(&path, &post, &site, NOW, Wanted::default())
                .output
                .map(|o| o.url)
        };
        assert_eq!(
            url("2022-01-01-a.MD").as_deref(),
            Some("/2022/01/01/a.html")
        );
        assert_eq!(
            url("2022-01-01-a.mkdn").as_deref(),
            Some("/2022/01/01/a.html")
        );
        assert_eq!(
            url("2022-01-01-a.htm").as_deref(),
            Some("/2022/01/01/a.htm")
        );
        assert_eq!(
            url("2022-01-01-a.html").as_deref(),
            Some("/2022/01/01/a.html")
        );
        assert_eq!(url("a.md"), None);
    }

    #[test]
    fn stamps_order_as_timestamps_do() {
        let stamps = [
            -1_500_000_000i64,
            -1_000_000_000,
            -500_000_000,
            0,
            500_000_000,
            1_500_000_000,
        ];
        for a in stamps {
            for b in stamps {
                let (ta, tb) = (
                    Timestamp::from_nanosecond(a.into()).unwrap(),
                    Timestamp::from_nanosecond(b.into()).unwrap(),
                );
                assert_eq!(
                    Stamp::from(ta).cmp(&Stamp::from(tb)),
                    ta.cmp(&tb),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn a_post_dated_in_the_future_by_its_file_name_is_not_published() {
        let post = parse("---\ntitle: t\n---\n");
        let url = |name: &str, future: bool| {
            let site = Site {
                future,
                ..Site::default()
            };
            let path = PathBuf::from(format!("_posts/{name}"));
            summarize(&path, &post, &site, NOW, Wanted::default())
                .output
                .map(|o| o.url)
        };
        assert_eq!(url("2999-10-31-a.md", false), None);
        assert_eq!(
            url("2999-10-31-a.md", true).as_deref(),
            Some("/2999/10/31/a.html")
        );
        assert_eq!(
            url("2022-10-31-a.md", false).as_deref(),
            Some("/2022/10/31/a.html")
        );
    }

    #[test]
    fn only_a_post_read_as_a_mirror_has_a_source() {
        static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;
        let keys = ["from".to_string()];
        let text = "---\ntitle: t\nfrom: https://news.example.com/a.html\n---\n";
        let post = Post::parse(
            text,
            ParseOptions {
                timezone: &UTC,
                unit: TimestampUnit::Auto,
                source_keys: &keys,
                tag_patterns: &[],
                tag_scope: None,
            },
        );
        let path = Path::new("_posts/2022-01-01-a.md");
        let source = |kind: Option<Kind>, kind_set: bool| {
            let site = Site {
                kind,
                kind_set,
                ..Site::default()
            };
            summarize(path, &post, &site, NOW, Wanted::default()).source
        };
        // The post's own `from:` makes it a mirror's, unless `profile`
        // says the site is ordinary.
        assert!(source(None, false).is_some());
        assert!(source(Some(Kind::Ordinary), false).is_some());
        assert!(source(Some(Kind::Mirror), true).is_some());
        assert!(source(Some(Kind::Ordinary), true).is_none());
    }

    #[test]
    fn the_compact_summary_keeps_hashes_and_spans() {
        let site = Site::default();
        let text = "---\ntitle: t\ntags: [Bridge Repairs, bridge repairs]\n---\n";
        let post = parse(text);
        let path = Path::new("_posts/2022-01-01-A.md");
        let full = summarize(path, &post, &site, NOW, Wanted::default());
        let compact = full.compact();
        assert_eq!(compact.tags[..], [hash("bridge-repairs")]);
        let output = compact.output.unwrap();
        // Within the site (of no `_config.yml` here).
        assert_eq!(output.file, hash("\x002022/01/01/A.html"));
        assert_eq!(output.folded, hash("\x002022/01/01/a.html"));
        assert_eq!(output.span, Span { start: 0, end: 0 });
    }

    #[test]
    fn tag_keys() {
        assert_eq!(tag_key("Bridge Repairs"), "bridge-repairs");
        assert_eq!(tag_key("王毅"), "王毅");
        assert_eq!(tag_key("C++"), "c");
        assert_eq!(tag_key("++"), "++");
    }
}
