//! Membership fees over time: the fee a network was joined at is the network's own
//! `fee_cents`/`fee_period`; the fees that took effect later are rows of `fee_changes`, one per
//! network and date. This module reads them together, as a [`FeeHistory`] or as the ordered
//! [`FeeStep`]s the report and the lists work with, and writes an edited history back (a new
//! change through the `INSERT` of its description in [`super::table`]).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Params, ToSql, params};

use super::table::{self, Table};
use super::written::{self, Written};
use super::{Error, new_uuid};
use crate::domain::FeePeriod;
use crate::domain::fee::{Fee, FeeHistory};

pub use crate::domain::fee::{FeeStep, in_force};

/// Every network's fee, step by step: per network id, the fee it was joined at (from its
/// joining date), then each change in date order. A network without any fee is absent.
///
/// Each step holds until the next one; the last holds on. The report reads a period's fees from
/// it (see [`in_force`] for the fee of one day). A network with no joining date has its first
/// step from [`NaiveDate::MIN`].
pub fn schedule(conn: &Connection) -> Result<HashMap<i64, Vec<FeeStep>>, Error> {
    let histories = histories(conn)?;
    Ok(histories
        .into_iter()
        .map(|(id, (joined_on, history))| (id, history.steps(joined_on)))
        .filter(|(_, steps)| !steps.is_empty())
        .collect())
}

/// Every network's joining date and fee history, by network id (networks with a fee, or a
/// change, only).
fn histories(conn: &Connection) -> Result<HashMap<i64, (Option<NaiveDate>, FeeHistory)>, Error> {
    let mut all: HashMap<i64, (Option<NaiveDate>, FeeHistory)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT id, joined_on, fee_cents, fee_period FROM networks
         WHERE fee_cents IS NOT NULL OR id IN (SELECT network_id FROM fee_changes)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let cents: Option<i64> = row.get(2)?;
        let period: Option<FeePeriod> = row.get(3)?;
        let history = FeeHistory {
            joined: cents
                .zip(period)
                .map(|(cents, period)| Fee::new(cents, period)),
            ..FeeHistory::default()
        };
        all.insert(row.get(0)?, (row.get(1)?, history));
    }
    let mut stmt =
        conn.prepare("SELECT network_id, from_on, fee_cents, fee_period FROM fee_changes")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if let Some((_, history)) = all.get_mut(&id) {
            history
                .changes
                .insert(row.get(1)?, Fee::new(row.get(2)?, row.get(3)?));
        }
    }
    Ok(all)
}

/// The fee history of the network `id` (empty when it has no fee, or no such network).
pub fn history(conn: &Connection, id: i64) -> Result<FeeHistory, Error> {
    let joined = conn
        .query_row(
            "SELECT fee_cents, fee_period FROM networks WHERE id = ?1",
            [id],
            |row| {
                let cents: Option<i64> = row.get(0)?;
                let period: Option<FeePeriod> = row.get(1)?;
                Ok(cents.zip(period))
            },
        )
        .optional()?
        .flatten()
        .map(|(cents, period)| Fee::new(cents, period));
    let mut stmt = conn.prepare_cached(
        "SELECT from_on, fee_cents, fee_period FROM fee_changes WHERE network_id = ?1",
    )?;
    let changes = stmt
        .query_map([id], |row| {
            Ok((row.get(0)?, Fee::new(row.get(1)?, row.get(2)?)))
        })?
        .collect::<Result<_, _>>()?;
    Ok(FeeHistory { joined, changes })
}

/// The fee steps of the network `id` (see [`schedule`]).
pub fn steps(
    conn: &Connection,
    id: i64,
    joined_on: Option<NaiveDate>,
) -> Result<Vec<FeeStep>, Error> {
    Ok(history(conn, id)?.steps(joined_on))
}

