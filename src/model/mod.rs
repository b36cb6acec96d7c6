//! The parsed post: everything rules read, with byte spans, built once
//! ([`Post`]), and what Jekyll makes of it.

pub mod body;
pub mod date;
pub mod front_matter;
pub mod jekyll;
pub mod link;
pub mod post;
pub mod schema;
pub mod schema_infer;
pub mod simple_yaml;
pub mod summary;
pub mod suppress;
pub mod tag;
pub mod text;
pub mod yaml;
pub mod yaml_tree;

pub use body::anchors::{Anchor, AnchorKind};
pub use body::opening::{HeaderLink, TimestampComment};
pub use front_matter::block::{Block, Entry, FrontMatter};
pub use post::{ParseOptions, Post};
