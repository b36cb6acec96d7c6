//! The progress bar of `postlint check` on standard error: files checked,
//! their total and the rate. It only appears once a run has lasted a
//! second, so quick runs never flash it, and it is cleared before the report
//! is printed, so it never mixes with the output.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::report::{Format, thousands};

/// How long a run goes before the bar is drawn.
const DELAY: Duration = Duration::from_secs(1);

/// Whether a run shows the bar: only when standard error is a terminal,
/// the run is not `quiet` (`--quiet` or `--silent`), and the report is for
/// a person (`human` or `concise`); a machine format is left alone even
/// when it goes to the terminal.
pub fn wanted(quiet: bool, format: Format) -> bool {
    shown(
        std::io::stderr().is_terminal(),
        std::io::stdout().is_terminal(),
        quiet,
        format,
    )
}

/// `concise` writes its findings while files are checked, so on a
/// terminal they would cross the bar: it gets one only when its output
/// goes elsewhere.
fn shown(terminal: bool, stdout_terminal: bool, quiet: bool, format: Format) -> bool {
    terminal
        && !quiet
        && match format {
            Format::Human => true,
            Format::Concise => !stdout_terminal,
            _ => false,
        }
}

/// A progress bar over a known number of files; does nothing when disabled.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Where to draw once `DELAY` has passed; taken when drawing starts.
    target: Option<ProgressDrawTarget>,
    started: Instant,
    delay: Duration,
}

impl Progress {
    /// A bar over `total` files on standard error, or nothing unless `enabled`.
    pub fn start(total: usize, enabled: bool) -> Progress {
        if enabled {
            Progress::with_target(total, ProgressDrawTarget::stderr(), DELAY)
        } else {
            Progress {
                bar: None,
                target: None,
                started: Instant::now(),
                delay: DELAY,
            }
        }
    }

    fn with_target(total: usize, target: ProgressDrawTarget, delay: Duration) -> Progress {
        // Hidden until `delay` has passed: a short run never draws.
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template(
            "checking [{bar:30}] {human_pos}/{human_len} files, {rate}, {eta} left",
        )
        .expect("the template is valid")
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{} files/s", thousands(state.per_sec() as usize));
            },
        )
        .progress_chars("=> ");
        bar.set_style(style);
        Progress {
            bar: Some(bar),
            target: Some(target),
            started: Instant::now(),
            delay,
        }
    }

    /// One more file checked (or failed).
    pub fn inc(&mut self) {
        let Some(bar) = &self.bar else { return };
        if self.target.is_some() && self.started.elapsed() >= self.delay {
            bar.set_draw_target(self.target.take().expect("checked above"));
        }
        bar.inc(1);
    }

    /// Erase the bar, before anything else is written.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::TermLike;
    use std::sync::{Arc, Mutex};

    /// A terminal that records what is written to it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl Screen {
        fn text(&self) -> String {
            self.0.lock().unwrap().clone()
        }
        fn push(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
    }

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.push(s)?;
            self.push("\n")
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.push(s)
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.push("<clear>")
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn target(screen: &Screen) -> ProgressDrawTarget {
        ProgressDrawTarget::term_like(Box::new(screen.clone()))
    }

    #[test]
    fn draws_count_total_and_rate_then_clears() {
        let screen = Screen::default();
        let mut progress = Progress::with_target(1500, target(&screen), Duration::ZERO);
        progress.inc();
        let drawn = screen.text();
        assert!(drawn.contains("1/1,500 files"), "{drawn:?}");
        assert!(drawn.contains("files/s"), "{drawn:?}");
        progress.finish();
        assert!(screen.text().ends_with("<clear>"), "{:?}", screen.text());
    }

    #[test]
    fn draws_nothing_before_the_delay() {
        let screen = Screen::default();
        let mut progress = Progress::with_target(3, target(&screen), Duration::from_secs(3600));
        for _ in 0..3 {
            progress.inc();
        }
        progress.finish();
        assert_eq!(screen.text(), "");
    }

    #[test]
    fn only_on_a_terminal_for_a_person() {
        assert!(shown(true, true, false, Format::Human));
        assert!(shown(true, false, false, Format::Concise));
        assert!(
            !shown(true, true, false, Format::Concise),
            "concise findings on the terminal"
        );
        assert!(!shown(false, false, false, Format::Human), "not a terminal");
        assert!(
            !shown(true, true, true, Format::Human),
            "--quiet or --silent"
        );
        for format in [
            Format::Json,
            Format::JsonLines,
            Format::Sarif,
            Format::Junit,
            Format::Gitlab,
            Format::Github,
        ] {
            assert!(!shown(true, false, false, format), "{format:?}");
        }
    }

    #[test]
    fn disabled_does_nothing() {
        let mut progress = Progress::start(3, false);
        progress.inc();
        progress.finish();
    }
}
