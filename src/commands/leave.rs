//! `leave network NAME --reason TEXT [--date DATE]`.

use crate::commands::choices;
use crate::commands::resolve::resolve_network;
use crate::context::Context;
use crate::db::{Access, network};
use crate::domain::{DateArg, Name, Text};
use crate::error::CliError;
use crate::messages::{Message, Msg};
use crate::output::say_line;
use crate::prompt::{Networks, Questions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  netjournal leave network \"BNI Montpellier\" --date 2024-03 \\
      --reason \"cannot recommend someone known from one croissant\"")]
pub struct Args {
    /// The network you left
    #[arg(value_name = "NAME", add = crate::commands::completions::networks())]
    pub name: Option<Name>,
    /// When you left [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// Why you left
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<Text>,
    /// Leave on that date even when meetings or referrals are recorded after it
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some() && args.reason.is_some());
    let name = ask.network(
        args.name,
        Networks::Active,
        "NAME",
        &ctx.say(Msg::AskLeftNetwork, &[]),
        |which| choices::networks(ctx, which),
    )?;
    let left_on = ask.date(args.date, &ctx.say(Msg::AskLeftWhen, &[]))?;
    let reason = ask.text(
        args.reason,
        "--reason",
        &ctx.say(Msg::ExpectReason, &[]),
        &ctx.say(Msg::AskLeftWhy, &[]),
    )?;
    let mut journal = ctx.open(Access::Write)?;
    let network = journal.write(|tx| {
        let network = resolve_network(tx, &name)?;
        if let Some(left) = network.left_on {
            let left = ctx.lang.day(left);
            let name = network.name.as_str();
            return Err(CliError::bad_input(Message::keyed(
                Msg::AlreadyLeft,
                &[("name", name), ("date", &left)],
            ))
            .with_hint(Message::keyed(Msg::EditLeft, &[("name", name)])));
        }
        if let Some(joined) = network.joined_on.filter(|joined| left_on < *joined) {
            return Err(CliError::bad_input(Message::keyed(
                Msg::LeftBeforeJoined,
                &[
                    ("date", &left_on.format("%Y-%m-%d").to_string()),
                    ("name", &network.name),
                    ("joined", &joined.format("%Y-%m-%d").to_string()),
                ],
            ))
            .with_hint(Message::keyed(Msg::LeftBeforeJoinedHint, &[])));
        }
        let left = network::Network {
            left_on: Some(left_on),
            ..network.clone()
        };
        crate::commands::dated::membership(tx, &network, &left, args.force)?;
        network::leave(tx, network.id, left_on, reason.as_str(), &ctx.timestamp())?;
        Ok::<_, CliError>(network)
    })?;
    let date = ctx.lang.day(left_on);
    say_line!(
        "{}",
        ctx.say(
            Msg::LeftNetwork,
            &[("name", &network.name), ("date", &date)]
        )
    )?;
    Ok(())
}
