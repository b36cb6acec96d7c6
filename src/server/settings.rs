//! The client's settings (`initializationOptions`,
//! `workspace/didChangeConfiguration`) and how they change a config.

use std::path::PathBuf;

use serde::Deserialize;
use serde_json::Value;

use super::linter;
use crate::config::Config;

/// Settings from `initializationOptions` and `workspace/didChangeConfiguration`,
/// either at the top level or under a `postlint` key.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// Check only these rules or families (like `--select`).
    pub select: Vec<String>,
    /// Also check these (like `--extend-select`).
    pub extend_select: Vec<String>,
    /// Do not check these (like `--ignore`).
    pub ignore: Vec<String>,
    /// Use this config file for every document instead of searching.
    pub config_path: Option<PathBuf>,
    /// `codeDescription.href` of each diagnostic; `{rule}` is replaced by
    /// the rule id. Default: the rule's `rules/<id>.md` in the repository.
    pub docs_url: Option<String>,
}

impl Settings {
    pub fn from_value(value: &Value) -> Result<Settings, String> {
        let inner = value.get("postlint").unwrap_or(value);
        if inner.is_null() {
            return Ok(Settings::default());
        }
        Settings::deserialize(inner).map_err(|e| format!("invalid postlint settings: {e}"))
    }

    /// Apply the selection settings to `config`. Names that are not a rule
    /// or family are left out; the warning about them is returned.
    pub fn apply(&self, config: &mut Config) -> Option<String> {
        let known = |n: &&String| linter::is_rule_or_family(n);
        let unknown: Vec<String> = self
            .select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .filter(|n| !known(n))
            .map(|n| format!("`{n}`"))
            .collect();
        let keep = |names: &[String]| names.iter().filter(known).cloned().collect::<Vec<_>>();
        if !self.select.is_empty() {
            config.select_only(&keep(&self.select));
        }
        config.enable(&keep(&self.extend_select));
        for name in keep(&self.ignore) {
            config.set(&name, None);
        }
        (!unknown.is_empty()).then(|| {
            format!(
                "unknown rule or family in the settings: {}",
                unknown.join(", ")
            )
        })
    }

    /// The `codeDescription.href` of a rule's diagnostics.
    pub fn docs_url(&self, rule: &str) -> String {
        match self.docs_url.as_deref() {
            Some(template) => template.replace("{rule}", rule),
            None => crate::rules::doc_url(rule),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_read_top_level_or_under_postlint() {
        let s = Settings::from_value(&json!({"postlint": {"ignore": ["tag-link"]}})).unwrap();
        assert_eq!(s.ignore, ["tag-link"]);
        let s = Settings::from_value(&json!({"configPath": "x.toml"})).unwrap();
        assert_eq!(s.config_path, Some(PathBuf::from("x.toml")));
        assert!(Settings::from_value(&json!({"select": 3})).is_err());
    }
}
