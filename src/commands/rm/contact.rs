//! `rm contact NAME|ID`: a contact and the notes on them; meetings and referrals stay.

use super::{also, and_list, as_shown, confirm_then, confirmation_help, counts, gone, stays, with};
use crate::commands::choices;
use crate::context::{Context, resolve_contact_ref};
use crate::db::{Access, contact};
use crate::domain::text::closest;
use crate::domain::{Name, NameOrId};
use crate::error::{CliError, Said};
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
    #[arg(value_name = "NAME")]
    pub contact: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    // On a terminal, picked from the contacts when not given.
    let which =
        Questions::new(ctx, args.contact.is_some())
            .contact_ref(args.contact, "NAME", || choices::contact_names(ctx))?;
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = match (&which, resolve_contact_ref(conn, &which)) {
        (_, Ok(id)) => id,
        // An unknown name: the closest one, without `resolve_contact`'s hint to record them.
        (NameOrId::Name(name), Err(_)) => return Err(unknown(conn, name)?),
        (_, Err(error)) => return Err(error),
    };
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

/// No contact of that name: the closest name as a hint, else where to see them. (Unlike
/// `context::resolve_contact`, no hint to record them: this is about to remove one.)
fn unknown(conn: &rusqlite::Connection, name: &Name) -> Result<CliError, CliError> {
    let names = contact::names(conn)?;
    let error = CliError::bad_input(Said::keyed(Msg::NoContactNamed, &[("name", name.as_str())]));
    Ok(
        match closest(name.as_str(), names.iter().map(String::as_str)) {
            Some(near) => error.with_hint(Said::keyed(Msg::DidYouMean, &[("near", near)])),
            None if names.is_empty() => error.with_hint(Said::keyed(Msg::NoContactYet, &[])),
            None => error.with_hint(Said::keyed(Msg::SeeContacts, &[])),
        },
    )
}
