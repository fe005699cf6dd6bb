//! The journal's domain types and their parsing and formatting, with no I/O: what a person
//! types is turned into these at the command-line boundary, so that commands never see a raw
//! string.

pub mod date;
pub mod id;
pub mod money;
pub mod referral;
pub mod text;
pub mod vocab;

pub use date::DateArg;
pub use id::{Id, NameOrId};
pub use money::Money;
pub use text::{Name, Text};
pub use vocab::{Direction, FeePeriod, Kind, MeetingFormat, ReferralStatus};

use std::str::FromStr;

/// A meeting's rating, from 1 (a waste of time) to 5 (excellent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    pub fn get(self) -> u8 {
        self.0
    }

    /// A rating read back from the journal: `None` outside 1 to 5.
    pub fn new(value: u8) -> Option<Rating> {
        (1..=5).contains(&value).then_some(Rating(value))
    }
}

impl FromStr for Rating {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().parse::<u8>() {
            Ok(value @ 1..=5) => Ok(Rating(value)),
            _ => Err(format!(
                "`{text}` is not a rating: expected a whole number from 1 to 5"
            )),
        }
    }
}

/// A duration in minutes, as typed for `--minutes` and `--travel`: `90`, `1h30`, `2h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Minutes(u32);

impl Minutes {
    /// A day: no meeting or journey is recorded as longer.
    pub const MAX: u32 = 24 * 60;

    pub fn get(self) -> u32 {
        self.0
    }
}

impl FromStr for Minutes {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || {
            format!(
                "`{text}` is not a duration: expected minutes from 0 to 1440, such as 90 or 1h30"
            )
        };
        let trimmed = text.trim().to_lowercase();
        let digits = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let total = if let Some((hours, rest)) = trimmed.split_once('h') {
            let minutes = rest.strip_suffix("min").unwrap_or(rest);
            let minutes = if minutes.is_empty() {
                Some(0)
            } else {
                digits(minutes)
            };
            match (digits(hours), minutes) {
                (Some(h), Some(m)) if m < 60 => h * 60 + m,
                _ => return Err(error()),
            }
        } else {
            let plain = trimmed.strip_suffix("min").unwrap_or(&trimmed).trim_end();
            digits(plain).ok_or_else(error)?
        };
        if total > Self::MAX {
            return Err(error());
        }
        Ok(Minutes(total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_run_from_one_to_five() {
        for text in ["1", "3", "5", " 4 "] {
            assert!(text.parse::<Rating>().is_ok(), "{text}");
        }
        for text in ["0", "6", "-1", "2.5", "", "five", "300"] {
            let error = text.parse::<Rating>().unwrap_err();
            assert!(
                error.contains(&format!("`{text}`")) && error.contains("1 to 5"),
                "{error}"
            );
        }
    }

    #[test]
    fn minutes_accept_plain_numbers_and_hours() {
        let cases = [
            ("90", 90),
            ("0", 0),
            ("1h30", 90),
            ("2h", 120),
            ("45min", 45),
            ("1440", 1440),
        ];
        for (text, minutes) in cases {
            assert_eq!(
                text.parse::<Minutes>().map(Minutes::get),
                Ok(minutes),
                "{text}"
            );
        }
        for text in [
            "", "-5", "1441", "1h60", "h", "1.5", "25h", "abc", "99999999",
        ] {
            let error = text.parse::<Minutes>().unwrap_err();
            assert!(error.contains(&format!("`{text}`")), "{error}");
        }
    }
}
