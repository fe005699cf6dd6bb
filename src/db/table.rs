//! The tables a journal's records are written to, each described once: its columns, in the
//! order a record of the export lists its values, which of them refer to another table, the
//! columns derived from them, and the statements built from that. Those statements are the
//! only SQL that writes a whole row or reads one for an export:
//! - the commands' add and edit, [`Table::add_sql`] and [`Table::update_sql`], bound by a
//!   record's [`Written::params`](super::written::Written::params), and the edit's reading of
//!   the record back, [`Table::load_sql`];
//! - the import's [`Table::insert_sql`] and its lookup by uuid, [`Table::select_sql`];
//! - the export's [`Table::export_columns`] and [`Table::export_from`], each reference read as
//!   the uuid of the row it refers to (the export chooses the order).
//!
//! What `list` reads is built here for networks only ([`Table::row_columns`]). For the other
//! tables it names a network or a contact by its name rather than its uuid, adds what is
//! counted or gathered from other tables (a contact's meetings, a meeting's contacts, a note's
//! network through its meeting), and its fields are named for the reader (a note's `text`):
//! see the listing structs in each module, whose fields make the JSON and CSV.
//!
//! Every such table has an integer `id`, a stable `uuid` and the `created_at`/`updated_at`
//! stamps besides the columns described here. A column whose name ends in `_id` refers to a
//! row of another table (`network_id`: a network), which an export names by its uuid.

use std::sync::OnceLock;

/// A table a column refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Network,
    Contact,
    Meeting,
}

impl Target {
    /// The target of the column `column`, if it is a reference.
    pub fn of(column: &str) -> Option<Target> {
        match column {
            "network_id" => Some(Target::Network),
            "contact_id" => Some(Target::Contact),
            "meeting_id" => Some(Target::Meeting),
            _ => None,
        }
    }

    /// The field of an export that refers to a row of the target, by its uuid.
    pub fn field(self) -> &'static str {
        match self {
            Target::Network => "network_uuid",
            Target::Contact => "contact_uuid",
            Target::Meeting => "meeting_uuid",
        }
    }

    /// The table referred to.
    pub fn table(self) -> &'static str {
        match self {
            Target::Network => "networks",
            Target::Contact => "contacts",
            Target::Meeting => "meetings",
        }
    }

    /// The name the export's statements join the target under (the table itself is `t`), which
    /// an export's order may name (`n.name_key`).
    pub fn alias(self) -> &'static str {
        match self {
            Target::Network => "n",
            Target::Contact => "c",
            Target::Meeting => "m",
        }
    }
}

/// One table, as the commands, export and import see it.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// The columns that make a row's content, compared between two journals, separated by
    /// spaces (`*_id` refer to another table).
    columns: &'static str,
    /// Columns stored beside them and derived from them: a name's key (by which names are
    /// unique), whether a meeting was in person.
    derived: &'static str,
    /// The references every row has (`NOT NULL`). An export joins their target with an inner
    /// `JOIN`, which lets SQLite read the target first in the order of one of its indexes (a
    /// fee change's network, by name) instead of sorting the rows.
    required: &'static str,
    /// The statements built from the above, each on its first use: `log meeting` builds the
    /// two it needs once, not on every call, and not the others.
    statements: &'static Statements,
}

/// The statements that write a whole row of one table, or read one back, each built on its
/// first use.
#[derive(Debug)]
pub struct Statements {
    insert: OnceLock<String>,
    add: OnceLock<String>,
    update: OnceLock<String>,
    load: OnceLock<String>,
    row: OnceLock<String>,
}

impl Statements {
    const fn new() -> Statements {
        Statements {
            insert: OnceLock::new(),
            add: OnceLock::new(),
            update: OnceLock::new(),
            load: OnceLock::new(),
            row: OnceLock::new(),
        }
    }
}

