//! `rm referral ID`: one referral, nothing else.

use super::{as_shown, confirm_then, confirmation_help, numbered};
use crate::context::Context;
use crate::db::referral;
use crate::domain::{Direction, Id};
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Numbered;

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
    /// The referral's number (the `#` of `netjournal list referrals`); on a terminal,
    /// picked from a list if left out
    #[arg(value_name = "ID")]
    pub id: Option<Id>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let (id, mut journal, shown) = numbered(ctx, Numbered::Referral, args.id, referral::removal)?;
    let number = id.to_string();
    let lang = ctx.lang;
    let whom = match (&shown.contact, shown.direction) {
        (None, _) => String::new(),
        (Some(contact), Direction::Received) => {
            ctx.say(Msg::ReferralFrom, &[("from", &lang.by(contact))])
        }
        (Some(contact), Direction::Given) => ctx.say(Msg::ReferralTo, &[("contact", contact)]),
    };
    let question = ctx.say(
        Msg::AskRemoveReferral,
        &[
            ("id", &number),
            ("direction", shown.direction.label(lang)),
            ("whom", &whom),
            ("status", shown.status.label(lang)),
            ("date", &lang.day(shown.date)),
        ],
    );
    let removed = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, referral::delete(tx, id)?)
    })?;
    if removed.is_some() {
        say_line!("{}", ctx.say(Msg::RemovedReferral, &[("id", &number)]))?;
    }
    Ok(())
}
