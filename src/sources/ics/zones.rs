//! Dates and times as a calendar writes them, and the frame an event's times are compared in.
//!
//! The values themselves are read by the `icalendar` crate ([`DatePerhapsTime`]); what is
//! left here is what it does not do: a `TZID` that is no IANA name (Outlook writes Windows
//! names, see [`WINDOWS_ZONES`]), a zone known only by its `VTIMEZONE`, and the wall clock of
//! a recurring event.

use std::collections::HashMap;

use chrono::{Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use icalendar::{CalendarDateTime, DatePerhapsTime, ValueType};

use super::windows_zones::WINDOWS_ZONES;

/// A date or a time as a calendar writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Stamp {
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
    /// The stamp `value` of the property `name`, with its `TZID` and `VALUE` parameters:
    /// `None` when it is no iCalendar date or time. A time in UTC (`…Z`) is read as such
    /// whatever `TZID` says.
    pub(super) fn parse(name: &str, value: &str, tzid: Option<&str>, date: bool) -> Option<Stamp> {
        let mut property = icalendar::Property::new(name, value);
        if date {
            property.append_parameter(ValueType::Date);
        }
        if let Some(tzid) = tzid.filter(|tzid| !tzid.is_empty() && !value.ends_with(['Z', 'z'])) {
            property.add_parameter("TZID", tzid);
        }
        Some(match DatePerhapsTime::from_property(&property)? {
            DatePerhapsTime::Date(day) => Stamp::Date(day),
            DatePerhapsTime::DateTime(CalendarDateTime::Floating(time)) => Stamp::Floating(time),
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(time)) => Stamp::Utc(time.naive_utc()),
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
                Stamp::Zoned(date_time, tzid)
            }
        })
    }

    pub(super) fn is_date(&self) -> bool {
        matches!(self, Stamp::Date(_))
    }

    /// The day as written, whatever the zone.
    pub(super) fn day(&self) -> NaiveDate {
        match self {
            Stamp::Date(day) => *day,
            Stamp::Floating(time) | Stamp::Zoned(time, _) | Stamp::Utc(time) => time.date(),
        }
    }
}

/// The frame an event's times are compared in: its own wall clock (floating, or in a named
/// zone), or UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Frame {
    Wall(Option<String>),
    Utc,
}

impl Frame {
    pub(super) fn of(start: &Stamp) -> Frame {
        match start {
            Stamp::Date(_) | Stamp::Floating(_) => Frame::Wall(None),
            Stamp::Zoned(_, tzid) => Frame::Wall(Some(tzid.clone())),
            Stamp::Utc(_) => Frame::Utc,
        }
    }
}

/// The time zones of one calendar.
#[derive(Debug, Clone)]
pub(super) struct Zones {
    /// `X-WR-TIMEZONE`: where the calendar's UTC times are read.
    pub(super) calendar: Option<chrono_tz::Tz>,
    /// For a `TZID` that is no IANA name, the largest offset its `VTIMEZONE` gives (erring
    /// towards the later time keeps an `UNTIL` written in UTC inclusive).
    pub(super) defined: HashMap<String, FixedOffset>,
    /// The user's offset, when nothing better is known.
    pub(super) fallback: FixedOffset,
}

impl Zones {
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
    pub(super) fn in_frame(&self, stamp: &Stamp, frame: &Frame) -> NaiveDateTime {
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
    pub(super) fn date(&self, time: NaiveDateTime, frame: &Frame) -> NaiveDate {
        self.local(time, frame).date()
    }

    /// A time of the frame as the user's clock shows it.
    pub(super) fn local(&self, time: NaiveDateTime, frame: &Frame) -> NaiveDateTime {
        match frame {
            Frame::Wall(_) => time,
            Frame::Utc => self.wall_of(time, None),
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
pub(super) fn parse_offset(text: &str) -> Option<FixedOffset> {
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
/// a Windows name (`Romance Standard Time`) or display name as Outlook writes them.
pub(super) fn iana(tzid: &str) -> Option<chrono_tz::Tz> {
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
    let index = WINDOWS_ZONES
        .binary_search_by(|(windows, _)| (*windows).cmp(tzid))
        .ok()?;
    WINDOWS_ZONES[index].1.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_zone_is_a_zone_chrono_knows() {
        assert!(WINDOWS_ZONES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (windows, zone) in WINDOWS_ZONES {
            assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{windows}: {zone}");
        }
        let paris = Some(chrono_tz::Europe::Paris);
        assert_eq!(iana("Romance Standard Time"), paris);
        assert_eq!(
            iana("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"),
            paris
        );
        assert_eq!(iana("/mozilla.org/20050126_1/Europe/Paris"), paris);
        assert_eq!(iana("Some Custom Zone"), None);
    }

    #[test]
    fn stamps() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = |h, m| day(2024, 3, 5).and_hms_opt(h, m, 0).unwrap();
        let cases = [
            ("20240305", None, false, Some(Stamp::Date(day(2024, 3, 5)))),
            ("20240305", None, true, Some(Stamp::Date(day(2024, 3, 5)))),
            (
                "20240305T070000",
                None,
                false,
                Some(Stamp::Floating(at(7, 0))),
            ),
            ("20240305T060000Z", None, false, Some(Stamp::Utc(at(6, 0)))),
            (
                "20240305T060000Z",
                Some("Europe/Paris"),
                false,
                Some(Stamp::Utc(at(6, 0))),
            ),
            (
                "20240305T070000",
                Some("Europe/Paris"),
                false,
                Some(Stamp::Zoned(at(7, 0), "Europe/Paris".into())),
            ),
            ("2024-03-05", None, false, None),
            ("20240305T0700", None, false, None),
            ("20241305", None, true, None),
        ];
        for (value, tzid, date, expected) in cases {
            assert_eq!(
                Stamp::parse("DTSTART", value, tzid, date),
                expected,
                "{value}"
            );
        }
    }
}
