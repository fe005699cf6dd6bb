//! Shared output helpers: tables, the list formats, money shown in the user's language, and
//! colour — only on a terminal, never with `NO_COLOR` or `--color never` (see `cli`).

pub mod markdown;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};

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

/// A table in the house style; [`fit`] it to the reader's width once its rows are in. With
/// `color`, its coloured cells are coloured even when piped (`--color always`).
pub fn table<S: AsRef<str>>(header: &[S], color: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.iter().map(AsRef::as_ref));
    if color {
        table.enforce_styling();
    }
    table
}

/// The longest run of text a table keeps on one line, in characters: a longer word (a URL) may
/// still be cut, rather than push the table far past the terminal's edge.
const LONGEST_UNBROKEN: usize = 30;

/// Fits a filled `table` to `width` columns (the terminal's, or `COLUMNS`): cells wrap between
/// words, never inside one, and a figure (a date, an amount, `5 (3 / 2)`) is never wrapped at
/// all. When the words alone cannot fit (nine columns on 60), the table runs past the edge
/// rather than cut them: a word cut in two reads as two wrong words. Without a width (output
/// piped, no `COLUMNS`) the table keeps its natural width, so that a script reading it meets
/// one line per row.
pub fn fit(table: &mut Table, width: Option<u16>) {
    let Some(width) = width else {
        table.set_content_arrangement(ContentArrangement::Disabled);
        return;
    };
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    let least = least_widths(table);
    for (column, least) in table.column_iter_mut().zip(least) {
        // comfy-table counts a column's padding in its lower boundary.
        let least = u16::try_from(least).unwrap_or(u16::MAX) + column.padding_width();
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
    }
}

/// Whether a line of a cell is one figure, never wrapped: without a letter (`2026-05-19`,
/// `18,50 €`, `5 (3 / 2)`), or a date in words (`13 janvier 2026`, `1er juillet 2024`).
fn is_figure(line: &str) -> bool {
    let digits = |word: &str| word.starts_with(|c: char| c.is_ascii_digit());
    let words: Vec<&str> = line.split(' ').collect();
    let letters = line.chars().any(char::is_alphabetic);
    line.chars().count() <= 20
        && line.chars().any(|c| c.is_ascii_digit())
        && (!letters || (words.len() == 3 && digits(words[0]) && digits(words[2])))
}

/// A filled table as the reader's screen shows it: [`fit`] to `width`; or, when its words
/// cannot fit even so, one block per row — each column's header and value on a line of its
/// own, as `psql \x` does — so that nothing runs past the edge nor is cut.
pub fn render(table: &mut Table, width: Option<u16>) -> String {
    fit(table, width);
    match width {
        Some(width) if !fits(table, width) => blocks(table, usize::from(width)),
        _ => table.to_string(),
    }
}

