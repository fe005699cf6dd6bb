//! Dates as people type them: `2024-03-15`, `2024-03`, `15/03/2024`, `today`, `yesterday`.
//!
//! A typed date is kept as a [`DateArg`] until a command resolves it against the clock it was
//! given, so that parsing never reads the time of day and tests can pin "today".

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};

/// A date as typed on the command line, not yet resolved against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateArg {
    /// A whole date: `2024-03-15` or `15/03/2024`.
    Day(NaiveDate),
    /// A month: `2024-03` or `03/2024`. It starts on its first day and ends on its last.
    Month {
        year: i32,
        month: u32,
    },
    Today,
    Yesterday,
}

/// Why a typed date was refused. The user's wording is in the message table
/// ([`DateError::message`]); `Display` renders it in English, as clap prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Shape(String),
    NoSuchDay(String),
    OutOfRange(String),
}

impl DateError {
    /// What is wrong, for the user.
    pub fn message(&self) -> crate::messages::Message {
        use crate::messages::{Message, Msg};
        let (key, value) = match self {
            DateError::Shape(value) => (Msg::NotADate, value),
            DateError::NoSuchDay(value) => (Msg::NoSuchDay, value),
            DateError::OutOfRange(value) => (Msg::DateOutOfRange, value),
        };
        Message::new(key).with("value", value)
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for DateError {}

/// The years a journal accepts. `9999` typed for `2025` is a slip, not a plan: no meeting,
/// membership or referral of a working life falls outside these, and four digits keep stored
/// dates sorting as text.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Whether `day` falls within [`YEARS`].
pub fn plausible_year(day: NaiveDate) -> bool {
    YEARS.contains(&day.year())
}

/// Why the date of a meeting or a referral does not fit: the day it would be recorded on, and
/// the day it runs into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misdated {
    /// After today: it has not happened yet.
    Future { date: NaiveDate, today: NaiveDate },
    /// Before its network was joined.
    BeforeJoining { date: NaiveDate, joined: NaiveDate },
    /// After its network was left.
    AfterLeaving { date: NaiveDate, left: NaiveDate },
}

/// Whether something that happened on `date` fits: not after `today`, and within the
/// membership `joined`..=`left` of its network when it has one.
pub fn fits(
    date: NaiveDate,
    today: NaiveDate,
    joined: Option<NaiveDate>,
    left: Option<NaiveDate>,
) -> Result<(), Misdated> {
    if date > today {
        return Err(Misdated::Future { date, today });
    }
    if let Some(joined) = joined.filter(|joined| date < *joined) {
        return Err(Misdated::BeforeJoining { date, joined });
    }
    if let Some(left) = left.filter(|left| date > *left) {
        return Err(Misdated::AfterLeaving { date, left });
    }
    Ok(())
}

impl DateArg {
    /// The day this date stands for, a month standing for its first day.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::Day(day) => day,
            DateArg::Month { year, month } => first_of_month(year, month),
            DateArg::Today => today,
            DateArg::Yesterday => today.checked_sub_days(Days::new(1)).unwrap_or(today),
        }
    }

    /// The last day this date covers: a month stands for its last day. Used for `--until`.
    pub fn resolve_end(self, today: NaiveDate) -> NaiveDate {
        match self {
            DateArg::Month { year, month } => last_of_month(year, month),
            other => other.resolve(today),
        }
    }
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).expect("a parsed month has a first day")
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|next| next.pred_opt())
        .unwrap_or_else(|| first_of_month(year, month))
}

impl FromStr for DateArg {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        match trimmed.to_lowercase().as_str() {
            "today" | "aujourd'hui" | "aujourd’hui" => return Ok(DateArg::Today),
            "yesterday" | "hier" => return Ok(DateArg::Yesterday),
            _ => {}
        }
        let shape = || DateError::Shape(text.to_string());
        let parts: Vec<&str> = trimmed.split(['-', '/']).collect();
        let separator = if trimmed.contains('/') { '/' } else { '-' };
        if trimmed.contains('/') && trimmed.contains('-') {
            return Err(shape());
        }
        let number = |part: &str, max_len: usize| -> Option<u32> {
            let ok = !part.is_empty()
                && part.len() <= max_len
                && part.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| part.parse().ok()).flatten()
        };
        let year = |part: &str| -> Option<i32> {
            (part.len() == 4)
                .then(|| number(part, 4))
                .flatten()
                .map(|y| y as i32)
        };
        let (y, m, d) = match (separator, parts.as_slice()) {
            ('-', [y, m, d]) => (year(y), number(m, 2), Some(number(d, 2))),
            ('/', [d, m, y]) => (year(y), number(m, 2), Some(number(d, 2))),
            ('-', [y, m]) => (year(y), number(m, 2), None),
            ('/', [m, y]) => (year(y), number(m, 2), None),
            _ => return Err(shape()),
        };
        let (Some(year), Some(month)) = (y, m) else {
            return Err(shape());
        };
        if !YEARS.contains(&year) {
            return Err(DateError::OutOfRange(text.to_string()));
        }
        match d {
            None if (1..=12).contains(&month) => Ok(DateArg::Month { year, month }),
            None => Err(DateError::NoSuchDay(text.to_string())),
            Some(None) => Err(shape()),
            Some(Some(day)) => NaiveDate::from_ymd_opt(year, month, day)
                .map(DateArg::Day)
                .ok_or_else(|| DateError::NoSuchDay(text.to_string())),
        }
    }
}

