//! Money as people type it (`45`, `45.50`, `45,50`, `1 200`, `45 €`, `€45`) and as the journal
//! keeps it: an integer number of cents of the journal's one currency.

use std::fmt;
use std::str::FromStr;

use crate::i18n::Lang;

/// An amount of money in minor units (cents). Never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(i64);

/// The largest amount accepted: a thousand billion, far above any fee, and far below overflow.
pub const MAX_CENTS: i64 = 100_000_000_000_000;

/// Why a typed amount was refused. The user's wording is in the message table
/// ([`MoneyError::message`]); `Display` renders it in English, as clap prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Shape(String),
    Negative(String),
    Precision(String),
    TooLarge(String),
    OtherCurrency {
        value: String,
        given: String,
        journal: String,
    },
}

impl MoneyError {
    /// What is wrong, for the user.
    pub fn message(&self) -> crate::messages::Message {
        use crate::messages::{Message, Msg};
        let (key, value) = match self {
            MoneyError::Shape(value) => (Msg::NotAnAmount, value),
            MoneyError::Negative(value) => (Msg::NegativeAmount, value),
            MoneyError::Precision(value) => (Msg::AmountPrecision, value),
            MoneyError::TooLarge(value) => (Msg::AmountTooLarge, value),
            MoneyError::OtherCurrency {
                value,
                given,
                journal,
            } => {
                return Message::new(Msg::OtherCurrency)
                    .with("value", value)
                    .with("given", given)
                    .with("journal", journal);
            }
        };
        Message::new(key).with("value", value)
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub fn cents(self) -> i64 {
        self.0
    }

    /// The amount written for `lang`, in `currency` (an ISO code such as `EUR`):
    /// `€3,200.00` in English, `3 200,00 €` in French.
    pub fn format(self, currency: &str, lang: Lang) -> String {
        format_cents(self.0, currency, lang, true)
    }

    /// Like [`Money::format`], without the cents when they are zero: `€3,200`, `3 200 €`.
    pub fn format_short(self, currency: &str, lang: Lang) -> String {
        format_cents(self.0, currency, lang, self.0 % 100 != 0)
    }
}

fn currency_symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        _ => None,
    }
}

fn format_cents(cents: i64, currency: &str, lang: Lang, with_cents: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let (group, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Fr => (' ', ','),
    };
    let units = cents / 100;
    let mut number = group_thousands(units, group);
    if with_cents {
        number.push(decimal);
        number.push_str(&format!("{:02}", cents % 100));
    }
    match (lang, currency_symbol(currency)) {
        (Lang::En, Some(symbol)) => format!("{sign}{symbol}{number}"),
        (Lang::Fr, Some(symbol)) => format!("{sign}{number} {symbol}"),
        (_, None) => format!("{sign}{number} {currency}"),
    }
}

/// `1234567` with `group` = ',' gives `1,234,567`.
pub fn group_thousands(value: u64, group: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// Spaces people and programs put between thousands: plain, no-break, narrow no-break, thin.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Currency symbols as people type them, with the currencies each may stand for (the first
/// is the one named when the symbol is refused): `$` is the dollar of the United States, of
/// Canada, of Australia…
const SYMBOLS: &[(&str, &[&str])] = &[
    ("US$", &["USD"]),
    ("CA$", &["CAD"]),
    ("A$", &["AUD"]),
    ("Fr.", &["CHF"]),
    ("fr.", &["CHF"]),
    ("€", &["EUR"]),
    ("$", &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]),
    ("£", &["GBP"]),
    ("¥", &["JPY", "CNY"]),
    ("₹", &["INR"]),
    ("zł", &["PLN"]),
    ("kr", &["SEK", "NOK", "DKK"]),
];

/// ISO codes read as currency markers (`45 USD`, `CHF 45`), besides the journal's own: three
/// letters that are not a currency (`12abc`) are no amount.
const CODES: &[&str] = &[
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "SGD", "INR", "SEK",
    "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "ILS", "ZAR", "MAD", "TND", "XOF",
    "XAF", "BRL", "MXN", "KRW",
];

