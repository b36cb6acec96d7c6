//! What Jekyll's reader makes of a file of the site: a post, a draft, a
//! page, a document of a collection, a static file, or nothing, and why.

use super::filter::filter;
use crate::model::jekyll::path::post_name;
use crate::model::jekyll::site::Site;

/// The kind of a file as Jekyll reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// In a `_posts` folder, with a dated name.
    Post,
    /// In a `_drafts` folder (built only with `--drafts`).
    Draft,
    /// Outside the special folders, with front matter.
    Page,
    /// In a collection's folder, with front matter.
    Document { collection: String, output: bool },
    /// Copied as it is: outside the special folders (or in a collection's)
    /// without front matter.
    Static,
    /// Not read, or read for something other than output.
    Skipped { why: String },
}

impl FileKind {
    /// Its name in `explain`'s output.
    pub fn name(&self) -> &'static str {
        match self {
            FileKind::Post => "post",
            FileKind::Draft => "draft",
            FileKind::Page => "page",
            FileKind::Document { .. } => "document",
            FileKind::Static => "static",
            FileKind::Skipped { .. } => "skipped",
        }
    }
}

/// Folders Jekyll reads for something other than output, with what.
const READ_FOR: &[(&str, &str)] = &[
    ("_layouts", "a layout"),
    ("_includes", "an include"),
    ("_data", "a data file"),
    ("_sass", "a Sass partial"),
    ("_plugins", "a plugin"),
];

fn skipped(why: impl Into<String>) -> FileKind {
    FileKind::Skipped { why: why.into() }
}

/// The kind of the file at `rel` (from the site's folder, with `/`), with
/// `front_matter` whether it starts with a front matter line, in `site`.
/// Whether a post or page is published (`published:`, a future date) is
/// decided from its content, not here.
pub fn classify(rel: &str, front_matter: bool, site: &Site) -> FileKind {
    if rel == "_config.yml" {
        return skipped("the site's settings, not output itself");
    }
    let parts: Vec<&str> = rel.split('/').collect();
    let collections_dir = site.collections_dir.trim_matches('/');
    // A collection's folder: `<collections_dir>/_<label>/...`.
    for c in &site.collections {
        let folder = site.collection_folder(&c.label);
        if let Some(inside) = rel.strip_prefix(&folder).and_then(|r| r.strip_prefix('/')) {
            let relative = format!("_{}/{inside}", c.label);
            if let Some(r) = filter(site, inside, &relative, false) {
                return skipped(r.why(inside));
            }
            return if front_matter {
                FileKind::Document {
                    collection: c.label.clone(),
                    output: c.output,
                }
            } else {
                FileKind::Static
            };
        }
    }
    // Down the folders, as `Reader#read_directories` walks them.
    for (i, name) in parts.iter().enumerate() {
        let at = parts[..=i].join("/");
        let is_file = i + 1 == parts.len();
        if !is_file && (*name == "_posts" || *name == "_drafts") {
            let dir = parts[..i].join("/");
            return posts_or_drafts(site, &dir, name, &parts[i + 1..].join("/"), collections_dir);
        }
        if let Some(r) = filter(site, name, &at, !is_file) {
            // `include` naming the file itself reads it all the same.
            if is_file
                && site
                    .include
                    .iter()
                    .any(|p| p.trim_start_matches('/') == rel)
            {
                break;
            }
            if i == 0
                && let Some((_, what)) = READ_FOR.iter().find(|(f, _)| f == name)
            {
                return skipped(format!("{what} (`{name}/`), not output itself"));
            }
            return skipped(r.why(&at));
        }
    }
    if front_matter {
        FileKind::Page
    } else {
        FileKind::Static
    }
}

