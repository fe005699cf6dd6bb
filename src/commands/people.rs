//! The people a command names, and the ones it would record: one person, one record.
//!
//! A typed name finds the contact whose name folds alike (case, accents, apostrophe and dash
//! styles, Unicode forms and spaces aside: see [`name_key`]). A name that finds none is a new
//! person, unless a contact's name is close to it ([`is_close`]: a typo, a dash for a space,
//! words swapped). Then, on a terminal, the user is asked "did you mean …?" before anything is
//! written; without one the command is refused (exit 2) with the suggestion, unless
//! `--new-contact` says it is someone else. So a near-duplicate is never recorded silently.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::commands::resolve::find_contact;
use crate::context::Context;
use crate::db::Access;
use crate::db::contact::{self, NewContact};
use crate::domain::Name;
use crate::domain::text::{is_close, name_key};
use crate::error::CliError;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Questions;

/// The names a command may record as new contacts: those the user confirmed are someone new
/// (on a terminal), or every one with `--new-contact`.
#[derive(Debug, Clone, Default)]
pub struct Newcomers {
    all: bool,
    confirmed: HashSet<String>,
}

impl Newcomers {
    /// `--new-contact`: every unknown name is a new person, close to a contact or not.
    pub fn all(new_contact: bool) -> Newcomers {
        Newcomers {
            all: new_contact,
            confirmed: HashSet::new(),
        }
    }

    /// Whether `name` may be recorded as a new person though a contact's name is close.
    pub fn allows(&self, name: &Name) -> bool {
        self.all || self.confirmed.contains(&name.key())
    }
}

/// Before the write, on a read of the journal: each name that finds no contact but is close to
/// one is asked about on a terminal ("did you mean …?"); the contact picked replaces the typed
/// name, and "someone else" makes the name a confirmed newcomer. Without a terminal nothing
/// is asked: [`find_or_create`] refuses the close names in the write.
pub fn settle(
    ctx: &Context,
    names: Vec<Name>,
    newcomers: &mut Newcomers,
) -> Result<Vec<Name>, CliError> {
    let picker = Questions::new(ctx, false);
    if names.is_empty() || newcomers.all || !picker.asking() {
        return Ok(names);
    }
    let journal = ctx.open(Access::ReadOnly)?;
    let conn = journal.conn();
    let mut settled = Vec::with_capacity(names.len());
    for name in names {
        if !contact::find_ids(conn, &name)?.is_empty() {
            settled.push(name);
            continue;
        }
        let near = close_contacts(conn, &name)?;
        if near.is_empty() {
            settled.push(name);
            continue;
        }
        let question = ctx.say(Msg::AskDidYouMean, &[("name", name.as_str())]);
        let mut items: Vec<String> = near.iter().map(|(_, known)| known.clone()).collect();
        items.push(ctx.say(Msg::SomeoneElse, &[("name", name.as_str())]));
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        let picked = picker.select(&question, &items)?;
        match near.get(picked) {
            Some((_, known)) => settled.push(stored_name(known)?),
            None => {
                newcomers.confirmed.insert(name.key());
                settled.push(name);
            }
        }
    }
    Ok(settled)
}

/// The contact `name` names, in the write; else a new contact, `make` giving what to record,
/// unless a contact's name is close and the user did not say it is someone new (see
/// [`settle`]). Returns the id and whether the contact was created.
pub fn find_or_create(
    conn: &Connection,
    name: &Name,
    newcomers: &Newcomers,
    make: impl FnOnce() -> NewContact,
    now: &str,
) -> Result<(i64, bool), CliError> {
    if let Some(id) = find_contact(conn, name)? {
        return Ok((id, false));
    }
    if !newcomers.allows(name)
        && let Some((_, near)) = close_contacts(conn, name)?.into_iter().next()
    {
        return Err(close_refused(name, &near));
    }
    Ok((contact::insert(conn, &make(), now)?, true))
}

/// Says that `name` was recorded as a new contact, met through `network` when there is one.
pub fn say_created(ctx: &Context, name: &str, network: Option<&str>) -> Result<(), CliError> {
    let said = match network {
        Some(network) => ctx.say(
            Msg::CreatedContactThrough,
            &[("name", name), ("network", network)],
        ),
        None => ctx.say(Msg::CreatedContact, &[("name", name)]),
    };
    say_line!("{said}")?;
    Ok(())
}

/// The refusal of a name close to the contact `near` (`--no-input`, or no terminal).
pub fn close_refused(name: &Name, near: &str) -> CliError {
    let args = [("name", name.as_str()), ("near", near)];
    CliError::bad_input(Message::keyed(Msg::NoContactNamed, &args))
        .with_hint(Message::keyed(Msg::DidYouMean, &args))
        .with_hint(Message::keyed(Msg::CloseContactHint, &args))
}

/// The contacts whose names are close to `name` ([`is_close`]) but do not fold alike, closest
/// first (fewest letters apart), by id and name.
pub fn close_contacts(conn: &Connection, name: &Name) -> Result<Vec<(i64, String)>, CliError> {
    Ok(Nearby::load(conn)?.close_to(name))
}

/// The journal's contacts, grouped so that the ones close to a name are found without
/// comparing it with every contact: close names have the same numbers and about as many
/// letters (see [`is_close`]). An importer keeps one, and adds the contacts it creates.
#[derive(Debug, Default)]
pub struct Nearby {
    /// By the name's digits and its number of letters.
    groups: HashMap<(String, usize), Vec<Known>>,
}

/// A contact in [`Nearby`]: id, name as recorded, name key.
type Known = (i64, String, String);

impl Nearby {
    pub fn load(conn: &Connection) -> Result<Nearby, CliError> {
        let mut nearby = Nearby::default();
        for known in contact::identities(conn)? {
            nearby.add(known.id, &known.name);
        }
        Ok(nearby)
    }

    /// Knows the contact `id`, named `name`, from now on.
    pub fn add(&mut self, id: i64, name: &str) {
        let key = name_key(name);
        let group = Self::group(&key);
        self.groups
            .entry(group)
            .or_default()
            .push((id, name.to_string(), key));
    }

    fn group(key: &str) -> (String, usize) {
        let digits = key.chars().filter(char::is_ascii_digit).collect();
        let letters = key.chars().filter(|c| c.is_alphanumeric()).count();
        (digits, letters)
    }

    /// The contacts close to `name` but not folding alike, closest first.
    pub fn close_to(&self, name: &Name) -> Vec<(i64, String)> {
        let key = name.key();
        let (digits, letters) = Self::group(&key);
        let mut near: Vec<(usize, i64, String)> = Vec::new();
        for count in letters.saturating_sub(2)..=letters + 2 {
            let Some(group) = self.groups.get(&(digits.clone(), count)) else {
                continue;
            };
            for (id, known, known_key) in group {
                if *known_key != key && is_close(known, name.as_str()) {
                    near.push((strsim::levenshtein(known_key, &key), *id, known.clone()));
                }
            }
        }
        near.sort();
        near.into_iter().map(|(_, id, name)| (id, name)).collect()
    }
}

/// A contact's name as stored, as a [`Name`] (it was one when recorded).
fn stored_name(stored: &str) -> Result<Name, CliError> {
    stored
        .parse()
        .map_err(|e: crate::domain::text::TextError| CliError::failure(e.message()))
}
