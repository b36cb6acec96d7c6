//! Tags in links: the tag link URL patterns and strict percent-decoding
//! ([`pattern`]), the anchors that point at a tag by those patterns
//! ([`link`]), and links to the site's own tag pages ([`site_page`]).

pub mod link;
pub mod pattern;
pub mod site_page;
