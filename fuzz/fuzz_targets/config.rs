//! Read the input as `postlint.toml` and as `_config.yml`.
#![no_main]

#[path = "../../tests/it/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::config(&String::from_utf8_lossy(data));
});
