//! Conflicts said: the differences between a record and the journal's row, each value as the
//! user knows it (a network by its name, a meeting by its date), in their language.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::Error;
use crate::i18n::Lang;
use crate::messages::{Arg, Message, Msg, Words};

/// `field: the file's value (the journal: its value)`, for the column `column`.
pub fn difference(
    conn: &Connection,
    column: &'static str,
    file: &Value,
    journal: &Value,
) -> Result<Message, Error> {
    let (file, journal) = (shown(conn, column, file)?, shown(conn, column, journal)?);
    let said = |value: Shown| Words::new(move |lang| value.say(column, lang));
    Ok(Message::new(Msg::ConflictDifference)
        .with("field", Words::new(move |lang| field_label(column, lang)))
        .with("file", said(file))
        .with("journal", said(journal)))
}

/// The contacts met, as the file (`met`) and the journal (`kept`) give them (sorted ids).
pub fn met_difference(conn: &Connection, met: &[i64], kept: &[i64]) -> Result<Message, Error> {
    let (file, journal) = (contact_names(conn, met)?, contact_names(conn, kept)?);
    let names = |names: Option<String>| match names {
        Some(names) => Arg::from(names),
        None => Arg::from(Msg::ValueNobody),
    };
    Ok(Message::new(Msg::ConflictDifference)
        .with("field", Msg::FieldContactsMet)
        .with("file", names(file))
        .with("journal", names(journal)))
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
        ("network_id", Value::Integer(id)) => Shown::Name(of(conn, "name", "networks", *id)?),
        ("contact_id", Value::Integer(id)) => Shown::Name(of(conn, "name", "contacts", *id)?),
        ("meeting_id", Value::Integer(id)) => {
            Shown::Meeting(of(conn, "date", "meetings", *id)?, *id)
        }
        ("concern", Value::Integer(flag)) => Shown::Flag(*flag != 0),
        (_, Value::Integer(n)) => Shown::Number(*n),
        (_, Value::Text(text)) => Shown::Text(text.clone()),
        (_, other) => Shown::Other(format!("{other:?}")),
    })
}

/// The `column` of the row `id` of `table`.
fn of(conn: &Connection, column: &str, table: &str, id: i64) -> Result<String, Error> {
    let sql = format!("SELECT {column} FROM {table} WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |row| row.get(0))?)
}

/// The contacts' names in backticks, or `None` for nobody.
fn contact_names(conn: &Connection, ids: &[i64]) -> Result<Option<String>, Error> {
    if ids.is_empty() {
        return Ok(None);
    }
    let mut names = Vec::with_capacity(ids.len());
    for id in ids {
        names.push(format!("`{}`", of(conn, "name", "contacts", *id)?));
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

pub fn differs(what: &Message, differences: &[Message]) -> Message {
    Message::new(Msg::ConflictDiffers).with("what", what).with(
        "differences",
        Arg::List(differences.iter().map(Arg::from).collect()),
    )
}
