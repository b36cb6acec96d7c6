//! A reference of a file as the `link` rules look it up: what it names
//! ([`LinkKind`]), and the keys any one of which makes it found
//! ([`FileLink`]).

use std::ops::Range;

/// What a reference names, and so which rule judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkKind {
    /// A link or image to a page of the site: found when Jekyll writes a
    /// file there.
    Link,
    /// `{% post_url %}`: found when the site has that post.
    PostUrl,
    /// `{% link %}`: found when the site has that file.
    LinkTag,
    /// `{% include %}`: found in `_includes`.
    Include,
    /// `{% include_relative %}`: found beside the file.
    IncludeRelative,
    /// `layout:`: found in `_layouts`.
    Layout,
    /// The fragment of a link (`#section`): found when the page it points
    /// at has that id.
    Fragment,
}

impl LinkKind {
    /// Whether a missing target stops `jekyll build`.
    pub fn stops_the_build(self) -> bool {
        matches!(
            self,
            LinkKind::PostUrl | LinkKind::LinkTag | LinkKind::Include | LinkKind::IncludeRelative
        )
    }

    /// The Liquid tag, for the ones that are tags.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            LinkKind::PostUrl => Some("post_url"),
            LinkKind::LinkTag => Some("link"),
            LinkKind::Include => Some("include"),
            LinkKind::IncludeRelative => Some("include_relative"),
            LinkKind::Link | LinkKind::Layout | LinkKind::Fragment => None,
        }
    }
}

/// One reference to look up, strings and all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLink {
    pub kind: LinkKind,
    /// What it points at, as messages show it: the path below the site's
    /// `baseurl` for a link, the argument for a tag, the layout's name.
    pub target: String,
    /// The hashes of its keys, any one of which makes it found.
    pub keys: Vec<u64>,
    /// Where it is written.
    pub span: Range<usize>,
    /// The hashes of the keys of what must exist for the reference to be
    /// judged, any one of them: for a fragment, the page it is on; for a
    /// link, the first folder of its path (see
    /// [`SiteOutputs::project_sites`](super::site_outputs::SiteOutputs::project_sites)).
    pub scope: Vec<u64>,
}
