//! One `VEVENT`, its values read and checked: when it starts and ends, how it recurs, what was
//! moved or cancelled, and who was invited.
//!
//! An event is read in two steps: [`Read::event`] takes what the component says, as soon as
//! its `END:VEVENT` is read; [`Draft::finish`] then weighs it against its calendar (the zones,
//! whose `VTIMEZONE` may come after the events, and the user's addresses) once the calendar's
//! `END:VCALENDAR` is read.

use std::rc::Rc;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDateTime};
use icalendar::parser::{Component, Property};

use super::zones::{Frame, Stamp, Zones};
use super::{Person, Place, Warning};
use crate::domain::{Email, Name};
use crate::messages::Message;
use crate::messages::Msg;
use crate::sources::Error;

/// The years an event may be dated in: the journal's own range.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// How an event ends.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    None,
    At(Stamp),
    After(Duration, String),
}

/// A recurrence rule as the file writes it, split into what `rrule` reads and the `UNTIL`
/// that must first be brought into the event's frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rule {
    /// As written, for messages.
    pub(super) text: String,
    /// The parts for `rrule`: all but `UNTIL` and the programs' own `X-` parts.
    pub(super) parts: String,
    /// `UNTIL`, when there is one before 2100 (a later one is no end in the years read).
    pub(super) until: Option<Stamp>,
}

/// An event as its component says it, before its calendar is known whole.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) place: Place,
    pub(super) uid: String,
    start: Stamp,
    end: End,
    rule: Option<Rule>,
    rdates: Vec<Stamp>,
    exdates: Vec<Stamp>,
    recurrence_id: Option<Stamp>,
    cancelled: bool,
    /// `SEQUENCE` and `DTSTAMP` (as written: `20240601T090000Z` sorts as time does), to tell the
    /// newer of two copies of one event.
    pub(super) version: (i64, String),
    summary: Option<String>,
    description: Option<String>,
    /// Everyone invited, with their answer: whether they declined.
    invited: Vec<(Person, bool)>,
}

/// An event weighed against its calendar: ready to be expanded into occurrences.
#[derive(Debug, Clone)]
pub(super) struct Event {
    pub(super) place: Place,
    pub(super) uid: String,
    pub(super) start: Stamp,
    pub(super) frame: Frame,
    /// From start to end; `None` for an all-day event, one without an end, or one longer than
    /// a day.
    pub(super) minutes: Option<u32>,
    pub(super) rule: Option<Rule>,
    pub(super) rdates: Vec<Stamp>,
    pub(super) exdates: Vec<Stamp>,
    pub(super) recurrence_id: Option<Stamp>,
    pub(super) cancelled: bool,
    /// The user declined it.
    pub(super) declined: bool,
    pub(super) summary: Option<String>,
    pub(super) description: Option<String>,
    /// The organizer and the attendees, but not the user, nor rooms, nor those who declined.
    pub(super) people: Vec<Person>,
    pub(super) zones: Rc<Zones>,
    /// See [`Draft`]'s.
    pub(super) version: (i64, String),
}

impl Event {
    pub(super) fn recurs(&self) -> bool {
        self.rule.is_some() || !self.rdates.is_empty()
    }

    pub(super) fn all_day(&self) -> bool {
        self.start.is_date()
    }

    pub(super) fn error(&self, message: Message) -> Error {
        self.place.error(Some(&self.uid), message)
    }

    /// What tells this event apart from the other copies of it a file may hold: its UID and
    /// which occurrence it replaces.
    pub(super) fn identity(&self) -> (String, Option<NaiveDateTime>) {
        let moved = self.recurrence_id.as_ref().map(|stamp| match stamp {
            Stamp::Date(day) => day.and_time(chrono::NaiveTime::MIN),
            Stamp::Floating(time) | Stamp::Zoned(time, _) | Stamp::Utc(time) => *time,
        });
        (self.uid.clone(), moved)
    }

    /// Makes this single event, found beside a series of the same UID, the occurrence of that
    /// series on its day (an occurrence some programs export on its own, without
    /// `RECURRENCE-ID`).
    pub(super) fn stand_for_occurrence(&mut self) {
        self.recurrence_id = Some(self.start.clone());
    }

