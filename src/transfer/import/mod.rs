//! Reading an export back into a journal, one record at a time: [`read`] finds where each
//! field of the file lies and checks the file's header (without parsing the records), then
//! [`Export::merge`] reads each table's records in turn, checks each one and brings it in,
//! inside the caller's transaction. A file of any size is never held in memory: the records
//! are read from the file as they are merged (a pipe is first copied to a private file by the
//! command, to be read twice).
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

mod check;
mod conflict;
mod lookup;
mod merge;
mod records;
mod scan;

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::sync::mpsc;

use foldhash::HashSet;
use indicatif::ProgressBar;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use uuid::Uuid;

use super::{
    ContactRecord, FORMAT, FORMAT_VERSION, FeeChangeRecord, MeetingRecord, MergedContactRecord,
    NetworkRecord, NoteRecord, OLDEST_FORMAT_VERSION, ReferralRecord, wire,
};
use crate::config;
use crate::db::{self, settings};
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg, Words};
use check::{Checks, Place};
use lookup::Lookup;
use merge::Ids;
use records::Record;
use scan::{Scanner, Span, Stop};

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
    /// The file could not be read.
    #[error("reading the file: {0}")]
    Io(#[from] io::Error),
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
            // Said with the file's name by the command (`CannotRead`).
            Error::Io(error) => Message::new(Msg::CannotRead)
                .with("path", "")
                .with("why", error),
        }
    }
}

/// `message at line 3 column 14` without its position, which is given apart.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// What serde_json found wrong, in `lang`: a file that ends too soon in our words in both
/// languages; otherwise serde_json's own words in English, and in French the common
/// complaints said again, the rare ones as serde_json words them.
/// `empty`: the file holds nothing at all.
fn json_reason(error: &serde_json::Error, message: &str, empty: bool) -> Message {
    let eof = error.classify() == serde_json::error::Category::Eof;
    let message = message.to_string();
    Message::new(Msg::JsonSays).with(
        "reason",
        Words::new(move |lang| json_reason_in(eof, empty, &message, lang)),
    )
}

