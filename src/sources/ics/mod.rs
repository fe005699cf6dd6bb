//! iCalendar files (RFC 5545), as calendar programs export them: the events that took place
//! in a period, each recurring event expanded into its occurrences, each with its date, its
//! length, its summary and description, and the people invited.
//!
//! The file is read as it comes, line by line ([`lines`]), so that a large calendar costs time
//! in proportion to its size and a progress bar can move from the first byte. The lines are
//! checked for shape (`NAME:VALUE`, every `BEGIN` with its `END`) with the line at fault named,
//! then each component the import reads (`VEVENT`, `VTIMEZONE`, the calendar's own properties)
//! is handed whole, and alone, to the `icalendar` crate's parser, which reads its properties,
//! parameters and escaped text; the crate's date and duration types read the values. (Handed
//! the whole file at once, that parser looks for a CRLF to the end of the input on every line
//! of a file whose lines end with LF, which made an import quadratic in the size of the file,
//! and it takes a single `VCALENDAR` only.) The `rrule` crate expands recurrence rules.
//!
//! What is left here is the calendar's meaning: time zones, all-day events, exceptions
//! (`EXDATE`), moved or cancelled occurrences (`RECURRENCE-ID`), copies of one event, who was
//! there, and the limits that keep a hostile file from becoming thousands of meetings.
//!
//! Times are compared in the frame of the event's own `DTSTART`: the wall clock of its `TZID`
//! (a weekly breakfast at 7:00 stays at 7:00 across daylight saving), or UTC for a `DTSTART`
//! written in UTC, whose dates are then read in the calendar's zone (`X-WR-TIMEZONE`) or the
//! user's. Rules are expanded on that wall clock, so that a zone that is not an IANA name
//! still gives the right days.

mod event;
mod lines;
mod windows_zones;
mod zones;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::rc::Rc;
use std::str::FromStr;

use chrono::{Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icalendar::parser::{Component, read_components};

use self::event::{Draft, Event, Read, Rule, value};
use self::lines::{LineError, Lines};
use self::zones::{Frame, Stamp, Zones, iana, parse_offset};
use super::Error;
use crate::domain::{Email, Name};
use crate::messages::{Arg, Message, Msg};

pub use self::event::{FIRST_YEAR, LAST_YEAR};

/// The most occurrences one recurring event may have in the period read: more is a rule that
/// is no meeting (every minute…) or a period far too wide.
pub const MAX_OCCURRENCES: u16 = 10_000;
/// The most occurrences one recurring event may have on one day.
pub const MAX_A_DAY: usize = 24;

/// What to read from the file.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// The first day of the period (`None`: from the first event).
    pub since: Option<NaiveDate>,
    /// The last day of the period.
    pub until: NaiveDate,
    /// Keep only the events whose summary contains this text, compared case-insensitively.
    pub matching: Option<&'a str>,
    /// The user's own e-mail addresses: never one of the people met, and an event they
    /// declined did not take place for them.
    pub me: &'a [String],
    /// The user's offset from UTC, to date an event written in UTC when the calendar names no
    /// zone.
    pub offset: FixedOffset,
}

/// One occurrence of an event in the period: a meeting to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub uid: String,
    /// Which occurrence of a recurring event: the day it was first planned on, in the user's
    /// calendar (`2024-03-05`; `2024-03-05/2` for a second one that day); empty for a single
    /// event. Not its time: a series moved from 7:00 to 7:30 keeps its occurrences.
    pub recurrence: String,
    /// How earlier versions of netjournal named the occurrence, to find the meetings they imported.
    pub legacy: Option<Legacy>,
    pub date: NaiveDate,
    /// The time it starts at on that day, for the user; `None` for an all-day event.
    pub start: Option<NaiveTime>,
    /// From start to end; `None` for an all-day event, an event without an end, or one longer
    /// than a day.
    pub minutes: Option<u32>,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// The organizer and the attendees, but not the user, nor rooms, nor those who declined.
    pub people: Vec<Person>,
}

/// The namespace of the identifiers of meetings that come from calendar events.
const CALENDAR_EVENTS: uuid::Uuid =
    uuid::Uuid::from_u128(0x7ad2_75c8_0ea2_4542_b9c2_977d_4fa7_4e3f);

fn event_uuid(uid: &str, recurrence: &str) -> String {
    let name = format!("{uid}\n{recurrence}");
    uuid::Uuid::new_v5(&CALENDAR_EVENTS, name.as_bytes()).to_string()
}

