//! `rm network|meeting|contact|referral|note`: shows what would go, asks to confirm (`--yes`
//! answers for the user), then removes it all in one immediate transaction.
//!
//! What goes with each thing is decided in `db::*::delete` and told in each noun's `--help`
//! and the README: a network takes its meetings, referrals and notes and leaves its contacts;
//! a contact takes the notes on them and leaves the meetings and referrals; a meeting takes
//! its notes and leaves the people met; a referral or a note goes alone.

pub mod contact;
pub mod meeting;
pub mod network;
pub mod note;
pub mod referral;

use rusqlite::{Connection, Transaction};

use crate::commands::choices;
use crate::commands::resolve::no_numbered;
use crate::context::Context;
use crate::db::{self, Access, Journal};
use crate::domain::Id;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::{self, Numbered, Questions};

/// How every `rm` asks, for the end of each noun's `--help`.
macro_rules! confirmation_help {
    () => {
        "You are shown what would go and asked to confirm; `--yes` answers yes. Answering no \
         removes nothing and is not an error (exit 0). Without a terminal, or with \
         `--no-input`, nothing is asked: without `--yes` the command stops with exit 2 and \
         removes nothing."
    };
}
pub(crate) use confirmation_help;

#[derive(Debug, clap::Subcommand)]
#[command(after_help = concat!(confirmation_help!(), "

Examples:
  netjournal rm network \"BNI Montpellier\"
  netjournal rm referral 3 --yes"))]
pub enum Command {
    /// Remove a network with its meetings, referrals and notes; its contacts stay
    Network(network::Args),
    /// Remove a meeting with the notes on it; the people met stay
    Meeting(meeting::Args),
    /// Remove a contact with the notes on them; meetings and referrals stay
    Contact(contact::Args),
    /// Remove a referral
    Referral(referral::Args),
    /// Remove a note or a concern
    Note(note::Args),
}

pub fn run(ctx: &Context, command: Command) -> Result<(), CliError> {
    match command {
        Command::Network(args) => network::run(ctx, args),
        Command::Meeting(args) => meeting::run(ctx, args),
        Command::Contact(args) => contact::run(ctx, args),
        Command::Referral(args) => referral::run(ctx, args),
        Command::Note(args) => note::run(ctx, args),
    }
}

/// The meeting, referral or note to remove, by its number or, on a terminal, picked from the
/// most recent; with the journal (opened to read: a journal not yet created is never made)
/// and what `removal` says would go with it.
fn numbered<T>(
    ctx: &Context,
    what: Numbered,
    id: Option<Id>,
    removal: fn(&Connection, i64) -> Result<Option<T>, db::Error>,
) -> Result<(i64, Journal, T), CliError> {
    let id = Questions::new(ctx, id.is_some())
        .numbered(what, id, |what| choices::recent(ctx, what))?
        .get();
    let journal = ctx.open(Access::Read)?;
    let shown = removal(journal.conn(), id)?.ok_or_else(|| no_numbered(what, id))?;
    Ok((id, journal, shown))
}

/// Asks `question` (`--yes` answers it), then runs `remove` in one immediate transaction.
/// Returns `None`, having said "Nothing removed.", when the answer is no.
fn confirm_then<T>(
    ctx: &Context,
    journal: &mut Journal,
    question: &str,
    remove: impl FnMut(&Transaction) -> Result<T, CliError>,
) -> Result<Option<T>, CliError> {
    if !prompt::confirm(ctx, question)? {
        say_line!("{}", ctx.say(Msg::NothingRemoved, &[]))?;
        return Ok(None);
    }
    journal.write(remove).map(Some)
}

/// What was removed, checked against what the user agreed to. Between the question and the
/// answer, another command may have added a meeting to the network or removed the note: then
/// the transaction is rolled back rather than remove something the user was not shown.
fn as_shown<T: PartialEq>(shown: &T, removed: Option<T>) -> Result<T, CliError> {
    match removed {
        Some(removed) if removed == *shown => Ok(removed),
        _ => Err(
            CliError::failure(Message::keyed(Msg::ChangedMeanwhile, &[]))
                .with_hint(Message::keyed(Msg::ChangedMeanwhileHint, &[])),
        ),
    }
}

/// The row found a moment ago is no longer there: another command removed it meanwhile.
/// `key` says which (`GoneNetwork`, `GoneContact`).
fn gone(key: Msg) -> CliError {
    CliError::failure(Message::keyed(key, &[]))
}

