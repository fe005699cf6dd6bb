//! The report's aggregates, computed by SQLite: one grouped query per kind of fact, keyed by
//! network (`None` for what happened outside any network). Nothing here reads a whole table
//! into memory; only the concerns' texts and a handful of next-step candidates are fetched, and,
//! for the HTML report's timeline, the meetings counted per network and day.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::db::Error;

/// The period a report covers: from `since` (or the beginning) to `until`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: Option<NaiveDate>,
    pub until: NaiveDate,
}

/// What happened in one network (or outside any) during the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity {
    pub meetings: i64,
    pub in_person: i64,
    /// Meeting and travel minutes.
    pub minutes: i64,
    pub meeting_costs_cents: i64,
    pub received: i64,
    pub given: i64,
    /// Won, lost and open count the referrals received: business that came to the user.
    pub won: i64,
    pub lost: i64,
    pub open: i64,
    pub won_value_cents: i64,
    pub contacts: i64,
    pub met_once: i64,
    pub met_twice: i64,
    pub met_three_plus: i64,
    pub concerns: Vec<String>,
}

/// Activity per network id; the `None` entry is what happened outside any network.
pub type ActivityMap = HashMap<Option<i64>, Activity>;

/// Every network's activity within the period, in four grouped queries.
pub fn activity(conn: &Connection, period: Period) -> Result<ActivityMap, Error> {
    let mut map = ActivityMap::new();
    let range = params![period.since, period.until];

    let mut stmt = conn.prepare_cached(
        "SELECT network_id, count(*), total(in_person),
                total(coalesce(minutes, 0) + coalesce(travel_minutes, 0)), total(cost_cents)
         FROM meetings
         WHERE (?1 IS NULL OR date >= ?1) AND date <= ?2
         GROUP BY network_id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        let entry = map.entry(row.get(0)?).or_default();
        entry.meetings = row.get(1)?;
        entry.in_person = row.get::<_, f64>(2)? as i64;
        entry.minutes = row.get::<_, f64>(3)? as i64;
        entry.meeting_costs_cents = row.get::<_, f64>(4)? as i64;
    }

    let mut stmt = conn.prepare_cached(
        "SELECT network_id,
                total(direction = 'received'), total(direction = 'given'),
                total(direction = 'received' AND status = 'won'),
                total(direction = 'received' AND status = 'lost'),
                total(direction = 'received' AND status = 'open'),
                total(CASE WHEN direction = 'received' AND status = 'won' THEN value_cents END)
         FROM referrals
         WHERE (?1 IS NULL OR date >= ?1) AND date <= ?2
         GROUP BY network_id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        let entry = map.entry(row.get(0)?).or_default();
        entry.received = row.get::<_, f64>(1)? as i64;
        entry.given = row.get::<_, f64>(2)? as i64;
        entry.won = row.get::<_, f64>(3)? as i64;
        entry.lost = row.get::<_, f64>(4)? as i64;
        entry.open = row.get::<_, f64>(5)? as i64;
        entry.won_value_cents = row.get::<_, f64>(6)? as i64;
    }

    // A network's contacts: those met at its meetings in the period, and those recorded as met
    // through it in the period. Depth counts every meeting shared with the person in the
    // period, in any network or none; someone recorded but never logged at a meeting counts
    // as met once.
    let mut stmt = conn.prepare_cached(
        "WITH period_meetings AS (
             SELECT id, network_id FROM meetings WHERE (?1 IS NULL OR date >= ?1) AND date <= ?2
         ),
         shared AS (
             SELECT mc.contact_id, count(*) AS n
             FROM meeting_contacts mc JOIN period_meetings pm ON pm.id = mc.meeting_id
             GROUP BY mc.contact_id
         ),
         met_in AS (
             SELECT pm.network_id, mc.contact_id
             FROM period_meetings pm JOIN meeting_contacts mc ON mc.meeting_id = pm.id
             UNION
             SELECT network_id, id FROM contacts
             WHERE network_id IS NOT NULL AND (?1 IS NULL OR added_on >= ?1) AND added_on <= ?2
         )
         SELECT met_in.network_id, count(*),
                total(coalesce(shared.n, 0) <= 1), total(shared.n = 2), total(shared.n >= 3)
         FROM met_in LEFT JOIN shared ON shared.contact_id = met_in.contact_id
         GROUP BY met_in.network_id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        let entry = map.entry(row.get(0)?).or_default();
        entry.contacts = row.get(1)?;
        entry.met_once = row.get::<_, f64>(2)? as i64;
        entry.met_twice = row.get::<_, f64>(3)? as i64;
        entry.met_three_plus = row.get::<_, f64>(4)? as i64;
    }

    // A concern counts for the network it is on, or the network of its meeting or contact.
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(t.network_id, m.network_id, c.network_id), t.body
         FROM notes t
         LEFT JOIN meetings m ON m.id = t.meeting_id
         LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE t.concern = 1 AND (?1 IS NULL OR t.date >= ?1) AND t.date <= ?2
         ORDER BY t.date, t.id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        map.entry(row.get(0)?)
            .or_default()
            .concerns
            .push(row.get(1)?);
    }
    Ok(map)
}

