//! `edit contact ID-OR-NAME …`: rename a contact, or change what `add contact` recorded.

use crate::commands::add::contact::Fields;
use crate::commands::choices;
use crate::commands::resolve::{resolve_contact_ref, resolve_given_network};
use crate::context::Context;
use crate::db::contact;
use crate::db::{network, written};
use crate::domain::{DateArg, Email, LinkedinUrl, Name, NameOrId, Text};
use crate::error::CliError;
use crate::messages::{Message, Msg};
use crate::prompt::Questions;

use super::{Changes, Clearing, Edited, Given, Options, apply, check_options, day, named};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit contact \"paul martin\" --company \"Martin Plomberie\" --email paul@example.com
  netjournal edit contact 4 --name \"Sophie Durand-Roux\" --clear network")]
pub struct Args {
    /// The contact: their name (any case) or their # in `netjournal list contacts`; on a
    /// terminal, picked from a list if left out
    #[arg(value_name = "ID-OR-NAME", add = crate::commands::completions::contacts())]
    pub contact: Option<NameOrId>,
    /// A new name (unique in the journal, compared case-insensitively)
    #[arg(long, value_name = "NAME")]
    pub name: Option<Name>,
    #[command(flatten)]
    pub fields: Fields,
    /// When you first met them
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub clear: Clearing<Clear>,
}

/// The optional fields of a contact that `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    Profession,
    Company,
    Network,
    Email,
    Linkedin,
    Notes,
}

impl Options for Args {
    type Field = Clear;
    const NOUN: &'static str = "contact";
    const EXAMPLE: Msg = Msg::EditExampleContact;

    fn options(&self) -> Vec<Given<Clear>> {
        vec![
            Given::option("--name", self.name.is_some()),
            Given::field(
                "--profession",
                self.fields.profession.is_some(),
                Clear::Profession,
            ),
            Given::field("--company", self.fields.company.is_some(), Clear::Company),
            Given::field("--network", self.fields.network.is_some(), Clear::Network),
            Given::field("--email", self.fields.email.is_some(), Clear::Email),
            Given::field(
                "--linkedin",
                self.fields.linkedin.is_some(),
                Clear::Linkedin,
            ),
            Given::field("--notes", self.fields.notes.is_some(), Clear::Notes),
            Given::option("--date", self.date.is_some()),
        ]
    }

    fn clearing(&self) -> &Clearing<Clear> {
        &self.clear
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(ctx, &args)?;
    let clear = &args.clear;
    let which = Questions::new(ctx, args.contact.is_some()).contact_ref(
        args.contact.clone(),
        "ID-OR-NAME",
        || choices::contact_names(ctx),
    )?;
    let today = ctx.today();
    let mut journal = super::open(ctx)?;
    let (id, name, changes) = journal.write(|tx| {
        let id = resolve_contact_ref(tx, &which)?;
        let old = contact::load(tx, id)?.ok_or_else(|| {
            CliError::failure(Message::keyed(
                Msg::ContactMissing,
                &[("id", &id.to_string())],
            ))
        })?;
        let mut new = old.clone();
        if let Some(name) = &args.name {
            if let Some(taken) = contact::find_id(tx, name)?.filter(|taken| *taken != id) {
                let (keep, other) = (taken.to_string(), id.to_string());
                let taken = contact::name_of(tx, taken)?;
                return Err(CliError::bad_input(Message::keyed(
                    Msg::ContactExists,
                    &[("name", &taken)],
                ))
                .with_hint(Message::keyed(Msg::TwoPeopleOneName, &[]))
                .with_hint(Message::keyed(
                    Msg::MergeThemHint,
                    &[("keep", &keep), ("other", &other)],
                )));
            }
            new.name = name.clone();
        }
        apply(
            &mut new.profession,
            args.fields.profession.clone().map(Text::into_string),
            clear.contains(&Clear::Profession),
        );
        apply(
            &mut new.company,
            args.fields.company.clone().map(Text::into_string),
            clear.contains(&Clear::Company),
        );
        let network = resolve_given_network(tx, args.fields.network.as_ref())?;
        apply(
            &mut new.network_id,
            network.map(|n| n.id),
            clear.contains(&Clear::Network),
        );
        apply(
            &mut new.email,
            args.fields.email.clone().map(Email::into_string),
            clear.contains(&Clear::Email),
        );
        apply(
            &mut new.linkedin,
            args.fields.linkedin.clone().map(LinkedinUrl::into_string),
            clear.contains(&Clear::Linkedin),
        );
        apply(
            &mut new.notes,
            args.fields.notes.clone().map(Text::into_string),
            clear.contains(&Clear::Notes),
        );
        if let Some(date) = args.date {
            new.added_on = date.resolve(today);
        }
        let network_name = |id: Option<i64>| -> Result<Option<String>, CliError> {
            Ok(match id {
                Some(id) => network::get(tx, id)?.map(|n| n.name),
                None => None,
            })
        };
        let lang = ctx.lang;
        let mut changes = Changes::new(lang);
        changes.field(Msg::FieldName, Some(&old.name), Some(&new.name), |n| {
            named(n.as_str())
        });
        changes.text(Msg::FieldProfession, &old.profession, &new.profession);
        changes.text(Msg::FieldCompany, &old.company, &new.company);
        changes.field(
            Msg::FieldNetwork,
            network_name(old.network_id)?.as_ref(),
            network_name(new.network_id)?.as_ref(),
            |n| named(n),
        );
        changes.field(
            Msg::FieldEmail,
            old.email.as_ref(),
            new.email.as_ref(),
            String::clone,
        );
        changes.field(
            Msg::FieldLinkedin,
            old.linkedin.as_ref(),
            new.linkedin.as_ref(),
            String::clone,
        );
        changes.text(Msg::FieldNotes, &old.notes, &new.notes);
        changes.field(
            Msg::FieldDate,
            Some(&old.added_on),
            Some(&new.added_on),
            day,
        );
        if !changes.is_empty() {
            written::update(tx, id, &new, &ctx.timestamp())?;
        }
        Ok::<_, CliError>((id, new.name, changes))
    })?;
    say_line!("{}", changes.sentence(Edited::Contact(id, name.as_str())))?;
    Ok(())
}
