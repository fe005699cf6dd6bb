//! `import ics FILE`: meetings from a calendar (an iCalendar `.ics` file).
//!
//! Each occurrence of an event in the period becomes a meeting: on its date, lasting from its
//! start to its end, its summary and description as notes, and the people invited as the
//! contacts met (created like `log meeting --met` creates them). Each meeting's uuid is
//! derived from its event's UID and occurrence (see [`Occurrence::uuid`]), so that importing
//! the same calendar again adds nothing twice, in this journal or in one it is merged with; a
//! meeting already imported is left as it is, whatever the calendar says now.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;

use crate::commands::add::contact::parse_email;
use crate::commands::check_forward;
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
    /// Contacts created, in the order met.
    created: Vec<String>,
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
                let contact_id = match people.find(person) {
                    Some(contact_id) => contact_id,
                    // Someone known by an address alone is not made a contact: a name is
                    // what the journal knows people by.
                    None => match &person.name {
                        None => continue,
                        Some(name) => {
                            let mut new = NewContact::named(name.clone(), network_id, new.date);
                            new.email.clone_from(&person.email);
                            let contact_id = contact::insert(tx, &new, &now)?;
                            people.know(contact_id, Some(name), person.email.as_deref());
                            outcome.created.push(name.to_string());
                            contact_id
                        }
                    },
                };
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

/// The journal's contacts, by e-mail address and by name.
#[derive(Debug, Default)]
struct People {
    by_email: HashMap<String, i64>,
    by_name: HashMap<String, i64>,
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
            self.by_name.entry(name.key()).or_insert(id);
        }
    }

    /// The contact who is `person`: by e-mail address, else by name.
    fn find(&self, person: &events::Person) -> Option<i64> {
        let by_email = person
            .email
            .as_ref()
            .and_then(|email| self.by_email.get(&email.to_lowercase()));
        let by_name = person
            .name
            .as_ref()
            .and_then(|name| self.by_name.get(&name.key()));
        by_email.or(by_name).copied()
    }
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
    for name in &outcome.created {
        lines.push(match network {
            Some(network) => lang.say(
                Msg::CreatedContactThrough,
                &[("name", name), ("network", network)],
            ),
            None => lang.say(Msg::CreatedContact, &[("name", name)]),
        });
    }
    lines.join("\n") + "\n"
}
