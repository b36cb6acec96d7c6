//! What `Date._parse` finds in a text: the [`Fields`] its parts fill in.

/// What `Date._parse` finds in a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub year: Option<i64>,
    pub mon: Option<i64>,
    pub mday: Option<i64>,
    pub hour: Option<i64>,
    pub min: Option<i64>,
    pub sec: Option<i64>,
    /// Nanoseconds.
    pub nanos: Option<i64>,
    pub zone: Option<String>,
}
