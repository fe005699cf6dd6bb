//! `log referral --received|--given …`: record business passed to you or by you.

use crate::context::{Context, resolve_contact, resolve_network};
use crate::db::Access;
use crate::db::referral::{self, NewReferral};
use crate::domain::referral::ValueChange;
use crate::domain::{DateArg, Direction, Money, Name, ReferralStatus, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal log referral --received --network \"BNI Montpellier\" --contact \"Paul Martin\" \\
      --notes \"website for his brother-in-law\"
  netjournal log referral --received --contact \"Claire Petit\" --status won --value \"3 200\"
  netjournal log referral --given --contact \"Sophie Durand\" --date 2024-03")]
pub struct Args {
    /// A referral someone passed to you
    #[arg(long, conflicts_with = "given")]
    pub received: bool,
    /// A referral you passed to someone
    #[arg(long)]
    pub given: bool,
    /// The network it came through (none for a personal relationship)
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// Who referred you, or whom you referred
    #[arg(long, value_name = "NAME")]
    pub contact: Option<Name>,
    /// When [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// What came of it [default: open, or won when --value is given]
    #[arg(long, value_enum, ignore_case = true)]
    pub status: Option<ReferralStatus>,
    /// The business won, such as 3200 or "3 200 €"
    #[arg(long, value_name = "AMOUNT")]
    pub value: Option<Money>,
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
    args.network = ask.network_or_none(
        args.network,
        &ctx.say(Msg::NoneRelationship, &[]),
        &ctx.say(Msg::AskReferralNetwork, &[]),
    )?;
    args.contact = ask.contact_or_none(args.contact, &ctx.say(Msg::AskReferralContact, &[]))?;
    let date = ask.date(args.date, &ctx.say(Msg::AskWhen, &[]))?;
    if ask.asking() && args.status.is_none() && args.value.is_none() {
        let status = ask.choice(
            None,
            ReferralStatus::ALL,
            "--status",
            &ReferralStatus::keywords_in(ctx.lang),
            &ctx.say(Msg::AskOutcome, &[]),
        )?;
        if status == ReferralStatus::Won {
            args.value = ask.optional(None, &ctx.say(Msg::AskValue, &[]))?;
        }
        args.status = Some(status);
    }
    args.notes = ask.optional(args.notes, &ctx.say(Msg::AskAbout, &[]))?;
    let (status, value) = crate::domain::referral::outcome(
        (ReferralStatus::Open, None),
        args.status,
        ValueChange::from_typed(args.value),
    )?;
    let mut journal = ctx.open(Access::Write)?;
    let id = journal.write(|tx| {
        let network = args
            .network
            .as_ref()
            .map(|name| resolve_network(tx, name))
            .transpose()?;
        let contact_id = args
            .contact
            .as_ref()
            .map(|name| resolve_contact(tx, name))
            .transpose()?;
        let new = NewReferral {
            direction,
            date,
            network_id: network.map(|n| n.id),
            contact_id,
            description: args.notes.clone().map(Text::into_string),
            status,
            value,
        };
        referral::insert(tx, &new, &ctx.timestamp()).map_err(CliError::from)
    })?;
    say_line!(
        "{}",
        ctx.say(
            Msg::LoggedReferral,
            &[
                ("id", &id.to_string()),
                ("direction", direction.label(ctx.lang)),
                ("status", status.label(ctx.lang)),
                ("date", &date.format("%Y-%m-%d").to_string()),
            ],
        )
    )?;
    Ok(())
}
