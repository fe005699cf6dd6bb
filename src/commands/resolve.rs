//! Name resolution: the network or contact a command names, by name (case-insensitively, and
//! for contacts by their folded name) or by number, or a bad-input error that says what the
//! journal holds instead (the closest name, the names known, where to see the numbers).

use rusqlite::Connection;

use crate::db::{contact, network};
use crate::domain::text::closest;
use crate::domain::{Id, Name, NameOrId};
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;
use crate::prompt::Numbered;

/// The contact `name` names, in the write: its id, or `None` when no contact has that name.
/// Several contacts whose names fold alike (kept apart by an upgrade) are refused, naming
/// them, with the way to make them one.
pub fn find_contact(conn: &Connection, name: &Name) -> Result<Option<i64>, CliError> {
    let ids = contact::find_ids(conn, name)?;
    match ids.as_slice() {
        [] => Ok(None),
        [id] => Ok(Some(*id)),
        [keep, other, ..] => {
            let mut list = Vec::with_capacity(ids.len());
            for id in &ids {
                list.push(format!("#{id} `{}`", contact::name_of(conn, *id)?));
            }
            let (keep, other) = (keep.to_string(), other.to_string());
            Err(CliError::bad_input(Message::keyed(
                Msg::SeveralContactsNamed,
                &[("name", name.as_str()), ("list", &list.join(", "))],
            ))
            .with_hint(Message::keyed(
                Msg::SayWhichOrMerge,
                &[("keep", &keep), ("other", &other)],
            )))
        }
    }
}

/// The network named `name` (case-insensitively), or a bad-input error that suggests the
/// closest name in the journal.
pub fn resolve_network(conn: &Connection, name: &Name) -> Result<network::Network, CliError> {
    if let Some(found) = network::find(conn, name)? {
        return Ok(found);
    }
    let names = network::names(conn)?;
    let error = CliError::bad_input(Message::keyed(
        Msg::NoNetworkNamed,
        &[("name", name.as_str())],
    ));
    Err(
        match closest(name.as_str(), names.iter().map(String::as_str)) {
            Some(near) => error.with_hint(Message::keyed(Msg::DidYouMean, &[("near", near)])),
            None if names.is_empty() => error.with_hint(Message::keyed(Msg::NoNetworkYet, &[])),
            None => error.with_hint(Message::keyed(
                Msg::KnownNetworks,
                &[("names", &known(&names))],
            )),
        },
    )
}

/// The id of the contact named `name` (case-insensitively), or a bad-input error that
/// suggests the closest name.
pub fn resolve_contact(conn: &Connection, name: &Name) -> Result<i64, CliError> {
    if let Some(id) = find_contact(conn, name)? {
        return Ok(id);
    }
    let names = contact::names(conn)?;
    let error = CliError::bad_input(Message::keyed(
        Msg::NoContactNamed,
        &[("name", name.as_str())],
    ));
    let error = match closest(name.as_str(), names.iter().map(String::as_str)) {
        Some(near) => error.with_hint(Message::keyed(Msg::DidYouMean, &[("near", near)])),
        None if names.is_empty() => error,
        None => error.with_hint(Message::keyed(
            Msg::KnownContacts,
            &[("names", &known(&names))],
        )),
    };
    Err(error.with_hint(Message::keyed(
        Msg::RecordContact,
        &[("name", name.as_str())],
    )))
}

/// The network an option names, when it is given: [`resolve_network`] of `Some` name.
pub fn resolve_given_network(
    conn: &Connection,
    name: Option<&Name>,
) -> Result<Option<network::Network>, CliError> {
    name.map(|name| resolve_network(conn, name)).transpose()
}

