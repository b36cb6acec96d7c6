//! The URL and output file of a document of a collection other than
//! `posts` (`Jekyll::Document`), placed by the collection's `permalink`.

use super::dest::{Output, add_permalink_suffix, extname, fill_drop, output_ext, written_file};
use crate::model::jekyll::path::post_name;
use crate::model::jekyll::permalink::{UrlParts, placeholder, slugify};
use crate::model::jekyll::site::{Collection, Site};
use jiff::civil::DateTime;

/// What a document's URL is made from besides its path.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocumentData<'a> {
    /// `permalink` of its front matter (or of `defaults:`).
    pub permalink: Option<&'a str>,
    /// `slug` of its front matter.
    pub slug: Option<&'a str>,
    /// Whether it is published (`published: false` is not).
    pub published: bool,
    /// Its date in the site's time zone: the front matter's, else the one
    /// its name starts with, else the time of the build.
    pub date: Option<DateTime>,
}

/// The URL and output file of the document at `inside` (its path below the
/// collection's folder). The output file is `None` when the collection is
/// not output or the document not published. `Err` when the template has a
/// placeholder postlint cannot fill (the date ones, which need a date).
pub fn output(
    inside: &str,
    collection: &Collection,
    data: DocumentData,
    site: &Site,
) -> Result<Output, String> {
    let label = collection.label.as_str();
    let ext = extname(inside);
    let relative = format!("_{label}/{inside}");
    let cleaned = relative[..relative.len() - ext.len()].replacen(&format!("_{label}"), "", 1);
    let cleaned = cleaned.trim_end_matches('.');
    let name = inside.rsplit('/').next().unwrap_or(inside);
    let without_ext = &name[..name.len() - ext.len()];
    // `populate_title`: a dated name's slug is what follows the date, and a
    // slug never ends with a `.`.
    let from_name = post_name(name)
        .map_or(without_ext, |n| n.slug)
        .trim_end_matches('.');
    let slug = data.slug.filter(|s| !s.is_empty()).unwrap_or(from_name);
    let out_ext = output_ext(site, ext, data.permalink);
    let template = match &collection.permalink {
        Some(p) => p.clone(),
        None => add_permalink_suffix("/:collection/:path", site.page_permalink.as_deref()),
    };
    let url = fill_drop(data.permalink.unwrap_or(&template), |key| {
        Some(match key {
            "collection" => label.to_string(),
            "path" => cleaned.to_string(),
            "name" => slugify(without_ext, false, false),
            "title" => slugify(slug, true, true),
            "slug" => slugify(slug, false, false),
            "output_ext" => out_ext.clone(),
            "categories" | "slugified_categories" => String::new(),
            other => {
                let parts = UrlParts {
                    date: data.date?,
                    slug,
                    basename: without_ext,
                    categories: &[],
                    output_ext: &out_ext,
                };
                return placeholder(other, &parts);
            }
        })
    })?;
    let dest = (collection.output && data.published).then(|| written_file(&url, &out_ext, true));
    Ok(Output { url, dest })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(output: bool, permalink: Option<&str>) -> Collection {
        Collection {
            label: "recipes".into(),
            output,
            permalink: permalink.map(str::to_string),
        }
    }

    fn data() -> DocumentData<'static> {
        DocumentData {
            published: true,
            ..DocumentData::default()
        }
    }

    #[test]
    fn documents_as_jekyll_writes_them() {
        let site = Site::default();
        let o = output("soup/tomato.md", &collection(true, None), data(), &site).unwrap();
        assert_eq!(o.url, "/recipes/soup/tomato.html");
        assert_eq!(o.dest.as_deref(), Some("recipes/soup/tomato.html"));
        let o = output(
            "Tomato Soup.md",
            &collection(true, Some("/r/:title/")),
            data(),
            &site,
        )
        .unwrap();
        assert_eq!(o.url, "/r/Tomato-Soup/");
        assert_eq!(o.dest.as_deref(), Some("r/Tomato-Soup/index.html"));
        let o = output(
            "2020-01-02-bread.md",
            &collection(true, Some("/:name/")),
            data(),
            &site,
        )
        .unwrap();
        assert_eq!(o.url, "/2020-01-02-bread/");
        let o = output("a.md", &collection(false, None), data(), &site).unwrap();
        assert_eq!((o.url.as_str(), o.dest), ("/recipes/a.html", None));
        let fm = DocumentData {
            permalink: Some("/custom.json"),
            ..data()
        };
        let o = output("a.md", &collection(true, None), fm, &site).unwrap();
        assert_eq!(o.dest.as_deref(), Some("custom.json"));
        let pretty = Site {
            page_permalink: Some("pretty".into()),
            ..Site::default()
        };
        let o = output("a.md", &collection(true, None), data(), &pretty).unwrap();
        assert_eq!(o.dest.as_deref(), Some("recipes/a/index.html"));
        assert!(
            output(
                "a.md",
                &collection(true, Some("/:year/:title/")),
                data(),
                &site
            )
            .is_err()
        );
        let unpublished = DocumentData {
            published: false,
            ..data()
        };
        assert_eq!(
            output("a.md", &collection(true, None), unpublished, &site)
                .unwrap()
                .dest,
            None
        );
    }
}
