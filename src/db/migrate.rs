//! Schema upgrades keyed on `PRAGMA user_version`. `schema.sql` is version 1; each later
//! version is one more entry in [`MIGRATIONS`], applied in its own transaction.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::{APPLICATION_ID, Error};

/// The migrations, in order: entry `i` brings a journal from version `i` to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../../schema.sql"),
    include_str!("../../migrations/002-concerns-and-fee-history.sql"),
    include_str!("../../migrations/003-meeting-start-time.sql"),
];

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
        tx.execute_batch(MIGRATIONS[version as usize])?;
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
