//! Tests that try hard to break the journal (issue 8): processes killed while they write, many
//! writers at once, hostile input to every parser and to the command line, the importers fed
//! their fuzzers' corpora, old and new journals, a file system that says no, and where a user's
//! data ends up. Each test prints its figures (cases run, trials, kills) on stderr, past the
//! test harness's capture, so that they show in `cargo test`'s output; README.md's
//! "Reliability" section copies them from a real run.
//!
//! A binary of its own, beside the end-to-end tests of `tests/cli`, whose `TestEnv` it shares.

#[allow(dead_code)]
#[path = "../cli/common.rs"]
mod common;

mod support;

mod concurrency;
mod crash;
mod filesystem;
mod hostile_args;
mod hostile_files;
mod importers;
mod migrations;
mod parsers;
mod privacy;
