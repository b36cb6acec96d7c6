use std::ops::Range;
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    None,
    Baseurl,
    UrlAndBaseurl,
    RelativeUrl,
    AbsoluteUrl,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefKind {
    Link,
    Image,
    Definition,
    Autolink,
    Html { element: String, attr: String },
    PostUrl,
    LinkTag,
    Include,
    IncludeRelative,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub kind: RefKind,
    pub span: Range<usize>,
    pub url: String,
    pub prefix: Prefix,
    pub dynamic: bool,
}
pub fn find(_text: &str, _body: Range<usize>) -> Vec<Reference> {
    Vec::new()
}
