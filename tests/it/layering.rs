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
//!
//! Files form no import cycle either, anywhere in `src/`. In the file
//! graph a file depends on the file that defines what it names: the file
//! of the longest prefix of the path that is a module (`crate::model::
//! yaml::Node` is `src/model/yaml.rs`), followed through that file's
//! `pub use` to the file that defines the item. What counts is what is
//! named: `use` lines, paths in code, `super::` and `self::` resolved, and
//! the bare names of a `mod.rs`'s own child modules (`date::parse`). A
//! module's root (`mod.rs`, or `lib.rs`) naming its own parts is no edge:
//! it declares them (`mod` lines are no references), re-exports them and
//! dispatches to them, while the parts may use what it shares; so a part
//! naming its root is an edge, and a cycle is between parts, or leaves the
//! module. `the_file_graph_finds_a_planted_cycle` shows a planted one found.
//!
//! No rule id (the name of a `rules/*.md`) is written in a string literal
//! of non-test code outside `src/rules/` (see
//! `no_rule_id_is_written_outside_the_rules` for why tests may), and the
//! engine (`src/engine/`) reads no file: no `std::fs` or `File`, and no call
//! to a function elsewhere in `src/` that reads one. Each check has a
//! self-test on planted input.

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
    /// The full paths, from the crate root, that reach `target`
    /// (`[model, yaml, Node]`); a glob or `self` ends at its module.
    paths: Vec<Vec<String>>,
    /// Written in a `pub use` (or `pub(…) use`): a re-export.
    reexport: bool,
}

/// `text` with comments and the contents of string and character literals
/// blanked out, keeping every newline so that line numbers stay right.
fn strip(text: &str) -> String {
    lex(text).0
}

/// A string literal: where its contents start (an index of `char`s) and
/// what they are, escapes as written.
struct Literal {
    start: usize,
    text: String,
}

/// [`strip`], with the string literals blanked out.
fn lex(text: &str) -> (String, Vec<Literal>) {
    let mut literals = Vec::new();
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
            literals.push(Literal {
                start: i,
                text: String::new(),
            });
            while i < c.len() {
                literals.last_mut().unwrap().text.push(c[i]);
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    literals.last_mut().unwrap().text.pop();
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
            let start = i;
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
            literals.push(Literal {
                start,
                text: c[start..i.min(c.len())].iter().collect(),
            });
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
    (out, literals)
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
    children: &BTreeSet<String>,
) -> Vec<Reference> {
    let file = format!("src/{}", relative.display());
    let module = module_of(relative);
    let is_root = relative == Path::new("lib.rs");
    let bare = if is_root { modules } else { children };
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
            // A bare child module's name: the crate root's top-level
            // modules, a `mod.rs`'s own children.
            _ => module.clone(),
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
        let reexport = is_reexport(&c, i);
        let mut targets: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for tree in trees {
            let mut full: Vec<String> = base.iter().cloned().chain(tree).collect();
            if matches!(full.last().map(String::as_str), Some("self" | "*")) {
                full.pop();
            }
            let target = match full.first() {
                Some(first) if modules.contains(first) => first.clone(),
                Some(first) => reexports
                    .get(first)
                    .cloned()
                    .unwrap_or_else(|| ROOT.to_string()),
                None => ROOT.to_string(),
            };
            targets.entry(target).or_default().push(full);
        }
        for (target, paths) in targets {
            out.push(Reference {
                file: file.clone(),
                line: start_line,
                text: written.clone(),
                target,
                paths,
                reexport,
            });
        }
        // Count the newlines skipped over.
        line += c[i..j].iter().filter(|&&ch| ch == '\n').count();
        i = j;
    }
    out
}