/// The non-zero counts in words: `[(14, CountMeetings), (0, CountReferrals), (2, CountNotes)]`
/// gives `14 meetings`, `2 notes` (`14 réunions`, `2 notes`).
fn counts(lang: Lang, items: &[(i64, Msg)]) -> Vec<String> {
    items
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| lang.count(*key, *n, &[]))
        .collect()
}

/// `a`, `a and b`, `a, b and c` (`a, b et c`).
fn and_list(lang: Lang, parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => lang.say(Msg::AndLast, &[("init", &init.join(", ")), ("last", last)]),
    }
}

/// `, with 14 meetings, 3 referrals and 2 notes`, or nothing when nothing else goes.
fn with(lang: Lang, items: &[(i64, Msg)]) -> String {
    let parts = counts(lang, items);
    if parts.is_empty() {
        String::new()
    } else {
        lang.say(Msg::With, &[("things", &and_list(lang, &parts))])
    }
}

/// `, 14 meetings, 3 referrals, 2 notes`, or nothing when nothing else went. English tallies
/// what else went; French says it: `, ainsi que 14 réunions, 3 recommandations et 2 notes`.
fn also(lang: Lang, items: &[(i64, Msg)]) -> String {
    let parts = counts(lang, items);
    if parts.is_empty() {
        return String::new();
    }
    let things = match lang {
        Lang::En => parts.join(", "),
        Lang::Fr => and_list(lang, &parts),
    };
    lang.say(Msg::AlsoRemoved, &[("things", &things)])
}

/// ` (what stays)`, or nothing when nothing stays.
fn stays(what: Option<String>) -> String {
    what.map(|what| format!(" ({what})")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_sentence() {
        use Msg::{CountMeetings as M, CountNotes as N, CountReferrals as R};
        let en = Lang::En;
        assert_eq!(with(en, &[]), "");
        assert_eq!(with(en, &[(0, M), (0, N)]), "");
        assert_eq!(with(en, &[(1, M), (0, N)]), ", with 1 meeting");
        assert_eq!(
            with(en, &[(14, M), (3, R), (2, N)]),
            ", with 14 meetings, 3 referrals and 2 notes"
        );
        assert_eq!(
            also(en, &[(14, M), (0, R), (1, N)]),
            ", 14 meetings, 1 note"
        );
        let fr = Lang::Fr;
        assert_eq!(
            with(fr, &[(14, M), (3, R), (2, N)]),
            ", avec 14 réunions, 3 recommandations et 2 notes"
        );
        assert_eq!(
            also(fr, &[(14, M), (0, R), (1, N)]),
            ", ainsi que 14 réunions et 1 note"
        );
        assert_eq!(also(fr, &[(1, R)]), ", ainsi que 1 recommandation");
    }

    #[test]
    fn what_changed_since_the_question_is_not_removed() {
        use crate::db::network;
        let mut journal = Journal::open_empty().unwrap();
        let row = "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'";
        journal
            .conn()
            .execute_batch(&format!(
                "INSERT INTO networks (id, uuid, name, name_key, kind, created_at, updated_at)
                 VALUES (1, 'n1', 'BNI', 'bni', 'co-optation', {row});
                 INSERT INTO meetings (uuid, date, network_id, format, in_person, created_at,
                                       updated_at)
                 VALUES ('m1', '2024-01-16', 1, 'breakfast', 1, {row});"
            ))
            .unwrap();
        let shown = network::removal(journal.conn(), 1).unwrap().unwrap();
        assert_eq!(shown.meetings, 1);
        // Another command logs a meeting while the question is on the screen.
        journal
            .conn()
            .execute_batch(&format!(
                "INSERT INTO meetings (uuid, date, network_id, format, in_person, created_at,
                                       updated_at)
                 VALUES ('m2', '2024-01-23', 1, 'breakfast', 1, {row});"
            ))
            .unwrap();
        let error = journal
            .write(|tx| as_shown(&shown, network::delete(tx, 1, "now")?))
            .unwrap_err();
        assert!(error.message.contains("nothing removed"), "{error}");
        let left = network::removal(journal.conn(), 1).unwrap().unwrap();
        assert_eq!(left.meetings, 2, "the removal was rolled back");
        // Asked again, the answer holds for what is there now.
        let removed = journal
            .write(|tx| as_shown(&left, network::delete(tx, 1, "now")?))
            .unwrap();
        assert_eq!(removed, left);
        assert!(network::removal(journal.conn(), 1).unwrap().is_none());
    }
}
