//! The journal as one versioned JSON document, out (`export`) and back in (`import`).
//!
//! The document holds every row of every table with its stable `uuid` and its `created_at` and
//! `updated_at` stamps; rows refer to one another by uuid (`network_uuid`, `contact_uuids`…),
//! never by the integer ids, which differ from one journal to another. The same record types
//! serve both ways, so that what `export` writes is exactly what `import` reads:
//!
//! ```text
//! { "format": "netjournal-export", "format_version": 4, "schema_version": 4,
//!   "exported_at": "…", "currency": "EUR", "settings": { "rate.hourly": "6000" },
//!   "networks": […], "fee_changes": […], "contacts": […], "meetings": […],
//!   "referrals": […], "notes": […], "merged_contacts": […] }
//! ```
//!
//! Version 2 added the fees that take effect after joining (`fee_changes`) and each note's
//! `severity` and `resolved_on`. A version 1 file still imports: its concerns are serious and
//! unresolved, and its networks' fees apply from joining.
//!
//! Version 3 added each meeting's `start_time` (`HH:MM`, or null); an older file's meetings
//! have none.
//!
//! Version 4 added `merged_contacts`: each contact `merge contact` made part of another, as
//! `{ "old_uuid", "into_uuid", "merged_at" }`. Importing maps a merged contact's rows onto the
//! one kept, so that an export taken before a merge never brings the merged person back. A
//! file of version 1 to 3 has none, and imports as it did.
//!
//! # Two shapes of a record
//!
//! Each table has one typed record ([`NetworkRecord`], [`MeetingRecord`]…): its fields are the
//! journal's own types (a [`Uuid`], a [`NaiveDate`], a [`Kind`], an optional [`StartTime`]),
//! with free text as `String` and amounts as checked cents (`i64`). `export` reads the journal
//! into it and writes it (`Serialize`): uuids lower case with hyphens, dates `YYYY-MM-DD`,
//! keywords as stored. `import` checks a file's record into it, and binds its typed values.
//!
//! The file is read first into the lenient shapes of [`wire`], whose fields are the strings
//! and numbers the file holds: serde says only what is not the shape of a record (a missing
//! field, a number for a string), and the import's own checks then say, in the user's
//! language, which record and field holds a value the journal refuses, in the order they
//! always have (see `import::records`). serde's derive cannot give both: a typed field read
//! by serde would fail with serde's message, before the checks of the fields ahead of it, and
//! without the record's uuid. So the wire shapes and the typed ones are two types, with a check
//! between them, and only the typed ones are ever written.

pub mod export;
pub mod import;
pub mod staged;
pub mod wire;

use std::fmt;
use std::io::IsTerminal;
use std::time::Duration;

use chrono::NaiveDate;
use indicatif::{HumanDuration, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::{
    Direction, FeePeriod, Kind, MeetingFormat, ReferralStatus, Severity, StartTime,
};

use crate::i18n::Lang;
use crate::messages::Msg;

/// What `format` says in every export.
pub const FORMAT: &str = "netjournal-export";
/// The shape of the document; a new version is a change an older program could misread.
pub const FORMAT_VERSION: i64 = 4;

/// The oldest version this program still imports.
pub const OLDEST_FORMAT_VERSION: i64 = 1;

/// A network, as exported, and as an import brings it in once checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkRecord {
    pub uuid: Uuid,
    pub name: String,
    pub kind: Kind,
    #[serde(serialize_with = "day::opt")]
    pub joined_on: Option<NaiveDate>,
    #[serde(serialize_with = "day::opt")]
    pub left_on: Option<NaiveDate>,
    pub exit_reason: Option<String>,
    pub invited_by: Option<String>,
    pub fee_cents: Option<i64>,
    pub fee_period: Option<FeePeriod>,
    pub rules: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A fee that took effect after joining a network, as exported (the fee joined at is the
/// network's own `fee_cents`/`fee_period`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeChangeRecord {
    pub uuid: Uuid,
    pub network_uuid: Uuid,
    #[serde(serialize_with = "day::one")]
    pub from_on: NaiveDate,
    pub fee_cents: i64,
    pub fee_period: FeePeriod,
    pub created_at: String,
    pub updated_at: String,
}

/// A contact, as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactRecord {
    pub uuid: Uuid,
    pub name: String,
    pub profession: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub network_uuid: Option<Uuid>,
    pub notes: Option<String>,
    #[serde(serialize_with = "day::one")]
    pub added_on: NaiveDate,
    pub created_at: String,
    pub updated_at: String,
}

/// A meeting, as exported, with the uuids of the contacts met, sorted (whether it was in
/// person follows from its format, and is not repeated).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingRecord {
    pub uuid: Uuid,
    #[serde(serialize_with = "day::one")]
    pub date: NaiveDate,
    pub start_time: Option<StartTime>,
    pub network_uuid: Option<Uuid>,
    pub format: MeetingFormat,
    pub minutes: Option<i64>,
    pub travel_minutes: Option<i64>,
    pub cost_cents: Option<i64>,
    pub rating: Option<i64>,
    pub notes: Option<String>,
    pub contact_uuids: Vec<Uuid>,
    pub created_at: String,
    pub updated_at: String,
}

