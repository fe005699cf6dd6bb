//! `list networks|meetings|contacts|referrals|notes [--network N] [--since D] [--until D]
//! [--format table|json|csv]`.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::fee::FeeStep;
use crate::db::network::{Network, Status};
use crate::db::{self, Access, Filter};
use crate::domain::{Name, ReferralStatus, Severity};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use chrono::NaiveDate;
use comfy_table::Cell;

use crate::domain::text::printable;
use crate::output::{self, CellFormat, ListFormat, Tone, cell, text_cell};

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    #[value(alias = "network")]
    Networks,
    #[value(alias = "meeting")]
    Meetings,
    #[value(alias = "contact")]
    Contacts,
    #[value(alias = "referral")]
    Referrals,
    #[value(alias = "note")]
    Notes,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal list meetings --network \"BNI Montpellier\" --since 2024-01
  netjournal list networks --format json
  netjournal list referrals --format csv > referrals.csv")]
pub struct Args {
    /// What to list
    #[arg(value_enum, ignore_case = true)]
    pub what: What,
    /// Only what concerns this network
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    #[command(flatten)]
    pub period: super::PeriodArgs,
    /// How to print the list
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ListFormat,
    /// With `--format csv`: write text cells as they are, even those a spreadsheet would run as
    /// a formula (starting with =, +, -, @, a tab or a carriage return), which are otherwise
    /// written after a `'`
    #[arg(long)]
    pub raw: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let (since, until) = args.period.resolve(ctx.today())?;
    let journal = ctx.open(Access::ReadOnly)?;
    let conn = journal.conn();
    let network_id = args
        .network
        .as_ref()
        .map(|n| resolve_network(conn, n))
        .transpose()?;
    let filter = Filter {
        network_id: network_id.map(|n| n.id),
        since,
        until,
        latest: None,
    };
    let money = CellFormat {
        currency: db::settings::currency(conn)?,
        lang: ctx.lang,
        color: ctx.color,
        width: ctx.width,
    };
    let how = (args.format, args.raw);
    match args.what {
        What::Networks => {
            let networks =
                ListedNetwork::all(conn, db::network::list(conn, &filter)?, ctx.today())?;
            print(&networks, how, &money)
        }
        What::Meetings => print(&db::meeting::list(conn, &filter)?, how, &money),
        What::Contacts => print(&db::contact::list(conn, &filter)?, how, &money),
        What::Referrals => print(&db::referral::list(conn, &filter)?, how, &money),
        What::Notes => print(&db::note::list(conn, &filter)?, how, &money),
    }
}

/// A network as listed (and shown): its row, with the fee in force today — or on the day it was
/// left — as `fee_cents` and `fee_period`, and the fee's history in `fees`, the fee joined at
/// first (`from_on` its joining date), then each change. It reads as the [`Network`] it holds.
#[derive(Debug, Clone, Serialize)]
pub struct ListedNetwork {
    #[serde(flatten)]
    pub network: Network,
    pub fees: Vec<FeeStep>,
}

impl std::ops::Deref for ListedNetwork {
    type Target = Network;

    fn deref(&self) -> &Network {
        &self.network
    }
}

impl ListedNetwork {
    /// `network` with its fee's `steps`, as of `today`.
    pub fn new(mut network: Network, steps: Vec<FeeStep>, today: NaiveDate) -> ListedNetwork {
        let day = network.left_on.map_or(today, |left| left.min(today));
        let current = db::fee::in_force(&steps, day);
        network.fee_cents = current.map(|step| step.fee_cents);
        network.fee_period = current.map(|step| step.fee_period);
        ListedNetwork {
            network,
            fees: steps,
        }
    }

    /// The `networks` with their fees, as of `today`.
    pub fn all(
        conn: &rusqlite::Connection,
        networks: Vec<Network>,
        today: NaiveDate,
    ) -> Result<Vec<ListedNetwork>, CliError> {
        let mut schedule = db::fee::schedule(conn)?;
        Ok(networks
            .into_iter()
            .map(|network| {
                let steps = schedule.remove(&network.id).unwrap_or_default();
                ListedNetwork::new(network, steps, today)
            })
            .collect())
    }
}

/// A row type that can be listed as a table, as JSON or as CSV.
pub trait Listed: Serialize {
    /// The CSV columns: the JSON keys, in order.
    const FIELDS: &'static [&'static str];
    /// The table's header (in `messages`, said in the reader's language) and one row.
    const HEADER: &'static [Msg];
    fn cells(&self, format: &CellFormat) -> Vec<Cell>;

    /// A field written otherwise in CSV than from its JSON value (a list of objects).
    fn csv_field(&self, _field: &str) -> Option<String> {
        None
    }
}

/// The table's header in `lang`.
pub fn header<T: Listed>(lang: Lang) -> Vec<String> {
    T::HEADER
        .iter()
        .map(|column| lang.say(*column, &[]))
        .collect()
}

