//! `rm network NAME|ID`: a network, its meetings, referrals and notes; its contacts stay.

use super::{also, as_shown, confirm_then, confirmation_help, gone, stays, with};
use crate::commands::choices;
use crate::commands::resolve::resolve_network_ref;
use crate::context::Context;
use crate::db::{Access, network};
use crate::domain::NameOrId;
use crate::error::CliError;
use crate::messages::Msg;
use crate::output::say_line;
use crate::prompt::Questions;

#[derive(Debug, clap::Args)]
#[command(after_help = concat!(
    "What goes: the network, its meetings (with the notes on them and who was met there), its \
     referrals and the notes on it. What stays: the people met through it, as contacts with no \
     network. Its meetings and referrals go rather than stay without a network: the report \
     would count them as one-to-one relationships. To keep the history of a network you quit, \
     record that you left it with `netjournal leave network` instead.

",
    confirmation_help!(),
    "

Examples:
  netjournal rm network \"BNI Montpellier\"
  netjournal rm network 2 --yes"
))]
pub struct Args {
    /// The network's name, or its number in `netjournal list networks` (`2`, or `'#2'`: a
    /// number even when a network is named `2`); on a terminal, picked from a list if left out
    #[arg(value_name = "NAME", add = crate::commands::completions::networks())]
    pub network: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    // On a terminal, picked from the networks when not given.
    let which =
        Questions::new(ctx, args.network.is_some())
            .network_ref(args.network, "NAME", |which| choices::networks(ctx, which))?;
    // A journal not yet created holds no network: it is read (empty), never created.
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = resolve_network_ref(conn, &which)?.id;
    let shown = network::removal(conn, id)?.ok_or_else(|| gone(Msg::GoneNetwork))?;
    let lang = ctx.lang;
    let kept = (shown.contacts_kept > 0)
        .then(|| lang.count(Msg::StaysNetworkContacts, shown.contacts_kept, &[]));
    let question = ctx.say(
        Msg::AskRemoveNetwork,
        &[
            ("name", &shown.name),
            ("with", &with(lang, &parts(&shown))),
            ("kept", &stays(kept)),
        ],
    );
    let now = ctx.timestamp();
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, network::delete(tx, id, &now)?)
    })?
    else {
        return Ok(());
    };
    say_line!(
        "{}",
        ctx.say(
            Msg::RemovedNetwork,
            &[
                ("name", &removed.name),
                ("also", &also(lang, &parts(&removed)))
            ],
        )
    )?;
    if removed.contacts_kept > 0 {
        let kept = lang.count(Msg::KeptNetworkContacts, removed.contacts_kept, &[]);
        say_line!("{kept}")?;
    }
    Ok(())
}

/// What goes with the network, counted: for the question, then for what was removed.
fn parts(removal: &network::Removal) -> [(i64, Msg); 3] {
    [
        (removal.meetings, Msg::CountMeetings),
        (removal.referrals, Msg::CountReferrals),
        (removal.notes, Msg::CountNotes),
    ]
}
