//! Meetings: when, where (which network, if any), how, how long, at what cost, and whom the
//! user met there.
//!
//! The table's columns are described in [`super::table`], which builds the statements that add,
//! edit and read back a whole meeting; here are the listing ([`Meeting`]), the record a command
//! writes ([`NewMeeting`], in the description's order) and the queries of meetings' own.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Params, Row, ToSql, params};
use serde::Serialize;

use super::table::{self, Table};
use super::written::{self, Written};
use super::{Error, Filter, new_uuid};
use crate::domain::{MeetingFormat, Money, Rating, StartTime};

/// A meeting as listed, with the names of the contacts met.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    /// When it started (`07:30`), if said.
    pub start_time: Option<StartTime>,
    pub network: Option<String>,
    pub format: MeetingFormat,
    pub in_person: bool,
    pub minutes: Option<u32>,
    pub travel_minutes: Option<u32>,
    pub cost_cents: Option<i64>,
    pub rating: Option<u8>,
    pub notes: Option<String>,
    pub contacts: Vec<String>,
}

const SELECT: &str =
    "SELECT m.id, m.uuid, m.date, m.start_time, n.name AS network, m.format, m.in_person,
           m.minutes, m.travel_minutes, m.cost_cents, m.rating, m.notes,
           (SELECT json_group_array(name) FROM (
               SELECT c.name FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
               WHERE mc.meeting_id = m.id ORDER BY c.name_key)) AS contacts
    FROM meetings m LEFT JOIN networks n ON n.id = m.network_id";

impl Meeting {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
        let contacts: String = row.get("contacts")?;
        let contacts = serde_json::from_str(&contacts).map_err(|error| {
            rusqlite::Error::FromSqlConversionFailure(
                11,
                rusqlite::types::Type::Text,
                Box::new(error),
            )
        })?;
        Ok(Meeting {
            id: row.get("id")?,
            uuid: row.get("uuid")?,
            date: row.get("date")?,
            start_time: row.get("start_time")?,
            network: row.get("network")?,
            format: row.get("format")?,
            in_person: row.get("in_person")?,
            minutes: row.get("minutes")?,
            travel_minutes: row.get("travel_minutes")?,
            cost_cents: row.get("cost_cents")?,
            rating: row.get("rating")?,
            notes: row.get("notes")?,
            contacts,
        })
    }
}

/// What `log meeting` records (the contacts are linked separately).
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub date: NaiveDate,
    pub start_time: Option<StartTime>,
    pub network_id: Option<i64>,
    pub format: MeetingFormat,
    pub minutes: Option<u32>,
    pub travel_minutes: Option<u32>,
    pub cost: Option<Money>,
    pub rating: Option<Rating>,
    pub notes: Option<String>,
}

/// What `NewMeeting` writes on adding and on editing (see [`written`]).
impl Written for NewMeeting {
    const TABLE: &'static Table = &table::MEETINGS;

    /// The row's uuid or id as ?1, then the date, network, format, minutes, travel minutes,
    /// cost in cents, rating, notes, start time, in person or not as the format says, and
    /// `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            &self.date,
            &self.network_id,
            &self.format,
            &self.minutes,
            &self.travel_minutes,
            self.cost.map(Money::cents),
            self.rating.map(Rating::get),
            &self.notes,
            &self.start_time,
            self.format.in_person(),
            now,
        )
    }
}

/// Records a meeting; returns its id.
pub fn insert(conn: &Connection, meeting: &NewMeeting, now: &str) -> Result<i64, Error> {
    written::insert_with_uuid(conn, &new_uuid(), meeting, now)
}

/// The id of the meeting whose stable identifier is `uuid`, if there is one.
pub fn find_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>, Error> {
    let mut stmt = conn.prepare_cached("SELECT id FROM meetings WHERE uuid = ?1")?;
    Ok(stmt.query_row([uuid], |row| row.get(0)).optional()?)
}

/// The stable identifiers of the meetings on `date` (`import ics` looks among them for a
/// meeting an earlier version imported).
pub fn uuids_on(conn: &Connection, date: NaiveDate) -> Result<Vec<String>, Error> {
    let mut stmt = conn.prepare_cached("SELECT uuid FROM meetings WHERE date = ?1")?;
    let uuids = stmt.query_map([date], |row| row.get(0))?;
    Ok(uuids.collect::<Result<_, _>>()?)
}

