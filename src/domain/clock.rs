//! The time of day a meeting started, as people type it: `7:30`, `07:30`, `7h30`, `7h`, `19h`,
//! `7:30pm`. Kept as `HH:MM`, which is how the journal stores it and how it sorts.

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::Invalid;
use crate::messages::Msg;

/// A start time: hours 0–23 and minutes 0–59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StartTime {
    hour: u8,
    minute: u8,
}

impl StartTime {
    pub fn new(hour: u8, minute: u8) -> Option<StartTime> {
        (hour < 24 && minute < 60).then_some(StartTime { hour, minute })
    }

    /// The stored form, `07:30`: exactly five characters (see migration 003).
    pub fn iso(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// The stored form, as [`StartTime::iso`], without allocating.
    pub fn stored(self) -> super::date::Stored {
        let mut stored = super::date::Stored::default();
        stored.digits(self.hour.into(), 2);
        stored.push(b':');
        stored.digits(self.minute.into(), 2);
        stored
    }

    /// Reads the stored form back: `HH:MM` exactly.
    pub fn from_iso(text: &str) -> Option<StartTime> {
        let bytes = text.as_bytes();
        // Digits only: `+1:30` is no stored time, though `+1` reads as a number.
        let digits = [0, 1, 3, 4]
            .iter()
            .all(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit));
        if bytes.len() != 5 || bytes[2] != b':' || !digits {
            return None;
        }
        let hour = text[..2].parse().ok()?;
        let minute = text[3..].parse().ok()?;
        StartTime::new(hour, minute)
    }
}

impl FromStr for StartTime {
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refused = || Invalid::new(Msg::NotATime, text);
        let lower = text.trim().to_lowercase();
        // `7:30pm`, `7 am`: a twelve-hour clock, as English speakers write it.
        let (clock, shift) = if let Some(rest) = lower.strip_suffix("am") {
            (rest.trim_end(), Some(0))
        } else if let Some(rest) = lower.strip_suffix("pm") {
            (rest.trim_end(), Some(12))
        } else {
            (lower.as_str(), None)
        };
        let digits = |part: &str| -> Option<u8> {
            (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let (hour, minute) = match clock.split_once([':', 'h']) {
            // `7h` is seven o'clock; `7:` is not a time.
            Some((hour, "")) if clock.ends_with('h') => (digits(hour), Some(0)),
            Some((hour, minute)) if minute.len() == 2 => (digits(hour), digits(minute)),
            Some(_) => (None, None),
            // `7pm` alone.
            None if shift.is_some() => (digits(clock), Some(0)),
            None => (None, None),
        };
        let (Some(mut hour), Some(minute)) = (hour, minute) else {
            return Err(refused());
        };
        if let Some(shift) = shift {
            if !(1..=12).contains(&hour) {
                return Err(refused());
            }
            hour = hour % 12 + shift;
        }
        StartTime::new(hour, minute).ok_or_else(refused)
    }
}

impl fmt::Display for StartTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl serde::Serialize for StartTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl ToSql for StartTime {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.iso()))
    }
}

impl FromSql for StartTime {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        StartTime::from_iso(text)
            .ok_or_else(|| FromSqlError::Other(format!("not a start time `{text}`").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        let cases = [
            ("7:30", "07:30"),
            ("07:30", "07:30"),
            ("7h30", "07:30"),
            ("7H30", "07:30"),
            ("7h", "07:00"),
            ("19h", "19:00"),
            ("19h05", "19:05"),
            (" 12:00 ", "12:00"),
            ("0:00", "00:00"),
            ("23:59", "23:59"),
            ("7:30am", "07:30"),
            ("7:30 pm", "19:30"),
            ("12pm", "12:00"),
            ("12am", "00:00"),
            ("7pm", "19:00"),
        ];
        for (text, expected) in cases {
            let parsed: StartTime = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.iso(), expected, "{text}");
            assert_eq!(StartTime::from_iso(&parsed.iso()), Some(parsed), "{text}");
            assert_eq!(parsed.stored().as_str(), parsed.iso(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_time_of_day() {
        for text in [
            "", "7", "730", "24:00", "7:60", "7:5", "7:", ":30", "h30", "7h3", "13pm", "0am",
            "7.30", "-7:30", "7:30:00", "seven", "٧:٣٠", "7h30h",
        ] {
            let error = text.parse::<StartTime>().unwrap_err().to_string();
            assert!(
                error.contains(&format!("`{text}`")) && error.contains("7:30"),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn the_stored_form_is_read_back_exactly() {
        assert_eq!(StartTime::from_iso("07:30"), StartTime::new(7, 30));
        for stored in ["7:30", "24:00", "07:60", "07h30", "07:30:00", ""] {
            assert_eq!(StartTime::from_iso(stored), None, "{stored}");
        }
    }
}
