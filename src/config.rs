//! The user's settings, kept in the journal (`config set KEY VALUE`): the journal's currency,
//! the hourly rate that values the time spent networking, and the verdict's thresholds. Each
//! key is declared once here with its default, its meaning (a `messages` key, said in each
//! language) and how its value is checked.

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::db::{self, settings};
use crate::domain::Money;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;

/// How a setting's value is typed and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A whole number within the bounds.
    Count { min: i64, max: i64 },
    /// A decimal ratio such as 1.5, zero or more.
    Ratio,
    /// A percentage from 0 to 100.
    Percent,
    /// A meeting rating, from 1 to 5 (decimals allowed).
    Rating,
    /// An amount of money, stored in cents.
    Amount,
    /// A three-letter ISO currency code.
    Currency,
}

/// A setting the journal knows.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    /// The default, as typed; `None` when unset means "not used" (the hourly rate).
    pub default: Option<&'static str>,
    pub value_type: ValueType,
    /// What it does, for `config list` (in `messages`, once per language).
    pub help: Msg,
}

/// Every setting, in the order `config list` shows them.
pub const KEYS: &[Key] = &[
    Key {
        name: "currency",
        default: Some("EUR"),
        value_type: ValueType::Currency,
        help: Msg::HelpCurrency,
    },
    Key {
        name: "rate.hourly",
        default: None,
        value_type: ValueType::Amount,
        help: Msg::HelpRateHourly,
    },
    Key {
        name: "verdict.min_meetings",
        default: Some("3"),
        value_type: ValueType::Count { min: 0, max: 1000 },
        help: Msg::HelpMinMeetings,
    },
    Key {
        name: "verdict.min_months",
        default: Some("6"),
        value_type: ValueType::Count { min: 0, max: 1200 },
        help: Msg::HelpMinMonths,
    },
    Key {
        name: "verdict.window_months",
        default: Some("12"),
        value_type: ValueType::Count { min: 1, max: 1200 },
        help: Msg::HelpWindowMonths,
    },
    Key {
        name: "verdict.min_referrals",
        default: Some("1"),
        value_type: ValueType::Count { min: 0, max: 1000 },
        help: Msg::HelpMinReferrals,
    },
    Key {
        name: "verdict.min_roi",
        default: Some("2"),
        value_type: ValueType::Ratio,
        help: Msg::HelpMinRoi,
    },
    Key {
        name: "verdict.leave_concerns",
        default: Some("2"),
        value_type: ValueType::Count { min: 1, max: 1000 },
        help: Msg::HelpLeaveConcerns,
    },
    Key {
        name: "verdict.max_met_once",
        default: Some("80"),
        value_type: ValueType::Percent,
        help: Msg::HelpMaxMetOnce,
    },
    Key {
        name: "verdict.low_rating",
        default: Some("2.5"),
        value_type: ValueType::Rating,
        help: Msg::HelpLowRating,
    },
    Key {
        name: "verdict.min_meetings_per_year",
        default: Some("1"),
        value_type: ValueType::Ratio,
        help: Msg::HelpMinMeetingsPerYear,
    },
];

/// The key named `name`, or a bad-input error listing the known keys.
pub fn key(name: &str) -> Result<&'static Key, CliError> {
    KEYS.iter().find(|key| key.name == name).ok_or_else(|| {
        let names: Vec<&str> = KEYS.iter().map(|key| key.name).collect();
        let error = CliError::bad_input(Message::keyed(Msg::NoSetting, &[("name", name)]));
        match crate::domain::text::closest(name, names.iter().copied()) {
            Some(near) if strsim::jaro_winkler(name, near) > 0.8 => {
                error.with_hint(Message::keyed(Msg::DidYouMean, &[("near", near)]))
            }
            _ => error.with_hint(Message::keyed(
                Msg::KnownSettings,
                &[("names", &names.join(", "))],
            )),
        }
    })
}

impl Key {
    /// Checks `text` and returns the form to store, an amount in EUR.
    pub fn parse(&self, text: &str) -> Result<String, CliError> {
        self.parse_in(text, "EUR")
    }

