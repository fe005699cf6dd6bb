//! The journal file: opening it safely, upgrading its schema, and one module per entity with
//! the SQL that reads and writes it. Every mutating command runs in one immediate transaction
//! (see [`Journal::write`]), so that a failing command leaves the journal unchanged.

pub mod contact;
pub mod fee;
pub mod meeting;
pub mod migrate;
pub mod network;
pub mod note;
pub mod referral;
pub mod settings;

use std::fs::{DirBuilder, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Said, io_reason};
use crate::messages::Msg;
use crate::staging;

/// How long a command waits for another netjournal that holds the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What can go wrong with the journal file itself. Messages name the file and never carry SQL.
#[derive(Debug)]
pub enum Error {
    CreateDir {
        path: PathBuf,
        source: io::Error,
    },
    Create {
        path: PathBuf,
        source: io::Error,
    },
    IsDir {
        path: PathBuf,
    },
    Foreign {
        path: PathBuf,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        Error::Sqlite(error)
    }
}

impl Error {
    /// What went wrong, in both languages.
    pub fn said(&self) -> Said {
        let path = |path: &PathBuf| path.display().to_string();
        match self {
            Error::CreateDir { path: p, source } => Said::each(|lang| {
                let why = io_reason(source, lang);
                lang.say(Msg::CannotCreateDir, &[("path", &path(p)), ("why", &why)])
            }),
            Error::Create { path: p, source } => Said::each(|lang| {
                let why = io_reason(source, lang);
                lang.say(Msg::CannotCreate, &[("path", &path(p)), ("why", &why)])
            }),
            Error::IsDir { path: p } => Said::keyed(Msg::IsDir, &[("path", &path(p))]),
            Error::Foreign { path: p } => Said::keyed(Msg::Foreign, &[("path", &path(p))]),
            Error::TooNew {
                path: p,
                found,
                known,
            } => Said::keyed(
                Msg::TooNew,
                &[
                    ("path", &path(p)),
                    ("found", &found.to_string()),
                    ("known", &known.to_string()),
                ],
            ),
            Error::Sqlite(error) => describe(error),
        }
    }

    /// A next step for the person who met this error, when there is one.
    pub fn hint(&self) -> Option<Said> {
        let key = match self {
            Error::TooNew { .. } => Msg::InstallNewer,
            Error::Foreign { .. } | Error::IsDir { .. } => Msg::ChooseJournal,
            Error::Sqlite(error) => match error.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Msg::BusyHint,
                _ => return None,
            },
            _ => return None,
        };
        Some(Said::keyed(key, &[]))
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().en)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::CreateDir { source, .. } | Error::Create { source, .. } => Some(source),
            Error::Sqlite(error) => Some(error),
            _ => None,
        }
    }
}

/// A sentence for a SQLite error that carries no SQL text, table or column name.
fn describe(error: &rusqlite::Error) -> Said {
    // A journal in WAL mode is opened with a shared-memory file beside it; no room on the disk
    // to grow that file is reported as this I/O error, not as SQLITE_FULL.
    if let rusqlite::Error::SqliteFailure(failure, _) = error
        && failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
    {
        return Said::keyed(Msg::DiskFull, &[]);
    }
    let key = match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Msg::Busy,
        Some(ErrorCode::ReadOnly) => Msg::ReadOnly,
        Some(ErrorCode::DiskFull) => Msg::DiskFull,
        Some(ErrorCode::CannotOpen) => Msg::CannotOpen,
        Some(ErrorCode::PermissionDenied) => Msg::PermissionDenied,
        Some(ErrorCode::NotADatabase) => Msg::NotAJournalFile,
        Some(ErrorCode::DatabaseCorrupt) => Msg::Damaged,
        Some(ErrorCode::SystemIoFailure) => Msg::IoFailure,
        Some(ErrorCode::ConstraintViolation) => Msg::Refused,
        _ => Msg::Unexpected,
    };
    Said::keyed(key, &[])
}

/// Whether a command may create the journal file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The command writes: create the file (and its folder) on first use.
    Write,
    /// The command only reads: a missing file is an empty journal, and nothing is created.
    Read,
}

