//! `postlint.toml`: which rules run, at what severity, with what options.
//! Every value is checked, and a bad one is an error pointing at its span.
//!
//! - here: the settings, and reading a file of them;
//! - `reader`: each setting's value, checked;
//! - `toml_value`: a TOML value as a rule's options read it;
//! - `error`: a problem, placed in the file.

mod error;
mod reader;
mod schemas;
mod toml_value;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::diagnostic::Severity;
use crate::model::jekyll::site::{Kind, Site};
use crate::rules::{self, RULES, Settings};

pub use error::ConfigError;
use error::Details;
use reader::Reader;

/// The file name postlint looks for, upward from the working directory.
pub const CONFIG_FILE: &str = "postlint.toml";

/// Which files count as posts when no `include` is configured.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "**/_posts/**/*.md",
    "**/_posts/**/*.markdown",
    "**/_posts/**/*.html",
    "**/_drafts/**/*.md",
    "**/_drafts/**/*.markdown",
    "**/_drafts/**/*.html",
];

/// The names `output-format` accepts: those of `--format`.
pub const OUTPUT_FORMATS: &[&str] = &[
    "human",
    "json",
    "concise",
    "json-lines",
    "github",
    "sarif",
    "junit",
    "gitlab",
];

/// What is never walked into, unless `exclude` replaces it.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "**/_site/**",
    "**/.jekyll-cache/**",
    "**/.sass-cache/**",
    "**/node_modules/**",
    "**/vendor/**",
];

/// The resolved configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Globs of the files that count as posts, relative to `root`.
    pub include: Vec<String>,
    /// The directory `include` globs are relative to: the config file's
    /// directory, or the working directory.
    pub root: PathBuf,
    /// The config file, when there is one.
    pub path: Option<PathBuf>,
    /// Globs of files and folders never walked into (named files too, with
    /// `--force-exclude`), relative to `root`.
    pub exclude: Vec<String>,
    /// Globs (relative to `root`; a glob without `/` also matches the file
    /// name) and the rules or families turned off for matching files.
    pub per_file_ignores: Vec<(String, Vec<String>)>,
    /// `output-format`, one of [`OUTPUT_FORMATS`].
    pub output_format: Option<String>,
    /// `cache-dir`: where results are kept between runs, relative to
    /// `root`; `.postlint_cache` when unset.
    pub cache_dir: Option<PathBuf>,
    /// `profile`: the kind of every site checked (`"mirror"` or
    /// `"ordinary"`); `None` (`"auto"`, the default) decides it per site
    /// from its posts.
    pub profile: Option<Kind>,
    /// Severity of each rule in registry order; `None` is off.
    levels: Vec<Option<Severity>>,
    /// Whether `--fix` may apply each rule's fix, in registry order.
    fixable: Vec<bool>,
    /// Each family's settings and each rule's options.
    pub settings: Settings,
    /// The Jekyll site of the file being checked (from its `_config.yml`,
    /// set per file by the runner); the defaults otherwise.
    pub site: Site,
    /// The moment future dates are judged against (`--now`, or the clock as
    /// read once at the start of a CLI run); the clock at each check if
    /// unset, as in the language server.
    pub now: Option<crate::model::jekyll::site::Now>,
    /// Whether the file is one of the site's pages (or a collection's
    /// documents) rather than a post: only the rules that apply to pages
    /// (the `link` family) run on it. Set per file by the resolver.
    pub page: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            include: DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
            root: PathBuf::from("."),
            path: None,
            exclude: DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect(),
            per_file_ignores: Vec::new(),
            output_format: None,
            cache_dir: None,
            profile: None,
            levels: RULES.iter().map(|r| r.meta().default_severity).collect(),
            fixable: vec![true; RULES.len()],
            settings: Settings::default(),
            site: Site::default(),
            now: None,
            page: false,
        }
    }
}

