//! The gems a site's `Gemfile` names: plugins too, for what Jekyll builds.

/// The gems a `Gemfile` names (`gem "jekyll-feed"`), in order.
pub fn gemfile_gems(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix("gem")?;
            let rest = rest.strip_prefix(['(', ' ', '\t'])?.trim_start();
            let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let name = &rest[1..];
            let end = name.find(quote)?;
            Some(name[..end].to_string()).filter(|n| !n.is_empty())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn gem_lines() {
        let text = "source 'https://rubygems.org'\ngem \"jekyll\", \"~> 4.3\"\ngroup :jekyll_plugins do\n  gem 'jekyll-feed'\nend\n# gem \"off\"\n";
        assert_eq!(super::gemfile_gems(text), ["jekyll", "jekyll-feed"]);
    }
}