/// An open journal.
#[derive(Debug)]
pub struct Journal {
    conn: Connection,
    /// Where the journal will be, when it does not exist yet: until its first write the
    /// command reads an empty journal in memory, and that write creates the file (see
    /// [`Journal::write`]). A command that fails first leaves no file behind.
    unborn: Option<PathBuf>,
}

/// netjournal's mark in the SQLite header (`PRAGMA application_id`): "NJRN".
pub const APPLICATION_ID: i64 = 0x4E4A_524E;

impl Journal {
    /// Opens the journal at `path`, creating it owner-only when `access` allows, and brings its
    /// schema up to date. A journal from a newer program, or a file that is not a journal, is
    /// refused without being written to.
    pub fn open(path: &Path, access: Access) -> Result<Journal, Error> {
        if path.is_dir() {
            return Err(Error::IsDir {
                path: path.to_path_buf(),
            });
        }
        if !path.exists() {
            let mut empty = Journal::open_empty()?;
            if access == Access::Write {
                empty.unborn = Some(path.to_path_buf());
            }
            return Ok(empty);
        }
        Journal::open_file(path)
    }

    /// Opens the journal file at `path`, which exists.
    fn open_file(path: &Path) -> Result<Journal, Error> {
        let conn = connect(path)?;
        check_is_journal(&conn, path)?;
        // Before the pragmas below: switching a journal to WAL rewrites its header.
        migrate::refuse_newer(&conn, path)?;
        // WAL lets a report read while a command writes; NORMAL would risk the last commits on
        // a power cut, and a journal must never lose a row.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let mut journal = Journal { conn, unborn: None };
        migrate::upgrade(&mut journal.conn, path)?;
        Ok(journal)
    }

    /// An empty journal in memory: what a read of a journal not yet created sees.
    pub fn open_empty() -> Result<Journal, Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::upgrade(&mut conn, Path::new(":memory:"))?;
        Ok(Journal { conn, unborn: None })
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `change` in one immediate transaction: it commits when `change` succeeds and
    /// rolls back, leaving the journal as it was, when it fails.
    ///
    /// A journal that does not exist yet is made by its first write, whole, in a private file
    /// beside it (see [`Newborn`]), and linked into place once `change` is committed there: a
    /// change that fails leaves no journal, and no half-made journal is ever seen by another
    /// command. If another command created the journal in the meantime, `change` runs again,
    /// on that journal.
    pub fn write<T, E>(
        &mut self,
        mut change: impl FnMut(&Transaction) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<Error>,
    {
        // Until a write succeeds, the journal stays unborn: a later write makes it.
        if let Some(path) = self.unborn.clone() {
            let newborn = Newborn::make(&path)?;
            let mut conn = connect(newborn.staging())?;
            let value = in_transaction(&mut conn, &mut change)?;
            newborn.close(conn)?;
            let linked = newborn.link()?;
            // From now on, the journal file.
            match Journal::open_file(&path) {
                Ok(journal) => *self = journal,
                Err(error) if !linked => return Err(error.into()),
                // The change is in the journal: a failure now would have it made twice.
                Err(_) => return Ok(value),
            }
            if linked {
                return Ok(value);
            }
        }
        in_transaction(&mut self.conn, &mut change)
    }
}

/// `change` in one immediate transaction on `conn`.
fn in_transaction<T, E>(
    conn: &mut Connection,
    change: &mut impl FnMut(&Transaction) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<Error>,
{
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(Error::from)?;
    let value = change(&tx)?;
    tx.commit().map_err(Error::from)?;
    Ok(value)
}

/// A connection to the journal file at `path`, as every command uses it.
fn connect(path: &Path) -> Result<Connection, Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // A journal must never lose a row: NORMAL would risk the last commits on a power cut.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// A journal being born: made whole (schema, WAL mode), readable and writable by its owner only,
/// in a private file beside where it will be, with its folder (owner only too) when missing.
///
/// A journal made in place would be seen half-made by a second command started at the same
/// moment: taken for another program's file while its schema is being written, or found locked
/// while it switches to WAL (a switch that does not wait for the busy timeout). Linked whole,
/// it is never seen half-made. Dropped, its private file is removed, and so are the folders
/// made for it unless it was linked into place.
struct Newborn {
    staging: PathBuf,
    journal: PathBuf,
    made_folders: Vec<PathBuf>,
}

impl Newborn {
    fn make(journal: &Path) -> Result<Newborn, Error> {
        // The folders missing, the deepest first.
        let made_folders: Vec<PathBuf> = journal
            .ancestors()
            .skip(1)
            .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
            .map(Path::to_path_buf)
            .collect();
        if let Some(parent) = made_folders.first() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(parent)
                .map_err(|source| Error::CreateDir {
                    path: parent.clone(),
                    source,
                })?;
        }
        staging::remove_stale(journal);
        let newborn = Newborn {
            staging: staging::path(journal),
            journal: journal.to_path_buf(),
            made_folders,
        };
        make_journal(&newborn.staging, journal)?;
        Ok(newborn)
    }

    /// The private file, to write the journal's first change in.
    fn staging(&self) -> &Path {
        &self.staging
    }

    /// Closes the connection that wrote the first change, once its log is copied into the
    /// private file: the file linked must be the whole journal, since the log beside the
    /// private file is not linked with it. (SQLite checkpoints on close too, but says nothing
    /// when that fails.)
    fn close(&self, conn: Connection) -> Result<(), Error> {
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
        if busy != 0 {
            return Err(Error::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                None,
            )));
        }
        conn.close().map_err(|(_, error)| Error::from(error))
    }

    /// Puts the journal in place; `false` when another command created one there first, which
    /// is then kept, and this one dropped.
    fn link(mut self) -> Result<bool, Error> {
        // Every connection to the private file is closed (see `close`).
        let linked = match std::fs::hard_link(&self.staging, &self.journal) {
            Ok(()) => true,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => false,
            // A file system without hard links: moved, unless a journal appeared meanwhile.
            Err(_) if !self.journal.exists() => {
                std::fs::rename(&self.staging, &self.journal).map_err(|source| Error::Create {
                    path: self.journal.clone(),
                    source,
                })?;
                true
            }
            Err(_) => false,
        };
        // The folder now holds the journal, or another command's: it stays.
        self.made_folders.clear();
        Ok(linked)
    }
}

