//! The Jekyll site a post belongs to: the nearest `_config.yml` above it,
//! the plugins in its `_plugins/`, and the kind of site its posts show.
//! Read in the I/O layer; the pure core sees them as a [`Site`] value.
//!
//! - `config_file`: the text of a `_config.yml` read into a [`Site`];
//! - `error`: its problems, placed in its text;
//! - `gemfile`: the gems of a `Gemfile` beside it;
//! - here: finding the site of a folder, its plugins, and the kind of its
//!   posts.

mod config_file;
mod error;
mod gemfile;
pub mod schema_defaults;
pub mod schemas;

use std::path::{Path, PathBuf};

pub use crate::model::jekyll::site::{
    Collection, DEFAULT_MARKDOWN_EXT, Kind, LiquidExtensions, Polyglot, ScopeDefault, Site,
};

pub use config_file::{markdown_ext, normalise_baseurl, parse};
pub use error::SiteError;
pub use gemfile::gemfile_gems;

/// The `markdown_ext` of the site of the files in `dir`: that of the
/// nearest `_config.yml` in it or above, else Jekyll's default.
pub fn markdown_ext_in(dir: &Path) -> Vec<String> {
    dir.ancestors()
        .map(|d| d.join("_config.yml"))
        .find(|f| f.is_file())
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| markdown_ext(&text))
        .unwrap_or_else(|| DEFAULT_MARKDOWN_EXT.iter().map(|e| e.to_string()).collect())
}

/// The site of the posts in `dir`: the nearest `_config.yml` in it or
/// above, and its `_plugins/`; the defaults when there is none. Warnings
/// about the `_config.yml` are added to `warnings`.
pub fn find(dir: &Path, warnings: &mut Vec<SiteError>) -> Result<Site, SiteError> {
    let found = dir
        .ancestors()
        .map(|d| d.join("_config.yml"))
        .find(|f| f.is_file());
    let Some(file) = found else {
        // Without a `_config.yml`, the site is the folder of `_plugins`.
        let mut site = Site::default();
        if let Some(plugins) = dir
            .ancestors()
            .map(|d| d.join("_plugins"))
            .find(|p| p.is_dir())
        {
            read_plugins(&plugins, &mut site.liquid);
        }
        return Ok(site);
    };
    let Ok(text) = std::fs::read_to_string(&file) else {
        return Ok(Site::default());
    };
    let root = file.parent().map(Path::to_path_buf);
    let mut site = parse(&text, &file.display().to_string(), warnings)?;
    if let Some(root) = &root {
        read_plugins(&root.join("_plugins"), &mut site.liquid);
        // The gems of a `Gemfile` beside it are plugins too (its `jekyll`
        // and the like are named, but add nothing a rule looks at).
        if let Ok(gemfile) = std::fs::read_to_string(root.join("Gemfile")) {
            for gem in gemfile_gems(&gemfile) {
                if !site.plugins.contains(&gem) {
                    site.plugins.push(gem);
                }
            }
        }
    }
    site.root = root;
    Ok(site)
}

/// How many posts of a folder are read to decide its kind.
const SAMPLE: usize = 24;

/// How much of a post is read to tell its format: its front matter and
/// the first line of its body are near the start.
const HEAD: u64 = 16 * 1024;

/// Decide the kind of the posts in `folder` (a `_posts` or `_drafts`
/// folder, or the folder of a post outside one) from a sample of its
/// files with front matter: a mirror when at least half of them are in
/// the mirror format (a source key such as `from:` in the front matter,
/// or a timestamp comment such as `<!--1667234398000-->` opening the
/// body). No kind when there is no such file to sample (a post given on
/// standard input, say): each post is then judged by its own format.
pub fn detect_kind(folder: &Path, source_keys: &[String]) -> Verdict {
    // The names alone: all in one folder, so by name is the order of paths.
    let mut names: Vec<std::ffi::OsString> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .filter(|name| {
                Path::new(name)
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "md" | "markdown" | "html" | "htm"))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort_unstable();
    let (mut sampled, mut marked) = (0, 0);
    for i in sample(names.len(), SAMPLE) {
        match read_head(&folder.join(&names[i]))
            .as_deref()
            .and_then(|h| format_of(h, source_keys))
        {
            Some(true) => (sampled, marked) = (sampled + 1, marked + 1),
            Some(false) => sampled += 1,
            None => {}
        }
    }
    let shown = folder.display();
    if sampled == 0 {
        return Verdict {
            kind: None,
            reason: format!("auto: no post in `{shown}` to sample, so each post by its own format"),
            close: false,
        };
    }
    let kind = if marked * 2 >= sampled {
        Kind::Mirror
    } else {
        Kind::Ordinary
    };
    Verdict {
        kind: Some(kind),
        reason: format!(
            "auto: {marked} of {sampled} sampled posts in `{shown}` are in the mirror format \
            (a source key such as `from:`, or a timestamp comment)"
        ),
        close: is_close(marked, sampled),
    }
}

