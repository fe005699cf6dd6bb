//! `rm contact NAME|ID`: a contact and the notes on them; meetings and referrals stay.

use super::{also, and_list, as_shown, confirm_then, confirmation_help, counts, gone, stays, with};
use crate::commands::choices;
use crate::commands::resolve::contact_to_remove;
use crate::context::Context;
use crate::db::{Access, contact};
use crate::domain::NameOrId;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "What goes: the contact, the notes on them, and their place among the people met at each \
     meeting. What stays: the meetings (they happened, and cost what they cost) and the \
     referrals from or to them, with no contact (the business happened too).

",
    confirmation_help!(),
    "

Examples:
  netjournal rm contact \"Paul Martin\"
  netjournal rm contact 7 --yes"
))]
pub struct Args {
    /// The contact's name, or their number in `netjournal list contacts` (`7`, or `'#7'`: a
    /// number even when a contact is named `7`); on a terminal, picked from a list if left out
    #[arg(value_name = "NAME", add = crate::commands::completions::contacts())]
    pub contact: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    // On a terminal, picked from the contacts when not given.
    let which =
        Questions::new(ctx, args.contact.is_some())
            .contact_ref(args.contact, "NAME", || choices::contact_names(ctx))?;
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = contact_to_remove(conn, &which)?;
    let shown = contact::removal(conn, id)?.ok_or_else(|| gone(Msg::GoneContact))?;
    let lang = ctx.lang;
    let question = ctx.say(
        Msg::AskRemoveContact,
        &[
            ("name", &shown.name),
            ("with", &with(lang, &[(shown.notes, Msg::CountNotes)])),
            ("kept", &stays(kept(lang, &shown, Msg::StaysWithContact))),
        ],
    );
    let now = ctx.timestamp();
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, contact::delete(tx, id, &now)?)
    })?
    else {
        return Ok(());
    };
    say_line!(
        "{}",
        ctx.say(
            Msg::RemovedContact,
            &[
                ("name", &removed.name),
                ("also", &also(lang, &[(removed.notes, Msg::CountNotes)])),
            ],
        )
    )?;
    if let Some(kept) = kept(lang, &removed, Msg::KeptWithContact) {
        say_line!("{kept}")?;
    }
    Ok(())
}

/// What stays, as `key` tells it: `2 meetings and 1 referral with them stay`; `None` when
/// nothing stays.
fn kept(lang: Lang, removal: &contact::Removal, key: Msg) -> Option<String> {
    let parts = counts(
        lang,
        &[
            (removal.meetings_kept, Msg::CountMeetings),
            (removal.referrals_kept, Msg::CountReferrals),
        ],
    );
    let total = removal.meetings_kept + removal.referrals_kept;
    (!parts.is_empty()).then(|| lang.count(key, total, &[("things", &and_list(lang, &parts))]))
}
