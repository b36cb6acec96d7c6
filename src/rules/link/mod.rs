//! The `link` family: every link, image, Liquid tag and layout a post or
//! page names, looked up among the files the site has and the files
//! Jekyll writes, before any build.

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod broken;
pub mod broken_fragment;
pub mod broken_tag;
/// What the whole-repository rules of the family share: finding the
/// references nothing answers to, and the nearest name to offer.
pub mod lookup;
pub mod missing_baseurl;
pub mod no_scheme;
pub mod unknown_layout;

rules! {
    "link-missing-baseurl" => post missing_baseurl,
    "link-no-scheme" => post no_scheme,
    "link-broken" => repo broken,
    "link-broken-tag" => repo broken_tag,
    "link-unknown-layout" => repo unknown_layout,
    "link-broken-fragment" => repo broken_fragment,
}