/// The kind of a folder's posts as sampled, with the reason in words.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub kind: Option<Kind>,
    pub reason: String,
    /// A third of the sample or more went the other way ([`is_close`]).
    pub close: bool,
}

/// Whether a verdict of `marked` of `sampled` posts is close: a third of
/// the sample or more went the other way, so that another sample of the
/// same folder could tip it.
pub fn is_close(marked: usize, sampled: usize) -> bool {
    marked.min(sampled - marked) * 3 >= sampled
}

/// The indices of at most `k` of `n` files in name order, spread evenly
/// from the first to the last: post names start with their date, so the
/// sample holds the oldest posts, the newest and those between, and a
/// generator that changed its format late in a folder's life is seen.
fn sample(n: usize, k: usize) -> impl Iterator<Item = usize> {
    let k = k.min(n);
    (0..k).map(move |i| if k == 1 { 0 } else { i * (n - 1) / (k - 1) })
}

/// The first [`HEAD`] bytes of a regular file (a link is followed). Any
/// other file, such as a FIFO that would block the open, is not read.
fn read_head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEAD)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// Whether the start of a file with front matter shows the mirror format:
/// a source key at the start of a front matter line, or a body opening
/// with a timestamp comment on its own line. `None` for a file without
/// front matter, which tells nothing.
fn format_of(bytes: &[u8], source_keys: &[String]) -> Option<bool> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return None;
    }
    for line in lines.by_ref() {
        if line.trim_end() == "---" {
            break;
        }
        if source_keys.iter().any(|k| {
            line.strip_prefix(k.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        }) {
            return Some(true);
        }
    }
    Some(lines.find(|l| !l.trim().is_empty()).is_some_and(|l| {
        let l = l.trim();
        l.len() >= 7
            && l.starts_with("<!--")
            && l.ends_with("-->")
            && crate::model::body::opening::mirror_timestamp(&l[4..l.len() - 3])
    }))
}

/// The folder whose posts decide the kind of the post at `path`: the
/// nearest `_posts` or `_drafts` folder it is in, else its own folder.
pub fn posts_folder(path: &Path) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new(""));
    dir.ancestors()
        .find(|d| {
            d.file_name()
                .is_some_and(|n| n == "_posts" || n == "_drafts")
        })
        .unwrap_or(dir)
        .to_path_buf()
}

/// A plugin gem named in `plugins:`: the Liquid it adds, when postlint
/// knows the gem.
pub(super) fn plugin_gem(name: &str, liquid: &mut LiquidExtensions) {
    let tags: &[&str] = match name {
        "jekyll-seo-tag" => &["seo"],
        "jekyll-feed" => &["feed_meta"],
        "jekyll-gist" => &["gist"],
        "jekyll-avatar" => &["avatar"],
        "jekyll-include-cache" => &["include_cached"],
        "jekyll-last-modified-at" => &["last_modified_at"],
        "jekyll-sitemap"
        | "jekyll-paginate"
        | "jekyll-paginate-v2"
        | "jekyll-redirect-from"
        | "jekyll-mentions"
        | "jemoji"
        | "jekyll-github-metadata"
        | "jekyll-relative-links"
        | "jekyll-optional-front-matter"
        | "jekyll-readme-index"
        | "jekyll-titles-from-headings"
        | "jekyll-default-layout"
        | "jekyll-remote-theme"
        | "jekyll-coffeescript"
        | "jekyll-sass-converter"
        | "jekyll-commonmark-ghpages"
        | "jekyll-commonmark"
        | "jekyll-archives"
        | "jekyll-data"
        | "jekyll-watch"
        | "kramdown-parser-gfm" => &[],
        _ => {
            liquid.unknown_plugins = true;
            &[]
        }
    };
    liquid.tags.extend(tags.iter().map(|t| t.to_string()));
}

