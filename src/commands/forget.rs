//! `forget contact NAME [--redact]`: erase a person from the journal, and from the journal's
//! file: the rows go in a transaction with SQLite's `secure_delete` on (freed space is zeroed),
//! then the write-ahead log is emptied and the file rebuilt (`VACUUM`), so that no free page,
//! log frame or old copy of a page still holds their name.
//!
//! What belongs to the person goes: the contact, the notes on them, their place among the
//! people met at each meeting. The meetings and referrals stay (they happened, and cost or
//! brought what they did), the referrals with no contact. Free text elsewhere that names them
//! (a meeting's notes, another note, a referral's description…) is the user's own writing: it
//! is found and listed, and rewritten (their name replaced by `[forgotten]`) only with
//! `--redact`.

use rusqlite::Connection;

use crate::commands::resolve::contact_to_remove;
use crate::context::Context;
use crate::db::forget::{self as erase, Mention, Unwiped};
use crate::db::{Access, contact};
use crate::domain::NameOrId;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt;

#[derive(Debug, clap::Subcommand)]
#[command(after_help = "Examples:
  netjournal forget contact \"Zoé Quintal\"
  netjournal forget contact \"Zoé Quintal\" --redact --yes")]
pub enum Command {
    /// Erase a person: the contact, the notes on them, their place at meetings; no trace of
    /// them is left in the journal's file
    Contact(ContactArgs),
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "What goes: the contact, the notes on them, and their place among the \
people met at each meeting. What stays: the meetings (they happened, and cost what they cost) \
and the referrals from or to them, with no contact (the business happened too). The file is then \
rewritten, so that none of the erased text remains in it, not even in its free space.

Free text elsewhere that names them (a meeting's notes, another note, a referral's description, \
a network's notes…) is yours, and is not rewritten: it is listed, and `--redact` replaces their \
name in it with `[forgotten]`. Exports and backups made before keep what they hold.

You are shown what would be erased and asked to confirm; `--yes` answers yes. Answering no \
erases nothing and is not an error (exit 0). Without a terminal, or with `--no-input`, nothing \
is asked: without `--yes` the command stops with exit 2 and erases nothing.

Examples:
  netjournal forget contact \"Zoé Quintal\"
  netjournal forget contact 7 --redact --yes"
)]
pub struct ContactArgs {
    /// The contact's name, or their number in `netjournal list contacts` (`7`, or `'#7'`)
    #[arg(value_name = "NAME", add = crate::commands::completions::contacts())]
    pub contact: Option<NameOrId>,
    /// Also replace their name with `[forgotten]` in the free text that mentions them
    #[arg(long)]
    pub redact: bool,
}

pub fn run(ctx: &Context, command: Command) -> Result<(), CliError> {
    match command {
        Command::Contact(args) => contact(ctx, args),
    }
}

/// What replaces a forgotten name in free text, with `--redact`.
const REDACTED: &str = "[forgotten]";

