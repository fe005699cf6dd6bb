//! Writing the journal as one JSON document, row after row as SQLite reads them: a journal of
//! any size is never held whole in memory, nor as one string.
//!
//! Rows come in an order that does not depend on the integer ids (which differ between
//! journals): networks and contacts by name, the rest by date, then creation, then uuid. So a
//! journal exported, imported elsewhere and exported again gives the same document.
//!
//! No table is sorted whole: each is read in the order of an index (referrals and notes sorted
//! by SQLite within a day), and the meetings, read by date, are put in order a day at a time in
//! Rust (see `Meetings`), so that the export keeps pace with the sqlite3 shell's `.dump` of the
//! same journal (`benches/cli.sh`).
//!
//! What is read of each table, and how its references are joined to their target's uuid, is
//! the table's description ([`crate::db::table`]); this module chooses only the order, and reads
//! each row into its record in the description's order of columns.
//!
//! Each row is read into the typed record of its table (see [`super`]), which writes the
//! journal's values back as it stores them: the document is the same, byte for byte, as when
//! the rows were copied out as strings.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::LazyLock;

use chrono::NaiveDate;
use foldhash::HashMap;
use indicatif::ProgressBar;
use rusqlite::Error::FromSqlConversionFailure;
use rusqlite::types::{Type, ValueRef};
use rusqlite::{Connection, Row, Rows, Statement};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{
    ContactRecord, FORMAT, FORMAT_VERSION, FeeChangeRecord, MeetingRecord, MergedContactRecord,
    NetworkRecord, NoteRecord, ReferralRecord,
};
use crate::db::table;
use crate::db::{self, settings};
use crate::domain::date;
use uuid::Uuid;

/// A table's rows as the export reads them, as its description gives them (see
/// [`table::Table::export_columns`]), in `order`.
fn select(described: &table::Table, order: &str) -> String {
    let (columns, from) = (described.export_columns(), described.export_from());
    format!("SELECT {columns} {from} ORDER BY {order}")
}

static NETWORKS: LazyLock<String> =
    LazyLock::new(|| select(&table::NETWORKS, "t.name_key, t.uuid"));

static FEE_CHANGES: LazyLock<String> =
    LazyLock::new(|| select(&table::FEE_CHANGES, "n.name_key, t.from_on, t.uuid"));

static CONTACTS: LazyLock<String> =
    LazyLock::new(|| select(&table::CONTACTS, "t.name_key, t.uuid"));

/// The meetings in the order the index on the date gives, so that SQLite sorts nothing: a day's
/// meetings together, by id. [`Meetings`] puts each day in the document's order. Sorting every
/// meeting, or each meeting's contacts in a subquery of its own, took most of the export's
/// time. The id, after the described columns, pairs each meeting with its contacts.
static MEETINGS: LazyLock<String> = LazyLock::new(|| {
    let (columns, from) = (
        table::MEETINGS.export_columns(),
        table::MEETINGS.export_from(),
    );
    format!("SELECT {columns}, t.id {from} ORDER BY t.date, t.id")
});

/// The contacts met, as (meeting id, contact id), in the order of [`MEETINGS`], alongside
/// which they are read. `CROSS JOIN` keeps the meetings outermost, read from the index on the
/// date alone: left to itself, SQLite reads the links first and sorts them all. Each contact's
/// uuid is taken from [`CONTACT_UUIDS`], read once: looked up in the table for each of 200,000
/// links, out of the table's order, they cost the export a sixteenth of its time.
const MEETING_CONTACTS: &str = "SELECT m.id, mc.contact_id
    FROM meetings m
    CROSS JOIN meeting_contacts mc ON mc.meeting_id = m.id
    ORDER BY m.date, m.id";

/// Every contact's uuid, by id, for the contacts met (see [`MEETING_CONTACTS`]).
const CONTACT_UUIDS: &str = "SELECT id, uuid FROM contacts";

static REFERRALS: LazyLock<String> =
    LazyLock::new(|| select(&table::REFERRALS, "t.date, t.created_at, t.uuid"));

static NOTES: LazyLock<String> =
    LazyLock::new(|| select(&table::NOTES, "t.date, t.created_at, t.uuid"));

const MERGED_CONTACTS: &str = "SELECT old_uuid, into_uuid, merged_at FROM merged_contacts
    ORDER BY merged_at, old_uuid";

/// The uuid in column `i`, as the journal stores it (text).
fn uuid(row: &Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    let text = row.get_ref(i)?.as_str()?;
    Uuid::parse_str(text).map_err(|e| FromSqlConversionFailure(i, Type::Text, Box::new(e)))
}

