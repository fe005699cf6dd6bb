//! `note TEXT [--network N | --meeting ID | --contact NAME] [--concern [--severity minor|serious]]`.

use crate::commands::choices;
use crate::commands::resolve::no_numbered;
use crate::commands::resolve::{resolve_contact, resolve_network};
use crate::context::Context;
use crate::db::note::{self, NewNote, Target};
use crate::db::{Access, contact, meeting};
use crate::domain::{DateArg, Id, Name, Severity, Text};
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::{Networks, Numbered, Questions};

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("target").multiple(false))]
#[command(after_help = "Examples:
  netjournal note \"My name on a press release I never agreed to\" --network \"CPME\" --concern
  netjournal note \"Lunches start 30 minutes late\" --network \"BNI\" --severity minor
  netjournal note \"Knows every architect in town\" --contact \"Paul Martin\"")]
pub struct Args {
    /// The note
    #[arg(value_name = "TEXT")]
    pub text: Option<Text>,
    /// Attach it to this network
    #[arg(long, value_name = "NAME", group = "target", add = crate::commands::completions::networks())]
    pub network: Option<Name>,
    /// Attach it to the meeting with this number (see `netjournal list meetings`)
    #[arg(long, value_name = "ID", group = "target")]
    pub meeting: Option<Id>,
    /// Attach it to this contact
    #[arg(long, value_name = "NAME", group = "target", add = crate::commands::completions::contacts())]
    pub contact: Option<Name>,
    /// Flag it as a concern: a red flag, such as your name used without consent
    #[arg(long)]
    pub concern: bool,
    /// How much the concern weighs: minor (listed, never decides a verdict alone) or serious
    /// (a red flag); implies --concern [default: serious]
    #[arg(long, value_parser = crate::domain::vocab::parser::<Severity>(), value_name = "SEVERITY")]
    pub severity: Option<Severity>,
    /// When it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<DateArg>,
}

pub fn run(ctx: &Context, mut args: Args) -> Result<(), CliError> {
    // `note` alone, on a terminal, asks for the note and what it is about.
    let ask = Questions::new(ctx, args.text.is_some());
    let text = ask.text(
        args.text,
        "TEXT",
        &ctx.say(Msg::ExpectNoteText, &[]),
        &ctx.say(Msg::AskNote, &[]),
    )?;
    let untargeted = args.network.is_none() && args.meeting.is_none() && args.contact.is_none();
    if ask.asking() && untargeted {
        let about = [
            Msg::AboutNetwork,
            Msg::AboutContact,
            Msg::AboutMeeting,
            Msg::AboutNothing,
        ]
        .map(|key| ctx.say(key, &[]));
        let about: Vec<&str> = about.iter().map(String::as_str).collect();
        match ask.select(&ctx.say(Msg::AskAbout, &[]), &about)? {
            0 => {
                let network = ask.network(
                    None,
                    Networks::All,
                    "--network",
                    &ctx.say(Msg::AskWhichNetwork, &[]),
                    |which| choices::networks(ctx, which),
                )?;
                args.network = Some(network);
            }
            1 => {
                args.contact =
                    ask.contact_or_none(None, false, &ctx.say(Msg::AskWho, &[]), || {
                        choices::contact_names(ctx)
                    })?
            }
            2 => {
                let question = &ctx.say(Msg::AskMeetingNumber, &[]);
                // Typed as on the command line (`4` or `#4`), and refused in the user's words.
                args.meeting = ask.optional::<Id>(None, question)?;
            }
            _ => {}
        }
    }
    // A severity says it is a concern: `--severity minor` alone is not refused for lacking
    // `--concern`, which it could only repeat.
    let concern = ask.flag(
        args.concern || args.severity.is_some(),
        &ctx.say(Msg::AskConcern, &[]),
    )?;
    let severity = match (concern, args.severity) {
        (false, _) => None,
        (true, Some(severity)) => Some(severity),
        (true, None) if ask.asking() => {
            // Serious first, the default: a concern is a red flag unless said otherwise.
            let choices = [Severity::Serious, Severity::Minor];
            let labels =
                [Msg::SeveritySeriousChoice, Msg::SeverityMinorChoice].map(|key| ctx.say(key, &[]));
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            Some(choices[ask.select(&ctx.say(Msg::AskSeverity, &[]), &labels)?])
        }
        (true, None) => Some(Severity::Serious),
    };
    let date = ask.date(args.date, &ctx.say(Msg::AskHappened, &[]))?;
    let mut journal = ctx.open(Access::Write)?;
    let (id, on) = journal.write(|tx| {
        let (target, on) = if let Some(name) = &args.network {
            let network = resolve_network(tx, name)?;
            (
                Target::Network(network.id),
                Some(ctx.say(Msg::OnNetwork, &[("name", &network.name)])),
            )
        } else if let Some(id) = args.meeting.map(Id::get) {
            if !meeting::exists(tx, id)? {
                return Err(no_numbered(Numbered::Meeting, id));
            }
            (
                Target::Meeting(id),
                Some(ctx.say(Msg::OnMeeting, &[("id", &id.to_string())])),
            )
        } else if let Some(name) = &args.contact {
            let id = resolve_contact(tx, name)?;
            let name = contact::name_of(tx, id)?;
            (
                Target::Contact(id),
                Some(ctx.say(Msg::OnContact, &[("contact", &name)])),
            )
        } else {
            (Target::Nothing, None)
        };
        let new = NewNote {
            date,
            text: text.clone().into_string(),
            severity,
            resolved_on: None,
            target,
        };
        Ok::<_, CliError>((note::insert(tx, &new, &ctx.timestamp())?, on))
    })?;
    let id = id.to_string();
    let said = match (severity, on) {
        (None, None) => ctx.say(Msg::AddedNote, &[("id", &id)]),
        (Some(severity), None) => ctx.say(
            Msg::AddedConcern,
            &[("id", &id), ("severity", severity.label(ctx.lang))],
        ),
        (None, Some(on)) => ctx.say(Msg::AddedNoteOn, &[("id", &id), ("on", &on)]),
        (Some(severity), Some(on)) => ctx.say(
            Msg::AddedConcernOn,
            &[
                ("id", &id),
                ("on", &on),
                ("severity", severity.label(ctx.lang)),
            ],
        ),
    };
    say_line!("{said}")?;
    Ok(())
}
