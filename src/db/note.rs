//! Notes: free text on a network, a meeting or a contact; a concern is a note flagged as a red
//! flag (such as one's name used without consent), with a severity (minor or serious), and the
//! date it was resolved, once it is.
//!
//! The table's columns are described in [`super::table`], which builds the statements that add,
//! edit and read back a whole note; here are the listing ([`Note`]), the record a command writes
//! ([`NewNote`], in the description's order) and the queries of notes' own.

use chrono::NaiveDate;
use rusqlite::{Connection, Params, Row, ToSql, params};
use serde::Serialize;

use super::table::{self, Table};
use super::written::{self, Written};
use super::{Error, Filter, new_uuid};
use crate::domain::Severity;

/// A note as listed, with what it is attached to.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub text: String,
    pub concern: bool,
    /// A concern's severity; none for a plain note.
    pub severity: Option<Severity>,
    /// When a concern was resolved; none while it stands, and for a plain note.
    pub resolved_on: Option<NaiveDate>,
    pub network: Option<String>,
    pub meeting_id: Option<i64>,
    pub contact: Option<String>,
}

impl Note {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Note> {
        Ok(Note {
            id: row.get("id")?,
            uuid: row.get("uuid")?,
            date: row.get("date")?,
            text: row.get("body")?,
            concern: row.get("concern")?,
            severity: row.get("severity")?,
            resolved_on: row.get("resolved_on")?,
            network: row.get("network")?,
            meeting_id: row.get("meeting_id")?,
            contact: row.get("contact")?,
        })
    }
}

/// What a note is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Nothing,
    Network(i64),
    Meeting(i64),
    Contact(i64),
}

/// What `note` records. A concern (`severity` set) may be resolved; a plain note has neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub date: NaiveDate,
    pub text: String,
    /// `Some` for a concern, with its severity; `None` for a plain note.
    pub severity: Option<Severity>,
    /// When the concern was resolved.
    pub resolved_on: Option<NaiveDate>,
    pub target: Target,
}

impl NewNote {
    pub fn concern(&self) -> bool {
        self.severity.is_some()
    }
}

/// What `NewNote` writes on adding and on editing (see [`written`]).
impl Written for NewNote {
    const TABLE: &'static Table = &table::NOTES;

    /// The row's uuid or id as ?1, then the date, text, concern or not, the network, meeting
    /// and contact it is on (at most one), severity, day resolved, and `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        let (network, meeting, contact) = match self.target {
            Target::Nothing => (None, None, None),
            Target::Network(id) => (Some(id), None, None),
            Target::Meeting(id) => (None, Some(id), None),
            Target::Contact(id) => (None, None, Some(id)),
        };
        (
            row,
            &self.date,
            &self.text,
            self.concern(),
            network,
            meeting,
            contact,
            &self.severity,
            &self.resolved_on,
            now,
        )
    }
}

/// Records a note; returns its id.
pub fn insert(conn: &Connection, note: &NewNote, now: &str) -> Result<i64, Error> {
    written::insert_with_uuid(conn, &new_uuid(), note, now)
}

/// The note `id` as recorded, in the shape `note` records it, for `edit note`.
pub fn load(conn: &Connection, id: i64) -> Result<Option<NewNote>, Error> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(table::NOTES.load_sql(), [id], |row| {
            // Whether it is a concern (2) follows from its severity.
            let target = match (row.get(3)?, row.get(4)?, row.get(5)?) {
                (Some(network), _, _) => Target::Network(network),
                (None, Some(meeting), _) => Target::Meeting(meeting),
                (None, None, Some(contact)) => Target::Contact(contact),
                (None, None, None) => Target::Nothing,
            };
            Ok(NewNote {
                date: row.get(0)?,
                text: row.get(1)?,
                severity: row.get(6)?,
                resolved_on: row.get(7)?,
                target,
            })
        })
        .optional()?)
}

/// Notes within the period, by date. With a network: the notes on the network itself and on
/// its meetings.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Note>, Error> {
    let sql = format!(
        "SELECT t.id, t.uuid, t.date, t.body, t.concern, t.severity, t.resolved_on,
                coalesce(n.name, mn.name) AS network, t.meeting_id, c.name AS contact
         FROM notes t
         LEFT JOIN networks n ON n.id = t.network_id
         LEFT JOIN meetings m ON m.id = t.meeting_id
         LEFT JOIN networks mn ON mn.id = m.network_id
         LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE (?1 IS NULL OR t.network_id = ?1 OR m.network_id = ?1)
           AND (?2 IS NULL OR t.date >= ?2)
           AND (?3 IS NULL OR t.date <= ?3)
         {}",
        filter.order_by("t")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Note::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(filter.dated(rows))
}

/// A note about to be removed, as the confirmation describes it. Nothing else goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub date: NaiveDate,
    pub text: String,
    /// A concern's severity; none for a plain note.
    pub severity: Option<Severity>,
    pub resolved_on: Option<NaiveDate>,
}

/// The note `id` as [`delete`] would remove it, or `None` when there is no such note.
pub fn removal(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT date, body, severity, resolved_on FROM notes WHERE id = ?1",
            [id],
            |row| {
                Ok(Removal {
                    date: row.get(0)?,
                    text: row.get(1)?,
                    severity: row.get(2)?,
                    resolved_on: row.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Removes the note `id`; returns what went, or `None` when there is no such note.
pub fn delete(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    let removal = removal(conn, id)?;
    if removal.is_some() {
        conn.execute("DELETE FROM notes WHERE id = ?1", [id])?;
    }
    Ok(removal)
}