impl Occurrence {
    /// The stable identifier of the meeting this occurrence is: derived from the event's UID
    /// and the occurrence (a name-based UUID, version 5), so that one event is one meeting
    /// however often, and in whichever journal, the calendar is imported.
    pub fn uuid(&self) -> String {
        event_uuid(&self.uid, &self.recurrence)
    }
}

/// How earlier versions of netjournal named an occurrence of a series: by its original start,
/// `2024-03-05T07:00:00` (`…Z` for a series written in UTC, whose day is then UTC's). A series
/// moved since is found by trying the other times of that day ([`Legacy::uuid_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legacy {
    uid: String,
    start: NaiveDateTime,
    utc: bool,
}

impl Legacy {
    /// The start the occurrence has in this file.
    pub fn time(&self) -> NaiveTime {
        self.start.time()
    }

    /// The identifier an earlier version gave the occurrence had it started at `time`.
    pub fn uuid_at(&self, time: NaiveTime) -> String {
        let start = self.start.date().and_time(time);
        let key = if self.utc {
            start.format("%Y-%m-%dT%H:%M:%SZ")
        } else {
            start.format("%Y-%m-%dT%H:%M:%S")
        };
        event_uuid(&self.uid, &key.to_string())
    }
}

/// Someone invited to an event: a name, an e-mail address, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: Option<Name>,
    pub email: Option<Email>,
}

/// What was read besides the occurrences kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Events in the file (a recurring event and its moved occurrences count once each; two
    /// copies of one event, once).
    pub events: usize,
    /// Occurrences in the period left out: cancelled, declined by the user, or whose summary
    /// does not match.
    pub cancelled: usize,
    pub declined: usize,
    pub unmatched: usize,
    /// Events with no occurrence in the period.
    pub outside: usize,
}

/// Something in the file that was read past: where, and what (same shape as an [`Error`]).
pub type Warning = Error;

/// What a file holds for the period.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// By date.
    pub occurrences: Vec<Occurrence>,
    pub tally: Tally,
    pub warnings: Vec<Warning>,
}

/// Where an event is, for messages: `events.ics:12: event 3 (UID abc)`.
#[derive(Debug, Clone)]
struct Place {
    file: Rc<str>,
    line: usize,
    number: usize,
}

impl Place {
    fn error(&self, uid: Option<&str>, message: Message) -> Error {
        let number = self.number.to_string();
        let record = match uid {
            Some(uid) => Message::keyed(Msg::IcsEventUid, &[("n", &number), ("uid", uid)]),
            None => Message::keyed(Msg::IcsEvent, &[("n", &number)]),
        };
        Error::new(format!("{}:{}", self.file, self.line), message).in_record(record)
    }
}

/// Reads an iCalendar file from `input` (`file` names it in messages) and returns the
/// occurrences in the period, by date. A file that is not iCalendar, a broken line or
/// component, or an event without `UID` or `DTSTART`, with an unreadable or out-of-range date,
/// duration or rule, is refused with its line and event. `progress` is told how many bytes
/// have been read, as they are.
pub fn read(
    input: impl BufRead,
    file: &str,
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Calendar, Error> {
    let mut reader = Reader {
        file: file.into(),
        options,
        warnings: Vec::new(),
        open: Vec::new(),
        seen: false,
        calendar: Captured::default(),
        capture: None,
        zones: HashMap::new(),
        drafts: Vec::new(),
        events: Vec::new(),
        number: 0,
    };
    let mut lines = Lines::new(input);
    let mut told = 0;
    while let Some(line) = lines.next() {
        let line = line.map_err(|error| reader.line_error(error))?;
        reader.line(line.number, line.text.trim_end())?;
        if lines.bytes_read() - told >= 1 << 16 {
            told = lines.bytes_read();
            progress(told);
        }
    }
    progress(lines.bytes_read());
    reader.end()
}

/// The lines of a component being read, with the line of the file each comes from and where
/// it is in the text.
#[derive(Debug, Default)]
struct Captured {
    text: String,
    lines: Vec<(usize, std::ops::Range<usize>)>,
}

impl Captured {
    fn push(&mut self, line: usize, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.lines.push((line, start..self.text.len()));
        self.text.push_str("\r\n");
    }

    fn first_line(&self) -> usize {
        self.lines.first().map_or(1, |(line, _)| *line)
    }

    /// The component, parsed by the `icalendar` crate. When the crate refuses it, the line at
    /// fault is the first the crate cannot read as the one property of a component (its own
    /// message is in English and counts lines of its own input), else the component's first.
    fn parse(&self, file: &str) -> Result<Component<'_>, Error> {
        let mut components = read_components(&self.text).map_err(|_| {
            let line = self
                .lines
                .iter()
                .find(|(_, range)| {
                    let text = &self.text[range.clone()];
                    let frame = ["BEGIN:", "END:"].iter().any(|prefix| {
                        text.get(..prefix.len())
                            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
                    });
                    !frame && read_components(&format!("BEGIN:X\r\n{text}\r\nEND:X\r\n")).is_err()
                })
                .map_or(self.first_line(), |(line, _)| *line);
            Error::new(
                format!("{file}:{line}"),
                Message::keyed(Msg::IcsMalformed, &[]),
            )
        })?;
        // The text holds one component, from its BEGIN to its END.
        Ok(components.swap_remove(0))
    }
}