fn json_reason_in(eof: bool, empty: bool, message: &str, lang: Lang) -> String {
    if eof {
        return lang.say(if empty { Msg::JsonEmpty } else { Msg::JsonEof }, &[]);
    }
    if lang == Lang::En {
        return message.to_string();
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

/// serde_json's error, at its place in the file (a record's element starts at `at`), with the
/// path to the bad value if known.
fn syntax(error: &serde_json::Error, at: Option<Span>, path: Option<String>) -> Error {
    if let Some(io) = error.io_error_kind() {
        return Error::Io(io::Error::from(io));
    }
    let message = without_position(error);
    let path = path.filter(|path| !path.is_empty() && path != ".");
    let (line, column) = match at {
        Some(at) if error.line() == 1 => (at.line, at.column + error.column()),
        Some(at) => (at.line + error.line() - 1, error.column()),
        None => (error.line(), error.column()),
    };
    Error::Syntax {
        line,
        column,
        message: {
            let empty = at.is_none() && line == 1 && column == 0;
            let reason = json_reason(error, &message, empty);
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

/// The whole file's shape, as serde_json would read it in one piece: used only to say what is
/// wrong with a file, the records aside (each is read on its own).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Shape {
    format: String,
    format_version: i64,
    schema_version: Option<i64>,
    exported_at: Option<String>,
    currency: String,
    #[serde(default)]
    settings: BTreeMap<String, String>,
    #[serde(default)]
    networks: Vec<IgnoredAny>,
    #[serde(default)]
    fee_changes: Vec<IgnoredAny>,
    #[serde(default)]
    contacts: Vec<IgnoredAny>,
    #[serde(default)]
    meetings: Vec<IgnoredAny>,
    #[serde(default)]
    referrals: Vec<IgnoredAny>,
    #[serde(default)]
    notes: Vec<IgnoredAny>,
    #[serde(default)]
    merged_contacts: Vec<IgnoredAny>,
}

/// The tables of an export, in the order they are merged: each refers only to those before it.
/// `merged_contacts` is absent from a file of version 1 or 2, `fee_changes` from version 1.
const TABLES: [&str; 7] = [
    "networks",
    "fee_changes",
    "merged_contacts",
    "contacts",
    "meetings",
    "referrals",
    "notes",
];

/// An export, its header read and checked, its records still in the file.
pub struct Export<R> {
    reader: BufReader<R>,
    /// Where the document starts (after a byte order mark).
    start: Span,
    pub format_version: i64,
    pub currency: String,
    pub settings: BTreeMap<String, String>,
    /// Each table's array, and how many records it holds.
    tables: BTreeMap<&'static str, (Span, u64)>,
}

/// Reads the outline of an export and checks its header: that it is JSON of the right shape,
/// an export of a version this program reads, its currency and settings. The records are
/// checked as [`Export::merge`] reads them.
pub fn read<R: Read + Seek>(source: R) -> Result<Export<R>, Error> {
    let mut reader = BufReader::with_capacity(1 << 16, source);
    let bom = reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF");
    let start = Span {
        start: if bom { 3 } else { 0 },
        end: 0,
        line: 1,
        column: 0,
    };
    // A well-formed export of a known version, the common case, is read once, by its outline.
    // Any other file is read again by serde_json, which says what is wrong with it and where.
    let export = match outline(&mut reader, start)? {
        Some(parts) => parts,
        None => return Err(diagnose(&mut reader, start)),
    };
    let (format_version, currency, settings, tables) = export;
    if !check::valid_currency(&currency) {
        return Err(Error::Record {
            place: "currency".into(),
            message: Message::keyed(Msg::RecordNotCurrency, &[("value", &currency)]),
        });
    }
    for (key, value) in &settings {
        check::setting(key, value)?;
    }
    Ok(Export {
        reader,
        start,
        format_version,
        currency,
        settings,
        tables,
    })
}

/// The parts of the header, and where each table lies.
type Parts = (
    i64,
    String,
    BTreeMap<String, String>,
    BTreeMap<&'static str, (Span, u64)>,
);

/// The file's outline, when it is a well-formed export of a known version: `None` for any
/// other file.
fn outline<R: BufRead + Seek>(reader: &mut R, start: Span) -> Result<Option<Parts>, Error> {
    let fields = match Scanner::at(&mut *reader, start).and_then(scan::outline) {
        Ok(fields) => fields,
        Err(Stop::Io(error)) => return Err(Error::Io(error)),
        Err(Stop::Malformed) => return Ok(None),
    };
    let mut tables = BTreeMap::new();
    let mut small = BTreeMap::new();
    for (key, span, count, first) in fields {
        let Ok(key) = serde_json::from_slice::<String>(&key) else {
            return Ok(None);
        };
        let new = match TABLES.iter().find(|table| **table == key) {
            Some(table) => first == b'[' && tables.insert(*table, (span, count)).is_none(),
            None => {
                let mut bytes = vec![0; (span.end - span.start) as usize];
                reader.seek(SeekFrom::Start(span.start))?;
                reader.read_exact(&mut bytes)?;
                small.insert(key, bytes).is_none()
            }
        };
        if !new {
            return Ok(None);
        }
    }
    fn value<T: DeserializeOwned>(small: &BTreeMap<String, Vec<u8>>, key: &str) -> Option<T> {
        serde_json::from_slice(small.get(key)?).ok()
    }
    let known = [
        "format",
        "format_version",
        "schema_version",
        "exported_at",
        "currency",
        "settings",
    ];
    let version = value::<i64>(&small, "format_version");
    let valid = small.keys().all(|key| known.contains(&key.as_str()))
        && value::<String>(&small, "format").as_deref() == Some(FORMAT)
        && version.is_some_and(|v| (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&v))
        && (!small.contains_key("schema_version")
            || value::<Option<i64>>(&small, "schema_version").is_some())
        && (!small.contains_key("exported_at")
            || value::<Option<String>>(&small, "exported_at").is_some());
    let currency = value::<String>(&small, "currency");
    let settings = match small.get("settings") {
        Some(_) => value::<BTreeMap<String, String>>(&small, "settings"),
        None => Some(BTreeMap::new()),
    };
    Ok(match (valid, version, currency, settings) {
        (true, Some(version), Some(currency), Some(settings)) => {
            Some((version, currency, settings, tables))
        }
        _ => None,
    })
}

/// What is wrong with a file that is not a well-formed export of a known version, as serde_json
/// reads it: its syntax first, then whether it is an export and of which version, then the
/// shape of its fields (the records aside).
fn diagnose<R: BufRead + Seek>(reader: &mut R, start: Span) -> Error {
    diagnosed(reader, start).err().unwrap_or_else(|| {
        let what = Message::keyed(Msg::ExportNotObject, &[("format", FORMAT)]);
        Error::NotAnExport(what)
    })
}

/// serde_json, reading the file again from the start.
fn again<R: BufRead + Seek>(
    reader: &mut R,
    start: Span,
) -> Result<serde_json::Deserializer<serde_json::de::IoRead<&mut R>>, Error> {
    reader.seek(SeekFrom::Start(start.start))?;
    Ok(serde_json::Deserializer::from_reader(reader))
}

fn diagnosed<R: BufRead + Seek>(reader: &mut R, start: Span) -> Result<(), Error> {
    let mut json = again(reader, start)?;
    IgnoredAny::deserialize(&mut json)
        .and_then(|_| json.end())
        .map_err(|e| syntax(&e, None, None))?;
    drop(json);
    reader.seek(SeekFrom::Start(start.start))?;
    let first = loop {
        let buffer = reader.fill_buf()?;
        match buffer.iter().position(|&b| !scan::is_space(b)) {
            Some(n) => break Some(buffer[n]),
            None if buffer.is_empty() => break None,
            None => {
                let n = buffer.len();
                reader.consume(n);
            }
        }
    };
    if first != Some(b'{') {
        let what = match first {
            Some(b'[') => Message::keyed(Msg::ExportHoldsList, &[]),
            _ => Message::keyed(Msg::ExportNotObject, &[("format", FORMAT)]),
        };
        return Err(Error::NotAnExport(what));
    }
    let header: Header =
        Header::deserialize(&mut again(reader, start)?).map_err(|e| syntax(&e, None, None))?;
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
    serde_path_to_error::deserialize::<_, Shape>(&mut again(reader, start)?)
        .map_err(|e| syntax(e.inner(), None, Some(e.path().to_string())))?;
    Ok(())
}

impl<R: Read + Seek + Send> Export<R> {
    /// How many records the file holds: what the progress bar counts to.
    pub fn rows(&self) -> u64 {
        self.tables
            .iter()
            .filter(|(table, _)| **table != "merged_contacts")
            .map(|(_, (_, count))| count)
            .sum()
    }

    /// Brings the file's records into the journal (see the module's documentation), advancing
    /// `progress` by one for each. Run it inside a transaction: on an error, roll back. It may
    /// be run again, on another journal or the same.
    pub fn merge(&mut self, conn: &Connection, progress: &ProgressBar) -> Result<Summary, Error> {
        // The schema's CHECK constraints stay on: each record is checked to name the bad field,
        // and SQLite checks the row again as the last word on what enters the journal.
        let deferred = merge::DeferredIndexes::drop_if_empty(conn)?;
        let summary = self.merge_rows(conn, progress)?;
        deferred.rebuild(conn)?;
        merge::check_totals(conn)?;
        Ok(summary)
    }

    /// Reads the records of `table` one at a time, each parsed by serde_json on its own, and
    /// gives each, with its index, to `each`.
    fn each<T: DeserializeOwned>(
        &mut self,
        table: &'static str,
        mut each: impl FnMut(usize, T) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Some(&(span, _)) = self.tables.get(table) else {
            return Ok(());
        };
        let mut buffer = Vec::new();
        let mut elements = match Scanner::at(&mut self.reader, span).and_then(Scanner::elements) {
            Ok(elements) => elements,
            Err(stop) => return Err(self.stopped(stop)),
        };
        let mut index = 0;
        let stop = loop {
            let at = match elements.next(&mut buffer) {
                Ok(Some(at)) => at,
                Ok(None) => return Ok(()),
                Err(stop) => break stop,
            };
            // Read again with its path followed only when it is wrong: following it costs.
            let record: T = serde_json::from_slice(&buffer).or_else(|_| {
                let mut json = serde_json::Deserializer::from_slice(&buffer);
                serde_path_to_error::deserialize(&mut json).map_err(|e| {
                    let path = match e.path().to_string().as_str() {
                        "." => format!("{table}[{index}]"),
                        inner => format!("{table}[{index}].{inner}"),
                    };
                    syntax(e.inner(), Some(at), Some(path))
                })
            })?;
            each(index, record)?;
            index += 1;
        };
        Err(self.stopped(stop))
    }

    /// The error for the scanner's stop: the file's, or what serde_json finds wrong with it.
    fn stopped(&mut self, stop: Stop) -> Error {
        match stop {
            Stop::Io(error) => Error::Io(error),
            Stop::Malformed => diagnose(&mut self.reader, self.start),
        }
    }

    /// Checks and merges every record of `Rec`'s table. `merged_away` says of a checked record
    /// that it is not brought in (see `merge_rows`).
    ///
    /// Two threads share the work, on two cores: this one holds the connection and merges,
    /// while another reads, parses and checks the records ahead of it (see
    /// [`Export::check_all`]). SQLite's inserts are most of an import's time; reading and
    /// checking beside them, rather than between them, takes the rest out of the wait. The
    /// records come in file order, and the first error in that order, the reader's or the
    /// merge's, is the one returned.
    fn table<Rec: Record>(
        &mut self,
        conn: &Connection,
        ids: &mut Ids,
        summary: &mut Summary,
        progress: &ProgressBar,
        mut merged_away: impl FnMut(Uuid) -> Result<bool, Error>,
    ) -> Result<(), Error> {
        let table = Rec::TABLE;
        let records = self.tables.get(table.name).map_or(0, |(_, count)| *count);
        let given = Rec::given(self.format_version);
        let mut lookup = Lookup::new(conn, table, given)?;
        let mut merge_batch = |batch: Batch<Rec>| -> Result<(), Error> {
            for checked in batch {
                let Checked {
                    index,
                    uuid,
                    name_key,
                    record,
                } = checked?;
                let place = Place {
                    table: table.name,
                    index,
                    uuid: Some(uuid),
                };
                if !merged_away(uuid)? {
                    let id =
                        merge::record(conn, &mut lookup, ids, summary, &place, &record, name_key)?;
                    if let Some(id) = id {
                        ids.insert(table, uuid, id);
                    }
                }
                progress.inc(1);
            }
            Ok(())
        };
        if !two_cores() {
            // A second thread would only take turns with this one: the batches are merged as
            // they are read, here.
            let mut merged = Ok(());
            self.check_all::<Rec>(records, |batch| {
                merged = merge_batch(batch);
                merged.is_ok()
            });
            return merged;
        }
        let reader = &mut *self;
        std::thread::scope(|scope| {
            let (send, received) = mpsc::sync_channel(BATCHES);
            scope.spawn(move || reader.check_all::<Rec>(records, |batch| send.send(batch).is_ok()));
            // Leaving early drops `received`: the reader, its next batch refused, stops, and
            // the scope waits for it.
            received.into_iter().try_for_each(merge_batch)
        })
    }

    /// Reads and checks the records of `Rec`'s table (which holds `records`) in file order,
    /// handing them to `merge` a batch at a time, and stops at the first error, handed last.
    /// Stops as well when `merge` says it takes no more (it met an error of its own).
    fn check_all<Rec: Record>(&mut self, records: u64, mut merge: impl FnMut(Batch<Rec>) -> bool) {
        let table = Rec::TABLE.name;
        let mut checks = Checks::with_capacity(records);
        let mut batch = Vec::with_capacity(BATCH);
        let mut gone = false;
        let read = self.each(table, |index, wire: Rec::Wire| {
            batch.push(Ok(checked::<Rec>(table, index, wire, &mut checks)?));
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if !merge(full) {
                    gone = true;
                    // Seen by no one: only stops the reading.
                    return Err(Error::Io(io::Error::other("the merge stopped")));
                }
            }
            Ok(())
        });
        if gone {
            return;
        }
        batch.extend(read.err().map(Err));
        // The merge may have stopped meanwhile: then no one is left to tell.
        merge(batch);
    }

    /// The rows of [`Export::merge`], table after table.
    fn merge_rows(&mut self, conn: &Connection, progress: &ProgressBar) -> Result<Summary, Error> {
        let mut summary = Summary::default();
        let mut ids = Ids::default();
        self.merge_settings(conn, &mut summary)?;
        let none = |_: Uuid| Ok::<bool, Error>(false);
        self.table::<NetworkRecord>(conn, &mut ids, &mut summary, progress, none)?;
        self.table::<FeeChangeRecord>(conn, &mut ids, &mut summary, progress, none)?;

        // Contacts merged into another, here or in the journal the file comes from: the file's
        // merges are remembered, and a merged contact's record is not brought back but stands
        // for the contact it was merged into (see `merged_onto`).
        let mut seen = check::Seen::default();
        self.each(
            "merged_contacts",
            |index, wire: wire::MergedContactRecord| {
                let place = check::place("merged_contacts", index, &wire.old_uuid, &mut seen)?;
                let record = MergedContactRecord {
                    old_uuid: place.uuid.unwrap_or_default(),
                    into_uuid: check::reference(&place, "into_uuid", &wire.into_uuid)?,
                    merged_at: wire.merged_at,
                };
                let into = record.into_uuid.to_string();
                if record.old_uuid == record.into_uuid {
                    return Err(place.refuse(
                        Msg::RecordRefNotUuid,
                        &[("field", "into_uuid"), ("value", &into)],
                    ));
                }
                check::stamps(&place, &record.merged_at, &record.merged_at)?;
                conn.execute(
                    "INSERT OR IGNORE INTO merged_contacts (old_uuid, into_uuid, merged_at)
                 VALUES (?1, ?2, ?3)",
                    params![record.old_uuid.to_string(), into, record.merged_at],
                )?;
                Ok(())
            },
        )?;
        let any_merged: bool = conn
            .query_row("SELECT 1 FROM merged_contacts LIMIT 1", [], |row| {
                row.get::<_, i64>(0)
            })
            .optional()?
            .is_some();
        let in_file = if any_merged {
            self.contact_uuids()?
        } else {
            HashSet::default()
        };
        let mut merged_away = Vec::new();
        self.table::<ContactRecord>(conn, &mut ids, &mut summary, progress, |uuid| {
            if !any_merged {
                return Ok(false);
            }
            let into = merge::merged_onto(conn, &uuid.to_string(), &in_file)?;
            let away = into.is_some();
            merged_away.extend(into.map(|into| (uuid, into)));
            Ok(away)
        })?;
        for (uuid, into) in merged_away {
            // In the journal, or among the file's contacts (see `merged_onto`).
            let id = match merge::contact_by_uuid(conn, &into)? {
                Some(id) => id,
                None => ids.contact(&into).unwrap_or_default(),
            };
            summary.contacts.present += 1;
            ids.insert(&db::table::CONTACTS, uuid, id);
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
            ids.merge_contacts(keep, other);
        }

        self.table::<MeetingRecord>(conn, &mut ids, &mut summary, progress, none)?;
        self.table::<ReferralRecord>(conn, &mut ids, &mut summary, progress, none)?;
        self.table::<NoteRecord>(conn, &mut ids, &mut summary, progress, none)?;
        Ok(summary)
    }

    /// The uuids of the file's contacts (read in a pass of their own: a contact may have been
    /// merged into one further down the file).
    fn contact_uuids(&mut self) -> Result<HashSet<u128>, Error> {
        #[derive(Deserialize)]
        struct Uuid {
            uuid: String,
        }
        let mut uuids = HashSet::default();
        self.each("contacts", |_, record: Uuid| {
            uuids.insert(merge::key(record.uuid.trim()));
            Ok(())
        })?;
        Ok(uuids)
    }

    /// The file's currency, taken by a journal that holds nothing yet, and its settings.
    fn merge_settings(&self, conn: &Connection, summary: &mut Summary) -> Result<(), Error> {
        let journal_currency = settings::currency(conn)?;
        if journal_currency != self.currency {
            if super::export::row_count(conn)? == 0 {
                settings::set(conn, "currency", &self.currency)?;
                summary.currency_set = Some(self.currency.clone());
            } else {
                return Err(Error::Currency {
                    file: self.currency.clone(),
                    journal: journal_currency,
                });
            }
        }
        for (key, value) in &self.settings {
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
        Ok(())
    }
}

/// How many records go to the merge at a time: handing them over one by one, the two threads
/// spent more time waking each other than working.
const BATCH: usize = 64;

/// How many batches the reader may be ahead of the merge: enough that neither waits on the
/// other, few enough that memory stays bounded whatever the file's size (a few hundred records
/// of a few hundred bytes).
const BATCHES: usize = 4;

/// Whether this process may run on two cores at once (`taskset` and container limits count):
/// on one, reading beside the merge gains nothing.
fn two_cores() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// Records read and checked, in file order; an error, if any, comes last.
type Batch<Rec> = Vec<Result<Checked<Rec>, Error>>;

/// A record read and checked, on its way to the merge: its index in its table, its uuid in the
/// journal's spelling (taken out of it), the key of its name if it has one (worked out here,
/// off the merge's thread: folding 20,000 names is not nothing), and the record.
struct Checked<Rec> {
    index: usize,
    uuid: Uuid,
    name_key: Option<String>,
    record: Rec,
}

/// Checks the record at `index` of `table`, with what the table's records before it left in
/// `checks`: its uuid, its fields, its stamps.
fn checked<Rec: Record>(
    table: &'static str,
    index: usize,
    wire: Rec::Wire,
    checks: &mut Checks,
) -> Result<Checked<Rec>, Error> {
    let place = check::place(table, index, Rec::wire_uuid(&wire), &mut checks.seen)?;
    let record = Rec::check(wire, &place, checks)?;
    let [created_at, updated_at] = record.stamps();
    check::stamps(&place, created_at, updated_at)?;
    let name_key = record.name().map(crate::domain::text::name_key);
    Ok(Checked {
        index,
        uuid: place.uuid.unwrap_or_default(),
        name_key,
        record,
    })
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

    /// The tally of `table`.
    fn tally(&mut self, table: &str) -> &mut Tally {
        match table {
            "networks" => &mut self.networks,
            "fee_changes" => &mut self.fee_changes,
            "contacts" => &mut self.contacts,
            "meetings" => &mut self.meetings,
            "referrals" => &mut self.referrals,
            _ => &mut self.notes,
        }
    }

    /// Whether the import changed the journal.
    pub fn changed(&self) -> bool {
        self.currency_set.is_some() || self.tables().iter().any(|(_, t)| t.added > 0)
    }
}