/// Writes the changes of `new` for the network `id` over those recorded, stamped `now`: a
/// change on a date already recorded is updated in place (it keeps its uuid), one on a new date
/// is added, one no longer there is removed. The fee joined at is the network's own, written
/// with the network.
pub fn save_changes(conn: &Connection, id: i64, new: &FeeHistory, now: &str) -> Result<(), Error> {
    let old = history(conn, id)?;
    for from in old.changes.keys() {
        if !new.changes.contains_key(from) {
            conn.execute(
                "DELETE FROM fee_changes WHERE network_id = ?1 AND from_on = ?2",
                params![id, from],
            )?;
        }
    }
    for (from, fee) in &new.changes {
        match old.changes.get(from) {
            Some(kept) if kept == fee => {}
            Some(_) => {
                conn.execute(
                    "UPDATE fee_changes SET fee_cents = ?3, fee_period = ?4, updated_at = ?5
                     WHERE network_id = ?1 AND from_on = ?2",
                    params![id, from, fee.cents, fee.period, now],
                )?;
            }
            None => {
                let change = NewChange {
                    network_id: id,
                    from_on: *from,
                    fee,
                };
                written::insert_with_uuid(conn, &new_uuid(), &change, now)?;
            }
        }
    }
    Ok(())
}

/// A fee that took effect on a day, as [`save_changes`] adds it. A changed fee is rewritten in
/// place, found by its network and day rather than by id: only [`Written`]'s `INSERT` serves.
struct NewChange<'a> {
    network_id: i64,
    from_on: NaiveDate,
    fee: &'a Fee,
}

impl Written for NewChange<'_> {
    const TABLE: &'static Table = &table::FEE_CHANGES;

    /// The row's uuid as ?1, then the network, the day the fee took effect, the fee in cents
    /// and its period, and `now`.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a {
        (
            row,
            self.network_id,
            self.from_on,
            self.fee.cents,
            &self.fee.period,
            now,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        super::super::migrate::upgrade(&mut conn, std::path::Path::new(":memory:")).unwrap();
        conn.execute_batch(
            "INSERT INTO networks (id, uuid, name, name_key, kind, joined_on, fee_cents,
                                   fee_period, created_at, updated_at)
             VALUES (1, 'a', 'BNI', 'bni', 'co-optation', '2024-01-13', 15000, 'year', 'x', 'x'),
                    (2, 'b', 'Free', 'free', 'local', '2024-01-01', NULL, NULL, 'x', 'x'),
                    (3, 'c', 'Club', 'club', 'local', NULL, 1000, 'month', 'x', 'x');",
        )
        .unwrap();
        conn
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_schedule_holds_every_network_with_a_fee_step_by_step() {
        let conn = journal();
        let mut new = history(&conn, 1).unwrap();
        new.changes
            .insert(day(2025, 1, 13), Fee::new(20_000, FeePeriod::Year));
        save_changes(&conn, 1, &new, "now").unwrap();
        let schedule = schedule(&conn).unwrap();
        assert_eq!(schedule.len(), 2, "{schedule:?}");
        let bni: Vec<_> = schedule[&1]
            .iter()
            .map(|s| (s.from_on, s.fee_cents, s.fee_period))
            .collect();
        assert_eq!(
            bni,
            [
                (day(2024, 1, 13), 15_000, FeePeriod::Year),
                (day(2025, 1, 13), 20_000, FeePeriod::Year)
            ]
        );
        assert_eq!(schedule[&3][0].from_on, NaiveDate::MIN);
        assert_eq!(
            steps(&conn, 1, Some(day(2024, 1, 13))).unwrap(),
            schedule[&1]
        );
    }

    #[test]
    fn saved_changes_keep_their_uuid_and_removing_a_network_removes_them() {
        let conn = journal();
        let mut new = history(&conn, 1).unwrap();
        new.changes
            .insert(day(2025, 1, 13), Fee::new(20_000, FeePeriod::Year));
        save_changes(&conn, 1, &new, "now").unwrap();
        let uuid = |conn: &Connection| -> String {
            conn.query_row("SELECT uuid FROM fee_changes", [], |r| r.get(0))
                .unwrap()
        };
        let first = uuid(&conn);
        new.changes
            .insert(day(2025, 1, 13), Fee::new(22_000, FeePeriod::Year));
        save_changes(&conn, 1, &new, "later").unwrap();
        assert_eq!(uuid(&conn), first);
        assert_eq!(
            history(&conn, 1).unwrap().changes[&day(2025, 1, 13)].cents,
            22_000
        );
        new.changes.clear();
        save_changes(&conn, 1, &new, "later").unwrap();
        assert!(history(&conn, 1).unwrap().changes.is_empty());
        // ON DELETE CASCADE.
        new.changes
            .insert(day(2025, 1, 13), Fee::new(20_000, FeePeriod::Year));
        save_changes(&conn, 1, &new, "now").unwrap();
        conn.execute("DELETE FROM networks WHERE id = 1", [])
            .unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM fee_changes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }
}
