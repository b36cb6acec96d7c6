use super::Prefix;
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    External,
    Skipped,
    NoScheme {
        host: String,
    },
    Internal {
        path: String,
        fragment: Option<String>,
        missing_baseurl: bool,
    },
}
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteUrl {
    pub host: Option<String>,
    pub baseurl: String,
}
pub fn resolve(_url: &str, _prefix: Prefix, _page_url: &str, _site: &SiteUrl) -> Target {
    Target::External
}
