//! Shared output helpers: tables, the list formats, money shown in the user's language, and
//! colour — only on a terminal, never with `NO_COLOR` or `--color never` (see `cli`).

pub mod markdown;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use crate::domain::text::printable;
use crate::domain::{FeePeriod, Money};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;

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

/// A table in the house style, fitted to the terminal when there is one. With `color`, its
/// coloured cells are coloured even when piped (`--color always`).
pub fn table<S: AsRef<str>>(header: &[S], color: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(AsRef::as_ref));
    if color {
        table.enforce_styling();
    }
    table
}

/// What a coloured word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Stay, active, won.
    Good,
    /// Watch, open.
    Warn,
    /// Leave, lost, a concern.
    Bad,
    /// Left: over.
    Muted,
}

impl Tone {
    /// The colour of a table cell in this tone.
    pub fn table_color(self) -> Color {
        match self {
            Tone::Good => Color::Green,
            Tone::Warn => Color::Yellow,
            Tone::Bad => Color::Red,
            Tone::Muted => Color::DarkGrey,
        }
    }

    fn style(self) -> Style {
        let color = match self {
            Tone::Good => AnsiColor::Green,
            Tone::Warn => AnsiColor::Yellow,
            Tone::Bad => AnsiColor::Red,
            Tone::Muted => AnsiColor::BrightBlack,
        };
        Style::new().fg_color(Some(color.into())).bold()
    }
}

/// `text` in `tone` when `color` is on, plain otherwise: for lines outside tables.
pub fn paint(text: &str, tone: Tone, color: bool) -> String {
    if color {
        let style = tone.style();
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// How cells are written for this journal and reader: money in the journal's currency and
/// the reader's language, and colour when it is on.
#[derive(Debug, Clone)]
pub struct CellFormat {
    pub currency: String,
    pub lang: Lang,
    pub color: bool,
}

impl CellFormat {
    /// A table cell, coloured in `tone` when colour is on.
    pub fn toned(&self, text: impl Into<String>, tone: Tone) -> Cell {
        let cell = Cell::new(text.into());
        if self.color {
            cell.fg(tone.table_color())
        } else {
            cell
        }
    }

    pub fn cents(&self, cents: i64) -> String {
        Money::from_cents(cents).format(&self.currency, self.lang)
    }

    /// An optional amount: empty when there is none.
    pub fn opt(&self, cents: Option<i64>) -> String {
        cents.map(|c| self.cents(c)).unwrap_or_default()
    }
}

/// An optional value as a table cell, shown without its control characters acting (see
/// [`printable`]).
pub fn cell<T: ToString>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map(|value| printable(&value.to_string()).into_owned())
        .unwrap_or_default()
}

/// Stored text as a table cell, shown without its control characters acting (see
/// [`printable`]).
pub fn text_cell(text: &str) -> Cell {
    Cell::new(printable(text))
}

/// A fee in words: `€600.00 per year`, `600,00 € par an`, `€50.00 once`.
pub fn fee(cents: i64, period: FeePeriod, currency: &str, lang: Lang) -> String {
    let amount = Money::from_cents(cents).format(currency, lang);
    match period {
        FeePeriod::Once => lang.say(Msg::FeeOnce, &[("amount", &amount)]),
        period => lang.say(
            Msg::FeePer,
            &[("amount", &amount), ("period", period.label(lang))],
        ),
    }
}

/// Writes a line on the standard output. A reader that has gone (`netjournal … | true`) ends the
/// command quietly with the rest of its output unwritten (see `cli::main_with`), where
/// `println!` would panic.
///
/// The line often quotes stored text (a name, a note, a reason), which may have come from an
/// import or a calendar: its control characters are shown, not obeyed (see [`printable`]). So
/// the line itself must not carry colour: colour a table cell or use [`paint`] elsewhere.
pub fn line(text: std::fmt::Arguments<'_>) -> Result<(), CliError> {
    use std::io::Write;
    let text = text.to_string();
    writeln!(std::io::stdout().lock(), "{}", printable(&text))?;
    Ok(())
}

/// `println!` for commands: [`line`] with `format!`'s arguments.
macro_rules! say_line {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}
pub(crate) use say_line;
