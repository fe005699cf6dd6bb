//! iCalendar files (RFC 5545), as calendar programs export them: the events that took place
//! in a period, each recurring event expanded into its occurrences, each with its date, its
//! length, its summary and description, and the people invited.
//!
//! The `icalendar` crate parses the content lines (unfolding, parameters, escaped text); the
//! `rrule` crate expands recurrence rules. What is left here is the calendar's meaning: time
//! zones, all-day events, exceptions (`EXDATE`), moved or cancelled occurrences
//! (`RECURRENCE-ID`), and who was there.
//!
//! Times are compared in the frame of the event's own `DTSTART`: the wall clock of its `TZID`
//! (a weekly breakfast at 7:00 stays at 7:00 across daylight saving), or UTC for a `DTSTART`
//! written in UTC, whose dates are then read in the calendar's zone (`X-WR-TIMEZONE`) or the
//! user's. Rules are expanded on that wall clock, so a zone that is not an IANA name (Outlook
//! writes `Romance Standard Time`) still gives the right days.

use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;

use chrono::{Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icalendar::parser::{Component, Property, read_components};

use super::Error;
use crate::commands::add::contact::parse_email;
use crate::domain::Name;
use crate::domain::money::group_thousands;
use crate::error::Said;
use crate::messages::Msg;

/// The most occurrences one recurring event may have in the period read: more is a rule that
/// is no meeting (every minute…) or a period far too wide.
const MAX_OCCURRENCES: u16 = 10_000;

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
    /// Which occurrence of a recurring event (its original start, in the event's frame:
    /// `2024-03-05T07:00:00`, or `2024-03-05` for an all-day one); empty for a single event.
    pub recurrence: String,
    pub date: NaiveDate,
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

impl Occurrence {
    /// The stable identifier of the meeting this occurrence is: derived from the event's UID
    /// and the occurrence (a name-based UUID, version 5), so that one event is one meeting
    /// however often, and in whichever journal, the calendar is imported.
    pub fn uuid(&self) -> String {
        let name = format!("{}\n{}", self.uid, self.recurrence);
        uuid::Uuid::new_v5(&CALENDAR_EVENTS, name.as_bytes()).to_string()
    }
}

/// Someone invited to an event: a name, an e-mail address, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: Option<Name>,
    pub email: Option<String>,
}

/// What was read besides the occurrences kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Events in the file (a recurring event and its moved occurrences count once each).
    pub events: usize,
    /// Occurrences in the period left out: cancelled, declined by the user, or whose summary
    /// does not match.
    pub cancelled: usize,
    pub declined: usize,
    pub unmatched: usize,
    /// Events with no occurrence in the period.
    pub outside: usize,
}

/// Reads an iCalendar file (`file` names it in errors) and returns the occurrences in the
/// period, by date. A file that is not iCalendar, a broken line or component, or an event
/// without `UID` or `DTSTART`, with an unreadable date, duration or rule, is refused with its
/// line and event.
pub fn read(
    bytes: &[u8],
    file: &str,
    options: &Options,
) -> Result<(Vec<Occurrence>, Tally), Error> {
    let text = super::text(bytes, file)?;
    let lines = unfold(text);
    let event_lines = check_structure(&lines, file)?;
    let joined: String = lines
        .iter()
        .map(|(_, line)| line.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let roots = read_components(&joined).map_err(|message| parse_error(&message, &lines, file))?;

    let mut events = Vec::new();
    for root in &roots {
        let zones = Rc::new(Zones::of(root, options));
        let me = me(root, options);
        for component in root.components.iter().filter(|c| is(&c.name, "VEVENT")) {
            let number = events.len() + 1;
            let line = event_lines.get(number - 1).copied().unwrap_or(1);
            let place = Place { file, line, number };
            events.push(Event::read(component, place, &zones, &me)?);
        }
    }
    expand_all(&events, file, options)
}

/// Where an event is, for messages: `events.ics:12: event 3 (UID abc)`.
#[derive(Debug, Clone, Copy)]
struct Place<'a> {
    file: &'a str,
    line: usize,
    number: usize,
}

impl Place<'_> {
    fn error(&self, uid: Option<&str>, message: Said) -> Error {
        let number = self.number.to_string();
        let record = match uid {
            Some(uid) => Said::keyed(Msg::IcsEventUid, &[("n", &number), ("uid", uid)]),
            None => Said::keyed(Msg::IcsEvent, &[("n", &number)]),
        };
        Error::new(format!("{}:{}", self.file, self.line), message).in_record(record)
    }
}

/// The file's content lines, folded lines joined (a line starting with a space or a tab
/// continues the one before), each with the number of the line it starts on.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.chars().next(), lines.last_mut()) {
            (Some(' ' | '\t'), Some((_, previous))) => previous.push_str(&raw[1..]),
            _ => lines.push((index + 1, raw.to_string())),
        }
    }
    lines
}

