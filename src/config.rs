//! `postlint.toml`: which rules run, at what severity, with what options.
//! Every value is checked, and a bad one is an error pointing at its span.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Severity;
use crate::model::tag::TagPattern;
use crate::rules::{self, FAMILIES, RULES};

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

/// How the timestamp comment's number is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampUnit {
    /// Milliseconds, except that a 10-digit value is seconds.
    Auto,
    Milliseconds,
    Seconds,
}

/// How a tag link's text is compared with its decoded tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagCompare {
    Exact,
    CaseInsensitive,
    /// Case-insensitive, and `-`, `_` and `+` count as spaces.
    Loose,
    /// Compare as URL slugs: case, accents, punctuation and separators are
    /// ignored, and a tag that cannot be a slug of the text (a number, or
    /// ASCII for non-Latin text) is not compared.
    Slug,
}

/// Which side of a timestamp mismatch the fix rewrites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixDirection {
    /// Rewrite the comment from `date`.
    Comment,
    /// Rewrite `date` from the comment, in the style `date` is written in.
    Date,
}

/// Rule options. Each is documented in the rule that reads it.
#[derive(Clone, Debug)]
pub struct Options {
    pub required_keys: Vec<String>,
    pub timestamp_unit: TimestampUnit,
    pub tolerance_ms: i64,
    pub tag_patterns: Vec<TagPattern>,
    pub tag_compare: TagCompare,
    pub source_keys: Vec<String>,
    pub fix_direction: FixDirection,
    /// Keys whose values are text (front-matter-ambiguous-scalar).
    pub text_keys: Vec<String>,
    /// The Jekyll site's `timezone` (from its `_config.yml`, set per file by
    /// the runner): dates without an offset are read in it. UTC otherwise.
    pub site_timezone: jiff::tz::TimeZone,
    /// The site's `future: true` (from its `_config.yml`): Jekyll publishes
    /// posts dated in the future.
    pub site_future: bool,
    /// The time future dates are judged against (`--now`); the clock if unset.
    pub now: Option<jiff::Timestamp>,
    /// The site's `permalink` (from its `_config.yml`): a style name or a
    /// template; Jekyll's default (`date`) when unset.
    pub site_permalink: Option<String>,
    /// The folder of the site's `_config.yml`. Folders between it and
    /// `_posts` are categories of the posts inside.
    pub site_root: Option<std::path::PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            required_keys: vec!["title".into(), "date".into()],
            timestamp_unit: TimestampUnit::Auto,
            tolerance_ms: 0,
            tag_patterns: TagPattern::defaults(),
            tag_compare: TagCompare::Slug,
            source_keys: vec!["from".into()],
            fix_direction: FixDirection::Comment,
            text_keys: ["author", "description", "excerpt", "subtitle"]
                .map(String::from)
                .to_vec(),
            site_timezone: jiff::tz::TimeZone::UTC,
            site_future: false,
            now: None,
            site_permalink: None,
            site_root: None,
        }
    }
}

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
    /// Severity of each rule in registry order; `None` is off.
    levels: Vec<Option<Severity>>,
    /// Whether `--fix` may apply each rule's fix, in registry order.
    fixable: Vec<bool>,
    pub options: Options,
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
            levels: RULES.iter().map(|r| r.meta().default_severity).collect(),
            fixable: vec![true; RULES.len()],
            options: Options::default(),
        }
    }
}

