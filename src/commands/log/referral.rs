//! `log referral --received|--given …`: record business passed to you or by you.
//!
//! A referral belongs to the network it came through. Without `--network`, one with a contact
//! takes the network that person was met through (see [`referral::through`]), and says so;
//! when they were met in several, the user is asked which on a terminal, and told to say it
//! otherwise. `--network none` (or `--outside`) records it outside any network.

use rusqlite::Connection;

use crate::commands::choices;
use crate::commands::people::{self, Newcomers};
use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::Access;
use crate::db::contact::{self, NetworkRef, NewContact};
use crate::db::referral::{self as stored, NewReferral};
use crate::domain::money::Amount;
use crate::domain::referral::{self, Through, ValueChange};
use crate::domain::{DateArg, Direction, Name, ReferralStatus, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::messages::{Message, Words};
use crate::output::say_line;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal log referral --received --network \"BNI Montpellier\" --contact \"Paul Martin\" \\
      --notes \"website for his brother-in-law\"
  netjournal log referral --received --contact \"Claire Petit\" --status won --value \"3 200\"
  netjournal log referral --given --contact \"Sophie Durand\" --network none --date 2024-03

Without --network, a referral with a contact is recorded under the network that person was met
through: their own network, else the only network where you met them.")]
pub struct Args {
    /// A referral someone passed to you
    #[arg(long, conflicts_with = "given")]
    pub received: bool,
    /// A referral you passed to someone
    #[arg(long)]
    pub given: bool,
    /// The network it came through; `none` for a referral outside any network [default: with
    /// --contact, the network that person was met through]
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// It came outside any network, through a personal relationship (as `--network none`)
    #[arg(long, conflicts_with = "network")]
    pub outside: bool,
    /// Who referred you, or whom you referred; an unknown name becomes a new contact, met
    /// through the referral's network
    #[arg(long, value_name = "NAME", add = crate::commands::completions::contacts())]
    pub contact: Option<Name>,
    /// The --contact given is a new person, even when a contact's name is close to it
    /// (without it, a close name is asked about, or refused with --no-input)
    #[arg(long)]
    pub new_contact: bool,
    /// When [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub fields: Fields,
    /// Record it even when dated after today, or outside your membership of its network
    #[arg(long)]
    pub force: bool,
}

// What came of a referral and what it is about: the options `log referral` records and `edit
// referral` changes, described once for both. (A `//` comment: a doc comment would become
// the description of the commands that flatten it.)
#[derive(Debug, Clone, clap::Args)]
pub struct Fields {
    /// What came of it: a new referral is open, or won when only --value is given
    #[arg(long, value_parser = crate::domain::vocab::parser::<ReferralStatus>())]
    pub status: Option<ReferralStatus>,
    /// The business won, such as 3200 or "3 200 €" (only with the status won)
    // A negative amount is taken as a value, for the parser to refuse it by name, rather
    // than as an unknown option with clap's tip about `--`.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub value: Option<Amount>,
    /// What it is about
    #[arg(long, visible_alias = "description", value_name = "TEXT")]
    pub notes: Option<Text>,
}

pub fn run(ctx: &Context, mut args: Args) -> Result<(), CliError> {
    let direction = match (args.received, args.given) {
        (true, _) => Some(Direction::Received),
        (_, true) => Some(Direction::Given),
        _ => None,
    };
    // `log referral` alone, on a terminal, walks through the referral.
    let ask = Questions::new(ctx, direction.is_some());
    let direction = ask.choice(
        direction,
        Direction::ALL,
        &ctx.say(Msg::OptReceivedOrGiven, &[]),
        &ctx.say(Msg::ExpectDirection, &[]),
        &ctx.say(Msg::AskDirection, &[]),
    )?;
    // The contact first: the network may follow from whom it came through.
    args.contact = ask.contact_or_none(
        args.contact,
        true,
        &ctx.say(Msg::AskReferralContact, &[]),
        || choices::contact_names(ctx),
    )?;
    let mut newcomers = Newcomers::all(args.new_contact);
    args.contact = people::settle(ctx, args.contact.into_iter().collect(), &mut newcomers)?
        .into_iter()
        .next();
    let mut under = Under::given(args.network.take(), args.outside);
    if under == Under::Unsaid {
        under = ask_under(ctx, &ask, args.contact.as_ref())?;
    }
    let date = ask.date(args.date, &ctx.say(Msg::AskWhen, &[]))?;
    if ask.asking() && args.fields.status.is_none() && args.fields.value.is_none() {
        let status = ask.choice(
            None,
            ReferralStatus::ALL,
            "--status",
            &ReferralStatus::keywords_in(ctx.lang),
            &ctx.say(Msg::AskOutcome, &[]),
        )?;
        if status == ReferralStatus::Won {
            args.fields.value = ask.optional(None, &ctx.say(Msg::AskValue, &[]))?;
        }
        args.fields.status = Some(status);
    }
    args.fields.notes = ask.optional(args.fields.notes, &ctx.say(Msg::AskAbout, &[]))?;
    let (status, value) = crate::domain::referral::outcome(
        (ReferralStatus::Open, None),
        args.fields.status,
        ValueChange::from_typed(ctx.money(args.fields.value.take())?),
    )?;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let (id, recorded_under, created) = journal.write(|tx| {
        let named = match &under {
            Under::Named(name) => Some(resolve_network(tx, name)?),
            _ => None,
        };
        // A person not yet in the journal is recorded, met through the referral's network.
        let mut created = None;
        let contact_id = match &args.contact {
            Some(name) => {
                let network_id = named.as_ref().map(|n| n.id);
                let make = || NewContact::named(name.clone(), network_id, date);
                let (id, new) = people::find_or_create(tx, name, &newcomers, make, &now)?;
                if new {
                    created = Some((name.clone(), named.as_ref().map(|n| n.name.clone())));
                }
                Some(id)
            }
            None => None,
        };
        let (network_id, recorded_under) = match (&under, named) {
            (_, Some(network)) => (Some(network.id), None),
            (Under::Unsaid, None) => match contact_id {
                Some(_) if created.is_some() => (None, None),
                Some(contact_id) => inferred(ctx, tx, contact_id)?,
                None => (None, None),
            },
            (_, None) => (None, None),
        };
        crate::commands::dated::check(
            ctx,
            tx,
            crate::commands::dated::Dated::Referral,
            date,
            network_id,
            args.force,
        )?;
        let new = NewReferral {
            direction,
            date,
            network_id,
            contact_id,
            description: args.fields.notes.clone().map(Text::into_string),
            status,
            value,
        };
        let id = stored::insert(tx, &new, &now)?;
        Ok::<_, CliError>((id, recorded_under, created))
    })?;
    say_line!(
        "{}",
        ctx.say(
            Msg::LoggedReferral,
            &[
                ("id", &id.to_string()),
                ("direction", direction.label(ctx.lang)),
                ("status", status.label(ctx.lang)),
                ("date", &ctx.lang.day(date)),
            ],
        )
    )?;
    if let Some(said) = recorded_under {
        say_line!("{said}")?;
    }
    if let Some((name, network)) = created {
        people::say_created(ctx, name.as_str(), network.as_deref())?;
    }
    Ok(())
}

/// Where the user said the referral came from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Under {
    /// `--network NAME`.
    Named(Name),
    /// `--network none`, `--outside`, or `none` picked on a terminal.
    Outside,
    /// Nothing said: the contact's network, if they have one (see [`inferred`]).
    Unsaid,
}