/// The tags and filters registered by the Ruby files of `_plugins/`:
/// `Liquid::Template.register_tag('name', ...)` and the methods of a
/// module given to `register_filter`.
fn read_plugins(dir: &Path, liquid: &mut LiquidExtensions) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for file in files {
        if file.extension().is_none_or(|e| e != "rb") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (at, _) in text.match_indices("register_tag") {
            let rest = text[at + "register_tag".len()..].trim_start_matches(['(', ' ']);
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                liquid.unknown_plugins = true;
                continue;
            };
            match rest[1..].find(quote) {
                Some(end) => liquid.tags.push(rest[1..1 + end].to_string()),
                None => liquid.unknown_plugins = true,
            }
        }
        if text.contains("register_filter") {
            for line in text.lines() {
                let Some(rest) = line.trim_start().strip_prefix("def ") else {
                    continue;
                };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && !name.starts_with("self") {
                    liquid.filters.push(name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    fn parse(text: &str) -> Site {
        super::parse(text, "_config.yml", &mut Vec::new()).unwrap()
    }

    fn parse_err(text: &str) -> bool {
        super::parse(text, "_config.yml", &mut Vec::new()).is_err()
    }

    #[test]
    fn reads_the_timezone() {
        let site = parse("title: News\ntimezone: Asia/Shanghai\n");
        assert_eq!(site.timezone.iana_name(), Some("Asia/Shanghai"));
        let mut warnings = Vec::new();
        let site = super::parse("timezone: Not/AZone\n", "_config.yml", &mut warnings).unwrap();
        assert_eq!(site.timezone, TimeZone::UTC);
        assert!(warnings.len() == 1 && !warnings[0].is_fatal());
        assert!(parse_err("- a list\n"));
        assert!(parse_err("a: [\n"));
        assert_eq!(parse(""), Site::default());
        assert!(parse("future: true\n").future);
        assert!(!parse("future: \"true\"\n").future);
        assert!(!parse("title: x\n").future);
        assert_eq!(
            parse("permalink: pretty\n").permalink.as_deref(),
            Some("pretty")
        );
        for text in [
            "permalink: pretty\ncollections:\n  posts:\n    permalink: /p/:title/\n",
            "collections:\n  posts:\n    permalink: /p/:title/\npermalink: pretty\n",
        ] {
            assert_eq!(
                parse(text).permalink.as_deref(),
                Some("/p/:title/"),
                "{text}"
            );
        }
        assert_eq!(
            parse("collections:\n  posts:\n    output: true\npermalink: none\n")
                .permalink
                .as_deref(),
            Some("none")
        );
    }

    #[test]
    fn reads_front_matter_defaults() {
        let site = parse(
            "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: post\n  - scope:\n      path: news\n    values:\n      permalink: /n/:title/\n",
        );
        assert_eq!(
            site.default_value("_posts/2020-01-01-a.md", "posts", "layout"),
            Some(Some("post"))
        );
        assert_eq!(
            site.default_value("news/_posts/2020-01-01-a.md", "posts", "permalink"),
            Some(Some("/n/:title/"))
        );
        assert_eq!(
            site.default_value("_posts/a.md", "posts", "permalink"),
            None
        );
        assert_eq!(site.default_value("_posts/a.md", "pages", "layout"), None);
    }

    #[test]
    fn reads_plugins_and_markdown_ext() {
        let site = parse("plugins:\n  - jekyll-seo-tag\n  - jekyll-feed\n");
        assert_eq!(site.liquid.tags, ["seo", "feed_meta"]);
        assert!(!site.liquid.unknown_plugins);
        let site = parse("markdown_ext: \"text, Rmd\"\n");
        assert!(site.is_markdown(".Rmd") && site.is_markdown("text") && !site.is_markdown("md"));
        assert!(Site::default().is_markdown("mkdn"));
        assert!(
            parse("plugins: [some-unknown-gem]\n")
                .liquid
                .unknown_plugins
        );
        assert_eq!(
            markdown_ext("markdown_ext: \"md, text,Rmd\"\n").unwrap(),
            ["md", "text", "rmd"]
        );
    }

    /// The problems of a `_config.yml`: each message, whether it is
    /// fatal, and the text it points at.
    fn problems(text: &str) -> Vec<(String, bool, String)> {
        let mut found = Vec::new();
        super::parse(text, "_config.yml", &mut found).unwrap();
        found
            .iter()
            .map(|e| {
                let span = e.span();
                (
                    e.message().to_string(),
                    e.is_fatal(),
                    text[span].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_shapes_jekyll_checks() {
        // Each as Jekyll 4.3.1 answered it: it stops on these ...
        for (text, message, at) in [
            (
                "title: x\nplugins:\n",
                "`plugins` is empty, not a list of gem names: Jekyll 4 stops before it reads any post",
                "plugins",
            ),
            (
                "plugins: plugins\n",
                "`plugins` is a string, not a list of gem names: Jekyll 4 stops before it reads any post",
                "plugins",
            ),
            (
                "exclude: docs\n",
                "`exclude` is a string, not a list: Jekyll 4 stops before it reads any post",
                "docs",
            ),
            (
                "include:\n",
                "`include` is empty, not a list: Jekyll 4 stops before it reads any post",
                "include",
            ),
            (
                "timezone: 5\n",
                "`timezone` is an integer, not text: Jekyll 4 stops before it reads any post",
                "5",
            ),
            (
                "permalink: [a]\n",
                "`permalink` is a list, not text: Jekyll 4 stops before it reads any post",
                "[a]",
            ),
            (
                "permalink: true\n",
                "`permalink` is a boolean, not text: Jekyll 4 stops before it reads any post",
                "true",
            ),
        ] {
            assert_eq!(
                problems(text),
                [(message.to_string(), true, at.to_string())],
                "{text}"
            );
        }
        // ... warns about these, and ignores them ...
        let found = problems(
            "defaults:\n  - scope: {path: \"\"}\n    values: {layout: post}\n  - scope: {path: \"\"}\n",
        );
        assert_eq!(
            found,
            [(
                "entry 2 of `defaults` has no mapping of `values`: Jekyll ignores it".to_string(),
                false,
                "scope: {path: \"\"}".to_string()
            )]
        );
        assert!(!problems("defaults: {a: 1}\n")[0].1);
        // ... and builds with these.
        for text in [
            "plugins: []\ngems:\nexclude: [a, 1]\ninclude: [.htaccess]\n",
            "timezone:\npermalink:\ndefaults:\n",
            "timezone: Europe/Berlin\npermalink: pretty\ngems: jekyll-feed\n",
        ] {
            assert_eq!(problems(text), [], "{text}");
        }
        // The other settings are still read.
        let mut found = Vec::new();
        let site =
            super::parse("plugins:\npermalink: pretty\n", "_config.yml", &mut found).unwrap();
        assert_eq!(site.permalink.as_deref(), Some("pretty"));
    }

    #[test]
    fn reads_what_the_site_model_needs() {
        let site = parse(
            "url: https://example.org/\nbaseurl: /blog/\npermalink: pretty\ncollections:\n  posts:\n    permalink: /p/:title/\n  recipes:\n    output: true\n    permalink: /r/:name/\n  \"no tes!\": {}\ncollections_dir: my\ninclude: [_pages]\nkeep_files: [CNAME]\nremote_theme: owner/theme\nplugins: [jekyll-feed]\ngems: [jekyll-feed, jemoji]\n",
        );
        assert_eq!(site.url.as_deref(), Some("https://example.org/"));
        assert_eq!(site.baseurl, "/blog");
        assert_eq!(site.permalink.as_deref(), Some("/p/:title/"));
        assert_eq!(site.page_permalink.as_deref(), Some("pretty"));
        assert_eq!(
            site.collections,
            [
                Collection {
                    label: "recipes".into(),
                    output: true,
                    permalink: Some("/r/:name/".into()),
                },
                Collection {
                    label: "notes".into(),
                    output: false,
                    permalink: None,
                },
            ]
        );
        assert_eq!(site.collection_folder("recipes"), "my/_recipes");
        assert_eq!(site.include, ["_pages"]);
        assert_eq!(site.keep_files, ["CNAME"]);
        assert_eq!(site.theme.as_deref(), Some("owner/theme"));
        assert_eq!(site.plugins, ["jekyll-feed", "jemoji"]);
        let site = parse("collections: [recipes]\nbaseurl: /\n");
        assert_eq!(site.collections[0].label, "recipes");
        assert_eq!(site.baseurl, "");
        assert_eq!(parse("baseurl: docs\n").baseurl, "/docs");
        // Left empty, or written `~`, it is null: no baseurl.
        assert_eq!(parse("baseurl:\nurl:\n").baseurl, "");
        assert_eq!(parse("baseurl: ~\n").baseurl, "");
        assert_eq!(parse("url:\n").url, None);
        let paged = parse("paginate: 5\npaginate_path: /blog/page:num/\nsource: src\n");
        assert_eq!(paged.paginate, Some(5));
        assert_eq!(paged.paginate_path.as_deref(), Some("/blog/page:num/"));
        assert_eq!(paged.source.as_deref(), Some("src"));
        assert_eq!(parse("source: .\n").source, None);
        let plain = Site::default();
        assert_eq!((plain.baseurl.as_str(), plain.url.as_deref()), ("", None));
        assert_eq!(plain.include, [".htaccess"]);
        assert!(plain.jekyll_excludes().contains(&"vendor/bundle/"));
    }

    #[test]
    fn a_gemfile_beside_the_config_names_plugins() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("_config.yml"), "plugins: [jekyll-feed]\n").unwrap();
        std::fs::write(
            dir.path().join("Gemfile"),
            "gem 'jekyll'\ngroup :jekyll_plugins do\n  gem \"jekyll-feed\"\n  gem 'jekyll-sitemap'\nend\n",
        )
        .unwrap();
        let site = find(dir.path(), &mut Vec::new()).unwrap();
        // Jekyll itself is a gem of the Gemfile, not a plugin.
        assert_eq!(site.plugins, ["jekyll-feed", "jekyll-sitemap"]);
        // The Liquid of the rules is the `_config.yml`'s alone.
        assert!(!site.liquid.unknown_plugins);
    }

    #[test]
    fn reads_exclude_and_polyglot() {
        let site = parse("exclude:\n  - docs\n  - README.md\n");
        assert_eq!(site.exclude, ["docs", "README.md"]);
        assert_eq!(site.polyglot, None);
        // The languages mean nothing without the plugin.
        assert_eq!(parse("languages: [en, ko]\n").polyglot, None);
        let site = parse(
            "languages: [\"en\", \"ko\"]\nplugins:\n  - jekyll-polyglot\nlang_from_path: true\n",
        );
        assert_eq!(
            site.polyglot,
            Some(Polyglot {
                languages: vec!["en".into(), "ko".into()],
                default_lang: "en".into(),
                lang_from_path: true,
            })
        );
        let site = parse("gems: [jekyll-polyglot]\ndefault_lang: ko\nlanguages: [ko, en]\n");
        let polyglot = site.polyglot.unwrap();
        assert_eq!(
            (polyglot.default_lang.as_str(), polyglot.lang_from_path),
            ("ko", false)
        );
    }

    #[test]
    fn the_sample_spans_the_folder() {
        for n in 0..300 {
            let picked: Vec<usize> = sample(n, SAMPLE).collect();
            assert_eq!(picked.len(), n.min(SAMPLE), "{n}");
            // Distinct and in order, from the first file to the last.
            assert!(picked.windows(2).all(|w| w[0] < w[1]), "{n}: {picked:?}");
            if n > 0 {
                assert_eq!((picked[0], picked[picked.len() - 1]), (0, n - 1), "{n}");
            }
            // No gap wider than an even spread needs.
            let widest = picked.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
            assert!(
                widest <= (n.max(1) - 1).div_ceil(SAMPLE - 1),
                "{n}: {picked:?}"
            );
        }
    }

    #[test]
    fn a_verdict_is_close_when_a_third_went_the_other_way() {
        assert!(is_close(13, 24));
        assert!(is_close(8, 24));
        assert!(is_close(16, 24));
        assert!(!is_close(17, 24));
        assert!(!is_close(24, 24));
        assert!(!is_close(0, 3));
    }

    #[test]
    fn tells_the_mirror_format() {
        let keys = ["from".to_string()];
        let in_mirror_format = |bytes: &[u8], keys: &[String]| format_of(bytes, keys) == Some(true);
        assert!(in_mirror_format(
            b"---\ntitle: a\nfrom: https://x.example/\n---\nbody\n",
            &keys
        ));
        assert!(in_mirror_format(
            b"---\ntitle: a\n---\n<!--1667234398000-->\n",
            &keys
        ));
        assert!(in_mirror_format(b"---\ntitle: a\n---\n<!--NaN-->\n", &keys));
        assert!(!in_mirror_format(
            b"---\ntitle: a\n---\n<!-- a note -->\n",
            &keys
        ));
        assert!(!in_mirror_format(
            b"---\ntitle: a\nfromage: b\n---\n",
            &keys
        ));
        assert!(!in_mirror_format(
            b"---\ntitle: a\n---\n<!--more-->\n",
            &keys
        ));
        assert_eq!(format_of(b"no front matter\nfrom: x\n", &keys), None);
    }
}
