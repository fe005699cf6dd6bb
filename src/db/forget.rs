//! The SQL of `forget contact`: the free texts that may name a person, their rewriting, and
//! the wiping of what an erase freed from the journal's files. Which text names whom, and
//! what replaces a name, is the command's to say.

use rusqlite::{Connection, params};

use super::Error;

/// A piece of free text outside the person's own rows: the row, and the text as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// `meeting`, `note`…: the row's kind as the user knows it.
    pub thing: &'static str,
    pub table: &'static str,
    pub column: &'static str,
    pub id: i64,
    pub text: String,
}

/// The free-text columns that may name a person, by table.
const TEXTS: &[(&str, &str, &[&str])] = &[
    (
        "network",
        "networks",
        &["invited_by", "rules", "notes", "exit_reason"],
    ),
    ("contact", "contacts", &["profession", "company", "notes"]),
    ("meeting", "meetings", &["notes"]),
    ("referral", "referrals", &["description"]),
    ("note", "notes", &["body"]),
];

/// Every free text that `names` says names the person, except the contact's own row and the
/// notes on them, which go with them; table by table, in the order of the rows.
pub fn mentions(
    conn: &Connection,
    contact_id: i64,
    names: impl Fn(&str) -> bool,
) -> Result<Vec<Mention>, Error> {
    let mut found = Vec::new();
    for (thing, table, columns) in TEXTS {
        for column in *columns {
            let exclude = match *table {
                "contacts" => "id = ?1",
                "notes" => "contact_id IS ?1",
                _ => "?1 IS NULL",
            };
            let sql = format!(
                "SELECT id, {column} FROM {table}
                 WHERE {column} IS NOT NULL AND NOT ({exclude}) ORDER BY id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([contact_id])?;
            while let Some(row) = rows.next()? {
                let text: String = row.get(1)?;
                if names(&text) {
                    found.push(Mention {
                        thing,
                        table,
                        column,
                        id: row.get(0)?,
                        text,
                    });
                }
            }
        }
    }
    Ok(found)
}

/// Writes `text` in place of the mention's, stamped `now`.
pub fn rewrite(conn: &Connection, mention: &Mention, text: &str, now: &str) -> Result<(), Error> {
    let sql = format!(
        "UPDATE {} SET {} = ?2, updated_at = ?3 WHERE id = ?1",
        mention.table, mention.column
    );
    conn.execute(&sql, params![mention.id, text, now])?;
    Ok(())
}

/// Has SQLite zero what the following transactions free, in the file and in the log, rather
/// than leave it.
pub fn zero_freed(conn: &Connection) -> Result<(), Error> {
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

/// The step of [`scrub`] that failed.
#[derive(Debug)]
pub enum Unwiped {
    /// The write-ahead log could not be written into the file and emptied.
    Log(rusqlite::Error),
    /// A reader of an older moment of the journal still holds the log.
    LogBusy,
    /// The file could not be rebuilt without its free pages.
    File(rusqlite::Error),
}

/// Leaves no copy of erased text in the journal's files: empties the write-ahead log into the
/// file, rebuilds the file without free pages (`VACUUM`, its scratch copy in memory), and
/// empties the log again.
pub fn scrub(conn: &Connection) -> Result<(), Unwiped> {
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(Unwiped::Log)?;
    checkpoint(conn)?;
    conn.execute_batch("VACUUM").map_err(Unwiped::File)?;
    checkpoint(conn)
}

/// Writes the log into the file and truncates it to nothing; waits (the busy timeout) for
/// readers of older moments of the journal, which the log serves.
fn checkpoint(conn: &Connection) -> Result<(), Unwiped> {
    let busy: i64 = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
        .map_err(Unwiped::Log)?;
    if busy != 0 {
        return Err(Unwiped::LogBusy);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journal() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE networks (id INTEGER PRIMARY KEY, invited_by TEXT, rules TEXT,
                 notes TEXT, exit_reason TEXT, updated_at TEXT);
             CREATE TABLE contacts (id INTEGER PRIMARY KEY, profession TEXT, company TEXT,
                 notes TEXT, updated_at TEXT);
             CREATE TABLE meetings (id INTEGER PRIMARY KEY, notes TEXT, updated_at TEXT);
             CREATE TABLE referrals (id INTEGER PRIMARY KEY, description TEXT, updated_at TEXT);
             CREATE TABLE notes (id INTEGER PRIMARY KEY, contact_id INTEGER, body TEXT,
                 updated_at TEXT);
             INSERT INTO contacts (id, notes) VALUES (1, 'Zoé herself'), (2, 'met Zoé');
             INSERT INTO meetings (id, notes) VALUES (3, 'with Zoé'), (4, 'alone');
             INSERT INTO notes (id, contact_id, body) VALUES (5, 1, 'Zoé'), (6, 2, 'Zoé too');",
        )
        .unwrap();
        conn
    }

    #[test]
    fn mentions_leave_out_the_person_s_own_rows() {
        let conn = journal();
        let found = mentions(&conn, 1, |text| text.contains("Zoé")).unwrap();
        let places: Vec<(&str, &str, i64)> =
            found.iter().map(|m| (m.thing, m.column, m.id)).collect();
        assert_eq!(
            places,
            [
                ("contact", "notes", 2),
                ("meeting", "notes", 3),
                ("note", "body", 6)
            ]
        );
    }

    #[test]
    fn a_mention_is_rewritten_in_place() {
        let conn = journal();
        let found = mentions(&conn, 1, |text| text == "with Zoé").unwrap();
        rewrite(
            &conn,
            &found[0],
            "with [forgotten]",
            "2026-01-01T00:00:00+00:00",
        )
        .unwrap();
        let (notes, stamp): (String, String) = conn
            .query_row(
                "SELECT notes, updated_at FROM meetings WHERE id = 3",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!(notes, "with [forgotten]");
        assert_eq!(stamp, "2026-01-01T00:00:00+00:00");
    }
}
