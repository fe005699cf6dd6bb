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
//! journal or in one it is merged with.
//!
//! A meeting already imported follows the calendar for what the calendar knows of it, its date,
//! its start time and its length (an occurrence moved to another day moves); what the user
//! added (network, format, notes, rating, cost, travel, contacts) stays. Meetings imported by
//! earlier versions, whose uuids held the occurrence's start time, are found by that
//! identifier, at the time the file gives or at any other minute of the same day (a series
//! moved since), and keep their uuid.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, IsTerminal as _, Write as _};
use std::path::PathBuf;

use chrono::NaiveTime;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::commands::check_forward;
use crate::commands::people;
use crate::commands::resolve::resolve_given_network;
use crate::context::Context;
use crate::db::contact::{self, NewContact};
use crate::db::meeting::{self, NewMeeting};
use crate::db::{Access, written};
use crate::domain::text::MAX_TEXT_CHARS;
use crate::domain::{DateArg, Email, MeetingFormat, Name, StartTime, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::sources::ics::{self as events, Legacy, Occurrence, Options, Tally};
use crate::sources::{clean_text, open_file};
use crate::transfer;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal import ics calendar.ics --since 2024-01
  netjournal import ics calendar.ics --match BNI --network \"BNI Montpellier\" --format breakfast
  netjournal import ics calendar.ics --me claire@example.com

Each occurrence of an event up to today (or --until) becomes a meeting; recurring events are
expanded. People invited become the contacts met. Importing the file again adds nothing: a
meeting already imported takes the date, start time and length the calendar gives it now (a
moved series stays one meeting per occurrence), and keeps what you added to it with
`netjournal edit meeting`. Events are read from 1900 to 2100, at most 10 000 occurrences of one
event in the period and 24 on one day.")]
pub struct Args {
    /// The calendar, as an .ics (iCalendar) file exported by a calendar program
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The network the meetings belong to (and the new contacts were met through)
    #[arg(long, value_name = "NAME", add = crate::commands::completions::networks())]
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
    #[arg(long, value_name = "EMAIL")]
    pub me: Vec<Email>,
}

/// What became of the occurrences read.
#[derive(Debug, Default)]
struct Outcome {
    added: usize,
    /// Found, and given the date, start time or length the calendar gives now.
    updated: usize,
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

/// The most warnings said: a program that writes its own rule parts writes them in every
/// series.
const MAX_WARNINGS: usize = 20;

/// From what size a calendar shows a bar while it is read (on a terminal).
const READING_BAR_FROM: u64 = 1 << 20;

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let today = ctx.today();
    let since = args.since.map(|date| date.resolve(today));
    let until = args.until.map_or(today, |date| date.resolve_end(today));
    check_forward(since, Some(until))?;
    let label = args.file.display().to_string();
    let (file, size) = open_file(&args.file)?;
    let me: Vec<String> = args.me.iter().map(|e| e.as_str().to_string()).collect();
    let options = Options {
        since,
        until,
        matching: args.matching.as_ref().map(Text::as_str),
        me: &me,
        offset: *ctx.now.offset(),
    };
    let reading = reading_bar(size, ctx.lang);
    let read = events::read(BufReader::new(file), &label, &options, &mut |bytes| {
        reading.set_position(bytes);
    });
    reading.finish_and_clear();
    let calendar = read?;
    let mut stderr = std::io::stderr().lock();
    for warning in calendar.warnings.iter().take(MAX_WARNINGS) {
        let text = warning.message();
        writeln!(
            stderr,
            "{}",
            ctx.lang
                .say(Msg::Warning, &[("text", &text.render(ctx.lang))])
        )?;
    }
    if let Some(more) = calendar.warnings.len().checked_sub(MAX_WARNINGS)
        && more > 0
    {
        let text = ctx.lang.count(Msg::MoreWarnings, more as i64, &[]);
        writeln!(stderr, "{}", ctx.lang.say(Msg::Warning, &[("text", &text)]))?;
    }
    drop(stderr);
    let occurrences = calendar.occurrences;
    let mut journal = ctx.open(Access::Write)?;
    let now = ctx.timestamp();
    let progress = transfer::progress(
        occurrences.len() as u64,
        ctx.lang,
        Msg::ProgressImporting,
        true,
    );
    let imported = journal.write(|tx| {
        let network = resolve_given_network(tx, args.network.as_ref())?;
        let network_id = network.as_ref().map(|n| n.id);
        let mut people = People::load(tx)?;
        let mut nearby = people::Nearby::load(tx)?;
        let mut earlier = Earlier::default();
        let mut outcome = Outcome::default();
        for occurrence in &occurrences {
            progress.inc(1);
            if let Some(id) = earlier.find(tx, occurrence)? {
                let Some(mut meeting) = meeting::load(tx, id)? else {
                    continue;
                };
                let start_time = start_time(occurrence);
                // A meeting without a start time (imported before the journal kept one) takes
                // the calendar's: what it gains is not a change to report.
                let moved = (meeting.date, meeting.minutes)
                    != (occurrence.date, occurrence.minutes)
                    || meeting.start_time.is_some() && meeting.start_time != start_time;
                let timed = meeting.start_time.is_none() && start_time.is_some();
                if moved || timed {
                    meeting.date = occurrence.date;
                    meeting.minutes = occurrence.minutes;
                    meeting.start_time = start_time;
                    written::update(tx, id, &meeting, &now)?;
                }
                if moved {
                    outcome.updated += 1;
                } else {
                    outcome.already += 1;
                }
                continue;
            }
            let new = NewMeeting {
                date: occurrence.date,
                start_time: start_time(occurrence),
                network_id,
                format: args.format,
                minutes: occurrence.minutes,
                travel_minutes: None,
                cost: None,
                rating: None,
                notes: notes(occurrence),
            };
            let id = written::insert_with_uuid(tx, &occurrence.uuid(), &new, &now)?;
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
                        let email = person
                            .email
                            .as_ref()
                            .map(|e| e.as_str().to_string())
                            .unwrap_or_default();
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
                new.email = person.email.as_ref().map(|e| e.as_str().to_string());
                let contact_id = contact::insert(tx, &new, &now)?;
                people.know(contact_id, Some(&name), new.email.as_deref());
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
        &calendar.tally,
        &outcome,
        network.as_deref(),
    );
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// A bar on stderr that follows the bytes of the file read, from the first: shown on a
/// terminal for a calendar of a megabyte or more.
fn reading_bar(size: u64, lang: Lang) -> ProgressBar {
    if size < READING_BAR_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
    // indicatif fills this template's slots itself: it is taken as written, not filled here.
    let style = ProgressStyle::with_template(crate::i18n::Template::template(
        Msg::ProgressReadingBar,
        lang,
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(lang.say(Msg::ProgressReading, &[]));
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
}

/// Finds the meeting an occurrence already is: by its uuid, else by the uuid an earlier
/// version gave it (see [`Legacy`]).
#[derive(Debug, Default)]
struct Earlier {
    /// For each series, the time of day its meetings were imported at by an earlier version,
    /// once found.
    times: HashMap<String, NaiveTime>,
    /// For each series, how many days were searched in vain.
    misses: HashMap<String, u32>,
}

impl Earlier {
    /// Days of a series searched minute by minute before it is taken to have no meeting from
    /// an earlier version.
    const TRIES: u32 = 8;

    fn find(
        &mut self,
        tx: &rusqlite::Connection,
        occurrence: &Occurrence,
    ) -> Result<Option<i64>, CliError> {
        if let Some(id) = meeting::find_by_uuid(tx, &occurrence.uuid())? {
            return Ok(Some(id));
        }
        let Some(legacy) = &occurrence.legacy else {
            return Ok(None);
        };
        let uid = &occurrence.uid;
        let known = self.times.get(uid).copied().unwrap_or(legacy.time());
        if let Some(id) = meeting::find_by_uuid(tx, &legacy.uuid_at(known))? {
            self.times.insert(uid.clone(), known);
            return Ok(Some(id));
        }
        let misses = self.misses.get(uid).copied().unwrap_or(0);
        if self.times.contains_key(uid) || misses >= Self::TRIES {
            return Ok(None);
        }
        let on_that_day: HashSet<String> = meeting::uuids_on(tx, occurrence.date)?
            .into_iter()
            .collect();
        if on_that_day.is_empty() {
            return Ok(None);
        }
        match minute_of(legacy, &on_that_day) {
            Some(time) => {
                self.times.insert(uid.clone(), time);
                Ok(meeting::find_by_uuid(tx, &legacy.uuid_at(time))?)
            }
            None => {
                self.misses.insert(uid.clone(), misses + 1);
                Ok(None)
            }
        }
    }
}

/// The minute of the day at which an earlier version would have named the occurrence with one
/// of `uuids`.
fn minute_of(legacy: &Legacy, uuids: &HashSet<String>) -> Option<NaiveTime> {
    (0..24 * 60)
        .filter_map(|minute| NaiveTime::from_hms_opt(minute / 60, minute % 60, 0))
        .find(|time| uuids.contains(&legacy.uuid_at(*time)))
}

/// The time the occurrence starts at on its day, for the user (`None` for an all-day event).
fn start_time(occurrence: &Occurrence) -> Option<StartTime> {
    use chrono::Timelike as _;
    let start = occurrence.start?;
    StartTime::new(
        u8::try_from(start.hour()).ok()?,
        u8::try_from(start.minute()).ok()?,
    )
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
        let email = person
            .email
            .as_ref()
            .map(|email| email.as_str().to_lowercase());
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
    let until = lang.day(options.until);
    let period = match options.since {
        Some(since) => lang.say(
            Msg::PeriodFromTo,
            &[("since", &lang.day(since)), ("until", &until)],
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
            (
                "updated",
                &count(Msg::MeetingsUpdated, outcome.updated, &[]),
            ),
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