/// An amount as typed, before it is checked against the journal's currency: its number, and
/// the currency mark typed with it (`$45`, `45 CHF`, `45 €`), if any.
///
/// The currency is the journal's (`config set currency`), known once the journal is open: so a
/// command parses an `Amount` at the command line and resolves it with [`Amount::in_currency`],
/// as a typed date is resolved against today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    money: Money,
    /// The code typed (`CHF`), or the symbol (`$`).
    mark: Option<String>,
    typed: String,
}

impl Amount {
    /// The amount, when it was typed without a currency mark (`45`): then it is in the
    /// journal's currency, whichever that is.
    pub fn unmarked(&self) -> Option<Money> {
        self.mark.is_none().then_some(self.money)
    }

    /// The amount, when its mark (if any) is one of `currency` (an ISO code such as `CHF`):
    /// `45`, `45 CHF`, `CHF 45`, `Fr. 45` for CHF. Another currency's mark is refused, both
    /// currencies named: nothing is converted.
    pub fn in_currency(&self, currency: &str) -> Result<Money, MoneyError> {
        let Some(mark) = &self.mark else {
            return Ok(self.money);
        };
        let currency = currency.to_ascii_uppercase();
        let given = match SYMBOLS.iter().find(|(symbol, _)| symbol == mark) {
            Some((_, codes)) if codes.contains(&currency.as_str()) => return Ok(self.money),
            Some((_, codes)) => codes[0].to_string(),
            None if mark.eq_ignore_ascii_case(&currency) => return Ok(self.money),
            None => mark.to_ascii_uppercase(),
        };
        Err(MoneyError::OtherCurrency {
            value: self.typed.clone(),
            given,
            journal: currency,
        })
    }
}

impl FromStr for Amount {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let rest = text.trim_matches(|c: char| c.is_whitespace());
        // A currency mark before or after the number, as people write it.
        let mut mark = None;
        let mut number = rest;
        for (symbol, _) in SYMBOLS {
            if let Some(stripped) = rest
                .strip_prefix(symbol)
                .or_else(|| rest.strip_suffix(symbol))
            {
                mark = Some(symbol.to_string());
                number = stripped;
                break;
            }
        }
        if mark.is_none() {
            let code = |word: &str| {
                (word.len() == 3
                    && word.bytes().all(|b| b.is_ascii_alphabetic())
                    && CODES.contains(&word.to_ascii_uppercase().as_str()))
                .then(|| word.to_ascii_uppercase())
            };
            let (head, tail) = (
                rest.get(..3),
                rest.len().checked_sub(3).and_then(|at| rest.get(at..)),
            );
            if let Some(found) = head.and_then(code) {
                mark = Some(found);
                number = &rest[3..];
            } else if let Some(found) = tail.and_then(code) {
                mark = Some(found);
                number = &rest[..rest.len() - 3];
            }
        }
        let money = parse_number(text, number)?;
        Ok(Amount {
            money,
            mark,
            typed: text.trim().to_string(),
        })
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// An amount in EUR, the default currency (`45`, `45,50 €`); commands read an [`Amount`]
    /// and check it against the journal's currency.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse::<Amount>()?.in_currency("EUR")
    }
}

