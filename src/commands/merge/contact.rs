//! `merge contact KEEP OTHER`: one person recorded twice (`Amélie Dupré-Lefèvre` and `Amelie
//! Dupre Lefevre`) made one record. OTHER's meeting links, referrals and notes move to KEEP,
//! KEEP's empty fields take OTHER's values, and OTHER is removed — in one transaction, after
//! confirmation. OTHER's uuid is remembered as merged into KEEP's, so that importing an export
//! taken before the merge maps OTHER's rows onto KEEP instead of bringing OTHER back.

use crate::commands::choices;
use crate::commands::resolve::resolve_contact_ref;
use crate::context::Context;
use crate::db::{Access, contact};
use crate::domain::NameOrId;
use crate::error::CliError;
use crate::i18n::Lang;
use crate::messages::Message;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::{self, Questions};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "What moves: OTHER's meetings (a meeting with both counts once), the \
referrals from or to OTHER, and the notes on OTHER. KEEP keeps its name and its values; its empty \
fields (profession, company, e-mail, LinkedIn, network, notes) take OTHER's. Then OTHER is \
removed. Importing an export taken before the merge does not bring OTHER back.

You are shown what would move and asked to confirm; `--yes` answers yes. Without a terminal, or \
with `--no-input`, nothing is asked: without `--yes` the command stops with exit 2 and merges \
nothing.

Examples:
  netjournal merge contact \"Amélie Dupré-Lefèvre\" \"Amelie Dupre Lefevre\"
  netjournal merge contact 3 7 --yes"
)]
pub struct Args {
    /// The contact to keep: their name, or their number in `netjournal list contacts`
    #[arg(value_name = "KEEP", add = crate::commands::completions::contacts())]
    pub keep: Option<NameOrId>,
    /// The contact to merge into KEEP and remove: their name or number
    #[arg(value_name = "OTHER", add = crate::commands::completions::contacts())]
    pub other: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let complete = args.keep.is_some() && args.other.is_some();
    let ask = Questions::new(ctx, complete);
    let keep = ask.contact_ref(args.keep, "KEEP", || choices::contact_names(ctx))?;
    let other = ask.contact_ref(args.other, "OTHER", || choices::contact_names(ctx))?;
    let mut journal = ctx.open(Access::Read)?;
    let (keep_id, other_id, keep_name, other_name, shown) = {
        let conn = journal.conn();
        let keep_id = resolve_contact_ref(conn, &keep)?;
        let other_id = resolve_contact_ref(conn, &other)?;
        let keep_name = contact::name_of(conn, keep_id)?;
        if keep_id == other_id {
            return Err(CliError::bad_input(Message::keyed(
                Msg::MergeItself,
                &[("name", &keep_name)],
            )));
        }
        let other_name = contact::name_of(conn, other_id)?;
        let shown =
            contact::merging(conn, keep_id, other_id)?.ok_or_else(|| changed(&other_name))?;
        (keep_id, other_id, keep_name, other_name, shown)
    };
    let lang = ctx.lang;
    let question = ctx.say(
        Msg::AskMerge,
        &[
            ("keep", &keep_name),
            ("other", &other_name),
            ("moved", &moved(lang, &shown)),
        ],
    );
    if !prompt::confirm(ctx, &question)? {
        say_line!("{}", ctx.say(Msg::NothingMerged, &[]))?;
        return Ok(());
    }
    let now = ctx.timestamp();
    let merged = journal.write(|tx| {
        // Nothing merged that the user was not shown.
        let still = (
            contact::name_of(tx, keep_id).ok(),
            contact::name_of(tx, other_id).ok(),
        );
        if still != (Some(keep_name.clone()), Some(other_name.clone())) {
            return Err(changed(&other_name));
        }
        match contact::merge(tx, keep_id, other_id, &now)? {
            Some(merged) if merged == shown => Ok(merged),
            _ => Err(changed(&other_name)),
        }
    })?;
    say_line!(
        "{}",
        ctx.say(
            Msg::MergedContact,
            &[
                ("other", &other_name),
                ("keep", &keep_name),
                ("id", &keep_id.to_string()),
                ("moved", &moved(lang, &merged)),
            ],
        )
    )?;
    if !merged.filled.is_empty() {
        let fields: Vec<String> = merged
            .filled
            .iter()
            .map(|column| field_label(column, lang))
            .collect();
        say_line!(
            "{}",
            ctx.say(
                Msg::MergedFilled,
                &[("other", &other_name), ("fields", &fields.join(", "))],
            )
        )?;
    }
    Ok(())
}

/// `2 meetings, 1 referral, no note`.
fn moved(lang: Lang, merged: &contact::Merged) -> String {
    [
        lang.count(Msg::MergedMeetings, merged.meetings, &[]),
        lang.count(Msg::MergedReferrals, merged.referrals, &[]),
        lang.count(Msg::MergedNotes, merged.notes, &[]),
    ]
    .join(", ")
}

/// A field's name as `show contact` labels it.
fn field_label(column: &str, lang: Lang) -> String {
    let key = match column {
        "profession" => Msg::FieldProfession,
        "company" => Msg::FieldCompany,
        "email" => Msg::FieldEmail,
        "linkedin" => Msg::FieldLinkedin,
        "network" => Msg::FieldNetwork,
        _ => Msg::FieldNotes,
    };
    lang.say(key, &[])
}

fn changed(name: &str) -> CliError {
    CliError::failure(Message::keyed(Msg::MergeChanged, &[("name", name)]))
}
