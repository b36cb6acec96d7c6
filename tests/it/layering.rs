//! The import layering of `src/`, read from the source text:
//!
//! - the core, `src/model/` and `src/rules/`, refers only to
//!   `crate::diagnostic`, `crate::model` and `crate::rules`;
//! - only `src/main.rs` and `src/cli/` refer to `crate::cli`;
//! - the top-level modules' references form no cycle;
//! - the core reads no clock (`Timestamp::now`, `SystemTime::now`,
//!   `Zoned::now`).
//!
//! Every reference counts, not only `use` lines: `crate::x::f()` in an
//! expression, `super::` (resolved against the file's module and any inline
//! `mod` blocks around it), grouped and multi-line `use crate::{a, b::{c}}`,
//! and the bare module paths of `src/lib.rs` (`model::Post`). Test modules
//! (`#[cfg(test)]`) are held to the same rules: a test of the core that
//! needs the config reader or the CLI belongs in `tests/`, and exempting
//! them would let the layering be broken from inside a `mod tests`.
//! Comments and string literals are left out, so doc links and messages do
//! not count.
//!
//! The top-level modules also keep to one order of layers, each referring
//! only to those before it: `diagnostic` ← `model` ← `rules` ← the settings
//! (`config`, `site_loader`, `discover`) ← `engine` ← the I/O around it and the
//! reporters ← `server` and `cli`. `the_scanner_reads_every_form_of_path`
//! tests the scanner itself.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crate root's own items (`crate::check`), as a pseudo-module.
const ROOT: &str = "(crate root)";

/// One reference from a file to a top-level module.
#[derive(Clone, Debug)]
struct Reference {
    /// The file, relative to the repository (`src/model/date.rs`).
    file: String,
    line: usize,
    /// The path as written, with whitespace removed (`crate::{a,b}`).
    text: String,
    /// The top-level module it reaches (`config`), or [`ROOT`].
    target: String,
}

