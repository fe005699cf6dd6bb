//! Links the `netjournal` binary as a position-dependent executable on Linux.
//!
//! `rrule` brings in `chrono-tz`, whose tables of time-zone transitions hold about 32,000
//! pointers to the zones' abbreviations: a megabyte of `.data.rel.ro`. In a position-independent
//! executable the dynamic loader rewrites every one of those pointers at start-up, whether or not
//! the command reads a time zone, and each rewritten page is a copy-on-write page fault: some 350
//! faults, 0.8 ms of the 3.7 ms that `log meeting` takes on a 100,000-meeting journal (see
//! `benches/cli.sh`). Linked at a fixed address, the binary has no such relocations and the
//! tables stay on disk until an `.ics` import reads them.
//!
//! What it gives up: the executable's own code and data are not placed at a random address
//! (shared libraries, the stack, the heap and every mapping still are). netjournal parses its
//! untrusted inputs (JSON, CSV, iCalendar) in safe Rust, and hands SQLite only bound values.
//! A packager who wants a position-independent binary anyway builds with `NETJOURNAL_PIE=1`.

use std::env;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=NETJOURNAL_PIE");
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let keep_pie = env::var_os("NETJOURNAL_PIE").is_some_and(|value| value == "1");
    if linux && !keep_pie {
        // The compiler asks the linker for `-pie`; this comes after it on the command line,
        // and the last of the two wins, with GCC's and Clang's drivers alike.
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
