//! `log meeting …`: record a meeting, and the people met there.

use crate::context::{Context, resolve_network};
use crate::db::contact::{self, NewContact};
use crate::db::meeting::{self, NewMeeting};
use crate::db::{Access, network};
use crate::domain::{DateArg, MeetingFormat, Minutes, Money, Name, Rating, Text};
use crate::error::CliError;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal log meeting --network \"BNI Montpellier\" --date yesterday --format breakfast \\
      --minutes 90 --travel 40 --cost 14 --met \"Paul Martin\" --met \"Sophie Durand\" --rating 2
  netjournal log meeting --format one-to-one --met \"Claire Petit\" --notes \"coffee, a real talk\"
  netjournal log meeting    # on a terminal: asks for the network, the date, the format, the people…")]
pub struct Args {
    /// The network it belongs to (none for a one-to-one with a personal contact)
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// When it took place [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// How it took place (phone, video and email are remote; the others in person)
    #[arg(long, value_enum, ignore_case = true)]
    pub format: Option<MeetingFormat>,
    /// How long it lasted, in minutes (or 1h30)
    #[arg(long, value_name = "MINUTES")]
    pub minutes: Option<Minutes>,
    /// Time spent getting there and back, in minutes
    #[arg(long, value_name = "MINUTES")]
    pub travel: Option<Minutes>,
    /// What it cost you (the breakfast, the ticket…)
    #[arg(long, value_name = "AMOUNT")]
    pub cost: Option<Money>,
    /// Someone you met there; repeat for each person. Unknown names become new contacts
    #[arg(long, value_name = "NAME")]
    pub met: Vec<Name>,
    /// How worthwhile it was, from 1 to 5
    #[arg(long, value_name = "1-5")]
    pub rating: Option<Rating>,
    /// What happened, what you learned
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    // `log meeting` alone, on a terminal, walks through the whole meeting.
    let ask = Questions::new(ctx, args.format.is_some());
    let network = ask.network_or_none(
        args.network,
        "(none — a one-to-one outside any network)",
        "Which network was it?",
    )?;
    let date = ask.date(args.date, "When was it?")?;
    let format = ask.format(args.format)?;
    let met = ask.contacts(args.met, "Whom did you meet?")?;
    let minutes = ask.optional(args.minutes, "How many minutes did it last?")?;
    let travel = ask.optional(args.travel, "Minutes spent getting there and back?")?;
    let cost = ask.optional(args.cost, "What did it cost you?")?;
    let rating = ask.optional(args.rating, "How worthwhile was it, from 1 to 5?")?;
    let notes = ask.optional(args.notes, "Notes?")?;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let (id, network, created) = journal.write(|tx| {
        let network: Option<network::Network> = network
            .as_ref()
            .map(|name| resolve_network(tx, name))
            .transpose()?;
        let network_id = network.as_ref().map(|n| n.id);
        let new = NewMeeting {
            date,
            network_id,
            format,
            minutes: minutes.map(Minutes::get),
            travel_minutes: travel.map(Minutes::get),
            cost,
            rating,
            notes: notes.map(Text::into_string),
        };
        let id = meeting::insert(tx, &new, &now)?;
        let mut created = Vec::new();
        for name in &met {
            let contact_id = match contact::find_id(tx, name)? {
                Some(contact_id) => contact_id,
                None => {
                    created.push(name.clone());
                    contact::insert(tx, &NewContact::named(name.clone(), network_id, date), &now)?
                }
            };
            meeting::link_contact(tx, id, contact_id)?;
        }
        Ok::<_, CliError>((id, network.map(|n| n.name), created))
    })?;
    let place = network
        .as_deref()
        .map(|n| format!(" at {n}"))
        .unwrap_or_default();
    println!(
        "Logged meeting #{id}: {format}{place} on {}.",
        date.format("%Y-%m-%d")
    );
    for name in created {
        match &network {
            Some(network) => println!("Added contact `{name}`, met through {network}."),
            None => println!("Added contact `{name}`."),
        }
    }
    Ok(())
}
