//! Every reference of a post's body to another file of the site: Markdown
//! links, images and reference definitions, autolinks, HTML `href`, `src`
//! and `srcset` attributes, and the Liquid tags that name a file
//! (`post_url`, `link`, `include`, `include_relative`), each with its byte
//! span ([`reference`]); and where a browser takes a link's URL, against
//! the URL of the page it is on ([`resolve`]).

mod definition;
mod find;
pub mod host;
mod html;
pub mod ids;
mod liquid;
mod markdown;
mod prefix;
pub mod reference;
pub mod resolve;
mod skip;
mod spans;
#[cfg(test)]
mod tests;

pub use find::find;
pub use host::FILE_EXTENSIONS;
pub use reference::{Prefix, RefKind, Reference};
pub use resolve::{SiteUrl, Target, resolve};
