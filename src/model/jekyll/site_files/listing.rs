//! Which folders of a site a walk goes into: those Jekyll reads (for
//! output, or for layouts, includes, data, posts and collections), and
//! not those it leaves out (hidden, excluded, `_site`, `node_modules`).

use super::filter::filter;
use crate::model::jekyll::site::Site;

/// Folders at the site's top Jekyll reads although they start with `_`.
const READ_AT_TOP: &[&str] = &["_layouts", "_includes", "_data", "_sass", "_plugins"];

/// Whether a walk of the site goes into the folder at `rel` (from the
/// site's folder, with `/`), whose parent it went into.
pub fn enters(rel: &str, site: &Site) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    let name = parts[parts.len() - 1];
    // Below `_posts`, `_drafts` or a special folder, every folder is looked
    // at: what is in it is told apart file by file.
    if parts[..parts.len() - 1]
        .iter()
        .any(|p| *p == "_posts" || *p == "_drafts")
        || name == "_posts"
        || name == "_drafts"
    {
        return true;
    }
    if READ_AT_TOP.contains(&parts[0]) {
        return true;
    }
    let collections_dir = site.collections_dir.trim_matches('/');
    if !collections_dir.is_empty()
        && (collections_dir == rel || collections_dir.starts_with(&format!("{rel}/")))
    {
        return true;
    }
    for c in &site.collections {
        let folder = site.collection_folder(&c.label);
        if rel == folder || rel.starts_with(&format!("{folder}/")) {
            return true;
        }
    }
    filter(site, name, rel, true).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jekyll::site::Collection;

    #[test]
    fn goes_where_jekyll_reads() {
        let site = Site {
            collections: vec![Collection {
                label: "recipes".into(),
                output: false,
                permalink: None,
            }],
            exclude: vec!["docs".into()],
            ..Site::default()
        };
        for rel in [
            "assets",
            "blog/_posts",
            "blog/_posts/_x",
            "_layouts",
            "_data/a",
            "_recipes/.x",
        ] {
            assert!(enters(rel, &site), "{rel}");
        }
        for rel in [
            ".git",
            "_site",
            "node_modules",
            "docs",
            "vendor/bundle",
            "a/.cache",
        ] {
            assert!(!enters(rel, &site), "{rel}");
        }
    }
}
