//! `import linkedin FILE`: contacts from LinkedIn's data export (`Connections.csv`).
//!
//! Each connection is matched to a contact of the journal by LinkedIn profile (percent-encoded
//! or not), else by e-mail address *and* name, else by name (names are unique in the journal,
//! compared folded). A match is completed with what the journal lacks (profile, e-mail,
//! company, profession), never overwritten: what the user recorded or corrected stays. A name
//! match whose contact has another profile or e-mail is two people with one name: reported and
//! skipped, not merged. A connection sharing a contact's e-mail address but not their name
//! (a shared mailbox, a family address) is another person: added, and reported as such.
//! Anything else is a new contact, reported when its name is close to a contact's (see
//! `people::close_contacts`), with the command that merges them if they are one person. So
//! importing the same file twice adds nothing the second time.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;

use crate::commands::people;
use crate::commands::resolve::resolve_given_network;
use crate::context::Context;
use crate::db::contact::{self, NewContact};
use crate::db::{Access, written};
use crate::domain::Name;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::sources::linkedin::{self as connections, Connection, profile_key};
use crate::sources::read_file;
use crate::transfer;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal import linkedin ~/Downloads/Connections.csv
  netjournal import linkedin Connections.csv --network \"Freelances Montpellier\"

LinkedIn gives the file in its data export: Settings → Data privacy → Get a copy of your data →
Connections, its header in English, French, German, Spanish, Italian, Portuguese or Dutch.
Contacts are matched by LinkedIn profile, then e-mail, then name; what the journal lacks is
filled in, what it holds is never overwritten. Importing the file again adds nothing.")]
pub struct Args {
    /// LinkedIn's Connections.csv
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The network the new contacts were met through (contacts already in the journal keep
    /// theirs)
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
}

/// What became of the connections read.
#[derive(Debug, Default)]
struct Outcome {
    added: usize,
    updated: usize,
    unchanged: usize,
    /// Contacts completed on a name match alone: worth a look.
    by_name: Vec<(usize, String)>,
    /// Line, name (if any) and why.
    skipped: Vec<(usize, Option<String>, Message)>,
    /// Added as a person of their own though they share a contact's e-mail address: line,
    /// name, the contact's name.
    different: Vec<(usize, String, String)>,
    /// Added with a name close to a contact's: line, name and id, the contact's name and id.
    close: Vec<(usize, String, i64, String, i64)>,
}

/// The journal's contacts, by what tells a person apart.
#[derive(Debug, Default)]
struct Book {
    by_profile: HashMap<String, i64>,
    /// Every contact with an address: several people may share one.
    by_email: HashMap<String, Vec<i64>>,
    by_name: HashMap<String, i64>,
    /// Each contact's name key.
    keys: HashMap<i64, String>,
    /// For the names close to a contact's.
    nearby: people::Nearby,
}

impl Book {
    fn load(conn: &rusqlite::Connection) -> Result<Book, CliError> {
        let mut book = Book::default();
        for identity in contact::identities(conn)? {
            let key = crate::domain::text::name_key(&identity.name);
            book.by_name.entry(key.clone()).or_insert(identity.id);
            book.keys.insert(identity.id, key);
            book.nearby.add(identity.id, &identity.name);
            book.know(
                identity.id,
                identity.email.as_deref(),
                identity.linkedin.as_deref(),
            );
        }
        Ok(book)
    }

