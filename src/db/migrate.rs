//! Schema upgrades keyed on `PRAGMA user_version`. `schema.sql` is version 1; each later
//! version is one more entry in [`MIGRATIONS`], applied in its own transaction.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::{APPLICATION_ID, Error};
use crate::domain::text::name_key;

/// The migrations, in order: entry `i` brings a journal from version `i` to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../../schema.sql"),
    include_str!("../../migrations/002-concerns-and-fee-history.sql"),
    include_str!("../../migrations/003-meeting-start-time.sql"),
    NAME_FOLDING,
];

/// Migration 004: names folded anew, merged contacts remembered.
const NAME_FOLDING: &str = include_str!("../../migrations/004-name-folding-and-merges.sql");

/// A step of a migration that SQL alone cannot take, run in that migration's transaction right
/// after its SQL.
type RustStep = fn(&Connection) -> Result<(), Error>;

/// The Rust steps, each keyed by the text of the migration it completes (not by its number, so
/// that renumbering the migrations cannot pair a step with the wrong one).
const RUST_STEPS: &[(&str, RustStep)] = &[(NAME_FOLDING, rekey_names)];

/// The Rust step of `sql`, if it has one.
fn rust_step(sql: &str) -> Option<RustStep> {
    RUST_STEPS
        .iter()
        .find(|(of, _)| *of == sql)
        .map(|(_, step)| *step)
}

/// Re-keys every network and contact with [`name_key`] as it folds now. Rows are taken in the
/// order they were recorded; a row whose folded name is already taken keeps its name and gets
/// a key of its own ([`duplicate_key`]): no row is lost and the upgrade never fails on it.
fn rekey_names(conn: &Connection) -> Result<(), Error> {
    for table in ["networks", "contacts"] {
        let rows: Vec<(i64, String, String)> = conn
            .prepare(&format!("SELECT id, uuid, name FROM {table} ORDER BY id"))?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        // First out of the way: a key being given may still be another row's old one.
        conn.execute(
            &format!("UPDATE {table} SET name_key = char(31) || uuid"),
            [],
        )?;
        let mut taken = std::collections::HashSet::new();
        let mut update =
            conn.prepare(&format!("UPDATE {table} SET name_key = ?2 WHERE id = ?1"))?;
        for (id, uuid, name) in rows {
            let key = name_key(&name);
            let key = if taken.insert(key.clone()) {
                key
            } else {
                duplicate_key(&key, &uuid)
            };
            update.execute(rusqlite::params![id, key])?;
        }
    }
    Ok(())
}

/// The key of a row whose name folds like an earlier row's: the folded name, U+001F (a control
/// character, which no typed name holds), and the row's uuid. A name lookup finds it beside
/// the first (see `contact::find_ids`).
pub fn duplicate_key(key: &str, uuid: &str) -> String {
    format!("{key}\u{1f}{uuid}")
}

/// The schema version this program writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

fn user_version(conn: &Connection) -> Result<i64, Error> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Refuses a journal written by a newer program, before anything is written to it.
pub fn refuse_newer(conn: &Connection, path: &Path) -> Result<(), Error> {
    let version = user_version(conn)?;
    if version > LATEST {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: LATEST,
        });
    }
    Ok(())
}

