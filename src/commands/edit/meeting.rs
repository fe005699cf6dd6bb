//! `edit meeting ID …`: change what `log meeting` recorded, and who was met there.

use crate::commands::choices;
use crate::commands::dated::{self, Dated};
use crate::commands::log::meeting::Fields;
use crate::commands::people;
use crate::commands::resolve::no_numbered;
use crate::commands::resolve::{resolve_contact, resolve_given_network};
use crate::context::Context;
use crate::db::contact::{self, NewContact};
use crate::db::meeting::{self, NewMeeting};
use crate::db::{network, settings, written};
use crate::domain::{DateArg, Id, Minutes, Name, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};
use crate::prompt::{Numbered, Questions};

use super::{Changes, Clearing, Edited, Given, Options, apply, check_options, day, named};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit meeting 4 --travel 40 --cost 14 --rating 2
  netjournal edit meeting 4 --met \"Sophie Durand\" --unmet \"Paul Martin\" --clear notes")]
pub struct Args {
    /// The meeting's # in `netjournal list meetings`; on a terminal, picked from a list if
    /// left out
    #[arg(value_name = "ID")]
    pub meeting: Option<Id>,
    /// The network it belongs to (`--clear network` for a one-to-one outside any network)
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// When it took place
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub fields: Fields,
    /// Someone else you met there; repeat for each person. Unknown names become new contacts
    #[arg(long, value_name = "NAME", add = crate::commands::completions::contacts())]
    pub met: Vec<Name>,
    /// Someone recorded as met there who was not; repeat for each person
    #[arg(long, value_name = "NAME", add = crate::commands::completions::contacts())]
    pub unmet: Vec<Name>,
    /// Record it even when dated after today, or outside your membership of its network
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub clear: Clearing<Clear>,
}

/// The optional fields of a meeting that `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    /// The network: a one-to-one outside any network
    Network,
    /// The start time
    At,
    Minutes,
    Travel,
    Cost,
    Rating,
    Notes,
}

impl Options for Args {
    type Field = Clear;
    const NOUN: &'static str = "meeting";
    const EXAMPLE: Msg = Msg::EditExampleMeeting;

    fn options(&self) -> Vec<Given<Clear>> {
        vec![
            Given::field("--network", self.network.is_some(), Clear::Network),
            Given::option("--date", self.date.is_some()),
            Given::field("--at", self.fields.at.is_some(), Clear::At),
            Given::option("--format", self.fields.format.is_some()),
            Given::field("--minutes", self.fields.minutes.is_some(), Clear::Minutes),
            Given::field("--travel", self.fields.travel.is_some(), Clear::Travel),
            Given::field("--cost", self.fields.cost.is_some(), Clear::Cost),
            Given::option("--met", !self.met.is_empty()),
            Given::option("--unmet", !self.unmet.is_empty()),
            Given::field("--rating", self.fields.rating.is_some(), Clear::Rating),
            Given::field("--notes", self.fields.notes.is_some(), Clear::Notes),
        ]
    }

