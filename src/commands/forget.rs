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

use rusqlite::{Connection, params};

use crate::context::{Context, resolve_contact_ref};
use crate::db::{Access, contact};
use crate::domain::text::closest;
use crate::domain::{Name, NameOrId};
use crate::error::CliError;
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
    #[arg(value_name = "NAME")]
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
    let which = ctx.require(args.contact, "NAME", "the contact's name or number")?;
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = match (&which, resolve_contact_ref(conn, &which)) {
        (_, Ok(id)) => id,
        (NameOrId::Name(name), Err(_)) => return Err(unknown(conn, name)?),
        (_, Err(error)) => return Err(error),
    };
    let shown = contact::removal(conn, id)?.ok_or_else(|| {
        CliError::failure("the contact was removed by another command meanwhile: nothing erased")
    })?;
    let mentions = mentions(conn, id, &shown.name)?;
    let mut stays = Vec::new();
    if shown.referrals_kept > 0 {
        stays.push(format!(
            "{} with them {}, with no contact",
            count(shown.referrals_kept, "referral"),
            if shown.referrals_kept == 1 {
                "stays"
            } else {
                "stay"
            }
        ));
    }
    match (mentions.len(), args.redact) {
        (0, _) => {}
        (n, true) => stays.push(format!("their name is replaced in {}", texts(n))),
        (1, false) => stays.push("1 text naming them stays as written".into()),
        (n, false) => stays.push(format!("{} naming them stay as written", texts(n))),
    }
    let question = format!(
        "Forget `{}`: erase them{}{}?",
        shown.name,
        goes(&shown),
        if stays.is_empty() {
            String::new()
        } else {
            format!(" ({})", stays.join("; "))
        }
    );
    if !prompt::confirm(ctx, &question)? {
        println!("Nothing erased.");
        return Ok(());
    }

    let now = ctx.timestamp();
    // Zeroes what the transaction frees, in the file and in the log, rather than leave it.
    conn.pragma_update(None, "secure_delete", "ON")?;
    let redacted = journal.write(|tx| {
        let removed = contact::delete(tx, id, &now)?;
        if removed.as_ref() != Some(&shown) {
            // Something changed between the question and the answer: not what was agreed to.
            return Err(CliError::failure(
                "the journal changed while you were answering: nothing erased",
            )
            .with_hint("run the command again to see what would go now"));
        }
        if args.redact {
            for mention in &mentions {
                redact(tx, mention, &shown.name, &now)?;
            }
        }
        Ok(args.redact)
    })?;
    scrub(journal.conn())?;

    println!("Forgot `{}`: erased them{}.", shown.name, goes(&shown));
    if shown.referrals_kept > 0 {
        println!(
            "Kept {}, now with no contact.",
            count(shown.referrals_kept, "referral")
        );
    }
    if !mentions.is_empty() {
        if redacted {
            println!("Replaced their name with `{REDACTED}` in:");
        } else {
            println!("Their name is still written in (not rewritten without --redact):");
        }
        for mention in &mentions {
            println!("  {}", mention.place());
        }
    }
    println!("The journal's file was rewritten: none of the erased text remains in it.");
    Ok(())
}

/// `, the 2 notes on them and their place at 3 meetings`: what goes besides the contact.
fn goes(removal: &contact::Removal) -> String {
    let mut parts = Vec::new();
    if removal.notes > 0 {
        parts.push(if removal.notes == 1 {
            "the note on them".to_string()
        } else {
            format!("the {} notes on them", removal.notes)
        });
    }
    if removal.meetings_kept > 0 {
        parts.push(format!(
            "their place at {}",
            count(removal.meetings_kept, "meeting")
        ));
    }
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(", {one}"),
        [one, two] => format!(", {one} and {two}"),
        _ => unreachable!("two parts at most"),
    }
}

fn count(n: i64, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

fn texts(n: usize) -> String {
    if n == 1 {
        "1 text".into()
    } else {
        format!("{n} texts")
    }
}

/// A piece of free text that names the person, outside what goes with them.
#[derive(Debug, Clone)]
struct Mention {
    /// `meeting`, `note`…: the row's kind as the user knows it.
    thing: &'static str,
    table: &'static str,
    column: &'static str,
    id: i64,
    text: String,
}

impl Mention {
    /// `meeting #4 (notes)`, `note #7`.
    fn place(&self) -> String {
        match (self.thing, self.column) {
            ("note", "body") => format!("note #{}", self.id),
            (thing, column) => format!("{thing} #{} ({})", self.id, column.replace('_', " ")),
        }
    }
}

/// The free-text columns that may name a person, by table.
const TEXTS: &[(&str, &str, &[&str])] = &[
    (
        "network",
        "networks",
        &["invited_by", "rules", "notes", "exit_reason"],
    ),
    ("contact", "contacts", &["profession", "company", "notes"]),
    ("meeting", "meetings", &["notes"]),
    ("referral", "referrals", &["description"]),
    ("note", "notes", &["body"]),
];

/// Every free text that names `name` (case aside), except the contact's own row and the notes
/// on them, which go.
fn mentions(conn: &Connection, contact_id: i64, name: &str) -> Result<Vec<Mention>, CliError> {
    let mut found = Vec::new();
    for (thing, table, columns) in TEXTS {
        for column in *columns {
            let exclude = match *table {
                "contacts" => "id = ?1",
                "notes" => "contact_id IS ?1",
                _ => "?1 IS NULL",
            };
            let sql = format!(
                "SELECT id, {column} FROM {table}
                 WHERE {column} IS NOT NULL AND NOT ({exclude}) ORDER BY id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([contact_id])?;
            while let Some(row) = rows.next()? {
                let text: String = row.get(1)?;
                if !occurrences(&text, name).is_empty() {
                    found.push(Mention {
                        thing,
                        table,
                        column,
                        id: row.get(0)?,
                        text,
                    });
                }
            }
        }
    }
    Ok(found)
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

fn redact(conn: &Connection, mention: &Mention, name: &str, now: &str) -> Result<(), CliError> {
    let sql = format!(
        "UPDATE {} SET {} = ?2, updated_at = ?3 WHERE id = ?1",
        mention.table, mention.column
    );
    conn.execute(
        &sql,
        params![mention.id, redacted(&mention.text, name), now],
    )?;
    Ok(())
}

/// Leaves no copy of erased text in the journal's files: empties the write-ahead log into the
/// file, rebuilds the file without free pages (`VACUUM`, its scratch copy in memory), and
/// empties the log again.
fn scrub(conn: &Connection) -> Result<(), CliError> {
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    checkpoint(conn)?;
    conn.execute_batch("VACUUM")?;
    checkpoint(conn)
}

/// Writes the log into the file and truncates it to nothing; waits (the busy timeout) for
/// readers of older moments of the journal, which the log serves.
fn checkpoint(conn: &Connection) -> Result<(), CliError> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        return Err(CliError::failure(
            "the person was erased from the journal, but another program reading it kept the \
             erased text from being wiped from the journal's write-ahead log",
        )
        .with_hint(
            "close the other program, then run any command that writes (the log is emptied \
             when the last program closes the journal)",
        ));
    }
    Ok(())
}

/// No contact of that name: the closest name as a hint, else where to see them.
fn unknown(conn: &Connection, name: &Name) -> Result<CliError, CliError> {
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
        assert_eq!(goes(&removal(0, 0)), "");
        assert_eq!(goes(&removal(1, 0)), ", the note on them");
        assert_eq!(
            goes(&removal(2, 3)),
            ", the 2 notes on them and their place at 3 meetings"
        );
    }
}
