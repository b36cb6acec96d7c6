//! The `jekyll` family: what Jekyll does with a post (its file name, date,
//! URL and publication).

// The family's rule files; the `rules!` table below lists them in the
// order they run.
pub mod date_mismatch;
pub mod duplicate_url;
pub mod empty_slug;
pub mod filename;
pub mod future_date;
pub mod liquid;
pub mod unpublished;
pub mod url_case_conflict;

rules! {
    "jekyll-filename" => post filename,
    "jekyll-date-mismatch" => post date_mismatch,
    "jekyll-empty-slug" => post empty_slug,
    "jekyll-future-date" => post future_date,
    "jekyll-liquid" => post liquid,
    "jekyll-unpublished" => post unpublished,
    "jekyll-duplicate-url" => repo duplicate_url,
    "jekyll-url-case-conflict" => repo url_case_conflict,
}
