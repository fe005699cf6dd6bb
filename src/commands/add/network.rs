//! `add network NAME --kind KIND …`: record a network one has joined.

use crate::commands::choices;
use crate::context::Context;
use crate::db::Access;
use crate::db::network::{self, NewNetwork};
use crate::domain::money::Amount;
use crate::domain::{DateArg, FeePeriod, Kind, Name, Text};
use crate::error::CliError;
use crate::messages::{Message, Msg};
use crate::output::say_line;
use crate::prompt::{Named, Questions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal add network \"BNI Montpellier\" --kind co-optation --joined 2024-01-10 \\
      --fee 600 --fee-period year --rules \"one member per profession\"
  netjournal add network \"Femmes Entrepreneures 34\" --kind gender-based --invited-by \"Claire\"")]
pub struct Args {
    /// The network's name, as you call it (unique, compared case-insensitively)
    #[arg(value_name = "NAME")]
    pub name: Option<Name>,
    /// What brings its members together
    #[arg(long, value_parser = crate::domain::vocab::parser::<Kind>())]
    pub kind: Option<Kind>,
    /// When you joined [default: today]
    #[arg(long, value_name = "DATE")]
    pub joined: Option<DateArg>,
    /// How you found it, or who invited you
    #[arg(long, value_name = "TEXT")]
    pub invited_by: Option<Text>,
    /// The membership fee, such as 600 or 45,50
    // A negative amount is taken as a value, for the parser to refuse it by name, rather
    // than as an unknown option with clap's tip about `--`.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub fee: Option<Amount>,
    /// How often the fee is paid [default: year]
    #[arg(long, value_parser = crate::domain::vocab::parser::<FeePeriod>(), requires = "fee")]
    pub fee_period: Option<FeePeriod>,
    /// Its rules, such as "one member per profession"
    #[arg(long, value_name = "TEXT")]
    pub rules: Option<Text>,
    /// Anything else worth remembering
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some() && args.kind.is_some());
    let name = ask.new_name(
        args.name,
        Named::Network,
        &ctx.say(Msg::AskNetworkName, &[]),
        || choices::taken_names(ctx, Named::Network),
    )?;
    let kind = ask.kind(args.kind)?;
    let joined_on = ask.date(args.joined, &ctx.say(Msg::AskJoined, &[]))?;
    let invited_by = ask.optional(args.invited_by, &ctx.say(Msg::AskInvitedBy, &[]))?;
    let fee = ctx.money(ask.optional(args.fee, &ctx.say(Msg::AskFee, &[]))?)?;
    let fee_period = match fee {
        Some(_) if args.fee_period.is_none() && ask.asking() => Some(ask.choice(
            None,
            FeePeriod::ALL,
            "--fee-period",
            &FeePeriod::keywords_in(ctx.lang),
            &ctx.say(Msg::AskFeePeriod, &[]),
        )?),
        _ => args.fee_period,
    };
    let rules = ask.optional(args.rules, &ctx.say(Msg::AskRules, &[]))?;
    let notes = ask.optional(args.notes, &ctx.say(Msg::AskOther, &[]))?;
    let new = NewNetwork {
        name,
        kind,
        joined_on,
        invited_by: invited_by.map(Text::into_string),
        fee: fee.map(|fee| (fee, fee_period.unwrap_or(FeePeriod::Year))),
        rules: rules.map(Text::into_string),
        notes: notes.map(Text::into_string),
    };
    let mut journal = ctx.open(Access::Write)?;
    let id = journal.write(|tx| {
        if let Some(existing) = network::find(tx, &new.name)? {
            let name = [("name", existing.name.as_str())];
            return Err(
                CliError::bad_input(Message::keyed(Msg::NetworkExists, &name))
                    .with_hint(Message::keyed(Msg::SeeNetwork, &name)),
            );
        }
        network::insert(tx, &new, &ctx.timestamp()).map_err(CliError::from)
    })?;
    say_line!(
        "{}",
        ctx.say(
            Msg::AddedNetwork,
            &[
                ("id", &id.to_string()),
                ("name", new.name.as_str()),
                ("kind", new.kind.label(ctx.lang)),
                ("date", &ctx.lang.day(new.joined_on)),
            ],
        )
    )?;
    Ok(())
}
