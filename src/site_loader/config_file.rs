//! Reading the text of a `_config.yml` into a [`Site`]: the settings that
//! change what a post means, and the shapes of them that Jekyll checks.

use std::ops::Range;

use jiff::tz::TimeZone;

use crate::model::front_matter::scalar::Scalar;
use crate::model::jekyll::site::{Collection, Polyglot, ScopeDefault, Site};
use crate::model::yaml::{self, Node, NodeKind};

use super::{SiteError, plugin_gem};

/// Read the settings from the text of a `_config.yml` named `name`. Text
/// that Jekyll refuses (YAML that does not parse, or not a mapping) is an
/// error at its place; what Jekyll builds with, but not as meant (a
/// `timezone` it does not know, read as UTC), is added to `warnings`.
pub fn parse(text: &str, name: &str, warnings: &mut Vec<SiteError>) -> Result<Site, SiteError> {
    let fail = |span: Range<usize>, message: String, help: &str| {
        SiteError::at(name, text, span, message, help)
    };
    let root = match yaml::parse(text, 0) {
        Ok(Some(root)) => root,
        Ok(None) => return Ok(Site::default()),
        Err(e) => {
            let at = e.offset.min(text.len());
            let end = text[at..]
                .char_indices()
                .nth(1)
                .map_or(text.len(), |(i, _)| at + i);
            return Err(fail(
                at..end,
                format!("`_config.yml` is not valid YAML: {}", e.message),
                "Jekyll stops on this file too: fix the YAML",
            ));
        }
    };
    let NodeKind::Mapping(entries) = root.kind else {
        // Jekyll reads an empty file as no settings and refuses others.
        if root.is_null() {
            return Ok(Site::default());
        }
        return Err(fail(
            root.span.clone(),
            format!(
                "`_config.yml` is {}, not a mapping of settings",
                root.type_name()
            ),
            "Jekyll stops on this file too: write `key: value` settings",
        ));
    };
    let mut site = Site::default();
    let mut collection_permalink = None;
    let mut polyglot = Polyglot {
        languages: Vec::new(),
        default_lang: "en".to_string(),
        lang_from_path: false,
    };
    let mut uses_polyglot = false;
    for (key, value) in &entries {
        if let Some(problem) = shape_problem(key, value) {
            let span = match problem.at {
                Some(at) => at,
                None if value.span.is_empty() => key.span.clone(),
                None => value.span.clone(),
            };
            let e = fail(span, problem.message, problem.help);
            warnings.push(if problem.fatal { e } else { e.warning() });
        }
        match key.as_str() {
            Some("timezone") if value.scalar() == Some(&Scalar::Str) => {
                let zone = value.as_str().unwrap_or_default();
                match TimeZone::get(zone) {
                    Ok(tz) => site.timezone = tz,
                    // Ruby, and so Jekyll, reads a zone it does not know
                    // as UTC, without a word.
                    Err(_) => warnings.push(
                        fail(
                            value.span.clone(),
                            format!("unknown time zone `{zone}`: Jekyll reads the dates in UTC"),
                            "use a name of the time zone database, such as `Europe/Berlin`, \
                            or remove `timezone` if UTC is meant",
                        )
                        .warning(),
                    ),
                }
            }
            Some("permalink") => {
                site.permalink = (value.scalar() == Some(&Scalar::Str))
                    .then(|| value.as_str().map(str::to_string))
                    .flatten();
                site.page_permalink = site.permalink.clone();
            }
            Some("collections") => {
                collection_permalink = entry(value, "posts")
                    .and_then(|posts| entry(posts, "permalink"))
                    .and_then(|p| p.as_str())
                    .map(str::to_string);
                site.collections = read_collections(value);
            }
            Some("collections_dir") => {
                site.collections_dir = value.as_str().unwrap_or_default().to_string();
            }
            Some("url") => {
                site.host = value
                    .as_str()
                    .and_then(|u| url::Url::parse(u).ok())
                    .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
                site.url = (value.as_str())
                    .filter(|u| !u.is_empty() && !value.is_null())
                    .map(str::to_string);
            }
            // The Markdown converter, and how kramdown makes headings' ids.
            Some("markdown") => {
                site.kramdown = value
                    .as_str()
                    .is_none_or(|m| value.is_null() || m.eq_ignore_ascii_case("kramdown"));
            }
            Some("kramdown") => {
                if let Some(v) = entry(value, "input").and_then(|v| v.as_str()) {
                    site.ids.gfm = v.eq_ignore_ascii_case("gfm");
                }
                if let Some(v) = entry(value, "auto_ids") {
                    site.ids.auto_ids = v.scalar() != Some(&Scalar::Bool(false));
                }
                if let Some(v) = entry(value, "auto_id_prefix").and_then(|v| v.as_str()) {
                    site.ids.prefix = v.to_string();
                }
                if let Some(v) = entry(value, "auto_id_stripping") {
                    site.ids.stripping = v.scalar() == Some(&Scalar::Bool(true));
                }
            }
            // jekyll-paginate's pages: how many posts each, and where.
            Some("paginate") => site.paginate = value.as_str().and_then(|n| n.trim().parse().ok()),
            Some("paginate_path") => {
                site.paginate_path = value
                    .as_str()
                    .filter(|_| !value.is_null())
                    .map(str::to_string);
            }
            // Jekyll reads the site from another folder: the files here are
            // not the site's as they stand.
            Some("source") => {
                site.source = (value.as_str())
                    .filter(|s| !value.is_null() && !matches!(s.trim(), "" | "." | "./"))
                    .map(str::to_string);
            }
            // `baseurl:` left empty is null, which Jekyll joins as nothing.
            Some("baseurl") if value.is_null() => site.baseurl = String::new(),
            Some("baseurl") => site.baseurl = normalise_baseurl(value.as_str().unwrap_or("")),
            Some("include") if matches!(value.kind, NodeKind::Sequence(_)) => {
                site.include = strings(value);
            }
            Some("keep_files") if matches!(value.kind, NodeKind::Sequence(_)) => {
                site.keep_files = strings(value);
            }
            Some("theme" | "remote_theme") => {
                if let Some(theme) = value.as_str().filter(|t| !t.is_empty()) {
                    site.theme = Some(theme.to_string());
                }
            }
            Some("markdown_ext") => {
                if let Some(list) = value.as_str() {
                    site.markdown_ext = split_extensions(list);
                }
            }
            Some("future") => site.future = value.scalar() == Some(&Scalar::Bool(true)),
            Some("defaults") => site.defaults = read_defaults(value),
            Some("plugins" | "gems") => {
                for name in strings(value) {
                    uses_polyglot |= name == "jekyll-polyglot";
                    plugin_gem(&name, &mut site.liquid);
                    if !site.plugins.contains(&name) {
                        site.plugins.push(name);
                    }
                }
            }
            Some("exclude") => site.exclude = strings(value),
            Some("languages") => polyglot.languages = strings(value),
            Some("default_lang") => {
                if let Some(lang) = value.as_str().filter(|l| !l.is_empty()) {
                    polyglot.default_lang = lang.to_string();
                }
            }
            Some("lang_from_path") => {
                polyglot.lang_from_path = value.scalar() == Some(&Scalar::Bool(true));
            }
            _ => {}
        }
    }
    if uses_polyglot {
        site.polyglot = Some(polyglot);
    }
    // `collections: { posts: { permalink: ... } }` wins over the site's
    // `permalink` for posts, as in Jekyll.
    if collection_permalink.is_some() {
        site.permalink = collection_permalink;
    }
    Ok(site)
}

