//! The language server's frame reader over any byte stream.
#![no_main]

#[path = "../../tests/it/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::frames(data);
});
