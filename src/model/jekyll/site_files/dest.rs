//! The pieces every kind of output shares: extensions as Ruby reads them,
//! the extension a converter writes, URL templates filled as
//! `Jekyll::URL` fills them, and the output file under the destination.

use crate::model::jekyll::permalink::{escape_path, sanitize_url, unescape};
use crate::model::jekyll::site::Site;

/// A URL and the file it is written to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// The URL, escaped, as the site links to it (without `baseurl`).
    pub url: String,
    /// The output file below the destination folder, such as
    /// `about/index.html`; `None` when the file is not written.
    pub dest: Option<String>,
}

/// `File.extname` of the last part of `path`: from its last `.`, leading
/// dots aside (`.htaccess` has none); empty when there is none.
pub fn extname(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let body = name.trim_start_matches('.');
    match body.rfind('.') {
        Some(i) if i + 1 < body.len() => &body[i..],
        _ => "",
    }
}

/// The name without its extension and the dots before it, as
/// `Page#process` and `StaticFile#basename` make it.
pub fn basename(name: &str) -> &str {
    let name = name.rsplit('/').next().unwrap_or(name);
    name[..name.len() - extname(name).len()].trim_end_matches('.')
}

/// The extension Jekyll's converters give a file with extension `ext`
/// (Jekyll's own, with jekyll-sass-converter): `.html` from Markdown,
/// `.css` from Sass, else the extension itself. A `permalink` that ends
/// in an extension wins (`Renderer#permalink_ext`).
pub fn output_ext(site: &Site, ext: &str, permalink: Option<&str>) -> String {
    if let Some(p) = permalink.filter(|p| !p.ends_with('/')) {
        let from_permalink = extname(p);
        if !from_permalink.is_empty() {
            return from_permalink.to_string();
        }
    }
    if site.is_markdown(ext) {
        ".html".to_string()
    } else if ext.eq_ignore_ascii_case(".scss") || ext.eq_ignore_ascii_case(".sass") {
        ".css".to_string()
    } else {
        ext.to_string()
    }
}

/// `Utils.add_permalink_suffix`: the end a style gives `template`.
pub fn add_permalink_suffix(template: &str, style: Option<&str>) -> String {
    let style = style.unwrap_or("date");
    let mut out = template.to_string();
    match style {
        "pretty" => out.push('/'),
        "date" | "ordinal" | "none" => out.push_str(":output_ext"),
        _ => {
            if style.ends_with('/') {
                out.push('/');
            }
            if style.ends_with(":output_ext") {
                out.push_str(":output_ext");
            }
        }
    }
    out
}

/// `URL#generate_url_from_hash`, then `sanitize_url`: each placeholder in
/// turn replaced by its escaped value wherever it is written.
pub fn fill_hash(template: &str, placeholders: &[(&str, &str)]) -> String {
    let mut url = template.to_string();
    for (key, value) in placeholders {
        if !url.contains(':') {
            break;
        }
        url = url.replace(&format!(":{key}"), &escape_path(value));
    }
    sanitize_url(&url)
}

/// `URL#generate_url_from_drop`, then `sanitize_url`: every `:name` in
/// the template replaced by the value `lookup` gives it (or the name
/// without a final `_`). `Err` names a placeholder there is no value for,
/// which stops Jekyll's build.
pub fn fill_drop(
    template: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let mut url = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(colon) = rest.find(':') {
        url.push_str(&rest[..colon]);
        let after = &rest[colon + 1..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        if len == 0 {
            url.push(':');
            rest = after;
            continue;
        }
        let name = &after[..len];
        let found = lookup(name).map(|v| (v, len)).or_else(|| {
            let short = name.strip_suffix('_')?;
            lookup(short).map(|v| (v, short.len()))
        });
        let Some((value, used)) = found else {
            return Err(format!("`:{name}` is not a placeholder Jekyll knows here"));
        };
        url.push_str(&escape_path(&value));
        rest = &after[used..];
    }
    url.push_str(rest);
    Ok(sanitize_url(&url))
}

/// `File.expand_path(path, "/")` without its leading `/`: `.` and `..`
/// resolved (never above the root), runs of `/` and a final `/` dropped.
pub fn expand(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The output file of a page (`Page#destination`) or a document
/// (`Document#destination`) whose URL is `url`: a folder's URL gets
/// `index` and the extension (a page) or `index.html` (a document); else
/// the extension is added unless the URL ends in it.
pub fn written_file(url: &str, output_ext: &str, document: bool) -> String {
    let mut path = expand(&unescape(url));
    if url.ends_with('/') {
        path = [path.as_str(), if document { "index.html" } else { "index" }]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        if document {
            return path;
        }
    }
    if !path.ends_with(output_ext) {
        path.push_str(output_ext);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_as_ruby_reads_them() {
        assert_eq!(extname("a/b.md"), ".md");
        assert_eq!(extname(".htaccess"), "");
        assert_eq!(extname("a.b.c"), ".c");
        assert_eq!(extname("noext"), "");
        assert_eq!(basename("trailing-dots...md"), "trailing-dots");
        assert_eq!(basename("a/deal.with.dots.html"), "deal.with.dots");
    }

    #[test]
    fn converters_and_suffixes() {
        let site = Site::default();
        assert_eq!(output_ext(&site, ".md", None), ".html");
        assert_eq!(output_ext(&site, ".scss", None), ".css");
        assert_eq!(output_ext(&site, ".xml", None), ".xml");
        assert_eq!(output_ext(&site, ".md", Some("/a.json")), ".json");
        assert_eq!(output_ext(&site, ".md", Some("/a/")), ".html");
        assert_eq!(add_permalink_suffix("/:p", None), "/:p:output_ext");
        assert_eq!(add_permalink_suffix("/:p", Some("pretty")), "/:p/");
        assert_eq!(add_permalink_suffix("/:p", Some("/:title")), "/:p");
        assert_eq!(add_permalink_suffix("/:p", Some("/:title/")), "/:p/");
    }

    #[test]
    fn fills_and_writes() {
        assert_eq!(
            fill_hash(
                "/:path/:basename:output_ext",
                &[
                    ("path", "/+"),
                    ("basename", "%# +"),
                    ("output_ext", ".html")
                ]
            ),
            "/+/%25%23%20+.html"
        );
        assert_eq!(written_file("/about/", ".html", false), "about/index.html");
        assert_eq!(written_file("/about/", ".html", true), "about/index.html");
        assert_eq!(written_file("/", ".html", false), "index.html");
        assert_eq!(
            written_file("/a/humans/", ".txt", false),
            "a/humans/index.txt"
        );
        assert_eq!(written_file("/about", ".html", false), "about.html");
        assert_eq!(
            written_file("/%2e%2e/%2e%2e/baddie.html", ".html", false),
            "baddie.html"
        );
        assert_eq!(
            fill_drop("/:collection/:path:output_ext", |k| match k {
                "collection" => Some("recipes".into()),
                "path" => Some("/a b".into()),
                "output_ext" => Some(".html".into()),
                _ => None,
            }),
            Ok("/recipes/a%20b.html".to_string())
        );
        assert!(fill_drop("/:nope/", |_| None).is_err());
    }
}