/// A file at `inside` below the `_posts` or `_drafts` folder (`magic`) of
/// the folder `dir`.
fn posts_or_drafts(
    site: &Site,
    dir: &str,
    magic: &str,
    inside: &str,
    collections_dir: &str,
) -> FileKind {
    let inside_dir = dir == collections_dir || dir.starts_with(&format!("{collections_dir}/"));
    if !(collections_dir.is_empty() || inside_dir) {
        return skipped(format!(
            "`{magic}/` outside `collections_dir` (`{collections_dir}`) is not read"
        ));
    }
    let folder = if dir.is_empty() {
        magic.to_string()
    } else {
        format!("{dir}/{magic}")
    };
    // `Dir["**/*"]` sees no hidden file or folder.
    if inside.split('/').any(|p| p.starts_with('.')) {
        return skipped(format!("hidden in `{folder}/`"));
    }
    if let Some(r) = filter(site, inside, &format!("{folder}/{inside}"), false) {
        return skipped(r.why(&format!("{folder}/{inside}")));
    }
    let name = inside.rsplit('/').next().unwrap_or(inside);
    let yaml = |n: &str| {
        let ext = super::dest::extname(n);
        ext == ".yml" || ext == ".yaml"
    };
    if yaml(name) {
        // `Document#read` reads a YAML file as data: no content, no post.
        return skipped(format!(
            "a YAML file in `{magic}/` is read as data, not as a post"
        ));
    }
    if magic == "_posts" {
        match post_name(name) {
            Some(_) => FileKind::Post,
            None => skipped("in `_posts/` but its name is not `YYYY-MM-DD-title.ext`"),
        }
    } else if name.rfind('.').is_some_and(|i| i + 1 < name.len()) {
        FileKind::Draft
    } else {
        skipped("in `_drafts/` but its name has no extension")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::jekyll::site::Collection;

    fn site() -> Site {
        Site {
            include: vec![".htaccess".into(), "_pages".into()],
            exclude: vec!["README.md".into(), "drafts-old".into()],
            collections: vec![
                Collection {
                    label: "recipes".into(),
                    output: true,
                    permalink: None,
                },
                Collection {
                    label: "notes".into(),
                    output: false,
                    permalink: None,
                },
            ],
            ..Site::default()
        }
    }

    fn kind(rel: &str, fm: bool) -> FileKind {
        classify(rel, fm, &site())
    }

    #[test]
    fn reads_as_jekyll() {
        assert_eq!(kind("_posts/2020-01-02-a.md", true), FileKind::Post);
        assert_eq!(kind("_posts/2020-01-02-a.md", false), FileKind::Post);
        assert_eq!(
            kind("blog/_posts/2020/2020-01-02-a.md", true),
            FileKind::Post
        );
        assert_eq!(kind("_drafts/a.md", true), FileKind::Draft);
        assert_eq!(kind("about.md", true), FileKind::Page);
        assert_eq!(kind("assets/logo.png", false), FileKind::Static);
        assert_eq!(kind(".htaccess", true), FileKind::Page);
        assert_eq!(kind("_pages/about.md", true), FileKind::Page);
        assert_eq!(
            kind("_recipes/soup.md", true),
            FileKind::Document {
                collection: "recipes".into(),
                output: true
            }
        );
        assert_eq!(kind("_recipes/img/a.png", false), FileKind::Static);
        assert_eq!(
            kind("_notes/a.md", true),
            FileKind::Document {
                collection: "notes".into(),
                output: false
            }
        );
        for (rel, fm) in [
            ("_posts/README.md", true),
            ("_posts/_template/2020-01-02-a.md", true),
            ("_posts/.hidden.md", true),
            ("_layouts/post.html", true),
            ("_includes/head.html", false),
            ("_data/nav.yml", false),
            ("_sass/main.scss", false),
            ("_site/index.html", true),
            (".git/config", false),
            ("README.md", true),
            ("drafts-old/x.md", true),
            ("node_modules/x/index.js", false),
            ("Gemfile", false),
            ("vendor/bundle/x.rb", false),
            ("a/b~", false),
            ("_recipes/_private.md", true),
            ("_drafts/noext", true),
            ("_posts/2020-01-02-data.yml", false),
        ] {
            assert!(
                matches!(kind(rel, fm), FileKind::Skipped { .. }),
                "{rel}: {:?}",
                kind(rel, fm)
            );
        }
    }

    #[test]
    fn collections_dir_moves_posts_and_collections() {
        let site = Site {
            collections_dir: "my".into(),
            ..site()
        };
        assert_eq!(
            classify("my/_posts/2020-01-02-a.md", true, &site),
            FileKind::Post
        );
        assert!(matches!(
            classify("_posts/2020-01-02-a.md", true, &site),
            FileKind::Skipped { .. }
        ));
        assert!(matches!(
            classify("my/_recipes/a.md", true, &site),
            FileKind::Document { .. }
        ));
        assert_eq!(classify("my/index.md", true, &site), FileKind::Page);
    }
}
