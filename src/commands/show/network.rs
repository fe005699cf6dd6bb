//! `show network NAME`: a network's details, then its meetings, contacts, referrals and notes.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::choices;
use crate::commands::list::{Listed, ListedNetwork, header};
use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::{self, Access, Filter};
use crate::domain::Name;
use crate::domain::text::printable;
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
    #[arg(value_name = "NAME", add = crate::commands::completions::networks())]
    pub name: Option<Name>,
    /// How to print it
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ShowFormat,
}

/// Everything the journal holds on one network.
#[derive(Debug, Serialize)]
struct Shown {
    network: ListedNetwork,
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
        |which| choices::networks(ctx, which),
    )?;
    let journal = ctx.open(Access::ReadOnly)?;
    let conn = journal.conn();
    let network = resolve_network(conn, &name)?;
    let steps = db::fee::steps(conn, network.id, network.joined_on)?;
    let network = ListedNetwork::new(network, steps, ctx.today());
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
    super::print(ctx, conn, args.format, &shown, |out, shown, cells| {
        write_text(out, shown, cells)
    })
}

fn write_text(out: &mut impl Write, shown: &Shown, money: &CellFormat) -> io::Result<()> {
    let lang = money.lang;
    let network = &shown.network;
    let tone = match network.status {
        db::network::Status::Active => Tone::Good,
        db::network::Status::Left => Tone::Muted,
    };
    let status = output::paint(&network.status.label(lang), tone, money.color);
    writeln!(
        out,
        "{} — {}, {status}",
        printable(&network.name),
        network.kind.label(lang)
    )?;
    let day = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut details: Vec<(Msg, String)> = Vec::new();
    if let Some(joined) = &network.joined_on {
        details.push((Msg::FieldJoined, day(joined)));
    }
    if let Some(invited_by) = &network.invited_by {
        details.push((Msg::FieldInvitedBy, invited_by.clone()));
    }
    if !network.fees.is_empty() {
        // Its history, the latest first: `€200.00 per year from 13 January 2025; €150.00 per
        // year before`.
        let fee = output::fee_history(&network.fees, &money.currency, lang);
        details.push((Msg::FieldFee, fee));
    }
    if let Some(rules) = &network.rules {
        details.push((Msg::FieldRules, rules.clone()));
    }
    if let Some(left) = &network.left_on {
        details.push((Msg::FieldLeft, day(left)));
    }
    if let Some(reason) = &network.exit_reason {
        details.push((Msg::FieldExitReason, reason.clone()));
    }
    if let Some(notes) = &network.notes {
        details.push((Msg::FieldNotes, notes.clone()));
    }
    write_details(out, details, money)?;
    section(out, Msg::SectionMeetings, &shown.meetings, money)?;
    section(out, Msg::SectionContacts, &shown.contacts, money)?;
    section(out, Msg::SectionReferrals, &shown.referrals, money)?;
    section(out, Msg::SectionNotes, &shown.notes, money)?;
    Ok(())
}

/// A record's fields, one a line, the values lined up after the longest label, each shown as
/// text (control characters never obeyed) and, on a screen, wrapped under itself.
pub(super) fn write_details(
    out: &mut impl Write,
    details: Vec<(Msg, String)>,
    money: &CellFormat,
) -> io::Result<()> {
    let lang = money.lang;
    let details: Vec<(String, String)> = details
        .into_iter()
        .map(|(label, value)| (lang.say(label, &[]), value))
        .collect();
    // The values line up after the longest label, and never closer than column 15.
    let width = details
        .iter()
        .map(|(label, _)| label.chars().count() + 1)
        .max()
        .unwrap_or(0)
        .max(12);
    // On a screen, a long value wraps under itself.
    let room = money.width.map_or(usize::MAX, |w| {
        usize::from(w).saturating_sub(width + 3).max(20)
    });
    for (label, value) in details {
        let lines = output::wrap_words(&printable(&value), room);
        for (i, line) in lines.iter().enumerate() {
            let label = if i == 0 { label.as_str() } else { "" };
            writeln!(out, "  {label:<width$} {line}")?;
        }
    }
    Ok(())
}

pub(super) fn section<T: Listed>(
    out: &mut impl Write,
    title: Msg,
    rows: &[T],
    money: &CellFormat,
) -> io::Result<()> {
    writeln!(out)?;
    let count = rows.len().to_string();
    writeln!(out, "{}", money.lang.say(title, &[("n", &count)]))?;
    if !rows.is_empty() {
        let mut table = output::table(&header::<T>(money.lang), money.color);
        for row in rows {
            table.add_row(row.cells(money));
        }
        writeln!(out, "{}", output::render(&mut table, money.width))?;
    }
    Ok(())
}
