//! Reading a post from disk or standard input as UTF-8 text, refusing what
//! is not a post.

use std::io::Read;
use std::path::Path;

/// Files larger than this are not checked (a post is a few hundred KiB).
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The limit in words, for messages.
pub fn max_file_size_text() -> String {
    format!("{} MiB", MAX_FILE_SIZE / (1024 * 1024))
}

/// Read a post as UTF-8 text, refusing what is not a post.
pub fn read_post(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| describe(&e))?;
    let meta = file.metadata().map_err(|e| describe(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "file is {} MiB, over the {} limit for a post",
            meta.len() / (1024 * 1024),
            max_file_size_text()
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe(&e))?;
    decode(bytes)
}

/// Turn bytes into text, or say why they are not a post.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not a post".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the post as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        _ => e.to_string(),
    }
}
