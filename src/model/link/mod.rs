//! References a post makes to other files of its site (placeholder).
pub mod reference;
pub mod resolve;
pub use reference::{Prefix, RefKind, Reference};
pub use resolve::{SiteUrl, Target, resolve};
