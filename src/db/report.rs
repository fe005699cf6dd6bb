//! The report's aggregates, keyed by network (`None` for what happened outside any network):
//! counted in one pass over each table (see [`activity`]), so that a report costs about as
//! much as reading the journal once, whatever its size. Nothing here holds a table in memory:
//! one word per meeting, the concerns' texts and a handful of next-step candidates, and, for
//! the HTML report's timeline, the meetings counted per network and day.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

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
    /// The concerns unresolved at the period's end, and those recorded within it.
    pub concerns: Vec<Concern>,
    /// Everything up to the period's end, whenever it began.
    pub to_date: Tally,
    /// The verdict's recent past: from the window's start (excluded) to the period's end.
    pub recent: Tally,
    /// The ratings of the recent past, and the last three rated meetings up to the period's end.
    pub ratings: Ratings,
    /// The last referral received up to the period's end, and the last one won.
    pub last_received_on: Option<NaiveDate>,
    pub last_won_on: Option<NaiveDate>,
    /// The people the business won in the recent past came from.
    pub won_from: i64,
}

/// What a network brought and cost over a stretch of time.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub meetings: i64,
    /// Meeting and travel minutes.
    pub minutes: i64,
    pub meeting_costs_cents: i64,
    pub received: i64,
    pub given: i64,
    pub won: i64,
    pub won_value_cents: i64,
}

impl Tally {
    fn take_referrals(&mut self, counts: &ReferralTotals) {
        self.received = counts.received;
        self.given = counts.given;
        self.won = counts.won;
        self.won_value_cents = counts.won_value_cents;
    }

    fn meet(&mut self, minutes: i64, costs_cents: i64) {
        self.meetings += 1;
        self.minutes = self.minutes.saturating_add(minutes);
        // Costs add up without wrapping, however large the amounts recorded.
        self.meeting_costs_cents = self.meeting_costs_cents.saturating_add(costs_cents);
    }
}

/// Meeting ratings (1 to 5).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ratings {
    /// Sum and count of the ratings of the recent past.
    pub recent_sum: i64,
    pub recent_count: i64,
    /// The ratings of the last three rated meetings up to the period's end, latest first.
    pub last: Vec<i64>,
}

impl Ratings {
    /// The average of the recent past, if any meeting was rated in it.
    pub fn recent_average(&self) -> Option<f64> {
        (self.recent_count > 0).then(|| self.recent_sum as f64 / self.recent_count as f64)
    }
}

/// A concern as the report weighs it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Concern {
    pub text: String,
    pub severity: Severity,
    /// Resolved on or before the period's end.
    pub resolved: bool,
}

/// How much a concern weighs: a minor one is listed, a serious one can decide the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Minor,
    Serious,
}

/// Activity per network id; the `None` entry is what happened outside any network.
pub type ActivityMap = HashMap<Option<i64>, Activity>;

/// What the report reads of the journal for a period: every network's activity, and the people
/// worth a coffee.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activities {
    /// An entry for each network (or `None`) that had anything counted in the period.
    pub by_network: ActivityMap,
    /// The first contacts [`ToDeepen`], most meetings first.
    pub to_deepen: Vec<ToDeepen>,
    /// Referrals of the period recorded outside any network from people met through one
    /// network only, by network and person name.
    pub unplaced: Vec<Unplaced>,
}

/// A meeting as the pass over who was met where needs it, packed in one word: where it took
/// place (an index into [`Places`]) and two flags. A journal's ids are given by SQLite one after
/// the other, so a vector indexed by id is as long as the table ever was.
type MeetingInfo = u32;
const KNOWN: MeetingInfo = 1 << 31;
const IN_PERIOD: MeetingInfo = 1 << 30;
const ONE_TO_ONE: MeetingInfo = 1 << 29;
/// On or before the period's end: counted in the depth of a relationship.
const TO_DATE: MeetingInfo = 1 << 28;
/// In the recent past, marked before the pass from the date index.
const RECENT: MeetingInfo = 1 << 27;
const PLACE: MeetingInfo = RECENT - 1;

/// Network ids below this are looked up in a vector, the others in a map. SQLite gives ids
/// one after the other: a journal's networks are all found in the vector.
const DIRECT: usize = 4096;

