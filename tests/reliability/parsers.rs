//! Every parser of what a person types, fed generated input (property-based, `proptest`):
//! arbitrary Unicode, strings of the characters the parser looks for, hostile values, and
//! well-formed values in every accepted spelling. None may panic; what one accepts must come
//! back equal through its formatter (Display, or the form the program prints), and a
//! well-formed value must be read as what it says.
//!
//! The random source is seeded (see `support::seed`), so a failure is replayed by the same
//! run; proptest shrinks it to a minimal input first.

use std::cell::Cell;
use std::fmt::Debug;

use chrono::NaiveDate;
use clap::ValueEnum;
use netjournal::domain::address::{parse_email, parse_linkedin};
use netjournal::domain::text::name_key;
use netjournal::domain::{
    DateArg, Direction, FeePeriod, Id, Kind, MeetingFormat, Money, Name, NameOrId, ReferralStatus,
    Text, date::DateError, money::MoneyError,
};
use netjournal::domain::{Minutes, Rating};
use netjournal::i18n::Lang;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseResult, TestRng, TestRunner};

use crate::support::{figure, scale, seed};

/// Runs `cases` generated values of `strategy` through `property`, prints the count.
fn check<S>(name: &str, cases: u32, strategy: S, property: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases: cases * scale(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed().to_le_bytes());
    bytes[8..16].copy_from_slice(&(name.len() as u64).to_le_bytes());
    for (i, b) in name.bytes().enumerate() {
        bytes[16 + i % 16] ^= b;
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let run = Cell::new(0u32);
    let outcome = runner.run(&strategy, |value| {
        run.set(run.get() + 1);
        property(value)
    });
    if let Err(error) = outcome {
        panic!("parser `{name}`: {error}");
    }
    figure(&format!(
        "parsers: {name}: {} generated cases, no panic, every accepted value round-trips",
        run.get()
    ));
}

/// Values that have broken parsers elsewhere, and what people paste by mistake.
pub const HOSTILE: &[&str] = &[
    "",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{202e}evil\u{202c}",
    "\u{200f}",
    "\u{2066}x\u{2069}",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "e\u{301}",
    "👩‍💼",
    "'; DROP TABLE networks; --",
    "\" OR 1=1 --",
    "%s%s%s%n",
    "{}",
    "{0}",
    "\\",
    "$(rm -rf /)",
    "../../etc/passwd",
    "-",
    "--",
    "-1",
    "#",
    "#0",
    "#-1",
    "#99999999999999999999",
    "0",
    "00",
    "-0",
    "1e999",
    "NaN",
    "inf",
    "0x10",
    "٣",
    "２０２４",
    "99999999999999999999999999999999",
    "9999-12-31",
    "1000-01-01",
    "0000-00-00",
    "2024-02-30",
    "31/12/9999",
    "today",
    "TODAY",
    "hier",
    "1 000 000 000 000",
    "1,000,000,000,000.01",
    "€",
    "€€45",
    "45 € €",
    "1h",
    "24h",
    "24h01",
    "1h60min",
    "min",
];

/// Characters that trip text handling: ASCII, two-, three- and four-byte characters, control
/// characters (C0, DEL, C1), line and paragraph separators, right-to-left and zero-width
/// marks, combining accents, a byte-order mark, spaces of every width.
pub const TRICKY: &[char] = &[
    'a',
    'Z',
    '0',
    '9',
    ' ',
    '-',
    '#',
    '\'',
    '%',
    ';',
    'é',
    'ß',
    'İ',
    'Σ',
    '€',
    '٣',
    '中',
    '👩',
    '\u{1F4BC}',
    '\u{0}',
    '\u{7}',
    '\t',
    '\n',
    '\r',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{9c}',
    '\u{2028}',
    '\u{2029}',
    '\u{202e}',
    '\u{200f}',
    '\u{2066}',
    '\u{200b}',
    '\u{200d}',
    '\u{301}',
    '\u{feff}',
    '\u{a0}',
    '\u{202f}',
    '\u{3000}',
    '\u{fffd}',
];

/// Up to `max` characters of [`TRICKY`]: long values that mix multi-byte characters with
/// control characters, where a byte-indexed cut or a "printable" check goes wrong.
pub fn tricky(max: usize) -> impl Strategy<Value = String> {
    from_alphabet(TRICKY, max)
}

/// A string built from `alphabet`, up to `max` characters.
fn from_alphabet(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..=max)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Arbitrary text, hostile values, pieces of hostile values glued together, and strings of
/// `alphabet` (what the parser at hand looks for).
fn hostile(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
    let glued = proptest::collection::vec(proptest::sample::select(HOSTILE), 1..4)
        .prop_map(|parts| parts.concat());
    prop_oneof![
        2 => any::<String>(),
        1 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        1 => glued,
        2 => tricky(300),
        4 => from_alphabet(alphabet, max),
    ]
}

const DATE_CHARS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '9', '-', '/', ' ', '.', 't', 'o', 'd', 'a', 'y', '٣', '\u{a0}',
];
const MONEY_CHARS: &[char] = &[
    '0', '1', '2', '5', '9', ',', '.', ' ', '\u{a0}', '\u{202f}', '\u{2009}', '€', 'E', 'U', 'R',
    '-', '+', 'e',
];
const DIGITS_AND_HOURS: &[char] = &['0', '1', '2', '4', '5', '9', 'h', 'm', 'i', 'n', ' ', '-'];
const NAME_CHARS: &[char] = &[
    'a', 'Z', 'é', 'É', 'ß', 'İ', ' ', '\u{a0}', '\t', '\n', '\u{7}', '\u{202e}', '\u{200b}', '#',
    '1', '\'', ';', '%', 'ﬃ', 'Σ', 'ς',
];
const ID_CHARS: &[char] = &['#', '0', '1', '7', '9', ' ', '-', '+', 'x'];
const EMAIL_CHARS: &[char] = &['a', '@', '.', ' ', '-', 'é', '\u{7}', '1', '+'];
const URL_CHARS: &[char] = &[
    'h', 't', 'p', 's', ':', '/', '.', 'l', 'i', 'n', 'k', 'e', 'd', 'c', 'o', 'm', 'w', ' ', 'I',
];

