//! `note TEXT [--network N | --meeting ID | --contact NAME] [--concern]`.

use crate::context::{Context, resolve_contact, resolve_network};
use crate::db::note::{self, NewNote, Target};
use crate::db::{Access, contact, meeting};
use crate::domain::{DateArg, Name, Text};
use crate::error::CliError;

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("target").multiple(false))]
#[command(after_help = "Examples:
  netjournal note \"My name on a press release I never agreed to\" --network \"CPME\" --concern
  netjournal note \"Knows every architect in town\" --contact \"Paul Martin\"")]
pub struct Args {
    /// The note
    #[arg(value_name = "TEXT")]
    pub text: Option<Text>,
    /// Attach it to this network
    #[arg(long, value_name = "NAME", group = "target")]
    pub network: Option<Name>,
    /// Attach it to the meeting with this number (see `netjournal list meetings`)
    #[arg(long, value_name = "ID", group = "target")]
    pub meeting: Option<i64>,
    /// Attach it to this contact
    #[arg(long, value_name = "NAME", group = "target")]
    pub contact: Option<Name>,
    /// Flag it as a concern: a red flag, such as your name used without consent
    #[arg(long)]
    pub concern: bool,
    /// When it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let text = ctx.require(args.text, "TEXT", "the note's text")?;
    let date = args
        .date
        .map_or(ctx.today(), |date| date.resolve(ctx.today()));
    let mut journal = ctx.open(Access::Write)?;
    let (id, on) = journal.write(|tx| {
        let (target, on) = if let Some(name) = &args.network {
            let network = resolve_network(tx, name)?;
            (
                Target::Network(network.id),
                format!(" on network {}", network.name),
            )
        } else if let Some(id) = args.meeting {
            if !meeting::exists(tx, id)? {
                return Err(CliError::bad_input(format!("no meeting #{id}"))
                    .with_hint("see the meetings' numbers with `netjournal list meetings`"));
            }
            (Target::Meeting(id), format!(" on meeting #{id}"))
        } else if let Some(name) = &args.contact {
            let id = resolve_contact(tx, name)?;
            (
                Target::Contact(id),
                format!(" on contact {}", contact::name_of(tx, id)?),
            )
        } else {
            (Target::Nothing, String::new())
        };
        let new = NewNote {
            date,
            text: text.into_string(),
            concern: args.concern,
            target,
        };
        Ok::<_, CliError>((note::insert(tx, &new, &ctx.timestamp())?, on))
    })?;
    let what = if args.concern { "concern" } else { "note" };
    println!("Added {what} #{id}{on}.");
    Ok(())
}
