//! `edit note ID [TEXT] …`: change what `note` recorded — its text, its date, what it is on,
//! whether it is a concern, how serious, and whether it was resolved.

use crate::commands::choices;
use crate::commands::resolve::no_numbered;
use crate::commands::resolve::{resolve_contact, resolve_network};
use crate::context::Context;
use crate::db::note::{self, Target};
use crate::db::{contact, meeting, network, written};
use crate::domain::{DateArg, Id, Name, Severity, Text};
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::{Message, Msg};
use crate::prompt::{Numbered, Questions};

use super::{Changes, Clearing, Edited, Given, Options, check_options, day, named, quoted};
use crate::output::say_line;

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("target").multiple(false))]
#[command(group = clap::ArgGroup::new("flag").multiple(false))]
#[command(mut_arg("clear", |clear| clear.conflicts_with("target")))]
#[command(after_help = "Examples:
  netjournal edit note 3 --concern
  netjournal edit note 3 --severity minor
  netjournal edit note 3 --resolved 2024-05-02
  netjournal edit note 5 \"Knows every architect in Montpellier\" --contact \"Sophie Durand\"")]
pub struct Args {
    /// The note's # in `netjournal list notes`; on a terminal, picked from a list if
    /// left out
    #[arg(value_name = "ID")]
    pub note: Option<Id>,
    /// The note's new text
    #[arg(value_name = "TEXT")]
    pub text: Option<Text>,
    /// Put it on this network instead
    #[arg(long, value_name = "NAME", group = "target", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// Put it on the meeting with this # instead (see `netjournal list meetings`)
    #[arg(long, value_name = "ID", group = "target")]
    pub meeting: Option<Id>,
    /// Put it on this contact instead
    #[arg(long, value_name = "NAME", group = "target", add = crate::commands::completions::contacts())]
    pub contact: Option<Name>,
    /// Flag it as a concern: a red flag, such as your name used without consent
    #[arg(long, group = "flag")]
    pub concern: bool,
    /// It is not a concern after all
    #[arg(long, group = "flag", conflicts_with_all = ["severity", "resolved", "unresolved"])]
    pub no_concern: bool,
    /// How much the concern weighs: minor or serious; makes a plain note a concern
    #[arg(long, value_parser = crate::domain::vocab::parser::<Severity>(), value_name = "SEVERITY")]
    pub severity: Option<Severity>,
    /// The concern was resolved, on this date [default: today]
    #[arg(
        long,
        value_name = "DATE",
        num_args = 0..=1,
        default_missing_value = "today",
        conflicts_with = "unresolved"
    )]
    pub resolved: Option<DateArg>,
    /// The concern stands again: its resolution is dropped
    #[arg(long)]
    pub unresolved: bool,
    /// When it happened
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
    #[command(flatten)]
    pub clear: Clearing<Clear>,
}

/// What `--clear` empties on a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Clear {
    /// What the note is on: it becomes a note on nothing in particular
    Target,
}

impl Options for Args {
    type Field = Clear;
    const NOUN: &'static str = "note";
    const EXAMPLE: Msg = Msg::EditExampleNote;

    fn options(&self) -> Vec<Given<Clear>> {
        vec![
            Given::option("TEXT", self.text.is_some()),
            Given::option("--network", self.network.is_some()),
            Given::option("--meeting", self.meeting.is_some()),
            Given::option("--contact", self.contact.is_some()),
            Given::option("--concern", self.concern),
            Given::option("--no-concern", self.no_concern),
            Given::option("--severity", self.severity.is_some()),
            Given::option("--resolved", self.resolved.is_some()),
            Given::option("--unresolved", self.unresolved),
            Given::option("--date", self.date.is_some()),
        ]
    }

