//! `rm note ID`: one note or concern, nothing else.

use super::{as_shown, confirm_then, confirmation_help, numbered};
use crate::context::Context;
use crate::db::note;
use crate::domain::Id;
use crate::domain::text::one_line;
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Numbered;

/// How much of a note the question quotes.
const QUOTED_CHARS: usize = 60;

#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "What goes: the note (or concern), and nothing else.

",
    confirmation_help!(),
    "

Example:
  netjournal rm note 2"
))]
pub struct Args {
    /// The note's number (the `#` of `netjournal list notes`); on a terminal,
    /// picked from a list if left out
    #[arg(value_name = "ID")]
    pub id: Option<Id>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let (id, mut journal, shown) = numbered(ctx, Numbered::Note, args.id, note::removal)?;
    let number = id.to_string();
    let lang = ctx.lang;
    let date = lang.day(shown.date);
    let text = lang.quote(&quote(&shown.text));
    let resolved = shown
        .resolved_on
        .map(|day| lang.say(Msg::ResolvedOnSuffix, &[("date", &lang.day(day))]))
        .unwrap_or_default();
    let severity = shown.severity.map(|s| s.label(lang)).unwrap_or_default();
    let (ask, removed) = if shown.severity.is_some() {
        (Msg::AskRemoveConcern, Msg::RemovedConcern)
    } else {
        (Msg::AskRemoveNote, Msg::RemovedNote)
    };
    let question = ctx.say(
        ask,
        &[
            ("id", &number),
            ("date", &date),
            ("text", &text),
            ("severity", severity),
            ("resolved", &resolved),
        ],
    );
    let done = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, note::delete(tx, id)?)
    })?;
    if done.is_some() {
        say_line!(
            "{}",
            ctx.say(removed, &[("id", &number), ("severity", severity)])
        )?;
    }
    Ok(())
}

/// The note on one line, cut after [`QUOTED_CHARS`] characters.
fn quote(text: &str) -> String {
    one_line(text, QUOTED_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_are_cut_on_one_line() {
        assert_eq!(quote("Breakfast\n at 7"), "Breakfast at 7");
        let long = "word ".repeat(30);
        let quoted = quote(&long);
        assert!(quoted.chars().count() <= QUOTED_CHARS);
        assert!(quoted.ends_with('…'));
    }
}