impl Drop for Newborn {
    fn drop(&mut self) {
        for leftover in [
            self.staging.clone(),
            staging::sidecar(&self.staging, "-wal"),
            staging::sidecar(&self.staging, "-shm"),
        ] {
            let _ = std::fs::remove_file(leftover);
        }
        // Each only if empty: another command may be creating its journal there too.
        for folder in &self.made_folders {
            if std::fs::remove_dir(folder).is_err() {
                break;
            }
        }
    }
}

/// Writes a complete, empty journal at `staging`; errors name the journal being created.
fn make_journal(staging: &Path, journal: &Path) -> Result<(), Error> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(staging)
        .map_err(|source| Error::Create {
            path: journal.to_path_buf(),
            source,
        })?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(staging, flags)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    migrate::upgrade(&mut conn, journal)?;
    // Closing checkpoints the log into the file, so that the linked file is the whole journal.
    conn.close().map_err(|(_, error)| Error::from(error))
}

/// Refuses a file that is some other program's database, before anything is written to it.
fn check_is_journal(conn: &Connection, path: &Path) -> Result<(), Error> {
    let foreign = || Error::Foreign {
        path: path.to_path_buf(),
    };
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|error| match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => foreign(),
            _ => Error::from(error),
        })?;
    if application_id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    if application_id == 0 && tables == 0 {
        Ok(())
    } else {
        Err(foreign())
    }
}

/// Filters shared by the lists and the report: a network and a period.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub network_id: Option<i64>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Only the most recent rows, this many (meetings, referrals and notes; for a picker).
    pub latest: Option<u32>,
}

