//! Reading a post from disk or standard input as UTF-8 text, refusing what
//! is not a post; and the files around it that say what its site is.

use std::io::Read;
use std::path::Path;

use crate::engine::SiteFiles;
use crate::model::jekyll::site_files::Listing;
use crate::site_loader::{self as site, Site, SiteError, Verdict};

/// The sites as the files on disk say: each folder's `_config.yml` and a
/// sample of its posts. What the CLI, `--fix`, the language server and the
/// tests hand the engine's resolver.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl SiteFiles for Disk {
    fn site(&self, dir: &Path, problems: &mut Vec<SiteError>) -> Result<Site, SiteError> {
        site::find(dir, problems)
    }

    fn kind(&self, path: &Path, source_keys: &[String]) -> Verdict {
        site::detect_kind(&site::posts_folder(path), source_keys)
    }

    fn listing(&self, root: &Path, site: &Site) -> Listing {
        super::listing::list(root, site)
    }
}

/// Whether the file at `path` is checked as a page of its site: the
/// resolver places it in a page's folder ([`Resolver::is_page`]) and it
/// opens with a front matter line.
///
/// [`Resolver::is_page`]: crate::engine::Resolver::is_page
pub fn is_page(resolver: &crate::engine::Resolver, path: &Path) -> bool {
    resolver.is_page(path) && super::listing::opens_front_matter(path)
}

/// Files larger than this are not checked (a post is a few hundred KiB).
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The limit in words, for messages.
pub fn max_file_size_text() -> String {
    format!("{} MiB", MAX_FILE_SIZE / (1024 * 1024))
}

/// Read a post as UTF-8 text, refusing what is not a post.
pub fn read_post(path: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    read_post_into(path, &mut bytes).map(str::to_owned)
}

/// Read a post into `buf` (overwritten) and return its text, with the
/// checks and messages of [`read_post`], validating the bytes where they
/// are rather than copying them.
pub fn read_post_into<'a>(path: &Path, buf: &'a mut Vec<u8>) -> Result<&'a str, String> {
    // Looked at before opening: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path).map_err(|e| describe(&e))?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({})", kind(&meta)));
    }
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    read_open(file, buf)
}

/// [`read_post_into`] for a file that discovery found to be a regular
/// file: opened without looking at it first, but in a way that never waits
/// should it have become a FIFO since (then refused as [`read_post_into`]
/// refuses it).
pub fn read_found_post_into<'a>(path: &Path, buf: &'a mut Vec<u8>) -> Result<&'a str, String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(|e| describe(&e))?;
        read_open(file, buf)
    }
    #[cfg(not(unix))]
    read_post_into(path, buf)
}

/// Read an opened post into `buf` (overwritten; its length is kept, so
/// that a worker's buffer is made once, not zeroed for every file),
/// refusing what is not a post, and return its text.
fn read_open(mut file: std::fs::File, buf: &mut Vec<u8>) -> Result<&str, String> {
    let meta = file.metadata().map_err(|e| describe(&e))?;
    if !meta.is_file() {
        return Err(format!("not a regular file ({})", kind(&meta)));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "file is {} MiB, over the {} limit for a post",
            meta.len() / (1024 * 1024),
            max_file_size_text()
        ));
    }
    let filled = read_all(&mut file, meta.len() as usize, buf).map_err(|e| describe(&e))?;
    if filled as u64 > MAX_FILE_SIZE {
        return Err(format!(
            "file grew over the {} limit for a post while it was read",
            max_file_size_text()
        ));
    }
    decode_slice(&buf[..filled])
}

/// Read all of `file`, whose size was `size` when looked at, into the
/// start of `buf` (grown as needed, never shrunk), and return how many
/// bytes it holds, or a little over [`MAX_FILE_SIZE`] when it holds more.
///
/// One `read` takes a file of the expected size whole: asked for a byte
/// more than it holds, it returns less than asked, which for a regular
/// file is its end. A file of another size (it changed since, or it is
/// not what it seemed) is read until a `read` returns nothing.
fn read_all(file: &mut impl Read, size: usize, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let limit = MAX_FILE_SIZE as usize + 1;
    if buf.len() < size + 1 {
        buf.resize(size + 1, 0);
    }
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            if filled >= limit {
                return Ok(filled);
            }
            buf.resize((filled * 2).clamp(4096, limit), 0);
        }
        let asked = buf.len() - filled;
        let n = match file.read(&mut buf[filled..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        filled += n;
        if n == 0 || (filled == size && n < asked) {
            return Ok(filled);
        }
    }
}