    /// Whether `self` and `other` say the same thing (two exports of one event).
    pub(super) fn same_as(&self, other: &Event) -> bool {
        self.start == other.start
            && self.rule == other.rule
            && self.rdates == other.rdates
            && self.exdates == other.exdates
            && self.recurrence_id == other.recurrence_id
            && self.cancelled == other.cancelled
            && self.summary == other.summary
            && self.description == other.description
            && self.people == other.people
            && self.declined == other.declined
            && self.minutes == other.minutes
    }
}

/// Reads the events of one file: where warnings go.
pub(super) struct Read<'w> {
    pub(super) warnings: &'w mut Vec<Warning>,
}

impl Read<'_> {
    /// The event `component` at `place`: its values read and checked, or the reason it is
    /// refused.
    pub(super) fn event(
        &mut self,
        component: &Component<'_>,
        place: Place,
    ) -> Result<Draft, Error> {
        let uid = value(component, "UID").map(str::to_string);
        let error = |message: Message| place.error(uid.as_deref(), message);
        let uid = uid
            .clone()
            .ok_or_else(|| error(Message::keyed(Msg::IcsNoUid, &[])))?;
        let start = property(component, "DTSTART")
            .ok_or_else(|| error(Message::keyed(Msg::IcsNoStart, &[])))
            .and_then(|p| one_stamp(p).map_err(error))?;
        let end = match (property(component, "DTEND"), value(component, "DURATION")) {
            (Some(end), _) => End::At(one_stamp(end).map_err(error)?),
            (None, Some(text)) => {
                let duration = parse_duration(text).ok_or_else(|| {
                    // The right shape with numbers too large to count: too long, not unreadable.
                    let key = if parse_duration(&small_numbers(text)).is_some() {
                        Msg::IcsDurationTooLong
                    } else {
                        Msg::IcsNotDuration
                    };
                    error(Message::keyed(key, &[("value", text)]))
                })?;
                End::After(duration, text.to_string())
            }
            (None, None) => End::None,
        };
        let stamps = |name: &str| -> Result<Vec<Stamp>, Error> {
            let mut all = Vec::new();
            for property in properties(component, name) {
                all.extend(stamps(property).map_err(error)?);
            }
            Ok(all)
        };
        let recurrence_id = property(component, "RECURRENCE-ID")
            .map(|p| one_stamp(p).map_err(error))
            .transpose()?;
        let rule = match value(component, "RRULE") {
            None => None,
            Some(text) => Some(self.rule(text, error)?),
        };
        let mut invited = Vec::new();
        let invitees = property(component, "ORGANIZER")
            .into_iter()
            .chain(properties(component, "ATTENDEE"));
        for invitee in invitees {
            if let Some(person) = self.invitee(invitee, error) {
                invited.push(person);
            }
        }
        let sequence = value(component, "SEQUENCE")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let stamp = value(component, "LAST-MODIFIED")
            .or_else(|| value(component, "DTSTAMP"))
            .unwrap_or_default()
            .to_ascii_uppercase();
        Ok(Draft {
            place: place.clone(),
            uid,
            start,
            end,
            rule,
            rdates: stamps("RDATE")?,
            exdates: stamps("EXDATE")?,
            recurrence_id,
            cancelled: value(component, "STATUS")
                .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")),
            version: (sequence, stamp),
            summary: value(component, "SUMMARY").map(str::to_string),
            description: value(component, "DESCRIPTION").map(str::to_string),
            invited,
        })
    }

    /// An `RRULE`: its `X-` parts (a program's own extensions) left out with a warning, its
    /// `UNTIL` read apart.
    fn rule(&mut self, text: &str, error: impl Fn(Message) -> Error) -> Result<Rule, Error> {
        let bad_rule = |why: Message| {
            error(
                Message::new(Msg::IcsBadRule)
                    .with("rule", text)
                    .with("why", why),
            )
        };
        // A rule is plain ASCII; `rrule` cuts some of its values at byte offsets, and would
        // panic inside a character.
        if text.chars().any(|c| !c.is_ascii() || c.is_ascii_control()) {
            return Err(bad_rule(Message::keyed(Msg::IcsRuleNotAscii, &[])));
        }
        let mut parts = Vec::new();
        let mut until = None;
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let key = key.trim();
            if key.len() > 2 && key[..2].eq_ignore_ascii_case("X-") {
                self.warnings.push(error(Message::keyed(
                    Msg::IcsRulePartIgnored,
                    &[("part", part)],
                )));
            } else if key.eq_ignore_ascii_case("UNTIL") {
                let value = value.trim();
                let stamp = Stamp::parse("UNTIL", value, None, false).ok_or_else(|| {
                    bad_rule(Message::keyed(Msg::IcsBadUntil, &[("value", value)]))
                })?;
                until = (stamp.day().year() <= LAST_YEAR).then_some(stamp);
            } else {
                parts.push(part);
            }
        }
        Ok(Rule {
            text: text.to_string(),
            parts: parts.join(";"),
            until,
        })
    }

    /// The person an `ORGANIZER` or `ATTENDEE` names, and whether they declined; `None` for a
    /// room or a resource, a non-participant, or a line with neither a usable name nor an
    /// address. A name the journal would refuse (control characters, direction overrides,
    /// nothing visible) is left out with a warning: the address may still tell who it is.
    fn invitee(
        &mut self,
        property: &Property<'_>,
        error: impl Fn(Message) -> Error,
    ) -> Option<(Person, bool)> {
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
        let email = Email::from_str(address).ok();
        let name = match param(property, "CN").filter(|cn| !cn.contains('@')) {
            None => None,
            Some(cn) => match Name::from_str(cn) {
                Ok(name) => Some(name),
                Err(why) => {
                    let message = Message::new(Msg::IcsNameLeftOut)
                        .with("person", format!("{cn:?}"))
                        .with("why", why.message());
                    self.warnings.push(error(message));
                    None
                }
            },
        };
        if name.is_none() && email.is_none() {
            return None;
        }
        let declined =
            param(property, "PARTSTAT").is_some_and(|s| s.eq_ignore_ascii_case("DECLINED"));
        Some((Person { name, email }, declined))
    }
}

