//! `edit network ID-OR-NAME …`: rename a network, or change what `add network` and `leave
//! network` recorded. A new fee takes effect from a date (the next renewal by default), so that
//! the periods already paid keep the fee they were paid at (see [`crate::domain::fee`]).

use crate::commands::choices;
use crate::commands::resolve::resolve_network_ref;
use crate::context::Context;
use crate::db::network::{self, Network};
use crate::db::{fee as fees, settings};
use crate::domain::fee::{FeeEdit, FeeEditError, FeeHistory, FeeStep, Membership, Placed};
use crate::domain::money::Amount;
use crate::domain::{DateArg, FeePeriod, Kind, Money, Name, NameOrId, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output;
use crate::prompt::Questions;

use super::{Changes, Clearing, Edited, Given, Options, apply, check_options, day, named};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit network \"BNI Montpellier\" --fee 720 --clear notes
  netjournal edit network \"BNI Montpellier\" --fee 780 --from 2025-01-10
  netjournal edit network \"union des tpe\" --name \"Union des TPE du Lez\" --kind local
  netjournal edit network 3 --left 2024-03-01 --reason \"my name on press releases\"")]
pub struct Args {
    /// The network: its name (any case) or its # in `netjournal list networks`; on a
    /// terminal, picked from a list if left out
    #[arg(value_name = "ID-OR-NAME", add = crate::commands::completions::networks())]
    pub network: Option<NameOrId>,
    /// A new name (unique, compared case-insensitively)
    #[arg(long, value_name = "NAME")]
    pub name: Option<Name>,
    /// What brings its members together
    #[arg(long, value_parser = crate::domain::vocab::parser::<Kind>())]
    pub kind: Option<Kind>,
    /// When you joined
    #[arg(long, value_name = "DATE")]
    pub joined: Option<DateArg>,
    /// How you found it, or who invited you
    #[arg(long, value_name = "TEXT")]
    pub invited_by: Option<Text>,
    /// The membership fee, such as 600 or 45,50: a new fee takes effect from the next renewal
    /// (see --from), and the periods before keep theirs; a first fee is the fee joined at
    // A negative amount is taken as a value, for the parser to refuse it by name, rather
    // than as an unknown option with clap's tip about `--`.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub fee: Option<Amount>,
    /// How often the fee is paid [default: as recorded, or year for a first fee]
    #[arg(long, value_parser = crate::domain::vocab::parser::<FeePeriod>())]
    pub fee_period: Option<FeePeriod>,
    /// When the new fee takes effect [default: the next renewal, counted from joining; for a
    /// network left, or a fee paid once, the fee in force is corrected]; on or before the
    /// joining date, it is the fee joined at. Again on the same date, it replaces that change
    #[arg(long, value_name = "DATE")]
    pub from: Option<DateArg>,
    /// Its rules, such as "one member per profession"
    #[arg(long, value_name = "TEXT")]
    pub rules: Option<Text>,
    /// Anything else worth remembering
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
    /// When you left (a network you left; to leave one, see `netjournal leave network`)
    #[arg(long, value_name = "DATE")]
    pub left: Option<DateArg>,
    /// Why you left (a network you left)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<Text>,
    #[command(flatten)]
    pub clear: Clearing<Clear>,
    /// Keep the new dates even when meetings or referrals already recorded fall outside them
    #[arg(long)]
    pub force: bool,
}

/// The optional fields of a network that `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    InvitedBy,
    /// The fee, its period, and every change of it over time
    Fee,
    Rules,
    Notes,
}

impl Options for Args {
    type Field = Clear;
    const NOUN: &'static str = "network";
    const EXAMPLE: Msg = Msg::EditExampleNetwork;

    fn options(&self) -> Vec<Given<Clear>> {
        vec![
            Given::option("--name", self.name.is_some()),
            Given::option("--kind", self.kind.is_some()),
            Given::option("--joined", self.joined.is_some()),
            Given::field("--invited-by", self.invited_by.is_some(), Clear::InvitedBy),
            Given::field("--fee", self.fee.is_some(), Clear::Fee),
            Given::field("--fee-period", self.fee_period.is_some(), Clear::Fee),
            Given::field("--from", self.from.is_some(), Clear::Fee),
            Given::field("--rules", self.rules.is_some(), Clear::Rules),
            Given::field("--notes", self.notes.is_some(), Clear::Notes),
            Given::option("--left", self.left.is_some()),
            Given::option("--reason", self.reason.is_some()),
        ]
    }

