//! What Jekyll derives from a post's path: the date and slug of a
//! `_posts/YYYY-MM-DD-slug.ext` file name, and its URL slug.

use std::path::{Component, Path};

use jiff::civil::Date;

use crate::model::front_matter::block::{Entry, FrontMatter};

/// Whether `path` is inside a `_posts` folder, where Jekyll needs dated names.
pub fn in_posts(path: &Path) -> bool {
    in_folder(path, "_posts")
}

/// Whether a folder above the file `path` is called `name`.
fn in_folder(path: &Path, name: &str) -> bool {
    if let Some((parent, _)) = split_plainly(path) {
        return parent.split(|&b| b == b'/').any(|c| c == name.as_bytes());
    }
    path.parent().is_some_and(|p| {
        p.components()
            .any(|c| c == Component::Normal(name.as_ref()))
    })
}

/// `path`'s file name, as text: [`Path::file_name`], without taking the
/// whole path apart in the usual case.
pub fn file_name(path: &Path) -> Option<&str> {
    match split_plainly(path) {
        // Checked with SIMD: post names are long, and often not ASCII.
        Some((_, name)) => simdutf8::basic::from_utf8(name).ok(),
        None => path.file_name()?.to_str(),
    }
}

/// The bytes of `path`'s folder, when [`Path::parent`] is plainly what
/// comes before its last `/` (see `split_plainly`).
pub fn parent_bytes(path: &Path) -> Option<&[u8]> {
    let (parent, _) = split_plainly(path)?;
    // `/x` has the folder `/`; `a//x`, `a/./x` and the like are put
    // together again by `Path::parent`.
    let plain = if parent.is_empty() {
        !path.as_os_str().as_encoded_bytes().starts_with(b"/")
    } else {
        parent
            .split(|&b| b == b'/')
            .enumerate()
            .all(|(i, c)| i == 0 || (!c.is_empty() && c != b"."))
    };
    plain.then_some(parent)
}

/// [`Path::parent`], found by [`parent_bytes`] when the path is plain.
pub fn parent(path: &Path) -> Option<&Path> {
    match parent_bytes(path).and_then(path_of) {
        Some(parent) => Some(parent),
        None => path.parent(),
    }
}

/// The path whose bytes are `bytes` (taken from a path's own bytes); on
/// Unix only, where a path is its bytes.
pub fn path_of(bytes: &[u8]) -> Option<&Path> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(Path::new(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        let _ = bytes;
        None
    }
}

/// `path` split at its last `/`, into the bytes before it (empty when
/// there is none) and its file name, when that split is what
/// [`Path::parent`] and [`Path::file_name`] give: on Unix, for a path that
/// does not end in `/`, `/.` or `/..`. The long file names of posts make
/// taking paths apart component by component cost more than the search
/// for one byte.
fn split_plainly(path: &Path) -> Option<(&[u8], &[u8])> {
    if !cfg!(unix) {
        return None;
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let (parent, name) = match memchr::memrchr(b'/', bytes) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (&b""[..], bytes),
    };
    (!name.is_empty() && name != b"." && name != b"..").then_some((parent, name))
}

/// Whether `path` is a file in `_posts` that Jekyll does not read as a
/// post, because its name is not `YYYY-MM-DD-slug.ext`: Jekyll skips it
/// (it neither publishes it nor copies it, since `_posts` is not copied),
/// though `{% include_relative %}` may still read it.
pub fn skipped_in_posts(path: &Path) -> bool {
    in_posts(path) && file_name(path).is_none_or(|n| post_name(n).is_none())
}

