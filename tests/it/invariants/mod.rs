//! What must hold for any input, shared by the fuzz targets (`fuzz/`) and
//! their property-test equivalents (`tests/it/props/fuzz.rs`), so that stable
//! Rust checks the same things the fuzzer does. Each function panics when
//! an invariant is broken.
#![allow(dead_code)]

use std::path::Path;

use postlint::report::{Format, ReporterOptions, Summary};
use postlint::runner::{check_text, check_texts};
use postlint::{Config, Diagnostic};

pub const PATH: &str = "_posts/2022-10-31-a.md";
pub const OTHER: &str = "_posts/2022-11-01-b.md";

/// Every span of `d` lies within `text` and on character boundaries.
pub fn spans_in_range(text: &str, d: &Diagnostic) {
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    assert!(ok(&d.span), "{}: span {:?} out of range", d.rule, d.span);
    for label in d.related.iter().filter(|l| l.path.is_none()) {
        assert!(ok(&label.span), "{}: label {:?}", d.rule, label.span);
    }
    for edit in d.fix.iter().flat_map(|f| &f.edits) {
        assert!(ok(&edit.range), "{}: edit {:?}", d.rule, edit.range);
    }
}

/// Check `text`, then `text` and `other` as one repository (both phases),
/// and render the findings in every output format.
pub fn check(text: &str, other: &str) {
    let config = Config::default();
    for d in postlint::check(Path::new(PATH), text, &config) {
        spans_in_range(text, &d);
    }
    let mut reports = check_texts(&[(PATH, text), (OTHER, other)], &config);
    for (report, t) in reports.iter().zip([text, other]) {
        for f in &report.findings {
            let d = &f.diagnostic;
            assert!(d.span.end <= t.len() && t.is_char_boundary(d.span.start));
        }
    }
    reports.push(check_text(PATH, Path::new(PATH), text, &config));
    render(&reports);
}

/// Render `reports` in every format; none may fail or panic.
pub fn render(reports: &[postlint::report::FileReport]) {
    let mut summary = Summary::default();
    for r in reports {
        summary.add(r);
    }
    for format in [
        Format::Human,
        Format::Json,
        Format::Concise,
        Format::JsonLines,
        Format::Github,
        Format::Sarif,
        Format::Junit,
        Format::Gitlab,
    ] {
        let reporter = format.reporter(ReporterOptions {
            color: false,
            width: 80,
            rules: postlint::rules::RULES.iter().map(|r| r.id).collect(),
            fix_hints: true,
            quiet: false,
        });
        let mut out = Vec::new();
        for r in reports {
            reporter.file(&mut out, r).unwrap();
        }
        reporter.report(&mut out, reports, &summary).unwrap();
        let shown = String::from_utf8(out).expect("output is UTF-8");
        if matches!(format, Format::Human | Format::Concise | Format::Github) {
            assert!(
                !shown.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
                "{format:?} output holds a control character"
            );
        }
    }
}

/// Fix `text` with every fix: fixing again changes nothing, the byte order
/// mark and the line endings stay, and what is left is what a fresh check
/// of the fixed text finds.
pub fn fix(text: &str) {
    let config = Config::default();
    let path = Path::new(PATH);
    let fixed = postlint::engine::fix(path, text, &config, true);
    if !fixed.converged {
        // Fixes that never settle are reported as such; nothing more holds.
        return;
    }
    assert_eq!(
        fixed.text.starts_with('\u{feff}'),
        text.starts_with('\u{feff}'),
        "the byte order mark changed"
    );
    if !text.contains('\r') {
        assert!(!fixed.text.contains('\r'), "CR added to an LF file");
    }
    let crlf_only =
        |t: &str| t.contains("\r\n") && t.matches('\n').count() == t.matches("\r\n").count();
    if crlf_only(text) {
        assert!(
            crlf_only(&fixed.text),
            "LF added to a CRLF file: {:?}",
            fixed.text
        );
    }
    let again = postlint::engine::fix(path, &fixed.text, &config, true);
    assert_eq!(again.fixes, 0, "fixing is not idempotent");
    assert_eq!(again.text, fixed.text);
    let fresh = postlint::check(path, &fixed.text, &config);
    assert_eq!(fixed.remaining, fresh, "what is left is not a fresh check");
    for d in &fixed.remaining {
        spans_in_range(&fixed.text, d);
    }
}

/// Read `text` as `postlint.toml` and as `_config.yml`: either gives
/// settings or an error, never a panic, and an error renders.
pub fn config(text: &str) {
    match Config::parse(text, "postlint.toml") {
        Ok(config) => {
            let _ = postlint::discover::PathFilter::new(&config);
        }
        Err(e) => {
            let _ = format!("{e:?}");
        }
    }
    let mut warnings = Vec::new();
    if let Err(e) = postlint::site_loader::parse(text, "_config.yml", &mut warnings) {
        let _ = format!("{e:?}");
    }
}

/// Split `bytes` into frames: the reader ends, and never holds more body
/// than the input had or the limit allows.
pub fn frames(bytes: &[u8]) {
    use postlint::server::{Frame, Frames, MAX_CONTENT_LENGTH};
    let mut frames = Frames::new(bytes);
    let mut total = 0;
    for _ in 0..=bytes.len() + 1 {
        match frames.next_frame().unwrap() {
            Frame::End => return,
            Frame::Body(body) => {
                assert!(body.len() <= MAX_CONTENT_LENGTH);
                total += body.len();
                assert!(total <= bytes.len(), "more body than input");
            }
            Frame::Skipped(why) => assert!(!why.is_empty()),
        }
    }
    panic!("the frame reader does not end");
}
