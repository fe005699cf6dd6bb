//! What the merge needs to know of each kind of record, given once per table: how the record
//! the file gives (its [`wire`](crate::transfer::wire) shape, strings and numbers) is checked
//! into the table's typed record, and the typed record's values in the order of the table's
//! columns ([`crate::db::table`]), bound as the journal stores them.

use chrono::NaiveDate;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::Error;
use super::check::{
    self, Checks, Place, add_up, address, date, keyword, opt_date, opt_reference, opt_text, range,
    reference,
};
use super::lookup::Lookup;
use crate::db::table::{self, Table};
use crate::domain::address::{parse_email, parse_linkedin};
use crate::domain::date::{Stored, write_stored};
use crate::domain::money::MAX_CENTS;
use crate::domain::{
    Direction, FeePeriod, Kind, MeetingFormat, ReferralStatus, Severity, StartTime, Text,
};
use crate::messages::{Message, Msg};
use crate::transfer::{
    ContactRecord, FeeChangeRecord, MeetingRecord, NetworkRecord, NoteRecord, ReferralRecord, wire,
};

/// A record's value for one column: a value, text written from a typed value (a date, a time:
/// held in the field, as their `ToSql` would store them but without allocating), or a
/// reference to another record by its uuid (which the merge turns into the journal's id).
pub enum Field<'a> {
    Value(ValueRef<'a>),
    Stored(Stored),
    Ref(Option<Uuid>),
}

impl<'a> Field<'a> {
    fn text(text: &'a Option<String>) -> Field<'a> {
        Field::Value(text.as_deref().map_or(ValueRef::Null, Field::of_str))
    }

    fn int(value: Option<i64>) -> Field<'a> {
        Field::Value(value.map_or(ValueRef::Null, ValueRef::Integer))
    }

    fn of(text: &'a str) -> Field<'a> {
        Field::Value(Field::of_str(text))
    }

    fn of_str(text: &'a str) -> ValueRef<'a> {
        ValueRef::Text(text.as_bytes())
    }

    /// A keyword of a vocabulary, as its `ToSql` stores it.
    fn word(keyword: &'static str) -> Field<'a> {
        Field::of(keyword)
    }

    /// A keyword the record may leave out.
    fn opt_word(keyword: Option<&'static str>) -> Field<'a> {
        keyword.map_or(Field::Value(ValueRef::Null), Field::word)
    }

    /// A date, stored `YYYY-MM-DD`.
    fn day(day: NaiveDate) -> Field<'a> {
        Field::Stored(write_stored(day))
    }

    fn opt_day(day: Option<NaiveDate>) -> Field<'a> {
        day.map_or(Field::Value(ValueRef::Null), Field::day)
    }

    /// The value bound, once references are resolved (a reference left is none).
    pub fn value(&self) -> ValueRef<'_> {
        match self {
            Field::Value(value) => *value,
            Field::Stored(stored) => ValueRef::Text(stored.as_str().as_bytes()),
            Field::Ref(_) => ValueRef::Null,
        }
    }
}

/// A record of one of the tables an export carries: the typed record, which the file's
/// [`Record::Wire`] is checked into, on one thread, and merged on another (hence `Send`).
pub trait Record: Sized + Send {
    const TABLE: &'static Table;

    /// The record as the file gives it, read by serde.
    type Wire: DeserializeOwned + Send;

    /// The wire record's uuid, as the file gives it.
    fn wire_uuid(wire: &Self::Wire) -> &str;

    /// Checks the fields of `wire` (the uuid, which `place` holds checked, and the stamps
    /// aside) into the typed record, as the journal keeps them; `checks` holds what the
    /// table's records before it left.
    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error>;

    /// `created_at` and `updated_at`.
    fn stamps(&self) -> [&str; 2];

    /// The values of the table's columns, in order.
    fn fields(&self) -> Vec<Field<'_>>;

    /// The value of the derived column, the name's key aside.
    fn derived(&self) -> Option<ValueRef<'_>> {
        None
    }

    /// How a conflict names a record: by its name (`ConflictNetwork`), or by its date and uuid
    /// (`ConflictMeeting`).
    const WHAT: Msg;

    /// For a table whose names are unique: how a record is told whose name the journal holds
    /// under another uuid (`ConflictSameNetwork`).
    const SAME_NAME: Option<Msg> = None;

    /// The name, for a table whose names are unique.
    fn name(&self) -> Option<&str> {
        None
    }