impl Under {
    fn given(network: Option<Name>, outside: bool) -> Under {
        match network {
            _ if outside => Under::Outside,
            Some(name) if is_none(&name) => Under::Outside,
            Some(name) => Under::Named(name),
            None => Under::Unsaid,
        }
    }
}

/// `--network none` (or `aucun`): outside any network. The word wins over a network of that
/// name; `--outside` says the same without the word.
fn is_none(name: &Name) -> bool {
    matches!(name.key().as_str(), "none" | "aucun")
}

/// Where the contact `contact` was met, by the rule of [`referral::through`].
fn through(conn: &Connection, contact_id: i64) -> Result<Through<NetworkRef>, CliError> {
    let (own, shared) = contact::met_through(conn, contact_id)?;
    Ok(referral::through(own.as_ref(), &shared))
}

/// Asks, on a terminal, what the command line left open: which of the networks the contact was
/// met in the referral came through, when there are several (asked even of a command typed in
/// full); and, in a walk-through, the network when the contact does not tell it. Anything
/// else is left to [`inferred`], in the command's transaction.
fn ask_under(ctx: &Context, ask: &Questions, contact: Option<&Name>) -> Result<Under, CliError> {
    let picker = Questions::new(ctx, false);
    if !picker.asking() {
        return Ok(Under::Unsaid);
    }
    let found = match contact {
        Some(name) => {
            let journal = ctx.open(Access::Read)?;
            let conn = journal.conn();
            match contact::find_id(conn, name)? {
                Some(id) => Some((contact::name_of(conn, id)?, through(conn, id)?)),
                // A new person: met through no network yet.
                None => None,
            }
        }
        None => None,
    };
    match found {
        Some((person, Through::Several(networks))) => {
            let question = ctx.say(Msg::AskWhichNetworkMet, &[("contact", &person)]);
            let mut labels: Vec<String> = networks.iter().map(|n| n.name.clone()).collect();
            labels.push(ctx.say(Msg::NoneOutsideReferral, &[]));
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let picked = picker.select(&question, &labels)?;
            Ok(match networks.get(picked) {
                Some(network) => Under::Named(stored_name(&network.name)?),
                None => Under::Outside,
            })
        }
        Some((_, Through::Own(_) | Through::Shared(_))) => Ok(Under::Unsaid),
        Some((_, Through::Nowhere)) | None if ask.asking() => {
            let network = ask.network_or_none(
                None,
                &ctx.say(Msg::NoneRelationship, &[]),
                &ctx.say(Msg::AskReferralNetwork, &[]),
                |which| choices::networks(ctx, which),
            )?;
            Ok(network.map_or(Under::Outside, Under::Named))
        }
        Some((_, Through::Nowhere)) | None => Ok(Under::Unsaid),
    }
}

