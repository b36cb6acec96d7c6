//! Where a browser takes a reference's URL, against the URL of the page it
//! is on ([`resolve`]): outside the site, nowhere to check, or a path below
//! the site's baseurl, computed as Jekyll's link oracle does.

use super::host::looks_like_host;
use super::reference::Prefix;

/// What postlint knows of the site's own URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteUrl {
    /// The host of the site's `url` (`example.com`), if it has one.
    pub host: Option<String>,
    /// The site's `baseurl`: `""` or `/blog` (a trailing `/` is ignored).
    pub baseurl: String,
}

/// Where a URL leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Another site.
    External,
    /// Nothing to check: `mailto:`, `tel:`, `javascript:`, `data:`, only a
    /// `#fragment` or `?query`, or empty.
    Skipped,
    /// No scheme, and its first segment looks like a host name
    /// (`www.example.com/guide`): a browser takes it as a relative path.
    NoScheme { host: String },
    /// A page of the site.
    Internal {
        /// The path below the baseurl, percent-decoded (`+` kept), without
        /// query or fragment; always starts with `/`.
        path: String,
        /// The fragment, as written, without `#`.
        fragment: Option<String>,
        /// The site has a baseurl and the link is root-relative without it:
        /// it works when served locally, and breaks once deployed.
        missing_baseurl: bool,
    },
}

/// Resolve `url` (written with `prefix`) as a browser does on the page
/// whose URL (below the baseurl, as Jekyll's `page.url`) is `page_url`.
///
/// Relative paths are joined with the page's URL and their dot segments
/// removed (RFC 3986), as are root-relative ones; an absolute URL whose
/// host is the site's is internal. This is the `target` of Jekyll's link
/// oracle (`jekyll-oracle.rb --links`), except where a browser goes
/// elsewhere than it says: the dot segments of a root-relative path are
/// removed too (`/a/../b` is `/b`), a protocol-relative URL of the site's
/// host (`//example.com/x`) is internal, and one with no path at all
/// (`https://example.com`) leads to `/` (the oracle leaves both out). As
/// in the oracle, a relative path is joined with the page's URL below the
/// baseurl, so `..` never climbs above it.
pub fn resolve(url: &str, prefix: Prefix, page_url: &str, site: &SiteUrl) -> Target {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
    let base = baseurl(&site.baseurl);
    if prefix.below_baseurl() {
        let (path, fragment) = split(url);
        let path = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        };
        return internal(&remove_dot_segments(&path), fragment, false, "");
    }
    if url.is_empty() || url.starts_with(['#', '?']) {
        return Target::Skipped;
    }
    let rooted;
    let url = if prefix == Prefix::Url && !url.starts_with('/') {
        rooted = format!("/{url}");
        rooted.as_str()
    } else {
        url
    };
    // `www.example.com:8080/x` reads as the scheme `www.example.com`.
    let first = url.split(['/', '?', '#']).next().unwrap_or_default();
    if first.contains('.') && looks_like_host(first) {
        return Target::NoScheme {
            host: first.to_string(),
        };
    }
    if let Some(colon) = scheme_end(url) {
        let scheme = url[..colon].to_ascii_lowercase();
        return match scheme.as_str() {
            "mailto" | "tel" | "javascript" | "data" => Target::Skipped,
            "http" | "https" => match url[colon + 1..].strip_prefix("//") {
                Some(rest) => own_host(rest, site, &base),
                None => Target::External,
            },
            _ => Target::External,
        };
    }
    if let Some(rest) = url.strip_prefix("//") {
        return own_host(rest, site, &base);
    }
    let (path, fragment) = split(url);
    if path.is_empty() {
        return Target::Skipped;
    }
    if !path.starts_with('/') {
        let dir = page_url.split(['?', '#']).next().unwrap_or_default();
        let dir = &dir[..dir.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.starts_with('/') { dir } else { "/" };
        let joined = remove_dot_segments(&format!("{dir}{path}"));
        return internal(&joined, fragment, false, &base);
    }
    rooted_path(path, fragment, &base)
}

/// A root-relative path: below the baseurl when it starts with it, else
/// missing it (when the site has one).
fn rooted_path(path: &str, fragment: Option<&str>, base: &str) -> Target {
    let resolved = remove_dot_segments(path);
    let under = base.is_empty()
        || resolved == base
        || resolved
            .strip_prefix(base)
            .is_some_and(|r| r.starts_with('/'));
    internal(&resolved, fragment, !under, base)
}

/// The part after `//` of an absolute URL: internal when its host is the
/// site's.
fn own_host(rest: &str, site: &SiteUrl, base: &str) -> Target {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let ours = site
        .host
        .as_deref()
        .is_some_and(|h| !h.is_empty() && h.eq_ignore_ascii_case(host));
    if !ours {
        return Target::External;
    }
    let (path, fragment) = split(&rest[end..]);
    let path = if path.is_empty() { "/" } else { path };
    rooted_path(path, fragment, base)
}

/// The site's baseurl as a prefix: no trailing `/`, one leading `/`.
fn baseurl(b: &str) -> String {
    let b = b.trim().trim_end_matches('/');
    if b.is_empty() || b.starts_with('/') {
        b.to_string()
    } else {
        format!("/{b}")
    }
}

/// Where a URL's scheme ends (its `:`), when it has one.
fn scheme_end(url: &str) -> Option<usize> {
    let b = url.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let n = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))?;
    (b[n] == b':').then_some(n)
}

/// A URL's path and fragment (the query dropped).
fn split(url: &str) -> (&str, Option<&str>) {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    (rest.split('?').next().unwrap_or_default(), fragment)
}

/// The target of a resolved path: below the baseurl, decoded.
fn internal(resolved: &str, fragment: Option<&str>, missing: bool, base: &str) -> Target {
    let mut path = resolved;
    if !base.is_empty()
        && !missing
        && let Some(rest) = path.strip_prefix(base)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        path = rest;
    }
    let path = if path.is_empty() { "/" } else { path };
    Target::Internal {
        path: decode(path),
        fragment: fragment.map(str::to_string),
        missing_baseurl: missing,
    }
}

/// Percent-decode a path, `+` kept; left as it is when a `%` is not
/// followed by two hex digits (as Ruby's decoder refuses it whole).
fn decode(path: &str) -> String {
    let b = path.as_bytes();
    let valid = b.iter().enumerate().all(|(i, &c)| {
        c != b'%'
            || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if !valid {
        return path.to_string();
    }
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

/// RFC 3986's `remove_dot_segments`.
pub(super) fn remove_dot_segments(path: &str) -> String {
    // Most paths have no dot segment: nothing to take out.
    if !path.contains("/.") && !path.starts_with('.') {
        return path.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        match *s {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            _ => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}
