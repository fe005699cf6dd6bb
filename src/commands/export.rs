//! `export [--format json|csv] [--what TABLE] [--output FILE]`: the whole journal as one
//! versioned JSON document (see [`crate::transfer`]), or one table as CSV for a spreadsheet.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use crate::commands::list::{ListedNetwork, What, say_defused, write_csv};
use crate::context::Context;
use crate::db::{self, Access, Filter};
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;
use crate::transfer::{
    self,
    staged::{Staged, Watched},
};

/// How the journal is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// The whole journal, every row with its uuid: what `netjournal import` reads back
    #[default]
    Json,
    /// One table (`--what`), with the columns of `netjournal list … --format csv`
    Csv,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The JSON document holds every network, contact, meeting, referral and \
note with its uuid and its creation and change times, the settings and the currency; rows refer \
to one another by uuid. `netjournal import FILE` brings it into another journal, adding only what \
that journal lacks.

Examples:
  netjournal export --output journal.json
  netjournal export --format csv --what meetings --output meetings.csv
  netjournal export | jq '.networks[].name'"
)]
pub struct Args {
    /// How to write it
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ExportFormat,
    /// The table to write as CSV
    #[arg(long, value_enum, ignore_case = true, value_name = "TABLE")]
    pub what: Option<What>,
    /// Write it to this file (created readable by you only, replaced if it exists) instead of
    /// the standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With `--format csv`: write text cells as they are, even those a spreadsheet would run as
    /// a formula (starting with =, +, -, @, a tab or a carriage return), which are otherwise
    /// written after a `'`
    #[arg(long)]
    pub raw: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    match (args.format, args.what) {
        (ExportFormat::Csv, None) => {
            return Err(
                CliError::bad_input(Message::keyed(Msg::ExportCsvNeedsWhat, &[]))
                    .with_hint(Message::keyed(Msg::ExportJsonWhole, &[])),
            );
        }
        (ExportFormat::Json, Some(_)) => {
            return Err(
                CliError::bad_input(Message::keyed(Msg::ExportWhatNeedsCsv, &[]))
                    .with_hint(Message::keyed(Msg::ExportOneTableJson, &[])),
            );
        }
        _ => {}
    }
    if let Some(output) = &args.output {
        super::check_output(ctx, output)?;
    }
    let journal = ctx.open(Access::ReadOnly)?;
    let conn = journal.conn();
    match &args.output {
        Some(path) => {
            let (staged, file) = Staged::create(path)?;
            let mut out = Watched::new(file);
            let written = write(ctx, conn, &args, &mut out, true);
            let (file, failed) = out.into_parts();
            // The file's own refusal (a full disk) names the file.
            if let Some(source) = failed {
                return Err(staged.cannot_write(source).into());
            }
            written?;
            // On disk before it takes the old file's place.
            file.sync_all().map_err(|e| staged.cannot_write(e))?;
            staged.finish(true)?;
            let done = match args.what {
                Some(what) if args.format == ExportFormat::Csv => match what {
                    What::Networks => Msg::ExportedNetworks,
                    What::Meetings => Msg::ExportedMeetings,
                    What::Contacts => Msg::ExportedContacts,
                    What::Referrals => Msg::ExportedReferrals,
                    What::Notes => Msg::ExportedNotes,
                },
                _ => Msg::ExportedJournal,
            };
            let path = path.display().to_string();
            eprintln!("{}", ctx.say(done, &[("path", &path)]));
        }
        None => {
            // The bar would mix with the document on a terminal: shown only when the document
            // goes elsewhere.
            let shown = !io::stdout().is_terminal();
            write(ctx, conn, &args, io::stdout().lock(), shown)?;
        }
    }
    Ok(())
}

fn write(
    ctx: &Context,
    conn: &rusqlite::Connection,
    args: &Args,
    mut out: impl Write,
    show_progress: bool,
) -> Result<(), CliError> {
    match (args.format, args.what) {
        (ExportFormat::Csv, Some(what)) => {
            let all = Filter::default();
            let raw = args.raw;
            let defused = match what {
                What::Networks => {
                    let networks = db::network::list(conn, &all)?;
                    let networks = ListedNetwork::all(conn, networks, ctx.today())?;
                    write_csv(&mut out, &networks, raw)?
                }
                What::Meetings => write_csv(&mut out, &db::meeting::list(conn, &all)?, raw)?,
                What::Contacts => write_csv(&mut out, &db::contact::list(conn, &all)?, raw)?,
                What::Referrals => write_csv(&mut out, &db::referral::list(conn, &all)?, raw)?,
                What::Notes => write_csv(&mut out, &db::note::list(conn, &all)?, raw)?,
            };
            out.flush()?;
            say_defused(ctx.lang, defused);
        }
        _ => {
            let total = transfer::export::row_count(conn)?;
            let progress =
                transfer::progress(total, ctx.lang, Msg::ProgressExporting, show_progress);
            let written = transfer::export::write(conn, out, &ctx.timestamp(), &progress);
            progress.finish_and_clear();
            written.map_err(|error| match error {
                transfer::export::Error::Db(error) => CliError::from(error),
                transfer::export::Error::Write(error) => CliError::from(error),
            })?;
        }
    }
    Ok(())
}
