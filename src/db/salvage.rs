//! Salvaging a damaged journal: what SQLite can still read of it, table by table and row by
//! row, copied into a new journal, with what could not be read told per table.
//!
//! The bundled SQLite has no `sqlite3_recover` (it is an extension, not part of the
//! amalgamation), so rows are read through SQL, around the damage: a table is read in key order
//! until SQLite says a page is damaged, then from its end backwards until it says so again, and
//! the keys between are looked up one by one, each lookup reaching the pages still sound. The
//! new journal is built with the damaged one's schema version (the migrations up to it), filled,
//! freed of references to rows that were lost, checked, and only then upgraded.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, params_from_iter};

use super::{APPLICATION_ID, Error, check_is_journal_header, migrate};

/// How many keys, at most, are looked up one by one in a table's unreadable stretch.
const MAX_PROBES: i64 = 1_000_000;

/// What was saved of one table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Salvaged {
    pub table: String,
    /// Rows copied into the new journal (and kept there).
    pub recovered: u64,
    /// Whether SQLite could not read the table at all.
    pub unreadable: bool,
    /// Whether SQLite found some of the table's pages damaged.
    pub damaged: bool,
    /// Stretches of row numbers in the damaged part of the table that no row could be read
    /// for (for a table keyed by pairs, values of its first column whose lookup SQLite found
    /// damaged): the rows there are lost.
    pub lost_ranges: Vec<(i64, i64)>,
    /// Rows read but refused by the new journal (a value the damage garbled).
    pub refused: u64,
    /// Rows dropped because they belonged to a row that was lost (a meeting's attendee whose
    /// meeting is gone).
    pub dropped: u64,
    /// Rows kept without a reference to a row that was lost (a meeting whose network is gone).
    pub detached: u64,
}

impl Salvaged {
    /// Whether everything the table held was saved as it was.
    pub fn whole(&self) -> bool {
        !self.unreadable
            && !self.damaged
            && self.lost_ranges.is_empty()
            && self.refused == 0
            && self.dropped == 0
            && self.detached == 0
    }
}

/// Opens the journal at `path` to salvage it: read-only, and checked only as far as its header
/// (its schema may be what is damaged).
pub fn open_source(path: &Path) -> Result<Connection, Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    // Damage inside a row is then reported as damage, not read as garbage.
    conn.pragma_update(None, "cell_size_check", true)?;
    check_is_journal_header(&conn, path)?;
    migrate::refuse_newer(&conn, path)?;
    Ok(conn)
}

/// Copies what can be read of `from` into `to`, an empty database, which becomes a journal of
/// this program's schema version; returns what was saved, table by table. `to` is not the
/// journal: a failure leaves it for the caller to remove.
pub fn salvage(
    from: &Connection,
    to: &mut Connection,
    path: &Path,
) -> Result<Vec<Salvaged>, Error> {
    let version: i64 = from.pragma_query_value(None, "user_version", |row| row.get(0))?;
    // The schema of the damaged journal's version, from this program's own migrations: its own
    // copy of the schema may be what is damaged.
    for migration in migrate::MIGRATIONS.iter().take(version.max(1) as usize) {
        to.execute_batch(migration)?;
    }
    to.pragma_update(None, "user_version", version.max(1))?;
    to.pragma_update(None, "application_id", APPLICATION_ID)?;
    to.pragma_update(None, "foreign_keys", false)?;

    let tables: Vec<String> = to
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY rowid",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut saved = Vec::new();
    let tx = to.transaction()?;
    for table in &tables {
        saved.push(copy_table(from, &tx, table)?);
    }
    tx.commit()?;
    drop_orphans(to, &mut saved)?;
    to.pragma_update(None, "foreign_keys", true)?;
    migrate::upgrade(to, path)?;
    Ok(saved)
}

/// A table's columns in the new journal, and the columns of its key, in key order: `rowid`, or
/// a table without rowid's primary key.
fn layout(to: &Connection, table: &str) -> Result<(Vec<String>, Vec<String>), Error> {
    let mut columns = Vec::new();
    let mut key: Vec<(i64, String)> = Vec::new();
    let mut stmt = to.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut rows = stmt.query([table])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let pk: i64 = row.get(1)?;
        if pk > 0 {
            key.push((pk, name.clone()));
        }
        columns.push(name);
    }
    let without_rowid = to
        .prepare(&format!("SELECT rowid FROM \"{table}\" LIMIT 0"))
        .is_err();
    let key = if without_rowid {
        key.sort();
        key.into_iter().map(|(_, name)| name).collect()
    } else {
        vec!["rowid".to_string()]
    };
    Ok((columns, key))
}