/// The networks (and `None`, outside any) met in the pass, each with what was counted there.
#[derive(Default)]
struct Places {
    /// The place of `None` at 0, of the network `id` at `id + 1` (`u32::MAX`: none yet).
    direct: Vec<u32>,
    index: HashMap<Option<i64>, u32>,
    keys: Vec<Option<i64>>,
    activity: Vec<Activity>,
    /// Whether anything was counted there: only those get an entry in the [`ActivityMap`].
    counted: Vec<bool>,
}

impl Places {
    fn of(&mut self, network: Option<i64>) -> u32 {
        let slot = match network {
            None => Some(0),
            Some(id) => usize::try_from(id)
                .ok()
                .map(|i| i + 1)
                .filter(|&i| i < DIRECT),
        };
        if let Some(slot) = slot {
            if self.direct.is_empty() {
                self.direct = vec![u32::MAX; DIRECT];
            }
            if self.direct[slot] == u32::MAX {
                self.direct[slot] = self.add(network);
            }
            return self.direct[slot];
        }
        if let Some(&place) = self.index.get(&network) {
            return place;
        }
        let place = self.add(network);
        self.index.insert(network, place);
        place
    }

    fn add(&mut self, network: Option<i64>) -> u32 {
        self.keys.push(network);
        self.activity.push(Activity::default());
        self.counted.push(false);
        (self.keys.len() - 1) as u32
    }

    fn count(&mut self, place: u32) -> &mut Activity {
        self.counted[place as usize] = true;
        &mut self.activity[place as usize]
    }
}

