//! Writing the journal as one JSON document, row after row as SQLite reads them: a journal of
//! any size is never held whole in memory, nor as one string.
//!
//! Rows come in an order that does not depend on the integer ids (which differ between
//! journals): networks and contacts by name, the rest by date, then creation, then uuid. So a
//! journal exported, imported elsewhere and exported again gives the same document.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use indicatif::ProgressBar;
use rusqlite::{Connection, Row};
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{
    ContactRecord, FORMAT, FORMAT_VERSION, FeeChangeRecord, MeetingRecord, MergedContactRecord,
    NetworkRecord, NoteRecord, ReferralRecord,
};
use crate::db::{self, settings};

const NETWORKS: &str = "SELECT uuid, name, kind, joined_on, left_on, exit_reason, invited_by,
        fee_cents, fee_period, rules, notes, created_at, updated_at
    FROM networks ORDER BY name_key, uuid";

const FEE_CHANGES: &str = "SELECT f.uuid, n.uuid, f.from_on, f.fee_cents, f.fee_period,
        f.created_at, f.updated_at
    FROM fee_changes f JOIN networks n ON n.id = f.network_id
    ORDER BY n.name_key, f.from_on, f.uuid";

const CONTACTS: &str = "SELECT c.uuid, c.name, c.profession, c.company, c.email, c.linkedin,
        n.uuid, c.notes, c.added_on, c.created_at, c.updated_at
    FROM contacts c LEFT JOIN networks n ON n.id = c.network_id
    ORDER BY c.name_key, c.uuid";

const MEETINGS: &str = "SELECT m.uuid, m.date, n.uuid, m.format, m.minutes, m.travel_minutes,
        m.cost_cents, m.rating, m.notes,
        (SELECT group_concat(u, ',') FROM (
            SELECT c.uuid AS u FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
            WHERE mc.meeting_id = m.id ORDER BY c.uuid)),
        m.created_at, m.updated_at, m.start_time
    FROM meetings m LEFT JOIN networks n ON n.id = m.network_id
    ORDER BY m.date, m.created_at, m.uuid";

const REFERRALS: &str = "SELECT r.uuid, r.direction, r.date, n.uuid, c.uuid, r.description,
        r.status, r.value_cents, r.created_at, r.updated_at
    FROM referrals r
    LEFT JOIN networks n ON n.id = r.network_id
    LEFT JOIN contacts c ON c.id = r.contact_id
    ORDER BY r.date, r.created_at, r.uuid";

const NOTES: &str = "SELECT t.uuid, t.date, t.body, t.concern, t.severity, t.resolved_on,
        n.uuid, m.uuid, c.uuid, t.created_at, t.updated_at
    FROM notes t
    LEFT JOIN networks n ON n.id = t.network_id
    LEFT JOIN meetings m ON m.id = t.meeting_id
    LEFT JOIN contacts c ON c.id = t.contact_id
    ORDER BY t.date, t.created_at, t.uuid";

const MERGED_CONTACTS: &str = "SELECT old_uuid, into_uuid, merged_at FROM merged_contacts
    ORDER BY merged_at, old_uuid";

fn merged_contact(row: &Row<'_>) -> rusqlite::Result<MergedContactRecord> {
    Ok(MergedContactRecord {
        old_uuid: row.get(0)?,
        into_uuid: row.get(1)?,
        merged_at: row.get(2)?,
    })
}

fn network(row: &Row<'_>) -> rusqlite::Result<NetworkRecord> {
    Ok(NetworkRecord {
        uuid: row.get(0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        joined_on: row.get(3)?,
        left_on: row.get(4)?,
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
        uuid: row.get(0)?,
        network_uuid: row.get(1)?,
        from_on: row.get(2)?,
        fee_cents: row.get(3)?,
        fee_period: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

fn contact(row: &Row<'_>) -> rusqlite::Result<ContactRecord> {
    Ok(ContactRecord {
        uuid: row.get(0)?,
        name: row.get(1)?,
        profession: row.get(2)?,
        company: row.get(3)?,
        email: row.get(4)?,
        linkedin: row.get(5)?,
        network_uuid: row.get(6)?,
        notes: row.get(7)?,
        added_on: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

fn meeting(row: &Row<'_>) -> rusqlite::Result<MeetingRecord> {
    let contacts: Option<String> = row.get(9)?;
    Ok(MeetingRecord {
        uuid: row.get(0)?,
        date: row.get(1)?,
        start_time: row.get(12)?,
        network_uuid: row.get(2)?,
        format: row.get(3)?,
        minutes: row.get(4)?,
        travel_minutes: row.get(5)?,
        cost_cents: row.get(6)?,
        rating: row.get(7)?,
        notes: row.get(8)?,
        contact_uuids: contacts
            .map(|list| list.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

fn referral(row: &Row<'_>) -> rusqlite::Result<ReferralRecord> {
    Ok(ReferralRecord {
        uuid: row.get(0)?,
        direction: row.get(1)?,
        date: row.get(2)?,
        network_uuid: row.get(3)?,
        contact_uuid: row.get(4)?,
        description: row.get(5)?,
        status: row.get(6)?,
        value_cents: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

fn note(row: &Row<'_>) -> rusqlite::Result<NoteRecord> {
    Ok(NoteRecord {
        uuid: row.get(0)?,
        date: row.get(1)?,
        text: row.get(2)?,
        concern: row.get(3)?,
        severity: row.get(4)?,
        resolved_on: row.get(5)?,
        network_uuid: row.get(6)?,
        meeting_uuid: row.get(7)?,
        contact_uuid: row.get(8)?,
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
/// [`crate::transfer`]), stamped `exported_at`, advancing `progress` by one for each row.
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
    let result = write_in(conn, out, exported_at, progress);
    let _ = conn.execute_batch("COMMIT");
    result
}

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
        map.serialize_entry("networks", &self.table(NETWORKS, network))?;
        map.serialize_entry("fee_changes", &self.table(FEE_CHANGES, fee_change))?;
        map.serialize_entry("contacts", &self.table(CONTACTS, contact))?;
        map.serialize_entry("meetings", &self.table(MEETINGS, meeting))?;
        map.serialize_entry("referrals", &self.table(REFERRALS, referral))?;
        map.serialize_entry("notes", &self.table(NOTES, note))?;
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
}

/// One table's rows, serialized as a JSON array one row at a time.
struct Table<'a, R> {
    document: &'a Document<'a>,
    sql: &'static str,
    read: fn(&Row<'_>) -> rusqlite::Result<R>,
}

impl<R: Serialize> Serialize for Table<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fail = |error: rusqlite::Error| {
            *self.document.failure.borrow_mut() = Some(error);
            S::Error::custom("the journal could not be read")
        };
        let mut stmt = self.document.conn.prepare(self.sql).map_err(fail)?;
        let mut rows = stmt.query([]).map_err(fail)?;
        let mut seq = serializer.serialize_seq(None)?;
        while let Some(row) = rows.next().map_err(fail)? {
            seq.serialize_element(&(self.read)(row).map_err(fail)?)?;
            self.document.progress.inc(1);
        }
        seq.end()
    }
}
