//! The checks of a record's fields, by the rules the commands follow: each value the commands
//! would refuse is refused, naming the record and the field; each value taken is given back as
//! the journal's type (a [`Uuid`], a [`NaiveDate`], a keyword's enum), or, for text, as the
//! journal keeps it (names and trimmed text normalized), so that nothing after the checks reads
//! the file's strings again.

use chrono::{DateTime, NaiveDate};
use foldhash::HashMap;
use std::fmt;
use uuid::Uuid;

use super::Error;
use crate::config;
use crate::domain::money::MAX_CENTS;
use crate::domain::{Name, Text};
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg, Words};

/// What the checks of one table remember from record to record.
#[derive(Default)]
pub struct Checks {
    /// The uuids seen.
    pub seen: Seen,
    /// The names seen (networks, contacts), by their lower case.
    pub names: HashMap<String, usize>,
    /// The fee changes' networks and dates.
    pub dates: HashMap<(Uuid, NaiveDate), usize>,
    /// The running total of the table's amounts.
    pub total: i64,
}

impl Checks {
    /// For a table of `records`.
    pub fn with_capacity(records: u64) -> Checks {
        Checks {
            seen: Seen::with_capacity_and_hasher(records as usize, Default::default()),
            ..Checks::default()
        }
    }
}

/// A record's place in the file, for messages: `meetings[12] (uuid …)`, as `jq` would reach
/// it (counted from 0). The uuid, once read, is shown as the journal spells it.
pub struct Place {
    pub table: &'static str,
    pub index: usize,
    pub uuid: Option<Uuid>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.table, self.index)?;
        if let Some(uuid) = &self.uuid {
            write!(f, " (uuid {uuid})")?;
        }
        Ok(())
    }
}

impl Place {
    pub fn error(&self, message: Message) -> Error {
        Error::Record {
            place: self.to_string(),
            message,
        }
    }

