//! `cargo fuzz run import_ics`: any bytes, through the checks of `checks::ics`.

#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = checks::ics(bytes);
});
