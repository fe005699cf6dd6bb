//! `edit contact ID-OR-NAME …`: rename a contact, or change what `add contact` recorded.

use crate::commands::choices;
use crate::context::{Context, resolve_contact_ref, resolve_network};
use crate::db::contact;
use crate::db::network;
use crate::domain::{DateArg, Email, LinkedinUrl, Name, NameOrId, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::prompt::Questions;

use super::{CLEAR_HELP, Changes, Edited, Given, apply, check_options, day, named, quoted};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  netjournal edit contact \"paul martin\" --company \"Martin Plomberie\" --email paul@example.com
  netjournal edit contact 4 --name \"Sophie Durand-Roux\" --clear network")]
pub struct Args {
    /// The contact: their name (any case) or their # in `netjournal list contacts`; on a
    /// terminal, picked from a list if left out
    #[arg(value_name = "ID-OR-NAME")]
    pub contact: Option<NameOrId>,
    /// A new name (unique in the journal, compared case-insensitively)
    #[arg(long, value_name = "NAME")]
    pub name: Option<Name>,
    /// What they do
    #[arg(long, value_name = "TEXT")]
    pub profession: Option<Text>,
    /// Where they work
    #[arg(long, value_name = "TEXT")]
    pub company: Option<Text>,
    /// The network you met them through
    #[arg(long, value_name = "NAME")]
    pub network: Option<Name>,
    /// Their e-mail address
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<Email>,
    /// Their LinkedIn profile
    #[arg(long, value_name = "URL")]
    pub linkedin: Option<LinkedinUrl>,
    /// Anything else worth remembering
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<Text>,
    /// When you first met them
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[arg(
        long,
        help = CLEAR_HELP,
        visible_alias = "unset",
        value_enum,
        value_name = "FIELD",
        value_delimiter = ',',
        ignore_case = true
    )]
    pub clear: Vec<Clear>,
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

impl Args {
    /// Every change option, with the field `--clear` empties in its place.
    fn options(&self) -> [Given<Clear>; 8] {
        [
            ("--name", self.name.is_some(), None),
            (
                "--profession",
                self.profession.is_some(),
                Some(Clear::Profession),
            ),
            ("--company", self.company.is_some(), Some(Clear::Company)),
            ("--network", self.network.is_some(), Some(Clear::Network)),
            ("--email", self.email.is_some(), Some(Clear::Email)),
            ("--linkedin", self.linkedin.is_some(), Some(Clear::Linkedin)),
            ("--notes", self.notes.is_some(), Some(Clear::Notes)),
            ("--date", self.date.is_some(), None),
        ]
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(
        ctx,
        "contact",
        Msg::EditExampleContact,
        &args.options(),
        &args.clear,
    )?;
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
            CliError::failure(ctx.say(Msg::ContactMissing, &[("id", &id.to_string())]))
        })?;
        let mut new = old.clone();
        if let Some(name) = &args.name {
            if let Some(taken) = contact::find_id(tx, name)?.filter(|taken| *taken != id) {
                let (keep, other) = (taken.to_string(), id.to_string());
                let taken = contact::name_of(tx, taken)?;
                return Err(
                    CliError::bad_input(ctx.say(Msg::ContactExists, &[("name", &taken)]))
                        .with_hint(ctx.say(Msg::TwoPeopleOneName, &[]))
                        .with_hint(
                            ctx.say(Msg::MergeThemHint, &[("keep", &keep), ("other", &other)]),
                        ),
                );
            }
            new.name = name.clone();
        }
        apply(
            &mut new.profession,
            args.profession.clone().map(Text::into_string),
            clear.contains(&Clear::Profession),
        );
        apply(
            &mut new.company,
            args.company.clone().map(Text::into_string),
            clear.contains(&Clear::Company),
        );
        let network = args
            .network
            .as_ref()
            .map(|name| resolve_network(tx, name))
            .transpose()?;
        apply(
            &mut new.network_id,
            network.map(|n| n.id),
            clear.contains(&Clear::Network),
        );
        apply(
            &mut new.email,
            args.email.clone().map(Email::into_string),
            clear.contains(&Clear::Email),
        );
        apply(
            &mut new.linkedin,
            args.linkedin.clone().map(LinkedinUrl::into_string),
            clear.contains(&Clear::Linkedin),
        );
        apply(
            &mut new.notes,
            args.notes.clone().map(Text::into_string),
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
        let text = |s: &String| quoted(s, lang);
        changes.field(Msg::FieldName, Some(&old.name), Some(&new.name), |n| {
            named(n.as_str())
        });
        changes.field(
            Msg::FieldProfession,
            old.profession.as_ref(),
            new.profession.as_ref(),
            text,
        );
        changes.field(
            Msg::FieldCompany,
            old.company.as_ref(),
            new.company.as_ref(),
            text,
        );
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
        changes.field(
            Msg::FieldNotes,
            old.notes.as_ref(),
            new.notes.as_ref(),
            text,
        );
        changes.field(
            Msg::FieldDate,
            Some(&old.added_on),
            Some(&new.added_on),
            day,
        );
        if !changes.is_empty() {
            contact::update(tx, id, &new, &ctx.timestamp())?;
        }
        Ok::<_, CliError>((id, new.name, changes))
    })?;
    say_line!("{}", changes.sentence(Edited::Contact(id, name.as_str())))?;
    Ok(())
}
