//! `--format gitlab`: a GitLab Code Quality report, one JSON array of issues
//! with `description`, `check_name`, `fingerprint`, `severity` and
//! `location` (`path`, `lines.begin`).
//!
//! Severities map `error` to `major`, `warning` to `minor` and `info` to
//! `info`. The fingerprint is an FNV-1a 128-bit hash of the path, the rule,
//! the message and which occurrence of that triple in the file this is, so
//! that it stays the same across runs and when lines above the finding move.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Reporter, Summary};
use crate::diagnostic::Severity;

pub struct Gitlab;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'a str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

impl Reporter for Gitlab {
    fn report(
        &self,
        out: &mut dyn Write,
        files: &[FileReport],
        _summary: &Summary,
    ) -> io::Result<()> {
        let mut issues = Vec::new();
        for file in files {
            let mut seen: HashMap<(&str, &str), u64> = HashMap::new();
            for f in &file.findings {
                let d = &f.diagnostic;
                let n = seen.entry((d.rule, &d.message)).or_insert(0);
                *n += 1;
                issues.push(Issue {
                    description: &d.message,
                    check_name: d.rule,
                    fingerprint: fingerprint(&file.path, d.rule, &d.message, *n),
                    severity: match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    location: Location {
                        path: &file.path,
                        lines: Lines {
                            begin: f.start.line,
                        },
                    },
                });
            }
        }
        serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::from)?;
        writeln!(out)
    }
}

/// 32 hex digits identifying the `occurrence`-th (from 1) finding of `rule`
/// with `message` in `path`. Each field is length-prefixed, so no two
/// different inputs hash the same bytes.
fn fingerprint(path: &str, rule: &str, message: &str, occurrence: u64) -> String {
    let mut hash = Fnv1a128::new();
    for field in [path.as_bytes(), rule.as_bytes(), message.as_bytes()] {
        hash.write(&(field.len() as u64).to_le_bytes());
        hash.write(field);
    }
    hash.write(&occurrence.to_le_bytes());
    format!("{:032x}", hash.0)
}

/// The 128-bit FNV-1a hash.
struct Fnv1a128(u128);

impl Fnv1a128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Fnv1a128 {
        Fnv1a128(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fnv(bytes: &[u8]) -> String {
        let mut h = Fnv1a128::new();
        h.write(bytes);
        format!("{:032x}", h.0)
    }

    #[test]
    fn fnv1a_128_reference_values() {
        assert_eq!(fnv(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fnv(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_eq!(fnv(b"foobar"), "343e1662793c64bf6f0d3597ba446f18");
    }

    #[test]
    fn fingerprints_differ_by_every_field() {
        let base = fingerprint("a.md", "rule", "msg", 1);
        assert_eq!(base.len(), 32);
        assert_eq!(base, fingerprint("a.md", "rule", "msg", 1));
        for other in [
            fingerprint("b.md", "rule", "msg", 1),
            fingerprint("a.md", "rule2", "msg", 1),
            fingerprint("a.md", "rule", "msg2", 1),
            fingerprint("a.md", "rule", "msg", 2),
            fingerprint("a.mdr", "ule", "msg", 1),
        ] {
            assert_ne!(base, other);
        }
    }
}
