//! `import FILE.json`: bring rows into the journal, in one transaction, idempotent (importing
//! the same file twice adds nothing the second time).

use std::path::PathBuf;

use crate::context::Context;
use crate::error::CliError;

pub mod json;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "A journal exported by `netjournal export` is merged by uuid: what the \
journal lacks is added, what it has is kept; a row the journal has with another content, or a \
network or contact of the same name under another uuid, is a conflict, reported and resolved in \
the journal's favour. Importing the same file twice adds nothing. One transaction: a bad record \
imports nothing, and is named.

Examples:
  netjournal import journal.json
  netjournal --db laptop.db export | netjournal import /dev/stdin"
)]
pub struct Args {
    /// A journal written by `netjournal export` (JSON)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    match args.file {
        Some(file) => json::run(ctx, &file),
        None => Err(CliError::bad_input(
            "missing FILE: expected a journal exported as JSON",
        )),
    }
}