/// A contact met at two or more meetings of a network one is still in, but never one-to-one.
#[derive(Debug, Clone, PartialEq)]
pub struct ToDeepen {
    pub contact: String,
    pub network: String,
    pub meetings: i64,
}

pub fn to_deepen(
    conn: &Connection,
    period: Period,
    network_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ToDeepen>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.name, n.name, count(*) AS shared
         FROM meeting_contacts mc
         JOIN meetings m ON m.id = mc.meeting_id
         JOIN networks n ON n.id = m.network_id
         JOIN contacts c ON c.id = mc.contact_id
         WHERE (?1 IS NULL OR m.date >= ?1) AND m.date <= ?2
           AND (?4 IS NULL OR m.network_id = ?4)
           AND n.left_on IS NULL
           AND NOT EXISTS (
               SELECT 1 FROM meeting_contacts mc2 JOIN meetings m2 ON m2.id = mc2.meeting_id
               WHERE mc2.contact_id = c.id AND m2.format = 'one-to-one')
         GROUP BY c.id, n.id
         HAVING count(*) >= 2
         ORDER BY shared DESC, c.name_key
         LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(
            params![period.since, period.until, limit, network_id],
            |row| {
                Ok(ToDeepen {
                    contact: row.get(0)?,
                    network: row.get(1)?,
                    meetings: row.get(2)?,
                })
            },
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// An open referral old enough to follow up.
#[derive(Debug, Clone, PartialEq)]
pub struct ToFollowUp {
    pub received: bool,
    pub date: NaiveDate,
    pub contact: Option<String>,
    pub description: Option<String>,
}

pub fn to_follow_up(
    conn: &Connection,
    opened_by: NaiveDate,
    network_id: Option<i64>,
    limit: i64,
) -> Result<Vec<ToFollowUp>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.direction = 'received', r.date, c.name, r.description
         FROM referrals r LEFT JOIN contacts c ON c.id = r.contact_id
         WHERE r.status = 'open' AND r.date <= ?1 AND (?3 IS NULL OR r.network_id = ?3)
         ORDER BY r.date, r.id
         LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![opened_by, limit, network_id], |row| {
            Ok(ToFollowUp {
                received: row.get(0)?,
                date: row.get(1)?,
                contact: row.get(2)?,
                description: row.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The meetings of one day in one network (or outside any), in person or remote: a mark on the
/// HTML report's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDay {
    pub network_id: Option<i64>,
    pub date: NaiveDate,
    pub in_person: bool,
    pub count: i64,
}

/// The meetings of the period counted by network, day and in-person flag: the timeline needs
/// their dates, not the meetings themselves. With `network_id`, that network's and those
/// outside any network.
pub fn meeting_days(
    conn: &Connection,
    period: Period,
    network_id: Option<i64>,
) -> Result<Vec<MeetingDay>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT network_id, date, in_person, count(*)
         FROM meetings
         WHERE (?1 IS NULL OR date >= ?1) AND date <= ?2
           AND (?3 IS NULL OR network_id = ?3 OR network_id IS NULL)
         GROUP BY network_id, date, in_person
         ORDER BY network_id, date, in_person",
    )?;
    let rows = stmt
        .query_map(params![period.since, period.until, network_id], |row| {
            Ok(MeetingDay {
                network_id: row.get(0)?,
                date: row.get(1)?,
                in_person: row.get(2)?,
                count: row.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A concern and its date, for the network it counts for (as in [`activity`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ConcernDay {
    pub network_id: Option<i64>,
    pub date: NaiveDate,
    pub text: String,
}

pub fn concern_days(
    conn: &Connection,
    period: Period,
    network_id: Option<i64>,
) -> Result<Vec<ConcernDay>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(t.network_id, m.network_id, c.network_id) AS net, t.date, t.body
         FROM notes t
         LEFT JOIN meetings m ON m.id = t.meeting_id
         LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE t.concern = 1 AND (?1 IS NULL OR t.date >= ?1) AND t.date <= ?2
           AND (?3 IS NULL OR net = ?3 OR net IS NULL)
         ORDER BY t.date, t.id",
    )?;
    let rows = stmt
        .query_map(params![period.since, period.until, network_id], |row| {
            Ok(ConcernDay {
                network_id: row.get(0)?,
                date: row.get(1)?,
                text: row.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