    fn clearing(&self) -> &Clearing<Clear> {
        &self.clear
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(ctx, &args)?;
    let clear = &args.clear;
    if let Some(from) = args.from
        && args.fee.is_none()
        && args.fee_period.is_none()
        && !clear.contains(&Clear::Fee)
    {
        let from = day(&from.resolve(ctx.today()));
        return Err(
            CliError::bad_input(Message::keyed(Msg::FromNeedsFee, &[("from", &from)]))
                .with_hint(Message::keyed(Msg::FromNeedsFeeHint, &[])),
        );
    }
    let which = Questions::new(ctx, args.network.is_some()).network_ref(
        args.network.clone(),
        "ID-OR-NAME",
        |which| choices::networks(ctx, which),
    )?;
    let today = ctx.today();
    let fee = ctx.money(args.fee.clone())?;
    let mut journal = super::open(ctx)?;
    let (network, changes, placed) = journal.write(|tx| {
        let old = resolve_network_ref(tx, &which)?;
        let mut new = old.clone();
        if let Some(name) = &args.name {
            if let Some(taken) = network::find(tx, name)?.filter(|taken| taken.id != old.id) {
                let name = [("name", taken.name.as_str())];
                return Err(
                    CliError::bad_input(Message::keyed(Msg::NetworkExists, &name))
                        .with_hint(Message::keyed(Msg::SeeNetwork, &name)),
                );
            }
            new.name = name.to_string();
        }
        if let Some(kind) = args.kind {
            new.kind = kind;
        }
        if let Some(joined) = args.joined {
            new.joined_on = Some(joined.resolve(today));
        }
        apply(
            &mut new.invited_by,
            args.invited_by.clone().map(Text::into_string),
            clear.contains(&Clear::InvitedBy),
        );
        apply(
            &mut new.rules,
            args.rules.clone().map(Text::into_string),
            clear.contains(&Clear::Rules),
        );
        apply(
            &mut new.notes,
            args.notes.clone().map(Text::into_string),
            clear.contains(&Clear::Notes),
        );
        if args.left.is_some() || args.reason.is_some() {
            if old.left_on.is_none() {
                let option = if args.left.is_some() {
                    "--left"
                } else {
                    "--reason"
                };
                let name = old.name.as_str();
                return Err(CliError::bad_input(Message::keyed(
                    Msg::StillActive,
                    &[("option", option), ("name", name)],
                ))
                .with_hint(Message::keyed(Msg::RecordLeaving, &[("name", name)])));
            }
            if let Some(left) = args.left {
                new.left_on = Some(left.resolve(today));
            }
            if let Some(reason) = &args.reason {
                new.exit_reason = Some(reason.to_string());
            }
        }
        check_dates(&new, args.left.is_some())?;
        if new.joined_on != old.joined_on || new.left_on != old.left_on {
            crate::commands::dated::membership(tx, &old, &new, args.force)?;
        }
        // The fees once the dates are set: a change now on or before joining is the fee
        // joined at, and a default date counts from the joining date as edited.
        let old_fees = fees::history(tx, old.id)?;
        let (new_fees, placed) = set_fee(
            &new,
            &old_fees,
            &args,
            fee,
            clear.contains(&Clear::Fee),
            today,
        )?;
        new.fee_cents = new_fees.joined.map(|fee| fee.cents);
        new.fee_period = new_fees.joined.map(|fee| fee.period);
        let currency = settings::currency(tx)?;
        let steps = (old_fees.steps(old.joined_on), new_fees.steps(new.joined_on));
        let changes = changes(&old, &new, &steps, &currency, ctx.lang);
        if !changes.is_empty() {
            let now = ctx.timestamp();
            network::update(tx, &new, &now)?;
            fees::save_changes(tx, new.id, &new_fees, &now)?;
        }
        let placed = placed.filter(|_| !changes.is_empty());
        Ok::<_, CliError>((new, changes, placed))
    })?;
    say_line!(
        "{}",
        changes.sentence(Edited::Network(network.id, &network.name))
    )?;
    // A fee that waits for the renewal is not what everybody expects: say when it starts.
    if let Some(Placed::From {
        date,
        renewal: true,
    }) = placed
    {
        say_line!(
            "{}",
            ctx.say(Msg::FeeFromRenewal, &[("date", &ctx.lang.date(date))])
        )?;
    }
    Ok(())
}

/// The fees after `--fee`, `--fee-period`, `--from` and `--clear fee` (see
/// [`Membership::apply`]), and where a new fee went. `--clear fee` removes the fee and every
/// change of it; a period alone needs a fee to apply to.
fn set_fee(
    network: &Network,
    recorded: &FeeHistory,
    args: &Args,
    fee: Option<Money>,
    cleared: bool,
    today: chrono::NaiveDate,
) -> Result<(FeeHistory, Option<Placed>), CliError> {
    if cleared {
        return Ok((FeeHistory::default(), None));
    }
    let recorded = recorded.normalized(network.joined_on);
    if args.fee.is_none() && args.fee_period.is_none() {
        return Ok((recorded, None));
    }
    let membership = Membership {
        joined_on: network.joined_on,
        left_on: network.left_on,
        today,
    };
    let edit = FeeEdit {
        cents: fee.map(Money::cents),
        period: args.fee_period,
        from: args.from.map(|from| from.resolve(today)),
    };
    match membership.apply(&recorded, edit) {
        Ok((fees, placed)) => Ok((fees, Some(placed))),
        Err(FeeEditError::PeriodNeedsFee(period)) => Err(CliError::bad_input(Message::keyed(
            Msg::PeriodNeedsFee,
            &[("period", period.as_str()), ("name", &network.name)],
        ))
        .with_hint(Message::keyed(Msg::PeriodNeedsFeeHint, &[]))),
        Err(FeeEditError::AfterLeaving { from, left }) => {
            let (from, left) = (day(&from), day(&left));
            let args = [
                ("from", from.as_str()),
                ("left", &left),
                ("name", &network.name),
            ];
            Err(
                CliError::bad_input(Message::keyed(Msg::FromAfterLeft, &args))
                    .with_hint(Message::keyed(Msg::FromAfterLeftHint, &args)),
            )
        }
    }
}

/// A network is left on or after the day it was joined.
fn check_dates(network: &Network, left_given: bool) -> Result<(), CliError> {
    let (Some(joined), Some(left)) = (network.joined_on, network.left_on) else {
        return Ok(());
    };
    if left >= joined {
        return Ok(());
    }
    let key = if left_given {
        Msg::EditLeftBeforeJoined
    } else {
        Msg::EditJoinedAfterLeft
    };
    let message = Message::keyed(
        key,
        &[
            ("left", &day(&left)),
            ("joined", &day(&joined)),
            ("name", &network.name),
        ],
    );
    Err(CliError::bad_input(message).with_hint(Message::keyed(Msg::LeftOnOrAfterJoined, &[])))
}

/// What changed from `old` to `new`, in the order of the options; `steps` are the fee's steps
/// before and after.
fn changes(
    old: &Network,
    new: &Network,
    steps: &(Vec<FeeStep>, Vec<FeeStep>),
    currency: &str,
    lang: Lang,
) -> Changes {
    let mut changes = Changes::new(lang);
    changes.field(Msg::FieldName, Some(&old.name), Some(&new.name), |s| {
        named(s)
    });
    changes.field(Msg::FieldKind, Some(&old.kind), Some(&new.kind), |k| {
        k.label(lang).to_string()
    });
    changes.field(
        Msg::FieldJoined,
        old.joined_on.as_ref(),
        new.joined_on.as_ref(),
        day,
    );
    changes.text(Msg::FieldInvitedBy, &old.invited_by, &new.invited_by);
    // The fee's whole history, so that a change from a date reads as one: `€15.00 per month,
    // then €20.00 per month from 2024-07-02`.
    // Compared as said: a joining date that moves does not change the fee.
    let fee = |steps: &Vec<FeeStep>| {
        Some(output::fee_steps(steps, currency, lang)).filter(|said| !said.is_empty())
    };
    changes.field(
        Msg::FieldFee,
        fee(&steps.0).as_ref(),
        fee(&steps.1).as_ref(),
        String::clone,
    );
    changes.text(Msg::FieldRules, &old.rules, &new.rules);
    changes.text(Msg::FieldNotes, &old.notes, &new.notes);
    changes.field(
        Msg::FieldLeft,
        old.left_on.as_ref(),
        new.left_on.as_ref(),
        day,
    );
    changes.text(Msg::FieldReason, &old.exit_reason, &new.exit_reason);
    changes
}
