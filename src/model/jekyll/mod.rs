//! What Jekyll makes of a post: what its path means ([`path`]), the site
//! it belongs to ([`site`]), its URL ([`permalink`]) and the file it is
//! written to ([`output`]).

pub mod output;
pub mod path;
pub mod permalink;
pub mod site;
pub mod site_files;
