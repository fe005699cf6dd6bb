//! `import FILE.json`, `import linkedin FILE.csv`, `import ics FILE.ics`: bring rows into the
//! journal, each import in one transaction, idempotent (importing the same file twice adds
//! nothing the second time).

use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;

pub mod ics;
pub mod json;
pub mod linkedin;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
#[command(
    after_help = "A journal exported by `netjournal export` is merged by uuid: what the \
journal lacks is added, what it has is kept; a row the journal has with another content, or a \
network or contact of the same name under another uuid, is a conflict, reported and resolved in \
the journal's favour. Importing the same file twice adds nothing. One transaction: a bad record \
imports nothing, and is named.

Examples:
  netjournal import journal.json
  netjournal --db laptop.db export | netjournal import -"
)]
pub struct Args {
    #[command(subcommand)]
    pub source: Option<Source>,
    /// A journal written by `netjournal export` (JSON); `-` reads it from standard input
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Source {
    /// Contacts from LinkedIn's data export (Connections.csv)
    Linkedin(linkedin::Args),
    /// Meetings from calendar events (an .ics file)
    Ics(ics::Args),
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    match (args.source, args.file) {
        (Some(Source::Linkedin(args)), _) => linkedin::run(ctx, args),
        (Some(Source::Ics(args)), _) => ics::run(ctx, args),
        // `-` is standard input, as for most tools that read a file.
        (None, Some(file)) if file.as_os_str() == "-" => json::run(ctx, Path::new("/dev/stdin")),
        (None, Some(file)) => json::run(ctx, &file),
        (None, None) => Err(CliError::bad_input(Message::keyed(
            Msg::ImportNeedsFile,
            &[],
        ))),
    }
}
