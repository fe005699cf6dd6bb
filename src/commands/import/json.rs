//! `import FILE.json`: a journal written by `netjournal export` (here or on another machine)
//! merged into this one by uuid, in one transaction. See [`crate::transfer::import`] for what
//! is added, what is kept, and what is a conflict.

use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use crate::context::Context;
use crate::db::Access;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};
use crate::transfer::{self, import};

pub fn run(ctx: &Context, file: &Path) -> Result<(), CliError> {
    let shown = file.display().to_string();
    let cannot_read = |error: std::io::Error| {
        let message = Message::new(Msg::CannotRead)
            .with("path", shown.as_str())
            .with("why", &error);
        CliError::bad_input(message).caused_by(error)
    };
    let source = seekable(file).map_err(cannot_read)?;
    let mut document = import::read(source).map_err(|error| refused(file, error))?;
    let mut journal = ctx.open(Access::Write)?;
    // The whole file goes in in one transaction: a page cache that holds the pages it touches
    // keeps SQLite from writing them to the log half-way and reading them back (with the
    // default 2 MiB, an import of 100,000 meetings made 300,000 reads and 150,000 writes). At
    // most 32 MiB, taken as needed, so that the import's memory stays bounded whatever the
    // file's size (the 100,000 meetings' journal is 36 MB: as fast as with 256 MiB).
    let progress = transfer::progress(document.rows(), ctx.lang, Msg::ProgressImporting, true);
    let merged = journal.write(|tx| {
        // Set here, on the journal written: one that did not exist is made by this write.
        tx.pragma_update(None, "cache_size", -32 * 1024)
            .map_err(crate::db::Error::from)?;
        progress.set_position(0);
        document.merge(tx, &progress)
    });
    progress.finish_and_clear();
    let summary = merged.map_err(|error| refused(file, error))?;

    let mut out = std::io::stdout().lock();
    for conflict in &summary.conflicts {
        let line = ctx.say(Msg::Conflict, &[("what", &conflict.render(ctx.lang))]);
        writeln!(out, "{line}")?;
    }
    if let Some(currency) = &summary.currency_set {
        writeln!(
            out,
            "{}",
            ctx.say(Msg::CurrencyTaken, &[("currency", currency)])
        )?;
    }
    let heading = if summary.changed() {
        Msg::ImportedFrom
    } else {
        Msg::NothingNewIn
    };
    writeln!(out, "{}", ctx.say(heading, &[("file", &shown)]))?;
    out.write_all(tally(ctx.lang, &summary).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The file, opened to be read twice (its outline, then its records): a pipe (`/dev/stdin`) is
/// first copied to a private temporary file, removed when closed.
fn seekable(file: &Path) -> std::io::Result<File> {
    let mut opened = File::open(file)?;
    if opened.metadata()?.is_file() {
        return Ok(opened);
    }
    let mut copy = tempfile::tempfile()?;
    std::io::copy(&mut opened, &mut copy)?;
    copy.seek(SeekFrom::Start(0))?;
    Ok(copy)
}

/// What was added, already there, and in conflict, a table a line, the figures in columns:
/// `  meetings        6 added,      0 already there,    1 in conflict`.
fn tally(lang: Lang, summary: &import::Summary) -> String {
    let tables: Vec<_> = summary
        .tables()
        .into_iter()
        .map(|(table, tally)| {
            // Whether the table's name is feminine in French, for `ajoutées`.
            let (name, feminine) = match table {
                "networks" => (Msg::TableNetworks, false),
                "fee_changes" => (Msg::TableFeeChanges, false),
                "contacts" => (Msg::TableContacts, false),
                "meetings" => (Msg::TableMeetings, true),
                "referrals" => (Msg::TableReferrals, true),
                "notes" => (Msg::TableNotes, true),
                _ => (Msg::TableSettings, false),
            };
            let added_word = if feminine {
                Msg::AddedFeminine
            } else {
                Msg::AddedMasculine
            };
            let added_word = lang.count(added_word, tally.added as i64, &[]) + ",";
            (lang.say(name, &[]), added_word, tally)
        })
        .collect();
    let widest = |words: &mut dyn Iterator<Item = &String>| {
        words.map(|word| word.chars().count()).max().unwrap_or(0)
    };
    let width = widest(&mut tables.iter().map(|(name, ..)| name)).max(10);
    let word_width = widest(&mut tables.iter().map(|(_, word, _)| word));
    let mut text = String::new();
    for (name, added_word, tally) in &tables {
        let line = lang.say(
            Msg::TallyLine,
            &[
                ("table", &format!("{name:<width$}")),
                ("added", &format!("{:>6}", tally.added)),
                ("added_word", &format!("{added_word:<word_width$}")),
                ("present", &format!("{:>6}", tally.present)),
                ("conflicts", &format!("{:>4}", tally.conflicts)),
            ],
        );
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The error as the user sees it: the file's fault is bad input (exit 2) naming the file, and
/// the place in it (`FILE:LINE:COLUMN:`, or the record's path, in every language); the
/// journal's is a failure (exit 1).
fn refused(file: &Path, error: import::Error) -> CliError {
    let path = file.display().to_string();
    let said = error.message();
    let in_file = || {
        Message::new(Msg::InFile)
            .with("path", path.as_str())
            .with("what", &said)
    };
    let nothing = || Message::keyed(Msg::ImportNothing, &[]);
    match error {
        import::Error::Db(error) => CliError::from(error),
        import::Error::Io(error) => {
            let message = Message::new(Msg::CannotRead)
                .with("path", path.as_str())
                .with("why", &error);
            CliError::bad_input(message).caused_by(error)
        }
        import::Error::Syntax {
            line,
            column,
            message,
        } => {
            // 1:0 is before the first byte: an empty file, which has no place to name.
            let place = match (line, column) {
                (1, 0) => path.clone(),
                _ => format!("{path}:{line}:{column}"),
            };
            CliError::bad_input(
                Message::new(Msg::AtPlace)
                    .with("place", place)
                    .with("what", message),
            )
            .with_hint(nothing())
        }
        import::Error::Currency { .. } => {
            CliError::bad_input(in_file()).with_hint(Message::keyed(Msg::ImportOwnJournal, &[]))
        }
        import::Error::TooNew(found) => CliError::bad_input(Message::keyed(
            Msg::ImportTooNew,
            &[
                ("path", &path),
                ("found", &found.to_string()),
                ("known", &transfer::FORMAT_VERSION.to_string()),
            ],
        ))
        .with_hint(Message::keyed(Msg::InstallNewerToImport, &[])),
        _ => CliError::bad_input(in_file()).with_hint(nothing()),
    }
}
