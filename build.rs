//! Links the `netjournal` binary position-independent (PIE), as the platform's toolchain does by
//! default, unless a packager asks for a fixed address with `NETJOURNAL_NO_PIE=1`.
//!
//! A PIE is hardening: the executable's own code and data are placed at a random address at
//! every start, like the shared libraries, the stack and the heap. netjournal carries the
//! bundled SQLite, C code that parses journal files which may come from another device, so the
//! default keeps that protection.
//!
//! What it costs: `rrule` brings in `chrono-tz`, whose tables of time-zone transitions hold
//! about 32,000 pointers (a megabyte of `.data.rel.ro`), and in a PIE the dynamic loader
//! rewrites every one of them at start-up, some 350 copy-on-write page faults, about 0.6 ms of
//! each command: `log meeting` on a 100,000-meeting journal takes 1.3 to 1.6 × the sqlite3
//! shell's INSERT of the same row, against about 1.0 × linked at a fixed address
//! (`benches/cli.sh`, docs/performance.md). Packing the relocations (`-z pack-relative-relocs`)
//! was tried and saves nothing: the cost is the pages written, not the table read.
//!
//! `NETJOURNAL_NO_PIE=1 cargo build --release` links at a fixed address (`-no-pie`, Linux only)
//! for a packager who prefers those 0.6 ms to the randomised address; any other value, or none,
//! builds the default PIE.

use std::env;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=NETJOURNAL_NO_PIE");
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let no_pie = env::var_os("NETJOURNAL_NO_PIE").is_some_and(|value| value == "1");
    if linux && no_pie {
        // The compiler asks the linker for `-pie`; this comes after it on the command line,
        // and the last of the two wins, with GCC's and Clang's drivers alike.
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