/// Checks the shape of the file line by line, so that a broken file is refused with the line
/// at fault: it is a calendar (`BEGIN:VCALENDAR` first), every line is `NAME:VALUE`, every
/// `BEGIN` has its `END`. Returns the line of each `BEGIN:VEVENT`, in order.
fn check_structure(lines: &[(usize, String)], file: &str) -> Result<Vec<usize>, Error> {
    let at = |line: usize| format!("{file}:{line}");
    let not_a_calendar = |line: usize| {
        Error::new(at(line), Said::keyed(Msg::IcsNotCalendar, &[]))
            .with_hint(Said::keyed(Msg::IcsExportHint, &[]))
    };
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut events = Vec::new();
    let mut seen = false;
    for (line, text) in lines.iter().map(|(n, t)| (*n, t.trim_end())) {
        if text.is_empty() {
            continue;
        }
        let name_end = text.find([';', ':']).unwrap_or(text.len());
        let name = &text[..name_end];
        let valid = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
            && text[name_end..].contains(':');
        if !valid {
            return Err(if seen {
                Error::new(
                    at(line),
                    Said::keyed(Msg::IcsNotLine, &[("line", &shorten(text))]),
                )
            } else {
                not_a_calendar(line)
            });
        }
        let value = || {
            text.split_once(':')
                .map_or("", |(_, v)| v)
                .trim()
                .to_ascii_uppercase()
        };
        if name.eq_ignore_ascii_case("BEGIN") {
            let component = value();
            match open.last() {
                None if component != "VCALENDAR" => return Err(not_a_calendar(line)),
                Some((parent, _)) if component == "VEVENT" && parent != "VCALENDAR" => {
                    return Err(Error::new(
                        at(line),
                        Said::keyed(Msg::IcsNestedEvent, &[("parent", parent)]),
                    ));
                }
                _ => {}
            }
            if component == "VEVENT" {
                events.push(line);
            }
            open.push((component, line));
            seen = true;
        } else if name.eq_ignore_ascii_case("END") {
            let component = value();
            match open.pop() {
                Some((begun, _)) if begun == component => {}
                Some((begun, begun_at)) => {
                    return Err(Error::new(
                        at(line),
                        Said::keyed(
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
                        at(line),
                        Said::keyed(Msg::IcsEndNothing, &[("component", &component)]),
                    ));
                }
            }
        } else if open.is_empty() {
            return Err(if seen {
                Error::new(
                    at(line),
                    Said::keyed(Msg::IcsAfterEnd, &[("line", &shorten(text))]),
                )
            } else {
                not_a_calendar(line)
            });
        }
    }
    if let Some((component, line)) = open.last() {
        return Err(Error::new(
            at(*line),
            Said::keyed(Msg::IcsNeverClosed, &[("component", component)]),
        ));
    }
    if !seen {
        return Err(Error::new(file, Said::keyed(Msg::IcsEmpty, &[])));
    }
    Ok(events)
}

/// The parser's complaint about a file [`check_structure`] let through, with the line it names
/// (counted in the unfolded text) turned back into a line of the file.
fn parse_error(message: &str, lines: &[(usize, String)], file: &str) -> Error {
    let line = message
        .split("at line ")
        .nth(1)
        .and_then(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse::<usize>()
                .ok()
        })
        .and_then(|n| lines.get(n.checked_sub(1)?))
        .map(|(line, _)| *line);
    let place = match line {
        Some(line) => format!("{file}:{line}"),
        None => file.to_string(),
    };
    Error::new(place, Said::keyed(Msg::IcsMalformed, &[]))
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

fn is(name: &impl AsRef<str>, wanted: &str) -> bool {
    name.as_ref().eq_ignore_ascii_case(wanted)
}

fn properties<'c>(
    component: &'c Component<'_>,
    name: &'c str,
) -> impl Iterator<Item = &'c Property<'c>> + 'c {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn property<'c>(component: &'c Component<'_>, name: &'c str) -> Option<&'c Property<'c>> {
    properties(component, name).next()
}

fn value<'c>(component: &'c Component<'_>, name: &'c str) -> Option<&'c str> {
    property(component, name)
        .map(|p| p.val.as_str().trim())
        .filter(|v| !v.is_empty())
}

fn param<'p>(property: &'p Property<'_>, key: &str) -> Option<&'p str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

/// The user's addresses for this calendar: those given, and the calendar's name when it is an
/// address (Google names a calendar's export after its owner).
fn me(calendar: &Component<'_>, options: &Options) -> Vec<String> {
    let mut me: Vec<String> = options.me.iter().map(|e| e.to_lowercase()).collect();
    if let Some(name) = value(calendar, "X-WR-CALNAME")
        && let Ok(email) = parse_email(name)
    {
        me.push(email.to_lowercase());
    }
    me
}

/// A date or a time as a calendar writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stamp {
    /// `VALUE=DATE:20240305`: a whole day.
    Date(NaiveDate),
    /// `20240305T070000`: the wall clock wherever one is.
    Floating(NaiveDateTime),
    /// `TZID=Europe/Paris:20240305T070000`.
    Zoned(NaiveDateTime, String),
    /// `20240305T060000Z`.
    Utc(NaiveDateTime),
}

impl Stamp {
    /// The stamps of a property (`EXDATE` and `RDATE` may list several, comma-separated; a
    /// period `start/end` counts by its start).
    fn all(property: &Property<'_>) -> Result<Vec<Stamp>, Said> {
        let tzid = param(property, "TZID");
        property
            .val
            .as_str()
            .split(',')
            .map(|value| {
                let value = value.split('/').next().unwrap_or(value).trim();
                Stamp::parse(value, tzid).ok_or_else(|| {
                    let name = property.name.as_str().to_ascii_uppercase();
                    Said::keyed(Msg::IcsNotStamp, &[("property", &name), ("value", value)])
                })
            })
            .collect()
    }

    fn one(property: &Property<'_>) -> Result<Stamp, Said> {
        let mut all = Stamp::all(property)?;
        match all.len() {
            1 => Ok(all.remove(0)),
            n => Err(Said::keyed(
                Msg::IcsManyStamps,
                &[
                    ("property", &property.name.as_str().to_ascii_uppercase()),
                    ("n", &n.to_string()),
                ],
            )),
        }
    }

    fn parse(value: &str, tzid: Option<&str>) -> Option<Stamp> {
        if value.len() == 8 {
            return NaiveDate::parse_from_str(value, "%Y%m%d")
                .ok()
                .map(Stamp::Date);
        }
        let (value, utc) = match value.strip_suffix(['Z', 'z']) {
            Some(value) => (value, true),
            None => (value, false),
        };
        let time = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
        Some(match (utc, tzid) {
            (true, _) => Stamp::Utc(time),
            (false, Some(tzid)) if !tzid.is_empty() => Stamp::Zoned(time, tzid.to_string()),
            (false, _) => Stamp::Floating(time),
        })
    }