/// A well-formed date in one of the accepted spellings, and the day it names (or `None` when
/// the calendar has no such day).
fn spelled_date() -> impl Strategy<Value = (String, Option<NaiveDate>)> {
    (1900i32..=2100, 1u32..=12, 1u32..=31, 0u8..6).prop_map(|(y, m, d, form)| {
        let text = match form {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y}-{m}-{d}"),
            2 => format!("{d:02}/{m:02}/{y}"),
            3 => format!("{d}/{m}/{y}"),
            4 => format!("  {y:04}-{m:02}-{d:02}\t"),
            _ => format!("{d}/{m:02}/{y}"),
        };
        (text, NaiveDate::from_ymd_opt(y, m, d))
    })
}

#[test]
fn dates_never_panic_and_round_trip() {
    let today = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap();
    check("date (hostile)", 2000, hostile(DATE_CHARS, 14), |text| {
        if let Ok(date) = text.parse::<DateArg>() {
            prop_assert_eq!(date.to_string().parse::<DateArg>(), Ok(date));
            prop_assert!(date.resolve(today) <= date.resolve_end(today));
        }
        Ok(())
    });
    check("date (well-formed)", 1500, spelled_date(), |(text, day)| {
        let parsed = text.parse::<DateArg>();
        match day {
            Some(day) => {
                prop_assert_eq!(parsed, Ok(DateArg::Day(day)));
                prop_assert_eq!(DateArg::Day(day).to_string().parse(), Ok(DateArg::Day(day)));
            }
            None => prop_assert_eq!(parsed, Err(DateError::NoSuchDay(text.clone()))),
        }
        Ok(())
    });
    // Months and relative days, resolved against any day a clock may give.
    let month = (1900i32..=2100, 1u32..=12, any::<bool>());
    let days = (-300_000i32..3_000_000).prop_map(NaiveDate::from_num_days_from_ce_opt);
    check(
        "date (months, today)",
        500,
        (month, days),
        |((y, m, slash), today)| {
            let text = if slash {
                format!("{m}/{y}")
            } else {
                format!("{y}-{m:02}")
            };
            let parsed = text.parse::<DateArg>();
            prop_assert_eq!(parsed, Ok(DateArg::Month { year: y, month: m }));
            if let Some(today) = today {
                for arg in [
                    DateArg::Today,
                    DateArg::Yesterday,
                    DateArg::Month { year: y, month: m },
                ] {
                    prop_assert!(arg.resolve(today) <= arg.resolve_end(today));
                    prop_assert_eq!(arg.to_string().parse::<DateArg>(), Ok(arg));
                }
            }
            Ok(())
        },
    );
    // Four-digit years outside 1900–2100 are refused as such, whatever the day.
    let far = prop_oneof![1000i32..1900, 2101i32..=9999];
    check(
        "date (out of range)",
        500,
        (far, 1u32..=12, 1u32..=28, any::<bool>()),
        |(y, m, d, slash)| {
            let text = if slash {
                format!("{d}/{m}/{y}")
            } else {
                format!("{y}-{m:02}-{d:02}")
            };
            prop_assert_eq!(
                text.parse::<DateArg>(),
                Err(DateError::OutOfRange(text.clone()))
            );
            Ok(())
        },
    );
}

