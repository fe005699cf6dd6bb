//! Reading an export back into a journal: [`read`] checks the whole file before the journal is
//! touched, [`merge`] brings its rows in, inside the caller's transaction.
//!
//! The merge goes by uuid, so that importing the same file twice changes nothing:
//! - a row whose uuid the journal lacks is added, with its uuid and stamps;
//! - a row the journal has, with the same content, is already there;
//! - a row the journal has with a different content is a conflict: the journal's is kept, and
//!   the difference reported (there is no common ancestor to tell which side changed);
//! - a network or contact the journal lacks by uuid but whose name (compared as names are, case
//!   aside) is taken is taken for that same network or person, created on each side apart: the
//!   journal's is kept, the file's rows that refer to it are attached to the journal's, and
//!   this is reported as a conflict.
//!
//! Any error, in a record or in the journal, is returned with the record named, and the
//! caller's transaction rolls back: nothing is imported.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use std::fmt;

use chrono::{DateTime, NaiveDate};
use indicatif::ProgressBar;
use rusqlite::types::Value;
use rusqlite::{CachedStatement, Connection, OptionalExtension, params};
use serde::Deserialize;

use super::{
    ContactRecord, FORMAT, FORMAT_VERSION, FeeChangeRecord, MeetingRecord, MergedContactRecord,
    NetworkRecord, NoteRecord, OLDEST_FORMAT_VERSION, ReferralRecord,
};
use crate::config::{self, ValueType};
use crate::db::{self, settings};
use crate::domain::address::{parse_email, parse_linkedin};
use crate::domain::{
    Direction, FeePeriod, Kind, MeetingFormat, Name, ReferralStatus, Severity, Text,
};
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg, Words};

/// An export, read and checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub format_version: i64,
    pub schema_version: Option<i64>,
    pub exported_at: Option<String>,
    pub currency: String,
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    #[serde(default)]
    pub networks: Vec<NetworkRecord>,
    /// Absent from a version 1 file.
    #[serde(default)]
    pub fee_changes: Vec<FeeChangeRecord>,
    #[serde(default)]
    pub contacts: Vec<ContactRecord>,
    #[serde(default)]
    pub meetings: Vec<MeetingRecord>,
    #[serde(default)]
    pub referrals: Vec<ReferralRecord>,
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
    /// Absent from a file of version 1 or 2.
    #[serde(default)]
    pub merged_contacts: Vec<MergedContactRecord>,
}

impl Document {
    /// How many rows the document holds: what the progress bar counts to.
    pub fn rows(&self) -> u64 {
        (self.networks.len()
            + self.fee_changes.len()
            + self.contacts.len()
            + self.meetings.len()
            + self.referrals.len()
            + self.notes.len()) as u64
    }
}

/// Why a file could not be imported. Every kind but [`Error::Db`] is the file's fault (bad
/// input); the messages name the place in the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Not JSON, or JSON of the wrong shape: where, as `LINE:COLUMN`, and what.
    #[error("{line}:{column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: Message,
    },
    /// Not an export, and why (said in both languages).
    #[error("not a netjournal export: {0}")]
    NotAnExport(Message),
    #[error(
        "written by a newer netjournal (export format version {0}; this program reads version \
         {FORMAT_VERSION})"
    )]
    TooNew(i64),
    /// The version the file gives (as written in it), or none.
    #[error(
        "export format version {} is unknown: expected {FORMAT_VERSION}",
        .0.as_deref().unwrap_or("(none)")
    )]
    UnknownVersion(Option<String>),
    /// A record with a bad field, or a reference to nothing.
    #[error("{place}: {message}")]
    Record { place: String, message: Message },
    #[error(
        "its amounts are in {file} and the journal's in {journal}: amounts are never converted"
    )]
    Currency { file: String, journal: String },
    #[error(transparent)]
    Db(#[from] db::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        Error::Db(error.into())
    }
}

impl Error {
    /// The message in both languages, without the file (which the command names): the
    /// `LINE:COLUMN` of a syntax error and the record path (`meetings[3] (uuid …)`) stay as
    /// they are in every language.
    pub fn message(&self) -> Message {
        match self {
            Error::Syntax {
                line,
                column,
                message,
            } => Message::new(Msg::AtPlace)
                .with("place", format!("{line}:{column}"))
                .with("what", message),
            Error::NotAnExport(why) => Message::new(Msg::NotAnExport).with("why", why),
            // Said with the file's name by the command (`ImportTooNew`).
            Error::TooNew(found) => Message::new(Msg::ImportTooNew)
                .with("path", "")
                .with("found", found.to_string())
                .with("known", FORMAT_VERSION.to_string()),
            Error::UnknownVersion(found) => Message::new(Msg::UnknownFormatVersion)
                .with(
                    "found",
                    match found {
                        Some(found) => Arg::from(found),
                        None => Arg::from(Msg::NoVersion),
                    },
                )
                .with("known", FORMAT_VERSION.to_string()),
            Error::Record { place, message } => Message::new(Msg::AtPath)
                .with("path", place)
                .with("what", message),
            Error::Currency { file, journal } => {
                Message::keyed(Msg::ImportCurrency, &[("file", file), ("journal", journal)])
            }
            Error::Db(error) => error.message(),
        }
    }
}

/// `message at line 3 column 14` without its position, which is given apart.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// What serde_json found wrong, in `lang`: its own words in English; in French, the common
/// complaints said again, the rare ones as serde_json words them.
/// serde_json's reason, `message`, as it says it in English, and in French in our words.
fn json_reason(error: &serde_json::Error, message: &str) -> Message {
    let eof = error.classify() == serde_json::error::Category::Eof;
    let message = message.to_string();
    Message::new(Msg::JsonSays).with(
        "reason",
        Words::new(move |lang| json_reason_in(eof, &message, lang)),
    )
}

fn json_reason_in(eof: bool, message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    if eof {
        return lang.say(Msg::JsonEof, &[]);
    }
    let both = |rest: &str| -> Option<(String, String)> {
        let (found, expected) = rest.split_once(", expected ")?;
        Some((found.to_string(), expected.replace(" or ", " ou ")))
    };
    if let Some(field) = message.strip_prefix("missing field ") {
        return lang.say(Msg::JsonMissingField, &[("field", field)]);
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match rest.split_once(", expected one of ") {
            Some((field, fields)) => lang.say(
                Msg::JsonUnknownFieldExpected,
                &[("field", field), ("fields", fields)],
            ),
            None => {
                let field = rest.split(", ").next().unwrap_or(rest);
                lang.say(Msg::JsonUnknownField, &[("field", field)])
            }
        };
    }
    if let Some((found, expected)) = message.strip_prefix("invalid type: ").and_then(both) {
        return lang.say(
            Msg::JsonInvalidType,
            &[("found", &found), ("expected", &expected)],
        );
    }
    if let Some((found, expected)) = message.strip_prefix("invalid value: ").and_then(both) {
        return lang.say(
            Msg::JsonInvalidValue,
            &[("found", &found), ("expected", &expected)],
        );
    }
    match message {
        "expected value" => lang.say(Msg::JsonExpectedValue, &[]),
        "trailing characters" => lang.say(Msg::JsonTrailing, &[]),
        "key must be a string" => lang.say(Msg::JsonKeyString, &[]),
        _ => match message.strip_prefix("expected ") {
            Some(what) => lang.say(
                Msg::JsonExpected,
                &[("what", &what.replace(" or ", " ou "))],
            ),
            None => message.to_string(),
        },
    }
}

fn syntax(error: &serde_json::Error, path: Option<String>) -> Error {
    let message = without_position(error);
    let path = path.filter(|path| !path.is_empty() && path != ".");
    Error::Syntax {
        line: error.line(),
        column: error.column(),
        message: {
            let reason = json_reason(error, &message);
            match path {
                Some(path) => Message::new(Msg::AtPath)
                    .with("path", path)
                    .with("what", reason),
                None => reason,
            }
        },
    }
}