    fn is_date(&self) -> bool {
        matches!(self, Stamp::Date(_))
    }
}

/// The frame an event's times are compared in: its own wall clock (floating, or in a named
/// zone), or UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Frame {
    Wall(Option<String>),
    Utc,
}

impl Frame {
    fn of(start: &Stamp) -> Frame {
        match start {
            Stamp::Date(_) | Stamp::Floating(_) => Frame::Wall(None),
            Stamp::Zoned(_, tzid) => Frame::Wall(Some(tzid.clone())),
            Stamp::Utc(_) => Frame::Utc,
        }
    }
}

/// The time zones of one calendar.
#[derive(Debug, Clone)]
struct Zones {
    /// `X-WR-TIMEZONE`: where the calendar's UTC times are read.
    calendar: Option<chrono_tz::Tz>,
    /// For a `TZID` that is no IANA name, the largest offset its `VTIMEZONE` gives (erring
    /// towards the later time keeps an `UNTIL` written in UTC inclusive).
    defined: HashMap<String, FixedOffset>,
    /// The user's offset, when nothing better is known.
    fallback: FixedOffset,
}

impl Zones {
    fn of(calendar: &Component<'_>, options: &Options) -> Zones {
        let mut defined = HashMap::new();
        for zone in calendar
            .components
            .iter()
            .filter(|c| is(&c.name, "VTIMEZONE"))
        {
            let Some(tzid) = value(zone, "TZID") else {
                continue;
            };
            let largest = zone
                .components
                .iter()
                .filter_map(|rule| value(rule, "TZOFFSETTO").and_then(parse_offset))
                .max_by_key(|offset| offset.local_minus_utc());
            if let Some(offset) = largest {
                defined.insert(tzid.to_string(), offset);
            }
        }
        Zones {
            calendar: value(calendar, "X-WR-TIMEZONE").and_then(iana),
            defined,
            fallback: options.offset,
        }
    }

    fn offset(&self, tzid: &str) -> FixedOffset {
        self.defined.get(tzid).copied().unwrap_or(self.fallback)
    }

    /// The UTC time of the wall-clock time `wall` in the zone `tzid`.
    fn to_utc(&self, wall: NaiveDateTime, tzid: &str) -> NaiveDateTime {
        match iana(tzid) {
            Some(tz) => match tz.from_local_datetime(&wall).earliest() {
                Some(time) => time.naive_utc(),
                // In the hour skipped when clocks go forward: the offset just before it.
                None => wall - Duration::seconds(offset_seconds(tz, wall)),
            },
            None => wall - Duration::seconds(self.offset(tzid).local_minus_utc().into()),
        }
    }

    /// The wall-clock time in the zone `tzid` (the calendar's or the user's when `None`) of
    /// the UTC time `utc`.
    fn wall_of(&self, utc: NaiveDateTime, tzid: Option<&str>) -> NaiveDateTime {
        match tzid {
            Some(tzid) => match iana(tzid) {
                Some(tz) => tz.from_utc_datetime(&utc).naive_local(),
                None => utc + Duration::seconds(self.offset(tzid).local_minus_utc().into()),
            },
            None => match self.calendar {
                Some(tz) => tz.from_utc_datetime(&utc).naive_local(),
                None => utc + Duration::seconds(self.fallback.local_minus_utc().into()),
            },
        }
    }

    /// `stamp` in the frame `frame`.
    fn in_frame(&self, stamp: &Stamp, frame: &Frame) -> NaiveDateTime {
        match (stamp, frame) {
            (Stamp::Date(day), _) => day.and_time(NaiveTime::MIN),
            (Stamp::Floating(time), _) => *time,
            (Stamp::Zoned(time, tzid), Frame::Wall(Some(wall))) if tzid == wall => *time,
            (Stamp::Zoned(time, tzid), Frame::Wall(wall)) => {
                self.wall_of(self.to_utc(*time, tzid), wall.as_deref())
            }
            (Stamp::Zoned(time, tzid), Frame::Utc) => self.to_utc(*time, tzid),
            (Stamp::Utc(time), Frame::Utc) => *time,
            (Stamp::Utc(time), Frame::Wall(wall)) => self.wall_of(*time, wall.as_deref()),
        }
    }

    /// The day a time of the frame falls on, for the user.
    fn date(&self, time: NaiveDateTime, frame: &Frame) -> NaiveDate {
        match frame {
            Frame::Wall(_) => time.date(),
            Frame::Utc => self.wall_of(time, None).date(),
        }
    }
}

fn offset_seconds(tz: chrono_tz::Tz, time: NaiveDateTime) -> i64 {
    use chrono::Offset;
    tz.offset_from_utc_datetime(&time)
        .fix()
        .local_minus_utc()
        .into()
}

/// `+0100`, `-0500`, `+053000` (`TZOFFSETTO`).
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i32>().ok();
    let seconds = number(0..2)? * 3600 + number(2..4)? * 60 + number(4..6).unwrap_or(0);
    FixedOffset::east_opt(sign * seconds)
}

/// The IANA zone a `TZID` names: `Europe/Paris`, `/mozilla.org/20050126_1/Europe/Paris`, or
/// one of the Windows names Outlook writes for the most common zones.
fn iana(tzid: &str) -> Option<chrono_tz::Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse() {
        return Some(tz);
    }
    let segments: Vec<&str> = tzid.split('/').filter(|s| !s.is_empty()).collect();
    if segments.len() > 2
        && let Ok(tz) = segments[segments.len() - 2..].join("/").parse()
    {
        return Some(tz);
    }
    let windows = match tzid {
        "Romance Standard Time" => "Europe/Paris",
        "W. Europe Standard Time" => "Europe/Berlin",
        "Central Europe Standard Time" => "Europe/Budapest",
        "Central European Standard Time" => "Europe/Warsaw",
        "GMT Standard Time" => "Europe/London",
        "Greenwich Standard Time" => "Atlantic/Reykjavik",
        "E. Europe Standard Time" => "Europe/Chisinau",
        "FLE Standard Time" => "Europe/Kiev",
        "Eastern Standard Time" => "America/New_York",
        "Central Standard Time" => "America/Chicago",
        "Mountain Standard Time" => "America/Denver",
        "Pacific Standard Time" => "America/Los_Angeles",
        "UTC" | "Coordinated Universal Time" => "UTC",
        _ => return None,
    };
    windows.parse().ok()
}