fn contact(ctx: &Context, args: ContactArgs) -> Result<(), CliError> {
    let expected = ctx.say(Msg::ExpectContactNameOrNumber, &[]);
    let which = ctx.require(args.contact, "NAME", &expected)?;
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = contact_to_remove(conn, &which)?;
    let shown = contact::removal(conn, id)?
        .ok_or_else(|| CliError::failure(Message::keyed(Msg::GoneContactErased, &[])))?;
    let mentions = erase::mentions(conn, id, |text| !occurrences(text, &shown.name).is_empty())?;
    let lang = ctx.lang;
    let mut stays = Vec::new();
    if shown.referrals_kept > 0 {
        let referrals = lang.count(Msg::CountReferrals, shown.referrals_kept, &[]);
        stays.push(lang.count(
            Msg::ForgetReferralsStay,
            shown.referrals_kept,
            &[("referrals", &referrals)],
        ));
    }
    match (mentions.len() as i64, args.redact) {
        (0, _) => {}
        (n, true) => {
            let texts = lang.count(Msg::CountTexts, n, &[]);
            stays.push(lang.say(Msg::ForgetRedactedIn, &[("texts", &texts)]));
        }
        (n, false) => stays.push(lang.count(Msg::ForgetTextsStay, n, &[])),
    }
    let stays = if stays.is_empty() {
        String::new()
    } else {
        format!(" ({})", stays.join(&lang.say(Msg::ListSeparator, &[])))
    };
    let question = ctx.say(
        Msg::AskForget,
        &[
            ("name", &shown.name),
            ("goes", &goes(lang, &shown)),
            ("stays", &stays),
        ],
    );
    if !prompt::confirm(ctx, &question)? {
        say_line!("{}", ctx.say(Msg::NothingErased, &[]))?;
        return Ok(());
    }

    let now = ctx.timestamp();
    // Zeroes what the transaction frees, in the file and in the log, rather than leave it.
    erase::zero_freed(conn)?;
    let redacted = journal.write(|tx| {
        let removed = contact::delete(tx, id, &now)?;
        if removed.as_ref() != Some(&shown) {
            // Something changed between the question and the answer: not what was agreed to.
            return Err(
                CliError::failure(Message::keyed(Msg::ChangedMeanwhileErased, &[]))
                    .with_hint(Message::keyed(Msg::ChangedMeanwhileHint, &[])),
            );
        }
        if args.redact {
            for mention in &mentions {
                erase::rewrite(tx, mention, &redacted(&mention.text, &shown.name), &now)?;
            }
        }
        Ok(args.redact)
    })?;
    // The erase is committed: what follows cannot undo it, and is said, not failed on.
    let scrubbed = scrub(journal.conn());
    // Copies a killed command left beside the journal go too (those found when it was opened,
    // and any since); a copy another command is still writing may hold them: it is named.
    let mut removed = journal.leftovers().to_vec();
    removed.extend(crate::staging::remove_stale(&ctx.db_path));
    let held: Vec<String> = crate::staging::in_progress(&ctx.db_path)
        .into_iter()
        .filter(|copy| holds(copy, &shown.name))
        .map(|copy| copy.display().to_string())
        .collect();

    let goes = goes(lang, &shown);
    say_line!(
        "{}",
        ctx.say(Msg::Forgot, &[("name", &shown.name), ("goes", &goes)])
    )?;
    if shown.referrals_kept > 0 {
        let referrals = lang.count(Msg::CountReferrals, shown.referrals_kept, &[]);
        let kept = lang.count(
            Msg::KeptReferralsNoContact,
            shown.referrals_kept,
            &[("referrals", &referrals)],
        );
        say_line!("{kept}")?;
    }
    if !mentions.is_empty() {
        if redacted {
            say_line!("{}", ctx.say(Msg::RedactedIn, &[("marker", REDACTED)]))?;
        } else {
            say_line!("{}", ctx.say(Msg::StillWrittenIn, &[]))?;
        }
        for mention in &mentions {
            say_line!("  {}", place(mention, lang))?;
        }
    }
    if !removed.is_empty() {
        let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
        let line = lang.count(
            Msg::RemovedLeftovers,
            removed.len() as i64,
            &[("files", &names.join(", "))],
        );
        say_line!("{line}")?;
    }
    if !held.is_empty() {
        say_line!(
            "{}",
            lang.count(
                Msg::StillHeldIn,
                held.len() as i64,
                &[("files", &held.join(", "))]
            )
        )?;
    }
    match scrubbed {
        Ok(()) => say_line!("{}", ctx.say(Msg::FileRewritten, &[]))?,
        Err(unwiped) => {
            // Exit 0: they are erased. What remains, and how to be rid of it, on stderr.
            eprintln!("{}", unwiped.render_warning(lang));
        }
    }
    Ok(())
}

/// Whether the file at `path` holds `name` as written (a copy of the journal or an export).
fn holds(path: &std::path::Path, name: &str) -> bool {
    let needle = name.as_bytes();
    std::fs::read(path).is_ok_and(|bytes| {
        !needle.is_empty() && bytes.windows(needle.len()).any(|window| window == needle)
    })
}

/// `, the 2 notes on them and their place at 3 meetings` (`, avec les 2 notes sur ce contact
/// et sa présence à 3 réunions`): what goes besides the contact.
fn goes(lang: Lang, removal: &contact::Removal) -> String {
    let mut parts = Vec::new();
    if removal.notes > 0 {
        parts.push(lang.count(Msg::ForgetNotes, removal.notes, &[]));
    }
    if removal.meetings_kept > 0 {
        let meetings = lang.count(Msg::CountMeetings, removal.meetings_kept, &[]);
        parts.push(lang.say(Msg::ForgetPlaces, &[("meetings", &meetings)]));
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => lang.say(Msg::ForgetGoesOne, &[("one", one)]),
        [one, two] => lang.say(Msg::ForgetGoesTwo, &[("one", one), ("two", two)]),
        _ => unreachable!("two parts at most"),
    }
}