impl Config {
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
        for (i, rule) in RULES.iter().enumerate() {
            self.fixable[i] = names
                .iter()
                .any(|n| n == rule.id || *n == rule.meta().family);
        }
    }

    /// Never fix the named rules and families (`unfixable`).
    pub fn set_unfixable(&mut self, names: &[String]) {
        for (i, rule) in RULES.iter().enumerate() {
            if names
                .iter()
                .any(|n| n == rule.id || *n == rule.meta().family)
            {
                self.fixable[i] = false;
            }
        }
    }

    /// Set a rule or family to a severity (`None` turns it off).
    pub fn set(&mut self, rule_or_family: &str, level: Option<Severity>) -> bool {
        let mut found = false;
        for (i, rule) in RULES.iter().enumerate() {
            if rule.id == rule_or_family || rule.meta().family == rule_or_family {
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
            if names.iter().any(|n| n == rule.id || *n == meta.family) {
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
                "rules" => {
                    let rules = reader.table(value)?;
                    for (id, setting) in rules.iter() {
                        reader.rule(&mut config, id, setting)?;
                    }
                }
                family @ ("front-matter" | "timestamp" | "tag-link" | "source") => {
                    for (k, v) in reader.table(value)?.iter() {
                        reader.family_option(&mut config.options, family, k, v)?;
                    }
                }
                other => {
                    return Err(err(
                        key.span(),
                        format!("unknown key `{other}`"),
                        Some("top-level keys are `include`, `exclude`, `extend-exclude`, `per-file-ignores`, `output-format`, `fixable`, `unfixable`, `rules`, `front-matter`, `timestamp`, `tag-link` and `source`".into()),
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

type ErrFn<'e> = dyn Fn(Range<usize>, String, Option<String>) -> ConfigError + 'e;

struct Reader<'e> {
    err: &'e ErrFn<'e>,
}

impl Reader<'_> {
    fn fail<T>(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<&str>,
    ) -> Result<T, ConfigError> {
        Err((self.err)(span, message.into(), help.map(str::to_string)))
    }

    fn table<'a, 'i>(
        &self,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Result<&'a DeTable<'i>, ConfigError> {
        match value.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => self.fail(value.span(), "expected a table", None),
        }
    }

    fn string<'a>(&self, value: &'a Spanned<DeValue<'_>>) -> Result<&'a str, ConfigError> {
        match value.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            _ => self.fail(value.span(), "expected a string", None),
        }
    }

    fn strings(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .map(|v| self.string(v).map(str::to_string))
                .collect(),
            _ => self.fail(value.span(), "expected an array of strings", None),
        }
    }

    /// An array of rule ids and families, each checked at its own span.
    fn names(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        let list = self.strings(value)?;
        let DeValue::Array(items) = value.get_ref() else {
            unreachable!("strings() accepts only arrays")
        };
        for (name, item) in list.iter().zip(items) {
            self.known_name(name, item.span())?;
        }
        Ok(list)
    }

    /// An error unless `name` is a rule id or a family.
    fn known_name(&self, name: &str, span: Range<usize>) -> Result<(), ConfigError> {
        if rules::find(name).is_some() || FAMILIES.contains(&name) {
            return Ok(());
        }
        let help = match rules::suggest(name) {
            Some(s) => format!("did you mean `{s}`? `postlint rules` lists every rule"),
            None => "`postlint rules` lists every rule and family".to_string(),
        };
        self.fail(
            span,
            format!("unknown rule or family `{name}`"),
            Some(&help),
        )
    }

    fn check_glob(&self, glob: &str, span: Range<usize>) -> Result<(), ConfigError> {
        match globset::Glob::new(glob) {
            Ok(_) => Ok(()),
            Err(e) => self.fail(span, format!("invalid glob: {}", e.kind()), None),
        }
    }

    fn globs(&self, value: &Spanned<DeValue<'_>>) -> Result<Vec<String>, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            return self.fail(value.span(), "expected an array of glob strings", None);
        };
        items
            .iter()
            .map(|item| {
                let glob = self.string(item)?;
                self.check_glob(glob, item.span())?;
                Ok(glob.to_string())
            })
            .collect()
    }

    fn integer(&self, value: &Spanned<DeValue<'_>>) -> Result<i64, ConfigError> {
        match value.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => match i.as_str().replace('_', "").parse() {
                Ok(n) => Ok(n),
                Err(_) => self.fail(value.span(), "integer out of range", None),
            },
            _ => self.fail(value.span(), "expected an integer", None),
        }
    }

    fn level(&self, value: &Spanned<DeValue<'_>>) -> Result<Option<Severity>, ConfigError> {
        let s = self.string(value)?;
        match s {
            "off" => Ok(None),
            _ => match Severity::parse(s) {
                Some(level) => Ok(Some(level)),
                None => self.fail(
                    value.span(),
                    format!("unknown severity `{s}`"),
                    Some("use \"off\", \"info\", \"warning\" or \"error\""),
                ),
            },
        }
    }

    fn rule(
        &mut self,
        config: &mut Config,
        id: &Spanned<std::borrow::Cow<'_, str>>,
        setting: &Spanned<DeValue<'_>>,
    ) -> Result<(), ConfigError> {
        let name = id.get_ref().as_ref();
        self.known_name(name, id.span())?;
        match setting.get_ref() {
            DeValue::String(_) => {
                let level = self.level(setting)?;
                config.set(name, level);
            }
            DeValue::Table(table) => {
                for (key, value) in table.iter() {
                    match (key.get_ref().as_ref(), name) {
                        ("severity", _) => {
                            let level = self.level(value)?;
                            config.set(name, level);
                        }
                        ("required", "front-matter-missing-key") => {
                            config.options.required_keys = self.strings(value)?
                        }
                        ("keys", "front-matter-ambiguous-scalar") => {
                            config.options.text_keys = self.strings(value)?
                        }
                        ("tolerance-ms", "timestamp-mismatch") => {
                            let n = self.integer(value)?;
                            if n < 0 {
                                return self.fail(
                                    value.span(),
                                    "tolerance must not be negative",
                                    None,
                                );
                            }
                            config.options.tolerance_ms = n;
                        }
                        ("fix-direction", "timestamp-mismatch") => {
                            config.options.fix_direction = match self.string(value)? {
                                "comment" => FixDirection::Comment,
                                "date" => FixDirection::Date,
                                other => {
                                    return self.fail(
                                        value.span(),
                                        format!("unknown fix direction `{other}`"),
                                        Some("use \"comment\" (rewrite the comment from `date`) or \"date\" (rewrite `date` from the comment)"),
                                    );
                                }
                            }
                        }
                        ("compare", "tag-link-mismatch") => {
                            config.options.tag_compare = match self.string(value)? {
                                "exact" => TagCompare::Exact,
                                "case-insensitive" => TagCompare::CaseInsensitive,
                                "loose" => TagCompare::Loose,
                                "slug" => TagCompare::Slug,
                                other => {
                                    return self.fail(
                                        value.span(),
                                        format!("unknown comparison `{other}`"),
                                        Some("use \"slug\", \"exact\", \"case-insensitive\" or \"loose\""),
                                    );
                                }
                            }
                        }
                        (other, _) => {
                            return self.fail(
                                key.span(),
                                format!("`{name}` has no option `{other}`"),
                                Some(&format!("`postlint rule {name}` documents its options")),
                            );
                        }
                    }
                }
            }
            _ => {
                return self.fail(
                    setting.span(),
                    "expected a severity string or a table",
                    Some("for example `\"warning\"`, `\"off\"` or `{ severity = \"error\" }`"),
                );
            }
        }
        Ok(())
    }

    fn family_option(
        &mut self,
        options: &mut Options,
        family: &str,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<(), ConfigError> {
        match (family, key.get_ref().as_ref()) {
            ("timestamp", "unit") => {
                options.timestamp_unit = match self.string(value)? {
                    "auto" => TimestampUnit::Auto,
                    "milliseconds" | "ms" => TimestampUnit::Milliseconds,
                    "seconds" | "s" => TimestampUnit::Seconds,
                    other => {
                        return self.fail(
                            value.span(),
                            format!("unknown unit `{other}`"),
                            Some("use \"auto\", \"milliseconds\" or \"seconds\""),
                        );
                    }
                }
            }
            ("tag-link", "patterns") => {
                let DeValue::Array(items) = value.get_ref() else {
                    return self.fail(value.span(), "expected an array of strings", None);
                };
                let mut patterns = Vec::new();
                for item in items {
                    let text = self.string(item)?;
                    match TagPattern::parse(text) {
                        Ok(p) => patterns.push(p),
                        Err(why) => {
                            return self.fail(
                                item.span(),
                                format!("invalid tag pattern: {why}"),
                                Some("a pattern is a URL path such as \"**/tag/{tag}.html\""),
                            );
                        }
                    }
                }
                options.tag_patterns = patterns;
            }
            ("source", "keys") => {
                let keys = self.strings(value)?;
                if keys.is_empty() {
                    return self.fail(value.span(), "at least one source key is needed", None);
                }
                options.source_keys = keys;
            }
            ("front-matter", "required") => options.required_keys = self.strings(value)?,
            (_, other) => {
                return self.fail(
                    key.span(),
                    format!("unknown option `{other}` in `[{family}]`"),
                    Some("README.md lists every option"),
                );
            }
        }
        Ok(())
    }
}

/// A configuration problem, rendered by miette with the offending span.
#[derive(Debug)]
pub struct ConfigError(Box<Details>);

#[derive(Debug)]
struct Details {
    path: String,
    source: miette::NamedSource<String>,
    span: Option<Range<usize>>,
    message: String,
    help: Option<String>,
}

impl ConfigError {
    fn new(details: Details) -> ConfigError {
        ConfigError(Box::new(details))
    }

    /// The config file the error is in.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0
            .span
            .as_ref()
            .map(|_| &self.0.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.0.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some("here".into()), span),
        )))
    }
}