/// A component of the calendar the import reads.
#[derive(Debug)]
enum Kind {
    Event(usize),
    Zone,
}

/// The state of the reading: what is open, what is being gathered, what was read.
struct Reader<'o> {
    file: Rc<str>,
    options: &'o Options<'o>,
    warnings: Vec<Warning>,
    /// The components open, with the line of their `BEGIN`.
    open: Vec<(String, usize)>,
    /// A `BEGIN:VCALENDAR` was read.
    seen: bool,
    /// The properties of the calendar being read.
    calendar: Captured,
    /// The event or zone being read.
    capture: Option<(Kind, Captured)>,
    /// The offsets of the zones the calendar being read defines (see [`Zones::defined`]).
    zones: HashMap<String, FixedOffset>,
    /// The events of the calendar being read.
    drafts: Vec<Draft>,
    /// The events of the calendars read whole.
    events: Vec<Event>,
    /// Events begun so far.
    number: usize,
}

impl Reader<'_> {
    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.file)
    }

    fn line_error(&self, error: LineError) -> Error {
        match error {
            LineError::NotUtf8(line) => {
                Error::new(self.at(line), Message::keyed(Msg::NotUtf8, &[]))
            }
            LineError::Io(error) => Error::new(
                self.file.to_string(),
                Message::new(Msg::CannotRead)
                    .with("path", &*self.file)
                    .with("why", &error),
            ),
        }
    }

    fn not_a_calendar(&self, line: usize) -> Error {
        Error::new(self.at(line), Message::keyed(Msg::IcsNotCalendar, &[]))
            .with_hint(Message::keyed(Msg::IcsExportHint, &[]))
    }

    /// One content line, `text`, that starts on the line `line` of the file.
    fn line(&mut self, line: usize, text: &str) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        let name_end = text.find([';', ':']).unwrap_or(text.len());
        let name = &text[..name_end];
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
            && text[name_end..].contains(':');
        if !valid {
            return Err(if self.seen {
                Error::new(
                    self.at(line),
                    Message::keyed(Msg::IcsNotLine, &[("line", &shorten(text))]),
                )
            } else {
                self.not_a_calendar(line)
            });
        }
        let value = || {
            text.split_once(':')
                .map_or("", |(_, v)| v)
                .trim()
                .to_ascii_uppercase()
        };
        if name.eq_ignore_ascii_case("BEGIN") {
            self.begin(line, text, value())
        } else if name.eq_ignore_ascii_case("END") {
            self.end_of(line, text, value())
        } else {
            match (&mut self.capture, self.open.len()) {
                (_, 0) => {
                    return Err(if self.seen {
                        Error::new(
                            self.at(line),
                            Message::keyed(Msg::IcsAfterEnd, &[("line", &shorten(text))]),
                        )
                    } else {
                        self.not_a_calendar(line)
                    });
                }
                (Some((_, captured)), _) => captured.push(line, text),
                (None, 1) => self.calendar.push(line, text),
                // Inside a component the import does not read (a to-do, an alarm…).
                (None, _) => {}
            }
            Ok(())
        }
    }

    fn begin(&mut self, line: usize, text: &str, component: String) -> Result<(), Error> {
        match self.open.last() {
            None if component != "VCALENDAR" => return Err(self.not_a_calendar(line)),
            None => {
                self.calendar = Captured::default();
                self.calendar.push(line, text);
                self.zones.clear();
            }
            Some((parent, _)) if component == "VEVENT" && parent != "VCALENDAR" => {
                return Err(Error::new(
                    self.at(line),
                    Message::keyed(Msg::IcsNestedEvent, &[("parent", parent)]),
                ));
            }
            Some(_) if self.open.len() == 1 => {
                let kind = match component.as_str() {
                    "VEVENT" => {
                        self.number += 1;
                        Some(Kind::Event(self.number))
                    }
                    "VTIMEZONE" => Some(Kind::Zone),
                    _ => None,
                };
                self.capture = kind.map(|kind| (kind, Captured::default()));
            }
            Some(_) => {}
        }
        if let Some((_, captured)) = &mut self.capture {
            captured.push(line, text);
        }
        self.open.push((component, line));
        self.seen = true;
        Ok(())
    }

    fn end_of(&mut self, line: usize, text: &str, component: String) -> Result<(), Error> {
        match self.open.pop() {
            Some((begun, _)) if begun == component => {}
            Some((begun, begun_at)) => {
                return Err(Error::new(
                    self.at(line),
                    Message::keyed(
                        Msg::IcsWrongEnd,
                        &[
                            ("component", &component),
                            ("begun", &begun),
                            ("line", &begun_at.to_string()),
                        ],
                    ),
                ));
            }
            None => {
                return Err(Error::new(
                    self.at(line),
                    Message::keyed(Msg::IcsEndNothing, &[("component", &component)]),
                ));
            }
        }
        if let Some((_, captured)) = &mut self.capture {
            captured.push(line, text);
        }
        match self.open.len() {
            1 => {
                if let Some((kind, captured)) = self.capture.take() {
                    self.component(kind, &captured)?;
                }
            }
            0 => {
                self.calendar.push(line, text);
                self.end_calendar()?;
            }
            _ => {}
        }
        Ok(())
    }

    /// An event or a zone read whole.
    fn component(&mut self, kind: Kind, captured: &Captured) -> Result<(), Error> {
        let component = captured.parse(&self.file)?;
        match kind {
            Kind::Event(number) => {
                let place = Place {
                    file: Rc::clone(&self.file),
                    line: captured.first_line(),
                    number,
                };
                let mut read = Read {
                    warnings: &mut self.warnings,
                };
                self.drafts.push(read.event(&component, place)?);
            }
            Kind::Zone => {
                if let Some(tzid) = value(&component, "TZID") {
                    let largest = component
                        .components
                        .iter()
                        .filter_map(|rule| value(rule, "TZOFFSETTO").and_then(parse_offset))
                        .max_by_key(|offset| offset.local_minus_utc());
                    if let Some(offset) = largest {
                        self.zones.insert(tzid.to_string(), offset);
                    }
                }
            }
        }
        Ok(())
    }

    /// The calendar read whole: its events weighed against its zones and its owner.
    fn end_calendar(&mut self) -> Result<(), Error> {
        let calendar = std::mem::take(&mut self.calendar);
        let component = calendar.parse(&self.file)?;
        let zones = Rc::new(Zones {
            calendar: value(&component, "X-WR-TIMEZONE").and_then(iana),
            defined: std::mem::take(&mut self.zones),
            fallback: self.options.offset,
        });
        // The user's addresses for this calendar: those given, and the calendar's name when
        // it is an address (Google names a calendar's export after its owner).
        let mut me: Vec<String> = self.options.me.iter().map(|e| e.to_lowercase()).collect();
        if let Some(name) = value(&component, "X-WR-CALNAME")
            && let Ok(email) = Email::from_str(name)
        {
            me.push(email.as_str().to_lowercase());
        }
        for draft in std::mem::take(&mut self.drafts) {
            self.events.push(draft.finish(&zones, &me)?);
        }
        Ok(())
    }

    fn end(self) -> Result<Calendar, Error> {
        if let Some((component, line)) = self.open.last() {
            return Err(Error::new(
                self.at(*line),
                Message::keyed(Msg::IcsNeverClosed, &[("component", component)]),
            ));
        }
        if !self.seen {
            return Err(Error::new(
                self.file.to_string(),
                Message::keyed(Msg::IcsEmpty, &[]),
            ));
        }
        let mut warnings = self.warnings;
        let events = one_of_each(self.events, &mut warnings);
        let (occurrences, tally) = expand_all(&events, self.options)?;
        Ok(Calendar {
            occurrences,
            tally,
            warnings,
        })
    }
}

