//! [`Settings`]: every setting the rules read, each family's and each
//! rule's.

use std::any::Any;

use super::options::{Configurable, RuleOptions};
use super::{front_matter, schema, source, tag_link, timestamp};
use crate::model::ParseOptions;
use crate::model::jekyll::site::Site;

/// Every setting the rules read: each family's settings, and each rule's
/// options. The defaults until a config file says otherwise.
#[derive(Clone, Debug)]
pub struct Settings {
    pub front_matter: front_matter::Settings,
    pub timestamp: timestamp::Settings,
    pub tag_link: tag_link::Settings,
    pub source: source::Settings,
    /// `[[schema]]`, and the schemas read for the run.
    pub schema: schema::Settings,
    /// The options of each rule that has some, in registry order.
    rules: Vec<Option<Box<dyn RuleOptions>>>,
}

impl Settings {
    /// The defaults, with `rules` the default options of each rule that has
    /// some, in registry order (the registry's `Default` gives them).
    pub(super) fn with_rule_options(rules: Vec<Option<Box<dyn RuleOptions>>>) -> Settings {
        Settings {
            front_matter: Default::default(),
            timestamp: Default::default(),
            tag_link: Default::default(),
            source: Default::default(),
            schema: Default::default(),
            rules,
        }
    }

    /// The settings of a family (`[timestamp]`), if it has any.
    pub fn family_mut(&mut self, family: &str) -> Option<&mut dyn Configurable> {
        match family {
            "front-matter" => Some(&mut self.front_matter),
            "timestamp" => Some(&mut self.timestamp),
            "tag-link" => Some(&mut self.tag_link),
            "source" => Some(&mut self.source),
            _ => None,
        }
    }

    /// The options of the rule at registry index `index`, if it has any.
    pub fn rule_mut(&mut self, index: usize) -> Option<&mut dyn Configurable> {
        let options = self.rules.get_mut(index)?.as_mut()?;
        Some(options.as_configurable_mut())
    }

    /// A rule's options, by their type.
    ///
    /// # Panics
    /// When no registry line names `T` as a rule's options.
    pub fn rule<T: Any>(&self) -> &T {
        self.rules
            .iter()
            .flatten()
            .find_map(|o| o.as_any().downcast_ref())
            .expect("the options type is registered")
    }

    /// A rule's options, by their type, to change them.
    ///
    /// # Panics
    /// When no registry line names `T` as a rule's options.
    pub fn rule_options_mut<T: Any>(&mut self) -> &mut T {
        self.rules
            .iter_mut()
            .flatten()
            .find_map(|o| o.as_any_mut().downcast_mut())
            .expect("the options type is registered")
    }

    /// What reading a post of `site` needs from the settings.
    pub fn parse_options<'a>(&'a self, site: &'a Site) -> ParseOptions<'a> {
        ParseOptions {
            timezone: &site.timezone,
            unit: self.timestamp.unit,
            source_keys: &self.source.keys,
            tag_patterns: &self.tag_link.patterns,
            tag_scope: (!self.tag_link.configured).then_some(crate::model::tag::link::TagScope {
                external: site.mirror_whatever_the_post(),
                own_host: site.host.as_deref(),
            }),
        }
    }
}
