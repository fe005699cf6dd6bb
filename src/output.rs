//! Shared output helpers: tables, the list formats, money shown in the user's language, and
//! colour — only on a terminal, never with `NO_COLOR` or `--color never` (see `cli`).

pub mod markdown;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

use chrono::NaiveDate;

use crate::domain::fee::FeeStep;
use crate::domain::text::printable;
use crate::domain::{FeePeriod, Money, Severity};
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

/// A concern in words, for a picker or a question: `serious concern`, `minor concern, resolved
/// on 2024-05-02`; in French `alerte grave`, `alerte mineure, résolue le 2024-05-02`.
pub fn concern(severity: Severity, resolved_on: Option<NaiveDate>, lang: Lang) -> String {
    let words = lang.say(Msg::ConcernWords, &[("severity", severity.label(lang))]);
    match resolved_on {
        Some(day) => format!("{words}{}", resolved(day, lang)),
        None => words,
    }
}

/// A concern's severity and resolution for a `Concern` column: `serious`, `minor, resolved on
/// 2024-05-02` (`grave`, `mineure, résolue le 2024-05-02`).
pub fn concern_cell(severity: Severity, resolved_on: Option<NaiveDate>, lang: Lang) -> String {
    let words = severity.label(lang).to_string();
    match resolved_on {
        Some(day) => format!("{words}{}", resolved(day, lang)),
        None => words,
    }
}

/// `, resolved on 2024-05-02`, `, résolue le 2024-05-02`.
fn resolved(day: NaiveDate, lang: Lang) -> String {
    let day = day.format("%Y-%m-%d").to_string();
    lang.say(Msg::ResolvedOnSuffix, &[("date", &day)])
}

/// A fee as a step of a history shows it: [`fee`], or `free` for nothing.
fn fee_or_free(step: &FeeStep, currency: &str, lang: Lang) -> String {
    if step.fee_cents == 0 {
        lang.say(Msg::FeeFree, &[])
    } else {
        fee(step.fee_cents, step.fee_period, currency, lang)
    }
}

/// A fee's history, the latest first, for `show network`: `€200.00 per year from 13 January
/// 2027; €150.00 per year before` (`200,00 € par an à partir du 13 janvier 2027 ; 150,00 € par
/// an auparavant`). One step alone is the fee.
pub fn fee_history(steps: &[FeeStep], currency: &str, lang: Lang) -> String {
    let Some((first, later)) = steps.split_first() else {
        return String::new();
    };
    if later.is_empty() {
        return fee(first.fee_cents, first.fee_period, currency, lang);
    }
    let mut parts: Vec<String> = later
        .iter()
        .rev()
        .map(|step| {
            lang.say(
                Msg::FeeFrom,
                &[
                    ("fee", &fee_or_free(step, currency, lang)),
                    ("date", &lang.date(step.from_on)),
                ],
            )
        })
        .collect();
    parts.push(lang.say(
        Msg::FeeBefore,
        &[("fee", &fee_or_free(first, currency, lang))],
    ));
    parts.join(lang.say(Msg::FeeStepsJoin, &[]).as_str())
}

/// A fee's history in order, on one line, for an edit's confirmation: `€15.00 per month, then
/// €20.00 per month from 2024-07-02`.
pub fn fee_steps(steps: &[FeeStep], currency: &str, lang: Lang) -> String {
    let Some((first, later)) = steps.split_first() else {
        return String::new();
    };
    let mut said = fee_or_free(first, currency, lang);
    for step in later {
        let day = step.from_on.format("%Y-%m-%d").to_string();
        said = lang.say(
            Msg::FeeThen,
            &[
                ("before", &said),
                ("fee", &fee_or_free(step, currency, lang)),
                ("date", &day),
            ],
        );
    }
    said
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