/// The largest amount a journal accepts, in cents (a thousand billion).
const MAX_CENTS: i64 = 100_000_000_000_000;

#[test]
fn amounts_never_panic_and_round_trip() {
    check("amount (hostile)", 2500, hostile(MONEY_CHARS, 24), |text| {
        if let Ok(money) = text.parse::<Money>() {
            prop_assert!((0..=MAX_CENTS).contains(&money.cents()));
            prop_assert_eq!(money.to_string().parse::<Money>(), Ok(money));
        }
        Ok(())
    });
    let cents = prop_oneof![0i64..100_000, 0i64..=MAX_CENTS];
    check(
        "amount (every spelling)",
        1500,
        (cents, 0u8..8),
        |(cents, form)| {
            let money = Money::from_cents(cents);
            // What the program prints, in each language, full and short, reads back as typed.
            for lang in [Lang::En, Lang::Fr] {
                prop_assert_eq!(money.format("EUR", lang).parse::<Money>(), Ok(money));
                prop_assert_eq!(money.format_short("EUR", lang).parse::<Money>(), Ok(money));
                // In any journal's currency, read back in that currency.
                for currency in ["USD", "GBP", "CHF"] {
                    let shown = money.format(currency, lang);
                    let amount = shown.parse::<netjournal::domain::Amount>();
                    prop_assert_eq!(
                        amount.and_then(|a| a.in_currency(currency)),
                        Ok(money),
                        "{}",
                        shown
                    );
                }
            }
            prop_assert_eq!(money.to_string().parse::<Money>(), Ok(money));
            let (units, rest) = (cents / 100, cents % 100);
            let text = match form {
                0 => format!("{units}.{rest:02}"),
                1 => format!("{units},{rest:02}"),
                2 => format!("{units},{rest:02} €"),
                3 => format!("€{units}.{rest:02}"),
                4 => format!("{units}.{rest:02} EUR"),
                5 => format!(
                    "{},{rest:02}",
                    netjournal::domain::money::group_thousands(units as u64, '\u{202f}')
                ),
                6 => format!(
                    "{}.{rest:02}",
                    netjournal::domain::money::group_thousands(units as u64, ',')
                ),
                _ => format!(" {units}.{rest:02}\u{a0}€ "),
            };
            prop_assert_eq!(text.parse::<Money>(), Ok(money), "{}", text);
            Ok(())
        },
    );
    check("amount (negative)", 300, 1i64..=MAX_CENTS, |cents| {
        let text = format!("-{}", Money::from_cents(cents));
        prop_assert_eq!(
            text.parse::<Money>(),
            Err(MoneyError::Negative(text.clone()))
        );
        Ok(())
    });
}

