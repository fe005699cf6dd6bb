//! `rm meeting ID`: a meeting and the notes on it; the people met stay.

use super::{also, as_shown, confirm_then, confirmation_help, numbered, stays, with};
use crate::context::Context;
use crate::db::meeting;
use crate::domain::Id;
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Numbered;

#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "What goes: the meeting, the notes on it, and the record of who was met there. What stays: \
     the people met, as contacts.

",
    confirmation_help!(),
    "

Example:
  netjournal rm meeting 4"
))]
pub struct Args {
    /// The meeting's number (the `#` of `netjournal list meetings`); on a terminal,
    /// picked from a list if left out
    #[arg(value_name = "ID")]
    pub id: Option<Id>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let (id, mut journal, shown) = numbered(ctx, Numbered::Meeting, args.id, meeting::removal)?;
    let number = id.to_string();
    let lang = ctx.lang;
    let kept = (shown.contacts_kept > 0)
        .then(|| lang.count(Msg::StaysMeetingContacts, shown.contacts_kept, &[]));
    let date = lang.day(shown.date);
    let with = with(lang, &[(shown.notes, Msg::CountNotes)]);
    let kept = stays(kept);
    let mut args = vec![
        ("id", number.as_str()),
        ("format", shown.format.label(lang)),
        ("date", &date),
        ("with", &with),
        ("kept", &kept),
    ];
    let question = match &shown.network {
        Some(network) => {
            args.push(("network", network));
            ctx.say(Msg::AskRemoveMeetingAt, &args)
        }
        None => ctx.say(Msg::AskRemoveMeeting, &args),
    };
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, meeting::delete(tx, id)?)
    })?
    else {
        return Ok(());
    };
    let also = also(lang, &[(removed.notes, Msg::CountNotes)]);
    say_line!(
        "{}",
        ctx.say(Msg::RemovedMeeting, &[("id", &number), ("also", &also)])
    )?;
    Ok(())
}
