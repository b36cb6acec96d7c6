//! The front matter: the `---` block and its top-level entries ([`block`]),
//! YAML scalars resolved as Jekyll resolves them ([`scalar`]), values read
//! as words ([`words`]), and the source URL key ([`source`]). The YAML tree
//! itself is read by [`super::yaml`] and [`super::simple_yaml`].

pub mod block;
pub mod scalar;
pub mod source;
pub mod words;