/// The events, each once: of two copies of one event (the same UID and occurrence, in two
/// calendars of the file or twice in one), the newer is kept (higher `SEQUENCE`, then later
/// `LAST-MODIFIED` or `DTSTAMP`, then later in the file), and a warning names the other unless
/// both say the same. A single event exported beside the series of the same UID stands for
/// that series' occurrence on its day.
fn one_of_each(events: Vec<Event>, warnings: &mut Vec<Warning>) -> Vec<Event> {
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    let mut index: HashMap<(String, Option<NaiveDateTime>, bool), usize> = HashMap::new();
    for event in events {
        let (uid, moved) = event.identity();
        match index.entry((uid, moved, event.recurs())) {
            Entry::Vacant(vacant) => {
                vacant.insert(kept.len());
                kept.push(event);
            }
            Entry::Occupied(occupied) => {
                let first = &mut kept[*occupied.get()];
                if first.same_as(&event) {
                    continue;
                }
                let (older, newer) = if event.version >= first.version {
                    (std::mem::replace(first, event), &*first)
                } else {
                    (event, &*first)
                };
                let n = newer.place.number.to_string();
                let line = newer.place.line.to_string();
                warnings.push(older.error(Message::keyed(
                    Msg::IcsOlderCopy,
                    &[("n", &n), ("line", &line)],
                )));
            }
        }
    }
    let series: HashSet<String> = kept
        .iter()
        .filter(|e| e.recurs() && e.recurrence_id.is_none())
        .map(|e| e.uid.clone())
        .collect();
    for event in &mut kept {
        if !event.recurs() && event.recurrence_id.is_none() && series.contains(&event.uid) {
            event.stand_for_occurrence();
        }
    }
    kept
}