/// `text` with comments and the contents of string and character literals
/// blanked out, keeping every newline so that line numbers stay right.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if !ident_before && (c[i] == 'r' || (c[i] == 'b' && c.get(i + 1) == Some(&'r'))) && {
            let mut j = i + if c[i] == 'b' { 2 } else { 1 };
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            c.get(j) == Some(&'"')
        } {
            // A raw string: r"…", r#"…"#, br"…".
            let mut j = i + if c[i] == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while c[j] == '#' {
                hashes += 1;
                j += 1;
            }
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    out.extend(std::iter::repeat_n(' ', hashes + 1));
                    i += hashes + 1;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' && c.get(i + 1) == Some(&'\\') {
            // An escaped character literal: '\n', '\'', '\u{…}'.
            let mut j = i + 3;
            while j < c.len() && c[j] != '\'' {
                j += 1;
            }
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else {
            // Code, or the quote of a lifetime.
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The paths of a use tree starting at `c[*i]` (after a `::`), each as its
/// segments: `{a, b::{c, d}}` gives `[a]`, `[b, c]`, `[b, d]`; `x::y::f`
/// gives `[x, y, f]`. Leaves `*i` after the tree.
fn use_tree(c: &[char], i: &mut usize) -> Vec<Vec<String>> {
    let skip_ws = |i: &mut usize| {
        while *i < c.len() && c[*i].is_whitespace() {
            *i += 1;
        }
    };
    skip_ws(i);
    if c.get(*i) == Some(&'{') {
        *i += 1;
        let mut out = Vec::new();
        loop {
            skip_ws(i);
            match c.get(*i) {
                None => return out,
                Some('}') => {
                    *i += 1;
                    return out;
                }
                Some(',') => *i += 1,
                _ => {
                    let before = *i;
                    out.extend(use_tree(c, i));
                    // `x as y`: skip the rename.
                    skip_ws(i);
                    while *i < c.len() && !matches!(c[*i], ',' | '}') {
                        *i += 1;
                    }
                    if *i == before {
                        *i += 1;
                    }
                }
            }
        }
    }
    if c.get(*i) == Some(&'*') {
        *i += 1;
        return vec![vec!["*".to_string()]];
    }
    let start = *i;
    while *i < c.len() && is_ident(c[*i]) {
        *i += 1;
    }
    if *i == start {
        return vec![];
    }
    let ident: String = c[start..*i].iter().collect();
    let mut j = *i;
    skip_ws(&mut j);
    if c.get(j) == Some(&':') && c.get(j + 1) == Some(&':') {
        *i = j + 2;
        let rest = use_tree(c, i);
        if rest.is_empty() {
            return vec![vec![ident]];
        }
        return rest
            .into_iter()
            .map(|mut p| {
                p.insert(0, ident.clone());
                p
            })
            .collect();
    }
    vec![vec![ident]]
}

/// The keyword at `c[i]` when it starts a path: `crate::`, `$crate::`,
/// `super::`, `self::`, `postlint::` (the binary's name for the library), or
/// in the crate root a top-level module's name. Returns the keyword and the
/// index after its `::`.
fn path_start(c: &[char], i: usize, bare: &BTreeSet<String>) -> Option<(String, usize)> {
    if i > 0 && (is_ident(c[i - 1]) || (c[i - 1] == ':' && i > 1 && c[i - 2] == ':')) {
        return None;
    }
    let mut j = i;
    while j < c.len() && is_ident(c[j]) {
        j += 1;
    }
    let word: String = c[i..j].iter().collect();
    let known = matches!(word.as_str(), "crate" | "super" | "self" | "postlint");
    if !known && !bare.contains(&word) {
        return None;
    }
    while j < c.len() && c[j].is_whitespace() {
        j += 1;
    }
    (c.get(j) == Some(&':') && c.get(j + 1) == Some(&':')).then_some((word, j + 2))
}

/// The module path of a file under `src/`: `model/date.rs` is
/// `[model, date]`, `model/mod.rs` is `[model]`, `lib.rs` is `[]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Every reference to a top-level module in `text`, the file at `relative`
/// under `src/`. `modules` are the top-level modules, `reexports` the crate
/// root's `pub use` names and the module each comes from.
fn references(
    relative: &Path,
    text: &str,
    modules: &BTreeSet<String>,
    reexports: &BTreeMap<String, String>,
) -> Vec<Reference> {
    let file = format!("src/{}", relative.display());
    let module = module_of(relative);
    let is_root = relative == Path::new("lib.rs");
    let no_bare = BTreeSet::new();
    let bare = if is_root { modules } else { &no_bare };
    let stripped = strip(text);
    let c: Vec<char> = stripped.chars().collect();
    let mut out = Vec::new();
    // Inline `mod name {` blocks around the position: (name, brace depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut pending_mod: Option<String> = None;
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '\n' => line += 1,
            '{' => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    inline.push((name, depth));
                }
            }
            '}' => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            ';' => pending_mod = None,
            _ => {}
        }
        let at_word = is_ident(c[i]) && (i == 0 || !is_ident(c[i - 1]));
        if at_word
            && c[i..].starts_with(&['m', 'o', 'd'])
            && c.get(i + 3).is_some_and(|x| x.is_whitespace())
        {
            let mut j = i + 3;
            while j < c.len() && c[j].is_whitespace() {
                j += 1;
            }
            let start = j;
            while j < c.len() && is_ident(c[j]) {
                j += 1;
            }
            pending_mod = Some(c[start..j].iter().collect());
        }
        let Some((word, after)) = at_word.then(|| path_start(&c, i, bare)).flatten() else {
            i += 1;
            continue;
        };
        // The module path the reference starts from.
        let mut base: Vec<String> = match word.as_str() {
            "crate" | "postlint" => vec![],
            "self" | "super" => module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(n, _)| n.clone()))
                .collect(),
            _ => vec![], // a bare module name in the crate root
        };
        let mut j = after;
        if word == "super" {
            base.pop();
            // `super::super::…`
            loop {
                let mut k = j;
                while k < c.len() && c[k].is_whitespace() {
                    k += 1;
                }
                if !c[k..].starts_with(&['s', 'u', 'p', 'e', 'r']) {
                    break;
                }
                let mut a = k + 5;
                while a < c.len() && c[a].is_whitespace() {
                    a += 1;
                }
                if c.get(a) != Some(&':') || c.get(a + 1) != Some(&':') {
                    break;
                }
                base.pop();
                j = a + 2;
            }
        }
        let start_line = line;
        let mut trees = use_tree(&c, &mut j);
        if !matches!(word.as_str(), "crate" | "super" | "self" | "postlint") {
            // `model::Post` in the crate root: the name is the first segment.
            for tree in &mut trees {
                tree.insert(0, word.clone());
            }
            if trees.is_empty() {
                trees.push(vec![word.clone()]);
            }
        }
        if trees.is_empty() {
            trees.push(vec![]);
        }
        let written: String = c[i..j].iter().filter(|ch| !ch.is_whitespace()).collect();
        let mut targets = BTreeSet::new();
        for tree in trees {
            let full: Vec<String> = base.iter().cloned().chain(tree).collect();
            let target = match full.first() {
                Some(first) if modules.contains(first) => first.clone(),
                Some(first) => reexports
                    .get(first)
                    .cloned()
                    .unwrap_or_else(|| ROOT.to_string()),
                None => ROOT.to_string(),
            };
            targets.insert(target);
        }
        for target in targets {
            out.push(Reference {
                file: file.clone(),
                line: start_line,
                text: written.clone(),
                target,
            });
        }
        // Count the newlines skipped over.
        line += c[i..j].iter().filter(|&&ch| ch == '\n').count();
        i = j;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every reference in `src/`, with the top-level modules.
