//! `show contact NAME`: who a person is, how deep the relationship goes (every meeting shared,
//! first and last), the referrals both ways, and the notes and concerns on them.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::network::{ShowFormat, section, write_details};
use crate::commands::choices;
use crate::commands::resolve::resolve_contact_ref;
use crate::context::Context;
use crate::db::{self, Access, Filter};
use crate::domain::NameOrId;
use crate::domain::text::printable;
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::CellFormat;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal show contact \"Claire Petit\"
  netjournal show contact 7 --format json")]
pub struct Args {
    /// The contact to show: their name, or their number in `netjournal list contacts`
    #[arg(value_name = "NAME", add = crate::commands::completions::contacts())]
    pub name: Option<NameOrId>,
    /// How to print it
    #[arg(long, value_enum, ignore_case = true, default_value_t)]
    pub format: ShowFormat,
}

/// Everything the journal holds on one person.
#[derive(Debug, Serialize)]
struct Shown {
    /// As `list contacts` gives it; `meetings` is the depth of the relationship.
    contact: db::contact::Contact,
    first_met: Option<NaiveDate>,
    last_met: Option<NaiveDate>,
    meetings: Vec<db::meeting::Meeting>,
    referrals: Vec<db::referral::Referral>,
    notes: Vec<db::note::Note>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let which = Questions::new(ctx, args.name.is_some())
        .contact_ref(args.name, "NAME", || choices::contact_names(ctx))?;
    let journal = ctx.open(Access::ReadOnly)?;
    let conn = journal.conn();
    let id = resolve_contact_ref(conn, &which)?;
    let shown = gather(conn, id)?;
    super::print(ctx, conn, args.format, &shown, |out, shown, cells| {
        write_text(out, shown, cells)
    })
}

/// The contact `id` and the rows that involve them.
fn gather(conn: &rusqlite::Connection, id: i64) -> Result<Shown, CliError> {
    let db::contact::Involving {
        met,
        referred,
        noted,
    } = db::contact::involving(conn, id)?;
    let all = Filter::default();
    let mut meetings = db::meeting::list(conn, &all)?;
    meetings.retain(|m| met.contains(&m.id));
    let mut referrals = db::referral::list(conn, &all)?;
    referrals.retain(|r| referred.contains(&r.id));
    let mut notes = db::note::list(conn, &all)?;
    notes.retain(|n| noted.contains(&n.id));
    let contact = db::contact::list(conn, &all)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| {
            CliError::failure(crate::messages::Message::keyed(
                Msg::ContactMissing,
                &[("id", &id.to_string())],
            ))
        })?;
    Ok(Shown {
        first_met: meetings.iter().map(|m| m.date).min(),
        last_met: meetings.iter().map(|m| m.date).max(),
        contact,
        meetings,
        referrals,
        notes,
    })
}

fn write_text(out: &mut impl Write, shown: &Shown, money: &CellFormat) -> io::Result<()> {
    let lang = money.lang;
    let contact = &shown.contact;
    writeln!(out, "{}", printable(&contact.name))?;
    let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut details: Vec<(Msg, String)> = Vec::new();
    for (label, value) in [
        (Msg::FieldProfession, &contact.profession),
        (Msg::FieldCompany, &contact.company),
        (Msg::FieldEmail, &contact.email),
        (Msg::FieldLinkedin, &contact.linkedin),
        (Msg::FieldMetThrough, &contact.network),
    ] {
        if let Some(value) = value {
            details.push((label, value.clone()));
        }
    }
    details.push((
        Msg::FieldDepth,
        lang.count(Msg::DepthMeetings, contact.meetings, &[]),
    ));
    if let Some(first) = &shown.first_met {
        details.push((Msg::FieldFirstMet, day(first)));
    }
    if let Some(last) = &shown.last_met {
        details.push((Msg::FieldLastMet, day(last)));
    }
    details.push((Msg::FieldAddedOn, day(&contact.added_on)));
    if let Some(notes) = &contact.notes {
        details.push((Msg::FieldNotes, notes.clone()));
    }
    write_details(out, details, money)?;
    section(out, Msg::SectionMeetings, &shown.meetings, money)?;
    section(out, Msg::SectionReferrals, &shown.referrals, money)?;
    section(out, Msg::SectionNotes, &shown.notes, money)?;
    Ok(())
}
