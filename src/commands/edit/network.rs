//! `edit network ID-OR-NAME …`: rename a network, or change what `add network` and `leave
//! network` recorded.

use crate::context::{Context, resolve_network_ref};
use crate::db::network::{self, Network};
use crate::db::settings;
use crate::domain::{DateArg, FeePeriod, Kind, Money, Name, NameOrId, Text};
use crate::error::{CliError, Said};
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::output;
use crate::prompt::Questions;

use super::{CLEAR_HELP, Changes, Edited, Given, apply, check_options, day, named, quoted};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit network \"BNI Montpellier\" --fee 720 --clear notes
  netjournal edit network \"union des tpe\" --name \"Union des TPE du Lez\" --kind local
  netjournal edit network 3 --left 2024-03-01 --reason \"my name on press releases\"")]
pub struct Args {
    /// The network: its name (any case) or its # in `netjournal list networks`; on a
    /// terminal, picked from a list if left out
    #[arg(value_name = "ID-OR-NAME")]
    pub network: Option<NameOrId>,
    /// A new name (unique, compared case-insensitively)
    #[arg(long, value_name = "NAME")]
    pub name: Option<Name>,
    /// What brings its members together
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: Option<Kind>,
    /// When you joined
    #[arg(long, value_name = "DATE")]
    pub joined: Option<DateArg>,
    /// How you found it, or who invited you
    #[arg(long, value_name = "TEXT")]
    pub invited_by: Option<Text>,
    /// The membership fee, such as 600 or 45,50
    #[arg(long, value_name = "AMOUNT")]
    pub fee: Option<Money>,
    /// How often the fee is paid [default: as recorded, or year for a first fee]
    #[arg(long, value_enum, ignore_case = true)]
    pub fee_period: Option<FeePeriod>,
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
    #[arg(
        long,
        help = CLEAR_HELP,
        visible_alias = "unset",
        value_enum,
        value_name = "FIELD",
        value_delimiter = ',',
        ignore_case = true
    )]
    pub clear: Vec<Clear>,
}

/// The optional fields of a network that `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    InvitedBy,
    /// The fee and its period
    Fee,
    Rules,
    Notes,
}

impl Args {
    /// Every change option, with the field `--clear` empties in its place.
    fn options(&self) -> [Given<Clear>; 10] {
        [
            ("--name", self.name.is_some(), None),
            ("--kind", self.kind.is_some(), None),
            ("--joined", self.joined.is_some(), None),
            (
                "--invited-by",
                self.invited_by.is_some(),
                Some(Clear::InvitedBy),
            ),
            ("--fee", self.fee.is_some(), Some(Clear::Fee)),
            ("--fee-period", self.fee_period.is_some(), Some(Clear::Fee)),
            ("--rules", self.rules.is_some(), Some(Clear::Rules)),
            ("--notes", self.notes.is_some(), Some(Clear::Notes)),
            ("--left", self.left.is_some(), None),
            ("--reason", self.reason.is_some(), None),
        ]
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(
        ctx,
        "network",
        Msg::EditExampleNetwork,
        &args.options(),
        &args.clear,
    )?;
    let clear = &args.clear;
    let which = Questions::new(ctx, args.network.is_some())
        .network_ref(args.network.clone(), "ID-OR-NAME")?;
    let today = ctx.today();
    let mut journal = super::open(ctx)?;
    let (network, changes) = journal.write(|tx| {
        let old = resolve_network_ref(tx, &which)?;
        let mut new = old.clone();
        if let Some(name) = &args.name {
            if let Some(taken) = network::find(tx, name)?.filter(|taken| taken.id != old.id) {
                let name = [("name", taken.name.as_str())];
                return Err(CliError::bad_input(ctx.say(Msg::NetworkExists, &name))
                    .with_hint(ctx.say(Msg::SeeNetwork, &name)));
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
        set_fee(
            &mut new,
            args.fee,
            args.fee_period,
            clear.contains(&Clear::Fee),
        )?;
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
                return Err(CliError::bad_input(
                    ctx.say(Msg::StillActive, &[("option", option), ("name", name)]),
                )
                .with_hint(ctx.say(Msg::RecordLeaving, &[("name", name)])));
            }
            if let Some(left) = args.left {
                new.left_on = Some(left.resolve(today));
            }
            if let Some(reason) = &args.reason {
                new.exit_reason = Some(reason.to_string());
            }
        }
        check_dates(&new, args.left.is_some())?;
        let currency = settings::currency(tx)?;
        let changes = changes(&old, &new, &currency, ctx.lang);
        if !changes.is_empty() {
            network::update(tx, &new, &ctx.timestamp())?;
        }
        Ok::<_, CliError>((new, changes))
    })?;
    say_line!(
        "{}",
        changes.sentence(Edited::Network(network.id, &network.name))
    )?;
    Ok(())
}

/// The fee after `--fee`, `--fee-period` and `--clear fee`: a new amount keeps the period
/// recorded (a year for a first fee); a period alone needs a fee to apply to.
fn set_fee(
    network: &mut Network,
    fee: Option<Money>,
    period: Option<FeePeriod>,
    cleared: bool,
) -> Result<(), CliError> {
    if cleared {
        network.fee_cents = None;
        network.fee_period = None;
    } else if let Some(fee) = fee {
        network.fee_cents = Some(fee.cents());
        network.fee_period = Some(period.or(network.fee_period).unwrap_or(FeePeriod::Year));
    } else if let Some(period) = period {
        if network.fee_cents.is_none() {
            return Err(CliError::bad_input(Said::keyed(
                Msg::PeriodNeedsFee,
                &[("period", period.as_str()), ("name", &network.name)],
            ))
            .with_hint(Said::keyed(Msg::PeriodNeedsFeeHint, &[])));
        }
        network.fee_period = Some(period);
    }
    Ok(())
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
    let message = Said::keyed(
        key,
        &[
            ("left", &day(&left)),
            ("joined", &day(&joined)),
            ("name", &network.name),
        ],
    );
    Err(CliError::bad_input(message).with_hint(Said::keyed(Msg::LeftOnOrAfterJoined, &[])))
}

/// What changed from `old` to `new`, in the order of the options.
fn changes(old: &Network, new: &Network, currency: &str, lang: Lang) -> Changes {
    let mut changes = Changes::new(lang);
    let text = |s: &String| quoted(s, lang);
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
    changes.field(
        Msg::FieldInvitedBy,
        old.invited_by.as_ref(),
        new.invited_by.as_ref(),
        text,
    );
    let fee = |(cents, period): &(i64, FeePeriod)| output::fee(*cents, *period, currency, lang);
    changes.field(
        Msg::FieldFee,
        old.fee_cents.zip(old.fee_period).as_ref(),
        new.fee_cents.zip(new.fee_period).as_ref(),
        fee,
    );
    changes.field(
        Msg::FieldRules,
        old.rules.as_ref(),
        new.rules.as_ref(),
        text,
    );
    changes.field(
        Msg::FieldNotes,
        old.notes.as_ref(),
        new.notes.as_ref(),
        text,
    );
    changes.field(
        Msg::FieldLeft,
        old.left_on.as_ref(),
        new.left_on.as_ref(),
        day,
    );
    changes.field(
        Msg::FieldReason,
        old.exit_reason.as_ref(),
        new.exit_reason.as_ref(),
        text,
    );
    changes
}
