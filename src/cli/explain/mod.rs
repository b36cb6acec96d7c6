//! `postlint explain`: what Jekyll makes of each file named, as the site
//! model works it out: its kind (or why it is skipped), URL, output file,
//! date, whether it is published, and its layout.
//!
//! - `file`: one file explained, its content read;
//! - here: the arguments, the files the paths name, and the output.

mod file;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{error, exit};
use crate::engine::Resolver;
use file::Explained;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders of a Jekyll site; a folder means every file in it [default: .]
    pub paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human, visible_alias = "format")]
    pub output_format: Format,
    /// Use this config file instead of searching for postlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Judge future dates against this time instead of the clock (RFC 3339)
    #[arg(long, value_name = "TIME")]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let mut config = match super::check::load_config_at(args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    config.now = Some(match args.now {
        Some(instant) => crate::model::jekyll::site::Now {
            instant,
            given: true,
        },
        None => crate::engine::clock(),
    });
    let resolver = match Resolver::new(config, crate::runner::read::Disk) {
        Ok(r) => r,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let paths: Vec<String> = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let mut code = exit::OK;
    let mut explained = Vec::new();
    let mut graphs = std::collections::HashMap::new();
    for arg in &paths {
        let path = Path::new(arg);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                error(format!("{arg}: {}", crate::runner::read::describe(&e)));
                code = exit::TOOL_ERROR;
                continue;
            }
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| cwd.join(path));
        let probe = if meta.is_dir() {
            absolute.join("_config.yml")
        } else {
            absolute.clone()
        };
        let mut config = crate::config::Config::clone(&resolver.settings_for(&probe));
        // Without a `_config.yml`, the site is the folder postlint runs in
        // (or the folder named, when it is not below it).
        let root = config.site.root.clone().unwrap_or_else(|| {
            if absolute.starts_with(&cwd) {
                cwd.clone()
            } else if meta.is_dir() {
                absolute.clone()
            } else {
                absolute.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        });
        config.site.root = Some(root.clone());
        let listing = resolver.listing(&root);
        let rel = relative(&absolute, &root);
        let mut wanted: BTreeMap<String, bool> = BTreeMap::new();
        if meta.is_dir() {
            for f in &listing.files {
                if rel.is_empty() || f.rel.starts_with(&format!("{rel}/")) {
                    wanted.insert(f.rel.clone(), f.front_matter);
                }
            }
        } else {
            let front_matter = match listing.get(&rel) {
                Some(f) => f.front_matter,
                None => crate::runner::listing::opens_front_matter(&absolute),
            };
            wanted.insert(rel, front_matter);
        }
        // The site's graph, for where each reference leads: made once per
        // site.
        let (outputs, posts) = graphs.entry(root.clone()).or_insert_with(|| {
            (
                crate::runner::site_outputs::one_site(&resolver, &root),
                crate::runner::site_outputs::post_keys(&resolver, &root),
            )
        });
        let none = Default::default();
        let graph = crate::engine::references::SiteGraph {
            judged: outputs.is_some(),
            outputs: outputs.as_ref().unwrap_or(&none),
            posts,
        };
        for (rel, front_matter) in wanted {
            explained.push(file::explain(&root, &rel, front_matter, &config, &graph));
        }
    }
    for e in resolver.take_site_errors() {
        if e.is_fatal() {
            code = exit::TOOL_ERROR;
        }
        eprintln!("{:?}", miette::Report::new(e));
    }
    let written = super::emit(|out| match args.output_format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &explained)?;
            writeln!(out)
        }
        Format::Human => human(out, &explained),
    });
    if written != exit::OK {
        return written;
    }
    code
}

/// `path` from `root`, with `/`; empty for the root itself.
fn relative(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            std::path::Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    parts.join("/")
}

/// Each file as a block: its path, then what Jekyll makes of it.
fn human(out: &mut dyn Write, explained: &[Explained]) -> std::io::Result<()> {
    use crate::report::escape_controls_all as show;
    for (i, e) in explained.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", show(&e.path))?;
        match &e.collection {
            Some(c) => writeln!(out, "  kind: {} of `{}`", e.kind, show(c))?,
            None => writeln!(out, "  kind: {}", e.kind)?,
        }
        if let Some(url) = &e.url {
            writeln!(out, "  url: {}", show(url))?;
        }
        if let Some(dest) = &e.dest {
            writeln!(out, "  output: {}", show(dest))?;
        }
        if let Some(date) = &e.date {
            writeln!(out, "  date: {date}")?;
        }
        if e.kind != "skipped" {
            writeln!(
                out,
                "  published: {}",
                if e.published { "yes" } else { "no" }
            )?;
        }
        if let Some(layout) = &e.layout {
            writeln!(out, "  layout: {}", show(layout))?;
        }
        if let Some(schema) = &e.schema {
            writeln!(
                out,
                "  schema: `{}` ({}), from {}",
                show(&schema.name),
                show(&schema.file),
                show(&schema.why)
            )?;
        }
        if let Some(why) = &e.why {
            writeln!(out, "  why: {}", show(why))?;
        }
        if !e.links.is_empty() {
            writeln!(out, "  links:")?;
        }
        for l in &e.links {
            let leads = match (&l.file, l.leads) {
                (Some(file), _) => format!("-> {}", show(file)),
                (None, "nothing") => "-> nothing (broken)".to_string(),
                (None, "plugin") => "-> a file a plugin makes".to_string(),
                (None, "no-scheme") => "-> a path on this site (no scheme)".to_string(),
                (None, other) => format!("({})", other.replace('-', " ")),
            };
            writeln!(
                out,
                "    {}:{} {} `{}` {leads}",
                l.line,
                l.column,
                l.kind,
                show(&l.text)
            )?;
        }
    }
    Ok(())
}
