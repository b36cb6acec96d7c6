//! `textDocument/definition`: from a `post_url`, `link`, `include` or
//! `include_relative` tag, a layout, or a link into the site, to the file
//! it leads to; and the site facts the front matter's hover shows (where
//! Jekyll writes the file).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types as lsp;

use super::position::Lines;
use super::session::Session;
use super::{MAX_DOCUMENT, RequestError};
use crate::engine::references::{Leads, SiteGraph, resolve_all};
use crate::model::jekyll::permalink::unescape;
use crate::model::jekyll::site_files::place::place;
use crate::model::jekyll::site_files::{FileKind, classify};
use crate::model::post::Post;

/// Where Jekyll writes an open document: its URL and output file, or why
/// it writes none.
pub struct Where {
    pub kind: &'static str,
    pub url: Option<String>,
    pub dest: Option<String>,
    pub why: Option<String>,
}

impl Session {
    pub fn definition(
        &mut self,
        params: &lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>, RequestError> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        let doc = self.document(uri)?;
        if doc.text.len() > MAX_DOCUMENT || !doc.on_disk {
            return Ok(None);
        }
        let (path, text) = (doc.path.clone(), doc.text.clone());
        let offset = Lines::new(&text, self.encoding).offset(at.position);
        let config = self.config_for(&path, true);
        let site = &config.site;
        let Some(root) = site.root.clone() else {
            return Ok(None);
        };
        let post = Post::parse(&text, config.settings.parse_options(site));
        let rel = site.relative(&path);
        let kind = classify(&rel, true, site);
        let now = config
            .now
            .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
        let placed = place(&path, &rel, &kind, Some(&post), site, now);
        let url = placed.url.as_deref().map(unescape);
        // The site's files, and its posts as the workspace index holds
        // them (by their paths from the workspace root).
        let resolver = self.resolver_for(&path, true);
        let Some(ws) = self.repo.as_mut() else {
            return Ok(None);
        };
        let (outputs, posts) = ws.graph(&resolver, &root);
        let none = Default::default();
        let graph = SiteGraph {
            judged: outputs.is_some(),
            outputs: outputs.as_ref().unwrap_or(&none),
            posts: &posts,
        };
        let here = resolve_all(&post, site, &rel, url.as_deref(), &graph)
            .into_iter()
            .find(|r| r.span.start <= offset && offset <= r.span.end);
        let Some(Leads::File(file)) = here.map(|r| r.leads) else {
            return Ok(None);
        };
        let target = if Path::new(&file).is_absolute() {
            PathBuf::from(file)
        } else {
            root.join(file)
        };
        let Some(uri) = url::Url::from_file_path(&target)
            .ok()
            .and_then(|u| lsp::Uri::from_str(u.as_str()).ok())
        else {
            return Ok(None);
        };
        Ok(Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location {
            uri,
            range: lsp::Range::default(),
        })))
    }

    /// Where Jekyll writes the open document at `uri`, when it is a file of
    /// a site.
    pub fn where_written(&mut self, uri: &lsp::Uri) -> Option<Where> {
        let doc = self.documents.get(uri)?;
        if !doc.on_disk || doc.text.len() > MAX_DOCUMENT {
            return None;
        }
        let (path, text) = (doc.path.clone(), doc.text.clone());
        let config = self.config_for(&path, true);
        let site = &config.site;
        site.root.as_ref()?;
        let post = Post::parse(&text, config.settings.parse_options(site));
        let rel = site.relative(&path);
        let front_matter = !matches!(
            post.front_matter,
            crate::model::front_matter::block::FrontMatter::Missing
        );
        let kind = classify(&rel, front_matter, site);
        if matches!(kind, FileKind::Skipped { .. }) {
            return None;
        }
        let now = config
            .now
            .map_or_else(|| crate::engine::clock().instant, |n| n.instant);
        let placed = place(&path, &rel, &kind, Some(&post), site, now);
        Some(Where {
            kind: kind.name(),
            url: placed.url,
            dest: placed.dest,
            why: placed.why,
        })
    }
}
