//! The `jekyll` family: what Jekyll does with a post (its file name, date,
//! URL and publication).

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