    /// The date a conflict names a record by, when it has no name.
    fn date(&self) -> Option<NaiveDate> {
        None
    }

    /// How many of the columns a file of export format `version` gives (the others came later,
    /// and are not compared).
    fn given(_version: i64) -> usize {
        usize::MAX
    }

    /// The contacts met, for a meeting.
    fn met(&self) -> &[Uuid] {
        &[]
    }

    /// The record, for a conflict: `meeting of 2024-03-01 (uuid …)`. `values` are its columns'
    /// values, references resolved.
    fn what(&self, uuid: &str, _conn: &Connection, _values: &[ValueRef]) -> Message {
        match self.name() {
            Some(name) => Message::keyed(Self::WHAT, &[("name", name)]),
            None => {
                let date = self.date().map(write_stored).unwrap_or_default();
                Message::keyed(Self::WHAT, &[("date", date.as_str()), ("uuid", uuid)])
            }
        }
    }

    /// A row of the journal, under another uuid, that is this record made on each side apart
    /// (a network or a contact of the same name, a fee change of the same network and day):
    /// the journal's row is kept, and the record is a conflict, told by the message. Returns
    /// the row's id (when the record's references may be mapped onto it), and the message.
    fn twin(
        &self,
        conn: &Connection,
        lookup: &Lookup,
        place: &Place,
        _values: &[ValueRef],
    ) -> Result<Option<(Option<i64>, Message)>, Error> {
        match (Self::SAME_NAME, self.name()) {
            (Some(key), Some(name)) => same_name(conn, lookup, place, key, name),
            _ => Ok(None),
        }
    }
}

/// `wire_uuid` and `stamps`, for a record with the fields of those names.
macro_rules! stamped {
    () => {
        fn wire_uuid(wire: &Self::Wire) -> &str {
            &wire.uuid
        }

        fn stamps(&self) -> [&str; 2] {
            [&self.created_at, &self.updated_at]
        }
    };
}

/// The row of a named table whose name has the record's name's key: `key` says whose name it
/// is (`ConflictSameNetwork`, `ConflictSameContact`).
fn same_name(
    conn: &Connection,
    lookup: &Lookup,
    place: &Place,
    key: Msg,
    name: &str,
) -> Result<Option<(Option<i64>, Message)>, Error> {
    if lookup.was_empty {
        // Nothing to look up (see `Lookup::name_taken`): the name's key is not worked out.
        return Ok(None);
    }
    let found = lookup.name_taken(conn, &crate::domain::text::name_key(name))?;
    Ok(found.map(|(id, kept)| {
        let record = format!("{}[{}]", place.table, place.index);
        let said = Message::keyed(key, &[("name", name), ("record", &record), ("kept", &kept)]);
        (Some(id), said)
    }))
}

/// The name, checked and kept as `add` keeps it, once in the file (case aside: see
/// [`check::unique_name`]).
fn checked_name(
    place: &Place,
    text: &str,
    taken: Msg,
    checks: &mut Checks,
) -> Result<String, Error> {
    let name = check::name(place, text)?;
    check::unique_name(place, taken, &name, &mut checks.names)?;
    Ok(name.as_str().to_string())
}

/// An amount of money, within what one amount and the table's total may be.
fn amount(
    place: &Place,
    field: &str,
    cents: Option<i64>,
    checks: &mut Checks,
) -> Result<(), Error> {
    range(place, field, cents, 0, MAX_CENTS)?;
    add_up(place, field, &mut checks.total, cents)
}

fn fee_period(place: &Place, text: &str) -> Result<FeePeriod, Error> {
    keyword(
        place,
        "fee_period",
        text,
        FeePeriod::from_keyword,
        Msg::AFeePeriod,
        FeePeriod::keywords_in,
    )
}