/// How an event ends.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    None,
    At(Stamp),
    After(Duration),
}

/// A `VEVENT`, its values checked.
#[derive(Debug, Clone)]
struct Event {
    number: usize,
    line: usize,
    uid: String,
    start: Stamp,
    frame: Frame,
    minutes: Option<u32>,
    rule: Option<String>,
    rdates: Vec<Stamp>,
    exdates: Vec<Stamp>,
    recurrence_id: Option<Stamp>,
    cancelled: bool,
    declined: bool,
    summary: Option<String>,
    description: Option<String>,
    people: Vec<Person>,
    zones: Rc<Zones>,
}

impl Event {
    fn read(
        component: &Component<'_>,
        place: Place<'_>,
        zones: &Rc<Zones>,
        me: &[String],
    ) -> Result<Event, Error> {
        let uid = value(component, "UID").map(str::to_string);
        let error = |message: Said| place.error(uid.as_deref(), message);
        let uid = uid
            .clone()
            .ok_or_else(|| error(Said::keyed(Msg::IcsNoUid, &[])))?;
        let start = property(component, "DTSTART")
            .ok_or_else(|| error(Said::keyed(Msg::IcsNoStart, &[])))
            .and_then(|p| Stamp::one(p).map_err(error))?;
        let frame = Frame::of(&start);
        let end = match (property(component, "DTEND"), value(component, "DURATION")) {
            (Some(end), _) => End::At(Stamp::one(end).map_err(error)?),
            (None, Some(duration)) => {
                End::After(parse_duration(duration).ok_or_else(|| {
                    error(Said::keyed(Msg::IcsNotDuration, &[("value", duration)]))
                })?)
            }
            (None, None) => End::None,
        };
        let length = match &end {
            End::None => None,
            End::After(duration) => Some(*duration),
            End::At(stamp) => Some(zones.in_frame(stamp, &frame) - zones.in_frame(&start, &frame)),
        };
        if length.is_some_and(|length| length < Duration::zero()) {
            return Err(error(Said::keyed(Msg::IcsEndsBefore, &[])));
        }
        let all_day = start.is_date() || matches!(&end, End::At(stamp) if stamp.is_date());
        let minutes = length
            .filter(|_| !all_day)
            .map(|length| length.num_minutes())
            .filter(|minutes| (1..=i64::from(crate::domain::Minutes::MAX)).contains(minutes))
            .map(|minutes| minutes as u32);
        let stamps = |name: &str| -> Result<Vec<Stamp>, Error> {
            let mut all = Vec::new();
            for property in properties(component, name) {
                all.extend(Stamp::all(property).map_err(error)?);
            }
            Ok(all)
        };
        let recurrence_id = property(component, "RECURRENCE-ID")
            .map(|p| Stamp::one(p).map_err(error))
            .transpose()?;
        let mut people: Vec<Person> = Vec::new();
        let mut declined = false;
        let invited = property(component, "ORGANIZER")
            .into_iter()
            .chain(properties(component, "ATTENDEE"));
        for invitee in invited {
            let Some((person, said_no)) = invitee_of(invitee) else {
                continue;
            };
            let mine = person
                .email
                .as_ref()
                .is_some_and(|email| me.contains(&email.to_lowercase()));
            if mine {
                declined |= said_no;
                continue;
            }
            let known = people.iter().any(|p| same_person(p, &person));
            if !said_no && !known {
                people.push(person);
            }
        }
        Ok(Event {
            number: place.number,
            line: place.line,
            uid,
            start,
            frame,
            minutes,
            rule: value(component, "RRULE").map(str::to_string),
            rdates: stamps("RDATE")?,
            exdates: stamps("EXDATE")?,
            recurrence_id,
            cancelled: value(component, "STATUS")
                .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")),
            declined,
            summary: value(component, "SUMMARY").map(str::to_string),
            description: value(component, "DESCRIPTION").map(str::to_string),
            people,
            zones: Rc::clone(zones),
        })
    }

    fn error(&self, file: &str, message: Said) -> Error {
        Place {
            file,
            line: self.line,
            number: self.number,
        }
        .error(Some(&self.uid), message)
    }

    fn all_day(&self) -> bool {
        self.start.is_date()
    }

    /// The name of an occurrence starting at `time` (in the event's frame).
    fn key(&self, time: NaiveDateTime) -> String {
        match (&self.frame, self.all_day()) {
            (_, true) => time.format("%Y-%m-%d").to_string(),
            (Frame::Wall(_), false) => time.format("%Y-%m-%dT%H:%M:%S").to_string(),
            (Frame::Utc, false) => time.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        }
    }

    fn recurs(&self) -> bool {
        self.rule.is_some() || !self.rdates.is_empty()
    }

    /// The starts of the event's occurrences between `from` and `to` (in its frame),
    /// exceptions removed, in order.
    fn starts(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        file: &str,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        let start = self.zones.in_frame(&self.start, &self.frame);
        let mut times = vec![start];
        if let Some(rule) = &self.rule {
            times.extend(self.expand(rule, start, from, to, file)?);
        }
        times.extend(
            self.rdates
                .iter()
                .map(|s| self.zones.in_frame(s, &self.frame)),
        );
        times.sort();
        times.dedup();
        for exdate in &self.exdates {
            let excluded = self.zones.in_frame(exdate, &self.frame);
            match exdate {
                Stamp::Date(day) => times.retain(|time| time.date() != *day),
                _ => {
                    if let Some(index) = find(&times, excluded) {
                        times.remove(index);
                    }
                }
            }
        }
        times.retain(|time| (from..=to).contains(time));
        Ok(times)
    }