impl fmt::Display for DateArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateArg::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            DateArg::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateArg::Today => f.write_str("today"),
            DateArg::Yesterday => f.write_str("yesterday"),
        }
    }
}

/// The ISO form stored in the journal: `2024-03-15`.
pub fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Parses a date stored in the journal (always ISO).
pub fn from_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Reads a date as the journal stores it and an export writes it: `YYYY-MM-DD` exactly, four
/// digits, two and two, a real day. By hand, not through a format string: an export or an
/// import reads hundreds of thousands of them, and a format string per date was a good part of
/// an import.
pub fn read_stored(text: &str) -> Option<NaiveDate> {
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    match text.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
            let year = i32::try_from(number(y)?).ok()?;
            NaiveDate::from_ymd_opt(year, number(&[*m1, *m2])?, number(&[*d1, *d2])?)
        }
        _ => None,
    }
}

/// Writes `day` as the journal stores it (`2024-03-15`), by hand and without allocating, for
/// the same reason as [`read_stored`]; a year of more than four digits, which no journal holds,
/// as [`iso`] does.
pub fn write_stored(day: NaiveDate) -> Stored {
    let year = day.year();
    if !(0..=9999).contains(&year) {
        return Stored::of(&iso(day));
    }
    let mut stored = Stored::default();
    stored.digits(year as u32, 4);
    stored.push(b'-');
    stored.digits(day.month(), 2);
    stored.push(b'-');
    stored.digits(day.day(), 2);
    stored
}

/// A short text as the journal stores it (a date, a start time), held inline: an export or an
/// import writes one for most rows, and need not allocate each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stored {
    bytes: [u8; 16],
    len: u8,
}

impl Stored {
    /// `text`, at most 16 bytes of it (a date of any year NaiveDate holds takes 13).
    pub fn of(text: &str) -> Stored {
        let mut stored = Stored::default();
        for byte in text.bytes().take(16) {
            stored.push(byte);
        }
        stored
    }

    pub fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// `value`'s last `width` digits, zeros first.
    pub fn digits(&mut self, value: u32, width: u32) {
        for place in (0..width).rev() {
            self.push(b'0' + (value / 10u32.pow(place) % 10) as u8);
        }
    }

