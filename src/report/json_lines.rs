//! `--format json-lines`: one JSON object per line, with the fields of
//! `--format json`, written as soon as each file is checked: files in path
//! order, a file's findings by position. The whole-repository rules'
//! findings follow once every file is checked.

use std::io::{self, Write};

use super::json::item;
use super::{FileReport, Reporter, Summary};

pub struct JsonLines;

impl Reporter for JsonLines {
    fn streams(&self) -> bool {
        true
    }

    fn file(&self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        if file.findings.is_empty() {
            return Ok(());
        }
        for f in &file.findings {
            serde_json::to_writer(&mut *out, &item(&file.path, f)).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        // A consumer reading the stream sees each file as soon as it is done.
        out.flush()
    }

    fn report(&self, _out: &mut dyn Write, _files: &[FileReport], _: &Summary) -> io::Result<()> {
        Ok(())
    }
}