#[test]
fn names_and_texts_never_panic_and_round_trip() {
    let long = (190usize..12_000).prop_map(|n| "é".repeat(n));
    let names = prop_oneof![4 => hostile(NAME_CHARS, 30), 1 => long];
    check("name", 1500, names.clone(), |text| {
        if let Ok(name) = text.parse::<Name>() {
            prop_assert!(name.as_str().chars().count() <= 200);
            prop_assert_eq!(name.to_string().parse::<Name>(), Ok(name.clone()));
            prop_assert_eq!(name_key(&name.key()), name.key());
            prop_assert!(!name.as_str().chars().any(char::is_control));
        }
        Ok(())
    });
    check("text", 1000, names.clone(), |text| {
        if let Ok(parsed) = text.parse::<Text>() {
            prop_assert!(!parsed.as_str().is_empty());
            prop_assert_eq!(parsed.to_string().parse::<Text>(), Ok(parsed.clone()));
        }
        Ok(())
    });
    let or_ids = prop_oneof![3 => names, 2 => hostile(ID_CHARS, 22)];
    check("name or row number", 1500, or_ids, |text| {
        if let Ok(parsed) = text.parse::<NameOrId>() {
            prop_assert!(parsed.name().is_some() || parsed.id().is_some());
            prop_assert_eq!(parsed.to_string().parse::<NameOrId>(), Ok(parsed.clone()));
        }
        Ok(())
    });
}

#[test]
fn row_numbers_ratings_and_minutes_never_panic_and_round_trip() {
    check("row number", 1000, hostile(ID_CHARS, 22), |text| {
        if let Ok(id) = text.parse::<Id>() {
            prop_assert!(id.get() > 0);
            prop_assert_eq!(id.to_string().parse::<Id>(), Ok(id));
            prop_assert_eq!(id.get().to_string().parse::<Id>(), Ok(id));
        }
        Ok(())
    });
    check("rating", 800, hostile(DIGITS_AND_HOURS, 5), |text| {
        if let Ok(rating) = text.parse::<Rating>() {
            prop_assert!((1..=5).contains(&rating.get()));
            prop_assert_eq!(rating.get().to_string().parse::<Rating>(), Ok(rating));
        }
        Ok(())
    });
    check(
        "minutes (hostile)",
        1500,
        hostile(DIGITS_AND_HOURS, 9),
        |text| {
            if let Ok(minutes) = text.parse::<Minutes>() {
                prop_assert!(minutes.get() <= 1440);
                let back = minutes.get().to_string().parse::<Minutes>();
                prop_assert_eq!(back, Ok(minutes));
            }
            Ok(())
        },
    );
    check(
        "minutes (1h30)",
        500,
        (0u32..30, 0u32..70, any::<bool>()),
        |(h, m, unit)| {
            let text = if unit {
                format!("{h}h{m}min")
            } else {
                format!("{h}h{m:02}")
            };
            let parsed = text.parse::<Minutes>().map(|m| m.get());
            if m < 60 && h * 60 + m <= 1440 {
                prop_assert_eq!(parsed, Ok(h * 60 + m));
            } else {
                prop_assert!(parsed.is_err());
            }
            Ok(())
        },
    );
}