/// The first characters of a long line, for a message.
fn shorten(text: &str) -> String {
    const KEEP: usize = 60;
    if text.chars().count() <= KEEP {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(KEEP).collect::<String>())
    }
}

impl Event {
    /// The starts of the event's occurrences between `from` and `to` (in its frame),
    /// exceptions removed, in order. More than [`MAX_A_DAY`] occurrences on a day, or
    /// [`MAX_OCCURRENCES`] in all, whether from its rule or its `RDATE`s, is refused.
    fn starts(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Vec<NaiveDateTime>, Error> {
        let start = self.zones.in_frame(&self.start, &self.frame);
        let mut times = vec![start];
        let mut limited = false;
        if let Some(rule) = &self.rule {
            let (dates, cut) = self.expand(rule, start, from, to)?;
            times.extend(dates);
            limited = cut;
        }
        times.extend(
            self.rdates
                .iter()
                .map(|s| self.zones.in_frame(s, &self.frame)),
        );
        times.sort();
        times.dedup();
        let days: HashSet<NaiveDate> = self
            .exdates
            .iter()
            .filter_map(|exdate| match exdate {
                Stamp::Date(day) => Some(*day),
                _ => None,
            })
            .collect();
        times.retain(|time| !days.contains(&time.date()));
        let excluded = self
            .exdates
            .iter()
            .filter(|exdate| !exdate.is_date())
            .map(|exdate| self.zones.in_frame(exdate, &self.frame));
        remove_times(&mut times, excluded);
        times.retain(|time| (from..=to).contains(time));
        let mut a_day: HashMap<NaiveDate, usize> = HashMap::new();
        for time in &times {
            let count = a_day.entry(time.date()).or_default();
            *count += 1;
            if *count > MAX_A_DAY {
                return Err(self.error(Message::keyed(
                    Msg::IcsTooManyADay,
                    &[
                        ("max", &MAX_A_DAY.to_string()),
                        ("date", &time.date().to_string()),
                    ],
                )));
            }
        }
        if limited || times.len() > usize::from(MAX_OCCURRENCES) {
            // 10000, 10 000 (French groups thousands, as its amounts do).
            let message =
                Message::new(Msg::IcsTooMany).with("max", Arg::Integer(MAX_OCCURRENCES.into()));
            return Err(self.error(message));
        }
        Ok(times)
    }

    /// The occurrences `rule` gives between `from` and `to`, and whether `rrule` stopped
    /// before their end (at [`MAX_OCCURRENCES`], or after too many steps). The rule is
    /// expanded on the event's wall clock (handed to `rrule` as if it were UTC), so that zones
    /// `rrule` does not know still recur on the right days; its `UNTIL` is brought into that
    /// frame first.
    fn expand(
        &self,
        rule: &Rule,
        start: NaiveDateTime,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<(Vec<NaiveDateTime>, bool), Error> {
        let utc = |time: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&time);
        let bad_rule = |why: Message| {
            self.error(
                Message::new(Msg::IcsBadRule)
                    .with("rule", rule.text.as_str())
                    .with("why", why),
            )
        };
        let until = rule.until.as_ref().map(|stamp| match stamp {
            Stamp::Date(day) => {
                day.and_time(NaiveTime::MIN) + Duration::days(1) - Duration::seconds(1)
            }
            other => self.zones.in_frame(other, &self.frame),
        });
        if until.is_some_and(|until| until < start) {
            return Ok((Vec::new(), false));
        }
        let mut parsed: rrule::RRule<rrule::Unvalidated> = rule
            .parts
            .parse()
            .map_err(|error: rrule::RRuleError| bad_rule(rule_message(&error)))?;
        if let Some(until) = until {
            parsed = parsed.until(utc(until));
        }
        let set = parsed
            .build(utc(start))
            .map_err(|error| bad_rule(rule_message(&error)))?;
        let result = set.after(utc(from)).before(utc(to)).all(MAX_OCCURRENCES);
        let dates = result.dates.iter().map(|d| d.naive_utc()).collect();
        Ok((dates, result.limited))
    }

    /// The original start of the occurrence that `id` (a `RECURRENCE-ID`) names, in this
    /// series' frame.
    fn original(&self, id: &Stamp) -> NaiveDateTime {
        self.zones.in_frame(id, &self.frame)
    }

    /// How earlier versions of netjournal named the occurrence starting at `time` in this series' frame.
    fn legacy(&self, time: NaiveDateTime) -> Option<Legacy> {
        (!self.all_day()).then(|| Legacy {
            uid: self.uid.clone(),
            start: time,
            utc: self.frame == Frame::Utc,
        })
    }
}

/// `rrule`'s message, without its prefix: its own words, in English, said to be its own in
/// French.
fn rule_message(error: &rrule::RRuleError) -> Message {
    let message = error.to_string();
    let words = message
        .strip_prefix("RRule parsing error: ")
        .or_else(|| message.strip_prefix("RRule validation error: "))
        .unwrap_or(&message);
    Message::new(Msg::RruleSays).with("words", words)
}

/// Removes from `times` each of `removed`: the same time or, failing one (a time written in
/// another zone may be off by the zone's offset), the only time of the same day. In one pass,
/// however many times are removed.
fn remove_times(times: &mut Vec<NaiveDateTime>, removed: impl IntoIterator<Item = NaiveDateTime>) {
    let present: HashSet<NaiveDateTime> = times.iter().copied().collect();
    let mut a_day: HashMap<NaiveDate, usize> = HashMap::new();
    for time in times.iter() {
        *a_day.entry(time.date()).or_default() += 1;
    }
    let mut gone = HashSet::new();
    let mut gone_days = HashSet::new();
    for time in removed {
        if present.contains(&time) {
            gone.insert(time);
        } else if a_day.get(&time.date()) == Some(&1) {
            gone_days.insert(time.date());
        }
    }
    if !gone.is_empty() || !gone_days.is_empty() {
        times.retain(|time| !gone.contains(time) && !gone_days.contains(&time.date()));
    }
}

/// An occurrence found: its event, its start (in the event's frame), and, for one of a series,
/// its series and its original start (in the series' frame).
struct Found<'e> {
    event: &'e Event,
    time: NaiveDateTime,
    series: Option<(&'e Event, NaiveDateTime)>,
}

/// The occurrences of every event in the period, moved occurrences in place of the ones they
/// move, the ones left out counted.
fn expand_all(events: &[Event], options: &Options) -> Result<(Vec<Occurrence>, Tally), Error> {
    let mut tally = Tally {
        events: events.len(),
        ..Tally::default()
    };
    let series: HashMap<&str, &Event> = events
        .iter()
        .filter(|e| e.recurrence_id.is_none())
        .map(|e| (e.uid.as_str(), e))
        .collect();
    // The occurrences each recurring event has moved (or cancelled) elsewhere in the file.
    let mut moved: HashMap<&str, Vec<&Stamp>> = HashMap::new();
    for event in events {
        if let Some(id) = &event.recurrence_id {
            moved.entry(&event.uid).or_default().push(id);
        }
    }
    let in_period =
        |date: NaiveDate| options.since.is_none_or(|since| since <= date) && date <= options.until;
    // The period in an event's frame, a day wider on each side: the dates are compared
    // exactly once each time is read in the user's day.
    let to = options
        .until
        .checked_add_days(Days::new(2))
        .unwrap_or(options.until)
        .and_time(NaiveTime::MIN)
        - Duration::seconds(1);
    let from = |event: &Event| match options.since {
        Some(since) => since
            .checked_sub_days(Days::new(1))
            .unwrap_or(since)
            .and_time(NaiveTime::MIN),
        None => event.zones.in_frame(&event.start, &event.frame),
    };
    let mut kept: Vec<Found> = Vec::new();
    for event in events {
        let found: Vec<Found> = match &event.recurrence_id {
            None => {
                let mut starts = event.starts(from(event), to)?;
                if let Some(ids) = moved.get(event.uid.as_str()) {
                    remove_times(&mut starts, ids.iter().map(|id| event.original(id)));
                }
                let recurs = event.recurs();
                starts
                    .into_iter()
                    .map(|time| Found {
                        event,
                        time,
                        series: recurs.then_some((event, time)),
                    })
                    .collect()
            }
            Some(id) => {
                // A moved occurrence is named after the occurrence it replaces, in its
                // series' frame: the name it had before it was moved.
                let owner = series.get(event.uid.as_str()).copied().unwrap_or(event);
                vec![Found {
                    event,
                    time: event.zones.in_frame(&event.start, &event.frame),
                    series: Some((owner, owner.original(id))),
                }]
            }
        };
        let found: Vec<Found> = found
            .into_iter()
            .filter(|f| in_period(f.event.zones.date(f.time, &f.event.frame)))
            .collect();
        if found.is_empty() {
            tally.outside += 1;
        }
        kept.extend(found);
    }
    // Occurrences of one series are named by the day they were planned on, a second one that
    // day `/2`, in the order of their original starts.
    let mut names: Vec<(String, NaiveDateTime, usize)> = Vec::new();
    for (index, found) in kept.iter().enumerate() {
        if let Some((owner, original)) = found.series {
            let day = owner.zones.date(original, &owner.frame).to_string();
            names.push((format!("{}\n{day}", owner.uid), original, index));
        }
    }
    names.sort();
    let mut recurrence: Vec<String> = vec![String::new(); kept.len()];
    let mut same_day = 0;
    for (i, (key, _, index)) in names.iter().enumerate() {
        same_day = if i > 0 && names[i - 1].0 == *key {
            same_day + 1
        } else {
            1
        };
        let day = key.rsplit('\n').next().unwrap_or_default();
        recurrence[*index] = match same_day {
            1 => day.to_string(),
            n => format!("{day}/{n}"),
        };
    }
    let wanted = options.matching.map(str::to_lowercase);
    let mut occurrences = Vec::new();
    for (found, recurrence) in kept.into_iter().zip(recurrence) {
        let event = found.event;
        if event.cancelled {
            tally.cancelled += 1;
        } else if event.declined {
            tally.declined += 1;
        } else if let Some(wanted) = &wanted
            && !event
                .summary
                .as_ref()
                .is_some_and(|s| s.to_lowercase().contains(wanted.as_str()))
        {
            tally.unmatched += 1;
        } else {
            occurrences.push(Occurrence {
                uid: event.uid.clone(),
                recurrence,
                legacy: found
                    .series
                    .and_then(|(owner, original)| owner.legacy(original)),
                date: event.zones.date(found.time, &event.frame),
                start: (!event.all_day())
                    .then(|| event.zones.local(found.time, &event.frame).time()),
                minutes: event.minutes,
                summary: event.summary.clone(),
                description: event.description.clone(),
                people: event.people.clone(),
            });
        }
    }
    occurrences
        .sort_by(|a, b| (a.date, &a.uid, &a.recurrence).cmp(&(b.date, &b.uid, &b.recurrence)));
    Ok((occurrences, tally))
}

#[cfg(test)]
mod tests;