/// What is read first: whether the file says it is an export, and of which version.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Reads and checks an export: JSON syntax, the header, then every record's fields. The
/// references between records are checked by [`merge`], which also looks in the journal.
pub fn read(bytes: &[u8]) -> Result<Document, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A well-formed export of this version, the common case, is parsed once. Any other file is
    // read again below, the slower ways that tell what is wrong with it and where (the header
    // first, then the path to the bad value): the same error as if it had been read that way
    // from the start.
    if let Ok(text) = std::str::from_utf8(bytes)
        && let Ok(mut document) = serde_json::from_str::<Document>(text)
        && document.format == FORMAT
        && (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&document.format_version)
    {
        check(&mut document)?;
        return Ok(document);
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        // Say what is wrong with the JSON first, if anything; else what it is instead.
        serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(|e| syntax(&e, None))?;
        let what = match first {
            Some(b'[') => Message::keyed(Msg::ExportHoldsList, &[]),
            _ => Message::keyed(Msg::ExportNotObject, &[("format", FORMAT)]),
        };
        return Err(Error::NotAnExport(what));
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| syntax(&e, None))?;
    match &header.format {
        Some(serde_json::Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(Error::NotAnExport(Message::keyed(
                Msg::ExportFormatIs,
                &[("found", &other.to_string()), ("format", FORMAT)],
            )));
        }
        None => {
            return Err(Error::NotAnExport(Message::keyed(
                Msg::ExportNoFormat,
                &[("format", FORMAT)],
            )));
        }
    }
    match header.format_version.as_ref().and_then(|v| v.as_i64()) {
        Some(version) if (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) => {}
        Some(version) if version > FORMAT_VERSION => return Err(Error::TooNew(version)),
        _ => {
            let found = header.format_version.map(|v| v.to_string());
            return Err(Error::UnknownVersion(found));
        }
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut document: Document = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| syntax(e.inner(), Some(e.path().to_string())))?;
    check(&mut document)?;
    Ok(document)
}

/// A record's place in the file, for messages: `meetings[12] (uuid …)`, as `jq` would reach
/// it (counted from 0).
struct Place<'a> {
    table: &'static str,
    index: usize,
    uuid: Option<&'a str>,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.table, self.index)?;
        if let Some(uuid) = &self.uuid {
            write!(f, " (uuid {uuid})")?;
        }
        Ok(())
    }
}

impl Place<'_> {
    fn error(&self, message: Message) -> Error {
        Error::Record {
            place: self.to_string(),
            message,
        }
    }

    /// The error `key`, filled with `args`.
    fn refuse(&self, key: Msg, args: &[(&'static str, &str)]) -> Error {
        self.error(Message::keyed(key, args))
    }
}

/// The records' uuids seen so far in one table, to refuse a uuid given twice.
type Seen = HashMap<u128, usize>;

/// Writes `text` in the journal's spelling of the uuid `parsed` (lower case with hyphens),
/// unless it is written so already, as it is in an export.
fn respell(text: &mut String, parsed: uuid::Uuid) {
    let mut buffer = uuid::Uuid::encode_buffer();
    let spelled = parsed.hyphenated().encode_lower(&mut buffer);
    if text != spelled {
        *text = spelled.to_string();
    }
}

/// Checks the record's uuid (any spelling of a UUID, kept in the journal's: lower case with
/// hyphens) and that the table has it once; returns the record's place.
fn place<'a>(
    table: &'static str,
    index: usize,
    uuid: &'a mut String,
    seen: &mut Seen,
) -> Result<Place<'a>, Error> {
    let mut place = Place {
        table,
        index,
        uuid: None,
    };
    let parsed = uuid::Uuid::parse_str(uuid.trim())
        .map_err(|_| place.refuse(Msg::RecordNotUuid, &[("value", uuid)]))?;
    respell(uuid, parsed);
    place.uuid = Some(uuid);
    if let Some(first) = seen.insert(parsed.as_u128(), index) {
        let other = format!("{table}[{first}]");
        return Err(place.refuse(Msg::RecordSameUuid, &[("other", &other)]));
    }
    Ok(place)
}

/// A reference to another record, in the journal's spelling of a uuid.
fn reference(place: &Place, field: &str, uuid: &mut Option<String>) -> Result<(), Error> {
    if let Some(text) = uuid {
        let parsed = uuid::Uuid::parse_str(text.trim()).map_err(|_| {
            place.refuse(Msg::RecordRefNotUuid, &[("field", field), ("value", text)])
        })?;
        respell(text, parsed);
    }
    Ok(())
}

fn date(place: &Place, field: &str, text: &str) -> Result<(), Error> {
    // Stored as `YYYY-MM-DD` exactly, which is how dates sort and compare. Read by hand: a
    // journal's worth of dates through a format string would be a good part of an import.
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let valid = match text.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
            match (number(y), number(&[*m1, *m2]), number(&[*d1, *d2])) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d).is_some(),
                _ => false,
            }
        }
        _ => false,
    };
    if !valid {
        return Err(place.refuse(Msg::RecordNotDate, &[("field", field), ("value", text)]));
    }
    // A real day, but one no journal keeps (`9999-12-31`): refused as typed dates are.
    let year = text[..4].parse::<i32>().unwrap_or(0);
    if !crate::domain::date::YEARS.contains(&year) {
        return Err(place.refuse(
            Msg::RecordDateOutOfRange,
            &[("field", field), ("value", text)],
        ));
    }
    Ok(())
}

fn opt_date(place: &Place, field: &str, text: &Option<String>) -> Result<(), Error> {
    text.as_deref()
        .map_or(Ok(()), |text| date(place, field, text))
}

fn stamps(place: &Place, created_at: &str, updated_at: &str) -> Result<(), Error> {
    for (field, text) in [("created_at", created_at), ("updated_at", updated_at)] {
        if DateTime::parse_from_rfc3339(text).is_err() {
            return Err(place.refuse(Msg::RecordNotMoment, &[("field", field), ("value", text)]));
        }
    }
    Ok(())
}

/// Free text, trimmed as typed text is; an empty one is no text.
fn opt_text(place: &Place, field: &str, text: &mut Option<String>) -> Result<(), Error> {
    if let Some(value) = text {
        if value.trim().is_empty() {
            *text = None;
        } else {
            let checked: Text =
                value
                    .parse()
                    .map_err(|error: crate::domain::text::TextError| {
                        field_error(place, field, &error)
                    })?;
            *value = checked.into_string();
        }
    }
    Ok(())
}

/// `name: the name is empty…`: a field the journal refused as it would from the command line.
fn field_error(place: &Place, field: &str, error: &crate::domain::text::TextError) -> Error {
    place.error(
        Message::new(Msg::RecordField)
            .with("field", field)
            .with("why", error.message()),
    )
}

fn name(place: &Place, text: &mut String) -> Result<Name, Error> {
    let name: Name = text
        .parse()
        .map_err(|error| field_error(place, "name", &error))?;
    *text = name.as_str().to_string();
    Ok(name)
}