fn scan() -> (Vec<Reference>, BTreeSet<String>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules: BTreeSet<String> = fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(name)
        })
        .filter(|name| name != "lib" && name != "main")
        .collect();
    let reexports = reexports(&fs::read_to_string(src.join("lib.rs")).unwrap(), &modules);
    let mut out = Vec::new();
    for path in files {
        let relative = path.strip_prefix(&src).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        out.extend(references(relative, &text, &modules, &reexports));
    }
    (out, modules)
}

/// The crate root's `pub use` names and the module each comes from.
fn reexports(lib: &str, modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let c: Vec<char> = strip(lib).chars().collect();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i + 8 <= c.len() {
        if c[i..].starts_with(&['p', 'u', 'b', ' ', 'u', 's', 'e', ' ']) {
            let mut j = i + 8;
            for path in use_tree(&c, &mut j) {
                if let (Some(first), Some(last)) = (path.first(), path.last())
                    && modules.contains(first)
                {
                    out.insert(last.clone(), first.clone());
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The top-level module a file under `src/` belongs to.
fn top_of(file: &str) -> String {
    // The binary is a crate of its own, which uses the library's modules.
    if file == "src/main.rs" {
        return "(binary)".to_string();
    }
    let relative = Path::new(file).strip_prefix("src").unwrap();
    module_of(relative)
        .first()
        .cloned()
        .unwrap_or_else(|| ROOT.to_string())
}

fn in_core(file: &str) -> bool {
    file.starts_with("src/model/") || file.starts_with("src/rules/")
}

fn listing(refs: &[&Reference]) -> String {
    refs.iter()
        .map(|r| {
            format!(
                "  {}:{}: {} (reaches {})\n",
                r.file, r.line, r.text, r.target
            )
        })
        .collect()
}

#[test]
fn the_core_refers_only_to_the_core() {
    let (refs, _) = scan();
    let bad: Vec<&Reference> = refs
        .iter()
        .filter(|r| in_core(&r.file))
        .filter(|r| !matches!(r.target.as_str(), "diagnostic" | "model" | "rules"))
        .collect();
    assert!(
        bad.is_empty(),
        "src/model/ and src/rules/ may refer only to crate::diagnostic, crate::model and crate::rules:\n{}",
        listing(&bad)
    );
}

#[test]
fn only_main_and_the_cli_refer_to_the_cli() {
    let (refs, _) = scan();
    let bad: Vec<&Reference> = refs
        .iter()
        .filter(|r| r.target == "cli")
        .filter(|r| {
            r.file != "src/main.rs" && !r.file.starts_with("src/cli/") && r.file != "src/cli.rs"
        })
        .collect();
    assert!(
        bad.is_empty(),
        "only src/main.rs and src/cli/ may refer to crate::cli:\n{}",
        listing(&bad)
    );
}

#[test]
fn top_level_modules_form_no_import_cycle() {
    let (refs, _) = scan();
    let mut edges: BTreeMap<String, BTreeMap<String, &Reference>> = BTreeMap::new();
    for r in &refs {
        let from = top_of(&r.file);
        if from != r.target {
            edges
                .entry(from)
                .or_default()
                .entry(r.target.clone())
                .or_insert(r);
        }
    }
    let cycles = cycles(&edges);
    let report: String = cycles
        .iter()
        .map(|cycle| {
            let mut s = format!("cycle: {}\n", cycle.join(" → "));
            for pair in cycle.windows(2) {
                let r = edges[&pair[0]][&pair[1]];
                s.push_str(&format!("  {}:{}: {}\n", r.file, r.line, r.text));
            }
            s
        })
        .collect();
    assert!(cycles.is_empty(), "the module graph has cycles:\n{report}");
}

/// The layer of each top-level module: a module may refer only to modules
/// of lower layers (and to its own).
const LAYERS: &[(&str, u8)] = &[
    ("diagnostic", 0),
    ("model", 1),
    ("line_index", 1),
    ("rules", 2),
    ("config", 3),
    ("site_loader", 3),
    ("discover", 4),
    ("engine", 5),
    ("report", 7),
    ("cache", 8),
    ("runner", 9),
    ("server", 10),
    ("cli", 11),
    ("(binary)", 12),
];

#[test]
fn top_level_modules_refer_only_to_lower_layers() {
    let (refs, _) = scan();
    let layer = |module: &str| LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l);
    let mut bad = Vec::new();
    let mut unknown = BTreeSet::new();
    for r in &refs {
        let from = top_of(&r.file);
        if from == r.target {
            continue;
        }
        match (layer(&from), layer(&r.target)) {
            (Some(a), Some(b)) if b >= a => bad.push(r),
            (Some(_), Some(_)) => {}
            (None, _) => {
                unknown.insert(from);
            }
            (_, None) => {
                unknown.insert(r.target.clone());
            }
        }
    }
    unknown.remove(ROOT);
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS in tests/it/layering.rs: {unknown:?}"
    );
    assert!(
        bad.is_empty(),
        "references to a module of the same or a higher layer:\n{}",
        listing(&bad)
    );
}

/// The shortest cycle through each module that is on one, each as a path
/// that ends where it starts, rotated to start at its least module, without
/// repeats.
fn cycles(edges: &BTreeMap<String, BTreeMap<String, &Reference>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges
        .keys()
        .chain(edges.values().flat_map(|m| m.keys()))
        .collect();
    let mut out = BTreeSet::new();
    for &node in &nodes {
        // Breadth first from `node` until an edge leads back to it.
        let mut parent: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([node.clone()]);
        'search: while let Some(n) = queue.pop_front() {
            for next in edges.get(&n).into_iter().flat_map(|m| m.keys()) {
                if next == node {
                    // Back from `n` to `node`, which has no parent.
                    let mut path = vec![n.clone()];
                    let mut at = n.clone();
                    while let Some(p) = parent.get(&at) {
                        path.push(p.clone());
                        at = p.clone();
                    }
                    path.reverse();
                    let least = (0..path.len()).min_by_key(|&i| &path[i]).unwrap();
                    path.rotate_left(least);
                    path.push(path[0].clone());
                    out.insert(path);
                    break 'search;
                }
                if !parent.contains_key(next) {
                    parent.insert(next.clone(), n.clone());
                    queue.push_back(next.clone());
                }
            }
        }
    }
    out.into_iter().collect()
}

#[test]
fn the_core_reads_no_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("model"), &mut files);
    rust_files(&src.join("rules"), &mut files);
    files.sort();
    let mut bad = String::new();
    for path in files {
        let text = strip(&fs::read_to_string(&path).unwrap());
        for (n, line) in text.lines().enumerate() {
            let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            for clock in ["Timestamp::now", "SystemTime::now", "Zoned::now"] {
                if squeezed.contains(clock) {
                    bad.push_str(&format!(
                        "  src/{}:{}: {clock}\n",
                        path.strip_prefix(&src).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the core must take the time as a value, not read the clock:\n{bad}"
    );
}

#[test]
fn the_scanner_reads_every_form_of_path() {
    let modules: BTreeSet<String> = ["cli", "config", "diagnostic", "model", "rules"]
        .into_iter()
        .map(String::from)
        .collect();
    let reexports = BTreeMap::from([("Config".to_string(), "config".to_string())]);
    let text = r##"
//! Not a reference: crate::cli::Format.
use crate::{
    diagnostic::Severity,
    model::{self, Post},
};
use super::date;
use super::super::super::config::Options;
/* crate::cli in a block comment */
fn f() -> crate::Config {
    let s = "crate::cli::main";
    let r = r#"crate::cli"#;
    let c = '"';
    crate :: cli
        ::Format::Human;
    crate::check(x);
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
}
"##;
    let found: Vec<(usize, String, String)> = references(
        Path::new("rules/timestamp/mismatch.rs"),
        text,
        &modules,
        &reexports,
    )
    .into_iter()
    .map(|r| (r.line, r.text, r.target))
    .collect();
    let expected: Vec<(usize, String, String)> = [
        (
            3,
            "crate::{diagnostic::Severity,model::{self,Post},}",
            "diagnostic",
        ),
        (
            3,
            "crate::{diagnostic::Severity,model::{self,Post},}",
            "model",
        ),
        (7, "super::date", "rules"),
        (8, "super::super::super::config::Options", "config"),
        (10, "crate::Config", "config"),
        (14, "crate::cli::Format::Human", "cli"),
        (16, "crate::check", ROOT),
        (20, "super::*", "rules"),
        (21, "crate::config::Config", "config"),
    ]
    .into_iter()
    .map(|(l, t, m)| (l, t.to_string(), m.to_string()))
    .collect();
    assert_eq!(found, expected);

    // The crate root names its modules without `crate::`.
    let root = "pub use config::Config;\nuse model::Post;\nfn g() { rules::RULES; self::x(); }\n";
    let found: Vec<(usize, String)> = references(Path::new("lib.rs"), root, &modules, &reexports)
        .into_iter()
        .map(|r| (r.line, r.target))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, "config".to_string()),
            (2, "model".to_string()),
            (3, "rules".to_string()),
            (3, ROOT.to_string()),
        ]
    );
}

/// The crate has no `unsafe` code, and says so where the compiler holds
/// every module to it: the library's and the binary's roots.
#[test]
fn the_crate_forbids_unsafe_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for root in ["lib.rs", "main.rs"] {
        let text = std::fs::read_to_string(src.join(root)).unwrap();
        assert!(
            text.lines().any(|l| l.trim() == "#![forbid(unsafe_code)]"),
            "src/{root} does not forbid unsafe code"
        );
    }
}