/// Every network's activity within the period, up to its end and in its recent past (after
/// `window_start`), and up to `deepen` contacts [`ToDeepen`] (of the network `network_id`, or
/// of any).
///
/// The figures are those of the straightforward grouped queries (see benches/report.sql), read
/// in a way that visits each row once: the meetings in the order of the table, then who was
/// met where in the order of the people (the index `meeting_contacts_contact`), so that one
/// person's meetings are counted together, without a join of the two tables nor a set of
/// (network, person) pairs in memory. The referrals and the concerns are small grouped queries.
pub fn activity(
    conn: &Connection,
    period: Period,
    window_start: NaiveDate,
    network_id: Option<i64>,
    deepen: usize,
) -> Result<Activities, Error> {
    let range = params![period.since, period.until];
    let mut places = Places::default();

    let (max_id, first, last): (i64, Option<NaiveDate>, Option<NaiveDate>) = conn.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM meetings),
                (SELECT min(date) FROM meetings), (SELECT max(date) FROM meetings)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    // A bound that no meeting is beyond is left out: every meeting is then in the period
    // without a comparison of dates (the whole journal, the report's default, is the case).
    let since = period
        .since
        .filter(|since| first.is_some_and(|first| *since > first));
    let until = Some(period.until).filter(|until| last.is_some_and(|last| *until < last));
    let mut meetings: Vec<MeetingInfo> = vec![0; max_id as usize + 1];
    // The meetings of the recent past, a range of the date index, marked (with their rating,
    // 0 for none) before the pass, which then needs no date of its own to place them.
    let mut ratings: Vec<u8> = vec![0; max_id as usize + 1];
    let mut stmt = conn.prepare_cached(
        "SELECT id, coalesce(rating, 0) FROM meetings WHERE date > ?1 AND date <= ?2",
    )?;
    let mut rows = stmt.query(params![window_start, period.until])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if let Some(i) = usize::try_from(id).ok().filter(|&i| i < meetings.len()) {
            meetings[i] = RECENT;
            ratings[i] = u8::try_from(row.get::<_, i64>(1)?).unwrap_or(0);
        }
    }
    // The flags in one number, bit by bit: one-to-one, in person, in the period, up to its end.
    let mut stmt = conn.prepare_cached(
        "SELECT id, network_id,
                (format = 'one-to-one') + 2 * in_person
                    + 4 * ((?1 IS NULL OR date >= ?1) AND (?2 IS NULL OR date <= ?2))
                    + 8 * (?2 IS NULL OR date <= ?2),
                coalesce(minutes, 0) + coalesce(travel_minutes, 0), coalesce(cost_cents, 0)
         FROM meetings",
    )?;
    let mut rows = stmt.query(params![since, until])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let place = places.of(row.get(1)?);
        let flags: i64 = row.get(2)?;
        let mut info = KNOWN | place;
        if flags & 1 != 0 {
            info |= ONE_TO_ONE;
        }
        if flags & 8 != 0 {
            info |= TO_DATE;
            let minutes: i64 = row.get(3)?;
            let costs: i64 = row.get(4)?;
            let entry = places.count(place);
            entry.to_date.meet(minutes, costs);
            let slot = usize::try_from(id).ok().filter(|&i| i < meetings.len());
            if let Some(i) = slot.filter(|&i| meetings[i] & RECENT != 0) {
                entry.recent.meet(minutes, costs);
                if ratings[i] > 0 {
                    entry.ratings.recent_sum += i64::from(ratings[i]);
                    entry.ratings.recent_count += 1;
                }
            }
            if flags & 4 != 0 {
                info |= IN_PERIOD;
                entry.meetings += 1;
                entry.in_person += (flags >> 1) & 1;
                entry.minutes = entry.minutes.saturating_add(minutes);
                entry.meeting_costs_cents = entry.meeting_costs_cents.saturating_add(costs);
            }
        }
        if let Some(slot) = usize::try_from(id).ok().and_then(|i| meetings.get_mut(i)) {
            *slot = info;
        }
    }

    // The last three rated meetings of each network up to the period's end, through the
    // (network, date) index: a few rows each.
    let mut stmt = conn.prepare_cached(
        "SELECT rating FROM meetings
         WHERE network_id IS ?1 AND date <= ?2 AND rating IS NOT NULL
         ORDER BY date DESC, id DESC LIMIT 3",
    )?;
    for (place, key) in places.keys.clone().into_iter().enumerate() {
        let last: Vec<i64> = stmt
            .query_map(params![key, period.until], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if !last.is_empty() {
            places.count(place as u32).ratings.last = last;
        }
    }

    // The contacts recorded as met through a network in the period, by contact id.
    let mut recorded = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, network_id FROM contacts
         WHERE network_id IS NOT NULL AND (?1 IS NULL OR added_on >= ?1) AND added_on <= ?2",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        let place = places.of(Some(row.get(1)?));
        recorded.insert(row.get::<_, i64>(0)?, place);
    }

    // The networks still active, where one may still have a coffee with their members.
    let mut active = HashSet::new();
    let mut stmt = conn.prepare_cached("SELECT id FROM networks WHERE left_on IS NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        active.insert(row.get(0)?);
    }

    // The people behind referrals of the period recorded outside any network, each with how
    // many and the network they were recorded as met through: if all their meetings up to the
    // period's end were in that one network, the referrals most likely came through it.
    let mut outside: HashMap<i64, (i64, Option<i64>)> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT r.contact_id, count(*), c.network_id
         FROM referrals r JOIN contacts c ON c.id = r.contact_id
         WHERE r.network_id IS NULL AND (?1 IS NULL OR r.date >= ?1) AND r.date <= ?2
         GROUP BY r.contact_id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        outside.insert(row.get(0)?, (row.get(1)?, row.get(2)?));
    }

    // Whoever a concern was recorded about is never suggested for a coffee.
    let mut flagged = HashSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT contact_id FROM notes WHERE concern = 1 AND contact_id IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        flagged.insert(row.get::<_, i64>(0)?);
    }

    // A network's contacts: those met at its meetings in the period, and those recorded as met
    // through it in the period. Depth counts every meeting shared with the person up to the
    // period's end, in any network or none, whenever the period began; someone recorded but
    // never logged at a meeting counts as met once.
    let mut people = People {
        places,
        recorded,
        active,
        flagged,
        network_id,
        candidates: Vec::new(),
        outside,
        unplaced: Vec::new(),
    };
    let mut person = Person::default();
    let mut stmt = conn.prepare_cached(
        "SELECT contact_id, meeting_id FROM meeting_contacts ORDER BY contact_id, meeting_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let contact: i64 = row.get(0)?;
        let meeting: i64 = row.get(1)?;
        if person.id != Some(contact) {
            person.close(&mut people);
            person.id = Some(contact);
        }
        let info = usize::try_from(meeting)
            .ok()
            .and_then(|i| meetings.get(i))
            .copied()
            .unwrap_or(0);
        person.meet(info);
    }
    person.close(&mut people);
    let People {
        mut places,
        recorded,
        candidates,
        outside,
        mut unplaced,
        ..
    } = people;
    // Those never met at a meeting: the network they were recorded as met through.
    for (contact, (referrals, network)) in outside {
        if let Some(network) = network {
            unplaced.push((network, contact, referrals));
        }
    }
    let unplaced = name_unplaced(conn, unplaced, network_id)?;
    // Those recorded but never met at a meeting: once, where they were met.
    for place in recorded.into_values() {
        let entry = places.count(place);
        entry.contacts += 1;
        entry.met_once += 1;
    }
    drop(meetings);

    // The referrals of the period; up to its end (the same ones unless it has a start); and of
    // the recent past, a range of the date index.
    for (network, counts) in referral_counts(conn, period.since, period.until)? {
        let place = places.of(network);
        let entry = places.count(place);
        entry.received = counts.received;
        entry.given = counts.given;
        entry.won = counts.won;
        entry.lost = counts.lost;
        entry.open = counts.open;
        entry.won_value_cents = counts.won_value_cents;
        if period.since.is_none() {
            entry.to_date.take_referrals(&counts);
        }
    }
    if period.since.is_some() {
        for (network, counts) in referral_counts(conn, None, period.until)? {
            let place = places.of(network);
            places.count(place).to_date.take_referrals(&counts);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT network_id, total(direction = 'received'), total(direction = 'given'),
                total(direction = 'received' AND status = 'won'),
                total(CASE WHEN direction = 'received' AND status = 'won' THEN value_cents END),
                count(DISTINCT CASE WHEN direction = 'received' AND status = 'won'
                                    THEN contact_id END)
         FROM referrals WHERE date > ?1 AND date <= ?2
         GROUP BY network_id",
    )?;
    let mut rows = stmt.query(params![window_start, period.until])?;
    while let Some(row) = rows.next()? {
        let place = places.of(row.get(0)?);
        let entry = places.count(place);
        let count = |i: usize| row.get::<_, f64>(i).map(|x| x as i64);
        entry.recent.received = count(1)?;
        entry.recent.given = count(2)?;
        entry.recent.won = count(3)?;
        entry.recent.won_value_cents = count(4)?;
        entry.won_from = row.get(5)?;
    }
    // The last referral received, and won, of each network: the (network, date) index read
    // backwards, a few rows each.
    let mut last = conn.prepare_cached(
        "SELECT date FROM referrals
         WHERE network_id IS ?1 AND date <= ?2 AND direction = 'received'
           AND (?3 = 0 OR status = 'won')
         ORDER BY date DESC LIMIT 1",
    )?;
    for (place, key) in places.keys.clone().into_iter().enumerate() {
        let received: Option<NaiveDate> = last
            .query_row(params![key, period.until, 0], |row| row.get(0))
            .optional()?;
        if received.is_some() {
            let won: Option<NaiveDate> = last
                .query_row(params![key, period.until, 1], |row| row.get(0))
                .optional()?;
            let entry = places.count(place as u32);
            entry.last_received_on = received;
            entry.last_won_on = won;
        }
    }

    // A concern counts for the network it is on, or the network of its meeting or contact. The
    // report weighs those still unresolved at the period's end, whenever they were recorded,
    // and lists those recorded within the period.
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(t.network_id, m.network_id, c.network_id), t.body, t.severity,
                t.resolved_on IS NOT NULL AND t.resolved_on <= ?2
         FROM notes t
         LEFT JOIN meetings m ON m.id = t.meeting_id
         LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE t.concern = 1 AND t.date <= ?2
           AND (t.resolved_on IS NULL OR t.resolved_on > ?2 OR ?1 IS NULL OR t.date >= ?1)
         ORDER BY t.date, t.id",
    )?;
    let mut rows = stmt.query(range)?;
    while let Some(row) = rows.next()? {
        let place = places.of(row.get(0)?);
        let severity = match row.get::<_, Option<String>>(2)?.as_deref() {
            Some("minor") => Severity::Minor,
            _ => Severity::Serious,
        };
        places.count(place).concerns.push(Concern {
            text: row.get(1)?,
            severity,
            resolved: row.get(3)?,
        });
    }

    let to_deepen = to_deepen(conn, &places, candidates, deepen)?;
    let by_network = places
        .keys
        .into_iter()
        .zip(places.activity)
        .zip(places.counted)
        .filter_map(|((key, activity), counted)| counted.then_some((key, activity)))
        .collect();
    Ok(Activities {
        by_network,
        to_deepen,
        unplaced,
    })
}

