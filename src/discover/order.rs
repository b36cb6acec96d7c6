//! The order of the files found: that of [`Path`]s, component by
//! component, with a fast way for paths of plain names.

use std::path::{Component, Path, PathBuf};

/// `paths` in the order of [`Path`]s (component by component), without
/// repeats. Each path is taken apart once, not at every comparison.
pub(super) fn sorted(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if let Some(skip) = plain_paths(&paths) {
        // Plain paths are in the order of their bytes, a `/` below every
        // other byte: sorted without taking each apart.
        fn key(p: &Path, skip: usize) -> &[u8] {
            &p.as_os_str().as_encoded_bytes()[skip..]
        }
        if paths.is_sorted_by(|a, b| plain_order(key(a, skip), key(b, skip)).is_le()) {
            let mut paths = paths;
            // Plain paths are equal when their bytes are.
            paths.dedup_by(|a, b| key(a, skip) == key(b, skip));
            return paths;
        }
        // Equal plain paths are equal bytes: which of them is kept does not
        // matter, so the sort need not be stable (and is the faster for it,
        // with nothing to allocate).
        let mut paths = paths;
        paths.sort_unstable_by(|a, b| plain_order(key(a, skip), key(b, skip)));
        paths.dedup_by(|a, b| key(a, skip) == key(b, skip));
        return paths;
    }
    if paths.is_sorted() {
        let mut paths = paths;
        paths.dedup();
        return paths;
    }
    let mut keyed: Vec<(Vec<Component>, usize)> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.components().collect(), i))
        .collect();
    keyed.sort_unstable();
    keyed.dedup_by(|a, b| a.0 == b.0);
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut slots: Vec<Option<PathBuf>> = paths.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The one message for a path that names nothing: a missing file or
/// folder, or a glob that matches no file.
/// How many bytes (a `./`) every one of `paths` starts with, when all are
/// plain past them: relative, with no empty, `.` or `..` component, and no
/// `/` at the end. The order of such paths, component by component, is the
/// order of their bytes with `/` taken as the lowest. `None` for any other
/// set of paths, and off Unix.
fn plain_paths(paths: &[PathBuf]) -> Option<usize> {
    if !cfg!(unix) {
        return None;
    }
    fn bytes(p: &Path) -> &[u8] {
        p.as_os_str().as_encoded_bytes()
    }
    let dotted = paths.first().is_some_and(|p| bytes(p).starts_with(b"./"));
    let skip = if dotted { 2 } else { 0 };
    let plain = paths.iter().all(|p| {
        let b = bytes(p);
        b.starts_with(b"./") == dotted
            && b[skip..]
                .split(|&c| c == b'/')
                .all(|c| !c.is_empty() && c != b"." && c != b"..")
    });
    plain.then_some(skip)
}

/// The order of two plain paths' bytes, with `/` below every other byte.
fn plain_order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let rank = |c: u8| if c == b'/' { 0 } else { u16::from(c) + 1 };
    match mismatch(a, b) {
        Some(i) => rank(a[i]).cmp(&rank(b[i])),
        None => a.len().cmp(&b.len()),
    }
}

/// Where `a` and `b` first differ, when one is not a prefix of the other:
/// compared eight bytes at a time, since paths in one folder share a long
/// start.
fn mismatch(a: &[u8], b: &[u8]) -> Option<usize> {
    let n = a.len().min(b.len());
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8 bytes"));
    let mut i = 0;
    while i + 8 <= n {
        let x = word(a, i) ^ word(b, i);
        if x != 0 {
            return Some(i + (x.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..n).find(|&j| a[j] != b[j])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Sorting plain paths by their bytes gives the order of paths.
        #[test]
        fn plain_paths_sort_as_paths_do(
            names in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "a", "a-b", "a.md", "A", "_posts", "-x", "a b", "王", "é", "", ".", "..",
                        "z~", "a!", "0",
                    ]),
                    1..4,
                ),
                0..12,
            ),
            dotted in proptest::bool::ANY,
        ) {
            let lead = if dotted { "./" } else { "" };
            let paths: Vec<PathBuf> = names
                .iter()
                .map(|n| PathBuf::from(format!("{lead}{}", n.join("/"))))
                .collect();
            let mut by_components: Vec<(usize, &PathBuf)> = paths.iter().enumerate().collect();
            by_components.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
            by_components.dedup_by(|a, b| a.1 == b.1);
            let expected: Vec<PathBuf> = by_components.into_iter().map(|(_, p)| p.clone()).collect();
            let got = sorted(paths.clone());
            // Equal paths may be written differently: compare the bytes kept.
            let bytes = |v: &[PathBuf]| -> Vec<Vec<u8>> {
                v.iter().map(|p| p.as_os_str().as_encoded_bytes().to_vec()).collect()
            };
            proptest::prop_assert_eq!(bytes(&got), bytes(&expected));
        }
    }

    #[test]
    fn sorted_is_the_order_of_paths() {
        let names = [
            "_posts/b.md",
            "_posts/a-b.md",
            "_posts/a/x.md",
            "_posts//a/x.md",
            "./_posts/a.md",
            "-x.md",
            "_posts/a.md",
            "a.md",
            "./_posts/a.md",
            "_posts/A.md",
            "_posts/a.md.md",
        ];
        let paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let by_set: Vec<PathBuf> = paths
            .iter()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(sorted(paths.clone()), by_set);
        assert_eq!(sorted(by_set.clone()), by_set);
        // Of equal paths, the first given is kept.
        let kept = sorted(paths);
        assert!(kept.iter().any(|p| p.as_os_str() == "_posts/a/x.md"));
    }
}
