//! `edit referral ID …`: change what `log referral` recorded — most often, that the business
//! was won, and for how much.

use crate::commands::choices;
use crate::commands::log::referral::Fields;
use crate::commands::resolve::no_numbered;
use crate::commands::resolve::{resolve_contact, resolve_given_network};
use crate::context::Context;
use crate::db::referral::{self, NewReferral};
use crate::db::{contact, network, settings, written};
use crate::domain::referral::{ValueChange, outcome};
use crate::domain::{DateArg, Direction, Id, Name, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::prompt::{Numbered, Questions};

use super::{Changes, Clearing, Edited, Given, Options, apply, check_options, day, named};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit referral 12 --status won --value 3200
  netjournal edit referral 7 --status lost --clear value --notes \"went to a cheaper agency\"")]
pub struct Args {
    /// The referral's # in `netjournal list referrals`; on a terminal, picked from a list if
    /// left out
    #[arg(value_name = "ID")]
    pub referral: Option<Id>,
    /// It was passed to you
    #[arg(long, conflicts_with = "given")]
    pub received: bool,
    /// You passed it to someone
    #[arg(long)]
    pub given: bool,
    /// The network it came through
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// Who referred you, or whom you referred
    #[arg(long, value_name = "NAME", add = crate::commands::completions::contacts())]
    pub contact: Option<Name>,
    /// When
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub fields: Fields,
    /// Record it even when dated after today, or outside your membership of its network
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub clear: Clearing<Clear>,
}

/// The optional fields of a referral that `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    Network,
    Contact,
    Value,
    #[value(alias = "description")]
    Notes,
}

impl Options for Args {
    type Field = Clear;
    const NOUN: &'static str = "referral";
    const EXAMPLE: Msg = Msg::EditExampleReferral;

    fn options(&self) -> Vec<Given<Clear>> {
        vec![
            Given::option("--received", self.received),
            Given::option("--given", self.given),
            Given::field("--network", self.network.is_some(), Clear::Network),
            Given::field("--contact", self.contact.is_some(), Clear::Contact),
            Given::option("--date", self.date.is_some()),
            Given::option("--status", self.fields.status.is_some()),
            Given::field("--value", self.fields.value.is_some(), Clear::Value),
            Given::field("--notes", self.fields.notes.is_some(), Clear::Notes),
        ]
    }

    fn clearing(&self) -> &Clearing<Clear> {
        &self.clear
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(ctx, &args)?;
    let clear = &args.clear;
    let value = if clear.contains(&Clear::Value) {
        ValueChange::Clear
    } else {
        ValueChange::from_typed(ctx.money(args.fields.value.clone())?)
    };
    let id = Questions::new(ctx, args.referral.is_some())
        .numbered(Numbered::Referral, args.referral, |what| {
            choices::recent(ctx, what)
        })?
        .get();
    let today = ctx.today();
    let mut journal = super::open(ctx)?;
    let changes = journal.write(|tx| {
        let old = referral::load(tx, id)?.ok_or_else(|| no_numbered(Numbered::Referral, id))?;
        let mut new = old.clone();
        if args.received {
            new.direction = Direction::Received;
        }
        if args.given {
            new.direction = Direction::Given;
        }
        let network = resolve_given_network(tx, args.network.as_ref())?;
        apply(
            &mut new.network_id,
            network.map(|n| n.id),
            clear.contains(&Clear::Network),
        );
        let contact = args
            .contact
            .as_ref()
            .map(|name| resolve_contact(tx, name))
            .transpose()?;
        apply(
            &mut new.contact_id,
            contact,
            clear.contains(&Clear::Contact),
        );
        if let Some(date) = args.date {
            new.date = date.resolve(today);
        }
        if args.date.is_some() || args.network.is_some() {
            crate::commands::dated::check(
                ctx,
                tx,
                crate::commands::dated::Dated::Referral,
                new.date,
                new.network_id,
                args.force,
            )?;
        }
        (new.status, new.value) = outcome((old.status, old.value), args.fields.status, value)?;
        apply(
            &mut new.description,
            args.fields.notes.clone().map(Text::into_string),
            clear.contains(&Clear::Notes),
        );
        let changes = changes(tx, &old, &new, ctx.lang)?;
        if !changes.is_empty() {
            written::update(tx, id, &new, &ctx.timestamp())?;
        }
        Ok::<_, CliError>(changes)
    })?;
    say_line!("{}", changes.sentence(Edited::Referral(id)))?;
    Ok(())
}

/// What changed from `old` to `new`, in the order of the options.
fn changes(
    conn: &rusqlite::Connection,
    old: &NewReferral,
    new: &NewReferral,
    lang: Lang,
) -> Result<Changes, CliError> {
    let currency = settings::currency(conn)?;
    let network_name = |id: Option<i64>| -> Result<Option<String>, CliError> {
        Ok(match id {
            Some(id) => network::get(conn, id)?.map(|n| n.name),
            None => None,
        })
    };
    let contact_name = |id: Option<i64>| -> Result<Option<String>, CliError> {
        Ok(match id {
            Some(id) => Some(contact::name_of(conn, id)?),
            None => None,
        })
    };
    let mut changes = Changes::new(lang);
    changes.field(
        Msg::FieldDirection,
        Some(&old.direction),
        Some(&new.direction),
        |d| d.label(lang).to_string(),
    );
    changes.field(
        Msg::FieldNetwork,
        network_name(old.network_id)?.as_ref(),
        network_name(new.network_id)?.as_ref(),
        |n| named(n),
    );
    changes.field(
        Msg::FieldContact,
        contact_name(old.contact_id)?.as_ref(),
        contact_name(new.contact_id)?.as_ref(),
        |n| named(n),
    );
    changes.field(Msg::FieldDate, Some(&old.date), Some(&new.date), day);
    changes.field(
        Msg::FieldStatus,
        Some(&old.status),
        Some(&new.status),
        |s| s.label(lang).to_string(),
    );
    changes.field(
        Msg::FieldValue,
        old.value.as_ref(),
        new.value.as_ref(),
        |value| value.format(&currency, lang),
    );
    changes.text(Msg::FieldNotes, &old.description, &new.description);
    Ok(changes)
}
