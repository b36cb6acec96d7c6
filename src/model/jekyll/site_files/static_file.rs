//! The URL and output file of a static file: one Jekyll copies as it is
//! (`Jekyll::StaticFile`), in the site or in a collection's folder.

use super::dest::{Output, add_permalink_suffix, basename, expand, extname, fill_hash};
use crate::model::jekyll::permalink::unescape;
use crate::model::jekyll::site::{Collection, Site};

/// The URL and output file of the static file at `rel` (from the site's
/// folder), outside any collection.
pub fn output(rel: &str) -> Output {
    let ext = extname(rel);
    let cleaned = rel[..rel.len() - ext.len()].trim_end_matches('.');
    let mut url = format!("/{cleaned}");
    while url.ends_with('/') && url.len() > 1 {
        url.pop();
    }
    url.push_str(ext);
    let dest = expand(&unescape(&url));
    Output {
        url,
        dest: Some(dest),
    }
}

/// The URL and output file of a static file of `collection`, at `inside`
/// (its path below the collection's folder): placed by the collection's
/// `permalink` template. Written only when the collection is output.
pub fn in_collection(inside: &str, collection: &Collection, site: &Site) -> Output {
    let ext = extname(inside);
    let relative = format!("_{}/{inside}", collection.label);
    let cleaned = relative[..relative.len() - ext.len()].trim_end_matches('.');
    let cleaned = cleaned.replacen(&format!("_{}", collection.label), "", 1);
    let template = match &collection.permalink {
        Some(p) => p.clone(),
        None => add_permalink_suffix("/:collection/:path", site.page_permalink.as_deref()),
    };
    let placeholders = [
        ("collection", collection.label.as_str()),
        ("path", cleaned.as_str()),
        ("output_ext", ""),
        ("name", basename(inside)),
        ("title", ""),
    ];
    let mut url = fill_hash(&template, &placeholders);
    while url.ends_with('/') {
        url.pop();
    }
    url.push_str(ext);
    let dest = collection.output.then(|| expand(&unescape(&url)));
    Output { url, dest }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_files_keep_their_path() {
        let o = output("assets/logo.png");
        assert_eq!(
            (o.url.as_str(), o.dest.unwrap().as_str()),
            ("/assets/logo.png", "assets/logo.png")
        );
        assert_eq!(output("CNAME").url, "/CNAME");
        assert_eq!(output("a/my file.txt").url, "/a/my file.txt");
        let collection = Collection {
            label: "docs".into(),
            output: true,
            permalink: None,
        };
        let site = Site::default();
        let o = in_collection("img/a.png", &collection, &site);
        assert_eq!(
            (o.url.as_str(), o.dest.as_deref()),
            ("/docs/img/a.png", Some("docs/img/a.png"))
        );
        let pretty = Site {
            page_permalink: Some("pretty".into()),
            ..Site::default()
        };
        assert_eq!(
            in_collection("a.pdf", &collection, &pretty).url,
            "/docs/a.pdf"
        );
        let hidden = Collection {
            output: false,
            ..collection
        };
        assert_eq!(in_collection("a.pdf", &hidden, &site).dest, None);
    }
}
