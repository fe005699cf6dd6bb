//! One merge for every table: a checked record is compared with the journal's row of the same
//! uuid, and added, counted as there, or reported as a conflict (see [`super`]).

use foldhash::{HashMap, HashSet};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use uuid::Uuid;

use super::check::Place;
use super::conflict;
use super::lookup::{Found, Lookup};
use super::records::{Field, Record};
use super::{Error, Summary};
use crate::db::table::{Table, Target};

/// The journal's row a record became (added, already there, or taken for a row of the same
/// name), by the record's uuid, for the networks and contacts (which most records refer to, and
/// which may have become a row of another uuid). A meeting (which only a few notes refer to) is
/// looked up in the journal by its uuid.
#[derive(Default)]
pub struct Ids {
    networks: HashMap<u128, i64>,
    contacts: HashMap<u128, i64>,
}

impl Ids {
    fn of(&mut self, target: Target) -> Option<&mut HashMap<u128, i64>> {
        match target {
            Target::Network => Some(&mut self.networks),
            Target::Contact => Some(&mut self.contacts),
            Target::Meeting => None,
        }
    }

    /// Records that the file's `uuid` is the journal's row `id` (of a network or a contact).
    pub fn insert(&mut self, table: &Table, uuid: Uuid, id: i64) {
        let target = match table.name {
            "networks" => Target::Network,
            "contacts" => Target::Contact,
            _ => return,
        };
        self.of(target).map(|ids| ids.insert(uuid.as_u128(), id));
    }

    /// The contact the file's contact `uuid` became.
    pub fn contact(&self, uuid: &str) -> Option<i64> {
        self.contacts.get(&key(uuid)).copied()
    }

    /// Maps every record that became the contact `other` onto the contact `keep`.
    pub fn merge_contacts(&mut self, keep: i64, other: i64) {
        for id in self.contacts.values_mut() {
            if *id == other {
                *id = keep;
            }
        }
    }

    /// The journal id of the row a reference names (the record's `field`): one of the file's,
    /// else one already in the journal.
    pub fn resolve(
        &mut self,
        conn: &Connection,
        target: Target,
        place: &Place,
        field: &str,
        uuid: Option<Uuid>,
    ) -> Result<Option<i64>, Error> {
        let Some(uuid) = uuid else {
            return Ok(None);
        };
        if let Some(id) = self.of(target).and_then(|ids| ids.get(&uuid.as_u128())) {
            return Ok(Some(*id));
        }
        let mut spelled = Uuid::encode_buffer();
        let uuid: &str = uuid.hyphenated().encode_lower(&mut spelled);
        let found: Option<i64> = conn
            .prepare_cached(&format!(
                "SELECT id FROM {} WHERE uuid = ?1",
                target.table()
            ))?
            .query_row([uuid], |row| row.get(0))
            .optional()?;
        let missing = match target {
            Target::Network => crate::messages::Msg::RecordNoNetwork,
            Target::Contact => crate::messages::Msg::RecordNoContact,
            Target::Meeting => crate::messages::Msg::RecordNoMeeting,
        };
        found
            .map(Some)
            .ok_or_else(|| place.refuse(missing, &[("field", field), ("value", uuid)]))
    }
}

/// A uuid, checked already, as a number.
pub fn key(uuid: &str) -> u128 {
    uuid::Uuid::parse_str(uuid).map_or(0, |uuid| uuid.as_u128())
}

/// Merges one checked record of `R`'s table, with its name's key if it has a name (worked out
/// by the reader: see `import::checked`): returns the journal's row it is now, if any (a fee
/// change made on each side apart has none).
pub fn record<R: Record>(
    conn: &Connection,
    lookup: &mut Lookup,
    ids: &mut Ids,
    summary: &mut Summary,
    place: &Place,
    record: &R,
    name_key: Option<String>,
) -> Result<Option<i64>, Error> {
    let mut spelled = Uuid::encode_buffer();
    let uuid: &str = place
        .uuid
        .unwrap_or_default()
        .hyphenated()
        .encode_lower(&mut spelled);
    let mut fields = record.fields();
    for (column, field) in lookup.columns.iter().zip(&mut fields) {
        if let Field::Ref(reference) = *field {
            let target = Target::of(column).expect("a reference column");
            let id = ids.resolve(conn, target, place, target.field(), reference)?;
            *field = Field::Value(id.map_or(ValueRef::Null, ValueRef::Integer));
        }
    }
    let mut values = Vec::with_capacity(lookup.columns.len() + 4);
    values.push(ValueRef::Text(uuid.as_bytes()));
    values.extend(fields.iter().map(Field::value));
    let mut met = Vec::with_capacity(record.met().len());
    for contact in record.met() {
        let id = ids.resolve(
            conn,
            Target::Contact,
            place,
            "contact_uuids",
            Some(*contact),
        )?;
        met.extend(id);
    }
    met.sort_unstable();
    met.dedup();
    let is_meeting = R::TABLE.name == "meetings";
    let compared = &values[1..=lookup.compared];
    let found = lookup.compare(conn, uuid, compared, is_meeting.then_some(&met[..]))?;
    match found {
        Found::Same(id) => {
            summary.tally(R::TABLE.name).present += 1;
            return Ok(Some(id));
        }
        Found::Differs(id, differences) => {
            summary.tally(R::TABLE.name).conflicts += 1;
            let what = record.what(uuid, conn, &values[1..]);
            summary
                .conflicts
                .push(conflict::differs(&what, &differences));
            return Ok(Some(id));
        }
        Found::New => {}
    }
    if let Some((id, said)) = record.twin(conn, lookup, place, &values[1..])? {
        summary.tally(R::TABLE.name).conflicts += 1;
        summary.conflicts.push(said);
        return Ok(id);
    }
    let key = name_key.map(|key| lookup.free_key(key, uuid));
    values.extend(key.as_deref().map(|key| ValueRef::Text(key.as_bytes())));
    values.extend(record.derived());
    values.extend(
        record
            .stamps()
            .map(|stamp| ValueRef::Text(stamp.as_bytes())),
    );
    lookup.insert.execute(params_from_iter(
        values.into_iter().map(ToSqlOutput::Borrowed),
    ))?;
    let id = conn.last_insert_rowid();
    lookup.link(id, &met)?;
    summary.tally(R::TABLE.name).added += 1;
    Ok(Some(id))
}

