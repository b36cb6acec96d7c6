//! `postlint schema infer`: the posts the paths name (as `postlint check`
//! finds them, with `include` and `exclude`), each front matter read once,
//! a schema of them on standard output and the suspects on standard error.

use std::path::PathBuf;

use super::super::{error, exit};
use crate::discover::discover;
use crate::engine::Resolver;
use crate::model::front_matter::block;
use crate::model::schema_infer::{Inference, Options, tree};
use crate::report::escape_controls_all as show;
use crate::runner::{display_path, read};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders; a folder means the posts in it [default: .]
    pub paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Yaml, visible_alias = "format")]
    pub output_format: Format,
    /// Refuse keys the posts do not have (`additionalProperties: false` on every mapping)
    #[arg(long)]
    pub closed: bool,
    /// Use this config file instead of searching for postlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Apply `exclude` to the files named on the command line too
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Yaml,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let config = match super::super::check::load_config_at(args.config.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let resolver = match Resolver::new(config, read::Disk) {
        Ok(r) => r,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    // Posts only: a page's front matter is another contract.
    let found = match discover(&args.paths, resolver.filter(), args.force_exclude, &|_| {
        false
    }) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    for e in &found.errors {
        error(e);
    }
    if !found.errors.is_empty() {
        // A schema of some of the posts asked for would pass for all.
        return exit::TOOL_ERROR;
    }
    if found.files.is_empty() {
        let named = if args.paths.is_empty() {
            ".".to_string()
        } else {
            args.paths.join("`, `")
        };
        error(format!(
            "no posts found in `{}`: a post is a .md, .markdown or .html file under a _posts/ or _drafts/ folder; set `include` in postlint.toml to read other files",
            show(&named)
        ));
        return exit::TOOL_ERROR;
    }
    for arg in &found.empty {
        eprintln!("warning: no posts found in `{}`", show(arg));
    }
    let mut code = exit::OK;
    let (mut inference, mut shown) = gather(&found.files, &mut code);
    add_defaults(&mut inference, &mut shown, &found.files, &resolver);
    if inference.documents() == 0 {
        error("no post could be read: there is nothing to infer a schema from");
        return exit::TOOL_ERROR;
    }
    for suspect in inference.suspects() {
        eprintln!("suspect: {}", show(&suspect.message));
        for at in &suspect.at {
            eprintln!("  {}:{}:{}", show(&shown[at.doc]), at.line, at.column);
        }
    }
    let schema = inference.schema(&Options {
        closed: args.closed,
    });
    let text = match args.output_format {
        Format::Yaml => tree::to_yaml(
            &schema,
            &[format!(
                "The front matter of {} posts, as inferred by `postlint schema infer`; each property's count is in its comment.",
                inference.documents()
            )],
        ),
        Format::Json => tree::to_json(&schema),
    };
    let written = super::super::emit(|out| out.write_all(text.as_bytes()));
    if written != exit::OK { written } else { code }
}

/// Read each file and add its front matter; the files' names as shown,
/// by their index. A file that cannot be read is an error (`code` 2); one
/// whose front matter is not YAML is left out, with a warning.
fn gather(files: &[PathBuf], code: &mut u8) -> (Inference, Vec<String>) {
    let mut inference = Inference::default();
    let mut shown = Vec::with_capacity(files.len());
    let mut buf = Vec::new();
    for path in files {
        let name = display_path(path);
        match read::read_found_post_into(path, &mut buf) {
            Ok(text) => add(&mut inference, shown.len(), &name, text),
            Err(message) => {
                error(format!("{name}: {message}"));
                *code = exit::TOOL_ERROR;
            }
        }
        shown.push(name);
    }
    (inference, shown)
}

fn add(inference: &mut Inference, index: usize, name: &str, text: &str) {
    let (front_matter, _) = block::split(text);
    if let Err(left) = inference.add(index, text, &front_matter) {
        eprintln!(
            "warning: {}:{}:{}: {}; left out of the schema",
            show(name),
            left.at.line,
            left.at.column,
            show(&left.message)
        );
    }
}

/// Add what `defaults:` gives the posts in `files`: the values of each
/// entry of their sites' `_config.yml` whose scope reaches one of them,
/// so that the schema admits them too (Jekyll merges them into the posts'
/// data, and `postlint check` judges them).
fn add_defaults(
    inference: &mut Inference,
    shown: &mut Vec<String>,
    files: &[PathBuf],
    resolver: &Resolver,
) {
    let mut sites: Vec<(
        PathBuf,
        Vec<String>,
        std::sync::Arc<crate::model::jekyll::site::Site>,
    )> = Vec::new();
    for file in files {
        let site = resolver.site_for(file);
        let Some(root) = site.root.clone() else {
            continue;
        };
        let relative = site.relative(file);
        match sites.iter_mut().find(|(r, ..)| *r == root) {
            Some((_, posts, _)) => posts.push(relative),
            None => sites.push((root, vec![relative], site)),
        }
    }
    for (root, posts, site) in sites {
        let config = root.join("_config.yml");
        let Ok(text) = std::fs::read_to_string(&config) else {
            continue;
        };
        let Ok(Some(tree)) = crate::model::yaml::parse(&text, 0) else {
            continue;
        };
        let index = shown.len();
        let mut used = false;
        for entry in crate::site_loader::schema_defaults::entries(&tree) {
            let reaches = posts.iter().any(|p| {
                let in_path = entry.path.is_empty()
                    || p.strip_prefix(entry.path.as_str())
                        .is_some_and(|rest| rest.starts_with('/'));
                let kind = crate::rules::schema::document_type(p, &site);
                in_path && entry.kind.is_none_or(|k| k == kind)
            });
            if reaches {
                inference.add_defaults(index, &text, entry.values);
                used = true;
            }
        }
        if used {
            shown.push(display_path(&config));
        }
    }
}
