//! The formats inference writes for strings: `uri` for absolute http(s)
//! URLs. (`jekyll-date` is what [`crate::model::date::format::parse`]
//! reads.)

/// Whether `s` is an absolute http or https URL that is a URI by RFC 3986
/// as it is written: ASCII, no spaces, `%` only before two hexadecimal
/// digits, and a host. Stricter than a browser, so that whatever checks
/// `format: uri` later accepts it too.
pub fn is_uri(s: &str) -> bool {
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() {
        return false;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let hex = |j: usize| b.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return false;
            }
            i += 3;
            continue;
        }
        let allowed = c.is_ascii_alphanumeric() || b"-._~:/?#@!$&'()*+,;=".contains(&c);
        if !allowed {
            return false;
        }
        i += 1;
    }
    // One `#` at most; `?` and `#` are never in the host.
    s.matches('#').count() <= 1 && url::Url::parse(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_uri;

    #[test]
    fn absolute_http_urls_only() {
        assert!(is_uri("https://example.com/a/b?c=d#e"));
        assert!(is_uri("http://example.com"));
        assert!(is_uri("https://example.com/%E4%B8%AD"));
        assert!(!is_uri("https://example.com/中"));
        assert!(!is_uri("https://example.com/a b"));
        assert!(!is_uri("https://example.com/%zz"));
        assert!(!is_uri("https:///path"));
        assert!(!is_uri("ftp://example.com/"));
        assert!(!is_uri("/news/a.html"));
        assert!(!is_uri("example.com"));
    }
}