    /// Checks `text` and returns the form to store; an amount is in `currency` (the journal's:
    /// `$60` is an hourly rate in a journal kept in USD, refused in one kept in EUR).
    pub fn parse_in(&self, text: &str, currency: &str) -> Result<String, CliError> {
        // What the value should have been, said in each language.
        let bad = |expected: Msg, args: &[(&'static str, &str)]| {
            CliError::bad_input(
                Message::new(Msg::NotASettingValue)
                    .with("value", text)
                    .with("key", self.name)
                    .with("expected", Message::keyed(expected, args)),
            )
        };
        let trimmed = text.trim();
        match self.value_type {
            ValueType::Count { min, max } => match trimmed.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
                _ => Err(bad(
                    Msg::ExpectWholeNumber,
                    &[("min", &min.to_string()), ("max", &max.to_string())],
                )),
            },
            ValueType::Ratio => match parse_decimal(trimmed) {
                Some(x) if (0.0..=1_000_000.0).contains(&x) => Ok(x.to_string()),
                _ => Err(bad(Msg::ExpectRatio, &[])),
            },
            ValueType::Rating => match parse_decimal(trimmed.trim_end_matches("/5").trim_end()) {
                Some(x) if (1.0..=5.0).contains(&x) => Ok(x.to_string()),
                _ => Err(bad(Msg::ExpectRatingThreshold, &[])),
            },
            ValueType::Percent => match parse_decimal(trimmed.trim_end_matches('%').trim_end()) {
                Some(x) if (0.0..=100.0).contains(&x) => Ok(x.to_string()),
                _ => Err(bad(Msg::ExpectPercent, &[])),
            },
            ValueType::Amount => match trimmed
                .parse::<crate::domain::Amount>()
                .and_then(|amount| amount.in_currency(currency))
            {
                Ok(money) => Ok(money.cents().to_string()),
                Err(error) => Err(CliError::bad_input(error.message())),
            },
            ValueType::Currency => {
                if trimmed.len() == 3 && trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
                    Ok(trimmed.to_ascii_uppercase())
                } else {
                    Err(bad(Msg::ExpectCurrency, &[]))
                }
            }
        }
    }

    /// Whether `stored`, a value as the journal stores it (an amount in cents), is one `config
    /// set` accepts: typed back as `config get` shows it, it passes [`Key::parse`].
    pub fn accepts_stored(&self, stored: &str) -> bool {
        let whole_cents = self.value_type != ValueType::Amount || stored.parse::<i64>().is_ok();
        whole_cents && self.parse(&self.display(stored, Lang::En)).is_ok()
    }

    /// A stored value as the user would type it back: `60.00` and `1.5`, in French `60,00`
    /// and `1,5` (`config set` takes either).
    pub fn display(&self, stored: &str, lang: Lang) -> String {
        let shown = match self.value_type {
            ValueType::Amount => stored
                .parse::<i64>()
                .map(|cents| Money::from_cents(cents).to_string())
                .unwrap_or_else(|_| stored.to_string()),
            _ => stored.to_string(),
        };
        match (lang, self.value_type) {
            (
                Lang::Fr,
                ValueType::Amount | ValueType::Ratio | ValueType::Percent | ValueType::Rating,
            ) => shown.replace('.', ","),
            _ => shown,
        }
    }
}

/// A decimal typed with a dot or a comma.
fn parse_decimal(text: &str) -> Option<f64> {
    let value: f64 = text.replace(',', ".").parse().ok()?;
    value.is_finite().then_some(value)
}

/// The settings in force: each key's stored value, or its default.
#[derive(Debug, Clone)]
pub struct Settings {
    values: BTreeMap<&'static str, String>,
}

impl Settings {
    pub fn load(conn: &Connection) -> Result<Settings, db::Error> {
        let mut values = BTreeMap::new();
        for key in KEYS {
            let value = settings::get(conn, key.name)?.or(key.default.map(str::to_string));
            if let Some(value) = value {
                values.insert(key.name, value);
            }
        }
        Ok(Settings { values })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// The key's default, as typed.
    fn default_of(name: &str) -> Option<&'static str> {
        KEYS.iter()
            .find(|key| key.name == name)
            .and_then(|key| key.default)
    }

    /// A whole-number setting; a stored value that no longer parses (edited by hand) gives
    /// way to the default.
    pub fn count(&self, name: &str) -> i64 {
        let parse = |v: &str| v.trim().parse::<i64>().ok();
        self.get(name)
            .and_then(parse)
            .or_else(|| Self::default_of(name).and_then(parse))
            .unwrap_or(0)
    }

    /// A decimal setting (ratios, percentages), with the same fallback as [`Settings::count`].
    pub fn ratio(&self, name: &str) -> f64 {
        self.get(name)
            .and_then(parse_decimal)
            .or_else(|| Self::default_of(name).and_then(parse_decimal))
            .unwrap_or(0.0)
    }

    pub fn cents(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(|v| v.parse().ok())
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_per_type() {
        let cases = [
            ("verdict.min_meetings", "4", Ok("4")),
            ("verdict.min_meetings", "-1", Err(())),
            ("verdict.min_meetings", "many", Err(())),
            ("verdict.leave_concerns", "0", Err(())),
            ("verdict.min_roi", "1,5", Ok("1.5")),
            ("verdict.min_roi", "-2", Err(())),
            ("verdict.max_met_once", "75%", Ok("75")),
            ("verdict.max_met_once", "101", Err(())),
            ("rate.hourly", "60", Ok("6000")),
            ("rate.hourly", "45,50 €", Ok("4550")),
            ("rate.hourly", "lots", Err(())),
            ("currency", "chf", Ok("CHF")),
            ("currency", "euro", Err(())),
        ];
        for (name, text, expected) in cases {
            let parsed = key(name).unwrap().parse(text);
            match expected {
                Ok(stored) => assert_eq!(parsed.as_deref(), Ok(stored), "{name} {text}"),
                Err(()) => {
                    let error = parsed.unwrap_err();
                    assert!(
                        error.message.contains(&format!("`{text}`")),
                        "{}",
                        error.message
                    );
                }
            }
        }
    }

    #[test]
    fn defaults_parse() {
        for key in KEYS {
            if let Some(default) = key.default {
                assert!(key.parse(default).is_ok(), "{}", key.name);
            }
        }
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let error = key("verdict.min_meeting").unwrap_err();
        assert_eq!(error.hints, ["did you mean `verdict.min_meetings`?"]);
        let error = key("colour").unwrap_err();
        assert!(
            error.hints[0]
                .to_string()
                .starts_with("the settings are currency"),
            "{:?}",
            error.hints
        );
    }
}