/// Copies what can be read of one table.
fn copy_table(from: &Connection, to: &Connection, table: &str) -> Result<Salvaged, Error> {
    let mut saved = Salvaged {
        table: table.to_string(),
        ..Salvaged::default()
    };
    let (columns, key) = layout(to, table)?;
    // The columns the damaged journal has (all of them when its schema cannot be read).
    let known: Vec<String> = match from
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .and_then(|mut stmt| {
            stmt.query_map([table], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        }) {
        Ok(names) if !names.is_empty() => names,
        _ => columns.clone(),
    };
    let columns: Vec<String> = columns.into_iter().filter(|c| known.contains(c)).collect();
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let list = quoted(&columns);
    let key_list = if key == ["rowid"] {
        "rowid".to_string()
    } else {
        quoted(&key)
    };
    let marks = vec!["?"; key.len()].join(", ");
    // The key first, then the columns; `NOT INDEXED`, so that the table itself is read (its
    // indexes may be damaged, and are rebuilt anyway).
    let select = format!("SELECT {key_list}, {list} FROM \"{table}\" NOT INDEXED");
    let forward_all = format!("{select} ORDER BY {key_list}");
    let backward = format!("{select} WHERE ({key_list}) > ({marks}) ORDER BY {key_list} DESC");
    let backward_all = format!("{select} ORDER BY {key_list} DESC");
    let probe = format!(
        "{select} WHERE {} = ?1",
        key_list.split(", ").next().unwrap_or("rowid")
    );
    let insert = format!(
        "INSERT INTO \"{table}\" ({list}) VALUES ({})",
        vec!["?"; columns.len()].join(", ")
    );
    let mut insert = to.prepare(&insert)?;
    let width = key.len();
    let total = width + columns.len();
    // Settings replace the new journal's defaults (its currency); other rows are new.
    let mut replace = to.prepare(&format!(
        "INSERT OR REPLACE INTO \"{table}\" ({list}) VALUES ({})",
        vec!["?"; columns.len()].join(", ")
    ))?;
    let mut put = |row: &[Value], saved: &mut Salvaged| {
        let values = params_from_iter(&row[width..]);
        let done = if table == "settings" {
            replace.execute(values)
        } else {
            insert.execute(values)
        };
        match done {
            Ok(_) => saved.recovered += 1,
            Err(_) => saved.refused += 1,
        }
    };

    // Forward, from the start, as far as the pages can be read.
    let mut last: Option<Vec<Value>> = None;
    match read(from, &forward_all, &[], total, |row| {
        last = Some(row[..width].to_vec());
        put(&row, &mut saved);
    }) {
        Ok(()) => return Ok(saved),
        Err(ReadError::Prepare) => {
            saved.unreadable = true;
            return Ok(saved);
        }
        Err(ReadError::Step) => saved.damaged = true,
    }
    // Backward, from the end, down to the damage.
    let mut tail = Vec::new();
    let _ = match &last {
        Some(after) => read(from, &backward, after, total, |row| tail.push(row)),
        None => read(from, &backward_all, &[], total, |row| tail.push(row)),
    };
    let high = tail.last().map(|row| row[..width].to_vec());
    // Between: each key looked up on its own (for a table keyed by pairs, each value of the
    // pair's first column, the pairs already read left out).
    let first = |key: &Option<Vec<Value>>| match key.as_deref() {
        Some([Value::Integer(n), ..]) => Some(*n),
        _ => None,
    };
    let (from_key, to_key) = match width {
        1 => (
            first(&last).map_or(1, |n| n + 1),
            first(&high).map(|n| n - 1),
        ),
        _ => (first(&last).unwrap_or(1), first(&high)),
    };
    let mut lost_ranges = Vec::new();
    match to_key {
        Some(to_key) if to_key.saturating_sub(from_key) <= MAX_PROBES => {
            let mut lost: Option<(i64, i64)> = None;
            for k in from_key..=to_key {
                let mut found = Vec::new();
                match read(from, &probe, &[Value::Integer(k)], total, |row| {
                    found.push(row)
                }) {
                    // A row number with no row, inside the damage: its row is lost (a page
                    // whose cells point to garbage hides rows without an error).
                    Ok(()) if width == 1 && found.is_empty() => {
                        lost = Some(lost.map_or((k, k), |(a, _)| (a, k)));
                    }
                    Ok(()) => {
                        lost_ranges.extend(lost.take());
                        for row in found {
                            let key = &row[..width];
                            let read_already = last.as_deref().is_some_and(|l| !after(key, l))
                                || high.as_deref().is_some_and(|h| !after(h, key));
                            if !read_already {
                                put(&row, &mut saved);
                            }
                        }
                    }
                    Err(_) => {
                        lost = Some(lost.map_or((k, k), |(a, _)| (a, k)));
                    }
                }
            }
            lost_ranges.extend(lost);
        }
        Some(to_key) => lost_ranges.push((from_key, to_key)),
        // Nothing could be read backwards: what follows the damage is lost, as far as it goes.
        None => lost_ranges.push((from_key, i64::MAX)),
    }
    for row in tail.into_iter().rev() {
        put(&row, &mut saved);
    }
    saved.lost_ranges = lost_ranges;
    if last.is_none() && high.is_none() && saved.recovered == 0 {
        saved.unreadable = true;
    }
    Ok(saved)
}

/// Whether the key `a` comes strictly after the key `b` (integers compared as numbers, the
/// first difference deciding); keys of other values are taken as different.
fn after(a: &[Value], b: &[Value]) -> bool {
    for (a, b) in a.iter().zip(b) {
        match (a, b) {
            (Value::Integer(a), Value::Integer(b)) if a == b => continue,
            (Value::Integer(a), Value::Integer(b)) => return a > b,
            _ => return true,
        }
    }
    false
}

/// Why a read stopped.
enum ReadError {
    /// The statement could not even be prepared (the schema is unreadable).
    Prepare,
    /// A row could not be read (a damaged page).
    Step,
}

/// Runs `sql` with `params`, giving each row (`width` values) to `each`, until the end or the
/// first row SQLite cannot read.
fn read(
    conn: &Connection,
    sql: &str,
    params: &[Value],
    width: usize,
    mut each: impl FnMut(Vec<Value>),
) -> Result<(), ReadError> {
    let mut stmt = conn.prepare(sql).map_err(|_| ReadError::Prepare)?;
    let mut rows = stmt
        .query(params_from_iter(params))
        .map_err(|_| ReadError::Step)?;
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                let values: Result<Vec<Value>, _> = (0..width).map(|i| row.get(i)).collect();
                match values {
                    Ok(values) => each(values),
                    Err(_) => return Err(ReadError::Step),
                }
            }
            Ok(None) => return Ok(()),
            Err(_) => return Err(ReadError::Step),
        }
    }
}

