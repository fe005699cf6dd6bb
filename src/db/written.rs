//! Records that their command adds and edits whole (networks, contacts, meetings, referrals,
//! notes; fee changes are only added this way): each names its table, whose description in
//! [`super::table`] gives the statements ([`Table::add_sql`], [`Table::update_sql`]), and gives
//! its values in the order of that description. No SQL is written here.

use rusqlite::{Connection, Params, ToSql};

use super::Error;
use super::table::Table;

/// A record its command writes whole, on adding it and on editing it.
pub trait Written {
    /// The table the record is a row of.
    const TABLE: &'static Table;

    /// `row` (a uuid or an id), then the values of the table's content columns and of its
    /// derived ones, in the order of its description, then the moment `now`.
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
    conn.execute(R::TABLE.add_sql(), record.params(&uuid, now))?;
    Ok(conn.last_insert_rowid())
}

/// Writes `record` over the row `id`, as its `edit` command changed it, stamped updated at
/// `now`.
pub fn update<R: Written>(conn: &Connection, id: i64, record: &R, now: &str) -> Result<(), Error> {
    conn.execute(R::TABLE.update_sql(), record.params(&id, now))?;
    Ok(())
}
