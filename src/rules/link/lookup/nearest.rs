//! The nearest of a few names to one that is not there, for a help line:
//! a renamed post or a mistyped include is usually a few edits away.

/// The candidate nearest to `missing` by edit distance, when it is near
/// enough to be the one meant: at most a third of `missing` differs.
pub fn nearest<'a>(
    missing: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (missing.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != missing)
        .map(|c| (strsim::levenshtein(missing, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn the_nearest_close_name_is_offered() {
        let urls = ["/2020/01/02/bridge/", "/about/", "/2020/01/01/harbour/"];
        assert_eq!(
            nearest("/2020/01/01/bridge/", urls),
            Some("/2020/01/02/bridge/")
        );
        assert_eq!(nearest("/contact/", urls), None);
    }
}