/// A referral, as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferralRecord {
    pub uuid: Uuid,
    pub direction: Direction,
    #[serde(serialize_with = "day::one")]
    pub date: NaiveDate,
    pub network_uuid: Option<Uuid>,
    pub contact_uuid: Option<Uuid>,
    pub description: Option<String>,
    pub status: ReferralStatus,
    pub value_cents: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A contact merged into another by `merge contact`, as exported: the merged contact's uuid,
/// the uuid of the contact kept, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedContactRecord {
    pub old_uuid: Uuid,
    pub into_uuid: Uuid,
    pub merged_at: String,
}

/// A note, as exported: on at most one of a network, a meeting or a contact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteRecord {
    pub uuid: Uuid,
    #[serde(serialize_with = "day::one")]
    pub date: NaiveDate,
    pub text: String,
    pub concern: bool,
    /// A concern's severity; none for a plain note.
    pub severity: Option<Severity>,
    /// When a concern was resolved.
    #[serde(serialize_with = "day::opt")]
    pub resolved_on: Option<NaiveDate>,
    pub network_uuid: Option<Uuid>,
    pub meeting_uuid: Option<Uuid>,
    pub contact_uuid: Option<Uuid>,
    pub created_at: String,
    pub updated_at: String,
}

/// Dates written as the journal stores them, `2024-03-15` (see
/// [`crate::domain::date::write_stored`]).
mod day {
    use chrono::NaiveDate;
    use serde::Serializer;

    use crate::domain::date;

    pub fn one<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(date::write_stored(*day).as_str())
    }

    pub fn opt<S: Serializer>(day: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => one(day, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// From how many rows an export or an import shows a progress bar (on a terminal).
pub const PROGRESS_FROM: u64 = 2_000;

/// A progress bar on stderr for `total` rows, in `lang`, or a hidden one: when stderr is no
/// terminal, when `shown` is false (the data itself goes to the terminal), or for a small
/// journal or file that is done before a bar could be read. `verb` says what is being done
/// (`ProgressExporting`, `ProgressImporting`).
pub fn progress(total: u64, lang: Lang, verb: Msg, shown: bool) -> ProgressBar {
    if !shown || total < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    // indicatif fills this template's slots itself: it is taken as written, not filled here.
    let style =
        ProgressStyle::with_template(crate::i18n::Template::template(Msg::ProgressBar, lang))
            .map(|style| {
                style.with_key(
                    "left",
                    move |state: &ProgressState, out: &mut dyn fmt::Write| {
                        let _ = out.write_str(&time_left(state.eta(), lang));
                    },
                )
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(lang.say(verb, &[]));
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// The time left, short: `3s`, `2m` (as indicatif says it); `3 s`, `2 min` in French.
fn time_left(eta: Duration, lang: Lang) -> String {
    let short = format!("{:#}", HumanDuration(eta));
    match lang {
        Lang::En => short,
        Lang::Fr => {
            let digits = short.trim_end_matches(|c: char| !c.is_ascii_digit());
            let unit = match &short[digits.len()..] {
                "s" => "s",
                "m" => "min",
                "h" => "h",
                "d" => "j",
                "w" => "sem.",
                "y" => "an",
                other => other,
            };
            format!("{digits} {unit}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The typed record writes what the journal stores, as the rows copied out as strings did:
    /// uuids lower case with hyphens, dates `YYYY-MM-DD`, keywords, `HH:MM`, nulls.
    #[test]
    fn a_typed_record_writes_the_journal_s_spelling() {
        let uuid = |text: &str| Uuid::parse_str(text).expect("a uuid");
        let meeting = MeetingRecord {
            uuid: uuid("0000000A-0000-4000-8000-00000000000B"),
            date: NaiveDate::from_ymd_opt(2024, 3, 5).expect("a day"),
            start_time: StartTime::new(7, 30),
            network_uuid: None,
            format: MeetingFormat::Breakfast,
            minutes: Some(90),
            travel_minutes: None,
            cost_cents: Some(1_400),
            rating: None,
            notes: None,
            contact_uuids: vec![uuid("00000002-0000-4000-8000-0000000000ff")],
            created_at: "2024-03-05T07:00:00+00:00".into(),
            updated_at: "2024-03-05T07:00:00+00:00".into(),
        };
        let written = serde_json::to_string(&meeting).expect("written");
        assert_eq!(
            written,
            concat!(
                r#"{"uuid":"0000000a-0000-4000-8000-00000000000b","date":"2024-03-05","#,
                r#""start_time":"07:30","network_uuid":null,"format":"breakfast","minutes":90,"#,
                r#""travel_minutes":null,"cost_cents":1400,"rating":null,"notes":null,"#,
                r#""contact_uuids":["00000002-0000-4000-8000-0000000000ff"],"#,
                r#""created_at":"2024-03-05T07:00:00+00:00","updated_at":"2024-03-05T07:00:00+00:00"}"#
            )
        );
    }
}
