//! The output formats by name, and the reporter each one makes.

use clap::ValueEnum;

use super::{
    Reporter, concise::Concise, github::Github, gitlab::Gitlab, human::Ending, human::Human,
    json::Json, json_lines::JsonLines, junit::Junit, sarif::Sarif,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Labelled source snippets and a summary line
    Human,
    /// One JSON array of findings
    Json,
    /// One line per finding: `path:line:col: severity rule message`
    Concise,
    /// One JSON object per finding and line, streamed as files finish
    JsonLines,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// JUnit XML: a test suite per file, a test case per rule
    Junit,
    /// GitLab Code Quality JSON
    Gitlab,
}

/// What some reporters need to know beyond the findings.
pub struct ReporterOptions {
    /// Human output: whether to use colour.
    pub color: bool,
    /// Human output: the width to wrap at.
    pub width: usize,
    /// JUnit: the rules that ran, each a test case of every file.
    pub rules: Vec<&'static str>,
    /// Human and concise output: say after the summary how many findings
    /// `--fix` and `--unsafe-fixes` would fix.
    pub fix_hints: bool,
    /// Human and concise output: the findings only, no summary.
    pub quiet: bool,
}

impl ReporterOptions {
    /// What the human and concise reports print after the findings.
    fn ending(&self) -> Ending {
        Ending {
            summary: !self.quiet,
            fix_hints: self.fix_hints && !self.quiet,
        }
    }
}

impl Format {
    /// The format named `name` (as `--format` and `output-format` spell it).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::from_str(name, false).ok()
    }

    /// The reporter that writes this format.
    pub fn reporter(self, options: ReporterOptions) -> Box<dyn Reporter> {
        match self {
            Format::Human => Box::new(Human {
                color: options.color,
                width: options.width,
                ending: options.ending(),
            }),
            Format::Json => Box::new(Json),
            Format::Concise => Box::new(Concise {
                ending: options.ending(),
            }),
            Format::JsonLines => Box::new(JsonLines),
            Format::Github => Box::new(Github),
            Format::Sarif => Box::new(Sarif),
            Format::Junit => Box::new(Junit::new(options.rules)),
            Format::Gitlab => Box::new(Gitlab),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_accepts_exactly_these_names() {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(names, crate::config::OUTPUT_FORMATS);
    }
}
