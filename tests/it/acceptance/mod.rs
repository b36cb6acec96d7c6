//! Acceptance runs over real posts and sites from `../shared/corpus`.

mod corpus;
mod jekyll_sites;
mod links;
mod links_oracle;
mod site_model;
mod sites;
