//! One module per command: each an `Args` struct (with its `--help`) and a `run`.

pub mod add;
pub mod completions;
pub mod config;
pub mod edit;
pub mod leave;
pub mod list;
pub mod log;
pub mod man;
pub mod note;
pub mod report;
pub mod rm;
pub mod show;
