//! `tag-link-malformed`: a tag link's URL is broken or its tag is empty.

use crate::model::tag::link::TagLinkError;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    for link in post.tag_links() {
        let Err(error) = &link.decoded else { continue };
        let anchor = &post.anchors()[link.anchor];
        let (span, message, label) = match error {
            TagLinkError::NotUrl(e) => (
                anchor.href.clone(),
                format!("tag link href is not a valid URL: {e}"),
                "not a URL".to_string(),
            ),
            TagLinkError::BadEscape(at) => (
                at.clone(),
                format!(
                    "tag link has an invalid percent escape `{}`",
                    post.slice(at)
                ),
                "`%` must be followed by two hex digits".to_string(),
            ),
            TagLinkError::NotUtf8 => (
                link.tag.clone(),
                "tag in link decodes to bytes that are not UTF-8".to_string(),
                "not UTF-8 once decoded".to_string(),
            ),
            TagLinkError::Empty => (
                anchor.href.clone(),
                "tag link has an empty tag".to_string(),
                "no tag in this URL".to_string(),
            ),
        };
        out.push(out.diagnostic(span, message).label(label).help(
            "link to the tag page with the tag percent-encoded as UTF-8, \
            such as `/tag/%E7%8E%8B%E6%AF%85.html`",
        ));
    }
}