/// Whether a file named `name` that Jekyll skips in `_posts` is kept there
/// on purpose, not a post misnamed: a `README` or `LICENSE`, a template for
/// new posts (`template.md`, `post-template.md`), or a name Jekyll always
/// hides (a leading `_`, `.` or `#`, or a trailing `~`), the usual way to
/// keep a post back.
pub fn kept_beside_posts(name: &str) -> bool {
    if name.starts_with(['_', '.', '#']) || name.ends_with('~') {
        return true;
    }
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(stem.as_str(), "readme" | "license" | "licence") || stem.contains("template")
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
    in_folder(path, "_drafts")
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

/// The date a post's name starts with, as Jekyll's pattern reads it: 2 to
/// 4 digits, `-`, 1 or 2 digits, `-`, 1 or 2 digits, `-`. The three numbers,
/// and where the rest of the name starts.
pub fn date_prefix(name: &[u8]) -> Option<([i16; 3], usize)> {
    let mut numbers = [0i16; 3];
    let mut at = 0;
    for (number, (min, max)) in numbers.iter_mut().zip([(2, 4), (1, 2), (1, 2)]) {
        let digits = (name.get(at..)?.iter())
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(min..=max).contains(&digits) || name.get(at + digits) != Some(&b'-') {
            return None;
        }
        *number = (name[at..at + digits].iter()).fold(0, |n, b| n * 10 + i16::from(b - b'0'));
        at += digits + 1;
    }
    Some((numbers, at))
}

/// Split a file name as Jekyll does: `\d{2,4}-\d{1,2}-\d{1,2}-`, a slug
/// (possibly empty), and an extension `.[^.]+`. `None` when it does not match.
pub fn post_name(name: &str) -> Option<PostName<'_>> {
    let dot = memchr::memrchr(b'.', name.as_bytes())?;
    if name.len() - dot < 2 {
        return None;
    }
    let stem = &name.as_bytes()[..dot];
    let ([y, m, d], at) = date_prefix(stem)?;
    // Month and day have two digits at most.
    let date = Date::new(y, m as i8, d as i8).ok();
    Some(PostName {
        date_text: &name[..at - 1],
        date,
        slug: &name[at..dot],
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

/// `path` without `.` and with each `..` taking off the name before it, as
/// the user reads a path, not as links resolve it.
pub fn lexical(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_kept_beside_posts_on_purpose() {
        for name in [
            "README.md",
            "readme.markdown",
            "LICENSE",
            "template.md",
            "post-template.md",
            "_2020-01-01-held-back.md",
            ".notes.md",
            "2020-01-01-a.md~",
        ] {
            assert!(kept_beside_posts(name), "{name}");
        }
        for name in ["bridge-reopens.md", "03-01-tides.md", "2020-13-01-a.md"] {
            assert!(!kept_beside_posts(name), "{name}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Splitting at the last `/` agrees with taking the path apart.
        #[test]
        fn plain_splits_agree_with_components(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "_posts", "_drafts", "a", "", ".", "..", "2022-01-01-王毅.md", "x.md",
                    "_posts.md", "./_posts", "é",
                ]),
                0..6,
            ),
            lead in proptest::bool::ANY,
        ) {
            let text = format!("{}{}", if lead { "/" } else { "" }, parts.join("/"));
            let path = Path::new(&text);
            let slow_in = |name: &str| path.parent().is_some_and(|p| {
                p.components().any(|c| c == Component::Normal(name.as_ref()))
            });
            proptest::prop_assert_eq!(in_posts(path), slow_in("_posts"), "{:?}", text);
            proptest::prop_assert_eq!(in_drafts(path), slow_in("_drafts"), "{:?}", text);
            if let Some(parent) = parent_bytes(path) {
                let slow = path.parent().map(|p| p.as_os_str().as_encoded_bytes());
                proptest::prop_assert_eq!(Some(parent), slow, "{:?}", text);
            }
            proptest::prop_assert_eq!(parent(path), path.parent(), "{:?}", text);
            proptest::prop_assert_eq!(
                file_name(path),
                path.file_name().and_then(|n| n.to_str()),
                "{:?}", text
            );
        }
    }

    /// [`post_name`] as it splits by strings: what the byte form must agree
    /// with.
    fn plain_post_name(name: &str) -> Option<PostName<'_>> {
        let dot = name.rfind('.')?;
        let (stem, ext) = name.split_at(dot);
        if ext.len() < 2 {
            return None;
        }
        let mut parts = stem.splitn(4, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let slug = parts.next()?;
        let digits = |s: &str, min, max| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn names_split_by_bytes_as_by_strings(
            fields in proptest::collection::vec(
                proptest::sample::select(vec![
                    "2022", "22", "20222", "0", "1", "01", "12", "31", "002", "x", "王", "", "02",
                    "29", "9999", "2a",
                ]),
                3,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec!["-", "--", "", ".", "_"]),
                3,
            ),
            rest in proptest::sample::select(vec![
                "slug.md", ".md", "a.b.html", "x.", ".", "", "-y.md", "王.md", "md", "a-b.x",
            ]),
        ) {
            let name = format!(
                "{}{}{}{}{}{}{rest}",
                fields[0], seps[0], fields[1], seps[1], fields[2], seps[2]
            );
            proptest::prop_assert_eq!(post_name(&name), plain_post_name(&name), "{:?}", name);
        }
    }

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