/// The number of an amount, its currency mark taken off; `text` is what was typed, for the
/// messages.
fn parse_number(text: &str, number: &str) -> Result<Money, MoneyError> {
    {
        let shape = || MoneyError::Shape(text.to_string());
        let rest = number.trim_matches(|c: char| c.is_whitespace());
        if let Some(positive) = rest.strip_prefix('-') {
            if parse_number(positive, positive).is_ok() {
                return Err(MoneyError::Negative(text.to_string()));
            }
            return Err(shape());
        }
        if rest.is_empty() || !rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return Err(shape());
        }
        if !rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))
        {
            return Err(shape());
        }

        // Which of `,` and `.` separates the cents: the last one, when both appear; a lone
        // one followed by one or two digits; never one followed by exactly three digits, which
        // groups thousands (`1,200`, `1.200`).
        let last_comma = rest.rfind(',');
        let last_dot = rest.rfind('.');
        let decimal_at = match (last_comma, last_dot) {
            (Some(c), Some(d)) => Some(c.max(d)),
            (Some(at), None) | (None, Some(at)) => {
                let separator = &rest[at..at + 1];
                let after = rest.len() - at - 1;
                (rest.matches(separator).count() == 1 && after != 3).then_some(at)
            }
            (None, None) => None,
        };
        let (whole, fraction) = match decimal_at {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, ""),
        };
        if !fraction.chars().all(|c| c.is_ascii_digit()) {
            return Err(shape());
        }
        if fraction.len() > 2 {
            return Err(MoneyError::Precision(text.to_string()));
        }
        if decimal_at.is_some() && fraction.is_empty() {
            return Err(shape());
        }

        // The whole part: digits, possibly grouped by threes with one kind of separator.
        let groups: Vec<&str> = whole.split(|c: char| !c.is_ascii_digit()).collect();
        let separators: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
        let one_kind = separators
            .windows(2)
            .all(|w| w[0] == w[1] || (is_group_space(w[0]) && is_group_space(w[1])));
        let well_grouped = groups.len() == 1
            || (one_kind
                && (1..=3).contains(&groups[0].len())
                && groups[1..].iter().all(|g| g.len() == 3));
        if !well_grouped {
            return Err(shape());
        }
        let digits: String = groups.concat();
        let too_large = || MoneyError::TooLarge(text.to_string());
        if digits.len() > 15 {
            return Err(too_large());
        }
        let units: i64 = digits.parse().map_err(|_| shape())?;
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| shape())? * 10,
            _ => fraction.parse::<i64>().map_err(|_| shape())?,
        };
        let total = units
            .checked_mul(100)
            .and_then(|u| u.checked_add(cents))
            .ok_or_else(too_large)?;
        if total > MAX_CENTS {
            return Err(too_large());
        }
        Ok(Money(total))
    }
}

