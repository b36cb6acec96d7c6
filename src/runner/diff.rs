//! A line-based unified diff, for `--diff`. Lines keep their terminators, so
//! a CRLF file diffs as CRLF and a missing final newline is marked the way
//! `diff -u` marks it.

/// Lines of unchanged context around each change.
const CONTEXT: usize = 3;

/// Above this many cells (lines × lines of the differing middle), the middle
/// is shown as removed and added whole instead of aligned line by line.
const MAX_TABLE: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Same,
    Delete,
    Insert,
}

/// The unified diff from `old` to `new`, with `name` in both headers; empty
/// when they are equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = script(&a, &b);
    let name = quote(name);
    let mut out = format!("--- {name}\n+++ {name}\n");
    // Positions (in `ops`) of the changes, grouped into hunks whose
    // contexts touch or overlap.
    let changed: Vec<usize> = (0..ops.len()).filter(|&i| ops[i] != Op::Same).collect();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        match groups.last_mut() {
            Some((_, end)) if i <= *end + 2 * CONTEXT + 1 => *end = i,
            _ => groups.push((i, i)),
        }
    }
    // Line numbers in `a` and `b` before each op.
    let mut at = Vec::with_capacity(ops.len() + 1);
    let (mut x, mut y) = (0, 0);
    for op in &ops {
        at.push((x, y));
        match op {
            Op::Same => (x, y) = (x + 1, y + 1),
            Op::Delete => x += 1,
            Op::Insert => y += 1,
        }
    }
    at.push((x, y));
    for (first, last) in groups {
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(ops.len());
        let (a0, b0) = at[start];
        let (a1, b1) = at[end];
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(a0, a1 - a0),
            range(b0, b1 - b0)
        ));
        let (mut x, mut y) = (a0, b0);
        for op in &ops[start..end] {
            let (mark, line) = match op {
                Op::Same => {
                    x += 1;
                    y += 1;
                    (' ', a[x - 1])
                }
                Op::Delete => {
                    x += 1;
                    ('-', a[x - 1])
                }
                Op::Insert => {
                    y += 1;
                    ('+', b[y - 1])
                }
            };
            out.push(mark);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// A file name for a diff header, quoted the way git quotes one when it
/// holds white space, a quote, a backslash or a control character, so that
/// `patch` and `git apply` read all of it.
fn quote(name: &str) -> std::borrow::Cow<'_, str> {
    let special = |c: char| c.is_whitespace() || c.is_control() || c == '"' || c == '\\';
    if !name.contains(special) {
        return name.into();
    }
    let mut out = String::from("\"");
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out.into()
}

/// `start,count` as `diff -u` writes it: 1-based, the count left out when it
/// is 1, and the line before the hunk when the count is 0.
fn range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{count}", start + 1),
    }
}

/// The edit script from `a` to `b`: the common prefix and suffix are kept,
/// and the middle is aligned by a longest common subsequence.
fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Same; prefix];
    if am.len().saturating_mul(bm.len()) > MAX_TABLE {
        ops.extend(std::iter::repeat_n(Op::Delete, am.len()));
        ops.extend(std::iter::repeat_n(Op::Insert, bm.len()));
    } else {
        ops.extend(lcs_script(am, bm));
    }
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    ops
}

/// Align two short line lists with the classic LCS table. Deletions come
/// before insertions within a change, as in `diff -u`.
fn lcs_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    // table[i][j]: LCS length of a[i..] and b[j..].
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if j == m || (i < n && table[(i + 1) * width + j] >= table[i * width + j + 1]) {
            ops.push(Op::Delete);
            i += 1;
        } else {
            ops.push(Op::Insert);
            j += 1;
        }
    }
    ops
}

