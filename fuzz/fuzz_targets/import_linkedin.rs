//! `cargo fuzz run import_linkedin`: any bytes, through the checks of `checks::linkedin`.

#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = checks::linkedin(bytes);
});