impl Draft {
    /// The event in its calendar: its length in the frame of its start, the people met (the
    /// user, whose addresses are `me`, aside), whether the user declined. Every date it holds
    /// is checked to lie within the years read.
    pub(super) fn finish(self, zones: &Rc<Zones>, me: &[String]) -> Result<Event, Error> {
        let error = |message: Message| self.place.error(Some(&self.uid), message);
        let dated = [("DTSTART", &self.start)]
            .into_iter()
            .chain(match &self.end {
                End::At(end) => Some(("DTEND", end)),
                _ => None,
            })
            .chain(self.recurrence_id.iter().map(|s| ("RECURRENCE-ID", s)))
            .chain(self.rdates.iter().map(|s| ("RDATE", s)))
            .chain(self.exdates.iter().map(|s| ("EXDATE", s)));
        for (name, stamp) in dated {
            let year = stamp.day().year();
            if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
                return Err(error(Message::keyed(
                    Msg::IcsOutOfYears,
                    &[("property", name), ("value", &stamp.day().to_string())],
                )));
            }
        }
        let frame = Frame::of(&self.start);
        let start = zones.in_frame(&self.start, &frame);
        let length = match &self.end {
            End::None => None,
            End::After(duration, text) => {
                let ends = start.checked_add_signed(*duration);
                if ends.is_none_or(|ends| ends.year() > LAST_YEAR) {
                    return Err(error(Message::keyed(
                        Msg::IcsDurationTooLong,
                        &[("value", text)],
                    )));
                }
                Some(*duration)
            }
            End::At(stamp) => Some(zones.in_frame(stamp, &frame) - start),
        };
        if length.is_some_and(|length| length < Duration::zero()) {
            return Err(error(Message::keyed(Msg::IcsEndsBefore, &[])));
        }
        let all_day = self.start.is_date() || matches!(&self.end, End::At(s) if s.is_date());
        let minutes = length
            .filter(|_| !all_day)
            .map(|length| length.num_minutes())
            .filter(|minutes| (1..=i64::from(crate::domain::Minutes::MAX)).contains(minutes))
            .map(|minutes| minutes as u32);
        let mut people: Vec<Person> = Vec::new();
        let mut declined = false;
        for (person, said_no) in self.invited {
            let mine = person
                .email
                .as_ref()
                .is_some_and(|email| me.contains(&email.as_str().to_lowercase()));
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
            place: self.place,
            uid: self.uid,
            start: self.start,
            frame,
            minutes,
            rule: self.rule,
            rdates: self.rdates,
            exdates: self.exdates,
            recurrence_id: self.recurrence_id,
            cancelled: self.cancelled,
            declined,
            summary: self.summary,
            description: self.description,
            people,
            zones: Rc::clone(zones),
            version: self.version,
        })
    }
}