/// Brings the journal up to [`LATEST`], refusing one written by a newer program.
pub fn upgrade(conn: &mut Connection, path: &Path) -> Result<(), Error> {
    let too_new = |found| Error::TooNew {
        path: path.to_path_buf(),
        found,
        known: LATEST,
    };
    let version = user_version(conn)?;
    if version > LATEST {
        return Err(too_new(version));
    }
    if version == LATEST {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again under the write lock: another process may have upgraded meanwhile.
        let version = user_version(&tx)?;
        if version > LATEST {
            return Err(too_new(version));
        }
        if version == LATEST {
            return Ok(());
        }
        let sql = MIGRATIONS[version as usize];
        tx.execute_batch(sql)?;
        if let Some(step) = rust_step(sql) {
            step(&tx)?;
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST);
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            tables,
            [
                "contacts",
                "fee_changes",
                "meeting_contacts",
                "meetings",
                "merged_contacts",
                "networks",
                "notes",
                "referrals",
                "settings"
            ]
        );
        // A second upgrade finds nothing to do.
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST);
    }

    /// A journal at the version before [`NAME_FOLDING`], holding `contacts` (name, old key).
    fn journal_before_folding(contacts: &[&str]) -> Connection {
        let before = MIGRATIONS
            .iter()
            .position(|sql| *sql == NAME_FOLDING)
            .unwrap();
        let conn = Connection::open_in_memory().unwrap();
        for (version, sql) in MIGRATIONS[..before].iter().enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", version as i64 + 1)
                .unwrap();
        }
        conn.execute(
            "INSERT INTO networks (uuid, name, name_key, kind, created_at, updated_at)
             VALUES ('n1', 'Femmes Chefs d’Entreprises 69', 'femmes chefs d’entreprises 69',
                     'gender-based', 'now', 'now')",
            [],
        )
        .unwrap();
        for (i, name) in contacts.iter().enumerate() {
            conn.execute(
                "INSERT INTO contacts (uuid, name, name_key, added_on, created_at, updated_at)
                 VALUES (?1, ?2, lower(?2), '2024-01-01', 'now', 'now')",
                rusqlite::params![format!("c{}", i + 1), name],
            )
            .unwrap();
        }
        conn
    }

    fn keys(conn: &Connection, table: &str) -> Vec<(String, String)> {
        conn.prepare(&format!("SELECT name, name_key FROM {table} ORDER BY id"))
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn names_are_rekeyed_in_their_folded_form() {
        let mut conn = journal_before_folding(&["Loïc N’Diaye", "Amélie Dupré-Lefèvre"]);
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(
            keys(&conn, "contacts"),
            [
                ("Loïc N’Diaye".into(), "loic n'diaye".into()),
                ("Amélie Dupré-Lefèvre".into(), "amelie dupre-lefevre".into()),
            ]
        );
        assert_eq!(
            keys(&conn, "networks"),
            [(
                "Femmes Chefs d’Entreprises 69".into(),
                "femmes chefs d'entreprises 69".into()
            )]
        );
    }

    #[test]
    fn names_that_now_fold_alike_are_all_kept() {
        // The second one's old key is the first one's new key: the re-keying must not trip on
        // it, and the third, folding like the first, keeps its row under a key of its own.
        let mut conn = journal_before_folding(&["Amélie Dupré", "amelie dupre", "AMELIE  DUPRÉ"]);
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(
            keys(&conn, "contacts"),
            [
                ("Amélie Dupré".into(), "amelie dupre".into()),
                ("amelie dupre".into(), duplicate_key("amelie dupre", "c2")),
                ("AMELIE  DUPRÉ".into(), duplicate_key("amelie dupre", "c3")),
            ]
        );
        assert_eq!(user_version(&conn).unwrap(), LATEST);
    }

    #[test]
    fn a_newer_journal_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST + 1)
            .unwrap();
        let error = upgrade(&mut conn, Path::new("j.db")).unwrap_err();
        assert!(matches!(error, Error::TooNew { found, .. } if found == LATEST + 1));
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn the_schema_enforces_the_vocabularies() {
        let mut conn = Connection::open_in_memory().unwrap();
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        let insert = |kind: &str| {
            conn.execute(
                "INSERT INTO networks (uuid, name, name_key, kind, created_at, updated_at)
                 VALUES (?1, 'n', ?1, ?2, 'now', 'now')",
                [kind, kind],
            )
        };
        assert!(insert("co-optation").is_ok());
        assert!(insert("cult").is_err());
        let rating = |value: i64| {
            conn.execute(
                "INSERT INTO meetings (uuid, date, format, in_person, rating, created_at, updated_at)
                 VALUES (?1, '2024-01-01', 'lunch', 1, ?2, 'now', 'now')",
                rusqlite::params![format!("m{value}"), value],
            )
        };
        assert!(rating(5).is_ok());
        assert!(rating(6).is_err());
        assert!(rating(0).is_err());
    }

    #[test]
    fn migration_003_gives_meetings_a_checked_start_time_and_keeps_their_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A version 2 journal with a meeting.
        for migration in &MIGRATIONS[..2] {
            conn.execute_batch(migration).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute(
            "INSERT INTO meetings (uuid, date, format, in_person, created_at, updated_at)
             VALUES ('old', '2024-01-01', 'lunch', 1, 'now', 'now')",
            [],
        )
        .unwrap();
        upgrade(&mut conn, Path::new(":memory:")).unwrap();
        let start: Option<String> = conn
            .query_row(
                "SELECT start_time FROM meetings WHERE uuid = 'old'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(start, None);
        let set = |time: &str| {
            conn.execute(
                "UPDATE meetings SET start_time = ?1 WHERE uuid = 'old'",
                [time],
            )
        };
        for good in ["07:30", "00:00", "23:59"] {
            assert!(set(good).is_ok(), "{good}");
        }
        for bad in ["7:30", "24:00", "07:60", "07h30", "07:30:00", "", "ab:cd"] {
            assert!(set(bad).is_err(), "{bad}");
        }
    }
}
