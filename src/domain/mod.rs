//! The journal's domain types and their parsing and formatting, with no I/O: what a person
//! types is turned into these at the command-line boundary, so that commands never see a raw
//! string.

pub mod address;
pub mod clock;
pub mod date;
pub mod fee;
pub mod id;
pub mod money;
pub mod referral;
pub mod text;
pub mod vocab;

pub use address::{Email, LinkedinUrl};
pub use clock::StartTime;
pub use date::DateArg;
pub use id::{Id, NameOrId};
pub use money::{Amount, Money};
pub use text::{Name, Text};
pub use vocab::{Direction, FeePeriod, Kind, Labeled, MeetingFormat, ReferralStatus, Severity};

use std::fmt;
use std::str::FromStr;

use crate::i18n::Lang;
use crate::messages::{Message, Msg};

/// A value a parser refused, and the message that says why (see `cli::usage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub Message);

impl Invalid {
    /// The message `key` about `value`.
    pub fn new(key: Msg, value: &str) -> Invalid {
        Invalid(Message::new(key).with("value", value))
    }
}

impl fmt::Display for Invalid {
    /// In English, as clap prints it; `cli::usage` renders the message in the user's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for Invalid {}

/// A parser's refusal as a message: what a question on a terminal answers to a value it
/// cannot take, in the user's language.
pub trait Explain {
    fn explain(&self) -> Message;
}

impl Explain for Invalid {
    fn explain(&self) -> Message {
        self.0.clone()
    }
}

impl Explain for date::DateError {
    fn explain(&self) -> Message {
        self.message()
    }
}

impl Explain for money::MoneyError {
    fn explain(&self) -> Message {
        self.message()
    }
}

impl Explain for text::TextError {
    fn explain(&self) -> Message {
        self.message()
    }
}

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
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().parse::<u8>() {
            Ok(value @ 1..=5) => Ok(Rating(value)),
            _ => Err(Invalid::new(Msg::NotARating, text)),
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
    type Err = Invalid;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || Invalid::new(Msg::NotADuration, text);
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
            let error = text.parse::<Rating>().unwrap_err().to_string();
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
            let error = text.parse::<Minutes>().unwrap_err().to_string();
            assert!(error.contains(&format!("`{text}`")), "{error}");
        }
    }
}