fn keyword<T>(
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

fn range(place: &Place, field: &str, value: Option<i64>, min: i64, max: i64) -> Result<(), Error> {
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

/// The largest amount of money the journal accepts, in cents.
const MAX_CENTS: i64 = 100_000_000_000_000;

/// The largest total of one kind of amount (the meetings' costs, the fees, the won values) an
/// import may bring a journal to, in cents: a thousand billion, as for one amount. A report adds
/// these up, fees over up to two centuries of renewals (2 400 months), and stays far below
/// what a 64-bit number holds (9.2 × 10^18 cents); an import of 93 000 meetings at the largest
/// cost each would not (it printed "Spent -€91,467,440,737,095,516.16").
const MAX_TOTAL_CENTS: i64 = MAX_CENTS;

/// The amounts whose totals are capped, by table and field.
const AMOUNTS: &[(&str, &str)] = &[
    ("networks", "fee_cents"),
    ("fee_changes", "fee_cents"),
    ("meetings", "cost_cents"),
    ("referrals", "value_cents"),
];

/// `cost_cents: the meetings' costs would add up to more than …`.
fn total_too_large(field: &str) -> Message {
    Message::keyed(
        Msg::RecordTotalTooLarge,
        &[("field", field), ("max", "1 000 000 000 000")],
    )
}

/// A running total of one kind of amount in the file, refused at the record that takes it past
/// [`MAX_TOTAL_CENTS`].
fn add_up(place: &Place, field: &str, total: &mut i64, cents: Option<i64>) -> Result<(), Error> {
    *total = total.saturating_add(cents.unwrap_or(0));
    if *total > MAX_TOTAL_CENTS {
        return Err(place.error(total_too_large(field)));
    }
    Ok(())
}

/// An e-mail address or a LinkedIn profile, checked as `add contact` checks it (`parse`), and
/// kept as it would keep it; an empty one is none.
fn address(
    place: &Place,
    field: &str,
    value: &mut Option<String>,
    parse: fn(&str) -> Result<String, crate::domain::Invalid>,
) -> Result<(), Error> {
    let Some(text) = value else {
        return Ok(());
    };
    if text.trim().is_empty() {
        *value = None;
        return Ok(());
    }
    match parse(text) {
        Ok(parsed) => {
            *text = parsed;
            Ok(())
        }
        Err(_) => {
            // Message with its control characters escaped (`a@b.fr\nBcc: …`), as they are in the
            // file.
            let shown = text.escape_debug().to_string();
            let key = if field == "email" {
                Msg::NotAnEmail
            } else {
                Msg::NotALinkedin
            };
            let why = Message::keyed(key, &[("value", &shown)]);
            Err(place.error(
                Message::new(Msg::RecordField)
                    .with("field", field)
                    .with("why", why),
            ))
        }
    }
}

/// Names must be unique in a journal: two records of the file with one name are refused.
/// `key` says whose name it is (`RecordNetworkNameTaken`, `RecordContactNameTaken`).
fn unique_name(
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

/// Checks every record's fields, and normalizes what the journal stores normalized (uuids,
/// names, trimmed text).
fn check(document: &mut Document) -> Result<(), Error> {
    if !valid_currency(&document.currency) {
        return Err(Error::Record {
            place: "currency".into(),
            message: Message::keyed(Msg::RecordNotCurrency, &[("value", &document.currency)]),
        });
    }
    for (key, value) in &document.settings {
        check_setting(key, value)?;
    }

    let mut seen = Seen::new();
    let mut names = HashMap::new();
    let mut fees = 0;
    for (index, record) in document.networks.iter_mut().enumerate() {
        let place = place("networks", index, &mut record.uuid, &mut seen)?;
        let name = name(&place, &mut record.name)?;
        unique_name(&place, Msg::RecordNetworkNameTaken, &name, &mut names)?;
        keyword(
            &place,
            "kind",
            &record.kind,
            Kind::from_keyword,
            Msg::AKindOfNetwork,
            Kind::keywords_in,
        )?;
        opt_date(&place, "joined_on", &record.joined_on)?;
        opt_date(&place, "left_on", &record.left_on)?;
        if let (Some(joined), Some(left)) = (&record.joined_on, &record.left_on)
            && left < joined
        {
            return Err(place.refuse(
                Msg::RecordLeftBeforeJoined,
                &[("left", left), ("joined", joined)],
            ));
        }
        for (field, text) in [
            ("exit_reason", &mut record.exit_reason),
            ("invited_by", &mut record.invited_by),
            ("rules", &mut record.rules),
            ("notes", &mut record.notes),
        ] {
            opt_text(&place, field, text)?;
        }
        range(&place, "fee_cents", record.fee_cents, 0, MAX_CENTS)?;
        add_up(&place, "fee_cents", &mut fees, record.fee_cents)?;
        if let Some(period) = &record.fee_period {
            keyword(
                &place,
                "fee_period",
                period,
                FeePeriod::from_keyword,
                Msg::AFeePeriod,
                FeePeriod::keywords_in,
            )?;
        }
        if record.fee_cents.is_some() != record.fee_period.is_some() {
            return Err(place.refuse(Msg::RecordFeeTogether, &[]));
        }
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    let mut dates: HashMap<(String, String), usize> = HashMap::new();
    let mut changes = 0;
    for (index, record) in document.fee_changes.iter_mut().enumerate() {
        let place = place("fee_changes", index, &mut record.uuid, &mut seen)?;
        let mut network = Some(std::mem::take(&mut record.network_uuid));
        reference(&place, "network_uuid", &mut network)?;
        record.network_uuid = network.unwrap_or_default();
        date(&place, "from_on", &record.from_on)?;
        range(&place, "fee_cents", Some(record.fee_cents), 0, MAX_CENTS)?;
        add_up(&place, "fee_cents", &mut changes, Some(record.fee_cents))?;
        keyword(
            &place,
            "fee_period",
            &record.fee_period,
            FeePeriod::from_keyword,
            Msg::AFeePeriod,
            FeePeriod::keywords_in,
        )?;
        let key = (record.network_uuid.clone(), record.from_on.clone());
        if let Some(first) = dates.insert(key, index) {
            let other = format!("fee_changes[{first}]");
            return Err(place.refuse(Msg::RecordFeeChangeTwice, &[("other", &other)]));
        }
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    let mut names = HashMap::new();
    for (index, record) in document.contacts.iter_mut().enumerate() {
        let place = place("contacts", index, &mut record.uuid, &mut seen)?;
        let name = name(&place, &mut record.name)?;
        unique_name(&place, Msg::RecordContactNameTaken, &name, &mut names)?;
        for (field, text) in [
            ("profession", &mut record.profession),
            ("company", &mut record.company),
            ("notes", &mut record.notes),
        ] {
            opt_text(&place, field, text)?;
        }
        address(&place, "email", &mut record.email, parse_email)?;
        address(&place, "linkedin", &mut record.linkedin, parse_linkedin)?;
        reference(&place, "network_uuid", &mut record.network_uuid)?;
        date(&place, "added_on", &record.added_on)?;
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    let mut costs = 0;
    for (index, record) in document.meetings.iter_mut().enumerate() {
        let place = place("meetings", index, &mut record.uuid, &mut seen)?;
        date(&place, "date", &record.date)?;
        if let Some(time) = &record.start_time
            && crate::domain::StartTime::from_iso(time).is_none()
        {
            return Err(place.refuse(
                Msg::RecordNotTime,
                &[("field", "start_time"), ("value", time)],
            ));
        }
        reference(&place, "network_uuid", &mut record.network_uuid)?;
        keyword(
            &place,
            "format",
            &record.format,
            MeetingFormat::from_keyword,
            Msg::AMeetingFormat,
            MeetingFormat::keywords_in,
        )?;
        range(&place, "minutes", record.minutes, 0, 1440)?;
        range(&place, "travel_minutes", record.travel_minutes, 0, 1440)?;
        range(&place, "cost_cents", record.cost_cents, 0, MAX_CENTS)?;
        add_up(&place, "cost_cents", &mut costs, record.cost_cents)?;
        range(&place, "rating", record.rating, 1, 5)?;
        opt_text(&place, "notes", &mut record.notes)?;
        for contact in &mut record.contact_uuids {
            let mut one = Some(std::mem::take(contact));
            reference(&place, "contact_uuids", &mut one)?;
            *contact = one.unwrap_or_default();
        }
        record.contact_uuids.sort();
        record.contact_uuids.dedup();
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    let mut values = 0;
    for (index, record) in document.referrals.iter_mut().enumerate() {
        let place = place("referrals", index, &mut record.uuid, &mut seen)?;
        keyword(
            &place,
            "direction",
            &record.direction,
            Direction::from_keyword,
            Msg::ADirection,
            Direction::keywords_in,
        )?;
        date(&place, "date", &record.date)?;
        reference(&place, "network_uuid", &mut record.network_uuid)?;
        reference(&place, "contact_uuid", &mut record.contact_uuid)?;
        opt_text(&place, "description", &mut record.description)?;
        let status = keyword(
            &place,
            "status",
            &record.status,
            ReferralStatus::from_keyword,
            Msg::AReferralStatus,
            ReferralStatus::keywords_in,
        )?;
        range(&place, "value_cents", record.value_cents, 0, MAX_CENTS)?;
        add_up(&place, "value_cents", &mut values, record.value_cents)?;
        if record.value_cents.is_some() && status != ReferralStatus::Won {
            return Err(place.refuse(Msg::RecordValueNotWon, &[("status", status.as_str())]));
        }
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    for (index, record) in document.notes.iter_mut().enumerate() {
        let place = place("notes", index, &mut record.uuid, &mut seen)?;
        date(&place, "date", &record.date)?;
        let text: Text = record
            .text
            .parse()
            .map_err(|error| field_error(&place, "text", &error))?;
        record.text = text.into_string();
        reference(&place, "network_uuid", &mut record.network_uuid)?;
        reference(&place, "meeting_uuid", &mut record.meeting_uuid)?;
        reference(&place, "contact_uuid", &mut record.contact_uuid)?;
        let targets = [
            &record.network_uuid,
            &record.meeting_uuid,
            &record.contact_uuid,
        ];
        if targets.iter().filter(|t| t.is_some()).count() > 1 {
            return Err(place.refuse(Msg::RecordNoteOnOne, &[]));
        }
        // A concern has a severity (serious when the file gives none, as every concern of a
        // version 1 file); a plain note has none, and is never resolved.
        match (&record.severity, record.concern) {
            (Some(severity), true) => {
                keyword(
                    &place,
                    "severity",
                    severity,
                    Severity::from_keyword,
                    Msg::ASeverity,
                    Severity::keywords_in,
                )?;
            }
            (None, true) => record.severity = Some(Severity::Serious.as_str().to_string()),
            (Some(severity), false) => {
                return Err(place.refuse(Msg::RecordSeverityNotConcern, &[("value", severity)]));
            }
            (None, false) => {}
        }
        opt_date(&place, "resolved_on", &record.resolved_on)?;
        if record.resolved_on.is_some() && !record.concern {
            return Err(place.refuse(Msg::RecordResolvedNotConcern, &[]));
        }
        stamps(&place, &record.created_at, &record.updated_at)?;
    }

    let mut seen = Seen::new();
    for (index, record) in document.merged_contacts.iter_mut().enumerate() {
        let place = place("merged_contacts", index, &mut record.old_uuid, &mut seen)?;
        let mut into = Some(std::mem::take(&mut record.into_uuid));
        reference(&place, "into_uuid", &mut into)?;
        record.into_uuid = into.unwrap_or_default();
        if place.uuid == Some(record.into_uuid.as_str()) {
            let uuid = record.into_uuid.clone();
            return Err(place.refuse(
                Msg::RecordRefNotUuid,
                &[("field", "into_uuid"), ("value", &uuid)],
            ));
        }
        stamps(&place, &record.merged_at, &record.merged_at)?;
    }
    Ok(())
}

fn valid_currency(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// A setting as the journal stores it (amounts in cents, numbers as written by `config set`).
fn check_setting(key: &str, value: &str) -> Result<(), Error> {
    let place = format!("settings.{key}");
    let error = |message: Message| Error::Record {
        place: place.clone(),
        message,
    };
    if key == "currency" {
        return Err(error(Message::keyed(Msg::RecordCurrencySetting, &[])));
    }
    let known = config::KEYS.iter().find(|k| k.name == key).ok_or_else(|| {
        let names: Vec<&str> = config::KEYS.iter().map(|k| k.name).collect();
        let names = names.into_iter().map(Arg::from).collect();
        error(
            Message::new(Msg::RecordNoSetting)
                .with("key", key)
                .with("names", Arg::Or(names)),
        )
    })?;
    let valid = match known.value_type {
        ValueType::Count { min, max } => {
            value.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n))
        }
        ValueType::Ratio => value
            .parse::<f64>()
            .is_ok_and(|x| x.is_finite() && (0.0..=1_000_000.0).contains(&x)),
        ValueType::Percent => value
            .parse::<f64>()
            .is_ok_and(|x| x.is_finite() && (0.0..=100.0).contains(&x)),
        ValueType::Rating => value
            .parse::<f64>()
            .is_ok_and(|x| x.is_finite() && (1.0..=5.0).contains(&x)),
        ValueType::Amount => value
            .parse::<i64>()
            .is_ok_and(|cents| (0..=MAX_CENTS).contains(&cents)),
        ValueType::Currency => valid_currency(value),
    };
    if valid {
        Ok(())
    } else {
        Err(error(Message::keyed(
            Msg::RecordBadSetting,
            &[("value", value)],
        )))
    }
}

/// Rows added, already there, and in conflict, for one table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: u64,
    pub present: u64,
    pub conflicts: u64,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub networks: Tally,
    pub fee_changes: Tally,
    pub contacts: Tally,
    pub meetings: Tally,
    pub referrals: Tally,
    pub notes: Tally,
    pub settings: Tally,
    /// The journal was empty and took the file's currency.
    pub currency_set: Option<String>,
    /// One sentence per conflict.
    pub conflicts: Vec<Message>,
}

impl Summary {
    /// The tables with their tallies, in the file's order. The fee changes only when the file
    /// held any: most journals have none, and a file older than them never does.
    pub fn tables(&self) -> Vec<(&'static str, Tally)> {
        let mut tables = vec![("networks", self.networks)];
        if self.fee_changes != Tally::default() {
            tables.push(("fee_changes", self.fee_changes));
        }
        tables.extend([
            ("contacts", self.contacts),
            ("meetings", self.meetings),
            ("referrals", self.referrals),
            ("notes", self.notes),
            ("settings", self.settings),
        ]);
        tables
    }

    /// Whether the import changed the journal.
    pub fn changed(&self) -> bool {
        self.currency_set.is_some() || self.tables().iter().any(|(_, t)| t.added > 0)
    }
}

/// The uuids of the file's records, mapped to the rows of the journal they became (added,
/// already there, or taken for a row of the same name).
#[derive(Default)]
struct Ids<'d> {
    networks: HashMap<&'d str, i64>,
    contacts: HashMap<&'d str, i64>,
    meetings: HashMap<&'d str, i64>,
}

impl Ids<'_> {
    /// The network a record's `network_uuid` names (see [`resolve`]).
    fn network(
        &self,
        conn: &Connection,
        place: &Place,
        uuid: Option<&str>,
    ) -> Result<Option<i64>, Error> {
        resolve(conn, &self.networks, "network", place, "network_uuid", uuid)
    }

    /// The contact a record's `contact_uuid` names.
    fn contact(
        &self,
        conn: &Connection,
        place: &Place,
        uuid: Option<&str>,
    ) -> Result<Option<i64>, Error> {
        resolve(conn, &self.contacts, "contact", place, "contact_uuid", uuid)
    }

    /// The meeting a record's `meeting_uuid` names.
    fn meeting(
        &self,
        conn: &Connection,
        place: &Place,
        uuid: Option<&str>,
    ) -> Result<Option<i64>, Error> {
        resolve(conn, &self.meetings, "meeting", place, "meeting_uuid", uuid)
    }
}

/// Counts in `tally` a record whose uuid the journal holds: the same row, or a conflict told
/// as `what`, with its differences, in `conflicts`. Returns the row's id, or `None` for a
/// record that is new.
fn counted(
    found: Found,
    tally: &mut Tally,
    conflicts: &mut Vec<Message>,
    what: impl FnOnce() -> Message,
) -> Option<i64> {
    match found {
        Found::Same(id) => {
            tally.present += 1;
            Some(id)
        }
        Found::Differs(id, differences) => {
            tally.conflicts += 1;
            conflicts.push(differs(&what(), &differences));
            Some(id)
        }
        Found::New => None,
    }
}

/// How the journal's row compares with the file's.
enum Found {
    /// No row with that uuid.
    New,
    /// The row `id`, with the same content.
    Same(i64),
    /// The row `id`, with these differences (the file's value, the journal's).
    Differs(i64, Vec<Message>),
}

/// Brings the document's rows into the journal (see the module's documentation), advancing
/// `progress` by one for each record. Run it inside a transaction: on an error, roll back. The
/// document is one [`read`] returned: its fields are not checked again.
pub fn merge(
    conn: &Connection,
    document: &Document,
    progress: &ProgressBar,
) -> Result<Summary, Error> {
    // The schema's CHECK constraints stay on: `read` checked every field to name the bad one,
    // and SQLite checks them again as the last word on what enters the journal.
    let deferred = DeferredIndexes::drop_if_empty(conn)?;
    let summary = merge_rows(conn, document, progress)?;
    deferred.rebuild(conn)?;
    check_totals(conn)?;
    Ok(summary)
}

/// Refuses a journal whose amounts, the file's added to its own, add up past what the report
/// can total (see [`MAX_TOTAL_CENTS`]), naming the table and the field.
fn check_totals(conn: &Connection) -> Result<(), Error> {
    for (table, field) in AMOUNTS {
        // TOTAL, not SUM: a float, which cannot overflow where SUM would fail.
        let total: f64 =
            conn.query_row(&format!("SELECT TOTAL({field}) FROM {table}"), [], |row| {
                row.get(0)
            })?;
        if total > MAX_TOTAL_CENTS as f64 {
            return Err(Error::Record {
                place: (*table).to_string(),
                message: total_too_large(field),
            });
        }
    }
    Ok(())
}

/// The journal's own indexes (not those that keep uuids and names unique), dropped for an
/// import into a journal that holds nothing yet and built again once its rows are in.
///
/// Kept up to date row by row, an index such as the one of who was met (by contact) takes
/// each of 200,000 entries at a random place; built once at the end, it sorts them. Both are
/// inside the import's transaction: a failed import rolls the indexes back with the rows, and
/// no other command ever sees the journal without them.
struct DeferredIndexes {
    /// Each index's `CREATE INDEX` statement, as the schema holds it.
    sql: Vec<String>,
}

impl DeferredIndexes {
    fn drop_if_empty(conn: &Connection) -> Result<DeferredIndexes, Error> {
        let empty: bool = conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM networks) AND NOT EXISTS (SELECT 1 FROM contacts)
                AND NOT EXISTS (SELECT 1 FROM meetings) AND NOT EXISTS (SELECT 1 FROM referrals)
                AND NOT EXISTS (SELECT 1 FROM notes)",
            [],
            |row| row.get(0),
        )?;
        if !empty {
            return Ok(DeferredIndexes { sql: Vec::new() });
        }
        let indexes: Vec<(String, String)> = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut sql = Vec::with_capacity(indexes.len());
        for (name, create) in indexes {
            conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            sql.push(create);
        }
        Ok(DeferredIndexes { sql })
    }

    fn rebuild(self, conn: &Connection) -> Result<(), Error> {
        for create in &self.sql {
            conn.execute_batch(create)?;
        }
        Ok(())
    }
}

/// The rows of [`merge`], table after table.
fn merge_rows(
    conn: &Connection,
    document: &Document,
    progress: &ProgressBar,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let mut ids = Ids::default();

    let journal_currency = settings::currency(conn)?;
    if journal_currency != document.currency {
        if super::export::row_count(conn)? == 0 {
            settings::set(conn, "currency", &document.currency)?;
            summary.currency_set = Some(document.currency.clone());
        } else {
            return Err(Error::Currency {
                file: document.currency.clone(),
                journal: journal_currency,
            });
        }
    }
    for (key, value) in &document.settings {
        match settings::get(conn, key)? {
            None => {
                settings::set(conn, key, value)?;
                summary.settings.added += 1;
            }
            Some(kept) if kept == *value => summary.settings.present += 1,
            Some(kept) => {
                // As `config get` shows them: an amount in units, not cents.
                let shown = |stored: &str| {
                    let (key, stored) = (key.to_string(), stored.to_string());
                    Words::new(move |lang| {
                        config::KEYS
                            .iter()
                            .find(|k| k.name == key)
                            .map_or_else(|| stored.clone(), |k| k.display(&stored, lang))
                    })
                };
                summary.settings.conflicts += 1;
                summary.conflicts.push(
                    Message::new(Msg::ConflictSetting)
                        .with("key", key)
                        .with("kept", shown(&kept))
                        .with("file", shown(value)),
                );
            }
        }
    }

    let mut lookup = Lookup::new(conn, &NETWORK_FIELDS)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO networks (uuid, name, name_key, kind, joined_on, left_on,
             exit_reason, invited_by, fee_cents, fee_period, rules, notes,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (index, record) in document.networks.iter().enumerate() {
        let place = Place {
            table: "networks",
            index,
            uuid: Some(&record.uuid),
        };
        let fields = || {
            vec![
                Value::Text(record.name.clone()),
                Value::Text(record.kind.clone()),
                text(&record.joined_on),
                text(&record.left_on),
                text(&record.exit_reason),
                text(&record.invited_by),
                int(record.fee_cents),
                text(&record.fee_period),
                text(&record.rules),
                text(&record.notes),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, None)?;
        let what = || Message::keyed(Msg::ConflictNetwork, &[("name", &record.name)]);
        let id = match counted(found, &mut summary.networks, &mut summary.conflicts, what) {
            Some(id) => id,
            None => {
                let key = crate::domain::text::name_key(&record.name);
                match lookup.name_taken(conn, &key)? {
                    Some((id, kept)) => {
                        summary.networks.conflicts += 1;
                        let said = same_name(&place, Msg::ConflictSameNetwork, &record.name, &kept);
                        summary.conflicts.push(said);
                        id
                    }
                    None => {
                        insert.execute(params![
                            record.uuid,
                            record.name,
                            lookup.free_key(key, &record.uuid),
                            record.kind,
                            record.joined_on,
                            record.left_on,
                            record.exit_reason,
                            record.invited_by,
                            record.fee_cents,
                            record.fee_period,
                            record.rules,
                            record.notes,
                            record.created_at,
                            record.updated_at,
                        ])?;
                        summary.networks.added += 1;
                        conn.last_insert_rowid()
                    }
                }
            }
        };
        ids.networks.insert(&record.uuid, id);
        progress.inc(1);
    }

    let mut lookup = Lookup::new(conn, &FEE_CHANGE_FIELDS)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO fee_changes (uuid, network_id, from_on, fee_cents, fee_period, created_at,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (index, record) in document.fee_changes.iter().enumerate() {
        let place = Place {
            table: "fee_changes",
            index,
            uuid: Some(&record.uuid),
        };
        let network = ids
            .network(conn, &place, Some(&record.network_uuid))?
            .expect("a network uuid was given");
        let fields = || {
            vec![
                Value::Integer(network),
                Value::Text(record.from_on.clone()),
                Value::Integer(record.fee_cents),
                Value::Text(record.fee_period.clone()),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, None)?;
        let name = || -> Result<String, Error> {
            Ok(
                conn.query_row("SELECT name FROM networks WHERE id = ?1", [network], |r| {
                    r.get(0)
                })?,
            )
        };
        let what = || {
            let name = name().unwrap_or_default();
            let args = [
                ("name", name.as_str()),
                ("date", &record.from_on),
                ("uuid", &record.uuid),
            ];
            Message::keyed(Msg::ConflictFeeChange, &args)
        };
        if counted(
            found,
            &mut summary.fee_changes,
            &mut summary.conflicts,
            what,
        )
        .is_none()
        {
            // The journal may hold a change of that network on that date under another uuid,
            // made on each side apart: the journal's is kept.
            let taken: Option<i64> = if lookup.was_empty {
                None
            } else {
                conn.prepare_cached(
                    "SELECT id FROM fee_changes WHERE network_id = ?1 AND from_on = ?2",
                )?
                .query_row(params![network, record.from_on], |row| row.get(0))
                .optional()?
            };
            if taken.is_some() {
                summary.fee_changes.conflicts += 1;
                let name = name()?;
                let record_place = format!("fee_changes[{index}]");
                summary.conflicts.push(Message::keyed(
                    Msg::ConflictSameFeeChange,
                    &[
                        ("name", name.as_str()),
                        ("date", &record.from_on),
                        ("record", &record_place),
                    ],
                ));
            } else {
                insert.execute(params![
                    record.uuid,
                    network,
                    record.from_on,
                    record.fee_cents,
                    record.fee_period,
                    record.created_at,
                    record.updated_at,
                ])?;
                summary.fee_changes.added += 1;
            }
        }
        progress.inc(1);
    }

    // Contacts merged into another, here or in the journal the file comes from: the file's
    // merges are remembered, and a merged contact's record is not brought back but stands for
    // the contact it was merged into (see `merged_onto`).
    for record in &document.merged_contacts {
        conn.execute(
            "INSERT OR IGNORE INTO merged_contacts (old_uuid, into_uuid, merged_at)
             VALUES (?1, ?2, ?3)",
            params![record.old_uuid, record.into_uuid, record.merged_at],
        )?;
    }
    let file_contacts: std::collections::HashSet<&str> =
        document.contacts.iter().map(|c| c.uuid.as_str()).collect();
    let mut merged_away = Vec::new();

    let mut lookup = Lookup::new(conn, &CONTACT_FIELDS)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO contacts (uuid, name, name_key, profession, company,
             email, linkedin, network_id, notes, added_on, created_at,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (index, record) in document.contacts.iter().enumerate() {
        if let Some(into) = merged_onto(conn, &record.uuid, &file_contacts)? {
            merged_away.push((record.uuid.as_str(), into));
            progress.inc(1);
            continue;
        }
        let place = Place {
            table: "contacts",
            index,
            uuid: Some(&record.uuid),
        };
        let network = ids.network(conn, &place, record.network_uuid.as_deref())?;
        let fields = || {
            vec![
                Value::Text(record.name.clone()),
                text(&record.profession),
                text(&record.company),
                text(&record.email),
                text(&record.linkedin),
                int(network),
                text(&record.notes),
                Value::Text(record.added_on.clone()),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, None)?;
        let what = || Message::keyed(Msg::ConflictContact, &[("name", &record.name)]);
        let id = match counted(found, &mut summary.contacts, &mut summary.conflicts, what) {
            Some(id) => id,
            None => {
                let key = crate::domain::text::name_key(&record.name);
                match lookup.name_taken(conn, &key)? {
                    Some((id, kept)) => {
                        summary.contacts.conflicts += 1;
                        let said = same_name(&place, Msg::ConflictSameContact, &record.name, &kept);
                        summary.conflicts.push(said);
                        id
                    }
                    None => {
                        insert.execute(params![
                            record.uuid,
                            record.name,
                            lookup.free_key(key, &record.uuid),
                            record.profession,
                            record.company,
                            record.email,
                            record.linkedin,
                            network,
                            record.notes,
                            record.added_on,
                            record.created_at,
                            record.updated_at,
                        ])?;
                        summary.contacts.added += 1;
                        conn.last_insert_rowid()
                    }
                }
            }
        };
        ids.contacts.insert(&record.uuid, id);
        progress.inc(1);
    }

    for (uuid, into) in merged_away {
        let id = match contact_by_uuid(conn, &into)? {
            Some(id) => id,
            None => *ids
                .contacts
                .get(into.as_str())
                .expect("merged_onto found it among the file's contacts"),
        };
        summary.contacts.present += 1;
        ids.contacts.insert(uuid, id);
    }
    // A merge made in the journal the file comes from, of two contacts this journal still
    // holds apart: made here too, so that both journals hold one person.
    let pending: Vec<(i64, i64, String)> = conn
        .prepare(
            "SELECT k.id, o.id, m.merged_at FROM merged_contacts m
             JOIN contacts o ON o.uuid = m.old_uuid JOIN contacts k ON k.uuid = m.into_uuid",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (keep, other, merged_at) in pending {
        crate::db::contact::merge(conn, keep, other, &merged_at)?;
        for id in ids.contacts.values_mut() {
            if *id == other {
                *id = keep;
            }
        }
    }

    // A file of version 2 or older says nothing of start times: its meetings are compared on
    // what it says, so that a start time since added is no conflict.
    let meeting_fields = if document.format_version < 3 {
        &MEETING_FIELDS_V2
    } else {
        &MEETING_FIELDS
    };
    let mut lookup = Lookup::new(conn, meeting_fields)?;
    let mut link = conn
        .prepare_cached("INSERT INTO meeting_contacts (meeting_id, contact_id) VALUES (?1, ?2)")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO meetings (uuid, date, network_id, format, in_person, minutes,
             travel_minutes, cost_cents, rating, notes, created_at, updated_at, start_time)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (index, record) in document.meetings.iter().enumerate() {
        let place = Place {
            table: "meetings",
            index,
            uuid: Some(&record.uuid),
        };
        let network = ids.network(conn, &place, record.network_uuid.as_deref())?;
        let mut met = Vec::with_capacity(record.contact_uuids.len());
        for uuid in &record.contact_uuids {
            let id = resolve(
                conn,
                &ids.contacts,
                "contact",
                &place,
                "contact_uuids",
                Some(uuid),
            )?;
            met.extend(id);
        }
        met.sort_unstable();
        met.dedup();
        let format = MeetingFormat::from_keyword(&record.format).expect("checked by read");
        let fields = || {
            vec![
                Value::Text(record.date.clone()),
                int(network),
                Value::Text(record.format.clone()),
                int(record.minutes),
                int(record.travel_minutes),
                int(record.cost_cents),
                int(record.rating),
                text(&record.notes),
                text(&record.start_time),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, Some(&met))?;
        let what = || {
            let args = [("date", record.date.as_str()), ("uuid", &record.uuid)];
            Message::keyed(Msg::ConflictMeeting, &args)
        };
        let id = match counted(found, &mut summary.meetings, &mut summary.conflicts, what) {
            Some(id) => id,
            None => {
                insert.execute(params![
                    record.uuid,
                    record.date,
                    network,
                    record.format,
                    format.in_person(),
                    record.minutes,
                    record.travel_minutes,
                    record.cost_cents,
                    record.rating,
                    record.notes,
                    record.created_at,
                    record.updated_at,
                    record.start_time,
                ])?;
                let id = conn.last_insert_rowid();
                for contact in &met {
                    link.execute([id, *contact])?;
                }
                summary.meetings.added += 1;
                id
            }
        };
        ids.meetings.insert(&record.uuid, id);
        progress.inc(1);
    }

    let mut lookup = Lookup::new(conn, &REFERRAL_FIELDS)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO referrals (uuid, direction, date, network_id, contact_id,
             description, status, value_cents, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (index, record) in document.referrals.iter().enumerate() {
        let place = Place {
            table: "referrals",
            index,
            uuid: Some(&record.uuid),
        };
        let network = ids.network(conn, &place, record.network_uuid.as_deref())?;
        let contact = ids.contact(conn, &place, record.contact_uuid.as_deref())?;
        let fields = || {
            vec![
                Value::Text(record.direction.clone()),
                Value::Text(record.date.clone()),
                int(network),
                int(contact),
                text(&record.description),
                Value::Text(record.status.clone()),
                int(record.value_cents),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, None)?;
        let what = || {
            let args = [("date", record.date.as_str()), ("uuid", &record.uuid)];
            Message::keyed(Msg::ConflictReferral, &args)
        };
        if counted(found, &mut summary.referrals, &mut summary.conflicts, what).is_none() {
            insert.execute(params![
                record.uuid,
                record.direction,
                record.date,
                network,
                contact,
                record.description,
                record.status,
                record.value_cents,
                record.created_at,
                record.updated_at,
            ])?;
            summary.referrals.added += 1;
        }
        progress.inc(1);
    }

    // A version 1 file says nothing of severity nor resolution: a note it holds is compared
    // on what it says, so that a concern since found minor or resolved is no conflict.
    let note_fields = if document.format_version < 2 {
        &NOTE_FIELDS_V1
    } else {
        &NOTE_FIELDS
    };
    let mut lookup = Lookup::new(conn, note_fields)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO notes (uuid, date, body, concern, severity, resolved_on, network_id,
             meeting_id, contact_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (index, record) in document.notes.iter().enumerate() {
        let place = Place {
            table: "notes",
            index,
            uuid: Some(&record.uuid),
        };
        let network = ids.network(conn, &place, record.network_uuid.as_deref())?;
        let meeting = ids.meeting(conn, &place, record.meeting_uuid.as_deref())?;
        let contact = ids.contact(conn, &place, record.contact_uuid.as_deref())?;
        let fields = || {
            vec![
                Value::Text(record.date.clone()),
                Value::Text(record.text.clone()),
                Value::Integer(record.concern.into()),
                int(network),
                int(meeting),
                int(contact),
                text(&record.severity),
                text(&record.resolved_on),
            ]
        };
        let found = compare(conn, &mut lookup, &record.uuid, fields, None)?;
        let what = || {
            let args = [("date", record.date.as_str()), ("uuid", &record.uuid)];
            Message::keyed(Msg::ConflictNote, &args)
        };
        if counted(found, &mut summary.notes, &mut summary.conflicts, what).is_none() {
            insert.execute(params![
                record.uuid,
                record.date,
                record.text,
                record.concern,
                record.severity,
                record.resolved_on,
                network,
                meeting,
                contact,
                record.created_at,
                record.updated_at,
            ])?;
            summary.notes.added += 1;
        }
        progress.inc(1);
    }
    Ok(summary)
}

fn text(value: &Option<String>) -> Value {
    value.clone().map_or(Value::Null, Value::Text)
}

fn int(value: Option<i64>) -> Value {
    value.map_or(Value::Null, Value::Integer)
}

/// The columns of a table compared between the file and the journal, in the order the merge
/// lists the file's values; `*_id` columns are references.
struct Fields {
    table: &'static str,
    columns: &'static [&'static str],
}

const NETWORK_FIELDS: Fields = Fields {
    table: "networks",
    columns: &[
        "name",
        "kind",
        "joined_on",
        "left_on",
        "exit_reason",
        "invited_by",
        "fee_cents",
        "fee_period",
        "rules",
        "notes",
    ],
};

const CONTACT_FIELDS: Fields = Fields {
    table: "contacts",
    columns: &[
        "name",
        "profession",
        "company",
        "email",
        "linkedin",
        "network_id",
        "notes",
        "added_on",
    ],
};

const MEETING_FIELDS: Fields = Fields {
    table: "meetings",
    columns: &[
        "date",
        "network_id",
        "format",
        "minutes",
        "travel_minutes",
        "cost_cents",
        "rating",
        "notes",
        "start_time",
    ],
};

/// The columns a file of version 2 or older holds (see [`MEETING_FIELDS`]); compared in order,
/// so these come first there.
const MEETING_FIELDS_V2: Fields = Fields {
    table: "meetings",
    columns: &[
        "date",
        "network_id",
        "format",
        "minutes",
        "travel_minutes",
        "cost_cents",
        "rating",
        "notes",
    ],
};

const REFERRAL_FIELDS: Fields = Fields {
    table: "referrals",
    columns: &[
        "direction",
        "date",
        "network_id",
        "contact_id",
        "description",
        "status",
        "value_cents",
    ],
};

const FEE_CHANGE_FIELDS: Fields = Fields {
    table: "fee_changes",
    columns: &["network_id", "from_on", "fee_cents", "fee_period"],
};

const NOTE_FIELDS: Fields = Fields {
    table: "notes",
    columns: &[
        "date",
        "body",
        "concern",
        "network_id",
        "meeting_id",
        "contact_id",
        "severity",
        "resolved_on",
    ],
};

/// The columns a version 1 file holds (see [`NOTE_FIELDS`]); the values are compared in order,
/// so these come first there.
const NOTE_FIELDS_V1: Fields = Fields {
    table: "notes",
    columns: &[
        "date",
        "body",
        "concern",
        "network_id",
        "meeting_id",
        "contact_id",
    ],
};

/// The statements that find a table's row by uuid, and a meeting's contacts, prepared once for
/// all the records of the table.
struct Lookup<'c> {
    fields: &'static Fields,
    select: CachedStatement<'c>,
    met: CachedStatement<'c>,
    /// The table held no row when the merge came to it: all it holds now, the merge added, and
    /// a record (its uuid and name unique in the file) can be neither there already nor take a
    /// name already taken. So an import into an empty journal looks nothing up.
    was_empty: bool,
    /// The name keys of the rows this import added (networks or contacts).
    added: std::collections::HashSet<String>,
}

impl<'c> Lookup<'c> {
    fn new(conn: &'c Connection, fields: &'static Fields) -> Result<Lookup<'c>, Error> {
        let sql = format!(
            "SELECT id, {} FROM {} WHERE uuid = ?1",
            fields.columns.join(", "),
            fields.table
        );
        let was_empty = conn.query_row(
            &format!("SELECT NOT EXISTS (SELECT 1 FROM {})", fields.table),
            [],
            |row| row.get(0),
        )?;
        Ok(Lookup {
            fields,
            was_empty,
            added: std::collections::HashSet::new(),
            select: conn.prepare_cached(&sql)?,
            met: conn.prepare_cached(
                "SELECT contact_id FROM meeting_contacts WHERE meeting_id = ?1 ORDER BY contact_id",
            )?,
        })
    }
}

impl Lookup<'_> {
    /// The key to store a row added under `key`: `key`, or, when a row this import added holds
    /// it already (a file written before names were folded may hold `Amélie` and `Amelie`), a
    /// key of its own, as the migration that folded names gives it.
    fn free_key(&mut self, key: String, uuid: &str) -> String {
        if self.added.insert(key.clone()) {
            key
        } else {
            crate::db::migrate::duplicate_key(&key, uuid)
        }
    }

    /// The row of the table (networks or contacts) whose name has the key `key`, with the
    /// name as the journal holds it. A table empty when the merge came to it holds only what
    /// the merge added, whose names are unique in the file: nothing to look up.
    fn name_taken(&self, conn: &Connection, key: &str) -> Result<Option<(i64, String)>, Error> {
        if self.was_empty || self.added.contains(key) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT id, name FROM {} WHERE name_key = ?1",
            self.fields.table
        );
        Ok(conn
            .prepare_cached(&sql)?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?)
    }
}

/// The uuid of the contact a merged contact `uuid` now lives on as (following merges of
/// merges), when there is one to map it onto — in the journal, or among the file's contacts;
/// `None` for a contact never merged.
fn merged_onto(
    conn: &Connection,
    uuid: &str,
    file_contacts: &std::collections::HashSet<&str>,
) -> Result<Option<String>, Error> {
    let mut into = match crate::db::contact::merged_into(conn, uuid)? {
        Some(into) => into,
        None => return Ok(None),
    };
    // A chain is at most as long as the merges recorded; a cycle (a broken file) stops too.
    for _ in 0..64 {
        match crate::db::contact::merged_into(conn, &into)? {
            Some(next) if next != uuid => into = next,
            _ => break,
        }
    }
    let there = contact_by_uuid(conn, &into)?.is_some() || file_contacts.contains(into.as_str());
    Ok(there.then_some(into))
}

/// The journal's contact with `uuid`.
fn contact_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>, Error> {
    Ok(conn
        .prepare_cached("SELECT id FROM contacts WHERE uuid = ?1")?
        .query_row([uuid], |row| row.get(0))
        .optional()?)
}

/// Looks up the row with `uuid` and compares it with the file's `values` (and, for a meeting,
/// the contacts met, `met`: sorted ids).
fn compare(
    conn: &Connection,
    lookup: &mut Lookup<'_>,
    uuid: &str,
    values: impl FnOnce() -> Vec<Value>,
    met: Option<&[i64]>,
) -> Result<Found, Error> {
    if lookup.was_empty {
        return Ok(Found::New);
    }
    let fields = lookup.fields;
    let found = lookup
        .select
        .query_row([uuid], |row| {
            let id: i64 = row.get(0)?;
            let values = (1..=fields.columns.len())
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<Value>>>()?;
            Ok((id, values))
        })
        .optional()?;
    let Some((id, kept)) = found else {
        return Ok(Found::New);
    };
    let values = values();
    let mut differences = Vec::new();
    for ((column, file), journal) in fields.columns.iter().zip(&values).zip(&kept) {
        if file != journal {
            let (file, journal) = (shown(conn, column, file)?, shown(conn, column, journal)?);
            let column = *column;
            let said = |value: Shown| Words::new(move |lang| value.say(column, lang));
            differences.push(
                Message::new(Msg::ConflictDifference)
                    .with("field", Words::new(move |lang| field_label(column, lang)))
                    .with("file", said(file))
                    .with("journal", said(journal)),
            );
        }
    }
    if let Some(met) = met {
        let kept: Vec<i64> = lookup
            .met
            .query_map([id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if kept != met {
            let (file, journal) = (contact_names(conn, met)?, contact_names(conn, &kept)?);
            let names = |names: Option<String>| match names {
                Some(names) => Arg::from(names),
                None => Arg::from(Msg::ValueNobody),
            };
            differences.push(
                Message::new(Msg::ConflictDifference)
                    .with("field", Msg::FieldContactsMet)
                    .with("file", names(file))
                    .with("journal", names(journal)),
            );
        }
    }
    Ok(if differences.is_empty() {
        Found::Same(id)
    } else {
        Found::Differs(id, differences)
    })
}

/// A column as the user knows it: `network` for `network_id`, `text` for a note's `body`. It
/// names a field of the document, and is the same in every language.
fn shown_name(column: &str) -> &str {
    match column {
        "body" => "text",
        other => other.strip_suffix("_id").unwrap_or(other),
    }
}

/// A column as the user knows it, in `lang`: in English the document's name for it
/// ([`shown_name`]), in French words.
fn field_label(column: &str, lang: Lang) -> String {
    let name = shown_name(column);
    let key = match name {
        "name" => Msg::ColumnName,
        "kind" => Msg::ColumnKind,
        "joined_on" => Msg::ColumnJoinedOn,
        "left_on" => Msg::ColumnLeftOn,
        "exit_reason" => Msg::ColumnExitReason,
        "invited_by" => Msg::ColumnInvitedBy,
        "fee_cents" => Msg::ColumnFeeCents,
        "fee_period" => Msg::ColumnFeePeriod,
        "rules" => Msg::ColumnRules,
        "notes" => Msg::ColumnNotes,
        "profession" => Msg::ColumnProfession,
        "company" => Msg::ColumnCompany,
        "email" => Msg::ColumnEmail,
        "linkedin" => Msg::ColumnLinkedin,
        "network" => Msg::ColumnNetwork,
        "added_on" => Msg::ColumnAddedOn,
        "date" => Msg::ColumnDate,
        "start_time" => Msg::ColumnStartTime,
        "format" => Msg::ColumnFormat,
        "minutes" => Msg::ColumnMinutes,
        "travel_minutes" => Msg::ColumnTravelMinutes,
        "cost_cents" => Msg::ColumnCostCents,
        "rating" => Msg::ColumnRating,
        "direction" => Msg::ColumnDirection,
        "contact" => Msg::ColumnContact,
        "description" => Msg::ColumnDescription,
        "status" => Msg::ColumnStatus,
        "value_cents" => Msg::ColumnValueCents,
        "text" => Msg::ColumnText,
        "concern" => Msg::ColumnConcern,
        "severity" => Msg::ColumnSeverity,
        "resolved_on" => Msg::ColumnResolvedOn,
        "from_on" => Msg::ColumnFromOn,
        "meeting" => Msg::ColumnMeeting,
        _ => return name.to_string(),
    };
    lang.say(key, &[])
}

/// The columns that hold the user's own words, quoted as such in French (« … »).
const FREE_TEXT: &[&str] = &[
    "exit_reason",
    "invited_by",
    "rules",
    "notes",
    "profession",
    "company",
    "description",
    "body",
];

/// A value for a message, looked up in the journal, said in a language later.
enum Shown {
    None,
    /// A network or a contact, by its name.
    Name(String),
    /// A meeting, by its date and number.
    Meeting(String, i64),
    Flag(bool),
    Number(i64),
    Text(String),
    Other(String),
}

impl Shown {
    /// The value in `lang`: text in backticks (shortened; the user's own words in « » in
    /// French), a reference by its name or date.
    fn say(&self, column: &str, lang: Lang) -> String {
        match self {
            Shown::None => lang.say(Msg::ValueNone, &[]),
            Shown::Name(name) => format!("`{name}`"),
            Shown::Meeting(date, id) => lang.say(
                Msg::ValueMeeting,
                &[("date", date), ("id", &id.to_string())],
            ),
            Shown::Flag(flag) => lang.say(if *flag { Msg::Yes } else { Msg::No }, &[]),
            Shown::Number(n) => n.to_string(),
            Shown::Text(text) if lang == Lang::Fr && FREE_TEXT.contains(&column) => {
                lang.quote(&shorten(text))
            }
            Shown::Text(text) => format!("`{}`", shorten(text)),
            Shown::Other(other) => other.clone(),
        }
    }
}

/// A value of `column`, with what it refers to looked up.
fn shown(conn: &Connection, column: &str, value: &Value) -> Result<Shown, Error> {
    Ok(match (column, value) {
        (_, Value::Null) => Shown::None,
        ("network_id", Value::Integer(id)) => {
            let name: String =
                conn.query_row("SELECT name FROM networks WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            Shown::Name(name)
        }
        ("contact_id", Value::Integer(id)) => {
            let name: String =
                conn.query_row("SELECT name FROM contacts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            Shown::Name(name)
        }
        ("meeting_id", Value::Integer(id)) => {
            let date: String =
                conn.query_row("SELECT date FROM meetings WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            Shown::Meeting(date, *id)
        }
        ("concern", Value::Integer(flag)) => Shown::Flag(*flag != 0),
        (_, Value::Integer(n)) => Shown::Number(*n),
        (_, Value::Text(text)) => Shown::Text(text.clone()),
        (_, other) => Shown::Other(format!("{other:?}")),
    })
}

/// The contacts' names in backticks, or `None` for nobody.
fn contact_names(conn: &Connection, ids: &[i64]) -> Result<Option<String>, Error> {
    if ids.is_empty() {
        return Ok(None);
    }
    let mut names = Vec::with_capacity(ids.len());
    for id in ids {
        let name: String =
            conn.query_row("SELECT name FROM contacts WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        names.push(format!("`{name}`"));
    }
    Ok(Some(names.join(", ")))
}

fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() <= KEEP {
        one_line
    } else {
        let head: String = one_line.chars().take(KEEP).collect();
        format!("{head}…")
    }
}

fn differs(what: &Message, differences: &[Message]) -> Message {
    Message::new(Msg::ConflictDiffers).with("what", what).with(
        "differences",
        Arg::List(differences.iter().map(Arg::from).collect()),
    )
}

/// `key` says whose name it is (`ConflictSameNetwork`, `ConflictSameContact`).
fn same_name(place: &Place, key: Msg, name: &str, kept: &str) -> Message {
    let record = format!("{}[{}]", place.table, place.index);
    Message::keyed(key, &[("name", name), ("record", &record), ("kept", kept)])
}

/// The journal id of the row of `table` (a network, contact or meeting) that the record's
/// `field` refers to: one of the file's, else one already in the journal.
fn resolve(
    conn: &Connection,
    ids: &HashMap<&str, i64>,
    what: &str,
    place: &Place,
    field: &str,
    uuid: Option<&str>,
) -> Result<Option<i64>, Error> {
    let Some(uuid) = uuid else {
        return Ok(None);
    };
    if let Some(id) = ids.get(uuid) {
        return Ok(Some(*id));
    }
    let table = format!("{what}s");
    let found: Option<i64> = conn
        .prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([uuid], |row| row.get(0))
        .optional()?;
    let key = match what {
        "network" => Msg::RecordNoNetwork,
        "contact" => Msg::RecordNoContact,
        _ => Msg::RecordNoMeeting,
    };
    found
        .map(Some)
        .ok_or_else(|| place.refuse(key, &[("field", field), ("value", uuid)]))
}

#[cfg(test)]
mod tests {
    use super::*;

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
