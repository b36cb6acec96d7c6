//! Whether the first segment of a URL without a scheme looks like a host
//! name (`www.example.com/guide`, `example.com/docs`), which its writer
//! meant as another site and a browser takes as a relative path. Kept
//! narrow: a file name such as `image.png`, `post.html` or `v1.2` is not a
//! host, and a finding about one would be wrong.

/// Top-level domains a host written without its scheme ends with, in
/// practice. Those that are also common file extensions (`.md`, `.sh`,
/// `.py`, `.rs`, `.pl`, `.ai`, `.cc`, `.so`, `.zip`, `.mov`, …) are left
/// out on purpose: see [`FILE_EXTENSIONS`].
const TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "dev", "app", "co", "me", "info", "biz",
    "blog", "tech", "xyz", "site", "online", "page", "wiki", "news", "cloud", "us", "uk", "de",
    "fr", "jp", "cn", "kr", "ru", "nl", "eu", "ca", "au", "it", "es", "br", "ch", "se", "no", "fi",
    "dk", "at", "be", "cz", "tw", "hk", "vn", "nz", "ie", "pt", "gr", "hu", "ro", "ua", "tr", "il",
    "ar", "mx", "cl", "za", "sg", "my", "id", "th", "ph",
];

/// File extensions that are never read as a top-level domain, even where
/// one exists by that name: `index.html`, `README.md`, `photo.png`.
pub const FILE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "md", "markdown", "mkd", "txt", "xml", "json", "yml", "yaml", "toml",
    "csv", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp", "tif", "tiff",
    "mp3", "mp4", "mov", "webm", "ogg", "wav", "zip", "gz", "tgz", "xz", "bz2", "rar", "7z", "tar",
    "css", "scss", "js", "mjs", "ts", "py", "rb", "rs", "go", "sh", "pl", "php", "java", "c", "h",
    "cc", "cpp", "ai", "so", "exe", "dmg", "deb", "rpm", "ipynb", "doc", "docx", "xls", "xlsx",
    "ppt", "pptx", "epub", "ps", "tex", "bib", "woff", "woff2", "ttf", "eot", "map", "atom", "rss",
];

/// Whether `segment` (the first segment of a path with no scheme) looks
/// like a host: it has a dot, only letters, digits, `-` and `.` (and an
/// optional `:port`), no empty label, and either starts with `www.` or
/// ends with a known top-level domain that is no file extension.
pub fn looks_like_host(segment: &str) -> bool {
    let host = match segment.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => segment,
    };
    let mut labels = host.split('.');
    let labels_ok = host.contains('.')
        && host.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if !labels_ok {
        return false;
    }
    let last = labels.next_back().unwrap_or_default().to_ascii_lowercase();
    if FILE_EXTENSIONS.contains(&last.as_str()) || !last.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let www = host.len() > 4 && host[..4].eq_ignore_ascii_case("www.") && labels.count() >= 2;
    www || TLDS.contains(&last.as_str())
}
