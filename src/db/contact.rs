//! Contacts: the people met, and how deep each relationship is (meetings shared).
//!
//! The table's columns are described in [`super::table`], which builds the statements that add,
//! edit and read back a whole contact; here are the listing ([`Contact`]), the record a command
//! writes ([`NewContact`], in the description's order) and the queries of contacts' own.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Params, Row, ToSql, params};
use serde::Serialize;

use super::table::{self, MATCHES_KEY, Table};
use super::written::{self, Written};
use super::{Error, Filter, new_uuid};
use crate::domain::Name;

/// A contact as listed, with the number of meetings shared (the depth of the relationship).
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub profession: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub network: Option<String>,
    pub notes: Option<String>,
    pub added_on: NaiveDate,
    pub meetings: i64,
}

const SELECT: &str = "SELECT c.id, c.uuid, c.name, c.profession, c.company, c.email, c.linkedin,
           n.name AS network, c.notes, c.added_on,
           (SELECT count(*) FROM meeting_contacts mc WHERE mc.contact_id = c.id) AS meetings
    FROM contacts c LEFT JOIN networks n ON n.id = c.network_id";

impl Contact {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Contact> {
        Ok(Contact {
            id: row.get("id")?,
            uuid: row.get("uuid")?,
            name: row.get("name")?,
            profession: row.get("profession")?,
            company: row.get("company")?,
            email: row.get("email")?,
            linkedin: row.get("linkedin")?,
            network: row.get("network")?,
            notes: row.get("notes")?,
            added_on: row.get("added_on")?,
            meetings: row.get("meetings")?,
        })
    }
}

/// What `add contact` (or `log meeting --met`) records.
#[derive(Debug, Clone)]
pub struct NewContact {
    pub name: Name,
    pub profession: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub network_id: Option<i64>,
    pub notes: Option<String>,
    pub added_on: NaiveDate,
}

impl NewContact {
    /// A contact known by name only, as `--met` creates it.
    pub fn named(name: Name, network_id: Option<i64>, added_on: NaiveDate) -> NewContact {
        NewContact {
            name,
            profession: None,
            company: None,
            email: None,
            linkedin: None,
            network_id,
            notes: None,
            added_on,
        }
    }
}

/// What `NewContact` writes on adding and on editing (see [`written`]).
impl Written for NewContact {
    const TABLE: &'static Table = &table::CONTACTS;

    /// The row's uuid or id as ?1, then the name, profession, company, e-mail, LinkedIn URL,
    /// network, notes, day added, the name's folded key, and `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            self.name.as_str(),
            &self.profession,
            &self.company,
            &self.email,
            &self.linkedin,
            &self.network_id,
            &self.notes,
            &self.added_on,
            self.name.key(),
            now,
        )
    }
}

/// Records a contact; returns its id.
pub fn insert(conn: &Connection, contact: &NewContact, now: &str) -> Result<i64, Error> {
    written::insert_with_uuid(conn, &new_uuid(), contact, now)
}

/// The contact `id` as recorded, in the shape `add contact` records it, for `edit contact`.
pub fn load(conn: &Connection, id: i64) -> Result<Option<NewContact>, Error> {
    Ok(conn
        .query_row(table::CONTACTS.load_sql(), [id], |row| {
            Ok(NewContact {
                name: row.get::<_, String>(0)?.parse().map_err(|error| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Text,
                        Box::new(error),
                    )
                })?,
                profession: row.get(1)?,
                company: row.get(2)?,
                email: row.get(3)?,
                linkedin: row.get(4)?,
                network_id: row.get(5)?,
                notes: row.get(6)?,
                added_on: row.get(7)?,
            })
        })
        .optional()?)
}

/// The id of the contact whose name matches `name` (folded, see
/// [`crate::domain::text::name_key`]); the first recorded when several do (see [`find_ids`]).
pub fn find_id(conn: &Connection, name: &Name) -> Result<Option<i64>, Error> {
    Ok(find_ids(conn, name)?.first().copied())
}

/// The ids of the contacts whose name matches `name`, first recorded first: one, or several
/// when names an older netjournal kept apart (`Amélie`, `Amelie`) now fold alike and were kept
/// under keys of their own by the upgrade (see `migrate::duplicate_key`).
pub fn find_ids(conn: &Connection, name: &Name) -> Result<Vec<i64>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id FROM contacts WHERE {MATCHES_KEY} ORDER BY id"
    ))?;
    let ids = stmt
        .query_map([name.key()], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// The name of the contact `id`, as it was recorded.
pub fn name_of(conn: &Connection, id: i64) -> Result<String, Error> {
    let mut stmt = conn.prepare_cached("SELECT name FROM contacts WHERE id = ?1")?;
    Ok(stmt.query_row([id], |row| row.get(0))?)
}

/// A network, by its id and name, as [`met_through`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkRef {
    pub id: i64,
    pub name: String,
}

