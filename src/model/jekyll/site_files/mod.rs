//! What Jekyll makes of every file of a site: its kind ([`kind`]), and
//! for those it writes, its URL and output file ([`page`], [`document`],
//! [`static_file`], made by [`dest`]'s rules), all of it at once in
//! [`place`]. The files come as a [`Listing`], read by the caller: nothing
//! here reads a file.

pub mod dest;
pub mod document;
pub mod filter;
pub mod kind;
pub mod listing;
pub mod page;
pub mod place;
pub mod static_file;

pub use kind::{FileKind, classify};

/// A file of a site, as the walk found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedFile {
    /// The path from the site's folder, with `/` between its parts.
    pub rel: String,
    /// Whether it starts with a front matter line as Jekyll tests it
    /// (`Utils.has_yaml_header?`): `---`, optional white space, a newline.
    /// Not read (`false`) for the files of `_posts` and `_drafts`, whose
    /// kind does not depend on it.
    pub front_matter: bool,
}

/// Every file of a site the walk found, sorted by path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub files: Vec<ListedFile>,
}

impl Listing {
    /// The listed file at `rel`, when there is one.
    pub fn get(&self, rel: &str) -> Option<&ListedFile> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.files[i])
    }
}

/// `Utils.has_yaml_header?` of a file's first line (up to and with its
/// newline): `---`, then any white space, then a newline.
pub fn has_yaml_header(first_line: &[u8]) -> bool {
    let Some(rest) = first_line.strip_prefix(b"---") else {
        return false;
    };
    // `\s*\r?\n`: white space (the newline among it) ending in a newline.
    rest.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b) && rest.contains(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_header_as_jekyll_tests_it() {
        assert!(has_yaml_header(b"---\n"));
        assert!(has_yaml_header(b"---  \r\n"));
        assert!(has_yaml_header(b"--- \t\n"));
        assert!(!has_yaml_header(b"---"));
        assert!(!has_yaml_header(b"----\n"));
        assert!(!has_yaml_header(b"--- x\n"));
        assert!(!has_yaml_header(b"\xef\xbb\xbf---\n"));
        assert!(!has_yaml_header(b""));
    }
}