/// A setting of a `_config.yml` whose shape Jekyll 4.3 checks.
struct Problem {
    message: String,
    help: &'static str,
    /// Whether Jekyll stops on it, before it reads any post.
    fatal: bool,
    /// Where, when not the whole value.
    at: Option<Range<usize>>,
}

/// What Jekyll 4.3 makes of the shape of the setting `key: value`: it
/// stops on `plugins`, `include` or `exclude` that is not a list, and on a
/// `timezone` or `permalink` that is neither text nor empty; it warns
/// about, and ignores, an entry of `defaults` without a mapping of
/// `values`, and ignores `defaults` that is not a list without a word.
fn shape_problem(key: &Node, value: &Node) -> Option<Problem> {
    let what = || match &value.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => "empty".to_string(),
        _ => value.type_name().to_string(),
    };
    let stops = |message: String, help| {
        Some(Problem {
            message,
            help,
            fatal: true,
            at: None,
        })
    };
    let is_list = matches!(value.kind, NodeKind::Sequence(_));
    match key.as_str()? {
        "plugins" if !is_list => stops(
            format!(
                "`plugins` is {}, not a list of gem names: Jekyll 4 stops before it reads any post",
                what()
            ),
            "write the gems as a list, such as `plugins: [jekyll-feed]`, or remove `plugins`; \
            a folder of your own plugins is set with `plugins_dir`",
        ),
        name @ ("include" | "exclude") if !is_list => stops(
            format!(
                "`{name}` is {}, not a list: Jekyll 4 stops before it reads any post",
                what()
            ),
            "write a list of paths, such as `[docs, README.md]`, or remove the key",
        ),
        name @ ("timezone" | "permalink")
            if !matches!(value.scalar(), Some(Scalar::Str | Scalar::Null)) =>
        {
            stops(
                format!(
                    "`{name}` is {}, not text: Jekyll 4 stops before it reads any post",
                    what()
                ),
                if name == "timezone" {
                    "write a zone name as text, such as `timezone: Europe/Berlin`"
                } else {
                    "write a style name or a template as text, such as `permalink: /:year/:title/`"
                },
            )
        }
        "defaults" => match &value.kind {
            NodeKind::Sequence(items) => {
                let bad = items.iter().position(|item| {
                    !matches!(
                        entry(item, "values").map(|v| &v.kind),
                        Some(NodeKind::Mapping(_))
                    )
                })?;
                Some(Problem {
                    message: format!(
                        "entry {} of `defaults` has no mapping of `values`: Jekyll ignores it",
                        bad + 1
                    ),
                    help: "give each entry `scope:` and `values:`, such as \
                        `- scope: {path: \"\"}` then `values: {layout: post}`",
                    fatal: false,
                    at: Some(items[bad].span.clone()),
                })
            }
            NodeKind::Scalar {
                value: Scalar::Null,
                ..
            } => None,
            _ => Some(Problem {
                message: format!(
                    "`defaults` is {}, not a list: Jekyll ignores it without a word",
                    what()
                ),
                help: "write `defaults` as a list of entries, each with `scope:` and `values:`",
                fatal: false,
                at: None,
            }),
        },
        _ => None,
    }
}

