//! The server's one door into the checking core: checking, fixing, rule
//! lookup and per-file configuration go through these few functions.

use std::path::{Path, PathBuf};

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostic::Diagnostic;
use crate::engine;
use crate::model::schema::assist::Candidate;
use crate::model::summary::compact::PostSummary;
use crate::rules;

/// A post's own findings, sorted by position, and its summary for the
/// whole-repository rules when any of them is on.
pub fn check(path: &Path, text: &str, config: &Config) -> (Vec<Diagnostic>, Option<PostSummary>) {
    let checked = engine::check(path, text, config);
    (checked.diagnostics, checked.summary)
}

/// Every safe fix applied until the text stops changing: the new text and
/// how many fixes were applied.
pub fn fix_all(path: &Path, text: &str, config: &Config) -> (String, usize) {
    let fixed = engine::fix(path, text, config, false);
    (fixed.text, fixed.fixes)
}

/// The config file for a directory: `postlint.toml` here or above.
pub fn discover_config(dir: &Path) -> Option<PathBuf> {
    Config::discover(dir)
}

/// Read a config file; the error as a message.
/// Read a config file, and compile the schemas its `[[schema]]` tables
/// declare, as `postlint check` does once per run.
pub fn load_config(file: &Path) -> Result<Config, String> {
    let mut config = Config::load(file).map_err(|e| e.message().to_string())?;
    if !config.settings.schema.declared.is_empty() {
        let loaded =
            crate::site_loader::schemas::load(&config.settings.schema.declared, &config.root)
                .map_err(|e| e.to_string())?;
        config.settings.schema.loaded = Some(std::sync::Arc::new(loaded));
    }
    Ok(config)
}

/// Whether a file name is one whose change reloads every config: a
/// `postlint.toml`, or a Jekyll site's `_config.yml`.
pub fn is_config_file(name: &str) -> bool {
    name == CONFIG_FILE || name == "_config.yml"
}

/// Whether `name` is a rule id or a family.
pub fn is_rule_or_family(name: &str) -> bool {
    rules::resolve(name).is_ok()
}

/// The family of a rule (empty for an unknown id).
pub fn family(rule: &str) -> &'static str {
    rules::find(rule).map_or("", |(_, r)| r.meta().family.as_str())
}

/// A rule's family, fix label and documentation page.
pub fn rule_doc(rule: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let (_, rule) = rules::find(rule)?;
    let meta = rule.meta();
    Some((
        meta.family.as_str(),
        rules::fix_label(meta.fix),
        meta.body.as_str(),
    ))
}

/// A post's text read from disk, as the CLI reads it.
pub fn read_post(path: &Path) -> Option<String> {
    crate::runner::read_post(path).ok()
}

/// What the schema of the document at `path` offers at byte `offset`: the
/// completions and the span they replace.
pub fn schema_completion(
    path: &Path,
    text: &str,
    offset: usize,
    config: &Config,
) -> Option<(std::ops::Range<usize>, Vec<Candidate>)> {
    let loaded = config.settings.schema.loaded.as_ref()?;
    let compiled = loaded.schema_of(path, &config.site)?;
    loaded.assist(compiled)?.complete(text, offset)
}

/// What the schema of the document at `path` says of the key or value at
/// byte `offset` (Markdown), and its span.
pub fn schema_hover(
    path: &Path,
    text: &str,
    offset: usize,
    config: &Config,
) -> Option<(std::ops::Range<usize>, String)> {
    let loaded = config.settings.schema.loaded.as_ref()?;
    let compiled = loaded.schema_of(path, &config.site)?;
    let (span, markdown) = loaded.assist(compiled)?.hover(text, offset)?;
    let why = format!(
        "\n\n*schema `{}` ({})*",
        compiled.declared.name, compiled.declared.schema
    );
    Some((span, markdown + &why))
}

/// A schema problem as `load_config` words it (`FILE:LINE:COL: message`):
/// the file (relative to the config's folder), line, column and message.
pub fn schema_problem(error: &str) -> Option<(String, u32, u32, String)> {
    let mut from = 0;
    while let Some(i) = error[from..].find(':') {
        let at = from + i;
        let mut parts = error[at + 1..].splitn(3, ':');
        if let (Some(line), Some(column), Some(message)) =
            (parts.next(), parts.next(), parts.next())
            && let (Ok(line), Ok(column)) = (line.parse(), column.parse())
            && let Some(message) = message.strip_prefix(' ')
        {
            return Some((error[..at].to_string(), line, column, message.to_string()));
        }
        from = at + 1;
    }
    None
}
