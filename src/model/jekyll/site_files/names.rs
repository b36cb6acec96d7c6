//! The names other files refer to: layouts (`layout: post`), includes
//! (`{% include head.html %}`) and data files (`site.data.nav`).

use super::Listing;
use crate::model::jekyll::site::Site;

/// The layouts, includes and data files of a site, each sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    /// `_layouts/post.html` is `post`; `_layouts/a/b.html` is `a/b`.
    pub layouts: Vec<String>,
    /// The path below `_includes/`, such as `head.html`.
    pub includes: Vec<String>,
    /// The path below `_data/` without its extension, such as `nav` or
    /// `authors/ana`.
    pub data: Vec<String>,
}

/// The names of `listing`'s layouts, includes and data files. A theme's
/// are not in the site's folder: [`Site::theme`] says whether there may
/// be more.
pub fn names(listing: &Listing, _site: &Site) -> Names {
    let mut names = Names::default();
    for f in &listing.files {
        let Some((folder, rest)) = f.rel.split_once('/') else {
            continue;
        };
        // Hidden and backup files are left out, as Jekyll's filter does.
        let last = rest.rsplit('/').next().unwrap_or(rest);
        if last.starts_with(['.', '#', '~']) || last.ends_with('~') {
            continue;
        }
        match folder {
            // `LayoutReader`: `**/*.*`, named without the last extension.
            "_layouts" => {
                if let Some(dot) = rest
                    .rfind('.')
                    .filter(|&d| d > rest.rfind('/').map_or(0, |s| s + 1))
                {
                    names.layouts.push(rest[..dot].to_string());
                }
            }
            "_includes" => names.includes.push(rest.to_string()),
            "_data" => {
                let stem = match rest.rfind('.') {
                    Some(dot) if dot > rest.rfind('/').map_or(0, |s| s + 1) => &rest[..dot],
                    _ => rest,
                };
                names.data.push(stem.to_string());
            }
            _ => {}
        }
    }
    for list in [&mut names.layouts, &mut names.includes, &mut names.data] {
        list.sort();
        list.dedup();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::super::ListedFile;
    use super::*;

    #[test]
    fn layouts_includes_and_data() {
        let listing = Listing {
            files: [
                "_data/authors/ana.yml",
                "_data/nav.yml",
                "_includes/.swp",
                "_includes/head.html",
                "_includes/post/meta.html",
                "_layouts/default.html",
                "_layouts/post.html",
                "_layouts/README",
                "about.md",
            ]
            .iter()
            .map(|r| ListedFile {
                rel: r.to_string(),
                front_matter: false,
            })
            .collect(),
        };
        let n = names(&listing, &Site::default());
        assert_eq!(n.layouts, ["default", "post"]);
        assert_eq!(n.includes, ["head.html", "post/meta.html"]);
        assert_eq!(n.data, ["authors/ana", "nav"]);
    }
}
