//! The rules' documents and registry.

mod docs;
mod registry;