/// Declares the described table `$table`: its name, its content columns, and when it has
/// any, its `derived` columns and the references every row has, `required` (see [`Table`]).
/// Its statements are built on first use (see [`Statements`]).
macro_rules! described {
    ($(#[$doc:meta])* $table:ident = $name:literal: $columns:literal
     $(, derived: $derived:literal)? $(, required: $required:literal)?) => {
        $(#[$doc])*
        pub const $table: Table = Table::new(
            $name,
            $columns,
            concat!("" $(, $derived)?),
            concat!("" $(, $required)?),
            {
                static SQL: Statements = Statements::new();
                &SQL
            },
        );
    };
}

described!(NETWORKS = "networks":
    "name kind joined_on left_on exit_reason invited_by fee_cents fee_period rules notes",
    derived: "name_key");
described!(FEE_CHANGES = "fee_changes":
    "network_id from_on fee_cents fee_period", required: "network_id");
described!(CONTACTS = "contacts":
    "name profession company email linkedin network_id notes added_on", derived: "name_key");
described!(
    /// A meeting's start time comes last: a file of export format 2 or older has none.
    MEETINGS = "meetings":
    "date network_id format minutes travel_minutes cost_cents rating notes start_time",
    derived: "in_person");
described!(REFERRALS = "referrals":
    "direction date network_id contact_id description status value_cents");
described!(
    /// A concern's severity and resolution come last: a file of export format 1 has neither.
    NOTES = "notes":
    "date body concern network_id meeting_id contact_id severity resolved_on");

impl Table {
    const fn new(
        name: &'static str,
        columns: &'static str,
        derived: &'static str,
        required: &'static str,
        statements: &'static Statements,
    ) -> Table {
        Table {
            name,
            columns,
            derived,
            required,
            statements,
        }
    }

    /// The content columns, in order.
    pub fn columns(&self) -> impl Iterator<Item = &'static str> {
        self.columns.split_whitespace()
    }

    /// The derived columns, in order.
    fn derived(&self) -> impl Iterator<Item = &'static str> {
        self.derived.split_whitespace()
    }

    /// Whether rows have a name, unique by its key (`name_key`).
    pub fn named(&self) -> bool {
        self.derived().any(|column| column == "name_key")
    }

    /// Adds a row: the uuid, the content columns, the derived ones, then the two stamps, each
    /// its own parameter (?1 to ?N), as the import carries a row from another journal. A copy:
    /// the import prepares it once per table.
    pub fn insert_sql(&self) -> String {
        let sql = || {
            let slots = slots(self.written().count() + 3);
            format!("{} VALUES ({slots})", self.insert_into())
        };
        self.statements.insert.get_or_init(sql).clone()
    }

    /// Adds a row as a command records it: the uuid as ?1, the content columns and the derived
    /// ones from ?2 on, then one moment for both stamps.
    pub fn add_sql(&self) -> &'static str {
        let now = self.written().count() + 2;
        let sql = || format!("{} VALUES ({}, ?{now})", self.insert_into(), slots(now));
        self.statements.add.get_or_init(sql)
    }

    /// Rewrites the row whose id is ?1 with the parameters of [`Table::add_sql`], stamped updated
    /// at its moment. A name's key stays as it is when it is the new name's key or one of its
    /// own made from it (see `assigned`).
    pub fn update_sql(&self) -> &'static str {
        self.statements.update.get_or_init(|| self.update())
    }

    /// The content columns of the row whose id is ?1, in order: what an `edit` command reads
    /// back into the record its [`Written::params`](super::written::Written::params) writes.
    pub fn load_sql(&self) -> &'static str {
        let sql = || format!("SELECT {} FROM {} WHERE id = ?1", self.content(), self.name);
        self.statements.load.get_or_init(sql)
    }

    /// The row as stored, for a `SELECT` that reads it by column name: `id, uuid`, then the
    /// content columns.
    pub fn row_columns(&self) -> &'static str {
        self.statements
            .row
            .get_or_init(|| format!("id, uuid, {}", self.content()))
    }

    /// The row with a uuid: its id, then its first `compared` content columns.
    pub fn select_sql(&self, compared: usize) -> String {
        let columns: Vec<&str> = self.columns().take(compared).collect();
        format!(
            "SELECT id, {} FROM {} WHERE uuid = ?1",
            columns.join(", "),
            self.name
        )
    }

    /// What an export reads of each row, from [`Table::export_from`]: the uuid, the content
    /// columns in order (a reference as the uuid of its target), then the two stamps.
    pub fn export_columns(&self) -> String {
        let content = self.columns().map(|column| match Target::of(column) {
            Some(target) => format!("{}.uuid", target.alias()),
            None => format!("t.{column}"),
        });
        std::iter::once("t.uuid".to_string())
            .chain(content)
            .chain(["t.created_at".to_string(), "t.updated_at".to_string()])
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The table as `t`, joined to the target of each reference under its
    /// [`alias`](Target::alias) (see [`Table::export_columns`]).
    pub fn export_from(&self) -> String {
        let mut from = format!("FROM {} t", self.name);
        for column in self.columns() {
            let Some(target) = Target::of(column) else {
                continue;
            };
            let required = self.required.split_whitespace().any(|name| name == column);
            let join = if required { "JOIN" } else { "LEFT JOIN" };
            let (table, alias) = (target.table(), target.alias());
            from.push_str(&format!(
                " {join} {table} {alias} ON {alias}.id = t.{column}"
            ));
        }
        from
    }

    /// The columns an add or edit writes after its parameter ?1 (the row's uuid or id), in
    /// order: the content ones, then the derived ones; the moment follows them.
    fn written(&self) -> impl Iterator<Item = &'static str> {
        self.columns().chain(self.derived())
    }

    /// The content columns, as a `SELECT` lists them.
    fn content(&self) -> String {
        self.columns().collect::<Vec<_>>().join(", ")
    }

    /// `INSERT INTO` the table, naming the uuid, the written columns and the two stamps.
    fn insert_into(&self) -> String {
        let columns: Vec<&str> = std::iter::once("uuid")
            .chain(self.written())
            .chain(["created_at", "updated_at"])
            .collect();
        format!("INSERT INTO {} ({})", self.name, columns.join(", "))
    }

    /// See [`Table::update_sql`].
    fn update(&self) -> String {
        let now = self.written().count() + 2;
        let set: Vec<String> = self
            .written()
            .enumerate()
            .map(|(at, column)| format!("{column} = {}", assigned(column, at + 2)))
            .chain([format!("updated_at = ?{now}")])
            .collect();
        format!("UPDATE {} SET {} WHERE id = ?1", self.name, set.join(", "))
    }
}