/// The extensions `markdown_ext` of a `_config.yml` names, when it names
/// any; errors are left to [`parse`].
pub fn markdown_ext(text: &str) -> Option<Vec<String>> {
    let Ok(Some(root)) = yaml::parse(text, 0) else {
        return None;
    };
    Some(split_extensions(entry(&root, "markdown_ext")?.as_str()?))
}

/// `"md, text,.Rmd"`: the extensions, without dots, in lower case.
fn split_extensions(list: &str) -> Vec<String> {
    list.split(',')
        .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
        .filter(|e| !e.is_empty())
        .collect()
}

/// `defaults:`: a list of `{ scope: { path, type }, values: {...} }`.
fn read_defaults(node: &Node) -> Vec<ScopeDefault> {
    let NodeKind::Sequence(items) = &node.kind else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let scope = entry(item, "scope");
        let path = scope
            .and_then(|s| entry(s, "path"))
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        let kind = scope
            .and_then(|s| entry(s, "type"))
            .and_then(|t| t.as_str())
            .map(str::to_string);
        let Some(NodeKind::Mapping(values)) = entry(item, "values").map(|v| &v.kind) else {
            continue;
        };
        let values = values
            .iter()
            .filter_map(|(k, v)| {
                let text = match &v.kind {
                    NodeKind::Scalar {
                        value: Scalar::Null,
                        ..
                    } => None,
                    NodeKind::Scalar { text, .. } => Some(text.clone()),
                    _ => Some(String::new()),
                };
                Some((k.as_str()?.to_string(), text))
            })
            .collect();
        out.push(ScopeDefault { path, kind, values });
    }
    out
}

/// `baseurl` as Jekyll joins it to URLs: empty for none or `/`, else with
/// one leading `/` and no trailing one.
pub fn normalise_baseurl(value: &str) -> String {
    let trimmed = value.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// `collections:`, a mapping of labels to their settings or a list of
/// labels, without `posts`. Labels are cleaned as Jekyll cleans them
/// (only ASCII letters, digits, `_`, `-` and `.` are kept).
fn read_collections(node: &Node) -> Vec<Collection> {
    let clean = |label: &str| -> String {
        label
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            .collect()
    };
    let mut out: Vec<Collection> = Vec::new();
    let mut add = |label: &str, settings: Option<&Node>| {
        let label = clean(label);
        if label == "posts" {
            return;
        }
        let collection = Collection {
            output: settings
                .and_then(|s| entry(s, "output"))
                .is_some_and(|o| o.scalar() == Some(&Scalar::Bool(true))),
            permalink: settings
                .and_then(|s| entry(s, "permalink"))
                .and_then(|p| p.as_str())
                .filter(|p| !p.is_empty())
                .map(str::to_string),
            label,
        };
        match out.iter_mut().find(|c| c.label == collection.label) {
            Some(known) => *known = collection,
            None => out.push(collection),
        }
    };
    match &node.kind {
        NodeKind::Mapping(entries) => {
            for (key, value) in entries {
                if let Some(label) = key.as_str() {
                    add(label, Some(value));
                }
            }
        }
        NodeKind::Sequence(items) => {
            for item in items {
                if let Some(label) = item.as_str() {
                    add(label, None);
                }
            }
        }
        _ => {}
    }
    out
}

/// A string, or the strings of a list.
fn strings(node: &Node) -> Vec<String> {
    match &node.kind {
        NodeKind::Sequence(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => node.as_str().map(str::to_string).into_iter().collect(),
    }
}

/// The value of `key` in a YAML mapping.
fn entry<'n>(node: &'n yaml::Node, key: &str) -> Option<&'n yaml::Node> {
    let NodeKind::Mapping(entries) = &node.kind else {
        return None;
    };
    entries
        .iter()
        .rev()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}
