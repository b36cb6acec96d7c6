//! What Jekyll derives from a post's path: the date and slug of a
//! `_posts/YYYY-MM-DD-slug.ext` file name, and its URL slug.

use std::path::{Component, Path};

use jiff::civil::Date;

use super::{Entry, FrontMatter};

/// Whether `path` is inside a `_posts` folder, where Jekyll needs dated names.
pub fn in_posts(path: &Path) -> bool {
    path.parent().is_some_and(|p| {
        p.components()
            .any(|c| c == Component::Normal("_posts".as_ref()))
    })
}

/// Whether `path` is a file in `_posts` that Jekyll does not read as a
/// post, because its name is not `YYYY-MM-DD-slug.ext`: Jekyll skips it
/// (it neither publishes it nor copies it, since `_posts` is not copied),
/// though `{% include_relative %}` may still read it.
pub fn skipped_in_posts(path: &Path) -> bool {
    in_posts(path)
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| post_name(n).is_none())
}

/// Whether `path` is in a folder below `_posts`, not directly in it.
pub fn below_posts(path: &Path) -> bool {
    in_posts(path)
        && path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n != "_posts")
}

/// Whether `path` is inside a `_drafts` folder.
pub fn in_drafts(path: &Path) -> bool {
    path.parent().is_some_and(|p| {
        p.components()
            .any(|c| c == Component::Normal("_drafts".as_ref()))
    })
}

/// A `_posts` file name as Jekyll's `DATE_FILENAME_MATCHER` splits it.
#[derive(Debug, PartialEq)]
pub struct PostName<'a> {
    /// `YYYY-MM-DD` as written.
    pub date_text: &'a str,
    /// The date, or `None` when it is not on the calendar.
    pub date: Option<Date>,
    /// Everything between the date's `-` and the extension; may be empty.
    pub slug: &'a str,
}

/// Split a file name as Jekyll does: `\d{2,4}-\d{1,2}-\d{1,2}-`, a slug
/// (possibly empty), and an extension `.[^.]+`. `None` when it does not match.
pub fn post_name(name: &str) -> Option<PostName<'_>> {
    let dot = name.rfind('.')?;
    let (stem, ext) = name.split_at(dot);
    if ext.len() < 2 {
        return None;
    }
    let mut parts = stem.splitn(4, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let slug = parts.next()?;
    let digits =
        |s: &str, min, max| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 2, 4) && digits(m, 1, 2) && digits(d, 1, 2)) {
        return None;
    }
    let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    Some(PostName {
        date_text: &stem[..y.len() + m.len() + d.len() + 2],
        date,
        slug,
    })
}

/// What Jekyll's `:title` is made from: the front matter `slug` when it is
/// a non-empty string (with its entry), else the file name's slug.
pub fn written_slug<'a>(
    front_matter: &'a FrontMatter,
    name: &PostName<'a>,
) -> (&'a str, Option<&'a Entry>) {
    match front_matter.get("slug") {
        Some(entry) if entry.value.as_str().is_some_and(|s| !s.is_empty()) => {
            (entry.value.as_str().unwrap_or_default(), Some(entry))
        }
        _ => (name.slug, None),
    }
}

/// Jekyll's `Utils.slugify(s, mode: "pretty", cased: true)`, the `:title`
/// of a URL: see [`super::permalink::slugify`].
pub fn slugify_pretty(s: &str) -> String {
    super::permalink::slugify(s, true, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let n = post_name("2022-10-31-bridge-reopens.md").unwrap();
        assert_eq!((n.date_text, n.slug), ("2022-10-31", "bridge-reopens"));
        assert!(n.date.is_some());
        let n = post_name("2019-10-14-.md").unwrap();
        assert_eq!(n.slug, "");
        let n = post_name("2022-2-3-v1.2 notes.html").unwrap();
        assert_eq!((n.date_text, n.slug), ("2022-2-3", "v1.2 notes"));
        assert!(post_name("2022-02-30-x.md").unwrap().date.is_none());
        for bad in [
            "bridge.md",
            "2022-10-31.md",
            "2022-10-31-x",
            "20221031-x.md",
            "2022-10-x-y.md",
        ] {
            assert_eq!(post_name(bad), None, "{bad}");
        }
        assert!(in_posts(Path::new("site/_posts/2022/a.md")));
        assert!(!in_posts(Path::new("site/_drafts/a.md")));
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify_pretty("Bridge reopens!"), "Bridge-reopens!");
        assert_eq!(slugify_pretty("  王毅 访问 "), "王毅-访问");
        assert_eq!(slugify_pretty("a/b?c"), "a-b-c");
        assert_eq!(slugify_pretty("???"), "");
    }
}