impl fmt::Display for Money {
    /// The plain form accepted back by the parser: `1200.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        let cases = [
            ("45", 4500),
            ("0", 0),
            ("45.50", 4550),
            ("45,50", 4550),
            ("45.5", 4550),
            ("45,5", 4550),
            ("1 200", 120000),
            ("1\u{a0}200", 120000),
            ("1\u{202f}200,50", 120050),
            ("1,200", 120000),
            ("1.200", 120000),
            ("1,200.50", 120050),
            ("1.200,50", 120050),
            ("1,234,567", 123456700),
            ("45 €", 4500),
            ("45€", 4500),
            ("€45", 4500),
            ("€ 45,50", 4550),
            ("45 EUR", 4500),
            (" 600 ", 60000),
            ("3 200,00 €", 320000),
        ];
        for (text, cents) in cases {
            let parsed: Money = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.cents(), cents, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for text in [
            "",
            "€",
            "abc",
            "12abc",
            "4 5",
            "1,2,3",
            "1 20",
            "12,",
            ".5",
            "1.2.3,4,5",
            "1,200 300",
            "45 abc",
            "$",
            "1e3",
            "0x10",
            "١٢",
        ] {
            assert_eq!(
                text.parse::<Money>(),
                Err(MoneyError::Shape(text.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn the_journal_s_currency_is_accepted_by_its_symbol_or_its_code() {
        let cases = [
            ("45", "CHF", 4500),
            ("45 CHF", "CHF", 4500),
            ("CHF 45", "CHF", 4500),
            ("chf45", "CHF", 4500),
            ("Fr. 45,50", "CHF", 4550),
            ("$45", "USD", 4500),
            ("45 USD", "USD", 4500),
            ("US$ 1,200.50", "USD", 120050),
            ("$45", "CAD", 4500),
            ("£12", "GBP", 1200),
            ("12 GBP", "GBP", 1200),
            ("€45", "EUR", 4500),
            ("45 €", "EUR", 4500),
            ("45 eur", "EUR", 4500),
            ("¥500", "JPY", 50000),
        ];
        for (text, currency, cents) in cases {
            let amount: Amount = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                amount.in_currency(currency).map(Money::cents),
                Ok(cents),
                "{text} in {currency}"
            );
        }
    }

    #[test]
    fn only_an_amount_typed_without_a_mark_is_in_any_journal_s_currency() {
        let plain: Amount = "45,50".parse().unwrap();
        assert_eq!(plain.unmarked(), Some(Money::from_cents(4550)));
        for marked in ["45 €", "CHF 45", "$45", "45 eur"] {
            let amount: Amount = marked.parse().unwrap();
            assert_eq!(amount.unmarked(), None, "{marked}");
        }
    }

    #[test]
    fn another_currency_is_refused_with_both_named() {
        let cases = [
            ("45 €", "CHF", "EUR"),
            ("€45", "USD", "EUR"),
            ("$45", "EUR", "USD"),
            ("$45", "CHF", "USD"),
            ("£12", "EUR", "GBP"),
            ("45 USD", "CHF", "USD"),
            ("CHF 45", "EUR", "CHF"),
            ("45 cad", "USD", "CAD"),
        ];
        for (text, journal, given) in cases {
            let amount: Amount = text.parse().unwrap();
            assert_eq!(
                amount.in_currency(journal),
                Err(MoneyError::OtherCurrency {
                    value: text.to_string(),
                    given: given.to_string(),
                    journal: journal.to_string(),
                }),
                "{text} in {journal}"
            );
        }
        let message = "45 €"
            .parse::<Amount>()
            .unwrap()
            .in_currency("CHF")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("`45 €` is in EUR, but this journal keeps its accounts in CHF"),
            "{message}"
        );
        // Negative and malformed amounts are refused whatever their mark.
        assert_eq!(
            "-5 CHF".parse::<Amount>(),
            Err(MoneyError::Negative("-5 CHF".into()))
        );
        assert_eq!(
            "$-5".parse::<Amount>(),
            Err(MoneyError::Negative("$-5".into()))
        );
    }

    #[test]
    fn refuses_negative_precise_and_huge_amounts() {
        assert_eq!(
            "-5".parse::<Money>(),
            Err(MoneyError::Negative("-5".into()))
        );
        assert_eq!(
            "- 5 €".parse::<Money>(),
            Err(MoneyError::Negative("- 5 €".into()))
        );
        assert_eq!(
            "45.5055".parse::<Money>(),
            Err(MoneyError::Precision("45.5055".into()))
        );
        let huge = "99999999999999999999";
        assert_eq!(
            huge.parse::<Money>(),
            Err(MoneyError::TooLarge(huge.into()))
        );
        assert_eq!(
            "1000000000001".parse::<Money>(),
            Err(MoneyError::TooLarge("1000000000001".into()))
        );
        assert!("1000000000000".parse::<Money>().is_ok());
    }

    #[test]
    fn formats_in_each_language() {
        let cases = [
            (320000, Lang::En, "€3,200.00"),
            (320000, Lang::Fr, "3 200,00 €"),
            (4550, Lang::Fr, "45,50 €"),
            (5, Lang::En, "€0.05"),
            (123456789, Lang::Fr, "1 234 567,89 €"),
        ];
        for (cents, lang, expected) in cases {
            assert_eq!(Money::from_cents(cents).format("EUR", lang), expected);
        }
        assert_eq!(
            Money::from_cents(320000).format_short("EUR", Lang::Fr),
            "3 200 €"
        );
        assert_eq!(
            Money::from_cents(4550).format_short("EUR", Lang::En),
            "€45.50"
        );
        assert_eq!(Money::from_cents(4550).format("CHF", Lang::En), "45.50 CHF");
        assert_eq!(Money::from_cents(4550).format("USD", Lang::En), "$45.50");
    }

    #[test]
    fn display_round_trips_through_the_parser() {
        for cents in [0, 5, 50, 4550, 120000, 123456789] {
            let money = Money::from_cents(cents);
            assert_eq!(money.to_string().parse::<Money>().unwrap(), money);
        }
    }
}