/// The parameters ?1 to ?`count`, as `VALUES` lists them.
fn slots(count: usize) -> String {
    let slots: Vec<String> = (1..=count).map(|n| format!("?{n}")).collect();
    slots.join(", ")
}

/// The SQL condition that `name_key` is the key `?1`, or a key of its own made from it (a name
/// an upgrade kept apart, see `migrate::duplicate_key`): how a named table is searched by name.
pub(crate) const MATCHES_KEY: &str =
    "(name_key = ?1 OR substr(name_key, 1, length(?1) + 1) = ?1 || char(31))";

/// What an edit writes into `column` from the parameter `slot`: its value, but for a name's key,
/// which stays as it is when it is that key or a key of its own made from it (a name an upgrade
/// kept apart, see `migrate::duplicate_key`), so that editing such a row keeps it findable.
fn assigned(column: &str, slot: usize) -> String {
    if column == "name_key" {
        let matches = MATCHES_KEY.replace("?1", &format!("?{slot}"));
        format!("CASE WHEN {matches} THEN name_key ELSE ?{slot} END")
    } else {
        format!("?{slot}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Table; 6] = [NETWORKS, FEE_CHANGES, CONTACTS, MEETINGS, REFERRALS, NOTES];

    #[test]
    fn every_described_column_is_one_of_the_schema() {
        let journal = crate::db::Journal::open_empty().unwrap();
        let conn = journal.conn();
        for table in ALL {
            let written = table.columns().count() + table.derived().count();
            let insert = conn.prepare(&table.insert_sql()).unwrap();
            assert_eq!(insert.parameter_count(), written + 3, "{}", table.name);
            // The uuid or id, the columns, the moment: one list for adding and editing.
            for sql in [table.add_sql(), table.update_sql()] {
                let statement = conn.prepare(sql).unwrap();
                assert_eq!(statement.parameter_count(), written + 2, "{sql}");
            }
            let all = table.columns().count();
            conn.prepare(&table.select_sql(all)).unwrap();
            assert_eq!(conn.prepare(table.load_sql()).unwrap().column_count(), all);
            let row = format!("SELECT {} FROM {}", table.row_columns(), table.name);
            assert_eq!(conn.prepare(&row).unwrap().column_count(), all + 2);
            let export = format!("SELECT {} {}", table.export_columns(), table.export_from());
            let statement = conn.prepare(&export).unwrap();
            assert_eq!(statement.column_count(), all + 3, "{export}");
            for column in table.columns() {
                if let Some(target) = Target::of(column) {
                    assert_eq!(
                        &column[..column.len() - 3],
                        &target.table()[..column.len() - 3]
                    );
                }
            }
        }
        assert!(NETWORKS.named() && CONTACTS.named() && !MEETINGS.named());
    }

    #[test]
    fn a_command_stamps_a_row_created_and_updated_at_one_moment() {
        assert_eq!(
            MEETINGS.add_sql(),
            "INSERT INTO meetings (uuid, date, network_id, format, minutes, travel_minutes, \
             cost_cents, rating, notes, start_time, in_person, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)"
        );
        assert_eq!(
            REFERRALS.update_sql(),
            "UPDATE referrals SET direction = ?2, date = ?3, network_id = ?4, contact_id = ?5, \
             description = ?6, status = ?7, value_cents = ?8, updated_at = ?9 WHERE id = ?1"
        );
    }

    #[test]
    fn an_edit_keeps_a_name_key_of_its_own() {
        let update = CONTACTS.update_sql();
        assert!(
            update.contains(
                "name_key = CASE WHEN (name_key = ?10 OR substr(name_key, 1, length(?10) + 1) \
                 = ?10 || char(31)) THEN name_key ELSE ?10 END"
            ),
            "{update}"
        );
        assert!(
            update.ends_with("updated_at = ?11 WHERE id = ?1"),
            "{update}"
        );
    }

    #[test]
    fn an_export_joins_a_required_reference_alone_inner() {
        assert_eq!(
            FEE_CHANGES.export_from(),
            "FROM fee_changes t JOIN networks n ON n.id = t.network_id"
        );
        assert_eq!(
            NOTES.export_from(),
            "FROM notes t LEFT JOIN networks n ON n.id = t.network_id \
             LEFT JOIN meetings m ON m.id = t.meeting_id \
             LEFT JOIN contacts c ON c.id = t.contact_id"
        );
    }
}
