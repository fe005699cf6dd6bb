//! `import ics FILE`: meetings from a calendar (an iCalendar `.ics` file).
//!
//! Each occurrence of an event in the period becomes a meeting: on its date, lasting from its
//! start to its end, its summary and description as notes, and the people invited as the
//! contacts met (created like `log meeting --met` creates them). A guest is the contact with
//! their e-mail address; else the one with their name, unless both have an address and the
//! two differ: then they are another person, recorded under their name and their address's
//! domain (`Paul Martin (bank.example)`) and reported. A guest whose name is close to a
//! contact's is recorded too (an import asks nothing) and reported with the way to merge them.
//! Each meeting's uuid is derived from its event's UID and occurrence (see
//! [`Occurrence::uuid`]), so that importing the same calendar again adds nothing twice, in this
//! journal or in one it is merged with; a meeting already imported is left as it is, whatever
//! the calendar says now.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;

use crate::commands::add::contact::parse_email;
use crate::commands::check_forward;
use crate::commands::people;
use crate::context::{Context, resolve_network};
use crate::db::Access;
use crate::db::contact::{self, NewContact};
use crate::db::meeting::{self, NewMeeting};
use crate::domain::text::MAX_TEXT_CHARS;
use crate::domain::{DateArg, MeetingFormat, Name, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::sources::ics::{self as events, Occurrence, Options, Tally};
use crate::sources::{clean_text, read_file};
use crate::transfer;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal import ics calendar.ics --since 2024-01
  netjournal import ics calendar.ics --match BNI --network \"BNI Montpellier\" --format breakfast
  netjournal import ics calendar.ics --me claire@example.com

Each occurrence of an event up to today (or --until) becomes a meeting; recurring events are
expanded. People invited become the contacts met. Importing the file again adds nothing: a
meeting already imported is left as it is (change it with `netjournal edit meeting`).")]
pub struct Args {
    /// The calendar, as an .ics (iCalendar) file exported by a calendar program
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The network the meetings belong to (and the new contacts were met through)
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// Only the events whose summary contains this text (compared case-insensitively)
    #[arg(long = "match", value_name = "TEXT")]
    pub matching: Option<Text>,
    /// How the meetings took place: import a kind of event at a time with --match
    #[arg(long, value_parser = crate::domain::vocab::parser::<MeetingFormat>(), default_value_t = MeetingFormat::Event)]
    pub format: MeetingFormat,
    /// From this date on (a month starts on its first day) [default: the first event]
    #[arg(long, value_name = "DATE")]
    pub since: Option<DateArg>,
    /// Up to this date (a month ends on its last day) [default: today]
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
    /// Your own e-mail address, repeated for each: never made a contact of yours, and the
    /// events you declined are left out
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub me: Vec<String>,
}

/// What became of the occurrences read.
#[derive(Debug, Default)]
struct Outcome {
    added: usize,
    already: usize,
    /// Contacts created, in the order met, each with what the report says of it.
    created: Vec<(String, Created)>,
}

/// Why a contact was created, beyond being new.
#[derive(Debug)]
enum Created {
    /// A name no contact is close to.
    New,
    /// A name close to the contact `near` (name, id), who may be the same person.
    Close(String, i64, i64),
    /// The name of the contact `other`, whose recorded address (`recorded`) is not the
    /// guest's (`email`): another person, recorded under the name and their address's domain.
    OtherEmail {
        name: String,
        email: String,
        other: String,
        recorded: String,
    },
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let today = ctx.today();
    let since = args.since.map(|date| date.resolve(today));
    let until = args.until.map_or(today, |date| date.resolve_end(today));
    check_forward(since, Some(until))?;
    let label = args.file.display().to_string();
    let bytes = read_file(&args.file)?;
    let options = Options {
        since,
        until,
        matching: args.matching.as_ref().map(Text::as_str),
        me: &args.me,
        offset: *ctx.now.offset(),
    };
    let (occurrences, tally) = events::read(&bytes, &label, &options)?;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let progress = transfer::progress(
        occurrences.len() as u64,
        ctx.lang,
        Msg::ProgressImporting,
        true,
    );
    let imported = journal.write(|tx| {
        let network = args
            .network
            .as_ref()
            .map(|name| resolve_network(tx, name))
            .transpose()?;
        let network_id = network.as_ref().map(|n| n.id);
        let mut people = People::load(tx)?;
        let mut nearby = people::Nearby::load(tx)?;
        let mut outcome = Outcome::default();
        for occurrence in &occurrences {
            progress.inc(1);
            let uuid = occurrence.uuid();
            if meeting::find_by_uuid(tx, &uuid)?.is_some() {
                outcome.already += 1;
                continue;
            }
            let new = NewMeeting {
                date: occurrence.date,
                start_time: None,
                network_id,
                format: args.format,
                minutes: occurrence.minutes,
                travel_minutes: None,
                cost: None,
                rating: None,
                notes: notes(occurrence),
            };
            let id = meeting::insert_with_uuid(tx, &uuid, &new, &now)?;
            for person in &occurrence.people {
                let (name, why) = match people.find(person) {
                    Guest::Known(contact_id) => {
                        meeting::link_contact(tx, id, contact_id)?;
                        continue;
                    }
                    // Someone known by an address alone is not made a contact: a name is
                    // what the journal knows people by.
                    Guest::Unknown if person.name.is_none() => continue,
                    Guest::Unknown => {
                        let name = person.name.clone().expect("a name, checked above");
                        let why = match nearby.close_to(&name).into_iter().next() {
                            Some((near_id, near)) => Created::Close(near, near_id, 0),
                            None => Created::New,
                        };
                        (name, why)
                    }
                    Guest::OtherEmail { other, recorded } => {
                        let name = person.name.clone().expect("a name matched");
                        let email = person.email.clone().unwrap_or_default();
                        let Some(apart) = told_apart(tx, &name, &email)? else {
                            continue;
                        };
                        let why = Created::OtherEmail {
                            name: name.to_string(),
                            email,
                            other,
                            recorded,
                        };
                        (apart, why)
                    }
                };
                let mut new = NewContact::named(name.clone(), network_id, new.date);
                new.email.clone_from(&person.email);
                let contact_id = contact::insert(tx, &new, &now)?;
                people.know(contact_id, Some(&name), person.email.as_deref());
                nearby.add(contact_id, name.as_str());
                let why = match why {
                    Created::Close(near, near_id, _) => Created::Close(near, near_id, contact_id),
                    why => why,
                };
                outcome.created.push((name.to_string(), why));
                meeting::link_contact(tx, id, contact_id)?;
            }
            outcome.added += 1;
        }
        Ok::<_, CliError>((outcome, network.map(|n| n.name)))
    });
    progress.finish_and_clear();
    let (outcome, network) = imported?;
    let text = report(
        ctx.lang,
        &label,
        &options,
        &tally,
        &outcome,
        network.as_deref(),
    );
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// The summary, then the description, as the meeting's notes.
fn notes(occurrence: &Occurrence) -> Option<String> {
    let text = [&occurrence.summary, &occurrence.description]
        .into_iter()
        .flatten()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = clean_text(&text, MAX_TEXT_CHARS);
    (!text.is_empty()).then_some(text)
}

/// The journal's contacts, by e-mail address and by name (with their address).
#[derive(Debug, Default)]
struct People {
    by_email: HashMap<String, i64>,
    by_name: HashMap<String, (i64, String, Option<String>)>,
}

/// Who a guest is to the journal.
#[derive(Debug)]
enum Guest {
    /// The contact with the guest's address, or with their name when one of the two has no
    /// address.
    Known(i64),
    /// Nobody the journal knows.
    Unknown,
    /// The name of the contact `other`, whose recorded address is another: another person.
    OtherEmail { other: String, recorded: String },
}

impl People {
    fn load(conn: &rusqlite::Connection) -> Result<People, CliError> {
        let mut people = People::default();
        for identity in contact::identities(conn)? {
            let name = identity.name.parse::<Name>().ok();
            people.know(identity.id, name.as_ref(), identity.email.as_deref());
        }
        Ok(people)
    }

    fn know(&mut self, id: i64, name: Option<&Name>, email: Option<&str>) {
        if let Some(email) = email {
            self.by_email.entry(email.to_lowercase()).or_insert(id);
        }
        if let Some(name) = name {
            let known = (id, name.to_string(), email.map(str::to_string));
            self.by_name.entry(name.key()).or_insert(known);
        }
    }

    /// Who `person` is: the contact with their address; else the one with their name, unless
    /// both have an address and the two differ.
    fn find(&self, person: &events::Person) -> Guest {
        let email = person.email.as_ref().map(|email| email.to_lowercase());
        if let Some(id) = email.as_ref().and_then(|email| self.by_email.get(email)) {
            return Guest::Known(*id);
        }
        let by_name = person
            .name
            .as_ref()
            .and_then(|name| self.by_name.get(&name.key()));
        match (by_name, &email) {
            (None, _) => Guest::Unknown,
            (Some((_, other, Some(recorded))), Some(email))
                if recorded.to_lowercase() != *email =>
            {
                Guest::OtherEmail {
                    other: other.clone(),
                    recorded: recorded.clone(),
                }
            }
            (Some((id, _, _)), _) => Guest::Known(*id),
        }
    }
}

/// A name that tells a guest apart from the contact of the same name: `Paul Martin
/// (bank.example)`, or with the whole address when that is taken too; `None` when no such
/// name can be made (too long).
fn told_apart(
    conn: &rusqlite::Connection,
    name: &Name,
    email: &str,
) -> Result<Option<Name>, CliError> {
    let domain = email.rsplit_once('@').map_or(email, |(_, domain)| domain);
    for apart in [format!("{name} ({domain})"), format!("{name} ({email})")] {
        if let Ok(apart) = apart.parse::<Name>()
            && contact::find_id(conn, &apart)?.is_none()
        {
            return Ok(Some(apart));
        }
    }
    Ok(None)
}

/// What the import did, as printed in `lang`: counts, what was left out, the contacts added.
fn report(
    lang: Lang,
    file: &str,
    options: &Options,
    tally: &Tally,
    outcome: &Outcome,
    network: Option<&str>,
) -> String {
    let until = options.until.to_string();
    let period = match options.since {
        Some(since) => lang.say(
            Msg::PeriodFromTo,
            &[("since", &since.to_string()), ("until", &until)],
        ),
        None => lang.say(Msg::PeriodUpTo, &[("until", &until)]),
    };
    let count = |key: Msg, n: usize, args: &[(&str, &str)]| lang.count(key, n as i64, args);
    let mut lines = vec![lang.say(
        Msg::ImportedEvents,
        &[
            ("file", file),
            ("period", &period),
            ("added", &count(Msg::MeetingsAdded, outcome.added, &[])),
            ("already", &outcome.already.to_string()),
        ],
    )];
    let mut left_out = Vec::new();
    if tally.cancelled > 0 {
        left_out.push(count(Msg::LeftOutCancelled, tally.cancelled, &[]));
    }
    if tally.declined > 0 {
        left_out.push(count(Msg::LeftOutDeclined, tally.declined, &[]));
    }
    if tally.unmatched > 0 {
        let text = options.matching.unwrap_or_default();
        let quoted = match lang {
            Lang::En => format!("`{text}`"),
            Lang::Fr => lang.quote(text),
        };
        left_out.push(count(
            Msg::LeftOutUnmatched,
            tally.unmatched,
            &[("text", &quoted)],
        ));
    }
    if tally.outside > 0 {
        left_out.push(count(Msg::LeftOutOutside, tally.outside, &[]));
    }
    if !left_out.is_empty() {
        lines.push(lang.say(Msg::LeftOut, &[("things", &left_out.join(", "))]));
    }
    for (name, why) in &outcome.created {
        lines.push(match (why, network) {
            (
                Created::OtherEmail {
                    name: guest,
                    email,
                    other,
                    recorded,
                },
                _,
            ) => lang.say(
                Msg::OtherEmailNewContact,
                &[
                    ("new", name),
                    ("name", guest),
                    ("email", email),
                    ("other", other),
                    ("recorded", recorded),
                ],
            ),
            (_, Some(network)) => lang.say(
                Msg::CreatedContactThrough,
                &[("name", name), ("network", network)],
            ),
            (_, None) => lang.say(Msg::CreatedContact, &[("name", name)]),
        });
        if let Created::Close(near, near_id, id) = why {
            lines.push(format!(
                "  {}",
                lang.say(
                    Msg::CloseToLine,
                    &[
                        ("name", name),
                        ("near", near),
                        ("keep", &near_id.to_string()),
                        ("other", &id.to_string()),
                    ],
                )
            ));
        }
    }
    lines.join("\n") + "\n"
}
