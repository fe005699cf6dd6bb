//! `log meeting …`: record a meeting, and the people met there.

use crate::commands::choices;
use crate::commands::dated::{self, Dated};
use crate::commands::people::{self, Newcomers};
use crate::commands::resolve::resolve_given_network;
use crate::context::Context;
use crate::db::contact::NewContact;
use crate::db::meeting::{self, NewMeeting};
use crate::db::{Access, network};
use crate::domain::money::Amount;
use crate::domain::{DateArg, MeetingFormat, Minutes, Name, Rating, StartTime, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal log meeting --network \"BNI Montpellier\" --date yesterday --format breakfast \\
      --minutes 90 --travel 40 --cost 14 --met \"Paul Martin\" --met \"Sophie Durand\" --rating 2
  netjournal log meeting --format one-to-one --met \"Claire Petit\" --notes \"coffee, a real talk\"
  netjournal log meeting    # on a terminal: asks for the network, the date, the format, the people…")]
pub struct Args {
    /// The network it belongs to (none for a one-to-one with a personal contact)
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// When it took place [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub fields: Fields,
    /// Someone you met there; repeat for each person. Unknown names become new contacts
    #[arg(long, value_name = "NAME", add = crate::commands::completions::contacts())]
    pub met: Vec<Name>,
    /// Each unknown name given with --met is a new person, even when a contact's name is
    /// close to it (without it, a close name is asked about, or refused with --no-input)
    #[arg(long)]
    pub new_contact: bool,
    /// Record it even when dated after today, or outside your membership of its network
    #[arg(long)]
    pub force: bool,
}

// How a meeting went, from its start to its rating and notes: the options `log meeting`
// records and `edit meeting` changes, described once for both. (A `//` comment: a doc comment
// would become the description of the commands that flatten it.)
#[derive(Debug, Clone, clap::Args)]
pub struct Fields {
    /// When it started: 7:30, 07:30, 7h30 or 7h
    #[arg(long, value_name = "TIME")]
    pub at: Option<StartTime>,
    /// How it took place (phone, video and email are remote; the others in person)
    #[arg(long, value_parser = crate::domain::vocab::parser::<MeetingFormat>())]
    pub format: Option<MeetingFormat>,
    /// How long it lasted, in minutes (or 1h30)
    #[arg(long, value_name = "MINUTES", allow_hyphen_values = true)]
    pub minutes: Option<Minutes>,
    /// Time spent getting there and back, in minutes
    #[arg(long, value_name = "MINUTES", allow_hyphen_values = true)]
    pub travel: Option<Minutes>,
    /// What it cost you (the breakfast, the ticket…)
    // A negative amount is taken as a value, for the parser to refuse it by name, rather
    // than as an unknown option with clap's tip about `--`.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub cost: Option<Amount>,
    /// How worthwhile it was, from 1 to 5
    #[arg(long, value_name = "1-5", allow_hyphen_values = true)]
    pub rating: Option<Rating>,
    /// What happened, what you learned
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    // `log meeting` alone, on a terminal, walks through the whole meeting.
    let ask = Questions::new(ctx, args.fields.format.is_some());
    let network = ask.network_or_none(
        args.network,
        &ctx.say(Msg::NoneOneToOne, &[]),
        &ctx.say(Msg::AskMeetingNetwork, &[]),
        |which| choices::networks(ctx, which),
    )?;
    let date = ask.date(args.date, &ctx.say(Msg::AskMeetingWhen, &[]))?;
    let format = ask.format(args.fields.format)?;
    let met = ask.contacts(args.met, &ctx.say(Msg::AskMet, &[]), || {
        choices::contact_names(ctx)
    })?;
    let at = ask.optional(args.fields.at, &ctx.say(Msg::AskAt, &[]))?;
    let mut newcomers = Newcomers::all(args.new_contact);
    let met = people::settle(ctx, met, &mut newcomers)?;
    let minutes = ask.optional(args.fields.minutes, &ctx.say(Msg::AskMinutes, &[]))?;
    super::plausible_minutes(format, minutes.map(Minutes::get))?;
    let travel = ask.optional(args.fields.travel, &ctx.say(Msg::AskTravel, &[]))?;
    let cost = ctx.money(ask.optional(args.fields.cost, &ctx.say(Msg::AskCost, &[]))?)?;
    let rating = ask.optional(args.fields.rating, &ctx.say(Msg::AskRating, &[]))?;
    let notes = ask.optional(args.fields.notes, &ctx.say(Msg::AskNotes, &[]))?;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let (id, network, created) = journal.write(|tx| {
        let network: Option<network::Network> = resolve_given_network(tx, network.as_ref())?;
        let network_id = network.as_ref().map(|n| n.id);
        dated::check(ctx, tx, Dated::Meeting, date, network_id, args.force)?;
        let new = NewMeeting {
            date,
            start_time: at,
            network_id,
            format,
            minutes: minutes.map(Minutes::get),
            travel_minutes: travel.map(Minutes::get),
            cost,
            rating,
            notes: notes.clone().map(Text::into_string),
        };
        let id = meeting::insert(tx, &new, &now)?;
        let mut created = Vec::new();
        for name in &met {
            let make = || NewContact::named(name.clone(), network_id, date);
            let (contact_id, new) = people::find_or_create(tx, name, &newcomers, make, &now)?;
            if new {
                created.push(name.clone());
            }
            meeting::link_contact(tx, id, contact_id)?;
        }
        Ok::<_, CliError>((id, network.map(|n| n.name), created))
    })?;
    let (id, date) = (id.to_string(), ctx.lang.day(date));
    let format = format.label(ctx.lang);
    let logged = match &network {
        Some(network) => ctx.say(
            Msg::LoggedMeetingAt,
            &[
                ("id", &id),
                ("format", format),
                ("network", network),
                ("date", &date),
            ],
        ),
        None => ctx.say(
            Msg::LoggedMeeting,
            &[("id", &id), ("format", format), ("date", &date)],
        ),
    };
    say_line!("{logged}")?;
    for name in created {
        people::say_created(ctx, name.as_str(), network.as_deref())?;
    }
    Ok(())
}
