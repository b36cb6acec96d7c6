//! Check one post alone, then two as one repository (both phases), and
//! render every format: spans stay in range and on character boundaries.
//! The input is two posts separated by a NUL byte.
#![no_main]

#[path = "../../tests/it/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    invariants::check(a, b);
});
