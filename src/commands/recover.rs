//! `recover NEW.db [--force]`: save what SQLite can still read of a damaged journal into a new
//! journal, and say, table by table, what was saved and what was lost (see
//! [`crate::db::salvage`]). The damaged journal is only read.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::context::Context;
use crate::db::salvage::{self, Salvaged};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::transfer::staged::{self, Staged};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "For a journal SQLite reports as damaged (\"the journal file is damaged\"): \
every row that can still be read is copied, table by table, into NEW.db, a new journal readable \
by you only. Rows on damaged pages are lost; rows that referred to them are kept without that \
link (a meeting whose network was lost), or dropped when they cannot be without it (an attendee \
of a lost meeting). What was saved and what was lost is said for each table. The damaged journal \
is only read: keep it until you are satisfied with NEW.db.

A sound journal can be recovered too: NEW.db then holds its rows and nothing else, none of the \
free space where erased text may linger.

Examples:
  netjournal recover ~/journal-recovered.db
  netjournal --db ~/journal-recovered.db report"
)]
pub struct Args {
    /// The new journal to write what can be read into
    #[arg(value_name = "NEW.db")]
    pub file: Option<PathBuf>,
    /// Replace NEW.db if it exists
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let expected = ctx.say(Msg::ExpectRecoverFile, &[]);
    let file = ctx.require(args.file, "NEW.db", &expected)?;
    let path = file.display().to_string();
    super::check_copy(ctx, &file, Msg::NoJournalToRecover)?;
    if file.is_dir() {
        return Err(CliError::bad_input(Message::keyed(
            Msg::IsAFolder,
            &[("path", &path)],
        )));
    }
    if file.exists() && !args.force {
        return Err(exists(&file));
    }
    let source = salvage::open_source(&ctx.db_path)?;
    let (staged, _) = Staged::create(&file)?;
    let written = |error: rusqlite::Error| -> CliError {
        use std::io::ErrorKind as Kind;
        let kind = match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Kind::StorageFull,
            Some(rusqlite::ErrorCode::ReadOnly) => Kind::ReadOnlyFilesystem,
            Some(rusqlite::ErrorCode::PermissionDenied) => Kind::PermissionDenied,
            _ => return CliError::from(error),
        };
        staged.cannot_write(std::io::Error::from(kind)).into()
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut to = Connection::open_with_flags(staged.path(), flags).map_err(written)?;
    let saved = salvage::salvage(&source, &mut to, &file).map_err(|error| match error {
        crate::db::Error::Sqlite(error) => written(error),
        other => CliError::from(other),
    })?;
    if saved.iter().all(|table| table.unreadable) {
        return Err(CliError::failure(Message::keyed(Msg::NothingReadable, &[]))
            .with_hint(Message::keyed(Msg::NothingReadableHint, &[])));
    }
    let check: String = to
        .pragma_query_value(None, "integrity_check", |row| row.get(0))
        .map_err(written)?;
    if check != "ok" {
        return Err(CliError::failure(Message::keyed(
            Msg::RecoveredUnsound,
            &[],
        )));
    }
    to.close().map_err(|(_, error)| written(error))?;
    // On the disk before it takes its name.
    std::fs::File::open(staged.path())
        .and_then(|file| file.sync_all())
        .map_err(|error| staged.cannot_write(error))?;
    staged.finish(args.force).map_err(|error| match error {
        staged::Error::Exists(_) => exists(&file),
        other => CliError::failure(other.message()),
    })?;

    let lang = ctx.lang;
    say_line!("{}", ctx.say(Msg::RecoveredInto, &[("path", &path)]))?;
    for table in &saved {
        say_line!("  {}", line(lang, table))?;
    }
    if saved.iter().all(Salvaged::whole) {
        say_line!("{}", ctx.say(Msg::RecoveredAll, &[("path", &path)]))?;
    } else {
        say_line!("{}", ctx.say(Msg::RecoveredSome, &[("path", &path)]))?;
    }
    Ok(())
}

fn exists(file: &Path) -> CliError {
    let path = file.display().to_string();
    CliError::bad_input(Message::keyed(Msg::ExpectedNewFile, &[("path", &path)]))
        .with_hint(Message::keyed(Msg::ForceReplaces, &[]))
}

/// One table's line: `meetings: 950 recovered; rows #101 to #150 could not be read`.
fn line(lang: Lang, table: &Salvaged) -> String {
    let name = match table.table.as_str() {
        "settings" => lang.say(Msg::TableSettings, &[]),
        "networks" => lang.say(Msg::TableNetworks, &[]),
        "contacts" => lang.say(Msg::TableContacts, &[]),
        "meetings" => lang.say(Msg::TableMeetings, &[]),
        "meeting_contacts" => lang.say(Msg::TableMet, &[]),
        "referrals" => lang.say(Msg::TableReferrals, &[]),
        "notes" => lang.say(Msg::TableNotes, &[]),
        "fee_changes" => lang.say(Msg::TableFeeChanges, &[]),
        other => other.to_string(),
    };
    let mut text = format!(
        "{name}: {}",
        lang.count(Msg::RecoveredRows, table.recovered as i64, &[])
    );
    if table.whole() {
        text.push_str(", ");
        text.push_str(&lang.say(Msg::NothingLost, &[]));
        return text;
    }
    let mut parts = Vec::new();
    if table.unreadable {
        parts.push(lang.say(Msg::TableUnreadable, &[]));
    } else if table.damaged
        && table.lost_ranges.is_empty()
        && table.refused == 0
        && table.dropped == 0
    {
        parts.push(lang.say(Msg::TableDamagedNoLoss, &[]));
    }
    // The people met are keyed by their meeting: their stretches are meetings' numbers.
    let (one, many, onwards) = if table.table == "meeting_contacts" {
        (Msg::LostMetAt, Msg::LostMetFrom, Msg::LostMetOnwards)
    } else {
        (Msg::LostRow, Msg::LostRows, Msg::LostRowsOnwards)
    };
    for &(from, to) in &table.lost_ranges {
        let (a, b) = (from.to_string(), to.to_string());
        parts.push(match (from, to) {
            (_, i64::MAX) => lang.say(onwards, &[("from", &a)]),
            (from, to) if from == to => lang.say(one, &[("n", &a)]),
            _ => lang.say(many, &[("from", &a), ("to", &b)]),
        });
    }
    if table.refused > 0 {
        parts.push(lang.count(Msg::RecoveredRefused, table.refused as i64, &[]));
    }
    if table.dropped > 0 {
        parts.push(lang.count(Msg::RecoveredDropped, table.dropped as i64, &[]));
    }
    if table.detached > 0 {
        parts.push(lang.count(Msg::RecoveredDetached, table.detached as i64, &[]));
    }
    for part in parts {
        text.push_str("; ");
        text.push_str(&part);
    }
    text
}