/// [`render`]'s blocks: `#1` (the first column, when it is the `#` one), then `  Header  value`
/// for each value given; long values wrap under themselves.
fn blocks(table: &Table, width: usize) -> String {
    let header: Vec<String> = table
        .header()
        .map(|row| {
            row.cell_iter()
                .map(|cell| cell.content().replace('\n', " "))
                .collect()
        })
        .unwrap_or_default();
    let label = header.iter().map(|h| h.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, row) in table.row_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let cells: Vec<String> = row.cell_iter().map(Cell::content).collect();
        let numbered = header.first().is_some_and(|h| h == "#" || h == "n°");
        let mut fields = cells.iter().zip(&header);
        if numbered && let Some((number, head)) = fields.next() {
            out.push_str(&format!("{head}{number}\n"));
        }
        for (value, head) in fields {
            if value.is_empty() {
                continue;
            }
            let first = format!("  {head:label$}  ");
            let indent = " ".repeat(label + 4);
            let room = width.saturating_sub(label + 4).max(20);
            for (n, line) in wrap_words(&value.replace('\n', " "), room)
                .iter()
                .enumerate()
            {
                out.push_str(if n == 0 { &first } else { &indent });
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.trim_end().to_string()
}

/// `text` in lines of at most `width` characters, broken between words only (a longer word has
/// a line of its own).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Whether `table` fits in `width` columns without cutting a word or a figure (see [`fit`]).
pub fn fits(table: &Table, width: u16) -> bool {
    let least: usize = least_widths(table).iter().sum();
    let padding: usize = table
        .column_iter()
        .map(|column| usize::from(column.padding_width()))
        .sum();
    let borders = table.column_iter().count() + 1;
    least + padding + borders <= usize::from(width)
}

/// The least width of each column of `table`: its longest word or figure (see [`unbroken`]).
fn least_widths(table: &Table) -> Vec<usize> {
    let columns = table.column_iter().count();
    let mut least = vec![0; columns];
    // A header is words: `(1× / 2× / 3+×)` may wrap, a figure in a row may not.
    if let Some(header) = table.header() {
        for (i, cell) in header.cell_iter().enumerate().take(columns) {
            let words = cell
                .content()
                .split_whitespace()
                .map(|w| w.chars().count())
                .max();
            least[i] = least[i].max(words.unwrap_or(0).min(LONGEST_UNBROKEN));
        }
    }
    for row in table.row_iter() {
        for (i, cell) in row.cell_iter().enumerate().take(columns) {
            least[i] = least[i].max(unbroken(&cell.content()).min(LONGEST_UNBROKEN));
        }
    }
    least
}

/// The width of the longest piece of `text` that must stay on one line: a word, or a figure —
/// a whole short line that holds a digit (`2026-05-19`, `18,50 €`, `13 janvier 2026`,
/// `5 (3 / 2)`) or, in a longer line, a run of words without a letter (`3 200,00 €`).
fn unbroken(text: &str) -> usize {
    let mut longest = 0;
    for line in text.lines() {
        if is_figure(line) {
            longest = longest.max(line.chars().count());
            continue;
        }
        let mut run = 0;
        let mut after_figure = false;
        for word in line.split(' ') {
            let figure = !word.is_empty() && !word.chars().any(char::is_alphabetic);
            let length = word.chars().count();
            run = if figure && after_figure {
                run + 1 + length
            } else {
                length
            };
            after_figure = figure;
            longest = longest.max(run);
        }
    }
    longest
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
    /// The width tables are fitted to (see [`fit`]).
    pub width: Option<u16>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_stay_whole_and_words_are_the_least_a_column_holds() {
        assert_eq!(unbroken("2026-05-19"), 10);
        assert_eq!(unbroken("1 234,50 €"), 10);
        assert_eq!(unbroken("13 janvier 2026"), 15);
        assert_eq!(unbroken("€600.00 / year"), 9);
        assert_eq!(unbroken("Meetings\n(in person / remote)"), 8);
        assert_eq!(unbroken("Lève-tôt Montpellier"), 11);
        assert_eq!(
            unbroken("a long sentence that quotes 3 200,00 € somewhere"),
            10
        );
    }

    #[test]
    fn a_fitted_table_never_cuts_a_word_or_a_figure() {
        let mut t = table(&["Date", "Network", "Cost"], false);
        t.add_row(["2026-05-19", "Les Matinales du Lève-tôt", "18,50 €"]);
        t.add_row(["2026-05-20", "BNI", "1 234,00 €"]);
        fit(&mut t, Some(40));
        let text = t.to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        for whole in ["2026-05-19", "Lève-tôt", "18,50 €", "1 234,00 €"] {
            assert!(text.contains(whole), "{whole} cut in\n{text}");
        }
        // Too narrow for whole words: one block per row, nothing cut, nothing past the edge.
        let text = render(&mut t, Some(30));
        assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
        assert_eq!(
            text,
            "  Date     2026-05-19\n  Network  Les Matinales du\n           Lève-tôt\n  Cost     18,50 €\n\n  \
             Date     2026-05-20\n  Network  BNI\n  Cost     1 234,00 €"
        );
    }
}
