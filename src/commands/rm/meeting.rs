//! `rm meeting ID`: a meeting and the notes on it; the people met stay.

use super::{also, as_shown, confirm_then, confirmation_help, stays, with};
use crate::commands::choices;
use crate::context::Context;
use crate::db::{Access, meeting};
use crate::domain::Id;
use crate::error::CliError;
use crate::messages::{Message, Msg};
use crate::output::say_line;
use crate::prompt::{Numbered, Questions};

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
    // On a terminal, picked from the meetings when not given.
    let ask = Questions::new(ctx, args.id.is_some());
    let id = ask
        .numbered(Numbered::Meeting, args.id, |what| {
            choices::recent(ctx, what)
        })?
        .get();
    let number = id.to_string();
    let mut journal = ctx.open(Access::Read)?;
    let shown = meeting::removal(journal.conn(), id)?.ok_or_else(|| {
        CliError::bad_input(Message::keyed(Msg::NoMeeting, &[("id", &number)]))
            .with_hint(Message::keyed(Msg::SeeMeetings, &[]))
    })?;
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