fn print<T: Listed>(
    rows: &[T],
    (format, raw): (ListFormat, bool),
    money: &CellFormat,
) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match format {
        ListFormat::Table => {
            if rows.is_empty() {
                writeln!(out, "{}", money.lang.say(Msg::NothingToList, &[]))?;
            } else {
                let mut table = output::table(&header::<T>(money.lang), money.color);
                for row in rows {
                    table.add_row(row.cells(money));
                }
                writeln!(out, "{}", output::render(&mut table, money.width))?;
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, rows)?;
            writeln!(out)?;
        }
        ListFormat::Csv => {
            let defused = write_csv(&mut out, rows, raw)?;
            out.flush()?;
            say_defused(money.lang, defused);
        }
    }
    out.flush()?;
    Ok(())
}

/// CSV with the JSON keys as header; lists (the contacts of a meeting) joined with `; `, unless
/// the row says a field otherwise (see [`Listed::csv_field`]). Unless `raw`, a text cell that a
/// spreadsheet would run as a formula is written after a `'` (see [`defuse`]); returns how many
/// were.
pub fn write_csv<T: Listed>(out: impl Write, rows: &[T], raw: bool) -> Result<u64, CliError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(T::FIELDS)?;
    let mut defused = 0;
    for row in rows {
        let value = serde_json::to_value(row)?;
        let record = T::FIELDS.iter().map(|field| {
            let text = match &value[*field] {
                // Written by the program (a fee's history): never a formula.
                _ if let Some(said) = row.csv_field(field) => return said,
                serde_json::Value::Null => return String::new(),
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|item| {
                        item.as_str()
                            .map_or_else(|| item.to_string(), str::to_string)
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                // Numbers and booleans: never a formula (and an amount is never negative).
                other => return other.to_string(),
            };
            match defuse(&text) {
                Some(safe) if !raw => {
                    defused += 1;
                    safe
                }
                _ => text,
            }
        });
        writer.write_record(record.collect::<Vec<_>>())?;
    }
    writer.flush()?;
    Ok(defused)
}

/// A text cell that a spreadsheet would take for a formula — starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (OWASP's list: `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, `@SUM(…)`)
/// — written after a `'`, which makes the spreadsheet show it as text; `None` for any other
/// cell. Only text goes through it: the program writes numbers, dates and uuids, which never
/// start so, as they are.
pub fn defuse(text: &str) -> Option<String> {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        .then(|| format!("'{text}"))
}

/// Says on the standard error, when some cells were written after a `'`, that they were and
/// how to have them as they are.
pub fn say_defused(lang: Lang, defused: u64) {
    if defused > 0 {
        eprintln!("{}", lang.count(Msg::CsvDefused, defused as i64, &[]));
    }
}

fn date(day: &chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

impl Listed for ListedNetwork {
    /// The fee's steps as `from_on fee_cents fee_period`, joined with `; `: `2024-01-10 60000
    /// year; 2025-01-10 72000 year` (no date for a network with no joining date).
    fn csv_field(&self, field: &str) -> Option<String> {
        (field == "fees").then(|| {
            self.fees
                .iter()
                .map(|step| {
                    let from = Some(step.from_on)
                        .filter(|day| *day != NaiveDate::MIN)
                        .map(|day| date(&day))
                        .unwrap_or_default();
                    format!("{from} {} {}", step.fee_cents, step.fee_period)
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "name",
        "kind",
        "status",
        "joined_on",
        "left_on",
        "exit_reason",
        "invited_by",
        "fee_cents",
        "fee_period",
        "rules",
        "notes",
        "fees",
    ];
    const HEADER: &'static [Msg] = &[
        Msg::ColNumber,
        Msg::ColNetwork,
        Msg::ColKind,
        Msg::ColStatus,
        Msg::ColJoined,
        Msg::ColLeft,
        Msg::ColFee,
        Msg::ColExitReason,
    ];

    fn cells(&self, money: &CellFormat) -> Vec<Cell> {
        let lang = money.lang;
        let fee = match self.fee_cents.zip(self.fee_period) {
            Some((cents, period)) => format!("{} / {}", money.cents(cents), period.label(lang)),
            None => String::new(),
        };
        let tone = match self.status {
            Status::Active => Tone::Good,
            Status::Left => Tone::Muted,
        };
        vec![
            Cell::new(self.id),
            text_cell(&self.name),
            Cell::new(self.kind.label(lang)),
            money.toned(self.status.label(lang), tone),
            Cell::new(self.joined_on.as_ref().map(date).unwrap_or_default()),
            Cell::new(self.left_on.as_ref().map(date).unwrap_or_default()),
            Cell::new(fee),
            Cell::new(cell(&self.exit_reason)),
        ]
    }
}

impl Listed for db::meeting::Meeting {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "date",
        "start_time",
        "network",
        "format",
        "in_person",
        "minutes",
        "travel_minutes",
        "cost_cents",
        "rating",
        "notes",
        "contacts",
    ];
    const HEADER: &'static [Msg] = &[
        Msg::ColNumber,
        Msg::ColDate,
        Msg::ColNetwork,
        Msg::ColFormat,
        Msg::ColMinutes,
        Msg::ColTravel,
        Msg::ColCost,
        Msg::ColRating,
        Msg::ColMet,
    ];

    fn cells(&self, money: &CellFormat) -> Vec<Cell> {
        [
            self.id.to_string(),
            // The start time, when said, beside the day: `2024-02-06 07:30`.
            match self.start_time {
                Some(time) => format!("{} {time}", date(&self.date)),
                None => date(&self.date),
            },
            cell(&self.network),
            self.format.label(money.lang).to_string(),
            cell(&self.minutes),
            cell(&self.travel_minutes),
            money.opt(self.cost_cents),
            cell(&self.rating),
            printable(&self.contacts.join(", ")).into_owned(),
        ]
        .into_iter()
        .map(Cell::new)
        .collect()
    }
}

impl Listed for db::contact::Contact {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "name",
        "profession",
        "company",
        "email",
        "linkedin",
        "network",
        "notes",
        "added_on",
        "meetings",
    ];
    const HEADER: &'static [Msg] = &[
        Msg::ColNumber,
        Msg::ColName,
        Msg::ColProfession,
        Msg::ColCompany,
        Msg::ColNetwork,
        Msg::ColMeetingsShared,
        Msg::ColEmail,
    ];

    fn cells(&self, _format: &CellFormat) -> Vec<Cell> {
        [
            self.id.to_string(),
            printable(&self.name).into_owned(),
            cell(&self.profession),
            cell(&self.company),
            cell(&self.network),
            self.meetings.to_string(),
            cell(&self.email),
        ]
        .into_iter()
        .map(Cell::new)
        .collect()
    }
}

