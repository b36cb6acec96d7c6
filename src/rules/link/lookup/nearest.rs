//! The nearest of a few names to one that is not there, for a help line:
//! a renamed post or a mistyped include is usually a few edits away.

/// At most this many edits make a name near enough to offer.
const MAX_EDITS: usize = 4;

/// The candidate nearest to `missing` by edit distance, when it is near
/// enough to be the one meant: at most a third of `missing`, and at most
/// [`MAX_EDITS`], differs. Ties go to the first in order of the text.
///
/// A site has thousands of URLs: each candidate is measured only within a
/// band of the edits still worth having, and left as soon as it needs
/// more.
pub fn nearest<'a>(
    missing: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let a: Vec<char> = missing.chars().collect();
    let limit = (a.len() / 3).clamp(1, MAX_EDITS);
    let mut best: Option<(usize, &str)> = None;
    let mut b = Vec::new();
    let mut rows = (Vec::new(), Vec::new());
    for c in candidates {
        if c == missing {
            continue;
        }
        let bound = best.map_or(limit, |(d, _)| d);
        b.clear();
        b.extend(c.chars());
        if let Some(d) = within(&a, &b, bound, &mut rows)
            && best.is_none_or(|(bd, bc)| (d, c) < (bd, bc))
        {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The edit distance of `a` and `b` when it is at most `k`, with `rows`
/// the two rows of the table, kept from call to call.
fn within(a: &[char], b: &[char], k: usize, rows: &mut (Vec<usize>, Vec<usize>)) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    // What both start and end with costs no edit: URLs of one site share
    // most of theirs.
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    if a.is_empty() || b.is_empty() {
        return Some(a.len().max(b.len())).filter(|d| *d <= k);
    }
    let big = usize::MAX / 2;
    // One row of the table at a time, only the cells within `k` of the
    // diagonal.
    let (prev, row) = rows;
    prev.clear();
    prev.extend((0..=b.len()).map(|j| if j <= k { j } else { big }));
    row.clear();
    row.resize(b.len() + 1, big);
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        row.fill(big);
        if i <= k {
            row[0] = i;
        }
        let mut least = row[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let d = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            row[j] = d;
            least = least.min(d);
        }
        if least > k {
            return None;
        }
        std::mem::swap(prev, row);
    }
    Some(prev[b.len()]).filter(|d| *d <= k)
}

#[cfg(test)]
mod tests {
    use super::{nearest, within};

    #[test]
    fn the_nearest_close_name_is_offered() {
        let urls = ["/2020/01/02/bridge/", "/about/", "/2020/01/01/harbour/"];
        assert_eq!(
            nearest("/2020/01/01/bridge/", urls),
            Some("/2020/01/02/bridge/")
        );
        assert_eq!(nearest("/contact/", urls), None);
    }

    #[test]
    fn the_banded_distance_is_the_distance() {
        let names = [
            "/2020/01/02/bridge/",
            "/2020/01/02/bridges/",
            "/2020/01/20/bridge/",
            "/a/",
            "/港口/",
            "/港口/桥/",
            "/über/",
            "/uber/",
            "/2020/01/02/brigde/",
            "",
            "ab",
            "ba",
        ];
        for a in names {
            for b in names {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let d = strsim::levenshtein(a, b);
                for k in 0..8 {
                    let want = (d <= k).then_some(d);
                    let mut rows = (Vec::new(), Vec::new());
                    assert_eq!(within(&ca, &cb, k, &mut rows), want, "{a:?} {b:?} {k}");
                }
            }
        }
    }
}