/// Whether the path starting at `c[i]` is the tree of a `pub use`.
fn is_reexport(c: &[char], i: usize) -> bool {
    let before: String = c[..i].iter().rev().take(80).collect::<String>();
    let before: String = before.chars().rev().collect();
    let words: Vec<&str> = before
        .split(|ch: char| !is_ident(ch) && ch != '(' && ch != ')')
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    n >= 2 && words[n - 1] == "use" && words[n - 2].starts_with("pub")
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

/// Every file of `src/`, by its path under `src/`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    (files.iter())
        .map(|p| {
            let relative = p.strip_prefix(&src).unwrap().to_path_buf();
            (relative, fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// Every reference in `src/`, with the top-level modules.
fn scan() -> (Vec<Reference>, BTreeSet<String>) {
    scan_sources(&sources())
}

/// Every reference in `sources` (files under `src/` and their texts), with
/// the top-level modules.
fn scan_sources(sources: &[(PathBuf, String)]) -> (Vec<Reference>, BTreeSet<String>) {
    let modules: BTreeSet<String> = (sources.iter())
        .filter_map(|(relative, _)| {
            let first = relative.components().next()?.as_os_str().to_string_lossy();
            let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
            (name != "lib" && name != "main").then_some(name)
        })
        .collect();
    let lib = (sources.iter())
        .find(|(r, _)| r == Path::new("lib.rs"))
        .map_or("", |(_, text)| text.as_str());
    let reexports = reexports(lib, &modules);
    let by_module = files_by_module(sources.iter().map(|(r, _)| r.as_path()));
    let mut out = Vec::new();
    for (relative, text) in sources {
        // The child modules a file may name bare (`date::parse` in a
        // `mod.rs`); the binary's root names none of the library's.
        let module = module_of(relative);
        let children: BTreeSet<String> = if relative == Path::new("main.rs") {
            BTreeSet::new()
        } else {
            (by_module.keys())
                .filter(|m| m.len() == module.len() + 1 && m.starts_with(&module))
                .map(|m| m[module.len()].clone())
                .collect()
        };
        out.extend(references(relative, text, &modules, &reexports, &children));
    }
    (out, modules)
}

/// The file of each module of the library, by its path from the crate
/// root (`[]` is `src/lib.rs`). The binary's `src/main.rs` is no module of
/// it.
fn files_by_module<'a>(relatives: impl Iterator<Item = &'a Path>) -> BTreeMap<Vec<String>, String> {
    relatives
        .filter(|r| *r != Path::new("main.rs"))
        .map(|r| (module_of(r), format!("src/{}", r.display())))
        .collect()
}

/// The file that defines what `path` (from the crate root) names: the file
/// of its longest prefix that is a module, followed through that file's
/// re-exports (`reexported`: by file and name, the path re-exported).
fn file_of(
    path: &[String],
    files: &BTreeMap<Vec<String>, String>,
    reexported: &BTreeMap<(String, String), Vec<String>>,
) -> Option<String> {
    let mut path = path.to_vec();
    // A re-export of a re-export, but never round in a loop.
    for _ in 0..8 {
        let k = (0..=path.len())
            .rev()
            .find(|&k| files.contains_key(&path[..k]))?;
        let file = &files[&path[..k]];
        let Some(next) = path.get(k) else {
            return Some(file.clone());
        };
        let Some(target) = reexported.get(&(file.clone(), next.clone())) else {
            return Some(file.clone());
        };
        let followed: Vec<String> = target.iter().chain(&path[k + 1..]).cloned().collect();
        if followed == path {
            return Some(file.clone());
        }
        path = followed;
    }
    None
}

/// The file-level graph of `refs`: by file, each file it depends on, with
/// the first reference that makes it depend on it. A file depends on the
/// file that defines what it names, re-exports followed. A re-export of a
/// module's own descendant (`pub use check::Checked` in `engine/mod.rs`)
/// is no edge: the facade only forwards the name, and whoever names it
/// depends on the file that defines it. `mod` lines are no references.
fn file_graph<'r>(
    refs: &'r [Reference],
    files: &BTreeMap<Vec<String>, String>,
) -> BTreeMap<String, BTreeMap<String, &'r Reference>> {
    let mut reexported = BTreeMap::new();
    for r in refs.iter().filter(|r| r.reexport) {
        for path in &r.paths {
            if let Some(name) = path.last() {
                reexported.insert((r.file.clone(), name.clone()), path.clone());
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeMap<String, &Reference>> = BTreeMap::new();
    for r in refs {
        let own = module_of(Path::new(&r.file).strip_prefix("src").unwrap());
        for path in &r.paths {
            if r.reexport && path.len() > own.len() + 1 && path.starts_with(&own) {
                continue;
            }
            let Some(to) = file_of(path, files, &reexported) else {
                continue;
            };
            let to_module = module_of(Path::new(&to).strip_prefix("src").unwrap());
            let into_own = to_module.len() > own.len() && to_module.starts_with(&own);
            if to != r.file && !into_own {
                edges
                    .entry(r.file.clone())
                    .or_default()
                    .entry(to)
                    .or_insert(r);
            }
        }
    }
    edges
}

/// The cycles of a graph, each with the reference behind each step.
fn cycle_report(edges: &BTreeMap<String, BTreeMap<String, &Reference>>) -> String {
    cycles(edges)
        .iter()
        .map(|cycle| {
            let mut s = format!("cycle: {}\n", cycle.join(" → "));
            for pair in cycle.windows(2) {
                let r = edges[&pair[0]][&pair[1]];
                s.push_str(&format!("  {}:{}: {}\n", r.file, r.line, r.text));
            }
            s
        })
        .collect()
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
    let report = cycle_report(&edges);
    assert!(report.is_empty(), "the module graph has cycles:\n{report}");
}

/// The cycles between the files of `sources`, reported.
fn file_cycles(sources: &[(PathBuf, String)]) -> String {
    let (refs, _) = scan_sources(sources);
    let by_module = files_by_module(sources.iter().map(|(r, _)| r.as_path()));
    cycle_report(&file_graph(&refs, &by_module))
}

#[test]
fn files_form_no_import_cycle() {
    let report = file_cycles(&sources());
    assert!(
        report.is_empty(),
        "files of src/ that depend on each other, round in a cycle:\n{report}"
    );
}

/// The layer of each top-level module: a module may refer only to modules
/// of lower layers (and to its own).
const LAYERS: &[(&str, u8)] = &[
    ("diagnostic", 0),
    ("model", 1),
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
        &BTreeSet::new(),
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
    let found: Vec<(usize, String)> = references(
        Path::new("lib.rs"),
        root,
        &modules,
        &reexports,
        &BTreeSet::new(),
    )
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

/// The ranges (of `char` indices into `code`, stripped) that only tests
/// compile: the item after each `#[cfg(test)]` and each `#[test]`. An
/// item without a body (`mod tests;`) has its name in the second list: a
/// file that only tests compile.
fn test_only(code: &[char]) -> (Vec<std::ops::Range<usize>>, Vec<String>) {
    let text: String = code.iter().collect();
    let mut ranges = Vec::new();
    let mut files = Vec::new();
    for attribute in ["#[cfg(test)]", "#[test]"] {
        // Byte offsets of `text` to `char` indices.
        for (at, _) in text.match_indices(attribute) {
            let start = text[..at].chars().count();
            let mut i = start + attribute.chars().count();
            while i < code.len() && !matches!(code[i], '{' | ';') {
                i += 1;
            }
            if code.get(i) == Some(&';') {
                let head: String = code[start..i].iter().collect();
                if let Some(name) = head.split_whitespace().last() {
                    files.push(name.to_string());
                }
                ranges.push(start..i);
                continue;
            }
            let mut depth = 0;
            let mut end = i;
            while end < code.len() {
                match code[end] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                end += 1;
            }
            ranges.push(start..end + 1);
        }
    }
    (ranges, files)
}

/// Every rule id, from the registry (which `rules::registry` holds equal to
/// the names of `rules/*.md`).
fn rule_ids() -> BTreeSet<String> {
    postlint::rules::RULES
        .iter()
        .map(|r| r.id.to_string())
        .collect()
}

/// The rule ids written in the string literals of `text` outside test code,
/// each with its line: an id as a whole word, not a part of a longer one.
fn ids_in_literals(text: &str, ids: &BTreeSet<String>) -> Vec<(usize, String)> {
    let (code, literals) = lex(text);
    let code: Vec<char> = code.chars().collect();
    let (tests, _) = test_only(&code);
    let mut lines = Vec::with_capacity(code.len());
    let mut line = 1;
    for &ch in &code {
        lines.push(line);
        if ch == '\n' {
            line += 1;
        }
    }
    let word = |ch: char| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_';
    let mut out = Vec::new();
    for literal in literals {
        if tests.iter().any(|r| r.contains(&literal.start)) {
            continue;
        }
        for id in ids {
            let found = literal.text.match_indices(id.as_str()).any(|(at, _)| {
                let before = literal.text[..at].chars().next_back();
                let after = literal.text[at + id.len()..].chars().next();
                !before.is_some_and(word) && !after.is_some_and(word)
            });
            if found {
                let at = literal.start.min(lines.len().saturating_sub(1));
                out.push((lines.get(at).copied().unwrap_or(1), id.clone()));
            }
        }
    }
    out
}

/// Files outside `src/rules/` whose string literals may name rules: the
/// `postlint.toml` that `postlint init` writes is documentation for the
/// user to edit, whose comments name rules as examples.
const MAY_NAME_RULES: &[&str] = &["src/cli/init.rs"];

/// A rule declares what it needs (its options, the parts of the summaries
/// it reads) in its file or the registry under `src/rules/`, and the rest
/// of the crate asks the registry: no code outside `src/rules/` decides
/// anything by a rule's id. Only string literals count (an id in code is
/// no identifier), and only outside tests: a test of the engine or of
/// discovery checks its behaviour on a rule it names, which is how such a
/// test says what it expects, and changes nothing for users; comments are
/// documentation and may name rules too.
#[test]
fn no_rule_id_is_written_outside_the_rules() {
    let ids = rule_ids();
    assert!(ids.len() > 10, "the rule ids are read from the registry");
    let sources = sources();
    // The files that only tests compile (`#[cfg(test)] mod tests;`).
    let mut test_files = BTreeSet::new();
    for (relative, text) in &sources {
        let code: Vec<char> = strip(text).chars().collect();
        for name in test_only(&code).1 {
            let mut module = module_of(relative);
            module.push(name);
            test_files.insert(module);
        }
    }
    let mut bad = String::new();
    for (relative, text) in &sources {
        let file = format!("src/{}", relative.display());
        let module = module_of(relative);
        if file.starts_with("src/rules/")
            || MAY_NAME_RULES.contains(&file.as_str())
            || test_files.iter().any(|t| module.starts_with(t))
        {
            continue;
        }
        for (line, id) in ids_in_literals(text, &ids) {
            bad.push_str(&format!("  {file}:{line}: \"{id}\"\n"));
        }
    }
    assert!(
        bad.is_empty(),
        "rule ids written outside src/rules/ (declare what the rule needs in its file or \
         the registry, and ask the registry):\n{bad}"
    );
}

/// The functions of each file that read files (`std::fs`, `File`), or call
/// one of the same file that does (a call, not a method: `find(`, not
/// `.find(`), by file.
fn readers(sources: &[(PathBuf, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (relative, text) in sources {
        let code: Vec<char> = strip(text).chars().collect();
        // Each function's name and body.
        let mut bodies: Vec<(String, String)> = Vec::new();
        let mut i = 0;
        while i + 3 < code.len() {
            let at_word = i == 0 || !is_ident(code[i - 1]);
            if !(at_word && code[i..].starts_with(&['f', 'n', ' '])) {
                i += 1;
                continue;
            }
            let start = i + 3;
            let mut j = start;
            while j < code.len() && is_ident(code[j]) {
                j += 1;
            }
            let name: String = code[start..j].iter().collect();
            while j < code.len() && !matches!(code[j], '{' | ';') {
                j += 1;
            }
            let open = j;
            let mut depth = 0;
            while j < code.len() {
                match code[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ';' if depth == 0 => break,
                    _ => {}
                }
                j += 1;
            }
            let end = (j + 1).min(code.len());
            bodies.push((name, code[open..end].iter().collect()));
            i = open + 1;
        }
        let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut reading: BTreeSet<String> = (bodies.iter())
            .filter(|(_, body)| {
                let body = squeezed(body);
                body.contains("fs::") || body.contains("File::")
            })
            .map(|(name, _)| name.clone())
            .collect();
        // And those that call them, until no more join.
        loop {
            let more: Vec<String> = (bodies.iter())
                .filter(|(name, _)| !reading.contains(name))
                .filter(|(_, body)| {
                    let body = squeezed(body);
                    reading.iter().any(|r| {
                        body.match_indices(&format!("{r}(")).any(|(at, _)| {
                            // A call, not a method of the same name
                            // (`.find(`).
                            !(body[..at].chars().next_back())
                                .is_some_and(|ch| is_ident(ch) || ch == '.')
                        })
                    })
                })
                .map(|(name, _)| name.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            reading.extend(more);
        }
        if !reading.is_empty() {
            out.insert(format!("src/{}", relative.display()), reading);
        }
    }
    out
}

/// Where the files under `engine` (a folder of `src/`) read a file: by
/// `std::fs` or `File`, or by calling a function of another file that
/// does, written as `module::function` or imported.
fn file_reads_in(sources: &[(PathBuf, String)], engine: &str) -> Vec<String> {
    let readers = readers(sources);
    let (refs, _) = scan_sources(sources);
    let by_module = files_by_module(sources.iter().map(|(r, _)| r.as_path()));
    let within = |file: &str| file.starts_with(&format!("src/{engine}/"));
    let mut bad = Vec::new();
    for (relative, text) in sources {
        let file = format!("src/{}", relative.display());
        if !within(&file) {
            continue;
        }
        let code = strip(text);
        for (n, line) in code.lines().enumerate() {
            let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            let mut names: Vec<String> = ["fs::", "File::"].map(String::from).to_vec();
            for (other, functions) in &readers {
                if within(other) {
                    continue;
                }
                let module = module_of(Path::new(other).strip_prefix("src").unwrap());
                if let Some(last) = module.last() {
                    names.extend(functions.iter().map(|f| format!("{last}::{f}(")));
                }
            }
            for name in names {
                if squeezed.contains(&name) {
                    bad.push(format!("  {file}:{}: {name}", n + 1));
                }
            }
        }
    }
    // Imported by name: `use crate::site::{find, …}`.
    for r in refs.iter().filter(|r| within(&r.file)) {
        for path in &r.paths {
            let Some((name, module)) = path.split_last() else {
                continue;
            };
            let Some(defined) = by_module.get(module) else {
                continue;
            };
            if readers.get(defined).is_some_and(|f| f.contains(name)) {
                bad.push(format!("  {}:{}: {}", r.file, r.line, r.text));
            }
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

/// The engine is handed what it checks (texts, settings, the sites'
/// files through [`SiteFiles`]) and reads no file itself: the runner, the
/// language server and the CLI do. It writes no `std::fs` or `File`, and
/// calls no function elsewhere in `src/` that does (or calls one that
/// does, in its own file).
#[test]
fn the_engine_reads_no_file() {
    let bad = file_reads_in(&sources(), "engine");
    assert!(
        bad.is_empty(),
        "src/engine/ reads files (hand it what it needs as data):\n{}",
        bad.join("\n")
    );
}

fn synthetic(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    (files.iter())
        .map(|(path, text)| (PathBuf::from(path), text.to_string()))
        .collect()
}

#[test]
fn the_file_graph_finds_a_planted_cycle() {
    let files = [
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\npub mod d;\n"),
        ("a.rs", "use crate::b::f;\npub fn g() {}\n"),
        ("b.rs", "pub fn f() {\n    super::a::g();\n}\n"),
        // A module's root and its parts: no cycle.
        (
            "c/mod.rs",
            "mod part;\npub use part::Part;\npub struct Shared;\nfn h() { part::y(); }\n",
        ),
        (
            "c/part.rs",
            "use super::Shared;\npub struct Part;\npub fn y() {}\n",
        ),
        // Through a re-export, to the file that defines the item.
        ("d.rs", "use crate::c::Part;\n"),
    ];
    let report = file_cycles(&synthetic(&files));
    assert_eq!(
        report,
        "cycle: src/a.rs → src/b.rs → src/a.rs\n  src/a.rs:1: crate::b::f\n  src/b.rs:2: super::a::g\n"
    );
    let sources = synthetic(&files);
    let (refs, _) = scan_sources(&sources);
    let by_module = files_by_module(sources.iter().map(|(r, _)| r.as_path()));
    let graph = file_graph(&refs, &by_module);
    assert_eq!(
        graph["src/d.rs"].keys().collect::<Vec<_>>(),
        ["src/c/part.rs"]
    );
    // The part naming its module's root is an edge, the root naming its
    // part is none.
    assert!(graph["src/c/part.rs"].contains_key("src/c/mod.rs"));
    assert!(!graph.contains_key("src/c/mod.rs"));

    // A third file closes a longer cycle, named file by file.
    let mut longer = files.to_vec();
    longer[2] = ("b.rs", "pub fn f() {}\nuse crate::d::x;\n");
    longer[5] = (
        "d.rs",
        "use crate::c::Part;\npub fn x() { crate::a::g(); }\n",
    );
    let report = file_cycles(&synthetic(&longer));
    assert!(
        report.starts_with("cycle: src/a.rs → src/b.rs → src/d.rs → src/a.rs\n"),
        "{report}"
    );
}

#[test]
fn a_planted_rule_id_is_found_with_its_line() {
    let ids: BTreeSet<String> = ["source-missing", "source-missing-key"]
        .map(String::from)
        .into();
    let text = r##"
//! Documentation may name `source-missing`.
fn on(config: &Config) -> bool {
    config.is_on("source-missing")
}
fn longer() -> &'static str {
    r#"[rules.source-missing-key]"#
}
fn not_an_id() -> &'static str {
    "source-missing-keys"
}
#[test]
fn a_test() {
    assert_eq!(rule, "source-missing");
}
#[cfg(test)]
mod tests {
    const ID: &str = "source-missing";
}
"##;
    assert_eq!(
        ids_in_literals(text, &ids),
        [
            (4, "source-missing".to_string()),
            (7, "source-missing-key".to_string())
        ]
    );
    let code: Vec<char> = strip("#[cfg(test)]\nmod tests;\n").chars().collect();
    assert_eq!(test_only(&code).1, ["tests"]);
}

#[test]
fn a_planted_file_read_in_the_engine_is_found() {
    let files = [
        (
            "site.rs",
            "pub fn find(p: &Path) -> String {\n    std::fs::read_to_string(p).unwrap()\n}\n\
             pub fn wrapper(p: &Path) -> String {\n    find(p)\n}\n\
             pub fn pure(text: &str) -> usize {\n    text.len()\n}\n",
        ),
        (
            "engine/mod.rs",
            "use crate::site;\nfn a(p: &Path) {\n    site::pure(\"x\");\n    site::wrapper(p);\n}\n",
        ),
        ("engine/other.rs", "use crate::site::{find, pure};\n"),
        (
            "engine/io.rs",
            "fn b() {\n    let _ = std::fs::metadata(\"x\");\n}\n",
        ),
    ];
    assert_eq!(
        file_reads_in(&synthetic(&files), "engine"),
        [
            "  src/engine/io.rs:2: fs::",
            "  src/engine/mod.rs:4: site::wrapper(",
            "  src/engine/other.rs:1: crate::site::{find,pure}",
        ]
    );
}
