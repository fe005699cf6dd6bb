//! Records that are added whole and edited whole (contacts, meetings, notes, referrals): the
//! `INSERT` under a new uuid and the `UPDATE` by id bind the same columns after ?1, listed once
//! per record in its [`Written::params`].

use rusqlite::{Connection, Params, ToSql};

use super::Error;

/// A record its command writes whole, on adding it and on editing it.
pub trait Written {
    /// Inserts a new row, with its uuid as ?1 and the parameters that follow as `params` gives
    /// them.
    const INSERT: &'static str;
    /// Rewrites the row whose id is ?1 with the parameters that follow as `params` gives them.
    const UPDATE: &'static str;

    /// `row` (a uuid or an id), then the record's columns and the moment `now`, as its two
    /// statements number them.
    fn params<'a>(&'a self, row: &'a dyn ToSql, now: &'a str) -> impl Params + 'a;
}

/// Records `record` under the stable identifier `uuid` chosen by the caller (see
/// [`super::network::insert_with_uuid`]), stamped created and updated at `now`; returns its id.
pub fn insert_with_uuid<R: Written>(
    conn: &Connection,
    uuid: &str,
    record: &R,
    now: &str,
) -> Result<i64, Error> {
    conn.execute(R::INSERT, record.params(&uuid, now))?;
    Ok(conn.last_insert_rowid())
}

/// Writes `record` over the row `id`, as its `edit` command changed it, stamped updated at
/// `now`.
pub fn update<R: Written>(conn: &Connection, id: i64, record: &R, now: &str) -> Result<(), Error> {
    conn.execute(R::UPDATE, record.params(&id, now))?;
    Ok(())
}