/// One vocabulary: typed in any case, as its keyword or an alias, or as anything else.
fn vocabulary<E>(name: &str, cases: u32)
where
    E: ValueEnum + Copy + Debug + PartialEq + 'static,
{
    let words: Vec<String> = E::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .flat_map(|pv| {
            pv.get_name_and_aliases()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let spelled = (proptest::sample::select(words), any::<u64>()).prop_map(|(word, mask)| {
        // The word with some letters in upper case.
        word.chars()
            .enumerate()
            .map(|(i, c)| {
                if mask >> (i % 64) & 1 == 1 {
                    c.to_uppercase().collect::<String>()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
    });
    let strategy = prop_oneof![1 => hostile(NAME_CHARS, 12), 1 => spelled];
    check(name, cases, strategy, |text| {
        if let Ok(value) = E::from_str(&text, true) {
            let shown = value.to_possible_value().expect("a visible value");
            prop_assert_eq!(E::from_str(shown.get_name(), false), Ok(value));
        }
        Ok(())
    });
}

#[test]
fn vocabularies_never_panic_and_round_trip() {
    vocabulary::<Kind>("kind", 500);
    vocabulary::<MeetingFormat>("meeting format", 500);
    vocabulary::<FeePeriod>("fee period", 200);
    vocabulary::<Direction>("referral direction", 200);
    vocabulary::<ReferralStatus>("referral status", 200);
    vocabulary::<Lang>("language", 200);
    // What the journal stores and prints (Display) is the keyword typed on the command line.
    fn same<E: ValueEnum + std::fmt::Display>(all: &[E]) {
        for value in all {
            let typed = value.to_possible_value().expect("a visible value");
            assert_eq!(value.to_string(), typed.get_name());
        }
    }
    same(Kind::ALL);
    same(MeetingFormat::ALL);
    same(FeePeriod::ALL);
    same(Direction::ALL);
    same(ReferralStatus::ALL);
    // The words typed in either language, whatever the input, never panic, and a word read
    // stands for a value whose keyword and French label read back to it.
    fn words<E: netjournal::domain::vocab::Vocabulary + Debug + PartialEq>(name: &str) {
        check(name, 300, hostile(NAME_CHARS, 16), |text| {
            if let Ok(value) = E::parse_word(&text) {
                prop_assert_eq!(E::parse_word(value.keyword()), Ok(value));
                prop_assert_eq!(E::parse_word(value.label_in(Lang::Fr)), Ok(value));
            }
            Ok(())
        });
    }
    words::<Kind>("kind (either language)");
    words::<MeetingFormat>("meeting format (either language)");
    words::<ReferralStatus>("referral status (either language)");
}

#[test]
fn addresses_settings_and_the_clock_never_panic() {
    check("e-mail address", 800, hostile(EMAIL_CHARS, 20), |text| {
        if let Ok(email) = parse_email(&text) {
            prop_assert_eq!(parse_email(&email), Ok(email.clone()));
        }
        Ok(())
    });
    let urls = prop_oneof![
        hostile(URL_CHARS, 40),
        "(https?://)?([a-z]{0,4}\\.)?[lL]inked[iI]n\\.com(/[a-z]{0,6}){0,3}",
    ];
    check("LinkedIn profile", 800, urls, |text| {
        if let Ok(url) = parse_linkedin(&text) {
            prop_assert!(url.starts_with("https://"));
            prop_assert_eq!(parse_linkedin(&url), Ok(url.clone()));
        }
        Ok(())
    });
    let keys = proptest::sample::select(netjournal::config::KEYS);
    let values = prop_oneof![hostile(MONEY_CHARS, 16), "[0-9]{0,4}([.,][0-9]{0,3})?%?"];
    check("setting value", 1000, (keys, values), |(key, text)| {
        if let Ok(stored) = key.parse(&text) {
            // What is stored, typed again as `config list` shows it in either language, is
            // stored the same.
            for lang in [Lang::En, Lang::Fr] {
                let shown = key.display(&stored, lang);
                prop_assert_eq!(key.parse(&shown).ok(), Some(stored.clone()), "{}", shown);
            }
        }
        Ok(())
    });
    let moments = prop_oneof![
        hostile(DATE_CHARS, 30),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}([+-][0-9]{2}:[0-9]{2}|Z))?",
    ];
    check("NETJOURNAL_NOW", 300, moments, |text| {
        if let Ok(now) = netjournal::context::parse_now(&text) {
            let again = netjournal::context::parse_now(&now.to_rfc3339());
            prop_assert_eq!(again.ok(), Some(now));
        }
        let _ = Lang::from_locale(&text);
        Ok(())
    });
}