/// Turn bytes into text, or say why they are not a post.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    decode_slice(&bytes).map(str::to_owned)
}

/// Borrow bytes as text, or say why they are not a post.
pub fn decode_slice(bytes: &[u8]) -> Result<&str, String> {
    let has_nul = memchr::memchr(0, bytes).is_some();
    if let Some(encoding) = utf16_or_32(bytes, has_nul) {
        return Err(format!(
            "{encoding} text, not UTF-8; save the post as UTF-8"
        ));
    }
    if has_nul {
        return Err("binary file (contains NUL bytes), not a post".into());
    }
    // simdutf8 is several times faster than the standard library on text
    // that is mostly not ASCII; on failure the standard library finds the
    // offset of the first invalid byte for the message.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the post as UTF-8",
            e.valid_up_to()
        )
    })
}

/// The encoding of text in UTF-16 or UTF-32, by its byte order mark or,
/// without one, by the zero bytes of ASCII characters in its first bytes
/// (so never when it has none: `has_nul`).
fn utf16_or_32(bytes: &[u8], has_nul: bool) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return Some("UTF-32 (little-endian)"),
        [0, 0, 0xFE, 0xFF, ..] => return Some("UTF-32 (big-endian)"),
        // A byte order mark followed by at least one character.
        [0xFF, 0xFE, _, _, ..] => return Some("UTF-16 (little-endian)"),
        [0xFE, 0xFF, _, _, ..] => return Some("UTF-16 (big-endian)"),
        _ => {}
    }
    if !has_nul {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |i: usize| head.iter().skip(i).step_by(2).filter(|&&b| b == 0).count();
    // ASCII text in UTF-16 has a zero in nearly every pair, always on the
    // same side; a binary file's zeros fall anywhere.
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 9 && even == 0 {
        Some("UTF-16 (little-endian)")
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some("UTF-16 (big-endian)")
    } else {
        None
    }
}

#[cfg(unix)]
fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn kind(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

pub fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf16_is_named_as_such() {
        let post = "---\ntitle: t\n---\nhello\n";
        for bom in [true, false] {
            let e = decode(utf16le(post, bom)).unwrap_err();
            assert!(e.starts_with("UTF-16 (little-endian) text"), "{e}");
        }
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(post.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert!(decode(be).unwrap_err().starts_with("UTF-16 (big-endian)"));
        assert!(
            decode(vec![1, 0, 0, 2, 3, 4, 0, 0])
                .unwrap_err()
                .starts_with("binary")
        );
    }

    /// A reader that gives at most `chunk` bytes a call, as a pipe may.
    struct Chunked<'a>(&'a [u8], usize);

    impl Read for Chunked<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_file_is_read_whole_whatever_its_size_was_said_to_be() {
        let text: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        // Stale bytes in the buffer from an earlier, longer file.
        let mut buf = vec![7u8; 20_000];
        // As a regular file reads: all it holds at each call. Its size as
        // looked at may be out of date.
        for said in [0, 1, 4095, 9_999, 10_000, 10_001, 15_000] {
            let n = read_all(&mut Chunked(&text, usize::MAX), said, &mut buf).unwrap();
            assert_eq!(&buf[..n], &text[..], "said {said}");
        }
        // In pieces, at its true size.
        for chunk in [1, 7, 4096] {
            let n = read_all(&mut Chunked(&text, chunk), text.len(), &mut buf).unwrap();
            assert_eq!(&buf[..n], &text[..], "chunk {chunk}");
        }
        let mut empty = Vec::new();
        assert_eq!(read_all(&mut Chunked(&[], 1), 0, &mut empty).unwrap(), 0);
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        // Mostly non-ASCII text, so the fast validator's path is the one
        // taken, with a bad byte after it.
        let mut bytes = "---\ntitle: 题\n---\n".as_bytes().to_vec();
        bytes.extend("中文".repeat(40).as_bytes());
        let at = bytes.len();
        bytes.extend([0xE4, 0xB8, b'x']);
        let e = decode(bytes).unwrap_err();
        assert_eq!(
            e,
            format!("not valid UTF-8 (invalid byte at offset {at}); save the post as UTF-8")
        );
        assert_eq!(decode_slice("中文 ok".as_bytes()), Ok("中文 ok"));
    }
}