impl Config {
    /// Everything about these settings that can change what checking a
    /// post finds, in words: two settings with the same fingerprint check
    /// every post alike. The moment future dates are judged against is
    /// left out (the cache judges it per post).
    pub fn fingerprint(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{}",
            self.levels, self.fixable, self.settings, self.site, self.page
        )
    }

    /// The severity of the rule at `index` in the registry, or `None` if off.
    pub fn level(&self, index: usize) -> Option<Severity> {
        self.levels[index]
    }

    /// May `--fix` apply this rule's fixes? (`fixable` and `unfixable`.)
    pub fn is_fixable(&self, rule: &str) -> bool {
        rules::find(rule).is_some_and(|(i, _)| self.fixable[i])
    }

    /// Let only the named rules and families be fixed (`fixable`).
    pub fn set_fixable_only(&mut self, names: &[String]) {
        for i in 0..RULES.len() {
            self.fixable[i] = names.iter().any(|n| rules::names(n, i));
        }
    }

    /// Never fix the named rules and families (`unfixable`).
    pub fn set_unfixable(&mut self, names: &[String]) {
        for i in 0..RULES.len() {
            if names.iter().any(|n| rules::names(n, i)) {
                self.fixable[i] = false;
            }
        }
    }

    /// Set a rule or family to a severity (`None` turns it off).
    pub fn set(&mut self, rule_or_family: &str, level: Option<Severity>) -> bool {
        let mut found = false;
        for i in 0..RULES.len() {
            if rules::names(rule_or_family, i) {
                self.levels[i] = level;
                found = true;
            }
        }
        found
    }

    /// Turn on only the named rules and families (`--select`).
    pub fn select_only(&mut self, names: &[String]) {
        let before = self.levels.clone();
        for level in &mut self.levels {
            *level = None;
        }
        self.enable_from(names, &before);
    }

    /// Also turn on the named rules and families (`--extend-select`), at
    /// their configured severity, else their default, else `warning`.
    pub fn enable(&mut self, names: &[String]) {
        let before = self.levels.clone();
        self.enable_from(names, &before);
    }

    fn enable_from(&mut self, names: &[String], before: &[Option<Severity>]) {
        for (i, rule) in RULES.iter().enumerate() {
            let meta = rule.meta();
            if names.iter().any(|n| rules::names(n, i)) {
                self.levels[i] = before[i]
                    .or(meta.default_severity)
                    .or(Some(Severity::Warning));
            }
        }
    }

    /// Read a config file. `Err` carries a diagnostic pointing into it.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(Details {
                path: path.display().to_string(),
                source: miette::NamedSource::new(path.display().to_string(), String::new()),
                span: None,
                message: format!("cannot read {}: {e}", path.display()),
                help: None,
            })
        })?;
        let cwd = std::env::current_dir().unwrap_or_default();
        let shown = path
            .strip_prefix(&cwd)
            .unwrap_or(path)
            .display()
            .to_string();
        let mut config = Config::parse(&text, &shown)?;
        config.root = path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .unwrap_or(Path::new("."))
            .to_path_buf();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Find `postlint.toml` in `dir` or one of its parents.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(CONFIG_FILE))
            .find(|p| p.is_file())
    }

    /// Parse the text of a config file named `name`.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        let err = |span: Range<usize>, message: String, help: Option<String>| {
            ConfigError::new(Details {
                path: name.to_string(),
                source: miette::NamedSource::new(name, text.to_string()),
                span: Some(span),
                message,
                help,
            })
        };
        let table = DeTable::parse(text).map_err(|e| {
            err(
                e.span().unwrap_or(0..0),
                format!("invalid TOML: {}", e.message().trim_end()),
                None,
            )
        })?;
        let mut config = Config::default();
        let mut reader = Reader { err: &err };
        let mut extend_exclude = Vec::new();
        let mut fixable = None;
        let mut unfixable = Vec::new();
        for (key, value) in table.get_ref().iter() {
            match key.get_ref().as_ref() {
                "include" => config.include = reader.globs(value)?,
                "exclude" => config.exclude = reader.globs(value)?,
                "extend-exclude" => extend_exclude = reader.globs(value)?,
                "output-format" => {
                    let name = reader.string(value)?;
                    if !OUTPUT_FORMATS.contains(&name) {
                        let names: Vec<String> =
                            OUTPUT_FORMATS.iter().map(|f| format!("\"{f}\"")).collect();
                        return Err(err(
                            value.span(),
                            format!("unknown output format `{name}`"),
                            Some(format!("use one of {}", names.join(", "))),
                        ));
                    }
                    config.output_format = Some(name.to_string());
                }
                "cache-dir" => {
                    let dir = reader.string(value)?;
                    if dir.is_empty() {
                        return Err(err(
                            value.span(),
                            "`cache-dir` is empty".to_string(),
                            Some("give a folder, such as \".postlint_cache\"".into()),
                        ));
                    }
                    config.cache_dir = Some(PathBuf::from(dir));
                }
                "profile" => {
                    config.profile = match reader.string(value)? {
                        "auto" => None,
                        "mirror" => Some(Kind::Mirror),
                        "ordinary" => Some(Kind::Ordinary),
                        other => {
                            return Err(err(
                                value.span(),
                                format!("unknown profile `{other}`"),
                                Some("use \"auto\", \"mirror\" or \"ordinary\"".into()),
                            ));
                        }
                    }
                }
                "fixable" => fixable = Some(reader.names(value)?),
                "unfixable" => unfixable = reader.names(value)?,
                "per-file-ignores" => {
                    for (glob, names) in reader.table(value)?.iter() {
                        reader.check_glob(glob.get_ref(), glob.span())?;
                        let list = reader.names(names)?;
                        config
                            .per_file_ignores
                            .push((glob.get_ref().to_string(), list));
                    }
                }
                "schema" => config.settings.schema.declared = schemas::read(&reader, value)?,
                "rules" => {
                    let rules = reader.table(value)?;
                    for (id, setting) in rules.iter() {
                        reader.rule(&mut config, id, setting)?;
                    }
                }
                family if config.settings.family_mut(family).is_some() => {
                    for (k, v) in reader.table(value)?.iter() {
                        reader.family_option(&mut config.settings, family, k, v)?;
                    }
                }
                other => {
                    return Err(err(
                        key.span(),
                        format!("unknown key `{other}`"),
                        Some("top-level keys are `profile`, `include`, `exclude`, `extend-exclude`, `per-file-ignores`, `output-format`, `cache-dir`, `fixable`, `unfixable`, `rules`, `schema`, `front-matter`, `timestamp`, `tag-link` and `source`".into()),
                    ));
                }
            }
        }
        config.exclude.extend(extend_exclude);
        if let Some(names) = fixable {
            config.set_fixable_only(&names);
        }
        config.set_unfixable(&unfixable);
        Ok(config)
    }
}
