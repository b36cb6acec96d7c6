//! Fix a post with every fix: idempotent, byte order mark and line endings
//! kept, and what is left equal to a fresh check.
#![no_main]

#[path = "../../tests/it/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::fix(text);
    }
});
