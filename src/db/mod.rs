//! The journal file: opening it safely, upgrading its schema, and one module per entity with
//! the SQL that reads and writes it. Each table's columns are described once, in [`table`],
//! which builds the statements that write a whole row or read one back (the commands', the
//! export's and the import's). Every mutating command runs in one immediate transaction (see
//! [`Journal::write`]), so that a failing command leaves the journal unchanged.

pub mod contact;
pub mod fee;
pub mod forget;
pub mod meeting;
pub mod migrate;
pub mod network;
pub mod note;
pub mod referral;
pub mod report;
pub mod salvage;
pub mod settings;
pub mod table;
pub mod written;

use std::fs::{DirBuilder, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::messages::{Message, Msg};
use crate::staging;

/// How long a command waits for another netjournal that holds the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What can go wrong with the journal file itself. Its `Display` is for a developer; the user
/// reads [`Error::message`], which names the file and never carries SQL.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot create the folder {}", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot create {}", path.display())]
    Create { path: PathBuf, source: io::Error },
    #[error("{} is a directory", path.display())]
    IsDir { path: PathBuf },
    #[error("{} has another application_id", path.display())]
    Foreign { path: PathBuf },
    #[error("{} has schema version {found}, newer than {known}", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// The journal or its log is readable by others, and its mode could not be made owner-only.
    #[error("cannot make {} owner-only", path.display())]
    Private { path: PathBuf, source: io::Error },
    /// SQLite's check found the journal damaged: nothing is written to it.
    #[error("{} failed the integrity check", path.display())]
    Damaged { path: PathBuf },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl Error {
    /// What went wrong, for the user.
    pub fn message(&self) -> Message {
        let path = |path: &PathBuf| path.display().to_string();
        match self {
            Error::CreateDir { path: p, source } => Message::new(Msg::CannotCreateDir)
                .with("path", path(p))
                .with("why", source),
            Error::Create { path: p, source } => Message::new(Msg::CannotCreate)
                .with("path", path(p))
                .with("why", source),
            Error::IsDir { path: p } => Message::new(Msg::IsDir).with("path", path(p)),
            Error::Foreign { path: p } => Message::new(Msg::Foreign).with("path", path(p)),
            Error::TooNew {
                path: p,
                found,
                known,
            } => Message::new(Msg::TooNew)
                .with("path", path(p))
                .with("found", found.to_string())
                .with("known", known.to_string()),
            Error::Private { path: p, source } => Message::new(Msg::CannotMakePrivate)
                .with("path", path(p))
                .with("why", source),
            Error::Damaged { path: p } => Message::new(Msg::DamagedJournal).with("path", path(p)),
            Error::Sqlite(error) => describe(error),
        }
    }

    /// A next step for the person who met this error, when there is one.
    pub fn hint(&self) -> Option<Message> {
        let key = match self {
            Error::TooNew { .. } => Msg::InstallNewer,
            Error::Foreign { .. } | Error::IsDir { .. } => Msg::ChooseJournal,
            Error::Private { path, .. } => {
                let path = path.display().to_string();
                return Some(Message::new(Msg::MakePrivateHint).with("path", path));
            }
            Error::Damaged { .. } => Msg::RecoverHint,
            Error::Sqlite(error) => match error.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Msg::BusyHint,
                Some(ErrorCode::DatabaseCorrupt) => Msg::RecoverHint,
                _ => return None,
            },
            _ => return None,
        };
        Some(Message::new(key))
    }

    /// Whether SQLite found the journal damaged.
    pub fn is_damage(&self) -> bool {
        match self {
            Error::Damaged { .. } => true,
            Error::Sqlite(error) => error.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt),
            _ => false,
        }
    }
}

