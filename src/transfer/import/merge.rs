//! One merge for every table: a checked record is compared with the journal's row of the same
//! uuid, and added, counted as there, or reported as a conflict (see [`super`]).

use foldhash::{HashMap, HashSet};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{CachedStatement, Connection, OptionalExtension, params_from_iter};
use uuid::Uuid;

use super::check::Place;
use super::conflict;
use super::records::{Field, Record};
use super::{Error, Summary};
use crate::db::table::{Table, Target};
use crate::messages::Message;

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

/// How the journal's row compares with the file's.
enum Found {
    /// No row with that uuid.
    New,
    /// The row `id`, with the same content.
    Same(i64),
    /// The row `id`, with these differences.
    Differs(i64, Vec<Message>),
}

/// One table's merge: its statements, prepared once for all its records, and what it remembers
/// of the rows it added. (What the checks remember lives with the reader: see
/// `Export::check_all`.)
pub struct Lookup<'c> {
    table: &'static Table,
    /// The table's columns.
    columns: Vec<&'static str>,
    /// How many of the columns the file gives, and are compared.
    compared: usize,
    select: CachedStatement<'c>,
    met: CachedStatement<'c>,
    insert: CachedStatement<'c>,
    /// The statements that record who was met at a meeting: the `n`th records `n + 1`.
    links: Vec<CachedStatement<'c>>,
    /// The table held no row when the merge came to it: all it holds now, the merge added, and
    /// a record (its uuid and name unique in the file) can be neither there already nor take a
    /// name already taken. So an import into an empty journal looks nothing up.
    pub was_empty: bool,
    /// The name keys of the rows this import added (networks or contacts).
    added: HashSet<String>,
}

impl<'c> Lookup<'c> {
    /// The lookup for `R`'s table, read from a file of export format `version`.
    pub fn new<R: Record>(conn: &'c Connection, version: i64) -> Result<Lookup<'c>, Error> {
        let table = R::TABLE;
        let compared = R::given(version).min(table.columns().count());
        let was_empty = conn.query_row(
            &format!("SELECT NOT EXISTS (SELECT 1 FROM {})", table.name),
            [],
            |row| row.get(0),
        )?;
        Ok(Lookup {
            table,
            columns: table.columns().collect(),
            compared,
            was_empty,
            added: HashSet::default(),
            select: conn.prepare_cached(&table.select_sql(compared))?,
            met: conn.prepare_cached(
                "SELECT contact_id FROM meeting_contacts WHERE meeting_id = ?1 ORDER BY contact_id",
            )?,
            insert: conn.prepare_cached(&table.insert_sql())?,
            links: (1..=LINKS)
                .map(|n| conn.prepare_cached(&links_sql(n)))
                .collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Records that the meeting `id` met `contacts`, [`LINKS`] at a time.
    fn link(&mut self, id: i64, contacts: &[i64]) -> Result<(), Error> {
        for some in contacts.chunks(LINKS) {
            let params = std::iter::once(&id).chain(some);
            self.links[some.len() - 1].execute(params_from_iter(params))?;
        }
        Ok(())
    }

    /// The key to store a row added under `key`: `key`, or, when a row this import added holds
    /// it already (a file written before names were folded may hold `Amélie` and `Amelie`), a
    /// key of its own, as the migration that folded names gives it.
    fn free_key(&mut self, key: String, uuid: &str) -> String {
        if self.added.insert(key.clone()) {
            key
        } else {
            crate::db::migrate::duplicate_key(&key, uuid)
        }
    }

    /// The row of the table (networks or contacts) whose name has the key `key`, with the
    /// name as the journal holds it. A table empty when the merge came to it holds only what
    /// the merge added, whose names are unique in the file: nothing to look up.
    pub fn name_taken(&self, conn: &Connection, key: &str) -> Result<Option<(i64, String)>, Error> {
        if self.was_empty || self.added.contains(key) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT id, name FROM {} WHERE name_key = ?1",
            self.table.name
        );
        Ok(conn
            .prepare_cached(&sql)?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?)
    }

    /// Looks up the row with `uuid` and compares it with the file's `values` (and, for a
    /// meeting, the contacts met, `met`: sorted ids).
    fn compare(
        &mut self,
        conn: &Connection,
        uuid: &str,
        values: &[ValueRef],
        met: Option<&[i64]>,
    ) -> Result<Found, Error> {
        if self.was_empty {
            return Ok(Found::New);
        }
        let compared = self.compared;
        let found = self
            .select
            .query_row([uuid], |row| {
                let id: i64 = row.get(0)?;
                let values = (1..=compared)
                    .map(|i| row.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<Value>>>()?;
                Ok((id, values))
            })
            .optional()?;
        let Some((id, kept)) = found else {
            return Ok(Found::New);
        };
        let mut differences = Vec::new();
        for ((column, file), journal) in self.columns.iter().zip(values).zip(&kept) {
            if *file != ValueRef::from(journal) {
                let file = Value::try_from(*file).unwrap_or(Value::Null);
                differences.push(conflict::difference(conn, column, &file, journal)?);
            }
        }
        if let Some(met) = met {
            let kept: Vec<i64> = self
                .met
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if kept != met {
                differences.push(conflict::met_difference(conn, met, &kept)?);
            }
        }
        Ok(if differences.is_empty() {
            Found::Same(id)
        } else {
            Found::Differs(id, differences)
        })
    }
}

/// How many of a meeting's contacts one statement records: most meetings are recorded by one
/// statement rather than one per contact met (200,000 statements for 100,000 meetings), each
/// of which SQLite runs from its start.
const LINKS: usize = 8;

/// `INSERT INTO meeting_contacts … VALUES (?1, ?2), (?1, ?3)…`, for `n` contacts.
fn links_sql(n: usize) -> String {
    let rows: Vec<String> = (2..=n + 1).map(|i| format!("(?1, ?{i})")).collect();
    format!(
        "INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES {}",
        rows.join(", ")
    )
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
