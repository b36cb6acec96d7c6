//! The walk of a site's folder that lists its files as Jekyll reads them:
//! no `.gitignore`, links followed (as Jekyll follows them outside its safe
//! mode) but never round a loop, and only the first line of each file read.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use crate::model::jekyll::site::Site;
use crate::model::jekyll::site_files::listing::enters;
use crate::model::jekyll::site_files::{ListedFile, Listing, has_yaml_header};

/// How much of a file's first line is read to tell whether it opens front
/// matter: `---` and its trailing white space are short.
const FIRST_LINE: u64 = 1024;

/// Every file of the site at `root` that a walk as Jekyll's finds, sorted.
/// Folders that cannot be read, and links that lead nowhere, are left out.
pub fn list(root: &Path, site: &Site) -> Listing {
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    walk(root, "", site, &mut seen, &mut files);
    files.sort_by(|a: &ListedFile, b| a.rel.cmp(&b.rel));
    files.dedup_by(|a, b| a.rel == b.rel);
    Listing { files }
}

/// The identity of a folder, to go into each once however links lead.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        let canonical = std::fs::canonicalize(path).ok()?;
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        canonical.hash(&mut h);
        Some((0, h.finish()))
    }
}

fn walk(
    dir: &Path,
    rel: &str,
    site: &Site,
    seen: &mut HashSet<(u64, u64)>,
    files: &mut Vec<ListedFile>,
) {
    let Some(id) = identity(dir) else { return };
    if !seen.insert(id) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        let path = entry.path();
        let child = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        // Links are followed; one that leads nowhere is left out. The
        // kind of anything else is known from the folder's listing.
        let (is_dir, is_file) = match entry.file_type() {
            Ok(t) if !t.is_symlink() => (t.is_dir(), t.is_file()),
            _ => match std::fs::metadata(&path) {
                Ok(meta) => (meta.is_dir(), meta.is_file()),
                Err(_) => continue,
            },
        };
        if is_dir {
            if enters(&child, site) {
                walk(&path, &child, site, seen, files);
            }
        } else if is_file {
            // A post is a post (and a draft a draft) with or without front
            // matter: those, thousands in a site, are not opened.
            let posts = child
                .split('/')
                .rev()
                .skip(1)
                .any(|p| p == "_posts" || p == "_drafts");
            files.push(ListedFile {
                front_matter: !posts && opens_front_matter(&path),
                rel: child,
            });
        }
    }
    seen.remove(&id);
}

/// Whether the regular file at `path` starts with a front matter line;
/// `false` when it cannot be read.
pub fn opens_front_matter(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(64);
    if file.take(FIRST_LINE).read_to_end(&mut head).is_err() {
        return false;
    }
    let line = match memchr::memchr(b'\n', &head) {
        Some(end) => &head[..=end],
        None => &head[..],
    };
    has_yaml_header(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_a_site_and_survives_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (rel, text) in [
            ("index.md", "---\ntitle: a\n---\n"),
            ("assets/a.css", "body {}\n"),
            ("_posts/2020-01-01-a.md", "---\nx: 1\n---\n"),
            ("notes.md", "---  \r\nx: 1\n---\n"),
            ("node_modules/x/index.js", "x\n"),
            (".git/config", "x\n"),
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("assets/loop")).unwrap();
        let listing = list(root, &Site::default());
        let got: Vec<(&str, bool)> = listing
            .files
            .iter()
            .map(|f| (f.rel.as_str(), f.front_matter))
            .collect();
        assert_eq!(
            got,
            [
                // A post is not opened: its kind does not depend on it.
                ("_posts/2020-01-01-a.md", false),
                ("assets/a.css", false),
                ("index.md", true),
                // `---`, spaces and CRLF open front matter too.
                ("notes.md", true),
            ]
        );
    }
}