impl Record for NetworkRecord {
    const TABLE: &'static Table = &table::NETWORKS;
    const WHAT: Msg = Msg::ConflictNetwork;
    const SAME_NAME: Option<Msg> = Some(Msg::ConflictSameNetwork);
    type Wire = wire::NetworkRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error> {
        let name = checked_name(place, &wire.name, Msg::RecordNetworkNameTaken, checks)?;
        let kind = keyword(
            place,
            "kind",
            &wire.kind,
            Kind::from_keyword,
            Msg::AKindOfNetwork,
            Kind::keywords_in,
        )?;
        let joined_on = opt_date(place, "joined_on", &wire.joined_on)?;
        let left_on = opt_date(place, "left_on", &wire.left_on)?;
        if let (Some(joined), Some(left)) = (joined_on, left_on)
            && left < joined
        {
            return Err(place.refuse(
                Msg::RecordLeftBeforeJoined,
                &[
                    ("left", write_stored(left).as_str()),
                    ("joined", write_stored(joined).as_str()),
                ],
            ));
        }
        let exit_reason = opt_text(place, "exit_reason", wire.exit_reason)?;
        let invited_by = opt_text(place, "invited_by", wire.invited_by)?;
        let rules = opt_text(place, "rules", wire.rules)?;
        let notes = opt_text(place, "notes", wire.notes)?;
        amount(place, "fee_cents", wire.fee_cents, checks)?;
        let fee_period = wire
            .fee_period
            .as_deref()
            .map(|period| fee_period(place, period))
            .transpose()?;
        if wire.fee_cents.is_some() != fee_period.is_some() {
            return Err(place.refuse(Msg::RecordFeeTogether, &[]));
        }
        Ok(NetworkRecord {
            uuid: place.uuid.unwrap_or_default(),
            name,
            kind,
            joined_on,
            left_on,
            exit_reason,
            invited_by,
            fee_cents: wire.fee_cents,
            fee_period,
            rules,
            notes,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::of(&self.name),
            Field::word(self.kind.as_str()),
            Field::opt_day(self.joined_on),
            Field::opt_day(self.left_on),
            Field::text(&self.exit_reason),
            Field::text(&self.invited_by),
            Field::int(self.fee_cents),
            Field::opt_word(self.fee_period.map(FeePeriod::as_str)),
            Field::text(&self.rules),
            Field::text(&self.notes),
        ]
    }

    fn name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

/// The name of the network `values[0]` (a fee change's), for messages.
fn network_name(conn: &Connection, values: &[ValueRef]) -> Result<String, Error> {
    let id = match values.first() {
        Some(ValueRef::Integer(id)) => *id,
        _ => 0,
    };
    Ok(conn
        .query_row("SELECT name FROM networks WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_default())
}

impl Record for FeeChangeRecord {
    const TABLE: &'static Table = &table::FEE_CHANGES;
    const WHAT: Msg = Msg::ConflictFeeChange;
    type Wire = wire::FeeChangeRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error> {
        let network_uuid = reference(place, "network_uuid", &wire.network_uuid)?;
        let from_on = date(place, "from_on", &wire.from_on)?;
        amount(place, "fee_cents", Some(wire.fee_cents), checks)?;
        let fee_period = fee_period(place, &wire.fee_period)?;
        if let Some(first) = checks.dates.insert((network_uuid, from_on), place.index) {
            let other = format!("fee_changes[{first}]");
            return Err(place.refuse(Msg::RecordFeeChangeTwice, &[("other", &other)]));
        }
        Ok(FeeChangeRecord {
            uuid: place.uuid.unwrap_or_default(),
            network_uuid,
            from_on,
            fee_cents: wire.fee_cents,
            fee_period,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::Ref(Some(self.network_uuid)),
            Field::day(self.from_on),
            Field::int(Some(self.fee_cents)),
            Field::word(self.fee_period.as_str()),
        ]
    }

    fn what(&self, uuid: &str, conn: &Connection, values: &[ValueRef]) -> Message {
        let name = network_name(conn, values).unwrap_or_default();
        let date = write_stored(self.from_on);
        let args = [
            ("name", name.as_str()),
            ("date", date.as_str()),
            ("uuid", uuid),
        ];
        Message::keyed(Msg::ConflictFeeChange, &args)
    }

    fn twin(
        &self,
        conn: &Connection,
        lookup: &Lookup,
        place: &Place,
        values: &[ValueRef],
    ) -> Result<Option<(Option<i64>, Message)>, Error> {
        if lookup.was_empty {
            return Ok(None);
        }
        let date = write_stored(self.from_on).as_str().to_string();
        let taken: Option<i64> = conn
            .prepare_cached("SELECT id FROM fee_changes WHERE network_id = ?1 AND from_on = ?2")?
            .query_row(params![ToSqlOutput::Borrowed(values[0]), date], |row| {
                row.get(0)
            })
            .optional()?;
        if taken.is_none() {
            return Ok(None);
        }
        let name = network_name(conn, values)?;
        let record = format!("fee_changes[{}]", place.index);
        let said = Message::keyed(
            Msg::ConflictSameFeeChange,
            &[("name", &name), ("date", &date), ("record", &record)],
        );
        Ok(Some((None, said)))
    }
}

impl Record for ContactRecord {
    const TABLE: &'static Table = &table::CONTACTS;
    const WHAT: Msg = Msg::ConflictContact;
    const SAME_NAME: Option<Msg> = Some(Msg::ConflictSameContact);
    type Wire = wire::ContactRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error> {
        let name = checked_name(place, &wire.name, Msg::RecordContactNameTaken, checks)?;
        let profession = opt_text(place, "profession", wire.profession)?;
        let company = opt_text(place, "company", wire.company)?;
        let notes = opt_text(place, "notes", wire.notes)?;
        let email = address(place, "email", wire.email, parse_email)?;
        let linkedin = address(place, "linkedin", wire.linkedin, parse_linkedin)?;
        let network_uuid = opt_reference(place, "network_uuid", &wire.network_uuid)?;
        let added_on = date(place, "added_on", &wire.added_on)?;
        Ok(ContactRecord {
            uuid: place.uuid.unwrap_or_default(),
            name,
            profession,
            company,
            email,
            linkedin,
            network_uuid,
            notes,
            added_on,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::of(&self.name),
            Field::text(&self.profession),
            Field::text(&self.company),
            Field::text(&self.email),
            Field::text(&self.linkedin),
            Field::Ref(self.network_uuid),
            Field::text(&self.notes),
            Field::day(self.added_on),
        ]
    }

    fn name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

impl Record for MeetingRecord {
    const TABLE: &'static Table = &table::MEETINGS;
    const WHAT: Msg = Msg::ConflictMeeting;
    type Wire = wire::MeetingRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error> {
        let date = date(place, "date", &wire.date)?;
        let start_time = match &wire.start_time {
            Some(time) => Some(StartTime::from_iso(time).ok_or_else(|| {
                place.refuse(
                    Msg::RecordNotTime,
                    &[("field", "start_time"), ("value", time)],
                )
            })?),
            None => None,
        };
        let network_uuid = opt_reference(place, "network_uuid", &wire.network_uuid)?;
        let format = keyword(
            place,
            "format",
            &wire.format,
            MeetingFormat::from_keyword,
            Msg::AMeetingFormat,
            MeetingFormat::keywords_in,
        )?;
        range(place, "minutes", wire.minutes, 0, 1440)?;
        // As `log meeting` refuses it: a file cannot bring in what could not be typed.
        let too_long = wire
            .minutes
            .and_then(|minutes| format.too_long(minutes as u32));
        if let Some((said, _)) = too_long {
            return Err(place.error(said));
        }
        range(place, "travel_minutes", wire.travel_minutes, 0, 1440)?;
        amount(place, "cost_cents", wire.cost_cents, checks)?;
        range(place, "rating", wire.rating, 1, 5)?;
        let notes = opt_text(place, "notes", wire.notes)?;
        let mut contact_uuids = wire
            .contact_uuids
            .iter()
            .map(|contact| reference(place, "contact_uuids", contact))
            .collect::<Result<Vec<Uuid>, Error>>()?;
        contact_uuids.sort_unstable();
        contact_uuids.dedup();
        Ok(MeetingRecord {
            uuid: place.uuid.unwrap_or_default(),
            date,
            start_time,
            network_uuid,
            format,
            minutes: wire.minutes,
            travel_minutes: wire.travel_minutes,
            cost_cents: wire.cost_cents,
            rating: wire.rating,
            notes,
            contact_uuids,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::day(self.date),
            Field::Ref(self.network_uuid),
            Field::word(self.format.as_str()),
            Field::int(self.minutes),
            Field::int(self.travel_minutes),
            Field::int(self.cost_cents),
            Field::int(self.rating),
            Field::text(&self.notes),
            self.start_time
                .map_or(Field::Value(ValueRef::Null), |time| {
                    Field::Stored(time.stored())
                }),
        ]
    }

    fn derived(&self) -> Option<ValueRef<'_>> {
        Some(ValueRef::Integer(self.format.in_person().into()))
    }

    /// A file of version 2 or older says nothing of start times: its meetings are compared on
    /// what it says, so that a start time since added is no conflict.
    fn given(version: i64) -> usize {
        if version < 3 { 8 } else { usize::MAX }
    }

    fn met(&self) -> &[Uuid] {
        &self.contact_uuids
    }

    fn date(&self) -> Option<NaiveDate> {
        Some(self.date)
    }
}

impl Record for ReferralRecord {
    const TABLE: &'static Table = &table::REFERRALS;
    const WHAT: Msg = Msg::ConflictReferral;
    type Wire = wire::ReferralRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, checks: &mut Checks) -> Result<Self, Error> {
        let direction = keyword(
            place,
            "direction",
            &wire.direction,
            Direction::from_keyword,
            Msg::ADirection,
            Direction::keywords_in,
        )?;
        let date = date(place, "date", &wire.date)?;
        let network_uuid = opt_reference(place, "network_uuid", &wire.network_uuid)?;
        let contact_uuid = opt_reference(place, "contact_uuid", &wire.contact_uuid)?;
        let description = opt_text(place, "description", wire.description)?;
        let status = keyword(
            place,
            "status",
            &wire.status,
            ReferralStatus::from_keyword,
            Msg::AReferralStatus,
            ReferralStatus::keywords_in,
        )?;
        amount(place, "value_cents", wire.value_cents, checks)?;
        if wire.value_cents.is_some() && status != ReferralStatus::Won {
            return Err(place.refuse(Msg::RecordValueNotWon, &[("status", status.as_str())]));
        }
        Ok(ReferralRecord {
            uuid: place.uuid.unwrap_or_default(),
            direction,
            date,
            network_uuid,
            contact_uuid,
            description,
            status,
            value_cents: wire.value_cents,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::word(self.direction.as_str()),
            Field::day(self.date),
            Field::Ref(self.network_uuid),
            Field::Ref(self.contact_uuid),
            Field::text(&self.description),
            Field::word(self.status.as_str()),
            Field::int(self.value_cents),
        ]
    }

    fn date(&self) -> Option<NaiveDate> {
        Some(self.date)
    }
}

impl Record for NoteRecord {
    const TABLE: &'static Table = &table::NOTES;
    const WHAT: Msg = Msg::ConflictNote;
    type Wire = wire::NoteRecord;

    stamped!();

    fn check(wire: Self::Wire, place: &Place, _: &mut Checks) -> Result<Self, Error> {
        let date = date(place, "date", &wire.date)?;
        let text: Text = wire
            .text
            .parse()
            .map_err(|error| check::field_error(place, "text", &error))?;
        let network_uuid = opt_reference(place, "network_uuid", &wire.network_uuid)?;
        let meeting_uuid = opt_reference(place, "meeting_uuid", &wire.meeting_uuid)?;
        let contact_uuid = opt_reference(place, "contact_uuid", &wire.contact_uuid)?;
        let targets = [network_uuid, meeting_uuid, contact_uuid];
        if targets.iter().filter(|t| t.is_some()).count() > 1 {
            return Err(place.refuse(Msg::RecordNoteOnOne, &[]));
        }
        // A concern has a severity (serious when the file gives none, as every concern of a
        // version 1 file); a plain note has none, and is never resolved.
        let severity = match (&wire.severity, wire.concern) {
            (Some(severity), true) => Some(keyword(
                place,
                "severity",
                severity,
                Severity::from_keyword,
                Msg::ASeverity,
                Severity::keywords_in,
            )?),
            (None, true) => Some(Severity::Serious),
            (Some(severity), false) => {
                return Err(place.refuse(Msg::RecordSeverityNotConcern, &[("value", severity)]));
            }
            (None, false) => None,
        };
        let resolved_on = opt_date(place, "resolved_on", &wire.resolved_on)?;
        if resolved_on.is_some() && !wire.concern {
            return Err(place.refuse(Msg::RecordResolvedNotConcern, &[]));
        }
        Ok(NoteRecord {
            uuid: place.uuid.unwrap_or_default(),
            date,
            text: text.into_string(),
            concern: wire.concern,
            severity,
            resolved_on,
            network_uuid,
            meeting_uuid,
            contact_uuid,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
        })
    }

    fn fields(&self) -> Vec<Field<'_>> {
        vec![
            Field::day(self.date),
            Field::of(&self.text),
            Field::int(Some(self.concern.into())),
            Field::Ref(self.network_uuid),
            Field::Ref(self.meeting_uuid),
            Field::Ref(self.contact_uuid),
            Field::opt_word(self.severity.map(Severity::as_str)),
            Field::opt_day(self.resolved_on),
        ]
    }

    /// A version 1 file says nothing of severity nor resolution: a note it holds is compared
    /// on what it says, so that a concern since found minor or resolved is no conflict.
    fn given(version: i64) -> usize {
        if version < 2 { 6 } else { usize::MAX }
    }

    fn date(&self) -> Option<NaiveDate> {
        Some(self.date)
    }
}