    fn clearing(&self) -> &Clearing<Clear> {
        &self.clear
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    check_options(ctx, &args)?;
    let id = Questions::new(ctx, args.note.is_some())
        .numbered(Numbered::Note, args.note, |what| choices::recent(ctx, what))?
        .get();
    let today = ctx.today();
    let mut journal = super::open(ctx)?;
    let changes = journal.write(|tx| {
        let old = note::load(tx, id)?.ok_or_else(|| no_numbered(Numbered::Note, id))?;
        let mut new = old.clone();
        if let Some(text) = &args.text {
            new.text = text.to_string();
        }
        if let Some(date) = args.date {
            new.date = date.resolve(today);
        }
        if args.concern && new.severity.is_none() {
            new.severity = Some(Severity::Serious);
        }
        if let Some(severity) = args.severity {
            new.severity = Some(severity);
        }
        if args.no_concern {
            new.severity = None;
            new.resolved_on = None;
        }
        let plain = |option: &str| {
            let id = id.to_string();
            let args = [("option", option), ("id", id.as_str())];
            CliError::bad_input(Message::keyed(Msg::NotAConcern, &args))
                .with_hint(Message::keyed(Msg::NotAConcernHint, &args))
        };
        if let Some(resolved) = args.resolved {
            if new.severity.is_none() {
                return Err(plain("--resolved"));
            }
            new.resolved_on = Some(resolved.resolve(today));
        }
        if args.unresolved {
            if new.severity.is_none() {
                return Err(plain("--unresolved"));
            }
            new.resolved_on = None;
        }
        if let Some(resolved) = new.resolved_on
            && resolved < new.date
        {
            let (resolved, date) = (day(&resolved), day(&new.date));
            let args = [("resolved", resolved.as_str()), ("date", date.as_str())];
            return Err(
                CliError::bad_input(Message::keyed(Msg::ResolvedBeforeRaised, &args))
                    .with_hint(Message::keyed(Msg::ResolvedBeforeRaisedHint, &[])),
            );
        }
        if let Some(name) = &args.network {
            new.target = Target::Network(resolve_network(tx, name)?.id);
        } else if let Some(meeting) = args.meeting {
            if !meeting::exists(tx, meeting.get())? {
                return Err(no_numbered(Numbered::Meeting, meeting.get()));
            }
            new.target = Target::Meeting(meeting.get());
        } else if let Some(name) = &args.contact {
            new.target = Target::Contact(resolve_contact(tx, name)?);
        } else if args.clear.contains(&Clear::Target) {
            new.target = Target::Nothing;
        }
        let lang = ctx.lang;
        let mut changes = Changes::new(lang);
        changes.field(Msg::FieldText, Some(&old.text), Some(&new.text), |s| {
            quoted(s, lang)
        });
        changes.field(Msg::FieldDate, Some(&old.date), Some(&new.date), day);
        changes.field(
            Msg::FieldConcern,
            Some(&old.concern()),
            Some(&new.concern()),
            |c| lang.say(if *c { Msg::Yes } else { Msg::No }, &[]),
        );
        changes.field(
            Msg::FieldSeverity,
            old.severity.as_ref(),
            new.severity.as_ref(),
            |s| s.label(lang).to_string(),
        );
        changes.field(
            Msg::FieldResolved,
            old.resolved_on.as_ref(),
            new.resolved_on.as_ref(),
            day,
        );
        changes.field(
            Msg::FieldOn,
            on(tx, old.target, lang)?.as_ref(),
            on(tx, new.target, lang)?.as_ref(),
            String::clone,
        );
        if !changes.is_empty() {
            written::update(tx, id, &new, &ctx.timestamp())?;
        }
        Ok::<_, CliError>(changes)
    })?;
    say_line!("{}", changes.sentence(Edited::Note(id)))?;
    Ok(())
}

/// What a note is on, in words: `network `BNI Montpellier``, `meeting #4` (`le réseau …`,
/// `la réunion n°4`); `None` for nothing.
fn on(conn: &rusqlite::Connection, target: Target, lang: Lang) -> Result<Option<String>, CliError> {
    Ok(match target {
        Target::Nothing => None,
        Target::Network(id) => {
            let name = network::get(conn, id)?.map_or_else(|| format!("#{id}"), |n| n.name);
            Some(lang.say(Msg::OnNetwork, &[("name", &named(&name))]))
        }
        Target::Meeting(id) => Some(lang.say(Msg::OnMeeting, &[("id", &id.to_string())])),
        Target::Contact(id) => {
            let name = named(&contact::name_of(conn, id)?);
            Some(lang.say(Msg::OnContact, &[("contact", &name)]))
        }
    })
}
