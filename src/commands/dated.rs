//! Whether a meeting or a referral is dated where it can have happened: not after today, and
//! within the membership of its network. A date outside is most often a slip (`2025` for
//! `2024`, the wrong network) and would vanish from the report, which counts a network's
//! membership only: it is refused with the dates involved, unless `--force` says it is meant.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::context::Context;
use crate::db::network::{self, Network};
use crate::domain::date::{Misdated, fits, iso};
use crate::error::CliError;
use crate::messages::Msg;
use crate::messages::{Arg, Message};

/// What is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    Meeting,
    Referral,
}

impl Dated {
    fn key(self) -> Msg {
        match self {
            Dated::Meeting => Msg::DatedMeeting,
            Dated::Referral => Msg::DatedReferral,
        }
    }
}

/// Refuses a meeting or referral dated `date` under the network `network_id` (if any) when it
/// does not fit (see [`fits`]); `force` records it anyway.
pub fn check(
    ctx: &Context,
    conn: &Connection,
    what: Dated,
    date: NaiveDate,
    network_id: Option<i64>,
    force: bool,
) -> Result<(), CliError> {
    if force {
        return Ok(());
    }
    let network = match network_id {
        Some(id) => network::get(conn, id)?,
        None => None,
    };
    let (joined, left) = network
        .as_ref()
        .map_or((None, None), |n| (n.joined_on, n.left_on));
    let Err(misdated) = fits(date, ctx.today(), joined, left) else {
        return Ok(());
    };
    let name = network.as_ref().map_or("", |n| n.name.as_str());
    let said = match misdated {
        Misdated::Future { date, today } => Message::new(Msg::DatedFuture)
            .with("what", what.key())
            .with("date", Arg::Day(date))
            .with("today", Arg::Day(today)),
        Misdated::BeforeJoining { date, joined } => Message::new(Msg::DatedBeforeJoining)
            .with("what", what.key())
            .with("date", Arg::Day(date))
            .with("network", name)
            .with("joined", Arg::Day(joined)),
        Misdated::AfterLeaving { date, left } => Message::new(Msg::DatedAfterLeaving)
            .with("what", what.key())
            .with("date", Arg::Day(date))
            .with("network", name)
            .with("left", Arg::Day(left)),
    };
    let hint = match misdated {
        // The joining date is often the day the network was recorded (the default): the
        // meeting may well be right and the joining date wrong.
        Misdated::BeforeJoining { date, .. } => Message::keyed(
            Msg::DatedJoinedEarlier,
            &[("network", name), ("date", &iso(date))],
        ),
        _ => Message::keyed(Msg::DatedForce, &[]),
    };
    Err(CliError::bad_input(said).with_hint(hint))
}

/// How many dates a refusal lists before `…`.
const SHOWN_DATES: usize = 3;

/// Refuses a change of a network's joining or leaving dates, from `old` to `new`, that would
/// leave meetings or referrals already recorded outside its membership; `force` keeps them.
/// Those already outside before the change (recorded with `--force`) are left out of it.
pub fn membership(
    conn: &Connection,
    old: &Network,
    new: &Network,
    force: bool,
) -> Result<(), CliError> {
    if force || (new.joined_on.is_none() && new.left_on.is_none()) {
        return Ok(());
    }
    let outside = network::dates_outside_membership(conn, new, old)?;
    if outside.is_empty() {
        return Ok(());
    }
    let mut dates = outside
        .iter()
        .take(SHOWN_DATES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if outside.len() > SHOWN_DATES {
        dates.push_str(", …");
    }
    let end = |date: Option<NaiveDate>| date.map_or_else(|| "…".to_string(), iso);
    let said = Message::keyed(
        Msg::MembershipLeavesOut,
        &[
            ("dates", &dates),
            ("network", &new.name),
            ("joined", &end(new.joined_on)),
            ("left", &end(new.left_on)),
        ],
    );
    Err(CliError::bad_input(said).with_hint(Message::keyed(Msg::MembershipForce, &[])))
}