/// Apply a unified diff made by [`unified`] to `old`: the inverse, used to
/// test that a diff says exactly what changed.
#[cfg(test)]
pub(crate) fn patch(old: &str, diff: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut next = 0; // the next line of `a` not yet copied
    let mut lines = diff.split_inclusive('\n').skip(2).peekable();
    let mut last: Option<char> = None;
    while let Some(line) = lines.next() {
        if let Some(header) = line.strip_prefix("@@ -") {
            let old_range = header.split(' ').next().unwrap();
            let mut parts = old_range.split(',');
            let start: usize = parts.next().unwrap().parse().unwrap();
            let count: usize = parts.next().map_or(1, |c| c.parse().unwrap());
            let first = if count == 0 { start } else { start - 1 };
            for l in &a[next..first] {
                out.push_str(l);
            }
            next = first;
            continue;
        }
        if line == "\\ No newline at end of file\n" {
            if last == Some('-') {
                continue;
            }
            // The line just written had no newline.
            assert!(out.ends_with('\n'));
            out.pop();
            continue;
        }
        let (mark, body) = line.split_at(1);
        let no_newline = lines.peek() == Some(&"\\ No newline at end of file\n");
        let body = if no_newline {
            body.strip_suffix('\n').unwrap()
        } else {
            body
        };
        match mark {
            " " => {
                assert_eq!(a[next], body);
                out.push_str(body);
                next += 1;
            }
            "-" => {
                assert_eq!(a[next], body);
                next += 1;
            }
            "+" => out.push_str(body),
            _ => panic!("bad diff line {line:?}"),
        }
        last = mark.chars().next();
        if no_newline {
            lines.next();
        }
    }
    for l in &a[next..] {
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_spaces_or_quotes_are_quoted() {
        assert_eq!(quote("_posts/a.md"), "_posts/a.md");
        assert_eq!(quote("_posts/a b.md"), "\"_posts/a b.md\"");
        assert_eq!(quote("a\"b\\c\td"), "\"a\\\"b\\\\c\\td\"");
        assert!(unified("a b", "x\n", "y\n").starts_with("--- \"a b\"\n+++ \"a b\"\n"));
    }

    #[test]
    fn equal_texts_give_nothing() {
        assert_eq!(unified("a.md", "x\ny\n", "x\ny\n"), "");
    }

    #[test]
    fn one_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assert_eq!(
            unified("p.md", old, new),
            "--- p.md\n+++ p.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn far_apart_changes_make_two_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("19\n", "nineteen\n");
        let diff = unified("p.md", &old, &new);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n"), "{diff}");
        assert_eq!(patch(&old, &diff), new);
    }

    #[test]
    fn insertion_and_deletion_at_the_ends() {
        assert_eq!(
            unified("p.md", "a\n", "a\nb\n"),
            "--- p.md\n+++ p.md\n@@ -1 +1,2 @@\n a\n+b\n"
        );
        assert_eq!(
            unified("p.md", "a\nb\n", "b\n"),
            "--- p.md\n+++ p.md\n@@ -1,2 +1 @@\n-a\n b\n"
        );
        assert_eq!(
            unified("p.md", "", "a\n"),
            "--- p.md\n+++ p.md\n@@ -0,0 +1 @@\n+a\n"
        );
    }

    #[test]
    fn missing_final_newline_and_crlf() {
        let diff = unified("p.md", "a\r\nb", "a\r\nc");
        assert_eq!(
            diff,
            "--- p.md\n+++ p.md\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        );
        assert_eq!(patch("a\r\nb", &diff), "a\r\nc");
        let diff = unified("p.md", "a\nb", "a\nb\n");
        assert_eq!(patch("a\nb", &diff), "a\nb\n");
        let diff = unified("p.md", "a\nb\n", "a\nb");
        assert_eq!(patch("a\nb\n", &diff), "a\nb");
    }

    #[test]
    fn patching_with_the_diff_gives_the_new_text() {
        // Every pair of texts over a small alphabet of lines, some without a
        // final newline: the diff must take the first to the second.
        let pool = ["a\n", "b\n", "c\n", "a", "b"];
        let mut texts = vec![String::new()];
        for len in 1..=4 {
            let mut n = 0usize;
            while n < pool.len().pow(len) {
                let mut t = String::new();
                let mut k = n;
                for i in 0..len {
                    let piece = pool[k % pool.len()];
                    k /= pool.len();
                    if !piece.ends_with('\n') && i + 1 < len {
                        t.push_str(piece);
                        t.push('\n');
                    } else {
                        t.push_str(piece);
                    }
                }
                texts.push(t);
                n += 7; // a sample, to keep the test fast
            }
        }
        for old in &texts {
            for new in &texts {
                let diff = unified("p", old, new);
                assert_eq!(&patch(old, &diff), new, "{old:?} -> {new:?}\n{diff}");
            }
        }
    }

    #[test]
    fn huge_middles_are_replaced_whole() {
        let old: String = (0..5000).map(|i| format!("{i}\n")).collect();
        let new: String = (0..5000).map(|i| format!("{}\n", i * 7)).collect();
        let diff = unified("p", &old, &new);
        assert_eq!(patch(&old, &diff), new);
    }
}