fn opt_uuid(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<Uuid>> {
    match row.get_ref(i)? {
        ValueRef::Null => Ok(None),
        _ => uuid(row, i).map(Some),
    }
}

/// The date in column `i`, read as it is stored (`YYYY-MM-DD`, which the schema checks) by
/// [`date::read_stored`]: rusqlite's own reading goes through a format string, per date.
fn day(row: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let text = row.get_ref(i)?.as_str()?;
    date::read_stored(text).ok_or_else(|| {
        let why = format!("not a date `{text}`");
        FromSqlConversionFailure(i, Type::Text, why.into())
    })
}

fn opt_day(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(i)? {
        ValueRef::Null => Ok(None),
        _ => day(row, i).map(Some),
    }
}

fn merged_contact(row: &Row<'_>) -> rusqlite::Result<MergedContactRecord> {
    Ok(MergedContactRecord {
        old_uuid: uuid(row, 0)?,
        into_uuid: uuid(row, 1)?,
        merged_at: row.get(2)?,
    })
}

fn network(row: &Row<'_>) -> rusqlite::Result<NetworkRecord> {
    Ok(NetworkRecord {
        uuid: uuid(row, 0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        joined_on: opt_day(row, 3)?,
        left_on: opt_day(row, 4)?,
        exit_reason: row.get(5)?,
        invited_by: row.get(6)?,
        fee_cents: row.get(7)?,
        fee_period: row.get(8)?,
        rules: row.get(9)?,
        notes: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

fn fee_change(row: &Row<'_>) -> rusqlite::Result<FeeChangeRecord> {
    Ok(FeeChangeRecord {
        uuid: uuid(row, 0)?,
        network_uuid: uuid(row, 1)?,
        from_on: day(row, 2)?,
        fee_cents: row.get(3)?,
        fee_period: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn contact(row: &Row<'_>) -> rusqlite::Result<ContactRecord> {
    Ok(ContactRecord {
        uuid: uuid(row, 0)?,
        name: row.get(1)?,
        profession: row.get(2)?,
        company: row.get(3)?,
        email: row.get(4)?,
        linkedin: row.get(5)?,
        network_uuid: opt_uuid(row, 6)?,
        notes: row.get(7)?,
        added_on: day(row, 8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

/// A meeting's own columns; its contacts are read alongside (see [`Meetings`]).
fn meeting(row: &Row<'_>) -> rusqlite::Result<MeetingRecord> {
    Ok(MeetingRecord {
        uuid: uuid(row, 0)?,
        date: day(row, 1)?,
        start_time: row.get(9)?,
        network_uuid: opt_uuid(row, 2)?,
        format: row.get(3)?,
        minutes: row.get(4)?,
        travel_minutes: row.get(5)?,
        cost_cents: row.get(6)?,
        rating: row.get(7)?,
        notes: row.get(8)?,
        contact_uuids: Vec::new(),
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

fn referral(row: &Row<'_>) -> rusqlite::Result<ReferralRecord> {
    Ok(ReferralRecord {
        uuid: uuid(row, 0)?,
        direction: row.get(1)?,
        date: day(row, 2)?,
        network_uuid: opt_uuid(row, 3)?,
        contact_uuid: opt_uuid(row, 4)?,
        description: row.get(5)?,
        status: row.get(6)?,
        value_cents: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

fn note(row: &Row<'_>) -> rusqlite::Result<NoteRecord> {
    Ok(NoteRecord {
        uuid: uuid(row, 0)?,
        date: day(row, 1)?,
        text: row.get(2)?,
        concern: row.get(3)?,
        severity: row.get(7)?,
        resolved_on: opt_day(row, 8)?,
        network_uuid: opt_uuid(row, 4)?,
        meeting_uuid: opt_uuid(row, 5)?,
        contact_uuid: opt_uuid(row, 6)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

/// How many rows an export writes: what its progress bar counts to.
pub fn row_count(conn: &Connection) -> Result<u64, db::Error> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM networks) + (SELECT count(*) FROM fee_changes)
              + (SELECT count(*) FROM contacts)
              + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM referrals)
              + (SELECT count(*) FROM notes)",
        [],
        |row| row.get::<_, i64>(0),
    )? as u64)
}

/// What can stop an export: the journal, or the place it is written to.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Db(#[from] db::Error),
    #[error(transparent)]
    Write(#[from] serde_json::Error),
}

/// Writes the whole journal to `out` as one pretty-printed JSON document (see the module
/// [`crate::transfer`]), stamped `exported_at`, advancing `progress` by one for each row
/// (a thousand at a time).
pub fn write(
    conn: &Connection,
    out: impl Write,
    exported_at: &str,
    progress: &ProgressBar,
) -> Result<(), Error> {
    // One read transaction: the document is one moment of the journal, even while another
    // command writes to it.
    conn.execute_batch("BEGIN DEFERRED")
        .map_err(db::Error::from)?;
    // The meetings are read in date order, not in the order they lie in the file: with
    // SQLite's default 2 MiB of cache, most of their pages were read from the file again and
    // again (65,000 reads for the 9,000 pages of a 100,000-meeting journal). A bounded cache,
    // whatever the journal's size, has each page read once.
    let cache: i64 = conn
        .pragma_query_value(None, "cache_size", |row| row.get(0))
        .map_err(db::Error::from)?;
    conn.pragma_update(None, "cache_size", EXPORT_CACHE_KIB)
        .map_err(db::Error::from)?;
    let result = write_in(conn, out, exported_at, progress);
    let _ = conn.execute_batch("COMMIT");
    let _ = conn.pragma_update(None, "cache_size", cache);
    result
}

/// The page cache while exporting, in SQLite's terms: a negative figure is KiB (8 MiB, which
/// has each page of the 100,000-meeting journal read once; more was no faster).
const EXPORT_CACHE_KIB: i64 = -8 * 1024;

/// How many records are written between two advances of the progress bar: advancing it checks
/// the clock, which one record does not need.
const PROGRESS_STEP: u64 = 1024;

fn write_in(
    conn: &Connection,
    out: impl Write,
    exported_at: &str,
    progress: &ProgressBar,
) -> Result<(), Error> {
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(db::Error::from)?;
    let currency = settings::currency(conn)?;
    let mut stmt = conn
        .prepare("SELECT key, value FROM settings WHERE key NOT IN ('currency', ?1) ORDER BY key")
        .map_err(db::Error::from)?;
    // The day the journal was last checked is the journal's own, not a setting to carry.
    let settings: BTreeMap<String, String> = stmt
        .query_map([db::CHECKED_ON], |row| Ok((row.get(0)?, row.get(1)?)))
        .and_then(|rows| rows.collect())
        .map_err(db::Error::from)?;
    let document = Document {
        conn,
        schema_version,
        exported_at,
        currency: &currency,
        settings: &settings,
        progress,
        failure: RefCell::new(None),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = serde_json::to_writer_pretty(&mut out, &document)
        .and_then(|()| out.write_all(b"\n").map_err(serde_json::Error::io))
        .and_then(|()| out.flush().map_err(serde_json::Error::io));
    // A storage error was turned into a serde error to stop the writer: give back the real one.
    if let Some(error) = document.failure.into_inner() {
        return Err(Error::Db(error.into()));
    }
    Ok(written?)
}

/// The document, serialized as SQLite reads it.
struct Document<'a> {
    conn: &'a Connection,
    schema_version: i64,
    exported_at: &'a str,
    currency: &'a str,
    settings: &'a BTreeMap<String, String>,
    progress: &'a ProgressBar,
    /// The storage error that stopped the export, if one did.
    failure: RefCell<Option<rusqlite::Error>>,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry("format_version", &FORMAT_VERSION)?;
        map.serialize_entry("schema_version", &self.schema_version)?;
        map.serialize_entry("exported_at", self.exported_at)?;
        map.serialize_entry("currency", self.currency)?;
        map.serialize_entry("settings", self.settings)?;
        map.serialize_entry("networks", &self.table(&NETWORKS, network))?;
        map.serialize_entry("fee_changes", &self.table(&FEE_CHANGES, fee_change))?;
        map.serialize_entry("contacts", &self.table(&CONTACTS, contact))?;
        map.serialize_entry("meetings", &Meetings { document: self })?;
        map.serialize_entry("referrals", &self.table(&REFERRALS, referral))?;
        map.serialize_entry("notes", &self.table(&NOTES, note))?;
        map.serialize_entry(
            "merged_contacts",
            &self.table(MERGED_CONTACTS, merged_contact),
        )?;
        map.end()
    }
}

impl<'a> Document<'a> {
    fn table<R>(
        &'a self,
        sql: &'static str,
        read: fn(&Row<'_>) -> rusqlite::Result<R>,
    ) -> Table<'a, R> {
        Table {
            document: self,
            sql,
            read,
        }
    }

    /// Keeps the storage error that stops the export, to give it back once the writer stopped.
    fn fail<E: serde::ser::Error>(&self, error: rusqlite::Error) -> E {
        *self.failure.borrow_mut() = Some(error);
        E::custom("the journal could not be read")
    }

    /// A count of the records written, for the progress bar.
    fn written(&self) -> Written<'a> {
        Written {
            bar: self.progress,
            since: 0,
        }
    }

    /// Runs `sql`, a query without parameters, prepared into `stmt`.
    fn query<'s>(
        &self,
        stmt: &'s mut Option<Statement<'a>>,
        sql: &str,
    ) -> rusqlite::Result<Rows<'s>> {
        stmt.insert(self.conn.prepare(sql)?).query([])
    }
}

/// Counts the records written, and advances the progress bar by [`PROGRESS_STEP`] at a time and
/// by the rest when dropped.
struct Written<'a> {
    bar: &'a ProgressBar,
    since: u64,
}

impl Written<'_> {
    fn one(&mut self) {
        self.since += 1;
        if self.since == PROGRESS_STEP {
            self.bar.inc(self.since);
            self.since = 0;
        }
    }
}

impl Drop for Written<'_> {
    fn drop(&mut self) {
        self.bar.inc(self.since);
    }
}

/// One table's rows, serialized as a JSON array one row at a time.
struct Table<'a, R> {
    document: &'a Document<'a>,
    sql: &'static str,
    read: fn(&Row<'_>) -> rusqlite::Result<R>,
}

impl<R: Serialize> Serialize for Table<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let document = self.document;
        let mut stmt = None;
        let mut rows = document
            .query(&mut stmt, self.sql)
            .map_err(|e| document.fail(e))?;
        let mut seq = serializer.serialize_seq(None)?;
        let mut written = document.written();
        while let Some(row) = rows.next().map_err(|e| document.fail(e))? {
            seq.serialize_element(&(self.read)(row).map_err(|e| document.fail(e))?)?;
            written.one();
        }
        seq.end()
    }
}

/// The meetings, each with the uuids of the contacts met: [`MEETINGS`] merged with
/// [`MEETING_CONTACTS`] as both are read, in the same order. Each day's meetings are put in the
/// document's order (by creation, then uuid) and each meeting's contacts by uuid: only one day's
/// meetings are held at a time.
struct Meetings<'a> {
    document: &'a Document<'a>,
}

impl Meetings<'_> {
    /// Writes the day's meetings in the document's order, and empties `day`.
    fn write_day<S: SerializeSeq>(
        day: &mut Vec<MeetingRecord>,
        seq: &mut S,
        written: &mut Written<'_>,
    ) -> Result<(), S::Error> {
        // A uuid is unique: no two meetings compare equal.
        day.sort_unstable_by(|a, b| (&a.created_at, &a.uuid).cmp(&(&b.created_at, &b.uuid)));
        for meeting in day.drain(..) {
            seq.serialize_element(&meeting)?;
            written.one();
        }
        Ok(())
    }

    /// Reads the two streams, each meeting taking the links of its id as they come, and writes
    /// each day's meetings once the next day begins.
    fn read<S: SerializeSeq>(&self, seq: &mut S) -> Result<(), Stop<S::Error>> {
        let document = self.document;
        let uuids = contact_uuids(document.conn)?;
        let (mut meetings_stmt, mut links_stmt) = (None, None);
        let mut meetings = document.query(&mut meetings_stmt, &MEETINGS)?;
        let mut links = document.query(&mut links_stmt, MEETING_CONTACTS)?;
        let mut link = links.next()?;
        let mut day: Vec<MeetingRecord> = Vec::new();
        let mut written = document.written();
        while let Some(row) = meetings.next()? {
            let id: i64 = row.get(12)?;
            let mut meeting = meeting(row)?;
            while let Some(row) = link {
                if row.get::<_, i64>(0)? != id {
                    break;
                }
                // A link to no contact (in a damaged journal) names no one, as a join would.
                if let Some(uuid) = uuids.get(&row.get::<_, i64>(1)?) {
                    meeting.contact_uuids.push(*uuid);
                }
                link = links.next()?;
            }
            meeting.contact_uuids.sort_unstable();
            if day.last().is_some_and(|last| last.date != meeting.date) {
                Self::write_day(&mut day, seq, &mut written).map_err(Stop::Write)?;
            }
            day.push(meeting);
        }
        Self::write_day(&mut day, seq, &mut written).map_err(Stop::Write)
    }
}

/// The uuid of every contact, by id: a few megabytes for a hundred thousand people, where the
/// meetings and their links, which can be many more, are streamed.
fn contact_uuids(conn: &Connection) -> rusqlite::Result<HashMap<i64, Uuid>> {
    let mut stmt = conn.prepare(CONTACT_UUIDS)?;
    let uuids = stmt.query_map([], |row| Ok((row.get(0)?, uuid(row, 1)?)))?;
    uuids.collect()
}

/// What stops reading a table: the journal, or the writer.
enum Stop<E> {
    Read(rusqlite::Error),
    Write(E),
}

impl<E> From<rusqlite::Error> for Stop<E> {
    fn from(error: rusqlite::Error) -> Self {
        Stop::Read(error)
    }
}

impl Serialize for Meetings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        match self.read(&mut seq) {
            Ok(()) => seq.end(),
            Err(Stop::Read(error)) => Err(self.document.fail(error)),
            Err(Stop::Write(error)) => Err(error),
        }
    }
}
