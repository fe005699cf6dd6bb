//! `add contact NAME …`: record a person one has met.

use crate::commands::choices;
use crate::commands::people::{self, Newcomers};
use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::Access;
use crate::db::contact::{self, NewContact};
use crate::domain::{DateArg, Email, LinkedinUrl, Name, Text};
use crate::error::CliError;
use crate::messages::{Message, Msg};
use crate::output::say_line;
use crate::prompt::{Named, Questions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal add contact \"Paul Martin\" --profession plumber --network \"BNI Montpellier\"
  netjournal add contact \"Sophie Durand\" --email sophie@example.com \\
      --linkedin https://www.linkedin.com/in/sophie-durand")]
pub struct Args {
    /// The person's name (unique in the journal, compared case-insensitively)
    #[arg(value_name = "NAME")]
    pub name: Option<Name>,
    #[command(flatten)]
    pub fields: Fields,
    /// When you first met them [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// This is a new person, even when a contact's name is close to it (without it, a close
    /// name is asked about, or refused with --no-input)
    #[arg(long)]
    pub new_contact: bool,
}

// What is known of a person besides their name and when they were first met: the options
// `add contact` records and `edit contact` changes, described once for both. (A `//` comment:
// a doc comment would become the description of the commands that flatten it.)
#[derive(Debug, Clone, clap::Args)]
pub struct Fields {
    /// What they do
    #[arg(long, value_name = "TEXT")]
    pub profession: Option<Text>,
    /// Where they work
    #[arg(long, value_name = "TEXT")]
    pub company: Option<Text>,
    /// The network you met them through
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// Their e-mail address
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<Email>,
    /// Their LinkedIn profile
    #[arg(long, value_name = "URL")]
    pub linkedin: Option<LinkedinUrl>,
    /// Anything else worth remembering
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some());
    let name = ask.new_name(
        args.name,
        Named::Contact,
        &ctx.say(Msg::AskContactName, &[]),
        || choices::taken_names(ctx, Named::Contact),
    )?;
    // A name close to a contact's is asked about first: the answer may be that they are
    // already in the journal.
    let mut newcomers = Newcomers::all(args.new_contact);
    let name = people::settle(ctx, vec![name.clone()], &mut newcomers)?
        .pop()
        .unwrap_or(name);
    let profession = ask.optional(args.fields.profession, &ctx.say(Msg::AskProfession, &[]))?;
    let company = ask.optional(args.fields.company, &ctx.say(Msg::AskCompany, &[]))?;
    let network = ask.network_or_none(
        args.fields.network,
        &ctx.say(Msg::NoneOutside, &[]),
        &ctx.say(Msg::AskContactNetwork, &[]),
        |which| choices::networks(ctx, which),
    )?;
    let email = ask.optional_with(args.fields.email, &ctx.say(Msg::AskEmail, &[]), str::parse)?;
    let linkedin = ask.optional_with(
        args.fields.linkedin,
        &ctx.say(Msg::AskLinkedin, &[]),
        str::parse,
    )?;
    let notes = ask.optional(args.fields.notes, &ctx.say(Msg::AskOther, &[]))?;
    let added_on = ask.date(args.date, &ctx.say(Msg::AskFirstMet, &[]))?;
    let mut journal = ctx.open(Access::Write)?;
    let (id, network) = journal.write(|tx| {
        if let Some(existing) = contact::find_id(tx, &name)? {
            let known = contact::name_of(tx, existing)?;
            return Err(CliError::bad_input(Message::keyed(
                Msg::ContactExists,
                &[("name", &known)],
            ))
            .with_hint(Message::keyed(Msg::TwoPeopleOneName, &[])));
        }
        if !newcomers.allows(&name)
            && let Some((_, near)) = people::close_contacts(tx, &name)?.into_iter().next()
        {
            return Err(people::close_refused(&name, &near));
        }
        let network = network
            .as_ref()
            .map(|n| resolve_network(tx, n))
            .transpose()?;
        let new = NewContact {
            name: name.clone(),
            profession: profession.clone().map(Text::into_string),
            company: company.clone().map(Text::into_string),
            email: email.clone().map(Email::into_string),
            linkedin: linkedin.clone().map(LinkedinUrl::into_string),
            network_id: network.as_ref().map(|n| n.id),
            notes: notes.clone().map(Text::into_string),
            added_on,
        };
        let id = contact::insert(tx, &new, &ctx.timestamp())?;
        Ok((id, network.map(|n| n.name)))
    })?;
    let id = id.to_string();
    let said = match network {
        Some(network) => ctx.say(
            Msg::AddedContactThrough,
            &[("id", &id), ("name", name.as_str()), ("network", &network)],
        ),
        None => ctx.say(Msg::AddedContact, &[("id", &id), ("name", name.as_str())]),
    };
    say_line!("{said}")?;
    Ok(())
}