/// `meeting #4 (notes)`, `note #7` (`réunion n°4 (notes)`, `note n°7`): where a mention is.
fn place(mention: &Mention, lang: Lang) -> String {
    let id = mention.id.to_string();
    let key = match mention.thing {
        "network" => Msg::MentionNetwork,
        "contact" => Msg::MentionContact,
        "meeting" => Msg::MentionMeeting,
        "referral" => Msg::MentionReferral,
        _ => Msg::MentionNote,
    };
    let field = match mention.column {
        "invited_by" => Msg::FieldInvitedBy,
        "rules" => Msg::FieldRules,
        "exit_reason" => Msg::FieldExitReason,
        "profession" => Msg::FieldProfession,
        "company" => Msg::FieldCompany,
        "description" => Msg::FieldDescription,
        _ => Msg::FieldNotes,
    };
    lang.say(key, &[("id", &id), ("field", &lang.say(field, &[]))])
}

/// Where `name` occurs in `text`, compared character by character case aside: byte ranges.
fn occurrences(text: &str, name: &str) -> Vec<std::ops::Range<usize>> {
    let wanted: Vec<char> = name.chars().collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let mut found = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= chars.len() && !wanted.is_empty() {
        if (0..wanted.len()).all(|k| same(chars[i + k].1, wanted[k])) {
            let start = chars[i].0;
            let end = chars
                .get(i + wanted.len())
                .map_or(text.len(), |(at, _)| *at);
            found.push(start..end);
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    found
}

/// `text` with every occurrence of `name` replaced by [`REDACTED`].
fn redacted(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for range in occurrences(text, name) {
        out.push_str(&text[last..range.start]);
        out.push_str(REDACTED);
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Leaves no copy of erased text in the journal's files (see [`erase::scrub`]).
///
/// Run once the erase is committed: a failure (a full disk, a reader holding the log) leaves
/// them erased, and says what remains of them in the file and how to be rid of it.
fn scrub(conn: &Connection) -> Result<(), CliError> {
    let unwiped = |key: Msg, error: rusqlite::Error| {
        let why = CliError::from(error).message;
        CliError::failure(Message::new(key).with("why", why))
            .with_hint(Message::keyed(Msg::ForgetWipeHint, &[]))
    };
    erase::scrub(conn).map_err(|step| match step {
        Unwiped::Log(error) => unwiped(Msg::ForgetLogNotWiped, error),
        Unwiped::File(error) => unwiped(Msg::ForgetFileNotRebuilt, error),
        Unwiped::LogBusy => CliError::failure(Message::keyed(Msg::ForgetLogBusy, &[]))
            .with_hint(Message::keyed(Msg::ForgetLogBusyHint, &[])),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_and_redacted_case_aside() {
        let text = "Coffee with ZOÉ QUINTAL, then zoé quintal's friend; not Zoé Q.";
        assert_eq!(occurrences(text, "Zoé Quintal").len(), 2);
        assert_eq!(
            redacted(text, "Zoé Quintal"),
            "Coffee with [forgotten], then [forgotten]'s friend; not Zoé Q."
        );
        assert!(occurrences("Zoé", "Zoé Quintal").is_empty());
        assert_eq!(redacted("Zoé Quintal", "Zoé Quintal"), "[forgotten]");
    }

    #[test]
    fn what_goes_reads_as_a_sentence() {
        let removal = |notes, meetings| contact::Removal {
            name: "Zoé".into(),
            notes,
            meetings_kept: meetings,
            referrals_kept: 0,
        };
        assert_eq!(goes(Lang::En, &removal(0, 0)), "");
        assert_eq!(goes(Lang::En, &removal(1, 0)), ", the note on them");
        assert_eq!(
            goes(Lang::En, &removal(2, 3)),
            ", the 2 notes on them and their place at 3 meetings"
        );
        assert_eq!(
            goes(Lang::Fr, &removal(1, 1)),
            ", avec la note sur ce contact et sa présence à 1 réunion"
        );
    }
}
