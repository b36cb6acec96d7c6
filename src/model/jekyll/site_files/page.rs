//! The URL and output file of a page: a file outside the special folders
//! that starts with front matter (`Jekyll::Page`).

use super::dest::{
    Output, add_permalink_suffix, basename, extname, fill_hash, output_ext, written_file,
};
use crate::model::jekyll::site::Site;

/// `Page::HTML_EXTENSIONS`: pages written as HTML.
const HTML_EXTENSIONS: &[&str] = &[".html", ".xhtml", ".htm"];

/// The URL and output file of the page at `rel` (from the site's folder),
/// with `permalink` its front matter's (or `defaults:`'s) when set.
pub fn output(rel: &str, permalink: Option<&str>, site: &Site) -> Output {
    let (dir, name) = match rel.rfind('/') {
        Some(i) => (format!("/{}", &rel[..i]), &rel[i + 1..]),
        None => (String::new(), rel),
    };
    let ext = extname(name);
    let base = basename(name);
    let out_ext = output_ext(site, ext, permalink);
    let template = if !HTML_EXTENSIONS.contains(&out_ext.as_str()) {
        "/:path/:basename:output_ext".to_string()
    } else if base == "index" {
        "/:path/".to_string()
    } else {
        add_permalink_suffix("/:path/:basename", site.page_permalink.as_deref())
    };
    let placeholders = [
        ("path", dir.as_str()),
        ("basename", base),
        ("output_ext", out_ext.as_str()),
    ];
    let url = fill_hash(permalink.unwrap_or(&template), &placeholders);
    let dest = written_file(&url, &out_ext, false);
    Output {
        url,
        dest: Some(dest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(rel: &str, permalink: Option<&str>, style: Option<&str>) -> (String, String) {
        let site = Site {
            page_permalink: style.map(str::to_string),
            ..Site::default()
        };
        let o = output(rel, permalink, &site);
        (o.url, o.dest.unwrap())
    }

    #[test]
    fn pages_as_jekyll_writes_them() {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            url("about.md", None, None),
            pair("/about.html", "about.html")
        );
        assert_eq!(url("index.html", None, None), pair("/", "index.html"));
        assert_eq!(
            url("docs/index.md", None, None),
            pair("/docs/", "docs/index.html")
        );
        assert_eq!(
            url("about.md", None, Some("pretty")),
            pair("/about/", "about/index.html")
        );
        assert_eq!(
            url("about.md", None, Some("/:title")),
            pair("/about", "about.html")
        );
        assert_eq!(
            url("about.md", None, Some("/:year/:title/")),
            pair("/about/", "about/index.html")
        );
        assert_eq!(
            url("feed.xml", None, Some("pretty")),
            pair("/feed.xml", "feed.xml")
        );
        assert_eq!(
            url("css/main.scss", None, None),
            pair("/css/main.css", "css/main.css")
        );
        assert_eq!(
            url("a/about.md", Some("/about-us/"), None),
            pair("/about-us/", "about-us/index.html")
        );
        assert_eq!(
            url("humans.txt", Some("/humans/"), None),
            pair("/humans/", "humans/index.txt")
        );
        assert_eq!(
            url("search.md", Some("/search.json"), None),
            pair("/search.json", "search.json")
        );
        assert_eq!(url("a.md", Some("/b"), None), pair("/b", "b.html"));
    }
}
