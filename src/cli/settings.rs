//! `postlint check --show-settings`: what each folder of posts is checked
//! with, as the engine's resolver decides it, instead of checking.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{error, exit};
use crate::discover::discover;
use crate::engine::Resolver;
use crate::rules::{self, RULES};

/// Print the settings of every folder of posts `paths` (the arguments of
/// `check`, with its `--force-exclude`) name.
pub fn show(paths: &[String], force_exclude: bool, resolver: &Resolver) -> u8 {
    let found = match discover(
        paths,
        resolver.filter(),
        force_exclude,
        &|p: &std::path::Path| crate::runner::read::is_page(resolver, p),
    ) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let base = resolver.base();
    match &base.path {
        Some(path) => println!("config: {}", path.display()),
        None => println!("config: none (the defaults)"),
    }
    println!("profile: {}", base.profile.map_or("auto", |k| k.as_str()));
    let on: Vec<&str> = RULES
        .iter()
        .enumerate()
        .filter(|&(i, _)| base.level(i).is_some())
        .map(|(_, r)| r.id)
        .collect();
    println!("rules on: {}", on.join(", "));
    schemas(&base.settings.schema.declared);
    // One entry per folder of posts: its first file stands for it.
    let mut folders: BTreeMap<PathBuf, (PathBuf, usize)> = BTreeMap::new();
    for file in &found.files {
        let folder = crate::site_loader::posts_folder(file);
        folders.entry(folder).or_insert((file.clone(), 0)).1 += 1;
    }
    for (folder, (file, count)) in &folders {
        let site = resolver.site_for(file);
        println!();
        println!(
            "{} ({count} {})",
            folder.display(),
            if *count == 1 { "post" } else { "posts" }
        );
        let kind = site.kind.map_or("per post", |k| k.as_str());
        println!("  kind: {kind} ({})", site.kind_reason);
        let mirror_only = rules::MIRROR_FAMILIES.join(", ");
        match site.mirror_whatever_the_post() {
            Some(true) => println!("  mirror families ({mirror_only}): run on every post"),
            Some(false) => println!("  mirror families ({mirror_only}): not run"),
            None => println!(
                "  mirror families ({mirror_only}): run only on posts in the mirror format"
            ),
        }
        let ordinary_only = rules::ORDINARY_FAMILIES.join(", ");
        match site.mirror_whatever_the_post() {
            Some(true) => println!("  site families ({ordinary_only}): not run"),
            Some(false) => {
                println!("  site families ({ordinary_only}): run on every post and page")
            }
            None => println!(
                "  site families ({ordinary_only}): run only on posts not in the mirror format"
            ),
        }
        match &site.root {
            Some(root) => println!("  _config.yml: {}", root.join("_config.yml").display()),
            None => println!("  _config.yml: none"),
        }
        println!("  timezone: {}", site.timezone.iana_name().unwrap_or("UTC"));
        println!(
            "  permalink: {}",
            site.permalink
                .as_deref()
                .unwrap_or("date (Jekyll's default)")
        );
        println!("  front matter defaults: {}", site.defaults.len());
        if let Some(loaded) = &base.settings.schema.loaded {
            match loaded.schema_for(file, &site) {
                Some((compiled, why)) => {
                    println!("  schema: {} ({why})", compiled.declared.name)
                }
                None => println!(
                    "  schema: none (no `[[schema]]` matches {})",
                    file.display()
                ),
            }
        }
        if !site.liquid.tags.is_empty() || !site.liquid.filters.is_empty() {
            println!(
                "  plugin Liquid: tags [{}], filters [{}]",
                site.liquid.tags.join(", "),
                site.liquid.filters.join(", ")
            );
        }
        if site.liquid.unknown_plugins {
            println!(
                "  plugin Liquid: a plugin postlint does not know; unknown tags and filters are not reported"
            );
        }
    }
    let mut code = exit::OK;
    for e in resolver.take_site_errors() {
        if e.is_fatal() {
            code = exit::TOOL_ERROR;
        }
        eprintln!("{:?}", miette::Report::new(e));
    }
    code
}

/// The `[[schema]]` tables: name, file, and the documents they are for.
fn schemas(declared: &[crate::rules::schema::Declared]) {
    if declared.is_empty() {
        println!("schemas: none");
        return;
    }
    println!("schemas:");
    for d in declared {
        let applies = match &d.scope {
            Some((path, kind)) => format!(
                "scope path `{path}`{}",
                kind.as_deref()
                    .map(|k| format!(", type `{k}`"))
                    .unwrap_or_default()
            ),
            None => {
                let globs: Vec<String> = d.files.iter().map(|g| format!("`{g}`")).collect();
                format!("files {}", globs.join(", "))
            }
        };
        println!("  {}: {}, {applies}", d.name, d.schema);
    }
}
