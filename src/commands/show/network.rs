//! `show network NAME`: a network's details, then its meetings, contacts, referrals and notes.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::list::Listed;
use crate::context::{Context, resolve_network};
use crate::db::{self, Access, Filter};
use crate::domain::Name;
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::{self, CellFormat, Tone};
use crate::prompt::{Networks, Questions};

/// How to print the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ShowFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  netjournal show network \"BNI Montpellier\"")]
pub struct Args {
    /// The network to show
    #[arg(value_name = "NAME")]
    pub name: Option<Name>,
    /// How to print it
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ShowFormat,
}

/// Everything the journal holds on one network.
#[derive(Debug, Serialize)]
struct Shown {
    network: db::network::Network,
    meetings: Vec<db::meeting::Meeting>,
    contacts: Vec<db::contact::Contact>,
    referrals: Vec<db::referral::Referral>,
    notes: Vec<db::note::Note>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some());
    let name = ask.network(
        args.name,
        Networks::All,
        "NAME",
        &ctx.say(Msg::AskWhichNetwork, &[]),
    )?;
    let journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let network = resolve_network(conn, &name)?;
    let filter = Filter {
        network_id: Some(network.id),
        ..Filter::default()
    };
    let shown = Shown {
        meetings: db::meeting::list(conn, &filter)?,
        contacts: db::contact::list(conn, &filter)?,
        referrals: db::referral::list(conn, &filter)?,
        notes: db::note::list(conn, &filter)?,
        network,
    };
    let money = CellFormat {
        currency: db::settings::currency(conn)?,
        lang: ctx.lang,
        color: ctx.color,
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &shown)?;
            writeln!(out)?;
        }
        ShowFormat::Text => write_text(&mut out, &shown, &money)?,
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut impl Write, shown: &Shown, money: &CellFormat) -> io::Result<()> {
    let network = &shown.network;
    let tone = match network.status {
        db::network::Status::Active => Tone::Good,
        db::network::Status::Left => Tone::Muted,
    };
    let status = output::paint(network.status.as_str(), tone, money.color);
    writeln!(out, "{} — {}, {status}", network.name, network.kind)?;
    let day = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut details: Vec<(&str, String)> = Vec::new();
    if let Some(joined) = &network.joined_on {
        details.push(("joined", day(joined)));
    }
    if let Some(invited_by) = &network.invited_by {
        details.push(("invited by", invited_by.clone()));
    }
    if let Some((fee, period)) = network.fee() {
        details.push(("fee", format!("{} per {period}", money.cents(fee.cents()))));
    }
    if let Some(rules) = &network.rules {
        details.push(("rules", rules.clone()));
    }
    if let Some(left) = &network.left_on {
        details.push(("left", day(left)));
    }
    if let Some(reason) = &network.exit_reason {
        details.push(("exit reason", reason.clone()));
    }
    if let Some(notes) = &network.notes {
        details.push(("notes", notes.clone()));
    }
    for (label, value) in details {
        writeln!(out, "  {label:<12} {value}")?;
    }
    section(out, "Meetings", &shown.meetings, money)?;
    section(out, "Contacts", &shown.contacts, money)?;
    section(out, "Referrals", &shown.referrals, money)?;
    section(out, "Notes", &shown.notes, money)?;
    Ok(())
}

fn section<T: Listed>(
    out: &mut impl Write,
    title: &str,
    rows: &[T],
    money: &CellFormat,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title} ({})", rows.len())?;
    if !rows.is_empty() {
        let mut table = output::table(T::HEADER, money.color);
        for row in rows {
            table.add_row(row.cells(money));
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}
