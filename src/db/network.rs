//! Networks: the groups the user joined, their fees, and when and why they left.
//!
//! The table's columns are described in [`super::table`], which builds the statements that add,
//! edit and read back a whole network; here are the record each command writes, in the
//! description's order, and the queries of networks' own.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Params, Row, ToSql, params};
use serde::Serialize;

use super::table::{self, Table};
use super::written::{self, Written};
use super::{Error, Filter, new_uuid};
use crate::domain::text::name_key;
use crate::domain::{FeePeriod, Kind, Money, Name};

/// Whether the user is still a member: a domain word, shown through its `label`.
pub use crate::domain::vocab::NetworkStatus as Status;

/// A network as stored (the columns of its description, [`table::NETWORKS`], read by name), with
/// its status derived from `left_on`.
#[derive(Debug, Clone, Serialize)]
pub struct Network {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub exit_reason: Option<String>,
    pub invited_by: Option<String>,
    pub fee_cents: Option<i64>,
    pub fee_period: Option<FeePeriod>,
    pub rules: Option<String>,
    pub notes: Option<String>,
}

impl Network {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Network> {
        let left_on: Option<NaiveDate> = row.get("left_on")?;
        Ok(Network {
            id: row.get("id")?,
            uuid: row.get("uuid")?,
            name: row.get("name")?,
            kind: row.get("kind")?,
            status: if left_on.is_some() {
                Status::Left
            } else {
                Status::Active
            },
            joined_on: row.get("joined_on")?,
            left_on,
            exit_reason: row.get("exit_reason")?,
            invited_by: row.get("invited_by")?,
            fee_cents: row.get("fee_cents")?,
            fee_period: row.get("fee_period")?,
            rules: row.get("rules")?,
            notes: row.get("notes")?,
        })
    }

    pub fn fee(&self) -> Option<(Money, FeePeriod)> {
        Some((Money::from_cents(self.fee_cents?), self.fee_period?))
    }
}

/// What `add network` records.
#[derive(Debug, Clone)]
pub struct NewNetwork {
    pub name: Name,
    pub kind: Kind,
    pub joined_on: NaiveDate,
    pub invited_by: Option<String>,
    pub fee: Option<(Money, FeePeriod)>,
    pub rules: Option<String>,
    pub notes: Option<String>,
}

/// What `add network` writes: a network not left (see [`written`]).
impl Written for NewNetwork {
    const TABLE: &'static Table = &table::NETWORKS;

    /// The row's uuid as ?1, then the name, kind, day joined, no day left nor reason, who
    /// invited the user, the fee and its period, rules, notes, the name's folded key, and
    /// `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            self.name.as_str(),
            &self.kind,
            &self.joined_on,
            None::<NaiveDate>,
            None::<&str>,
            &self.invited_by,
            self.fee.map(|(money, _)| money.cents()),
            self.fee.map(|(_, period)| period),
            &self.rules,
            &self.notes,
            self.name.key(),
            now,
        )
    }
}

/// What `edit network` writes: the network as it was changed, its status following from
/// `left_on` (see [`written`]).
impl Written for Network {
    const TABLE: &'static Table = &table::NETWORKS;

    /// The row's id as ?1, then its columns as [`NewNetwork`]'s, the day left and the reason
    /// among them.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            &self.name,
            &self.kind,
            &self.joined_on,
            &self.left_on,
            &self.exit_reason,
            &self.invited_by,
            &self.fee_cents,
            &self.fee_period,
            &self.rules,
            &self.notes,
            name_key(&self.name),
            now,
        )
    }
}

/// Records a network; returns its id.
pub fn insert(conn: &Connection, network: &NewNetwork, now: &str) -> Result<i64, Error> {
    insert_with_uuid(conn, &new_uuid(), network, now)
}

/// Records a network under the stable identifier `uuid` chosen by the caller (the sample
/// journal generator derives it from its seed, so that one seed is one journal); returns its
/// id.
pub fn insert_with_uuid(
    conn: &Connection,
    uuid: &str,
    network: &NewNetwork,
    now: &str,
) -> Result<i64, Error> {
    written::insert_with_uuid(conn, uuid, network, now)
}

/// The network with the number `id`.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Network>, Error> {
    let columns = table::NETWORKS.row_columns();
    let sql = format!("SELECT {columns} FROM networks WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], Network::from_row).optional()?)
}

/// Writes `network` over the row with its id, as `edit network` changed it, stamped updated at
/// `now`. Its status follows from `left_on`.
pub fn update(conn: &Connection, network: &Network, now: &str) -> Result<(), Error> {
    written::update(conn, network.id, network, now)
}

/// The network whose name matches `name`, folded (case, accents, apostrophe and dash styles,
/// Unicode forms and spaces aside, see [`name_key`]); the first recorded when an upgrade left
/// two whose names now fold alike (see `migrate::duplicate_key`).
pub fn find(conn: &Connection, name: &Name) -> Result<Option<Network>, Error> {
    let columns = table::NETWORKS.row_columns();
    let sql = format!(
        "SELECT {columns} FROM networks WHERE {} ORDER BY id LIMIT 1",
        super::table::MATCHES_KEY
    );
    Ok(conn
        .query_row(&sql, [name.key()], Network::from_row)
        .optional()?)
}

