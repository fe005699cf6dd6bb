//! `rm referral ID`: one referral, nothing else.

use super::{as_shown, confirm_then, confirmation_help};
use crate::context::Context;
use crate::db::{Access, referral};
use crate::domain::{Direction, Id};
use crate::error::CliError;

#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "What goes: the referral, and nothing else. To record what became of it instead, see \
     `netjournal edit referral`.

",
    confirmation_help!(),
    "

Example:
  netjournal rm referral 3"
))]
pub struct Args {
    /// The referral's number (the `#` of `netjournal list referrals`)
    #[arg(value_name = "ID")]
    pub id: Option<Id>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let id = ctx.require(args.id, "ID", "the referral's number")?.get();
    let mut journal = ctx.open(Access::Read)?;
    let shown = referral::removal(journal.conn(), id)?.ok_or_else(|| {
        CliError::bad_input(format!("no referral #{id}"))
            .with_hint("see the referrals' numbers with `netjournal list referrals`")
    })?;
    let whom = match (&shown.contact, shown.direction) {
        (None, _) => String::new(),
        (Some(contact), Direction::Received) => format!(" from {contact}"),
        (Some(contact), Direction::Given) => format!(" to {contact}"),
    };
    let question = format!(
        "Remove referral #{id}: {}{whom}, {}, on {}?",
        shown.direction,
        shown.status,
        shown.date.format("%Y-%m-%d")
    );
    let removed = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, referral::delete(tx, id)?)
    })?;
    if removed.is_some() {
        println!("Removed referral #{id}.");
    }
    Ok(())
}