/// A sentence for a SQLite error that carries no SQL text, table or column name.
fn describe(error: &rusqlite::Error) -> Message {
    // A journal in WAL mode is opened with a shared-memory file beside it; no room on the disk
    // to grow that file is reported as this I/O error, not as SQLITE_FULL.
    if let rusqlite::Error::SqliteFailure(failure, _) = error
        && failure.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE
    {
        return Message::new(Msg::DiskFull);
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
    Message::new(key)
}

/// Whether a command may create the journal file, or write to it at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The command writes: create the file (and its folder) on first use.
    Write,
    /// The command changes a journal that exists but never creates one (`rm`, `edit`,
    /// `forget`): a missing file is an empty journal, and nothing is created.
    Read,
    /// The command only reads (`list`, `show`, `report`, `export`, `backup`, `config get`): the
    /// file is opened read-only and nothing in it or beside it is written, not even its header,
    /// so that a backup on read-only media reads as it is. A missing or empty file is an empty
    /// journal; one of an older schema is upgraded in memory, never on the disk.
    ReadOnly,
}

/// An open journal.
#[derive(Debug)]
pub struct Journal {
    conn: Connection,
    /// Where the journal will be, when it does not exist yet: until its first write the
    /// command reads an empty journal in memory, and that write creates the file (see
    /// [`Journal::write`]). A command that fails first leaves no file behind.
    unborn: Option<PathBuf>,
    /// The path of the journal file, for messages.
    path: PathBuf,
    /// Private files a command killed half-way had left beside the journal, removed when it was
    /// opened to be written (see [`staging::remove_stale`]).
    leftovers: Vec<PathBuf>,
    /// Today, when writes are to check first that the journal is sound (see
    /// [`Journal::check_daily`]).
    check_on: Option<NaiveDate>,
}

