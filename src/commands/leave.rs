//! `leave network NAME --reason TEXT [--date DATE]`.

use crate::context::{Context, resolve_network};
use crate::db::{Access, network};
use crate::domain::{DateArg, Name, Text};
use crate::error::CliError;
use crate::prompt::{Networks, Questions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  netjournal leave network \"BNI Montpellier\" --date 2024-03 \\
      --reason \"cannot recommend someone known from one croissant\"")]
pub struct Args {
    /// The network you left
    #[arg(value_name = "NAME")]
    pub name: Option<Name>,
    /// When you left [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// Why you left
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<Text>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let ask = Questions::new(ctx, args.name.is_some() && args.reason.is_some());
    let name = ask.network(
        args.name,
        Networks::Active,
        "NAME",
        "Which network did you leave?",
    )?;
    let left_on = ask.date(args.date, "When did you leave?")?;
    let reason = ask.text(
        args.reason,
        "--reason",
        "why you left, in a few words",
        "Why did you leave, in a few words?",
    )?;
    let mut journal = ctx.open(Access::Write)?;
    let network = journal.write(|tx| {
        let network = resolve_network(tx, &name)?;
        if let Some(left) = network.left_on {
            return Err(CliError::bad_input(format!(
                "network `{}` was already left on {}",
                network.name,
                left.format("%Y-%m-%d")
            ))
            .with_hint(format!(
                "to change when or why: `netjournal edit network \"{}\" --left DATE --reason TEXT`",
                network.name
            )));
        }
        if let Some(joined) = network.joined_on.filter(|joined| left_on < *joined) {
            return Err(CliError::bad_input(format!(
                "--date {} is before `{}` was joined, on {}",
                left_on.format("%Y-%m-%d"),
                network.name,
                joined.format("%Y-%m-%d")
            ))
            .with_hint("give the date you left, on or after the date you joined"));
        }
        network::leave(tx, network.id, left_on, reason.as_str(), &ctx.timestamp())?;
        Ok::<_, CliError>(network)
    })?;
    println!(
        "Left network `{}` on {}.",
        network.name,
        left_on.format("%Y-%m-%d")
    );
    Ok(())
}