impl Filter {
    /// The `ORDER BY` of a list of the table `alias`, by date then number; for the `latest`
    /// rows, the newest first and that many, put back in date order by [`Filter::dated`].
    fn order_by(&self, alias: &str) -> String {
        match self.latest {
            None => format!("ORDER BY {alias}.date, {alias}.id"),
            Some(n) => format!("ORDER BY {alias}.date DESC, {alias}.id DESC LIMIT {n}"),
        }
    }

    /// The rows of a list ordered by [`Filter::order_by`], in date order.
    fn dated<T>(&self, mut rows: Vec<T>) -> Vec<T> {
        if self.latest.is_some() {
            rows.reverse();
        }
        rows
    }
}

/// A new stable identifier for a row.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_keeps_the_most_recent_rows_in_date_order() {
        let journal = Journal::open_empty().unwrap();
        let conn = journal.conn();
        // Entered out of date order; two on the same day.
        for day in [5, 1, 9, 3, 9, 7] {
            let new = meeting::NewMeeting {
                date: NaiveDate::from_ymd_opt(2024, 5, day).unwrap(),
                start_time: None,
                network_id: None,
                format: crate::domain::MeetingFormat::Lunch,
                minutes: None,
                travel_minutes: None,
                cost: None,
                rating: None,
                notes: None,
            };
            meeting::insert(conn, &new, "2024-06-15T12:00:00+00:00").unwrap();
        }
        let listed = |filter: &Filter| -> Vec<(u32, i64)> {
            use chrono::Datelike;
            meeting::list(conn, filter)
                .unwrap()
                .iter()
                .map(|m| (m.date.day(), m.id))
                .collect()
        };
        let all = listed(&Filter::default());
        assert_eq!(all, [(1, 2), (3, 4), (5, 1), (7, 6), (9, 3), (9, 5)]);
        let latest = Filter {
            latest: Some(3),
            ..Filter::default()
        };
        assert_eq!(listed(&latest), [(7, 6), (9, 3), (9, 5)]);
        let more = Filter {
            latest: Some(10),
            ..Filter::default()
        };
        assert_eq!(listed(&more), all);
    }

    fn setting(journal: &Journal, key: &str) -> Option<String> {
        settings::get(journal.conn(), key).unwrap()
    }

    #[test]
    fn a_journal_is_made_by_its_first_write_that_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/journal.db");
        let mut journal = Journal::open(&path, Access::Write).unwrap();
        assert!(!path.exists(), "opening created the journal");

        // A change that fails leaves no journal, nor the folder made for it.
        let failed: Result<(), Error> = journal.write(|tx| {
            settings::set(tx, "rate.hourly", "5000")?;
            Err(Error::IsDir { path: path.clone() })
        });
        assert!(failed.is_err());
        assert!(!dir.path().join("new").exists());

        journal
            .write(|tx| settings::set(tx, "rate.hourly", "6000"))
            .unwrap();
        assert!(path.exists());
        assert_eq!(setting(&journal, "rate.hourly").as_deref(), Some("6000"));
        // Nothing but the journal beside it, and nothing of it left in a log.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| !name.ends_with("-wal") && !name.ends_with("-shm"))
            .collect();
        assert_eq!(names, ["journal.db"]);
        let reopened = Journal::open(&path, Access::Read).unwrap();
        assert_eq!(setting(&reopened, "rate.hourly").as_deref(), Some("6000"));
    }

    #[test]
    fn a_journal_another_command_made_meanwhile_takes_the_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let mut first = Journal::open(&path, Access::Write).unwrap();
        let mut second = Journal::open(&path, Access::Write).unwrap();
        second
            .write(|tx| settings::set(tx, "currency", "USD"))
            .unwrap();
        // The first command's change runs again, on the journal the second made.
        let mut runs = 0;
        first
            .write(|tx| {
                runs += 1;
                settings::set(tx, "rate.hourly", "6000")
            })
            .unwrap();
        assert_eq!(runs, 2);
        let journal = Journal::open(&path, Access::Read).unwrap();
        assert_eq!(setting(&journal, "currency").as_deref(), Some("USD"));
        assert_eq!(setting(&journal, "rate.hourly").as_deref(), Some("6000"));
        let hidden: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.starts_with('.'))
            .collect();
        assert!(hidden.is_empty(), "{hidden:?}");
    }
}
