//! Settings kept in the journal itself: its currency, and later the user's hourly rate and
//! verdict thresholds.

use rusqlite::{Connection, OptionalExtension};

use super::Error;

/// The value of a setting, if set.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

/// Sets a setting, replacing any earlier value.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// The journal's currency, an ISO code such as `EUR`.
pub fn currency(conn: &Connection) -> Result<String, Error> {
    Ok(get(conn, "currency")?.unwrap_or_else(|| "EUR".to_string()))
}

/// Removes a setting, so that its default applies again.
pub fn unset(conn: &Connection, key: &str) -> Result<(), Error> {
    conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
    Ok(())
}