/// The meeting `id` as recorded, in the shape `log meeting` records it, for `edit meeting`.
pub fn load(conn: &Connection, id: i64) -> Result<Option<NewMeeting>, Error> {
    Ok(conn
        .query_row(table::MEETINGS.load_sql(), [id], |row| {
            let rating: Option<u8> = row.get(6)?;
            let rating = rating
                .map(|value| {
                    Rating::new(value)
                        .ok_or(rusqlite::Error::IntegralValueOutOfRange(6, value.into()))
                })
                .transpose()?;
            Ok(NewMeeting {
                date: row.get(0)?,
                network_id: row.get(1)?,
                format: row.get(2)?,
                minutes: row.get(3)?,
                travel_minutes: row.get(4)?,
                cost: row.get::<_, Option<i64>>(5)?.map(Money::from_cents),
                rating,
                notes: row.get(7)?,
                start_time: row.get(8)?,
            })
        })
        .optional()?)
}

/// The contacts met at the meeting `id`, as (id, name), by name.
pub fn contacts_met(conn: &Connection, id: i64) -> Result<Vec<(i64, String)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name FROM meeting_contacts mc JOIN contacts c ON c.id = mc.contact_id
         WHERE mc.meeting_id = ?1 ORDER BY c.name_key",
    )?;
    let rows = stmt
        .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Records that `contact_id` was not met at `meeting_id` after all.
pub fn unlink_contact(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<(), Error> {
    conn.execute(
        "DELETE FROM meeting_contacts WHERE meeting_id = ?1 AND contact_id = ?2",
        [meeting_id, contact_id],
    )?;
    Ok(())
}

/// Records that `contact_id` was met at `meeting_id` (once, however often it is said).
pub fn link_contact(conn: &Connection, meeting_id: i64, contact_id: i64) -> Result<(), Error> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO meeting_contacts (meeting_id, contact_id) VALUES (?1, ?2)",
    )?;
    stmt.execute([meeting_id, contact_id])?;
    Ok(())
}

/// Whether a meeting with this id exists.
pub fn exists(conn: &Connection, id: i64) -> Result<bool, Error> {
    Ok(conn
        .query_row("SELECT 1 FROM meetings WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Meetings of the network within the period, by date.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Meeting>, Error> {
    let sql = format!(
        "{SELECT}
         WHERE (?1 IS NULL OR m.network_id = ?1)
           AND (?2 IS NULL OR m.date >= ?2)
           AND (?3 IS NULL OR m.date <= ?3)
         {}",
        filter.order_by("m")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Meeting::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(filter.dated(rows))
}

/// What removing a meeting takes with it (see [`delete`]): the notes on it and its links to
/// the contacts met, who stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub date: NaiveDate,
    pub format: MeetingFormat,
    pub network: Option<String>,
    pub notes: i64,
    /// Contacts met at the meeting: kept.
    pub contacts_kept: i64,
}

/// What [`delete`] would remove for the meeting `id`, or `None` when there is no such meeting.
pub fn removal(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    Ok(conn
        .query_row(
            "SELECT m.date, m.format, n.name,
                    (SELECT count(*) FROM notes WHERE meeting_id = ?1),
                    (SELECT count(*) FROM meeting_contacts WHERE meeting_id = ?1)
             FROM meetings m LEFT JOIN networks n ON n.id = m.network_id
             WHERE m.id = ?1",
            [id],
            |row| {
                Ok(Removal {
                    date: row.get(0)?,
                    format: row.get(1)?,
                    network: row.get(2)?,
                    notes: row.get(3)?,
                    contacts_kept: row.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Removes the meeting `id` (see [`Removal`]); returns what went, or `None` when there is no
/// such meeting. Run it inside a transaction.
pub fn delete(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    let Some(mut removal) = removal(conn, id)? else {
        return Ok(None);
    };
    removal.notes = conn.execute("DELETE FROM notes WHERE meeting_id = ?1", [id])? as i64;
    removal.contacts_kept =
        conn.execute("DELETE FROM meeting_contacts WHERE meeting_id = ?1", [id])? as i64;
    conn.execute("DELETE FROM meetings WHERE id = ?1", [id])?;
    Ok(Some(removal))
}