/// Every network's name, for suggestions and pickers.
pub fn names(conn: &Connection) -> Result<Vec<String>, Error> {
    let mut stmt = conn.prepare_cached("SELECT name FROM networks ORDER BY name_key")?;
    let names = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

/// Records that the user left the network.
pub fn leave(
    conn: &Connection,
    id: i64,
    left_on: NaiveDate,
    reason: &str,
    now: &str,
) -> Result<(), Error> {
    conn.execute(
        "UPDATE networks SET left_on = ?2, exit_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, left_on, reason, now],
    )?;
    Ok(())
}

/// Networks that were joined by the end of the period and not left before its start, by
/// joining date.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Network>, Error> {
    let columns = table::NETWORKS.row_columns();
    let sql = format!(
        "SELECT {columns} FROM networks
         WHERE (?1 IS NULL OR id = ?1)
           AND (?2 IS NULL OR left_on IS NULL OR left_on >= ?2)
           AND (?3 IS NULL OR joined_on IS NULL OR joined_on <= ?3)
         ORDER BY joined_on, name_key"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Network::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// How many meetings, contacts, referrals and notes hang on a network.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub meetings: i64,
    pub contacts: i64,
    pub referrals: i64,
    pub notes: i64,
}

pub fn counts(conn: &Connection, id: i64) -> Result<Counts, Error> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM meetings WHERE network_id = ?1),
                (SELECT count(*) FROM contacts WHERE network_id = ?1),
                (SELECT count(*) FROM referrals WHERE network_id = ?1),
                (SELECT count(*) FROM notes WHERE network_id = ?1)",
        [id],
        |row| {
            Ok(Counts {
                meetings: row.get(0)?,
                contacts: row.get(1)?,
                referrals: row.get(2)?,
                notes: row.get(3)?,
            })
        },
    )?)
}

/// What removing a network takes with it (see [`delete`]): its meetings (with their contact
/// links and the notes on them), its referrals and the notes on it. The contacts met through
/// it stay, with no network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub name: String,
    pub meetings: i64,
    pub referrals: i64,
    /// Notes on the network and on its meetings.
    pub notes: i64,
    /// Contacts met through the network: kept, their network cleared.
    pub contacts_kept: i64,
}

/// What [`delete`] would remove for the network `id`, or `None` when there is no such network.
pub fn removal(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    Ok(conn
        .query_row(
            "SELECT name,
                    (SELECT count(*) FROM meetings WHERE network_id = ?1),
                    (SELECT count(*) FROM referrals WHERE network_id = ?1),
                    (SELECT count(*) FROM notes WHERE network_id = ?1 OR meeting_id IN
                        (SELECT id FROM meetings WHERE network_id = ?1)),
                    (SELECT count(*) FROM contacts WHERE network_id = ?1)
             FROM networks WHERE id = ?1",
            [id],
            |row| {
                Ok(Removal {
                    name: row.get(0)?,
                    meetings: row.get(1)?,
                    referrals: row.get(2)?,
                    notes: row.get(3)?,
                    contacts_kept: row.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Removes the network `id` and what hangs on it (see [`Removal`]); returns what went, or
/// `None` when there is no such network. Run it inside a transaction: it is several
/// statements, and the journal must never hold half of them.
pub fn delete(conn: &Connection, id: i64, now: &str) -> Result<Option<Removal>, Error> {
    let Some(mut removal) = removal(conn, id)? else {
        return Ok(None);
    };
    removal.notes = conn.execute(
        "DELETE FROM notes WHERE network_id = ?1
            OR meeting_id IN (SELECT id FROM meetings WHERE network_id = ?1)",
        [id],
    )? as i64;
    conn.execute(
        "DELETE FROM meeting_contacts
         WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = ?1)",
        [id],
    )?;
    removal.meetings = conn.execute("DELETE FROM meetings WHERE network_id = ?1", [id])? as i64;
    removal.referrals = conn.execute("DELETE FROM referrals WHERE network_id = ?1", [id])? as i64;
    removal.contacts_kept = conn.execute(
        "UPDATE contacts SET network_id = NULL, updated_at = ?2 WHERE network_id = ?1",
        params![id, now],
    )? as i64;
    conn.execute("DELETE FROM networks WHERE id = ?1", [id])?;
    Ok(Some(removal))
}

/// The days of the meetings and referrals of network `new.id` that `new`'s membership (its
/// joining and leaving dates) leaves outside, but for those `old`'s already left outside; in
/// order, each once.
pub fn dates_outside_membership(
    conn: &Connection,
    new: &Network,
    old: &Network,
) -> Result<Vec<String>, Error> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT date FROM (
             SELECT date FROM meetings WHERE network_id = ?1
             UNION ALL SELECT date FROM referrals WHERE network_id = ?1)
         WHERE ((?2 IS NOT NULL AND date < ?2) OR (?3 IS NOT NULL AND date > ?3))
           AND NOT ((?4 IS NOT NULL AND date < ?4) OR (?5 IS NOT NULL AND date > ?5))
         ORDER BY date",
    )?;
    let dates = stmt
        .query_map(
            params![
                new.id,
                new.joined_on,
                new.left_on,
                old.joined_on,
                old.left_on
            ],
            |row| row.get(0),
        )?
        .collect::<Result<_, _>>()?;
    Ok(dates)
}
