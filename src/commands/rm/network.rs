//! `rm network NAME|ID`: a network, its meetings, referrals and notes; its contacts stay.

use super::{also, as_shown, confirm_then, confirmation_help, gone, with};
use crate::context::{Context, resolve_network_ref};
use crate::db::{Access, network};
use crate::domain::NameOrId;
use crate::error::CliError;

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
    /// number even when a network is named `2`)
    #[arg(value_name = "NAME")]
    pub network: Option<NameOrId>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), CliError> {
    let which = ctx.require(args.network, "NAME", "the network's name or number")?;
    // A journal not yet created holds no network: it is read (empty), never created.
    let mut journal = ctx.open(Access::Read)?;
    let conn = journal.conn();
    let id = resolve_network_ref(conn, &which)?.id;
    let shown = network::removal(conn, id)?.ok_or_else(|| gone("network"))?;
    let question = format!(
        "Remove network `{}`{}{}?",
        shown.name,
        with(&parts(&shown)),
        match shown.contacts_kept {
            0 => String::new(),
            1 => " (the contact met through it stays)".into(),
            n => format!(" (the {n} contacts met through it stay)"),
        }
    );
    let now = ctx.timestamp();
    let Some(removed) = confirm_then(ctx, &mut journal, &question, |tx| {
        as_shown(&shown, network::delete(tx, id, &now)?)
    })?
    else {
        return Ok(());
    };
    println!(
        "Removed network `{}`{}.",
        removed.name,
        also(&parts(&removed))
    );
    match removed.contacts_kept {
        0 => {}
        1 => println!("Kept the contact met through it, now with no network."),
        n => println!("Kept the {n} contacts met through it, now with no network."),
    }
    Ok(())
}

/// What goes with the network, counted: for the question, then for what was removed.
fn parts(removal: &network::Removal) -> [(i64, &'static str); 3] {
    [
        (removal.meetings, "meeting"),
        (removal.referrals, "referral"),
        (removal.notes, "note"),
    ]
}
