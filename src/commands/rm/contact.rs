//! `rm contact NAME|ID`: a contact and the notes on them; meetings and referrals stay.

use super::{also, and_list, as_shown, confirm_then, confirmation_help, counts, gone, with};
use crate::context::{Context, resolve_contact_ref};
use crate::db::{Access, contact};
use crate::domain::text::closest;
use crate::domain::{Name, NameOrId};
use crate::error::CliError;

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
    /// number even when a contact is named `7`)
    #[arg(value_name = "NAME")]
    pub contact: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let which = ctx.require(args.contact, "NAME", "the contact's name or number")?;
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = match (&which, resolve_contact_ref(conn, &which)) {
        (_, Ok(id)) => id,
        // An unknown name: the closest one, without `resolve_contact`'s hint to record them.
        (NameOrId::Name(name), Err(_)) => return Err(unknown(conn, name)?),
        (_, Err(error)) => return Err(error),
    };
    let shown = contact::removal(conn, id)?.ok_or_else(|| gone("contact"))?;
    let kept = kept(&shown);
    let question = format!(
        "Remove contact `{}`{}{}?",
        shown.name,
        with(&[(shown.notes, "note")]),
        match (kept.as_str(), shown.meetings_kept + shown.referrals_kept) {
            ("", _) => String::new(),
            (kept, 1) => format!(" ({kept} with them stays)"),
            (kept, _) => format!(" ({kept} with them stay)"),
        }
    );
    let now = ctx.timestamp();
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, contact::delete(tx, id, &now)?)
    })?
    else {
        return Ok(());
    };
    println!(
        "Removed contact `{}`{}.",
        removed.name,
        also(&[(removed.notes, "note")])
    );
    let kept = self::kept(&removed);
    if !kept.is_empty() {
        println!("Kept {kept} with them.");
    }
    Ok(())
}

/// `2 meetings and 1 referral`: what stays, in words.
fn kept(removal: &contact::Removal) -> String {
    and_list(&counts(&[
        (removal.meetings_kept, "meeting"),
        (removal.referrals_kept, "referral"),
    ]))
}

/// No contact of that name: the closest name as a hint, else where to see them. (Unlike
/// `context::resolve_contact`, no hint to record them: this is about to remove one.)
fn unknown(conn: &rusqlite::Connection, name: &Name) -> Result<CliError, CliError> {
    let names = contact::names(conn)?;
    let error = CliError::bad_input(format!("no contact named `{name}`"));
    Ok(
        match closest(name.as_str(), names.iter().map(String::as_str)) {
            Some(near) => error.with_hint(format!("did you mean `{near}`?")),
            None if names.is_empty() => error.with_hint("the journal has no contact yet"),
            None => error.with_hint("see the contacts with `netjournal list contacts`"),
        },
    )
}
