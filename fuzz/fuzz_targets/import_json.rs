//! `cargo fuzz run import_json`: any bytes, through the checks of `checks::json`.

#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = checks::json(bytes);
});