    /// The error `key`, filled with `args`.
    pub fn refuse(&self, key: Msg, args: &[(&'static str, &str)]) -> Error {
        self.error(Message::keyed(key, args))
    }
}

/// The records' uuids seen so far in one table, to refuse a uuid given twice.
pub type Seen = HashMap<u128, usize>;

/// Checks the record's uuid (any spelling of a UUID: the journal keeps it lower case with
/// hyphens) and that the table has it once; returns the record's place.
pub fn place(
    table: &'static str,
    index: usize,
    uuid: &str,
    seen: &mut Seen,
) -> Result<Place, Error> {
    let mut place = Place {
        table,
        index,
        uuid: None,
    };
    let parsed = Uuid::parse_str(uuid.trim())
        .map_err(|_| place.refuse(Msg::RecordNotUuid, &[("value", uuid)]))?;
    place.uuid = Some(parsed);
    if let Some(first) = seen.insert(parsed.as_u128(), index) {
        let other = format!("{table}[{first}]");
        return Err(place.refuse(Msg::RecordSameUuid, &[("other", &other)]));
    }
    Ok(place)
}

/// A reference to another record (the record's `field`), by its uuid in any spelling.
pub fn reference(place: &Place, field: &str, text: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(text.trim())
        .map_err(|_| place.refuse(Msg::RecordRefNotUuid, &[("field", field), ("value", text)]))
}

/// A reference the record may leave out.
pub fn opt_reference(
    place: &Place,
    field: &str,
    text: &Option<String>,
) -> Result<Option<Uuid>, Error> {
    text.as_deref()
        .map(|text| reference(place, field, text))
        .transpose()
}

/// A day, `YYYY-MM-DD` exactly (as the journal stores dates, which is how they sort and
/// compare), within the years a journal keeps.
pub fn date(place: &Place, field: &str, text: &str) -> Result<NaiveDate, Error> {
    let Some(day) = crate::domain::date::read_stored(text) else {
        return Err(place.refuse(Msg::RecordNotDate, &[("field", field), ("value", text)]));
    };
    // A real day, but one no journal keeps (`9999-12-31`): refused as typed dates are.
    if !crate::domain::date::plausible_year(day) {
        return Err(place.refuse(
            Msg::RecordDateOutOfRange,
            &[("field", field), ("value", text)],
        ));
    }
    Ok(day)
}

/// A day the record may leave out.
pub fn opt_date(
    place: &Place,
    field: &str,
    text: &Option<String>,
) -> Result<Option<NaiveDate>, Error> {
    text.as_deref()
        .map(|text| date(place, field, text))
        .transpose()
}

/// The record's stamps, RFC 3339 moments; kept as the file writes them (they are compared and
/// shown as written, never computed with).
pub fn stamps(place: &Place, created_at: &str, updated_at: &str) -> Result<(), Error> {
    for (field, text) in [("created_at", created_at), ("updated_at", updated_at)] {
        if DateTime::parse_from_rfc3339(text).is_err() {
            return Err(place.refuse(Msg::RecordNotMoment, &[("field", field), ("value", text)]));
        }
    }
    Ok(())
}

/// Free text, trimmed as typed text is; an empty one is no text.
pub fn opt_text(place: &Place, field: &str, text: Option<String>) -> Result<Option<String>, Error> {
    let Some(value) = text else {
        return Ok(None);
    };
    if value.trim().is_empty() {
        return Ok(None);
    }
    let checked: Text = value
        .parse()
        .map_err(|error: crate::domain::text::TextError| field_error(place, field, &error))?;
    Ok(Some(checked.into_string()))
}

/// `name: the name is empty…`: a field the journal refused as it would from the command line.
pub fn field_error(place: &Place, field: &str, error: &crate::domain::text::TextError) -> Error {
    place.error(
        Message::new(Msg::RecordField)
            .with("field", field)
            .with("why", error.message()),
    )
}

/// A network's or a contact's name, checked and normalized as `add` does it.
pub fn name(place: &Place, text: &str) -> Result<Name, Error> {
    text.parse()
        .map_err(|error| field_error(place, "name", &error))
}

/// The value of a fixed vocabulary that `text` names exactly (`parse`: its `from_keyword`);
/// `what` and `keywords` say, when it names none, what was expected.
pub fn keyword<T>(
    place: &Place,
    field: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    what: Msg,
    keywords: fn(Lang) -> String,
) -> Result<T, Error> {
    parse(text).ok_or_else(|| {
        place.error(
            Message::new(Msg::RecordNotKeyword)
                .with("field", field)
                .with("value", text)
                .with("what", what)
                .with("keywords", Words::new(keywords)),
        )
    })
}

pub fn range(
    place: &Place,
    field: &str,
    value: Option<i64>,
    min: i64,
    max: i64,
) -> Result<(), Error> {
    match value {
        Some(value) if !(min..=max).contains(&value) => Err(place.refuse(
            Msg::RecordOutOfRange,
            &[
                ("field", field),
                ("value", &value.to_string()),
                ("min", &min.to_string()),
                ("max", &max.to_string()),
            ],
        )),
        _ => Ok(()),
    }
}

/// The largest total of one kind of amount (the meetings' costs, the fees, the won values) an
/// import may bring a journal to, in cents: a thousand billion, as for one amount. A report adds
/// these up, fees over up to two centuries of renewals (2 400 months), and stays far below
/// what a 64-bit number holds (9.2 × 10^18 cents); an import of 93 000 meetings at the largest
/// cost each would not (it printed "Spent -€91,467,440,737,095,516.16").
pub const MAX_TOTAL_CENTS: i64 = MAX_CENTS;

/// The amounts whose totals are capped, by table and field.
pub const AMOUNTS: &[(&str, &str)] = &[
    ("networks", "fee_cents"),
    ("fee_changes", "fee_cents"),
    ("meetings", "cost_cents"),
    ("referrals", "value_cents"),
];

/// `cost_cents: the meetings' costs would add up to more than …`.
pub fn total_too_large(field: &str) -> Message {
    Message::keyed(
        Msg::RecordTotalTooLarge,
        &[("field", field), ("max", "1 000 000 000 000")],
    )
}

/// A running total of one kind of amount in the file, refused at the record that takes it past
/// [`MAX_TOTAL_CENTS`].
pub fn add_up(
    place: &Place,
    field: &str,
    total: &mut i64,
    cents: Option<i64>,
) -> Result<(), Error> {
    *total = total.saturating_add(cents.unwrap_or(0));
    if *total > MAX_TOTAL_CENTS {
        return Err(place.error(total_too_large(field)));
    }
    Ok(())
}

/// An e-mail address or a LinkedIn profile, checked as `add contact` checks it (`parse`), and
/// kept as it would keep it; an empty one is none.
pub fn address(
    place: &Place,
    field: &str,
    value: Option<String>,
    parse: fn(&str) -> Result<String, crate::domain::Invalid>,
) -> Result<Option<String>, Error> {
    let Some(text) = value else {
        return Ok(None);
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(&text).map(Some).map_err(|_| {
        // Message with its control characters escaped (`a@b.fr\nBcc: …`), as they are in the
        // file.
        let shown = text.escape_debug().to_string();
        let key = if field == "email" {
            Msg::NotAnEmail
        } else {
            Msg::NotALinkedin
        };
        let why = Message::keyed(key, &[("value", &shown)]);
        place.error(
            Message::new(Msg::RecordField)
                .with("field", field)
                .with("why", why),
        )
    })
}

/// Names must be unique in a journal: two records of the file with one name are refused.
/// `key` says whose name it is (`RecordNetworkNameTaken`, `RecordContactNameTaken`).
pub fn unique_name(
    place: &Place,
    key: Msg,
    name: &Name,
    names: &mut HashMap<String, usize>,
) -> Result<(), Error> {
    // Unique as netjournal before version 4 kept them: case aside. Two names that differ only
    // by accents or punctuation style could both be recorded then; such a file still imports,
    // the later one under a key of its own (see `Lookup::free_key`).
    if let Some(first) = names.insert(name.as_str().to_lowercase(), place.index) {
        let other = format!("{}[{first}]", place.table);
        return Err(place.refuse(key, &[("name", name.as_str()), ("other", &other)]));
    }
    Ok(())
}

pub fn valid_currency(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// A setting as the journal stores it (amounts in cents), checked by the rules of `config set`.
pub fn setting(key: &str, value: &str) -> Result<(), Error> {
    let place = format!("settings.{key}");
    let error = |message: Message| Error::Record {
        place: place.clone(),
        message,
    };
    if key == "currency" {
        return Err(error(Message::keyed(Msg::RecordCurrencySetting, &[])));
    }
    let known = config::KEYS.iter().find(|k| k.name == key).ok_or_else(|| {
        let names = config::KEYS.iter().map(|k| Arg::from(k.name)).collect();
        error(
            Message::new(Msg::RecordNoSetting)
                .with("key", key)
                .with("names", Arg::Or(names)),
        )
    })?;
    if !known.accepts_stored(value) {
        return Err(error(Message::keyed(
            Msg::RecordBadSetting,
            &[("value", value)],
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uuid_in_any_spelling_is_the_journal_s_uuid() {
        let mut seen = Seen::default();
        let place = place(
            "contacts",
            0,
            " {0000000A-0000-4000-8000-00000000000B}",
            &mut seen,
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            place.to_string(),
            "contacts[0] (uuid 0000000a-0000-4000-8000-00000000000b)"
        );
        let other = reference(&place, "network_uuid", "0000000a00004000800000000000000b")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(Some(other), place.uuid);
        assert!(reference(&place, "network_uuid", "nope").is_err());
    }

    #[test]
    fn dates_are_read_as_the_schema_checks_them() {
        let place = Place {
            table: "meetings",
            index: 0,
            uuid: None,
        };
        for good in ["2024-02-29", "1900-01-01", "2100-12-31", "2023-12-31"] {
            assert!(date(&place, "date", good).is_ok(), "{good}");
        }
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "2024-1-05",
            "24-01-05",
            "2024/01/05",
            "2024-01-05 ",
            " 2024-01-05",
            "+2024-01-05",
            "2024-01-0a",
            "",
            "20240-01-05",
            "0001-01-01",
            "9999-12-31",
            "1899-12-31",
            "2101-01-01",
        ] {
            assert!(date(&place, "date", bad).is_err(), "{bad}");
        }
    }
}