/// The setting that holds the day the journal was last found sound by `PRAGMA quick_check`:
/// written by the first write of each day, never exported.
pub const CHECKED_ON: &str = "journal.checked_on";

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
                // Through a link to a file not created yet: the file the link points to.
                empty.unborn = Some(link_target(path));
            }
            empty.path = path.to_path_buf();
            return Ok(empty);
        }
        match access {
            Access::ReadOnly => Journal::open_read_only(path),
            Access::Write | Access::Read => Journal::open_file(path),
        }
    }

    /// Opens the journal file at `path`, which exists, to be written: private files a killed
    /// command left beside it are removed, and the journal and its log made owner-only first.
    fn open_file(path: &Path) -> Result<Journal, Error> {
        let leftovers = staging::remove_stale(path);
        make_private(path)?;
        let conn = connect(path)?;
        check_is_journal(&conn, path)?;
        // Before the pragmas below: switching a journal to WAL rewrites its header.
        migrate::refuse_newer(&conn, path)?;
        // WAL lets a report read while a command writes; NORMAL would risk the last commits on
        // a power cut, and a journal must never lose a row.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let mut journal = Journal {
            conn,
            unborn: None,
            path: path.to_path_buf(),
            leftovers,
            check_on: None,
        };
        migrate::upgrade(&mut journal.conn, path)?;
        Ok(journal)
    }

    /// Opens the journal file at `path`, which exists, to be read only (see
    /// [`Access::ReadOnly`]).
    fn open_read_only(path: &Path) -> Result<Journal, Error> {
        // An empty file (made by `touch`) is no journal yet: it reads as the empty journal it
        // will become at its first write.
        if std::fs::metadata(path).is_ok_and(|meta| meta.len() == 0) {
            let mut empty = Journal::open_empty()?;
            empty.path = path.to_path_buf();
            return Ok(empty);
        }
        // Whichever way SQLite can read it without writing: read-write but asked for no
        // change when the file may be written (so that a journal in WAL mode leaves no log
        // behind, as any command's), else read-only; and when a journal in WAL mode needs a
        // shared-memory file that its read-only folder cannot hold and that is not there, no
        // program has it open to write (it would have made that file): SQLite may read it as
        // immutable.
        let mut attempts = Vec::new();
        if writable(path) {
            attempts.push(Reading::Quiet);
        }
        attempts.extend([Reading::ReadOnly, Reading::Immutable]);
        let mut last = None;
        for way in attempts {
            match connect_read_only(path, way) {
                Ok(conn) => {
                    last = Some(Ok(conn));
                    break;
                }
                Err(error) if cannot_open(&error) => last = Some(Err(error)),
                Err(error) => return Err(error),
            }
        }
        let conn = last.expect("at least one way to read")?;
        let mut conn = conn;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version < migrate::LATEST {
            // An older journal is read upgraded, in memory: the file stays as it is.
            let mut memory = Connection::open_in_memory()?;
            rusqlite::backup::Backup::new(&conn, &mut memory)?.run_to_completion(
                1024,
                Duration::ZERO,
                None,
            )?;
            memory.pragma_update(None, "foreign_keys", "ON")?;
            migrate::upgrade(&mut memory, path)?;
            conn = memory;
        }
        Ok(Journal {
            conn,
            unborn: None,
            path: path.to_path_buf(),
            leftovers: Vec::new(),
            check_on: None,
        })
    }

    /// An empty journal in memory: what a read of a journal not yet created sees.
    pub fn open_empty() -> Result<Journal, Error> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::upgrade(&mut conn, Path::new(":memory:"))?;
        Ok(Journal {
            conn,
            unborn: None,
            path: PathBuf::from(":memory:"),
            leftovers: Vec::new(),
            check_on: None,
        })
    }

    /// Has the first write of `today` check that the journal is sound (`PRAGMA quick_check`)
    /// before it changes anything: a journal SQLite finds damaged then refuses every write
    /// ([`Error::Damaged`], with the hint to recover it), rather than have more written over
    /// what can still be saved. Once a day, since the check reads the whole file (0.2 s of
    /// processor time for 100,000 meetings); damage a command meets at any other time is said with the same hint.
    pub fn check_daily(&mut self, today: NaiveDate) {
        self.check_on = Some(today);
    }

    /// The private files a killed command had left beside the journal, removed when it was
    /// opened.
    pub fn leftovers(&self) -> &[PathBuf] {
        &self.leftovers
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
                Ok(journal) => {
                    let check_on = self.check_on;
                    *self = journal;
                    self.check_on = check_on;
                }
                Err(error) if !linked => return Err(error.into()),
                // The change is in the journal: a failure now would have it made twice.
                Err(_) => return Ok(value),
            }
            if linked {
                return Ok(value);
            }
        }
        let (check_on, path) = (self.check_on, &self.path);
        in_transaction(&mut self.conn, &mut |tx| {
            let checked = match check_on {
                Some(today) => check_sound(tx, path, today)?,
                None => None,
            };
            let before = tx.total_changes();
            let value = change(tx)?;
            // Noted with a change only: a command that changes nothing leaves the file as it was.
            if let Some(day) = checked
                && tx.total_changes() != before
            {
                settings::set(tx, CHECKED_ON, &day).map_err(E::from)?;
            }
            Ok(value)
        })
    }
}

/// Refuses a journal SQLite finds damaged, unless it was found sound `today` already (see
/// [`Journal::check_daily`]); returns the day to note when it was checked now.
fn check_sound(tx: &Transaction, path: &Path, today: NaiveDate) -> Result<Option<String>, Error> {
    let day = today.format("%Y-%m-%d").to_string();
    if settings::get(tx, CHECKED_ON)?.as_deref() == Some(day.as_str()) {
        return Ok(None);
    }
    let verdict: String = tx.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Err(Error::Damaged {
            path: path.to_path_buf(),
        });
    }
    Ok(Some(day))
}

/// Where a link (or a chain of links) at `path` leads, for a journal not created yet: the file
/// is then made there, and the link kept. `path` itself when it is no link.
fn link_target(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    // As many as the system follows (Linux: 40), so that a loop ends.
    for _ in 0..40 {
        match std::fs::read_link(&target) {
            Ok(next) => {
                target = match target.parent() {
                    Some(folder) => folder.join(next),
                    None => next,
                };
            }
            Err(_) => return target,
        }
    }
    path.to_path_buf()
}

