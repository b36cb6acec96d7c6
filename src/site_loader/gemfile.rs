//! The plugins a site's `Gemfile` loads: the gems of its `:jekyll_plugins`
//! group, which Jekyll requires through Bundler. The other gems (Jekyll
//! itself, html-proofer, time zone data) are not plugins.

/// The gems a `Gemfile` names in its `:jekyll_plugins` group
/// (`group :jekyll_plugins do … end`, or `gem "x", group: :jekyll_plugins`),
/// in order.
pub fn gemfile_gems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // How deep in `group … do` blocks, and whether one of them is the
    // plugins' group.
    let mut groups: Vec<bool> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with("group") && line.ends_with("do") {
            groups.push(line.contains(":jekyll_plugins"));
            continue;
        }
        if line == "end" {
            groups.pop();
            continue;
        }
        let Some(rest) = line.strip_prefix("gem") else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(['(', ' ', '\t']).map(str::trim_start) else {
            continue;
        };
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let name = &rest[1..];
        let Some(end) = name.find(quote) else {
            continue;
        };
        let in_group = groups.iter().any(|g| *g)
            || name[end..].contains("group: :jekyll_plugins")
            || name[end..].contains(":group => :jekyll_plugins");
        if in_group && end > 0 {
            out.push(name[..end].to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_plugins_group_loads_plugins() {
        let text = "source 'https://rubygems.org'\ngem \"jekyll\", \"~> 4.3\"\ngem \"html-proofer\"\n\
                    group :jekyll_plugins do\n  gem 'jekyll-feed'\n  # gem \"off\"\nend\n\
                    gem \"jekyll-sitemap\", group: :jekyll_plugins\n\
                    group :test do\n  gem 'minitest'\nend\n";
        assert_eq!(super::gemfile_gems(text), ["jekyll-feed", "jekyll-sitemap"]);
    }
}