    pub fn as_str(&self) -> &str {
        // Only whole characters are pushed (ASCII digits and punctuation, or a whole ISO date).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for Stored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whole months from `from` to `to`, used to describe spans ("3 months").
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months - 1
    } else {
        months
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_read_and_write_back_the_same() {
        for text in [
            "2024-02-29",
            "1900-01-01",
            "2100-12-31",
            "0001-01-01",
            "9999-12-31",
        ] {
            let day = read_stored(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(write_stored(day).as_str(), text);
            assert_eq!(iso(day), text);
        }
        for bad in [
            "2023-02-29",
            "2024-1-05",
            "+2024-01-05",
            "2024-01-05 ",
            "20240-01-05",
            "",
        ] {
            assert_eq!(read_stored(bad), None, "{bad}");
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepts_what_people_type() {
        let today = day(2024, 3, 20);
        let cases = [
            ("2024-03-15", day(2024, 3, 15)),
            ("2024-3-5", day(2024, 3, 5)),
            (" 2024-03-15 ", day(2024, 3, 15)),
            ("15/03/2024", day(2024, 3, 15)),
            ("5/3/2024", day(2024, 3, 5)),
            ("2024-03", day(2024, 3, 1)),
            ("03/2024", day(2024, 3, 1)),
            ("today", today),
            ("Today", today),
            ("yesterday", day(2024, 3, 19)),
            ("hier", day(2024, 3, 19)),
            ("aujourd'hui", today),
            ("2024-02-29", day(2024, 2, 29)),
        ];
        for (text, expected) in cases {
            let parsed: DateArg = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.resolve(today), expected, "{text}");
        }
    }

    #[test]
    fn a_month_ends_on_its_last_day() {
        let today = day(2024, 3, 20);
        let cases = [
            ("2024-02", day(2024, 2, 29)),
            ("2023-02", day(2023, 2, 28)),
            ("2024-12", day(2024, 12, 31)),
            ("2024-04-10", day(2024, 4, 10)),
            ("today", today),
        ];
        for (text, expected) in cases {
            let parsed: DateArg = text.parse().unwrap();
            assert_eq!(parsed.resolve_end(today), expected, "{text}");
        }
    }

    #[test]
    fn refuses_impossible_days() {
        for text in [
            "2024-02-30",
            "2023-02-29",
            "31/04/2024",
            "2024-13",
            "2024-00-10",
        ] {
            assert_eq!(
                text.parse::<DateArg>(),
                Err(DateError::NoSuchDay(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_years_outside_the_journal() {
        for text in [
            "31/12/9999",
            "9999-12-31",
            "0999-01-01",
            "1899-12-31",
            "2101-01-01",
            "01/2101",
            "1899-12",
        ] {
            assert_eq!(
                text.parse::<DateArg>(),
                Err(DateError::OutOfRange(text.to_string())),
                "{text}"
            );
        }
        for text in ["1900-01-01", "2100-12-31", "31/12/2100", "1900-01"] {
            assert!(text.parse::<DateArg>().is_ok(), "{text}");
        }
        let message = "31/12/9999".parse::<DateArg>().unwrap_err().to_string();
        assert!(message.contains("`31/12/9999`") && message.contains("1900 to 2100"));
    }

    #[test]
    fn a_date_fits_before_today_and_within_the_membership() {
        let today = day(2024, 6, 15);
        let (joined, left) = (Some(day(2024, 1, 10)), Some(day(2024, 2, 15)));
        let cases = [
            (day(2024, 6, 15), None, None, Ok(())),
            (
                day(2024, 6, 16),
                None,
                None,
                Err(Misdated::Future {
                    date: day(2024, 6, 16),
                    today,
                }),
            ),
            (day(2024, 1, 10), joined, left, Ok(())),
            (day(2024, 2, 15), joined, left, Ok(())),
            (
                day(2024, 1, 9),
                joined,
                left,
                Err(Misdated::BeforeJoining {
                    date: day(2024, 1, 9),
                    joined: day(2024, 1, 10),
                }),
            ),
            (
                day(2024, 2, 16),
                joined,
                left,
                Err(Misdated::AfterLeaving {
                    date: day(2024, 2, 16),
                    left: day(2024, 2, 15),
                }),
            ),
            (day(2024, 5, 1), joined, None, Ok(())),
            (day(1990, 5, 1), None, left, Ok(())),
        ];
        for (date, joined, left, expected) in cases {
            assert_eq!(fits(date, today, joined, left), expected, "{date}");
        }
    }

    #[test]
    fn refuses_other_shapes() {
        for text in [
            "",
            "tomorrow",
            "2024",
            "24-03-15",
            "2024/03/15",
            "15-03-2024",
            "2024-03-15-01",
            "2024-003-15",
            "15/03/24",
            "2024-03-1x",
            "2024-03/15",
            "+2024-03-15",
            "2024-٣-15",
        ] {
            assert_eq!(
                text.parse::<DateArg>(),
                Err(DateError::Shape(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn messages_name_the_value_and_the_expected_forms() {
        let message = "2024-02-30".parse::<DateArg>().unwrap_err().to_string();
        assert_eq!(message, "`2024-02-30` is not a day of the calendar");
        let message = "soon".parse::<DateArg>().unwrap_err().to_string();
        assert!(
            message.contains("`soon`") && message.contains("YYYY-MM-DD"),
            "{message}"
        );
    }

    #[test]
    fn display_round_trips() {
        for text in ["2024-03-15", "2024-03", "today", "yesterday"] {
            let parsed: DateArg = text.parse().unwrap();
            assert_eq!(parsed.to_string(), text);
            assert_eq!(parsed.to_string().parse::<DateArg>().unwrap(), parsed);
        }
    }

    #[test]
    fn months_between_counts_whole_months() {
        assert_eq!(months_between(day(2024, 1, 10), day(2024, 4, 10)), 3);
        assert_eq!(months_between(day(2024, 1, 10), day(2024, 4, 9)), 2);
        assert_eq!(months_between(day(2024, 1, 10), day(2024, 1, 10)), 0);
    }
}
