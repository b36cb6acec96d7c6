//! The fixed files that could not be written, grouped by their reason.

use super::super::error;
use crate::report::thousands;

/// The fixed files that were not written, by the reason they share, in the
/// order first met: many files refused for one reason are reported once.
#[derive(Default)]
pub(super) struct Refused {
    groups: Vec<(String, Vec<(String, String)>)>,
}

impl Refused {
    /// Files named in full before the rest are counted.
    const NAMED: usize = 3;

    pub(super) fn add(&mut self, reason: String, path: String, message: String) {
        match self.groups.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, files)) => files.push((path, message)),
            None => self.groups.push((reason, vec![(path, message)])),
        }
    }

    pub(super) fn report(self) {
        for (reason, files) in self.groups {
            if let [(path, message)] = &files[..] {
                error(format!("{path}: {message}"));
                continue;
            }
            let mut named: Vec<&str> = files
                .iter()
                .take(Self::NAMED)
                .map(|(p, _)| p.as_str())
                .collect();
            let more = files.len().saturating_sub(Self::NAMED);
            let more = (more > 0).then(|| format!("and {} more", thousands(more)));
            named.extend(more.as_deref());
            error(format!(
                "cannot write {} fixed files, left unchanged: {reason}: {}",
                thousands(files.len()),
                named.join(", ")
            ));
        }
    }
}
