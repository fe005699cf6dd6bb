//! Referrals: business passed to the user (received) or by the user (given), and what came of
//! it.
//!
//! The table's columns are described in [`super::table`], which builds the statements that add,
//! edit and read back a whole referral; here are the listing ([`Referral`]), the record a
//! command writes ([`NewReferral`], in the description's order) and the queries of referrals'
//! own.

use chrono::NaiveDate;
use rusqlite::{Connection, Params, Row, ToSql, params};
use serde::Serialize;

use super::table::{self, Table};
use super::written::{self, Written};
use super::{Error, Filter, new_uuid};
use crate::domain::{Direction, Money, ReferralStatus};

/// A referral as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub id: i64,
    pub uuid: String,
    pub direction: Direction,
    pub date: NaiveDate,
    pub network: Option<String>,
    pub contact: Option<String>,
    pub description: Option<String>,
    pub status: ReferralStatus,
    pub value_cents: Option<i64>,
}

impl Referral {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Referral> {
        Ok(Referral {
            id: row.get("id")?,
            uuid: row.get("uuid")?,
            direction: row.get("direction")?,
            date: row.get("date")?,
            network: row.get("network")?,
            contact: row.get("contact")?,
            description: row.get("description")?,
            status: row.get("status")?,
            value_cents: row.get("value_cents")?,
        })
    }
}

/// What `log referral` records.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub direction: Direction,
    pub date: NaiveDate,
    pub network_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub description: Option<String>,
    pub status: ReferralStatus,
    pub value: Option<Money>,
}

/// What `NewReferral` writes on adding and on editing (see [`written`]).
impl Written for NewReferral {
    const TABLE: &'static Table = &table::REFERRALS;

    /// The row's uuid or id as ?1, then the direction, date, network, contact, description,
    /// status, value in cents, and `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            &self.direction,
            &self.date,
            &self.network_id,
            &self.contact_id,
            &self.description,
            &self.status,
            self.value.map(Money::cents),
            now,
        )
    }
}

/// Records a referral; returns its id.
pub fn insert(conn: &Connection, referral: &NewReferral, now: &str) -> Result<i64, Error> {
    written::insert_with_uuid(conn, &new_uuid(), referral, now)
}

/// The referral `id` as recorded, in the shape `log referral` records it, for `edit referral`.
pub fn load(conn: &Connection, id: i64) -> Result<Option<NewReferral>, Error> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(table::REFERRALS.load_sql(), [id], |row| {
            Ok(NewReferral {
                direction: row.get(0)?,
                date: row.get(1)?,
                network_id: row.get(2)?,
                contact_id: row.get(3)?,
                description: row.get(4)?,
                status: row.get(5)?,
                value: row.get::<_, Option<i64>>(6)?.map(Money::from_cents),
            })
        })
        .optional()?)
}

/// Referrals of the network within the period, by date.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Referral>, Error> {
    let sql = format!(
        "SELECT r.id, r.uuid, r.direction, r.date, n.name AS network, c.name AS contact,
                r.description, r.status, r.value_cents
         FROM referrals r
         LEFT JOIN networks n ON n.id = r.network_id
         LEFT JOIN contacts c ON c.id = r.contact_id
         WHERE (?1 IS NULL OR r.network_id = ?1)
           AND (?2 IS NULL OR r.date >= ?2)
           AND (?3 IS NULL OR r.date <= ?3)
         {}",
        filter.order_by("r")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Referral::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(filter.dated(rows))
}

/// A referral about to be removed, as the confirmation describes it. Nothing else goes with
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub direction: Direction,
    pub date: NaiveDate,
    pub status: ReferralStatus,
    pub contact: Option<String>,
}

/// The referral `id` as [`delete`] would remove it, or `None` when there is no such referral.
pub fn removal(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT r.direction, r.date, r.status, c.name
             FROM referrals r LEFT JOIN contacts c ON c.id = r.contact_id
             WHERE r.id = ?1",
            [id],
            |row| {
                Ok(Removal {
                    direction: row.get(0)?,
                    date: row.get(1)?,
                    status: row.get(2)?,
                    contact: row.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Removes the referral `id`; returns what went, or `None` when there is no such referral.
pub fn delete(conn: &Connection, id: i64) -> Result<Option<Removal>, Error> {
    let removal = removal(conn, id)?;
    if removal.is_some() {
        conn.execute("DELETE FROM referrals WHERE id = ?1", [id])?;
    }
    Ok(removal)
}