impl Listed for db::referral::Referral {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "direction",
        "date",
        "network",
        "contact",
        "description",
        "status",
        "value_cents",
    ];
    const HEADER: &'static [Msg] = &[
        Msg::ColNumber,
        Msg::ColDate,
        Msg::ColDirection,
        Msg::ColNetwork,
        Msg::ColContact,
        Msg::ColStatus,
        Msg::ColValue,
        Msg::ColDescription,
    ];

    fn cells(&self, money: &CellFormat) -> Vec<Cell> {
        let tone = match self.status {
            ReferralStatus::Won => Tone::Good,
            ReferralStatus::Open => Tone::Warn,
            ReferralStatus::Lost => Tone::Bad,
        };
        vec![
            Cell::new(self.id),
            Cell::new(date(&self.date)),
            Cell::new(self.direction.label(money.lang)),
            Cell::new(cell(&self.network)),
            Cell::new(cell(&self.contact)),
            money.toned(self.status.label(money.lang), tone),
            Cell::new(money.opt(self.value_cents)),
            Cell::new(cell(&self.description)),
        ]
    }
}

impl Listed for db::note::Note {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "date",
        "text",
        "concern",
        "severity",
        "resolved_on",
        "network",
        "meeting_id",
        "contact",
    ];
    const HEADER: &'static [Msg] = &[
        Msg::ColNumber,
        Msg::ColDate,
        Msg::ColConcern,
        Msg::ColOn,
        Msg::ColNote,
    ];

    fn cells(&self, money: &CellFormat) -> Vec<Cell> {
        let lang = money.lang;
        let on = match (&self.network, self.meeting_id, &self.contact) {
            (_, Some(meeting), _) => lang.say(Msg::CellOnMeeting, &[("id", &meeting.to_string())]),
            (Some(network), _, _) => network.clone(),
            (_, _, Some(contact)) => contact.clone(),
            _ => String::new(),
        };
        // A concern that stands is red when serious, yellow when minor; a resolved one is over.
        let concern = match self.severity {
            Some(severity) => {
                let tone = match (severity, self.resolved_on) {
                    (_, Some(_)) => Tone::Muted,
                    (Severity::Serious, None) => Tone::Bad,
                    (Severity::Minor, None) => Tone::Warn,
                };
                money.toned(output::concern_cell(severity, self.resolved_on, lang), tone)
            }
            None => Cell::new(""),
        };
        vec![
            Cell::new(self.id),
            Cell::new(date(&self.date)),
            concern,
            text_cell(&on),
            text_cell(&self.text),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn cells_a_spreadsheet_would_run_are_defused() {
        for (text, expected) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                Some("'=HYPERLINK(\"http://x\",\"y\")"),
            ),
            ("=cmd|' /C calc'!A0", Some("'=cmd|' /C calc'!A0")),
            ("+33 6 12 34 56 78", Some("'+33 6 12 34 56 78")),
            ("-2+3", Some("'-2+3")),
            ("@SUM(A1:A9)", Some("'@SUM(A1:A9)")),
            ("\t=1", Some("'\t=1")),
            ("\r=1", Some("'\r=1")),
            ("BNI Montpellier", None),
            ("2024-06-15", None),
            ("a = b", None),
            ("", None),
        ] {
            assert_eq!(defuse(text).as_deref(), expected, "{text:?}");
        }
    }
}
