//! The report: per network, over a period, what it cost, how deep the relationships are, what
//! came back, and a verdict with its reasons; then totals, a comparison by kind, where the
//! business came from, next steps and a retrospective in prose.
//!
//! [`build`] computes a plain [`Report`] (aggregates in SQL, see [`query`]); the renderers in
//! [`render`] lay it out as text or Markdown, [`html`] as a page with charts (which also needs
//! the dated [`Marks`] of its timeline), and JSON is its serialisation.

pub mod charts;
pub mod fees;
pub mod html;
pub mod prose;
pub mod query;
pub mod render;
pub mod svg;
pub mod verdict;
pub mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::config::Settings;
use crate::db::{self, Filter, network::Status};
use crate::domain::{FeePeriod, Kind};
use crate::i18n::Lang;
use query::{Activity, Period};
use verdict::{Thresholds, Verdict};
use words::Words;

/// What the report is asked for.
#[derive(Debug, Clone)]
pub struct Request {
    pub network_id: Option<i64>,
    pub period: Period,
    pub today: NaiveDate,
    pub lang: Lang,
}

/// The whole report, as the JSON interface gives it. Keys are stable and in English whatever
/// the language; money is in cents of `currency`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub currency: String,
    pub lang: Lang,
    pub generated_on: NaiveDate,
    pub period: PeriodOut,
    pub hourly_rate_cents: Option<i64>,
    pub thresholds: Thresholds,
    pub networks: Vec<NetworkReport>,
    pub totals: Totals,
    pub one_to_one: Totals,
    pub by_kind: Vec<KindTotals>,
    pub won_business: WonBusiness,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PeriodOut {
    pub since: Option<NaiveDate>,
    pub until: NaiveDate,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MeetingCounts {
    pub total: i64,
    pub in_person: i64,
    pub remote: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ContactDepth {
    pub total: i64,
    pub met_once: i64,
    pub met_twice: i64,
    pub met_three_plus: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ReferralCounts {
    pub received: i64,
    pub given: i64,
    /// Won, lost and open count the referrals received.
    pub won: i64,
    pub lost: i64,
    pub open: i64,
    pub won_value_cents: i64,
}

/// One network over the period.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkReport {
    /// The journal's id, to match the network with its marks on the HTML timeline.
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub exit_reason: Option<String>,
    pub invited_by: Option<String>,
    /// Days of membership within the period.
    pub membership_days: i64,
    pub fee_cents: Option<i64>,
    pub fee_period: Option<FeePeriod>,
    pub next_renewal: Option<NaiveDate>,
    pub meetings: MeetingCounts,
    /// Meeting and travel time, in hours (two decimals).
    pub hours: f64,
    #[serde(skip)]
    pub minutes: i64,
    /// Fees (pro rata over the period) plus meeting costs.
    pub spent_cents: i64,
    pub fees_cents: i64,
    pub meeting_costs_cents: i64,
    /// The hours at the user's hourly rate, when one is set.
    pub time_value_cents: Option<i64>,
    pub contacts: ContactDepth,
    pub referrals: ReferralCounts,
    pub concerns: i64,
    pub concern_notes: Vec<String>,
    /// Won value ÷ money spent; null when nothing was spent.
    pub roi: Option<f64>,
    /// Won value ÷ (money spent + time's worth); null without an hourly rate.
    pub roi_with_time: Option<f64>,
    /// Won value per hour invested; null when no time was recorded.
    pub value_per_hour_cents: Option<i64>,
    pub verdict: Verdict,
    pub retrospective: String,
}

/// Figures added up over several networks (or over what happened outside any).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub networks: i64,
    pub meetings: MeetingCounts,
    pub hours: f64,
    #[serde(skip)]
    pub minutes: i64,
    pub spent_cents: i64,
    pub time_value_cents: Option<i64>,
    pub contacts: ContactDepth,
    pub referrals: ReferralCounts,
    pub concerns: i64,
    pub roi: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindTotals {
    pub kind: Kind,
    #[serde(flatten)]
    pub totals: Totals,
}

/// Where the business won in the period came from.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct WonBusiness {
    pub total_cents: i64,
    pub through_networks_cents: i64,
    pub one_to_one_cents: i64,
    /// Share won through networks, from 0 to 1; null when nothing was won.
    pub network_share: Option<f64>,
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn hours(minutes: i64) -> f64 {
    round2(minutes as f64 / 60.0)
}

/// `won ÷ spent`, rounded down to two decimals in integer arithmetic, so that a return just
/// short of a threshold is never shown as reaching it (the verdict compares exactly); `None`
/// when nothing was spent.
pub fn ratio(won: i64, spent: i64) -> Option<f64> {
    (spent > 0).then(|| (i128::from(won) * 100 / i128::from(spent)) as f64 / 100.0)
}

fn time_value(minutes: i64, rate: Option<i64>) -> Option<i64> {
    rate.map(|rate| (minutes * rate + 30) / 60)
}

/// Builds the report.
pub fn build(conn: &Connection, request: &Request) -> Result<Report, db::Error> {
    let settings = Settings::load(conn)?;
    let thresholds = Thresholds::from_settings(&settings);
    let words = Words {
        lang: request.lang,
        currency: db::settings::currency(conn)?,
    };
    let period = request.period;
    let rate = thresholds.hourly_rate_cents;

    let filter = Filter {
        network_id: request.network_id,
        since: period.since,
        until: Some(period.until),
        latest: None,
    };
    let networks = db::network::list(conn, &filter)?;
    // Next steps are what to do now: a look back on a period that ended has none, and needs no
    // contact to deepen (see `prose::next_steps`).
    let deepen = if period.until < request.today {
        0
    } else {
        prose::MAX_STEPS
    };
    let query::Activities {
        by_network: activity,
        to_deepen,
    } = query::activity(conn, period, request.network_id, deepen)?;
    let none = Activity::default();

    let mut reports = Vec::with_capacity(networks.len());
    for mut network in networks {
        let act = activity.get(&Some(network.id)).unwrap_or(&none);
        // The report tells the network as it stood at the period's end: left after it, it was
        // still a member then, with no exit reason yet and no renewal to come.
        let left_since = network.left_on.is_some();
        if network.left_on.is_some_and(|left| left > period.until) {
            network.left_on = None;
            network.exit_reason = None;
            network.status = Status::Active;
        }
        let joined = network.joined_on.unwrap_or(period.until);
        let fees_cents = network.fee().map_or(0, |(fee, fee_period)| {
            fees::fee_in_period(
                fee.cents(),
                fee_period,
                joined,
                network.left_on,
                period.since,
                period.until,
            )
        });
        let spent_cents = fees_cents + act.meeting_costs_cents;
        let tv = time_value(act.minutes, rate);
        let mut report = NetworkReport {
            membership_days: fees::membership_days(
                joined,
                network.left_on,
                period.since,
                period.until,
            ),
            next_renewal: match (left_since, network.fee()) {
                (false, Some((_, fee_period))) => {
                    fees::next_renewal(joined, fee_period, request.today)
                }
                _ => None,
            },
            id: network.id,
            name: network.name,
            kind: network.kind,
            status: network.status,
            joined_on: network.joined_on,
            left_on: network.left_on,
            exit_reason: network.exit_reason,
            invited_by: network.invited_by,
            fee_cents: network.fee_cents,
            fee_period: network.fee_period,
            meetings: meeting_counts(act),
            hours: hours(act.minutes),
            minutes: act.minutes,
            spent_cents,
            fees_cents,
            meeting_costs_cents: act.meeting_costs_cents,
            time_value_cents: tv,
            contacts: contact_depth(act),
            referrals: referral_counts(act),
            concerns: act.concerns.len() as i64,
            concern_notes: act.concerns.clone(),
            roi: ratio(act.won_value_cents, spent_cents),
            roi_with_time: tv.and_then(|tv| ratio(act.won_value_cents, spent_cents + tv)),
            value_per_hour_cents: (act.minutes > 0).then(|| act.won_value_cents * 60 / act.minutes),
            verdict: Verdict {
                call: verdict::Call::Watch,
                reasons: Vec::new(),
            },
            retrospective: String::new(),
        };
        report.verdict = verdict::judge(&report, &thresholds, &words);
        report.retrospective = prose::retrospective(&report, &words);
        reports.push(report);
    }

    let totals = add_up(reports.iter(), rate);
    let mut kinds: BTreeMap<Kind, Vec<&NetworkReport>> = BTreeMap::new();
    for report in &reports {
        kinds.entry(report.kind).or_default().push(report);
    }
    let by_kind = kinds
        .into_iter()
        .map(|(kind, members)| KindTotals {
            kind,
            totals: add_up(members.into_iter(), rate),
        })
        .collect();
    let one_to_one = activity.get(&None).map_or_else(Totals::default, |act| {
        let spent = act.meeting_costs_cents;
        Totals {
            networks: 0,
            meetings: meeting_counts(act),
            hours: hours(act.minutes),
            minutes: act.minutes,
            spent_cents: spent,
            time_value_cents: time_value(act.minutes, rate),
            contacts: contact_depth(act),
            referrals: referral_counts(act),
            concerns: act.concerns.len() as i64,
            roi: ratio(act.won_value_cents, spent),
        }
    });
    let through_networks_cents: i64 = activity
        .iter()
        .filter(|(id, _)| id.is_some())
        .map(|(_, act)| act.won_value_cents)
        .sum();
    let one_to_one_cents = activity.get(&None).map_or(0, |act| act.won_value_cents);
    let total_cents = through_networks_cents + one_to_one_cents;
    let won_business = WonBusiness {
        total_cents,
        through_networks_cents,
        one_to_one_cents,
        network_share: (total_cents > 0)
            .then(|| round2(through_networks_cents as f64 / total_cents as f64)),
    };
    let next_steps = prose::next_steps(conn, request, &reports, to_deepen, &words)?;

    Ok(Report {
        currency: words.currency.clone(),
        lang: request.lang,
        generated_on: request.today,
        period: PeriodOut {
            since: period.since,
            until: period.until,
        },
        hourly_rate_cents: rate,
        thresholds,
        networks: reports,
        totals,
        one_to_one,
        by_kind,
        won_business,
        next_steps,
    })
}

/// What the HTML report's timeline marks: meetings counted per day, and concerns, each with its
/// date and the network it counts for (`None`: outside any network).
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub meetings: Vec<query::MeetingDay>,
    pub concerns: Vec<query::ConcernDay>,
}

/// The timeline's marks over the request's period, for its network (and outside any) or all.
pub fn marks(conn: &Connection, request: &Request) -> Result<Marks, db::Error> {
    Ok(Marks {
        meetings: query::meeting_days(conn, request.period, request.network_id)?,
        concerns: query::concern_days(conn, request.period, request.network_id)?,
    })
}

fn meeting_counts(act: &Activity) -> MeetingCounts {
    MeetingCounts {
        total: act.meetings,
        in_person: act.in_person,
        remote: act.meetings - act.in_person,
    }
}

fn contact_depth(act: &Activity) -> ContactDepth {
    ContactDepth {
        total: act.contacts,
        met_once: act.met_once,
        met_twice: act.met_twice,
        met_three_plus: act.met_three_plus,
    }
}

fn referral_counts(act: &Activity) -> ReferralCounts {
    ReferralCounts {
        received: act.received,
        given: act.given,
        won: act.won,
        lost: act.lost,
        open: act.open,
        won_value_cents: act.won_value_cents,
    }
}

fn add_up<'a>(reports: impl Iterator<Item = &'a NetworkReport>, rate: Option<i64>) -> Totals {
    let mut t = Totals::default();
    for r in reports {
        t.networks += 1;
        t.meetings.total += r.meetings.total;
        t.meetings.in_person += r.meetings.in_person;
        t.meetings.remote += r.meetings.remote;
        t.minutes += r.minutes;
        t.spent_cents += r.spent_cents;
        t.contacts.total += r.contacts.total;
        t.contacts.met_once += r.contacts.met_once;
        t.contacts.met_twice += r.contacts.met_twice;
        t.contacts.met_three_plus += r.contacts.met_three_plus;
        t.referrals.received += r.referrals.received;
        t.referrals.given += r.referrals.given;
        t.referrals.won += r.referrals.won;
        t.referrals.lost += r.referrals.lost;
        t.referrals.open += r.referrals.open;
        t.referrals.won_value_cents += r.referrals.won_value_cents;
        t.concerns += r.concerns;
    }
    t.hours = hours(t.minutes);
    t.time_value_cents = time_value(t.minutes, rate);
    t.roi = ratio(t.referrals.won_value_cents, t.spent_cents);
    t
}
