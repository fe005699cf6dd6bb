//! Shared output helpers: tables, the list formats, and money shown in the user's language.

use comfy_table::{ContentArrangement, Table, presets};

use crate::domain::Money;
use crate::i18n::Lang;

/// How a list is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// A table for people
    #[default]
    Table,
    /// A JSON array of objects, for scripts
    Json,
    /// CSV with a header line, for spreadsheets
    Csv,
}

/// A table in the house style, fitted to the terminal when there is one.
pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().copied());
    table
}

/// How amounts are written for this journal and reader.
#[derive(Debug, Clone)]
pub struct MoneyFormat {
    pub currency: String,
    pub lang: Lang,
}

impl MoneyFormat {
    pub fn cents(&self, cents: i64) -> String {
        Money::from_cents(cents).format(&self.currency, self.lang)
    }

    /// An optional amount: empty when there is none.
    pub fn opt(&self, cents: Option<i64>) -> String {
        cents.map(|c| self.cents(c)).unwrap_or_default()
    }
}

/// An optional value as a table cell.
pub fn cell<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}