/// Where the contact `id` was met: their own network (`add contact --network`, or the network
/// of the meeting that created them), and every network where a meeting with them was shared,
/// by name.
pub fn met_through(
    conn: &Connection,
    id: i64,
) -> Result<(Option<NetworkRef>, Vec<NetworkRef>), Error> {
    let network = |row: &Row<'_>| {
        Ok(NetworkRef {
            id: row.get(0)?,
            name: row.get(1)?,
        })
    };
    let own = conn
        .prepare_cached(
            "SELECT n.id, n.name FROM contacts c JOIN networks n ON n.id = c.network_id
             WHERE c.id = ?1",
        )?
        .query_row([id], network)
        .optional()?;
    let shared = conn
        .prepare_cached(
            "SELECT DISTINCT n.id, n.name, n.name_key FROM meeting_contacts mc
             JOIN meetings m ON m.id = mc.meeting_id
             JOIN networks n ON n.id = m.network_id
             WHERE mc.contact_id = ?1
             ORDER BY n.name_key",
        )?
        .query_map([id], network)?
        .collect::<Result<_, _>>()?;
    Ok((own, shared))
}

/// Every contact's name, for suggestions.
pub fn names(conn: &Connection) -> Result<Vec<String>, Error> {
    let mut stmt = conn.prepare_cached("SELECT name FROM contacts ORDER BY name_key")?;
    let names = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

/// Contacts met through the network (or met at one of its meetings), added or met within the
/// period, by name.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Contact>, Error> {
    let sql = format!(
        "{SELECT}
         WHERE (?1 IS NULL OR c.network_id = ?1 OR EXISTS (
                  SELECT 1 FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
                  WHERE mc.contact_id = c.id AND m.network_id = ?1))
           AND ((?2 IS NULL AND ?3 IS NULL)
                OR ((?2 IS NULL OR c.added_on >= ?2) AND (?3 IS NULL OR c.added_on <= ?3))
                OR EXISTS (
                  SELECT 1 FROM meeting_contacts mc JOIN meetings m ON m.id = mc.meeting_id
                  WHERE mc.contact_id = c.id
                    AND (?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)))
         ORDER BY c.name_key"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Contact::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// What removing a contact takes with it (see [`delete`]): the notes on them and their links
/// to meetings. The meetings stay (they happened, and cost what they cost), and so do the
/// referrals with them, with no contact (the business happened too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub name: String,
    pub notes: i64,
    /// Meetings the contact was met at: kept, without them among the people met.
    pub meetings_kept: i64,
    /// Referrals from or to the contact: kept, their contact cleared.
    pub referrals_kept: i64,
}

/// What [`delete`] would remove for the contact `id`, or `None` when there is no such contact.
pub fn removal(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    Ok(conn
        .query_row(
            "SELECT name,
                    (SELECT count(*) FROM notes WHERE contact_id = ?1),
                    (SELECT count(*) FROM meeting_contacts WHERE contact_id = ?1),
                    (SELECT count(*) FROM referrals WHERE contact_id = ?1)
             FROM contacts WHERE id = ?1",
            [id],
            |row| {
                Ok(Removal {
                    name: row.get(0)?,
                    notes: row.get(1)?,
                    meetings_kept: row.get(2)?,
                    referrals_kept: row.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Removes the contact `id` (see [`Removal`]); returns what went, or `None` when there is no
/// such contact. Run it inside a transaction.
pub fn delete(conn: &Connection, id: i64, now: &str) -> Result<Option<Removal>, Error> {
    let Some(mut removal) = removal(conn, id)? else {
        return Ok(None);
    };
    removal.notes = conn.execute("DELETE FROM notes WHERE contact_id = ?1", [id])? as i64;
    removal.meetings_kept =
        conn.execute("DELETE FROM meeting_contacts WHERE contact_id = ?1", [id])? as i64;
    removal.referrals_kept = conn.execute(
        "UPDATE referrals SET contact_id = NULL, updated_at = ?2 WHERE contact_id = ?1",
        params![id, now],
    )? as i64;
    conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    Ok(Some(removal))
}

/// Who a contact is, for matching the people an import brings in: by e-mail address, LinkedIn
/// profile or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub linkedin: Option<String>,
}

/// Every contact's [`Identity`], by id.
pub fn identities(conn: &Connection) -> Result<Vec<Identity>, Error> {
    let mut stmt = conn.prepare("SELECT id, name, email, linkedin FROM contacts ORDER BY id")?;
    let rows = stmt
        .query_map([], |row| {
            Ok(Identity {
                id: row.get(0)?,
                name: row.get(1)?,
                email: row.get(2)?,
                linkedin: row.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// What [`merge`] moved from the contact merged onto the one kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Meetings the merged contact was met at (a meeting with both is one meeting with the
    /// one kept).
    pub meetings: i64,
    pub referrals: i64,
    pub notes: i64,
    /// The fields of the one kept that were empty and took the merged contact's value, by
    /// column name (`profession`, `email`…).
    pub filled: Vec<&'static str>,
}

/// What [`merge`] would move from `other` onto `keep`, or `None` when either is missing.
pub fn merging(conn: &Connection, keep: i64, other: i64) -> Result<Option<Merged>, Error> {
    let (Some(kept), Some(merged)) = (load(conn, keep)?, load(conn, other)?) else {
        return Ok(None);
    };
    let mut filled = Vec::new();
    for (column, kept, merged) in [
        ("profession", &kept.profession, &merged.profession),
        ("company", &kept.company, &merged.company),
        ("email", &kept.email, &merged.email),
        ("linkedin", &kept.linkedin, &merged.linkedin),
        ("notes", &kept.notes, &merged.notes),
    ] {
        if kept.is_none() && merged.is_some() {
            filled.push(column);
        }
    }
    if kept.network_id.is_none() && merged.network_id.is_some() {
        filled.push("network");
    }
    Ok(Some(conn.query_row(
        "SELECT (SELECT count(*) FROM meeting_contacts WHERE contact_id = ?1),
                (SELECT count(*) FROM referrals WHERE contact_id = ?1),
                (SELECT count(*) FROM notes WHERE contact_id = ?1)",
        [other],
        |row| {
            Ok(Merged {
                meetings: row.get(0)?,
                referrals: row.get(1)?,
                notes: row.get(2)?,
                filled,
            })
        },
    )?))
}

/// Makes the contact `other` part of `keep`: its meeting links, referrals and notes move to
/// `keep`, `keep`'s empty fields take `other`'s values, the earlier of their first meetings
/// stays, and `other` is removed; its uuid is remembered as merged into `keep`'s (see
/// `merged_contacts`), so that importing an older export maps it onto `keep` instead of
/// bringing it back. Returns what moved, or `None` when either contact is missing. Run it
/// inside a transaction.
pub fn merge(conn: &Connection, keep: i64, other: i64, now: &str) -> Result<Option<Merged>, Error> {
    let Some(merged) = merging(conn, keep, other)? else {
        return Ok(None);
    };
    conn.execute(
        "INSERT OR IGNORE INTO meeting_contacts (meeting_id, contact_id)
         SELECT meeting_id, ?1 FROM meeting_contacts WHERE contact_id = ?2",
        [keep, other],
    )?;
    conn.execute(
        "DELETE FROM meeting_contacts WHERE contact_id = ?1",
        [other],
    )?;
    conn.execute(
        "UPDATE referrals SET contact_id = ?1, updated_at = ?3 WHERE contact_id = ?2",
        params![keep, other, now],
    )?;
    conn.execute(
        "UPDATE notes SET contact_id = ?1, updated_at = ?3 WHERE contact_id = ?2",
        params![keep, other, now],
    )?;
    conn.execute(
        "UPDATE contacts SET
             profession = coalesce(profession, (SELECT profession FROM contacts WHERE id = ?2)),
             company = coalesce(company, (SELECT company FROM contacts WHERE id = ?2)),
             email = coalesce(email, (SELECT email FROM contacts WHERE id = ?2)),
             linkedin = coalesce(linkedin, (SELECT linkedin FROM contacts WHERE id = ?2)),
             network_id = coalesce(network_id, (SELECT network_id FROM contacts WHERE id = ?2)),
             notes = coalesce(notes, (SELECT notes FROM contacts WHERE id = ?2)),
             added_on = min(added_on, (SELECT added_on FROM contacts WHERE id = ?2)),
             updated_at = ?3
         WHERE id = ?1",
        params![keep, other, now],
    )?;
    // Whatever was merged into `other` before is now merged into `keep`.
    conn.execute(
        "UPDATE merged_contacts SET into_uuid = (SELECT uuid FROM contacts WHERE id = ?1)
         WHERE into_uuid = (SELECT uuid FROM contacts WHERE id = ?2)",
        [keep, other],
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO merged_contacts (old_uuid, into_uuid, merged_at)
         SELECT o.uuid, k.uuid, ?3 FROM contacts o, contacts k WHERE o.id = ?2 AND k.id = ?1",
        params![keep, other, now],
    )?;
    conn.execute("DELETE FROM contacts WHERE id = ?1", [other])?;
    Ok(Some(merged))
}

/// The contact a uuid merged away now lives on as: the uuid it was merged into, or `None`
/// when `uuid` was never merged.
pub fn merged_into(conn: &Connection, uuid: &str) -> Result<Option<String>, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT into_uuid FROM merged_contacts WHERE old_uuid = ?1")?;
    Ok(stmt.query_row([uuid], |row| row.get(0)).optional()?)
}

/// The rows that involve contact `id`, by their ids.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Involving {
    /// The meetings where they were met.
    pub met: Vec<i64>,
    /// The referrals from or to them.
    pub referred: Vec<i64>,
    /// The notes on them.
    pub noted: Vec<i64>,
}

/// The meetings, referrals and notes that involve contact `id`.
pub fn involving(conn: &Connection, id: i64) -> Result<Involving, Error> {
    let ids = |sql: &str| -> Result<Vec<i64>, Error> {
        let mut stmt = conn.prepare(sql)?;
        let ids = stmt
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    };
    Ok(Involving {
        met: ids("SELECT meeting_id FROM meeting_contacts WHERE contact_id = ?1")?,
        referred: ids("SELECT id FROM referrals WHERE contact_id = ?1")?,
        noted: ids("SELECT id FROM notes WHERE contact_id = ?1")?,
    })
}
