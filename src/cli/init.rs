//! `postlint init`: write a commented `postlint.toml` suited to the
//! repository in the current folder, a mirror or an ordinary site, as the
//! kind of site is decided for `check` (see [`crate::site_loader::detect_kind`]).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use super::{error, exit};
use crate::config::Config;
use crate::discover::{PathFilter, discover};
use crate::model::jekyll::site::Kind;
use crate::site_loader;

/// The file `init` writes, in the current folder.
const FILE: &str = "postlint.toml";

pub fn run() -> u8 {
    if Path::new(FILE).exists() {
        error(format!(
            "{FILE} already exists: edit it, or remove it to write a new one"
        ));
        return exit::TOOL_ERROR;
    }
    let config = Config::default();
    let filter = match PathFilter::new(&config) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let found = match discover(&[], &filter, false, &|_| false) {
        Ok(f) => f,
        Err(e) => {
            error(e);
            return exit::TOOL_ERROR;
        }
    };
    let folders: BTreeSet<_> = found
        .files
        .iter()
        .map(|f| site_loader::posts_folder(f))
        .collect();
    let (mut mirrors, mut ordinary) = (0, 0);
    let mut close = Vec::new();
    for folder in &folders {
        let verdict = site_loader::detect_kind(folder, &config.settings.source.keys);
        match verdict.kind {
            Some(Kind::Mirror) => mirrors += 1,
            Some(Kind::Ordinary) => ordinary += 1,
            None => {}
        }
        if verdict.close {
            close.push(verdict.reason);
        }
    }
    let kind = if mirrors > 0 && mirrors >= ordinary {
        Kind::Mirror
    } else {
        Kind::Ordinary
    };
    let text = template(kind);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(FILE)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        error(format!("cannot write {FILE}: {e}"));
        return exit::TOOL_ERROR;
    }
    println!(
        "wrote {FILE} for {}: {mirrors} of {} folders of posts in the mirror format",
        match kind {
            Kind::Mirror => "a mirror",
            Kind::Ordinary => "an ordinary Jekyll site",
        },
        folders.len(),
    );
    // The profile written pins the kind: say where leaving it to `auto`
    // could have gone the other way.
    for reason in close {
        println!(
            "note: {}: a close verdict, which the profile written pins",
            reason.trim_start_matches("auto: ")
        );
    }
    exit::OK
}

/// The commented settings for a site of `kind`. Each is valid as written
/// (see the tests); the commented-out lines show the usual changes.
fn template(kind: Kind) -> String {
    let head = match kind {
        Kind::Mirror => {
            "\
# postlint settings for a mirror: posts a generator copies from news sites,
# with a source URL (`from:`) and, in newer posts, a `<!--epoch-->` timestamp
# comment and a `[title](source)` header link.
#
# `profile` says what kind of site this is. \"mirror\" runs the mirror rules
# (`timestamp`, `source` and the news sites' tag links) on every post, so a
# post whose `from:` was lost is still reported, and reports any Liquid, which
# the generator never writes. \"auto\" would decide it from a sample of the
# posts of each folder.
profile = \"mirror\"
"
        }
        Kind::Ordinary => {
            "\
# postlint settings for an ordinary Jekyll site: posts written by people,
# whose Liquid (`{{ site.baseurl }}`, `{% highlight %}`, `{% post_url %}`) is
# meant.
#
# `profile` says what kind of site this is. \"ordinary\" leaves out the mirror
# rules (`timestamp`, `source`), reads tag links only to the site's own pages,
# and reports only the Liquid Jekyll fails on or mangles. \"auto\" would decide
# it from a sample of the posts of each folder.
profile = \"ordinary\"
"
        }
    };
    let common = "
# Files to leave out, besides `_site`, `.jekyll-cache` and the like.
# extend-exclude = [\"archive/**\"]

# Rules or families to turn off (\"off\") or to change: \"info\", \"warning\",
# \"error\". `postlint rules` lists them; `postlint rule <id>` explains one.
[rules]
# jekyll-future-date = \"off\"
";
    let tail = match kind {
        Kind::Mirror => {
            "# timestamp-missing = \"warning\"       # off by default: require the comment

# The front matter keys that hold the source URL; the first present counts.
[source]
keys = [\"from\"]

# The URL paths of the tag pages the posts link to; `*` is one segment, `**`
# any. By default: a `tag` or `tags` segment, then the tag.
# [tag-link]
# patterns = [\"**/tag/{tag}.html\", \"**/tags/{tag}/\"]
"
        }
        Kind::Ordinary => {
            "
# The keys every post must have; `date` and `title` may come from the file
# name, and any key from `defaults:` in `_config.yml`.
[rules.front-matter-missing-key]
required = [\"title\", \"date\"]
"
        }
    };
    format!("{head}{common}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_a_valid_config() {
        for kind in [Kind::Mirror, Kind::Ordinary] {
            let config = Config::parse(&template(kind), FILE).unwrap();
            assert_eq!(config.profile, Some(kind));
        }
    }
}
