//! One module per command: each an `Args` struct (with its `--help`) and a `run`.

pub mod add;
pub mod config;
pub mod leave;
pub mod list;
pub mod log;
pub mod note;
pub mod report;
pub mod show;