/// Makes the journal at `path`, and its log and shared memory when they are there, readable and
/// writable by their owner only: a file made empty by `touch` (0644) and taken as the journal
/// would otherwise keep its mode, and SQLite gives the log the journal's. Only the group's and
/// others' permissions are taken away (a journal its owner made read-only stays so).
fn make_private(path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    // SQLite puts its files beside the file a link leads to.
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    for file in [
        real.clone(),
        staging::sidecar(&real, "-wal"),
        staging::sidecar(&real, "-shm"),
    ] {
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode & 0o600))
                .map_err(|source| Error::Private {
                    path: file.clone(),
                    source,
                })?;
        }
    }
    Ok(())
}

/// Whether SQLite could not open the file (or its shared memory) at all.
fn cannot_open(error: &Error) -> bool {
    matches!(error, Error::Sqlite(e) if matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
    ))
}

/// Whether the file at `path` can be opened for writing (without writing to it).
fn writable(path: &Path) -> bool {
    OpenOptions::new().write(true).open(path).is_ok()
}

/// How a journal is opened to be read only (see [`Journal::open_read_only`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Read-write, but with `query_only` on: no statement can change it.
    Quiet,
    /// Read-only (`mode=ro`).
    ReadOnly,
    /// Read-only, trusting that nothing changes the file (`immutable=1`): no lock, no
    /// shared memory.
    Immutable,
}

/// A connection to the journal file at `path` that does not write to it, checked to be a
/// journal of a version this program reads.
fn connect_read_only(path: &Path, way: Reading) -> Result<Connection, Error> {
    let conn = match way {
        Reading::Quiet => {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags)?;
            conn.pragma_update(None, "query_only", true)?;
            conn
        }
        Reading::ReadOnly | Reading::Immutable => {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI;
            let mut uri = String::from("file:");
            uri.push_str(&uri_path(path));
            uri.push_str(if way == Reading::Immutable {
                "?immutable=1"
            } else {
                "?mode=ro"
            });
            Connection::open_with_flags(&uri, flags)?
        }
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_is_journal(&conn, path)?;
    migrate::refuse_newer(&conn, path)?;
    Ok(conn)
}

/// `path` for a `file:` URI: absolute, with `%`, `?` and `#` (and any byte that is not
/// printable ASCII) percent-encoded.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &byte in absolute.as_os_str().as_bytes() {
        match byte {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{byte:02X}")),
            0x21..=0x7E => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
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

/// Refuses a file whose header does not mark it as a journal: what can be checked of a journal
/// whose schema may be damaged (see [`salvage`]).
fn check_is_journal_header(conn: &Connection, path: &Path) -> Result<(), Error> {
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|error| match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Error::Foreign {
                path: path.to_path_buf(),
            },
            _ => Error::from(error),
        })?;
    if application_id == APPLICATION_ID {
        Ok(())
    } else {
        Err(Error::Foreign {
            path: path.to_path_buf(),
        })
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

/// The tables whose rows are known by a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Networks,
    Contacts,
}

/// The names in `table` whose folded key (see `domain::text::name_key`) begins with `key`, in
/// the order of their keys.
pub fn names_starting(conn: &Connection, table: Named, key: &str) -> Result<Vec<String>, Error> {
    let sql = match table {
        Named::Networks => {
            "SELECT name FROM networks WHERE substr(name_key, 1, length(?1)) = ?1 ORDER BY name_key"
        }
        Named::Contacts => {
            "SELECT name FROM contacts WHERE substr(name_key, 1, length(?1)) = ?1 ORDER BY name_key"
        }
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let names = stmt
        .query_map([key], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// How many rows `table`, one of the journal's own tables, holds.
pub fn count_rows(conn: &Connection, table: Table) -> rusqlite::Result<i64> {
    let sql = format!("SELECT count(*) FROM {}", table.name());
    conn.query_row(&sql, [], |row| row.get(0))
}

/// The journal's tables of records, for [`count_rows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Networks,
    Contacts,
    Meetings,
    Referrals,
    Notes,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Networks => "networks",
            Table::Contacts => "contacts",
            Table::Meetings => "meetings",
            Table::Referrals => "referrals",
            Table::Notes => "notes",
        }
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