    /// The occurrences `rule` gives between `from` and `to`. The rule is expanded on the
    /// event's wall clock (handed to `rrule` as if it were UTC), so that zones `rrule` does not
    /// know still recur on the right days; its `UNTIL` is brought into that frame first.
    fn expand(
        &self,
        rule: &str,
        start: NaiveDateTime,
        from: NaiveDateTime,
        to: NaiveDateTime,
        file: &str,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        let utc = |time: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&time);
        let bad_rule = |why: Said| {
            let said = Said::each(|lang| {
                lang.say(Msg::IcsBadRule, &[("rule", rule), ("why", why.get(lang))])
            });
            self.error(file, said)
        };
        let mut parts = Vec::new();
        let mut until = None;
        for part in rule.split(';').filter(|p| !p.trim().is_empty()) {
            match part.split_once('=') {
                Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                    let stamp = Stamp::parse(value.trim(), None).ok_or_else(|| {
                        bad_rule(Said::keyed(Msg::IcsBadUntil, &[("value", value)]))
                    })?;
                    until = Some(match stamp {
                        Stamp::Date(day) => {
                            day.and_time(NaiveTime::MIN) + Duration::days(1) - Duration::seconds(1)
                        }
                        other => self.zones.in_frame(&other, &self.frame),
                    });
                }
                _ => parts.push(part),
            }
        }
        if until.is_some_and(|until| until < start) {
            return Ok(Vec::new());
        }
        let mut parsed: rrule::RRule<rrule::Unvalidated> = parts
            .join(";")
            .parse()
            .map_err(|error: rrule::RRuleError| bad_rule(rule_message(&error)))?;
        if let Some(until) = until {
            parsed = parsed.until(utc(until));
        }
        let set = parsed
            .build(utc(start))
            .map_err(|error| bad_rule(rule_message(&error)))?;
        let result = set.after(utc(from)).before(utc(to)).all(MAX_OCCURRENCES);
        if result.limited && result.dates.len() >= usize::from(MAX_OCCURRENCES) {
            // 10000, 10 000 (French groups thousands, as its amounts do).
            let max = Said {
                en: MAX_OCCURRENCES.to_string(),
                fr: Some(group_thousands(MAX_OCCURRENCES.into(), ' ')),
            };
            let said = Said::each(|lang| lang.say(Msg::IcsTooMany, &[("max", max.get(lang))]));
            return Err(self.error(file, said));
        }
        Ok(result.dates.iter().map(|d| d.naive_utc()).collect())
    }

    /// The occurrence starting at `time`, as a meeting, named `recurrence`.
    fn occurrence(&self, time: NaiveDateTime, recurrence: String) -> Occurrence {
        Occurrence {
            uid: self.uid.clone(),
            recurrence,
            date: self.zones.date(time, &self.frame),
            minutes: self.minutes,
            summary: self.summary.clone(),
            description: self.description.clone(),
            people: self.people.clone(),
        }
    }
}

/// `rrule`'s message, without its prefix: its own words, in English in every language.
fn rule_message(error: &rrule::RRuleError) -> Said {
    let message = error.to_string();
    message
        .strip_prefix("RRule parsing error: ")
        .or_else(|| message.strip_prefix("RRule validation error: "))
        .unwrap_or(&message)
        .to_string()
        .into()
}

/// The index of `time` in `times`, or, failing an exact match (a time written in another zone
/// may be off by the zone's offset), of the only time on the same day.
fn find(times: &[NaiveDateTime], time: NaiveDateTime) -> Option<usize> {
    times.iter().position(|t| *t == time).or_else(|| {
        let same_day: Vec<usize> = (0..times.len())
            .filter(|&i| times[i].date() == time.date())
            .collect();
        match same_day.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    })
}

/// The person an `ORGANIZER` or `ATTENDEE` names, and whether they declined; `None` for a room
/// or a resource, a non-participant, or a line with neither a name nor an address.
fn invitee_of(property: &Property<'_>) -> Option<(Person, bool)> {
    let cutype = param(property, "CUTYPE").unwrap_or("INDIVIDUAL");
    if ["ROOM", "RESOURCE"]
        .iter()
        .any(|t| cutype.eq_ignore_ascii_case(t))
    {
        return None;
    }
    if param(property, "ROLE").is_some_and(|r| r.eq_ignore_ascii_case("NON-PARTICIPANT")) {
        return None;
    }
    let address = property.val.as_str().trim();
    let address = match address.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &address[7..],
        _ => address,
    };
    let email = parse_email(address).ok();
    let name = param(property, "CN")
        .filter(|cn| !cn.contains('@'))
        .and_then(|cn| Name::from_str(cn).ok());
    if name.is_none() && email.is_none() {
        return None;
    }
    let declined = param(property, "PARTSTAT").is_some_and(|s| s.eq_ignore_ascii_case("DECLINED"));
    Some((Person { name, email }, declined))
}

fn same_person(a: &Person, b: &Person) -> bool {
    let email = |p: &Person| p.email.as_ref().map(|e| e.to_lowercase());
    let name = |p: &Person| p.name.as_ref().map(Name::key);
    (email(a).is_some() && email(a) == email(b)) || (name(a).is_some() && name(a) == name(b))
}

