//! The tables a journal carries from one device to another (`export`, `import`), each described
//! once: its columns, in the order a record of the export lists its values, which of them refer
//! to another table, and the statements built from that.
//!
//! Every such table has an integer `id`, a stable `uuid` and the `created_at`/`updated_at`
//! stamps besides the columns described here. A column whose name ends in `_id` refers to a
//! row of another table (`network_id`: a network), which an export names by its uuid.

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
}

/// One table, as export and import see it.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// The columns that make a row's content, compared between two journals, separated by
    /// spaces (`*_id` refer to another table).
    columns: &'static str,
    /// Columns stored beside them and derived from them: a name's key (by which names are
    /// unique), whether a meeting was in person.
    derived: &'static str,
}

pub const NETWORKS: Table = Table::new(
    "networks",
    "name kind joined_on left_on exit_reason invited_by fee_cents fee_period rules notes",
    "name_key",
);

pub const FEE_CHANGES: Table =
    Table::new("fee_changes", "network_id from_on fee_cents fee_period", "");

pub const CONTACTS: Table = Table::new(
    "contacts",
    "name profession company email linkedin network_id notes added_on",
    "name_key",
);

/// A meeting's start time comes last: a file of export format 2 or older has none.
pub const MEETINGS: Table = Table::new(
    "meetings",
    "date network_id format minutes travel_minutes cost_cents rating notes start_time",
    "in_person",
);

pub const REFERRALS: Table = Table::new(
    "referrals",
    "direction date network_id contact_id description status value_cents",
    "",
);

/// A concern's severity and resolution come last: a file of export format 1 has neither.
pub const NOTES: Table = Table::new(
    "notes",
    "date body concern network_id meeting_id contact_id severity resolved_on",
    "",
);

impl Table {
    const fn new(name: &'static str, columns: &'static str, derived: &'static str) -> Table {
        Table {
            name,
            columns,
            derived,
        }
    }

    /// The content columns, in order.
    pub fn columns(&self) -> impl Iterator<Item = &'static str> {
        self.columns.split_whitespace()
    }

    /// Whether rows have a name, unique by its key (`name_key`).
    pub fn named(&self) -> bool {
        self.derived
            .split_whitespace()
            .any(|column| column == "name_key")
    }

    /// Adds a row: the uuid, the content columns, the derived ones, then the two stamps.
    pub fn insert_sql(&self) -> String {
        let columns: Vec<&str> = std::iter::once("uuid")
            .chain(self.columns())
            .chain(self.derived.split_whitespace())
            .chain(["created_at", "updated_at"])
            .collect();
        let slots: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.name,
            columns.join(", "),
            slots.join(", ")
        )
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_described_column_is_one_of_the_schema() {
        let journal = crate::db::Journal::open_empty().unwrap();
        let conn = journal.conn();
        for table in [NETWORKS, FEE_CHANGES, CONTACTS, MEETINGS, REFERRALS, NOTES] {
            conn.prepare(&table.insert_sql()).unwrap();
            let all = table.columns().count();
            conn.prepare(&table.select_sql(all)).unwrap();
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
}
