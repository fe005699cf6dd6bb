//! `rm meeting ID`: a meeting and the notes on it; the people met stay.

use super::{also, as_shown, confirm_then, confirmation_help, with};
use crate::context::Context;
use crate::db::{Access, meeting};
use crate::domain::Id;
use crate::error::CliError;

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
    /// The meeting's number (the `#` of `netjournal list meetings`)
    #[arg(value_name = "ID")]
    pub id: Option<Id>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let id = ctx.require(args.id, "ID", "the meeting's number")?.get();
    let mut journal = ctx.open(Access::Read)?;
    let shown = meeting::removal(journal.conn(), id)?.ok_or_else(|| {
        CliError::bad_input(format!("no meeting #{id}"))
            .with_hint("see the meetings' numbers with `netjournal list meetings`")
    })?;
    let place = shown
        .network
        .as_ref()
        .map(|network| format!(" at {network}"))
        .unwrap_or_default();
    let question = format!(
        "Remove meeting #{id}: {}{place} on {}{}{}?",
        shown.format,
        shown.date.format("%Y-%m-%d"),
        with(&[(shown.notes, "note")]),
        match shown.contacts_kept {
            0 => String::new(),
            1 => " (the contact met there stays)".into(),
            n => format!(" (the {n} contacts met there stay)"),
        }
    );
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, meeting::delete(tx, id)?)
    })?
    else {
        return Ok(());
    };
    println!("Removed meeting #{id}{}.", also(&[(removed.notes, "note")]));
    Ok(())
}