/// The network `which` names or numbers: a name first (case-insensitively), then a number (see
/// [`NameOrId`]); else a bad-input error that suggests the closest name or the list to look in.
pub fn resolve_network_ref(
    conn: &Connection,
    which: &NameOrId,
) -> Result<network::Network, CliError> {
    if let Some(name) = which.name()
        && let Some(found) = network::find(conn, name)?
    {
        return Ok(found);
    }
    match (which.name(), which.id()) {
        (_, Some(id)) if let Some(found) = network::get(conn, id.get())? => Ok(found),
        (Some(name), None) => resolve_network(conn, name),
        (name, Some(id)) => Err(no_such(name, id, true)),
        (None, None) => unreachable!("a NameOrId holds a name or a number"),
    }
}

/// The id of the contact `which` names or numbers, as [`resolve_network_ref`] finds a network.
pub fn resolve_contact_ref(conn: &Connection, which: &NameOrId) -> Result<i64, CliError> {
    if let Some(name) = which.name()
        && let Some(id) = find_contact(conn, name)?
    {
        return Ok(id);
    }
    match (which.name(), which.id()) {
        (_, Some(id)) if contact::load(conn, id.get())?.is_some() => Ok(id.get()),
        (Some(name), None) => resolve_contact(conn, name),
        (name, Some(id)) => Err(no_such(name, id, false)),
        (None, None) => unreachable!("a NameOrId holds a name or a number"),
    }
}

/// The id of the contact `which` names or numbers, for a command about to erase them: as
/// [`resolve_contact_ref`] finds one, but an unknown name is refused with the closest name, or
/// where to see the contacts, and without the hint to record them.
pub fn contact_to_remove(conn: &Connection, which: &NameOrId) -> Result<i64, CliError> {
    match (which, resolve_contact_ref(conn, which)) {
        (_, Ok(id)) => Ok(id),
        (NameOrId::Name(name), Err(_)) => {
            let names = contact::names(conn)?;
            let error = CliError::bad_input(Message::keyed(
                Msg::NoContactNamed,
                &[("name", name.as_str())],
            ));
            Err(
                match closest(name.as_str(), names.iter().map(String::as_str)) {
                    Some(near) => {
                        error.with_hint(Message::keyed(Msg::DidYouMean, &[("near", near)]))
                    }
                    None if names.is_empty() => {
                        error.with_hint(Message::keyed(Msg::NoContactYet, &[]))
                    }
                    None => error.with_hint(Message::keyed(Msg::SeeContacts, &[])),
                },
            )
        }
        (_, Err(error)) => Err(error),
    }
}

/// `no network #12`, or `no network named `12` and no network #12` when `12` was also a name.
fn no_such(name: Option<&Name>, id: Id, network: bool) -> CliError {
    let id = id.get().to_string();
    let (key, things) = match (name.is_some(), network) {
        (true, true) => (Msg::NoNetworkNamedOrNumbered, "networks"),
        (true, false) => (Msg::NoContactNamedOrNumbered, "contacts"),
        (false, true) => (Msg::NoNetworkNumbered, "networks"),
        (false, false) => (Msg::NoContactNumbered, "contacts"),
    };
    let name = name.map(Name::as_str).unwrap_or_default();
    CliError::bad_input(Message::keyed(key, &[("name", name), ("id", &id)]))
        .with_hint(Message::keyed(Msg::SeeNumbers, &[("things", things)]))
}

/// Up to five names, in backticks, for a hint.
fn known(names: &[String]) -> String {
    let mut shown: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
    if names.len() > 5 {
        shown.push("…".into());
    }
    shown.join(", ")
}

/// No meeting, referral or note has number `id`: bad input, with where the numbers are listed.
pub fn no_numbered(what: Numbered, id: i64) -> CliError {
    let (missing, see) = match what {
        Numbered::Meeting => (Msg::NoMeeting, Msg::SeeMeetings),
        Numbered::Referral => (Msg::NoReferral, Msg::SeeReferrals),
        Numbered::Note => (Msg::NoNote, Msg::SeeNotes),
    };
    CliError::bad_input(Message::keyed(missing, &[("id", &id.to_string())]))
        .with_hint(Message::keyed(see, &[]))
}