/// A network's name as stored, as a [`Name`] (it was one when recorded).
fn stored_name(stored: &str) -> Result<Name, CliError> {
    stored
        .parse()
        .map_err(|e: crate::domain::text::TextError| CliError::failure(e.message()))
}

/// The network the referral takes from its contact, with the sentence that says so; `None`
/// when the contact was met in no network. Several networks and none of their own: refused,
/// naming them, with the ways to say which.
fn inferred(
    ctx: &Context,
    conn: &Connection,
    contact_id: i64,
) -> Result<(Option<i64>, Option<String>), CliError> {
    let person = contact::name_of(conn, contact_id)?;
    match through(conn, contact_id)? {
        Through::Own(network) | Through::Shared(network) => {
            let said = ctx.say(
                Msg::RecordedUnder,
                &[("network", &network.name), ("contact", &person)],
            );
            Ok((Some(network.id), Some(said)))
        }
        Through::Nowhere => Ok((None, None)),
        Through::Several(networks) => {
            let names: Vec<String> = networks.iter().map(|n| format!("`{}`", n.name)).collect();
            let networks = Words::new(move |lang| and_list(&names, lang));
            let message = Message::new(Msg::MetInSeveral)
                .with("contact", person.as_str())
                .with("networks", networks);
            Err(CliError::bad_input(message).with_hint(Message::keyed(Msg::SayWhichNetwork, &[])))
        }
    }
}

/// `a, b and c` (`a, b et c`).
fn and_list(items: &[String], lang: crate::i18n::Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => lang.say(Msg::AndLast, &[("init", &init.join(", ")), ("last", last)]),
    }
}
