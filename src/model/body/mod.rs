//! The post's body: its fixed opening (the timestamp comment and the header
//! link, [`opening`]), the timestamp comment's instant ([`timestamp`]), its
//! links ([`anchors`]), and the HTML character references in them
//! ([`entities`]).

pub mod anchors;
pub mod entities;
pub mod opening;
pub mod timestamp;