    fn know(&mut self, id: i64, email: Option<&str>, linkedin: Option<&str>) {
        if let Some(email) = email {
            let ids = self.by_email.entry(email.to_lowercase()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if let Some(url) = linkedin {
            self.by_profile.entry(profile(url)).or_insert(id);
        }
    }
}

/// What tells two profiles apart ([`profile_key`]), with percent-encoding decoded and Unicode
/// composed: `linkedin.com/in/h%C3%A9l%C3%A8ne` and `linkedin.com/in/hélène` are one profile.
fn profile(url: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let key = profile_key(url);
    let bytes = key.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(a), Some(b)) if hex(a).is_some() && hex(b).is_some() => {
                decoded.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded)
        .nfc()
        .collect::<String>()
        .to_lowercase()
}

/// How a connection was matched to a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Profile,
    Email,
    Name,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let label = args.file.display().to_string();
    let bytes = read_file(&args.file)?;
    let today = ctx.today();
    let read = connections::read(&bytes, &label, today)?;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let progress = transfer::progress(read.len() as u64, ctx.lang, Msg::ProgressImporting, true);
    let imported = journal.write(|tx| {
        let network = resolve_given_network(tx, args.network.as_ref())?;
        let network_id = network.as_ref().map(|n| n.id);
        let mut book = Book::load(tx)?;
        let mut outcome = Outcome::default();
        for connection in &read {
            import(
                tx,
                connection,
                &mut book,
                &mut outcome,
                network_id,
                today,
                &now,
            )?;
            progress.inc(1);
        }
        Ok::<_, CliError>((outcome, network.map(|n| n.name)))
    });
    progress.finish_and_clear();
    let (outcome, network) = imported?;
    let text = report(ctx.lang, &label, read.len(), &outcome, network.as_deref());
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// Brings one connection in: added, completed, left as it is, or skipped (and why).
fn import(
    tx: &rusqlite::Connection,
    connection: &Connection,
    book: &mut Book,
    outcome: &mut Outcome,
    network_id: Option<i64>,
    today: chrono::NaiveDate,
    now: &str,
) -> Result<(), CliError> {
    let line = connection.line;
    let Some(name) = &connection.name else {
        outcome
            .skipped
            .push((line, None, Message::keyed(Msg::SkippedNoName, &[])));
        return Ok(());
    };
    let key = name.key();
    let by_profile = connection
        .url
        .as_deref()
        .and_then(|url| book.by_profile.get(&profile(url)));
    let sharing: Vec<i64> = connection
        .email
        .as_deref()
        .and_then(|email| book.by_email.get(&email.to_lowercase()))
        .cloned()
        .unwrap_or_default();
    // An address is one person's only with their name: a shared one tells nobody apart.
    let by_email = sharing.iter().find(|id| book.keys.get(id) == Some(&key));
    let by_name = book.by_name.get(&key);
    let (id, how) = match (by_profile.copied(), by_email.copied(), by_name.copied()) {
        (Some(id), _, _) => (id, Match::Profile),
        (None, Some(id), _) => (id, Match::Email),
        (None, None, Some(id)) => (id, Match::Name),
        (None, None, None) => {
            let near = book.nearby.close_to(name).into_iter().next();
            let new = NewContact {
                name: name.clone(),
                profession: connection.position.clone(),
                company: connection.company.clone(),
                email: connection.email.clone(),
                linkedin: connection.url.clone(),
                network_id,
                notes: None,
                added_on: connection.connected_on.unwrap_or(today),
            };
            let id = contact::insert(tx, &new, now)?;
            book.by_name.insert(key.clone(), id);
            book.keys.insert(id, key);
            book.nearby.add(id, name.as_str());
            book.know(id, new.email.as_deref(), new.linkedin.as_deref());
            outcome.added += 1;
            if let Some(&other) = sharing.first() {
                let other = contact::name_of(tx, other)?;
                outcome.different.push((line, name.to_string(), other));
            }
            if let Some((near_id, near)) = near {
                outcome
                    .close
                    .push((line, name.to_string(), id, near, near_id));
            }
            return Ok(());
        }
    };
    let Some(existing) = contact::load(tx, id)? else {
        return Err(CliError::failure(Message::keyed(
            Msg::ContactVanished,
            &[("id", &id.to_string())],
        )));
    };
    let theirs = existing.name.as_str();
    if how != Match::Profile
        && let (Some(recorded), Some(_)) = (&existing.linkedin, &connection.url)
    {
        outcome.skipped.push((
            line,
            Some(name.to_string()),
            Message::keyed(
                Msg::SkippedOtherProfile,
                &[("name", theirs), ("recorded", recorded)],
            ),
        ));
        return Ok(());
    }
    if how == Match::Name
        && let (Some(recorded), Some(email)) = (&existing.email, &connection.email)
        && !recorded.eq_ignore_ascii_case(email)
    {
        outcome.skipped.push((
            line,
            Some(name.to_string()),
            Message::keyed(
                Msg::SkippedOtherEmail,
                &[("name", theirs), ("recorded", recorded)],
            ),
        ));
        return Ok(());
    }
    let mut completed = existing.clone();
    let fill = |field: &mut Option<String>, value: &Option<String>| {
        if field.is_none() {
            field.clone_from(value);
        }
    };
    fill(&mut completed.linkedin, &connection.url);
    fill(&mut completed.email, &connection.email);
    fill(&mut completed.company, &connection.company);
    fill(&mut completed.profession, &connection.position);
    let changed = (
        &completed.linkedin,
        &completed.email,
        &completed.company,
        &completed.profession,
    ) != (
        &existing.linkedin,
        &existing.email,
        &existing.company,
        &existing.profession,
    );
    if changed {
        written::update(tx, id, &completed, now)?;
        book.know(
            id,
            completed.email.as_deref(),
            completed.linkedin.as_deref(),
        );
        outcome.updated += 1;
        if how == Match::Name {
            outcome.by_name.push((line, theirs.to_string()));
        }
    } else {
        outcome.unchanged += 1;
    }
    Ok(())
}

/// What the import did, as printed in `lang`: counts, then the contacts matched by name alone
/// and the connections skipped, each with its line.
fn report(lang: Lang, file: &str, read: usize, outcome: &Outcome, network: Option<&str>) -> String {
    let count = |key: Msg, n: usize| lang.count(key, n as i64, &[]);
    let mut lines = vec![lang.say(
        Msg::ImportedConnections,
        &[
            ("file", file),
            ("read", &count(Msg::ConnectionsRead, read)),
            ("added", &count(Msg::ConnectionsAdded, outcome.added)),
            ("updated", &count(Msg::ConnectionsUpdated, outcome.updated)),
            (
                "unchanged",
                &count(Msg::ConnectionsUnchanged, outcome.unchanged),
            ),
            (
                "skipped",
                &count(Msg::ConnectionsSkipped, outcome.skipped.len()),
            ),
        ],
    )];
    if let Some(network) = network
        && outcome.added > 0
    {
        lines.push(lang.say(Msg::NewContactsMetThrough, &[("network", network)]));
    }
    let at_line = |line: usize, what: &str| {
        lang.say(Msg::AtLine, &[("line", &line.to_string()), ("what", what)])
    };
    if !outcome.by_name.is_empty() {
        lines.push(lang.say(Msg::CompletedByName, &[]));
        for (line, name) in &outcome.by_name {
            lines.push(at_line(*line, name));
        }
    }
    if !outcome.different.is_empty() {
        lines.push(lang.say(Msg::DifferentPeopleHeading, &[]));
        for (line, name, other) in &outcome.different {
            let said = lang.say(
                Msg::SharedEmailOtherPerson,
                &[("name", name), ("other", other)],
            );
            lines.push(at_line(*line, &said));
        }
    }
    if !outcome.close.is_empty() {
        lines.push(lang.say(Msg::CloseToHeading, &[]));
        for (line, name, id, near, near_id) in &outcome.close {
            let said = lang.say(
                Msg::CloseToLine,
                &[
                    ("name", name),
                    ("near", near),
                    ("keep", &near_id.to_string()),
                    ("other", &id.to_string()),
                ],
            );
            lines.push(at_line(*line, &said));
        }
    }
    if !outcome.skipped.is_empty() {
        lines.push(lang.say(Msg::SkippedHeading, &[]));
        for (line, name, why) in &outcome.skipped {
            lines.push(match name {
                Some(name) => at_line(
                    *line,
                    &lang.say(Msg::NamedWhy, &[("name", name), ("why", &why.render(lang))]),
                ),
                None => at_line(*line, &why.render(lang)),
            });
        }
    }
    lines.join("\n") + "\n"
}
