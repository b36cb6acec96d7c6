//! The Jekyll site a post belongs to: the nearest `_config.yml` above it,
//! and the settings postlint follows from it. Read in the I/O layer; the
//! pure core sees them as a [`Site`] value.

use std::path::Path;

use jiff::tz::TimeZone;

pub use crate::model::site::Site;
use crate::model::yaml::{self, NodeKind};

/// Read the settings from the text of a `_config.yml`. Text that is not
/// a YAML mapping gives the defaults: Jekyll reports it itself.
pub fn parse(text: &str) -> Site {
    let Ok(Some(root)) = yaml::parse(text, 0) else {
        return Site::default();
    };
    let NodeKind::Mapping(entries) = root.kind else {
        return Site::default();
    };
    let mut site = Site::default();
    let mut collection_permalink = None;
    for (key, value) in &entries {
        if key.as_str() == Some("timezone") {
            // Ruby, and so Jekyll, falls back to UTC for a zone it does
            // not know; so does this.
            site.timezone = value
                .as_str()
                .and_then(|name| TimeZone::get(name).ok())
                .unwrap_or(TimeZone::UTC);
        }
        if key.as_str() == Some("permalink") {
            site.permalink = value.as_str().map(str::to_string);
        }
        if key.as_str() == Some("collections") {
            collection_permalink = entry(value, "posts")
                .and_then(|posts| entry(posts, "permalink"))
                .and_then(|p| p.as_str())
                .map(str::to_string);
        }
        if key.as_str() == Some("future") {
            site.future = value.scalar() == Some(&crate::model::scalar::Scalar::Bool(true));
        }
    }
    // `collections: { posts: { permalink: ... } }` wins over the site's
    // `permalink` for posts, as in Jekyll.
    if collection_permalink.is_some() {
        site.permalink = collection_permalink;
    }
    site
}

/// The site of the posts in `dir`: the nearest `_config.yml` in it or
/// above; the defaults when there is none.
pub fn find(dir: &Path) -> Site {
    let found = dir
        .ancestors()
        .map(|d| d.join("_config.yml"))
        .find(|f| f.is_file());
    found
        .as_ref()
        .and_then(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            Some(Site {
                root: f.parent().map(Path::to_path_buf),
                ..parse(&text)
            })
        })
        .unwrap_or_default()
}

/// The value of `key` in a YAML mapping.
fn entry<'n>(node: &'n yaml::Node, key: &str) -> Option<&'n yaml::Node> {
    let NodeKind::Mapping(entries) = &node.kind else {
        return None;
    };
    entries
        .iter()
        .rev()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_timezone() {
        let site = parse("title: News\ntimezone: Asia/Shanghai\n");
        assert_eq!(site.timezone.iana_name(), Some("Asia/Shanghai"));
        assert_eq!(parse("timezone: Not/AZone\n").timezone, TimeZone::UTC);
        assert_eq!(parse("- a list\n"), Site::default());
        assert_eq!(parse(": : :\n"), Site::default());
        assert!(parse("future: true\n").future);
        assert!(!parse("future: \"true\"\n").future);
        assert!(!parse("title: x\n").future);
        assert_eq!(
            parse("permalink: pretty\n").permalink.as_deref(),
            Some("pretty")
        );
        for text in [
            "permalink: pretty\ncollections:\n  posts:\n    permalink: /p/:title/\n",
            "collections:\n  posts:\n    permalink: /p/:title/\npermalink: pretty\n",
        ] {
            assert_eq!(
                parse(text).permalink.as_deref(),
                Some("/p/:title/"),
                "{text}"
            );
        }
        assert_eq!(
            parse("collections:\n  posts:\n    output: true\npermalink: none\n")
                .permalink
                .as_deref(),
            Some("none")
        );
    }
}
