//! `list networks|meetings|contacts|referrals|notes [--network N] [--since D] [--until D]
//! [--format table|json|csv]`.

use std::io::{self, Write};

use serde::Serialize;

use crate::context::{Context, resolve_network};
use crate::db::{self, Access, Filter};
use crate::domain::{DateArg, Name};
use crate::error::CliError;
use crate::output::{self, ListFormat, MoneyFormat, cell};

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
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// Only from this date on (a month starts on its first day)
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    /// Only up to this date (a month ends on its last day)
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
    /// How to print the list
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ListFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let since = args.since.map(|date| date.resolve(ctx.today()));
    let until = args.until.map(|date| date.resolve_end(ctx.today()));
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        return Err(CliError::bad_input(format!(
            "--since {} is after --until {}: expected a period that runs forward",
            since.format("%Y-%m-%d"),
            until.format("%Y-%m-%d")
        )));
    }
    let journal = ctx.open(Access::Read)?;
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
    };
    let money = MoneyFormat {
        currency: db::settings::currency(conn)?,
        lang: ctx.lang,
    };
    match args.what {
        What::Networks => print(&db::network::list(conn, &filter)?, args.format, &money),
        What::Meetings => print(&db::meeting::list(conn, &filter)?, args.format, &money),
        What::Contacts => print(&db::contact::list(conn, &filter)?, args.format, &money),
        What::Referrals => print(&db::referral::list(conn, &filter)?, args.format, &money),
        What::Notes => print(&db::note::list(conn, &filter)?, args.format, &money),
    }
}

/// A row type that can be listed as a table, as JSON or as CSV.
pub trait Listed: Serialize {
    /// The CSV columns: the JSON keys, in order.
    const FIELDS: &'static [&'static str];
    /// The table's header and one row.
    const HEADER: &'static [&'static str];
    fn cells(&self, money: &MoneyFormat) -> Vec<String>;
}

fn print<T: Listed>(rows: &[T], format: ListFormat, money: &MoneyFormat) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match format {
        ListFormat::Table => {
            if rows.is_empty() {
                writeln!(out, "Nothing to list.")?;
            } else {
                let mut table = output::table(T::HEADER);
                for row in rows {
                    table.add_row(row.cells(money));
                }
                writeln!(out, "{table}")?;
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, rows)?;
            writeln!(out)?;
        }
        ListFormat::Csv => write_csv(&mut out, rows)?,
    }
    out.flush()?;
    Ok(())
}

/// CSV with the JSON keys as header; lists (the contacts of a meeting) joined with `; `.
pub fn write_csv<T: Listed>(out: impl Write, rows: &[T]) -> Result<(), CliError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(T::FIELDS)?;
    for row in rows {
        let value = serde_json::to_value(row)?;
        let record = T::FIELDS.iter().map(|field| match &value[*field] {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_string)
                })
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        });
        writer.write_record(record)?;
    }
    writer.flush()?;
    Ok(())
}

fn date(day: &chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

impl Listed for db::network::Network {
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
    ];
    const HEADER: &'static [&'static str] = &[
        "#",
        "Network",
        "Kind",
        "Status",
        "Joined",
        "Left",
        "Fee",
        "Exit reason",
    ];

    fn cells(&self, money: &MoneyFormat) -> Vec<String> {
        let fee = match self.fee() {
            Some((fee, period)) => format!("{} / {period}", money.cents(fee.cents())),
            None => String::new(),
        };
        vec![
            self.id.to_string(),
            self.name.clone(),
            self.kind.to_string(),
            self.status.as_str().to_string(),
            self.joined_on.as_ref().map(date).unwrap_or_default(),
            self.left_on.as_ref().map(date).unwrap_or_default(),
            fee,
            cell(&self.exit_reason),
        ]
    }
}

impl Listed for db::meeting::Meeting {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "uuid",
        "date",
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
    const HEADER: &'static [&'static str] = &[
        "#", "Date", "Network", "Format", "Minutes", "Travel", "Cost", "Rating", "Met",
    ];

    fn cells(&self, money: &MoneyFormat) -> Vec<String> {
        vec![
            self.id.to_string(),
            date(&self.date),
            cell(&self.network),
            self.format.to_string(),
            cell(&self.minutes),
            cell(&self.travel_minutes),
            money.opt(self.cost_cents),
            cell(&self.rating),
            self.contacts.join(", "),
        ]
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
    const HEADER: &'static [&'static str] = &[
        "#",
        "Name",
        "Profession",
        "Company",
        "Network",
        "Meetings shared",
        "E-mail",
    ];

    fn cells(&self, _money: &MoneyFormat) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.name.clone(),
            cell(&self.profession),
            cell(&self.company),
            cell(&self.network),
            self.meetings.to_string(),
            cell(&self.email),
        ]
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
    const HEADER: &'static [&'static str] = &[
        "#",
        "Date",
        "Direction",
        "Network",
        "Contact",
        "Status",
        "Value",
        "Description",
    ];

    fn cells(&self, money: &MoneyFormat) -> Vec<String> {
        vec![
            self.id.to_string(),
            date(&self.date),
            self.direction.to_string(),
            cell(&self.network),
            cell(&self.contact),
            self.status.to_string(),
            money.opt(self.value_cents),
            cell(&self.description),
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
        "network",
        "meeting_id",
        "contact",
    ];
    const HEADER: &'static [&'static str] = &["#", "Date", "Concern", "On", "Note"];

    fn cells(&self, _money: &MoneyFormat) -> Vec<String> {
        let on = match (&self.network, self.meeting_id, &self.contact) {
            (_, Some(meeting), _) => format!("meeting #{meeting}"),
            (Some(network), _, _) => network.clone(),
            (_, _, Some(contact)) => contact.clone(),
            _ => String::new(),
        };
        vec![
            self.id.to_string(),
            date(&self.date),
            if self.concern {
                "yes".into()
            } else {
                String::new()
            },
            on,
            self.text.clone(),
        ]
    }
}
