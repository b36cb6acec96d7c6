//! Checking standard input as the file at a path.

use std::io::Read;
use std::path::Path;

use super::super::error;
use super::Part;
use crate::engine::Resolver;
use crate::report::FileReport;
use crate::runner::{self, FixRun};

/// Check standard input as the file at `path` (which need not exist).
pub(super) fn check_stdin(
    path: &Path,
    resolver: &Resolver,
    force_exclude: bool,
    fix: Option<FixRun<'_>>,
    on_done: &mut dyn FnMut(&FileReport, Part),
) -> (Vec<FileReport>, usize) {
    let excluded = force_exclude && resolver.filter().is_excluded(path);
    if excluded && !fix.is_some_and(|run| run.write) {
        return (Vec::new(), 0);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .take(runner::MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
    {
        error(format!("cannot read standard input: {e}"));
        return (Vec::new(), 1);
    }
    let shown = runner::display_path(path);
    if bytes.len() as u64 > runner::MAX_FILE_SIZE {
        error(format!(
            "{shown}: standard input is over the {} limit for a post",
            runner::read::max_file_size_text()
        ));
        return (Vec::new(), 1);
    }
    match runner::decode(bytes) {
        // An excluded file is not fixed, but `--fix` still gives back its
        // text, so that an editor replacing its buffer loses nothing.
        Ok(text) if excluded => (
            vec![FileReport {
                fixed_text: Some(text),
                ..FileReport::new(shown, Vec::new())
            }],
            0,
        ),
        Ok(text) => {
            let config = resolver.settings_for(path);
            let report = match fix {
                None => runner::check_text(&shown, path, &text, &config),
                // Standard input is never written back: `--fix` prints the
                // fixed text, `--diff` the diff.
                Some(run) => {
                    let (mut report, fixed) = runner::fix_text(&shown, path, &text, &config, run);
                    if run.write {
                        report.fixed_text = Some(fixed);
                    }
                    report
                }
            };
            on_done(&report, Part::Own);
            (vec![report], 0)
        }
        Err(message) => {
            error(format!("{shown}: {message}"));
            (Vec::new(), 1)
        }
    }
}
