//! `backup FILE [--force]`: a consistent copy of the journal through SQLite's online backup,
//! safe while another netjournal writes to it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::context::Context;
use crate::db::{self, Access, Table};
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::transfer::staged::{self, Staged};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The copy is one moment of the journal, taken through SQLite's online \
backup while other commands may be writing to it; it is created readable by you only, and \
checked before it is put in place. It is a journal like any other: read it, or carry on with it, \
with `--db FILE`.

To restore it, use it as the journal: `netjournal --db FILE …`, or, with no netjournal running, \
copy it over the journal file (see `netjournal --help` for where that is) after moving the old \
journal aside, with the `-wal` and `-shm` files beside it if there are any.

Examples:
  netjournal backup ~/backups/journal-2024-06-15.db
  netjournal backup journal-backup.db --force
  netjournal --db journal-backup.db report"
)]
pub struct Args {
    /// The file to copy the journal to
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

/// How long to wait, in all, for a writer to let the copy be taken.
const PATIENCE: Duration = Duration::from_secs(10);

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let expected = ctx.say(Msg::ExpectBackupFile, &[]);
    let file = ctx.require(args.file, "FILE", &expected)?;
    let path = file.display().to_string();
    super::check_copy(ctx, &file, Msg::NoJournalToBackUp)?;
    if file.is_dir() {
        return Err(
            CliError::bad_input(Message::keyed(Msg::IsAFolder, &[("path", &path)]))
                .with_hint(Message::keyed(Msg::BackupInFolder, &[])),
        );
    }
    if file.exists() && !args.force {
        return Err(exists(&file));
    }
    let journal = ctx.open(Access::ReadOnly)?;
    let (staged, _) = Staged::create(&file)?;
    let counts = copy(journal.conn(), &staged)?;
    staged.finish(args.force).map_err(|error| match error {
        staged::Error::Exists(_) => exists(&file),
        other => CliError::failure(other.message()),
    })?;
    let counts = counts
        .iter()
        .map(|(n, key)| ctx.lang.count(*key, *n, &[]))
        .collect::<Vec<_>>()
        .join(", ");
    say_line!(
        "{}",
        ctx.say(Msg::BackedUp, &[("path", &path), ("counts", &counts)])
    )?;
    Ok(())
}

fn exists(file: &Path) -> CliError {
    let path = file.display().to_string();
    CliError::bad_input(Message::keyed(Msg::ExpectedNewFile, &[("path", &path)]))
        .with_hint(Message::keyed(Msg::ForceReplaces, &[]))
}

/// Copies the journal into the empty private file of `to`, checks the copy, and returns what
/// it holds: how many rows of each table, with the key that says them (`4 networks`,
/// `6 meetings`…).
fn copy(from: &Connection, to: &Staged) -> Result<Vec<(i64, Msg)>, CliError> {
    let sqlite = |error| copy_error(to, error);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut copy = Connection::open_with_flags(to.path(), flags).map_err(sqlite)?;
    {
        let backup = Backup::new(from, &mut copy).map_err(sqlite)?;
        let started = std::time::Instant::now();
        // All pages in one step: one read transaction, so one moment of the journal, which a
        // writer in WAL mode does not have to wait for (nor restart).
        loop {
            match backup.step(-1).map_err(sqlite)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if started.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => {
                    return Err(CliError::failure(Message::keyed(Msg::BackupBusy, &[]))
                        .with_hint(Message::keyed(Msg::BusyHint, &[])));
                }
            }
        }
    }
    // One self-contained file, with no write-ahead log beside it to carry along.
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(sqlite)?;
    let check: String = copy
        .pragma_query_value(None, "integrity_check", |row| row.get(0))
        .map_err(sqlite)?;
    if check != "ok" {
        // The pages were copied as they are: the copy is damaged where the journal is.
        return Err(CliError::failure(Message::keyed(Msg::BackupDamaged, &[]))
            .with_hint(Message::keyed(Msg::RecoverHint, &[])));
    }
    let mut counts = Vec::new();
    for (table, key) in [
        (Table::Networks, Msg::CountNetworks),
        (Table::Contacts, Msg::CountContacts),
        (Table::Meetings, Msg::CountMeetings),
        (Table::Referrals, Msg::CountReferrals),
        (Table::Notes, Msg::CountNotes),
    ] {
        counts.push((db::count_rows(&copy, table).map_err(sqlite)?, key));
    }
    copy.close().map_err(|(_, error)| sqlite(error))?;
    // On the disk before it takes the backup's name.
    std::fs::File::open(to.path())
        .and_then(|file| file.sync_all())
        .map_err(|error| to.cannot_write(error))?;
    Ok(counts)
}

/// SQLite's error on the copy: the disk full or the folder refused is said of the backup file
/// (SQLite's own words would blame the journal); anything else as any SQLite error.
fn copy_error(to: &Staged, error: rusqlite::Error) -> CliError {
    use std::io::ErrorKind as Kind;
    let kind = match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => Kind::StorageFull,
        Some(ErrorCode::ReadOnly) => Kind::ReadOnlyFilesystem,
        Some(ErrorCode::PermissionDenied) => Kind::PermissionDenied,
        _ => return CliError::from(error),
    };
    to.cannot_write(std::io::Error::from(kind)).into()
}
