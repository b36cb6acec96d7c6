//! The source URL key (the first configured source key present): where it
//! is, its parsed value, and the URL normalised as it identifies an
//! article.

use std::ops::Range;

use url::Url;

use super::block::Entry;
use super::scalar::Scalar;
use crate::model::tag::pattern::percent_decode_strict;
use crate::model::yaml::NodeKind;

/// The source URL key and its parsed value.
pub struct SourceField {
    pub key: String,
    pub key_span: Range<usize>,
    pub value_span: Range<usize>,
    /// The URL text; `None` when the value is not a string.
    pub text: Option<String>,
    /// The parsed URL, when the value is a non-empty string.
    pub url: Option<Result<Url, url::ParseError>>,
}

pub(crate) fn read_source(entry: &Entry) -> SourceField {
    let text = match &entry.value.kind {
        NodeKind::Scalar {
            value: Scalar::Null,
            ..
        } => Some(String::new()),
        NodeKind::Scalar { text, .. } => Some(text.trim().to_string()),
        _ => None,
    };
    let url = text.as_deref().filter(|t| !t.is_empty()).map(Url::parse);
    SourceField {
        key: entry.key.clone(),
        key_span: entry.key_span.clone(),
        value_span: entry.value.span.clone(),
        text,
        url,
    }
}

/// A source URL as it identifies an article: `http` and `https` alike, the
/// host lowercased, the path percent-decoded once and without a trailing
/// `/`, the query kept, the fragment dropped.
pub fn normalize_source(url: &url::Url) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?;
    let path = percent_decode_strict(url.path()).unwrap_or_else(|_| url.path().to_string());
    let path = path.trim_end_matches('/');
    let query = url.query();
    let mut out =
        String::with_capacity(host.len() + 6 + path.len() + query.map_or(0, |q| q.len() + 1));
    out.push_str(host);
    out.make_ascii_lowercase();
    if let Some(port) = url.port() {
        out.push(':');
        out.push_str(&port.to_string());
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    Some(out)
}
