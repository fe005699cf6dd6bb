//! The journal file: opening it safely, upgrading its schema, and one module per entity with
//! the SQL that reads and writes it. Every mutating command runs in one immediate transaction
//! (see [`Journal::write`]), so that a failing command leaves the journal unchanged.

pub mod contact;
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
            match access {
                Access::Read => return Journal::open_empty(),
                Access::Write => create(path)?,
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        check_is_journal(&conn, path)?;
        // Before the pragmas below: switching a journal to WAL rewrites its header.
        migrate::refuse_newer(&conn, path)?;
        // WAL lets a report read while a command writes; NORMAL would risk the last commits on
        // a power cut, and a journal must never lose a row.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut journal = Journal { conn };
        migrate::upgrade(&mut journal.conn, path)?;
        Ok(journal)
    }

    /// An empty journal in memory: what a read of a journal not yet created sees.
    pub fn open_empty() -> Result<Journal, Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::upgrade(&mut conn, Path::new(":memory:"))?;
        Ok(Journal { conn })
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `change` in one immediate transaction: it commits when `change` succeeds and
    /// rolls back, leaving the journal as it was, when it fails.
    pub fn write<T, E>(&mut self, change: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<Error>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from)?;
        let value = change(&tx)?;
        tx.commit().map_err(Error::from)?;
        Ok(value)
    }
}

/// Creates the journal, readable and writable by its owner only, and its folder (owner only
/// too) when missing.
///
/// The journal is made whole (schema, WAL mode) in a private file beside it, then linked into
/// place. A journal made in place would be seen half-made by a second command started at the
/// same moment: taken for another program's file while its schema is being written, or found
/// locked while it switches to WAL (a switch that does not wait for the busy timeout). Linked
/// whole, it is never seen half-made, and of two commands creating it at once the second
/// simply finds the first one's journal.
fn create(path: &Path) -> Result<(), Error> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(|source| Error::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
    }
    let staging = staging_path(path);
    let made = make_journal(&staging, path).and_then(|()| {
        match std::fs::hard_link(&staging, path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            // A file system without hard links: create it in place, as before.
            Err(_) => create_owner_only(path),
        }
    });
    for leftover in [
        staging.clone(),
        sidecar(&staging, "-wal"),
        sidecar(&staging, "-shm"),
    ] {
        let _ = std::fs::remove_file(leftover);
    }
    made
}

/// A name beside `path` that no other command uses: `.journal.db.PID-NANOS.new`.
fn staging_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{}-{nanos}.new", std::process::id()))
}

/// `file-wal`, `file-shm`: SQLite's files beside `file`.
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
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

/// Creates an empty journal file in place, owner-only; one already there is fine.
fn create_owner_only(path: &Path) -> Result<(), Error> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(Error::Create {
            path: path.to_path_buf(),
            source,
        }),
    }
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
}

/// A new stable identifier for a row.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}