fn same_person(a: &Person, b: &Person) -> bool {
    let email = |p: &Person| p.email.as_ref().map(|e| e.as_str().to_lowercase());
    let name = |p: &Person| p.name.as_ref().map(Name::key);
    (email(a).is_some() && email(a) == email(b)) || (name(a).is_some() && name(a) == name(b))
}

/// `PT1H30M`, `P1D`, `P1W`, `+PT45M`: a duration (never negative), as ISO 8601 reads it (the
/// `iso8601` crate), the whole text read. A number too large for the crate is no duration.
pub(super) fn parse_duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    match iso8601::parsers::parse_duration(text.as_bytes()) {
        Ok((b"", duration)) => Duration::from_std(std::time::Duration::from(duration)).ok(),
        _ => None,
    }
}

/// `text` with each run of digits made `1`: `P99999999999W` becomes `P1W`.
fn small_numbers(text: &str) -> String {
    let mut small = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                small.push('1');
            }
            in_number = true;
        } else {
            small.push(c);
            in_number = false;
        }
    }
    small
}

/// The stamps of a property (`EXDATE` and `RDATE` may list several, comma-separated; a
/// period `start/end` counts by its start).
fn stamps(property: &Property<'_>) -> Result<Vec<Stamp>, Message> {
    let tzid = param(property, "TZID");
    let date = param(property, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    let name = property.name.as_str().to_ascii_uppercase();
    property
        .val
        .as_str()
        .split(',')
        .map(|value| {
            let value = value.split('/').next().unwrap_or(value).trim();
            Stamp::parse(&name, value, tzid, date).ok_or_else(|| {
                Message::keyed(Msg::IcsNotStamp, &[("property", &name), ("value", value)])
            })
        })
        .collect()
}

fn one_stamp(property: &Property<'_>) -> Result<Stamp, Message> {
    let mut all = stamps(property)?;
    match all.len() {
        1 => Ok(all.remove(0)),
        n => Err(Message::keyed(
            Msg::IcsManyStamps,
            &[
                ("property", &property.name.as_str().to_ascii_uppercase()),
                ("n", &n.to_string()),
            ],
        )),
    }
}

pub(super) fn properties<'c>(
    component: &'c Component<'_>,
    name: &'c str,
) -> impl Iterator<Item = &'c Property<'c>> + 'c {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

pub(super) fn property<'c>(
    component: &'c Component<'_>,
    name: &'c str,
) -> Option<&'c Property<'c>> {
    properties(component, name).next()
}

pub(super) fn value<'c>(component: &'c Component<'_>, name: &'c str) -> Option<&'c str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let cases = [
            ("PT1H30M", Some(90)),
            ("PT45M", Some(45)),
            ("+PT45M", Some(45)),
            ("P1D", Some(1440)),
            ("P1W", Some(7 * 1440)),
            ("P1DT2H", Some(1560)),
            ("PT0S", Some(0)),
            ("P4294967295W", Some(4_294_967_295 * 7 * 1440)),
            ("1H", None),
            ("P", None),
            ("PT1X", None),
            ("PT45Mtrailing", None),
            ("-PT15M", None),
            ("P99999999999W", None),
            ("PT9999999999999H", None),
        ];
        for (text, minutes) in cases {
            assert_eq!(
                parse_duration(text).map(|d| d.num_minutes()),
                minutes,
                "{text}"
            );
        }
    }
}