/// The uuid of the contact a merged contact `uuid` now lives on as (following merges of
/// merges), when there is one to map it onto — in the journal, or among the file's contacts
/// (`in_file`); `None` for a contact never merged.
pub fn merged_onto(
    conn: &Connection,
    uuid: &str,
    in_file: &HashSet<u128>,
) -> Result<Option<String>, Error> {
    let mut into = match crate::db::contact::merged_into(conn, uuid)? {
        Some(into) => into,
        None => return Ok(None),
    };
    // A chain is at most as long as the merges recorded; a cycle (a broken file) stops too.
    for _ in 0..64 {
        match crate::db::contact::merged_into(conn, &into)? {
            Some(next) if next != uuid => into = next,
            _ => break,
        }
    }
    let there = contact_by_uuid(conn, &into)?.is_some() || in_file.contains(&key(&into));
    Ok(there.then_some(into))
}

/// The journal's contact with `uuid`.
pub fn contact_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>, Error> {
    Ok(conn
        .prepare_cached("SELECT id FROM contacts WHERE uuid = ?1")?
        .query_row([uuid], |row| row.get(0))
        .optional()?)
}

/// The journal's own indexes (not those that keep uuids and names unique), dropped for an
/// import into a journal that holds nothing yet and built again once its rows are in.
///
/// Kept up to date row by row, an index such as the one of who was met (by contact) takes
/// each of 200,000 entries at a random place; built once at the end, it sorts them. Both are
/// inside the import's transaction: a failed import rolls the indexes back with the rows, and
/// no other command ever sees the journal without them.
pub struct DeferredIndexes {
    /// Each index's `CREATE INDEX` statement, as the schema holds it.
    sql: Vec<String>,
}

impl DeferredIndexes {
    pub fn drop_if_empty(conn: &Connection) -> Result<DeferredIndexes, Error> {
        let empty: bool = conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM networks) AND NOT EXISTS (SELECT 1 FROM contacts)
                AND NOT EXISTS (SELECT 1 FROM meetings) AND NOT EXISTS (SELECT 1 FROM referrals)
                AND NOT EXISTS (SELECT 1 FROM notes)",
            [],
            |row| row.get(0),
        )?;
        if !empty {
            return Ok(DeferredIndexes { sql: Vec::new() });
        }
        let indexes: Vec<(String, String)> = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut sql = Vec::with_capacity(indexes.len());
        for (name, create) in indexes {
            conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            sql.push(create);
        }
        Ok(DeferredIndexes { sql })
    }

    pub fn rebuild(self, conn: &Connection) -> Result<(), Error> {
        for create in &self.sql {
            conn.execute_batch(create)?;
        }
        Ok(())
    }
}

/// Refuses a journal whose amounts, the file's added to its own, add up past what the report
/// can total (see [`super::check::MAX_TOTAL_CENTS`]), naming the table and the field.
pub fn check_totals(conn: &Connection) -> Result<(), Error> {
    for (table, field) in super::check::AMOUNTS {
        // TOTAL, not SUM: a float, which cannot overflow where SUM would fail.
        let total: f64 =
            conn.query_row(&format!("SELECT TOTAL({field}) FROM {table}"), [], |row| {
                row.get(0)
            })?;
        if total > super::check::MAX_TOTAL_CENTS as f64 {
            return Err(Error::Record {
                place: (*table).to_string(),
                message: super::check::total_too_large(field),
            });
        }
    }
    Ok(())
}
