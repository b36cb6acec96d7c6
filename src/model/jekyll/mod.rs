//! What Jekyll makes of a post: what its path means ([`path`]), the site
//! it belongs to ([`site`]), its URL ([`permalink`]) and the file it is
//! written to ([`output`]).

pub mod output;
pub mod path;
pub mod permalink;
pub mod site;

/// Placeholder until the site model lands: where Jekyll writes a page.
pub fn page_place(
    rel: &str,
    post: &crate::model::post::Post,
    site: &site::Site,
) -> Option<permalink::UrlAndFile> {
    let _ = (rel, post, site);
    None
}