/// Frees the new journal of references to rows that were lost: a reference that may be empty
/// is emptied (the row kept, `detached`), a row that cannot be without it goes (`dropped`);
/// until no reference is left dangling.
fn drop_orphans(to: &Connection, saved: &mut [Salvaged]) -> Result<(), Error> {
    loop {
        let mut changed = false;
        for entry in saved.iter_mut() {
            let table = entry.table.clone();
            let links: Vec<(String, String, String)> = to
                .prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)")?
                .query_map([&table], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (column, parent, parent_column) in links {
                let nullable: bool = to.query_row(
                    "SELECT \"notnull\" = 0 FROM pragma_table_info(?1) WHERE name = ?2",
                    [&table, &column],
                    |row| row.get(0),
                )?;
                let dangling = format!(
                    "\"{column}\" IS NOT NULL AND \"{column}\" NOT IN
                     (SELECT \"{parent_column}\" FROM \"{parent}\")"
                );
                let n = if nullable {
                    to.execute(
                        &format!("UPDATE \"{table}\" SET \"{column}\" = NULL WHERE {dangling}"),
                        [],
                    )?
                } else {
                    to.execute(&format!("DELETE FROM \"{table}\" WHERE {dangling}"), [])?
                };
                if n > 0 {
                    changed = true;
                    if nullable {
                        entry.detached += n as u64;
                    } else {
                        entry.dropped += n as u64;
                        entry.recovered = entry.recovered.saturating_sub(n as u64);
                    }
                }
            }
        }
        if !changed {
            return Ok(());
        }
    }
}
