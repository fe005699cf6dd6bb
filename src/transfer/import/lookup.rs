//! One table's merge, as the journal holds it: the statements prepared once for all its
//! records, the lookup of a record's row by uuid and its comparison with the file's values,
//! and what the merge remembers of the rows it added. [`super::merge`] brings each record in
//! through it; a record's own rules (`super::records`) ask it whether a name is taken.

use foldhash::HashSet;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{CachedStatement, Connection, OptionalExtension, params_from_iter};

use super::Error;
use super::conflict;
use crate::db::table::Table;
use crate::messages::Message;

/// How the journal's row compares with the file's.
pub(super) enum Found {
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
    pub(super) columns: Vec<&'static str>,
    /// How many of the columns the file gives, and are compared.
    pub(super) compared: usize,
    select: CachedStatement<'c>,
    met: CachedStatement<'c>,
    pub(super) insert: CachedStatement<'c>,
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
    /// The lookup for `table`, of which the file gives the first `given` columns (those of its
    /// export format: see `Record::given`).
    pub fn new(
        conn: &'c Connection,
        table: &'static Table,
        given: usize,
    ) -> Result<Lookup<'c>, Error> {
        let compared = given.min(table.columns().count());
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
    pub(super) fn link(&mut self, id: i64, contacts: &[i64]) -> Result<(), Error> {
        for some in contacts.chunks(LINKS) {
            let params = std::iter::once(&id).chain(some);
            self.links[some.len() - 1].execute(params_from_iter(params))?;
        }
        Ok(())
    }

    /// The key to store a row added under `key`: `key`, or, when a row this import added holds
    /// it already (a file written before names were folded may hold `Amélie` and `Amelie`), a
    /// key of its own, as the migration that folded names gives it.
    pub(super) fn free_key(&mut self, key: String, uuid: &str) -> String {
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
    pub(super) fn compare(
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