/// `PT1H30M`, `P1D`, `P1W`, `PT45M`, `P1DT2H`: a duration (never negative).
fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim().strip_prefix('+').unwrap_or(text.trim());
    let rest = text.strip_prefix(['P', 'p'])?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            'T' if number.is_empty() && !in_time => in_time = true,
            digit if digit.is_ascii_digit() => number.push(digit),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                total += match (unit, in_time) {
                    ('W', false) => Duration::weeks(n),
                    ('D', false) => Duration::days(n),
                    ('H', true) => Duration::hours(n),
                    ('M', true) => Duration::minutes(n),
                    ('S', true) => Duration::seconds(n),
                    _ => return None,
                };
            }
        }
    }
    (any && number.is_empty()).then_some(total)
}

/// The occurrences of every event in the period, moved occurrences in place of the ones they
/// move, the ones left out counted.
fn expand_all(
    events: &[Event],
    file: &str,
    options: &Options,
) -> Result<(Vec<Occurrence>, Tally), Error> {
    let mut tally = Tally {
        events: events.len(),
        ..Tally::default()
    };
    let mut series: HashMap<&str, &Event> = HashMap::new();
    for event in events.iter().filter(|e| e.recurrence_id.is_none()) {
        if let Some(first) = series.insert(&event.uid, event) {
            return Err(event.error(
                file,
                Said::keyed(
                    Msg::IcsSecondUid,
                    &[
                        ("n", &first.number.to_string()),
                        ("line", &first.line.to_string()),
                    ],
                ),
            ));
        }
    }
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
    let mut kept: Vec<(&Event, NaiveDateTime, String)> = Vec::new();
    for event in events {
        let found = match &event.recurrence_id {
            None => {
                let mut starts = event.starts(from(event), to, file)?;
                for id in moved.get(event.uid.as_str()).into_iter().flatten() {
                    if let Some(index) = find(&starts, event.zones.in_frame(id, &event.frame)) {
                        starts.remove(index);
                    }
                }
                starts
                    .into_iter()
                    .map(|time| {
                        let name = if event.recurs() {
                            event.key(time)
                        } else {
                            String::new()
                        };
                        (event, time, name)
                    })
                    .collect::<Vec<_>>()
            }
            Some(id) => {
                // A moved occurrence is named after the occurrence it replaces, in its
                // series' frame: the name it had before it was moved.
                let owner = series.get(event.uid.as_str()).copied().unwrap_or(event);
                let name = owner.key(owner.zones.in_frame(id, &owner.frame));
                let time = event.zones.in_frame(&event.start, &event.frame);
                vec![(event, time, name)]
            }
        };
        let found: Vec<_> = found
            .into_iter()
            .filter(|(event, time, _)| in_period(event.zones.date(*time, &event.frame)))
            .collect();
        if found.is_empty() {
            tally.outside += 1;
        }
        kept.extend(found);
    }
    let wanted = options.matching.map(str::to_lowercase);
    let mut occurrences = Vec::new();
    for (event, time, name) in kept {
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
            occurrences.push(event.occurrence(time, name));
        }
    }
    occurrences
        .sort_by(|a, b| (a.date, &a.uid, &a.recurrence).cmp(&(b.date, &b.uid, &b.recurrence)));
    Ok((occurrences, tally))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn options(since: Option<&str>, until: &str) -> Options<'static> {
        Options {
            since: since.map(day),
            until: day(until),
            matching: None,
            me: &[],
            offset: FixedOffset::east_opt(0).unwrap(),
        }
    }

    /// A calendar around `body` (events written with `\n`), in CRLF lines as programs write.
    fn calendar(body: &str) -> Vec<u8> {
        format!("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n")
            .replace('\n', "\r\n")
            .into_bytes()
    }

    fn read_ok(body: &str, options: &Options) -> (Vec<Occurrence>, Tally) {
        read(&calendar(body), "t.ics", options).unwrap()
    }

    /// Each occurrence as `date recurrence minutes`.
    fn lines(occurrences: &[Occurrence]) -> Vec<String> {
        occurrences
            .iter()
            .map(|o| {
                let minutes = o.minutes.map_or("-".to_string(), |m| m.to_string());
                format!("{} {} {minutes}", o.date, o.recurrence)
            })
            .collect()
    }

    #[test]
    fn single_events_with_and_without_an_end() {
        let body = "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Paris:20240305T070000\n\
                    DTEND;TZID=Europe/Paris:20240305T083000\nSUMMARY:Breakfast\\, BNI\n\
                    DESCRIPTION:one croissant\\nmany cards\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20240310\nDTEND;VALUE=DATE:20240311\n\
                    SUMMARY:Salon des entrepreneurs\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:c\nDTSTART:20240312T120000Z\nSUMMARY:Call\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:d\nDTSTART:20240314T120000\nDURATION:PT45M\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:e\nDTSTART:20240315T090000Z\nDTEND:20240317T090000Z\n\
                    END:VEVENT\n";
        let (occurrences, tally) = read_ok(body, &options(None, "2024-06-15"));
        assert_eq!(
            lines(&occurrences),
            [
                "2024-03-05  90",
                "2024-03-10  -",
                "2024-03-12  -",
                "2024-03-14  45",
                "2024-03-15  -"
            ]
        );
        assert_eq!(occurrences[0].summary.as_deref(), Some("Breakfast, BNI"));
        assert_eq!(
            occurrences[0].description.as_deref(),
            Some("one croissant\nmany cards")
        );
        assert_eq!(tally.events, 5);
    }

    #[test]
    fn weekly_and_monthly_rules_with_count_until_interval_and_byday() {
        let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                    DTEND;TZID=Europe/Paris:20240102T083000\nRRULE:FREQ=WEEKLY;COUNT=3\n\
                    END:VEVENT\n\
                    BEGIN:VEVENT\nUID:i\nDTSTART;TZID=Europe/Paris:20240305T120000\n\
                    RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20240321T110000Z\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:m\nDTSTART;VALUE=DATE:20240402\n\
                    RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20240604\nEND:VEVENT\n";
        let (occurrences, _) = read_ok(body, &options(None, "2024-12-31"));
        assert_eq!(
            lines(&occurrences),
            [
                "2024-01-02 2024-01-02T07:00:00 90",
                "2024-01-09 2024-01-09T07:00:00 90",
                "2024-01-16 2024-01-16T07:00:00 90",
                "2024-03-05 2024-03-05T12:00:00 -",
                "2024-03-07 2024-03-07T12:00:00 -",
                // UNTIL in UTC is 12:00 in Paris: the last occurrence is kept.
                "2024-03-19 2024-03-19T12:00:00 -",
                "2024-03-21 2024-03-21T12:00:00 -",
                "2024-04-02 2024-04-02 -",
                "2024-05-07 2024-05-07 -",
                "2024-06-04 2024-06-04 -",
            ]
        );
    }

    #[test]
    fn open_ended_rules_stop_at_the_period() {
        let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240507T070000\n\
                    RRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:future\nDTSTART:20240701T070000Z\nEND:VEVENT\n";
        let (occurrences, tally) = read_ok(body, &options(Some("2024-05-20"), "2024-06-15"));
        assert_eq!(
            occurrences
                .iter()
                .map(|o| o.date.to_string())
                .collect::<Vec<_>>(),
            ["2024-05-21", "2024-05-28", "2024-06-04", "2024-06-11"]
        );
        assert_eq!(tally.outside, 1);
    }

    #[test]
    fn exceptions_moved_and_cancelled_occurrences() {
        let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                    DTEND;TZID=Europe/Paris:20240102T083000\nRRULE:FREQ=WEEKLY;COUNT=5\n\
                    EXDATE;TZID=Europe/Paris:20240109T070000\nSUMMARY:BNI\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:w\nRECURRENCE-ID;TZID=Europe/Paris:20240116T070000\n\
                    DTSTART;TZID=Europe/Paris:20240117T080000\n\
                    DTEND;TZID=Europe/Paris:20240117T090000\nSUMMARY:BNI (moved)\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:w\nRECURRENCE-ID;TZID=Europe/Paris:20240123T070000\n\
                    DTSTART;TZID=Europe/Paris:20240123T070000\nSTATUS:CANCELLED\nEND:VEVENT\n";
        let (occurrences, tally) = read_ok(body, &options(None, "2024-06-15"));
        assert_eq!(
            lines(&occurrences),
            [
                "2024-01-02 2024-01-02T07:00:00 90",
                "2024-01-17 2024-01-16T07:00:00 60",
                "2024-01-30 2024-01-30T07:00:00 90",
            ]
        );
        assert_eq!(occurrences[1].summary.as_deref(), Some("BNI (moved)"));
        assert_eq!(tally.cancelled, 1);
    }

    #[test]
    fn utc_times_are_dated_in_the_calendar_zone() {
        let body = "X-WR-TIMEZONE:Europe/Paris\nBEGIN:VEVENT\nUID:late\n\
                    DTSTART:20240305T233000Z\nDTEND:20240306T003000Z\nEND:VEVENT\n";
        let (occurrences, _) = read_ok(body, &options(None, "2024-06-15"));
        assert_eq!(lines(&occurrences), ["2024-03-06  60"]);
    }

    #[test]
    fn outlook_zone_names_recur_on_their_wall_clock() {
        let body = "BEGIN:VTIMEZONE\nTZID:Some Custom Zone\nBEGIN:STANDARD\n\
                    DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n\
                    BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\n\
                    TZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\n\
                    BEGIN:VEVENT\nUID:o\nDTSTART;TZID=Romance Standard Time:20240604T073000\n\
                    DTEND;TZID=Romance Standard Time:20240604T090000\n\
                    RRULE:FREQ=WEEKLY;UNTIL=20240611T053000Z\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:c\nDTSTART;TZID=Some Custom Zone:20240604T073000\n\
                    RRULE:FREQ=DAILY;UNTIL=20240605T053000Z\nEND:VEVENT\n";
        let (occurrences, _) = read_ok(body, &options(None, "2024-06-15"));
        assert_eq!(
            lines(&occurrences),
            [
                "2024-06-04 2024-06-04T07:30:00 -",
                "2024-06-04 2024-06-04T07:30:00 90",
                "2024-06-05 2024-06-05T07:30:00 -",
                "2024-06-11 2024-06-11T07:30:00 90",
            ]
        );
    }

    #[test]
    fn people_met_leave_out_the_user_rooms_and_those_who_declined() {
        let body = "X-WR-CALNAME:claire@example.com\nBEGIN:VEVENT\nUID:a\n\
                    DTSTART:20240305T070000Z\n\
                    ORGANIZER;CN=Paul Martin:mailto:paul@example.com\n\
                    ATTENDEE;CN=\"Durand, Sophie\";PARTSTAT=ACCEPTED:mailto:sophie@example.com\n\
                    ATTENDEE;CN=Paul Martin:mailto:PAUL@example.com\n\
                    ATTENDEE;CN=Me:mailto:me@example.com\n\
                    ATTENDEE;CN=Claire:mailto:claire@example.com\n\
                    ATTENDEE;CUTYPE=ROOM;CN=Salle 2:mailto:room2@example.com\n\
                    ATTENDEE;PARTSTAT=DECLINED;CN=Marc Leroy:mailto:marc@example.com\n\
                    ATTENDEE:mailto:anne@example.com\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:b\nDTSTART:20240306T070000Z\n\
                    ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com\nEND:VEVENT\n";
        let me = ["me@example.com".to_string()];
        let options = Options {
            me: &me,
            ..options(None, "2024-06-15")
        };
        let (occurrences, tally) = read_ok(body, &options);
        assert_eq!(occurrences.len(), 1);
        let people: Vec<(Option<&str>, Option<&str>)> = occurrences[0]
            .people
            .iter()
            .map(|p| (p.name.as_ref().map(Name::as_str), p.email.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                (Some("Paul Martin"), Some("paul@example.com")),
                (Some("Durand, Sophie"), Some("sophie@example.com")),
                (None, Some("anne@example.com")),
            ]
        );
        assert_eq!(tally.declined, 1);
    }

    #[test]
    fn match_keeps_the_summaries_that_contain_the_text() {
        let body = "BEGIN:VEVENT\nUID:a\nDTSTART:20240305T070000Z\nSUMMARY:Petit-déj BNI\n\
                    END:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20240306T070000Z\n\
                    SUMMARY:Dentist\nEND:VEVENT\nBEGIN:VEVENT\nUID:c\n\
                    DTSTART:20240307T070000Z\nEND:VEVENT\n";
        let options = Options {
            matching: Some("bni"),
            ..options(None, "2024-06-15")
        };
        let (occurrences, tally) = read_ok(body, &options);
        assert_eq!(occurrences.len(), 1);
        assert_eq!(occurrences[0].uid, "a");
        assert_eq!(tally.unmatched, 2);
    }

    #[test]
    fn one_occurrence_is_one_identifier() {
        let body = "BEGIN:VEVENT\nUID:w\nDTSTART;TZID=Europe/Paris:20240102T070000\n\
                    RRULE:FREQ=WEEKLY;COUNT=2\nEND:VEVENT\n\
                    BEGIN:VEVENT\nUID:s\nDTSTART:20240103T070000Z\nEND:VEVENT\n";
        let read = || read_ok(body, &options(None, "2024-06-15")).0;
        let uuids: Vec<String> = read().iter().map(Occurrence::uuid).collect();
        assert_eq!(
            uuids,
            read().iter().map(Occurrence::uuid).collect::<Vec<_>>()
        );
        assert_eq!(uuids.len(), 3);
        assert!(uuids[0] != uuids[1] && uuids[1] != uuids[2] && uuids[0] != uuids[2]);
        // Pinned: a journal must find the meetings it imported from any later version.
        assert_eq!(
            Occurrence {
                uid: "s".into(),
                recurrence: String::new(),
                ..read()[1].clone()
            }
            .uuid(),
            "0bb8c323-e375-5bfb-a592-5097dc369994"
        );
    }

    #[test]
    fn durations() {
        let cases = [
            ("PT1H30M", Some(90)),
            ("PT45M", Some(45)),
            ("P1D", Some(1440)),
            ("P1W", Some(7 * 1440)),
            ("P1DT2H", Some(1560)),
            ("PT0S", Some(0)),
            ("1H", None),
            ("P", None),
            ("PT1X", None),
            ("-PT15M", None),
        ];
        for (text, minutes) in cases {
            assert_eq!(
                parse_duration(text).map(|d| d.num_minutes()),
                minutes,
                "{text}"
            );
        }
    }

    #[test]
    fn bad_files_name_the_line_or_the_event() {
        let event = |lines: &str| format!("BEGIN:VEVENT\n{lines}END:VEVENT\n");
        let good = event("UID:ok\nDTSTART:20240101T090000Z\n");
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (
                b"{\"networks\": []}\n".to_vec(),
                "t.ics:1",
                "not an iCalendar file",
            ),
            (
                b"First Name,Last Name\n".to_vec(),
                "t.ics:1",
                "not an iCalendar file",
            ),
            (b"".to_vec(), "t.ics", "empty"),
            (
                calendar(&format!(
                    "{good}BEGIN:VEVENT\nUID:x\nthis line lost its fold\n"
                )),
                "t.ics:10",
                "`this line lost its fold` is not an iCalendar line",
            ),
            (
                b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101\n".to_vec(),
                "t.ics:2",
                "BEGIN:VEVENT is never closed",
            ),
            (
                calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20240101\nEND:VTODO\n"),
                "t.ics:7",
                "END:VTODO while BEGIN:VEVENT of line 4 is open",
            ),
            (
                calendar(&format!("{good}{}", event("UID:x\nSUMMARY:lost\n"))),
                "t.ics:8: event 2 (UID x)",
                "no DTSTART",
            ),
            (
                calendar(&event("DTSTART:20240101T090000Z\n")),
                "t.ics:4: event 1",
                "no UID",
            ),
            (
                calendar(&event("UID:x\nDTSTART:2024-01-01\n")),
                "t.ics:4: event 1 (UID x)",
                "DTSTART `2024-01-01` is not an iCalendar date or time",
            ),
            (
                calendar(&event(
                    "UID:x\nDTSTART:20240101T090000Z\nDTEND:20240101T080000Z\n",
                )),
                "t.ics:4: event 1 (UID x)",
                "ends before it starts",
            ),
            (
                calendar(&event("UID:x\nDTSTART:20240101T090000Z\nDURATION:1 hour\n")),
                "t.ics:4: event 1 (UID x)",
                "DURATION `1 hour` is not a duration",
            ),
            (
                calendar(&event(
                    "UID:x\nDTSTART:20240101T090000Z\nRRULE:FREQ=FORTNIGHTLY\n",
                )),
                "t.ics:4: event 1 (UID x)",
                "RRULE `FREQ=FORTNIGHTLY`: `FORTNIGHTLY` is not a valid frequency",
            ),
            (
                calendar(&format!("{good}{good}")),
                "t.ics:8: event 2 (UID ok)",
                "a second event with the UID of event 1 (line 4)",
            ),
        ];
        for (bytes, place, message) in cases {
            let text = String::from_utf8_lossy(&bytes).to_string();
            let error = read(&bytes, "t.ics", &options(None, "2024-06-15")).unwrap_err();
            assert_eq!(error.at(crate::i18n::Lang::En), place, "{text}\n{error}");
            assert!(error.message.contains(message), "{text}\n{error}");
        }
    }
}
