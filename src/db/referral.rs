//! Referrals: business passed to the user (received) or by the user (given), and what came of
//! it.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};
use serde::Serialize;

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

/// Records a referral; returns its id.
pub fn insert(conn: &Connection, referral: &NewReferral, now: &str) -> Result<i64, Error> {
    conn.execute(
        "INSERT INTO referrals (uuid, direction, date, network_id, contact_id, description,
                                status, value_cents, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            new_uuid(),
            referral.direction,
            referral.date,
            referral.network_id,
            referral.contact_id,
            referral.description,
            referral.status,
            referral.value.map(Money::cents),
            now,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Referrals of the network within the period, by date.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Referral>, Error> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.uuid, r.direction, r.date, n.name AS network, c.name AS contact,
                r.description, r.status, r.value_cents
         FROM referrals r
         LEFT JOIN networks n ON n.id = r.network_id
         LEFT JOIN contacts c ON c.id = r.contact_id
         WHERE (?1 IS NULL OR r.network_id = ?1)
           AND (?2 IS NULL OR r.date >= ?2)
           AND (?3 IS NULL OR r.date <= ?3)
         ORDER BY r.date, r.id",
    )?;
    let rows = stmt
        .query_map(
            params![filter.network_id, filter.since, filter.until],
            Referral::from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