    fn clearing(&self) -> &Clearing<Clear> {
        &self.clear
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(ctx, &args)?;
    let clear = &args.clear;
    if let Some(both) = args
        .met
        .iter()
        .find(|met| args.unmet.iter().any(|unmet| unmet.key() == met.key()))
    {
        return Err(CliError::bad_input(Message::keyed(
            Msg::MetAndUnmet,
            &[("name", both.as_str())],
        ))
        .with_hint(Message::keyed(Msg::GiveOne, &[])));
    }
    let id = Questions::new(ctx, args.meeting.is_some())
        .numbered(Numbered::Meeting, args.meeting, |what| {
            choices::recent(ctx, what)
        })?
        .get();
    let today = ctx.today();
    let now = ctx.timestamp();
    let cost = ctx.money(args.fields.cost.clone())?;
    let mut journal = super::open(ctx)?;
    let (changes, created, network) = journal.write(|tx| {
        let old = meeting::load(tx, id)?.ok_or_else(|| no_numbered(Numbered::Meeting, id))?;
        let mut new = old.clone();
        let network = resolve_given_network(tx, args.network.as_ref())?;
        apply(
            &mut new.network_id,
            network.map(|n| n.id),
            clear.contains(&Clear::Network),
        );
        if let Some(date) = args.date {
            new.date = date.resolve(today);
        }
        apply(
            &mut new.start_time,
            args.fields.at,
            clear.contains(&Clear::At),
        );
        if let Some(format) = args.fields.format {
            new.format = format;
        }
        apply(
            &mut new.minutes,
            args.fields.minutes.map(Minutes::get),
            clear.contains(&Clear::Minutes),
        );
        apply(
            &mut new.travel_minutes,
            args.fields.travel.map(Minutes::get),
            clear.contains(&Clear::Travel),
        );
        apply(&mut new.cost, cost, clear.contains(&Clear::Cost));
        apply(
            &mut new.rating,
            args.fields.rating,
            clear.contains(&Clear::Rating),
        );
        apply(
            &mut new.notes,
            args.fields.notes.clone().map(Text::into_string),
            clear.contains(&Clear::Notes),
        );
        if args.fields.minutes.is_some() || args.fields.format.is_some() {
            crate::commands::log::plausible_minutes(new.format, new.minutes)?;
        }
        if args.date.is_some() || args.network.is_some() {
            dated::check(
                ctx,
                tx,
                Dated::Meeting,
                new.date,
                new.network_id,
                args.force,
            )?;
        }
        let network_name = match new.network_id {
            Some(network_id) => network::get(tx, network_id)?.map(|n| n.name),
            None => None,
        };
        let mut changes = fields(tx, &old, &new, ctx.lang)?;
        let met_before = meeting::contacts_met(tx, id)?;
        let was_met = |contact_id: i64| met_before.iter().any(|(met, _)| *met == contact_id);
        let mut created = Vec::new();
        let mut added: Vec<(i64, String)> = Vec::new();
        for name in &args.met {
            let contact_id = match contact::find_id(tx, name)? {
                Some(contact_id) => contact_id,
                None => {
                    created.push(name.clone());
                    let new_contact = NewContact::named(name.clone(), new.network_id, new.date);
                    contact::insert(tx, &new_contact, &now)?
                }
            };
            if !was_met(contact_id) && !added.iter().any(|(added, _)| *added == contact_id) {
                meeting::link_contact(tx, id, contact_id)?;
                added.push((contact_id, contact::name_of(tx, contact_id)?));
            }
        }
        let mut removed: Vec<(i64, String)> = Vec::new();
        for name in &args.unmet {
            let contact_id = resolve_contact(tx, name)?;
            if !was_met(contact_id) {
                return Err(not_met(tx, id, contact_id, &met_before)?);
            }
            if !removed.iter().any(|(removed, _)| *removed == contact_id) {
                meeting::unlink_contact(tx, id, contact_id)?;
                removed.push((contact_id, contact::name_of(tx, contact_id)?));
            }
        }
        for (_, name) in &added {
            changes.push(ctx.say(Msg::MetAdded, &[("name", &named(name))]));
        }
        for (_, name) in &removed {
            changes.push(ctx.say(Msg::MetRemoved, &[("name", &named(name))]));
        }
        // A change of the people met is a change of the meeting too: it is stamped.
        if !changes.is_empty() {
            written::update(tx, id, &new, &now)?;
        }
        Ok::<_, CliError>((changes, created, network_name))
    })?;
    say_line!("{}", changes.sentence(Edited::Meeting(id)))?;
    for name in created {
        people::say_created(ctx, name.as_str(), network.as_deref())?;
    }
    Ok(())
}

/// The refusal of `--unmet NAME` for someone not recorded as met at the meeting.
fn not_met(
    conn: &rusqlite::Connection,
    id: i64,
    contact_id: i64,
    met: &[(i64, String)],
) -> Result<CliError, CliError> {
    let name = contact::name_of(conn, contact_id)?;
    let error = CliError::bad_input(Message::keyed(
        Msg::NotMetThere,
        &[("name", &name), ("id", &id.to_string())],
    ));
    Ok(if met.is_empty() {
        error.with_hint(Message::keyed(Msg::NobodyMetThere, &[]))
    } else {
        let names: Vec<String> = met.iter().map(|(_, name)| named(name)).collect();
        error.with_hint(Message::keyed(
            Msg::MetThere,
            &[("names", &names.join(", "))],
        ))
    })
}

/// What changed in the meeting's own fields, in the order of the options.
fn fields(
    conn: &rusqlite::Connection,
    old: &NewMeeting,
    new: &NewMeeting,
    lang: Lang,
) -> Result<Changes, CliError> {
    let currency = settings::currency(conn)?;
    let network_name = |id: Option<i64>| -> Result<Option<String>, CliError> {
        Ok(match id {
            Some(id) => network::get(conn, id)?.map(|n| n.name),
            None => None,
        })
    };
    let mut changes = Changes::new(lang);
    changes.field(
        Msg::FieldNetwork,
        network_name(old.network_id)?.as_ref(),
        network_name(new.network_id)?.as_ref(),
        |n| named(n),
    );
    changes.field(Msg::FieldDate, Some(&old.date), Some(&new.date), day);
    changes.field(
        Msg::FieldStartTime,
        old.start_time.as_ref(),
        new.start_time.as_ref(),
        |time| time.iso(),
    );
    changes.field(
        Msg::FieldFormat,
        Some(&old.format),
        Some(&new.format),
        |f| f.label(lang).to_string(),
    );
    changes.field(
        Msg::FieldMinutes,
        old.minutes.as_ref(),
        new.minutes.as_ref(),
        u32::to_string,
    );
    changes.field(
        Msg::FieldTravel,
        old.travel_minutes.as_ref(),
        new.travel_minutes.as_ref(),
        u32::to_string,
    );
    changes.field(
        Msg::FieldCost,
        old.cost.as_ref(),
        new.cost.as_ref(),
        |cost| cost.format(&currency, lang),
    );
    changes.field(
        Msg::FieldRating,
        old.rating.as_ref(),
        new.rating.as_ref(),
        |r| r.get().to_string(),
    );
    changes.text(Msg::FieldNotes, &old.notes, &new.notes);
    Ok(changes)
}