/// Referrals recorded outside any network whose contact was met through one network only (never
/// outside it, one-to-one or otherwise):
/// they most likely came through it (see `log referral`, which now infers the network).
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub network: String,
    pub contact: String,
    pub referrals: i64,
}

/// The unplaced referrals (network, contact, referrals) named, of `network_id` only when
/// given, by network and person name.
fn name_unplaced(
    conn: &Connection,
    unplaced: Vec<(i64, i64, i64)>,
    network_id: Option<i64>,
) -> Result<Vec<Unplaced>, Error> {
    let mut contact = conn.prepare_cached("SELECT name, name_key FROM contacts WHERE id = ?1")?;
    let mut network = conn.prepare_cached("SELECT name, name_key FROM networks WHERE id = ?1")?;
    let mut named = Vec::new();
    for (network_of, contact_id, referrals) in unplaced {
        if network_id.is_some_and(|id| id != network_of) {
            continue;
        }
        let (network, network_key): (String, String) =
            network.query_row([network_of], |row| Ok((row.get(0)?, row.get(1)?)))?;
        let (contact, contact_key): (String, String) =
            contact.query_row([contact_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        named.push((
            (network_key, contact_key),
            Unplaced {
                network,
                contact,
                referrals,
            },
        ));
    }
    named.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(named.into_iter().map(|(_, unplaced)| unplaced).collect())
}

/// Referrals counted over a stretch of time.
#[derive(Debug, Clone, Copy, Default)]
struct ReferralTotals {
    received: i64,
    given: i64,
    won: i64,
    lost: i64,
    open: i64,
    won_value_cents: i64,
}

/// The referrals from `since` (or the beginning) to `until`, by network.
fn referral_counts(
    conn: &Connection,
    since: Option<NaiveDate>,
    until: NaiveDate,
) -> Result<Vec<(Option<i64>, ReferralTotals)>, Error> {
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
    let rows = stmt
        .query_map(params![since, until], |row| {
            let count = |i: usize| row.get::<_, f64>(i).map(|x| x as i64);
            Ok((
                row.get(0)?,
                ReferralTotals {
                    received: count(1)?,
                    given: count(2)?,
                    won: count(3)?,
                    lost: count(4)?,
                    open: count(5)?,
                    won_value_cents: count(6)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A contact met at two or more meetings of a network one is still in, but never one-to-one.
#[derive(Debug, Clone, PartialEq)]
pub struct ToDeepen {
    pub contact: String,
    pub network: String,
    pub meetings: i64,
}

/// A [`ToDeepen`] before it is named: meetings shared, contact id, place.
type Candidate = (i64, i64, u32);

/// What the pass over who was met where counts into, and what it needs to know.
struct People {
    places: Places,
    /// Contacts recorded as met through a network in the period, by id, until they are met in
    /// the pass: those left were met at no meeting.
    recorded: HashMap<i64, u32>,
    /// The networks still active.
    active: HashSet<i64>,
    /// The contacts a concern was recorded about.
    flagged: HashSet<i64>,
    /// The people behind referrals recorded outside any network, until they are met in the
    /// pass: referrals, and the network recorded as met through.
    outside: HashMap<i64, (i64, Option<i64>)>,
    /// (network, contact, referrals) of those met through one network only.
    unplaced: Vec<(i64, i64, i64)>,
    /// The network the report is for, if any.
    network_id: Option<i64>,
    candidates: Vec<Candidate>,
}

/// One person's meetings, counted as the pass goes through them.
#[derive(Default)]
struct Person {
    id: Option<i64>,
    /// Meetings shared up to the period's end, in any network or none.
    depth: i64,
    /// The places met at in the period, each with the meetings shared there.
    places: Vec<(u32, i64)>,
    /// Met one-to-one at least once, whenever.
    one_to_one: bool,
    /// Where the person was met up to the period's end: one place, or several.
    met_at: Option<u32>,
    met_at_several: bool,
}

impl Person {
    fn meet(&mut self, info: MeetingInfo) {
        if info & KNOWN == 0 {
            return;
        }
        self.one_to_one |= info & ONE_TO_ONE != 0;
        if info & TO_DATE != 0 {
            self.depth += 1;
            let place = info & PLACE;
            match self.met_at {
                None => self.met_at = Some(place),
                Some(p) => self.met_at_several |= p != place,
            }
        }
        if info & IN_PERIOD != 0 {
            let place = info & PLACE;
            match self.places.iter_mut().find(|(p, _)| *p == place) {
                Some((_, shared)) => *shared += 1,
                None => self.places.push((place, 1)),
            }
        }
    }

    /// Counts the person where they were met, and starts afresh.
    fn close(&mut self, people: &mut People) {
        let Some(id) = self.id.take() else {
            return;
        };
        if let Some((referrals, recorded)) = people.outside.remove(&id) {
            let network = self
                .met_at
                .filter(|_| !self.met_at_several)
                .and_then(|place| people.places.keys[place as usize]);
            if let Some(network) = network
                && recorded.is_none_or(|recorded| recorded == network)
            {
                people.unplaced.push((network, id, referrals));
            }
        }
        if let Some(place) = people.recorded.remove(&id)
            && !self.places.iter().any(|(p, _)| *p == place)
        {
            self.places.push((place, 0));
        }
        for &(place, shared) in &self.places {
            let entry = people.places.count(place);
            entry.contacts += 1;
            match self.depth {
                ..=1 => entry.met_once += 1,
                2 => entry.met_twice += 1,
                _ => entry.met_three_plus += 1,
            }
            let network = people.places.keys[place as usize];
            if !self.one_to_one
                && shared >= 2
                && !people.flagged.contains(&id)
                && network.is_some_and(|n| people.active.contains(&n))
                && (people.network_id.is_none() || network == people.network_id)
            {
                people.candidates.push((shared, id, place));
            }
        }
        self.depth = 0;
        self.places.clear();
        self.one_to_one = false;
        self.met_at = None;
        self.met_at_several = false;
    }
}

/// The first `limit` candidates, most meetings first, then by name (as names sort: by their
/// key), named.
fn to_deepen(
    conn: &Connection,
    places: &Places,
    mut candidates: Vec<Candidate>,
    limit: usize,
) -> Result<Vec<ToDeepen>, Error> {
    if limit == 0 || candidates.is_empty() {
        return Ok(Vec::new());
    }
    // Only the names of those who may make the cut are read: the first `limit`, and whoever
    // shares as many meetings as the last of them.
    candidates.sort_unstable_by_key(|&(shared, contact, place)| {
        (std::cmp::Reverse(shared), contact, place)
    });
    let cut = candidates[candidates.len().min(limit) - 1].0;
    candidates.retain(|&(shared, _, _)| shared >= cut);
    let mut contact = conn.prepare_cached("SELECT name, name_key FROM contacts WHERE id = ?1")?;
    let mut network = conn.prepare_cached("SELECT name FROM networks WHERE id = ?1")?;
    type Named = (i64, String, i64, Option<i64>, String, String);
    let mut named: Vec<Named> = Vec::with_capacity(candidates.len());
    for (shared, contact_id, place) in candidates {
        let (name, key): (String, String) =
            contact.query_row([contact_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        let network_id = places.keys[place as usize];
        let network: String = network.query_row([network_id], |row| row.get(0))?;
        named.push((shared, key, contact_id, network_id, name, network));
    }
    named.sort_by(|a, b| {
        (b.0.cmp(&a.0))
            .then_with(|| a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    Ok(named
        .into_iter()
        .take(limit)
        .map(|(shared, _, _, _, contact, network)| ToDeepen {
            contact,
            network,
            meetings: shared,
        })
        .collect())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_add_up_without_wrapping() {
        let mut tally = Tally::default();
        tally.meet(60, i64::MAX - 10);
        tally.meet(60, 100);
        assert_eq!(tally.meeting_costs_cents, i64::MAX);
        assert_eq!((tally.meetings, tally.minutes), (2, 120));
    }
}
