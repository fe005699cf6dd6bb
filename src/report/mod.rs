//! The report: per network, over a period, what it cost, how deep the relationships are, what
//! came back, and a verdict with its reasons; then totals, a comparison by kind, where the
//! business came from, next steps and a retrospective in prose.
//!
//! [`build`] computes a plain [`Report`] (aggregates in SQL, see [`query`]); the renderers in
//! [`render`] lay it out as text or Markdown, [`html`] as a page with charts (which also needs
//! the dated [`Marks`] of its timeline), and JSON is its serialisation.

pub mod charts;
pub mod fees;
pub mod forecast;
pub mod html;
pub mod prose;
pub mod render;
pub mod svg;
pub mod verdict;
pub mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::config::Settings;
use crate::db::report as query;
use crate::db::{self, Filter, network::Status};
use crate::domain::{FeePeriod, Kind};
use crate::i18n::Lang;
use query::{Activity, Concern, Period};
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
    /// What the journal itself may have wrong, for the user to check.
    pub checks: Vec<String>,
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
    /// Whole months of membership up to the period's end (or leaving).
    pub membership_months: i64,
    /// The fee in force at the period's end.
    pub fee_cents: Option<i64>,
    pub fee_period: Option<FeePeriod>,
    pub next_renewal: Option<NaiveDate>,
    pub meetings: MeetingCounts,
    /// Meeting and travel time, in hours (two decimals).
    pub hours: f64,
    #[serde(skip)]
    pub minutes: i64,
    /// What was paid in the period: fees due in it (in full) plus meeting costs.
    pub spent_cents: i64,
    /// Fees spread over the days of membership in the period (their cost pro rata).
    pub fees_cents: i64,
    /// Fees that fell due in the period, each in full: at joining and at each renewal.
    pub fees_paid_cents: i64,
    pub meeting_costs_cents: i64,
    /// The hours at the user's hourly rate, when one is set.
    pub time_value_cents: Option<i64>,
    pub contacts: ContactDepth,
    pub referrals: ReferralCounts,
    /// Concerns still unresolved at the period's end.
    pub concerns: i64,
    /// Those concerns, and the ones recorded in the period since resolved.
    pub concern_notes: Vec<Concern>,
    /// Won value ÷ money spent; null when nothing was spent.
    pub roi: Option<f64>,
    /// Won value ÷ (money spent + time's worth); null without an hourly rate.
    pub roi_with_time: Option<f64>,
    /// Won value per hour invested; null when no time was recorded.
    pub value_per_hour_cents: Option<i64>,
    /// Money spent per referral won in the period; null when none was won.
    pub cost_per_won_cents: Option<i64>,
    /// Hours invested per referral won in the period; null when none was won.
    pub hours_per_won: Option<f64>,
    /// The average rating of the recent past's meetings (1 to 5, one decimal); null if none.
    pub rating_avg: Option<f64>,
    /// The last referral received, up to the period's end.
    pub last_referral_on: Option<NaiveDate>,
    /// The recent past the verdict weighs, and everything up to the period's end beside it.
    pub recent: Stretch,
    pub to_date: Stretch,
    /// The renewal to come, for an active network with a recurring fee.
    pub renewal: Option<Renewal>,
    pub verdict: Verdict,
    pub retrospective: String,
    /// What the verdict reads beyond the figures above.
    #[serde(skip)]
    pub evidence: Evidence,
}

/// A stretch of time and what happened in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Stretch {
    /// From this day (included) to the period's end; null: from joining.
    pub since: Option<NaiveDate>,
    pub meetings: i64,
    pub hours: f64,
    #[serde(skip)]
    pub minutes: i64,
    /// The money it cost: in `recent`, fees pro rata plus meeting costs; in `to_date`, fees
    /// paid plus meeting costs.
    pub spent_cents: i64,
    pub meeting_costs_cents: i64,
    pub time_value_cents: Option<i64>,
    pub received: i64,
    pub given: i64,
    pub won: i64,
    pub won_value_cents: i64,
}

/// What the verdict reads besides the figures shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// The day the network is judged on: the period's end, or today if that is earlier.
    pub as_of: NaiveDate,
    /// Months of the recent past, as set (`verdict.window_months`).
    pub window_months: i64,
    /// The period ended before today: the network is told as it stood then.
    pub looking_back: bool,
    /// The last three ratings, latest first.
    pub last_ratings: Vec<i64>,
    /// The last referral won, up to the period's end.
    pub last_won_on: Option<NaiveDate>,
    /// The people the recent business came from.
    pub won_from: i64,
}

/// The renewal to come, and what to expect until then at the recent pace.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Renewal {
    pub on: NaiveDate,
    pub fee_cents: i64,
    pub days_left: i64,
    /// Cash paid to date (fees and meeting costs) and hours given, since joining.
    pub paid_cents: i64,
    pub hours: f64,
    pub forecast: Forecast,
    /// What it must still bring by the renewal to pay for its recent cost and what is still to
    /// come; 0 when it already has.
    pub break_even_cents: i64,
}

/// Until the renewal, at the recent pace.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Forecast {
    pub meetings: i64,
    pub hours: f64,
    pub spent_cents: i64,
    pub referrals: forecast::Range,
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

/// The day a report judges its networks on: the period's end, or today if that is earlier.
fn as_of(request: &Request) -> NaiveDate {
    request.period.until.min(request.today)
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
    let as_of = as_of(request);
    let window_start = as_of
        .checked_sub_months(chrono::Months::new(thresholds.window_months as u32))
        .unwrap_or(NaiveDate::MIN);

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
        unplaced,
    } = query::activity(conn, period, window_start, request.network_id, deepen)?;
    let fee_schedule = db::fee::schedule(conn)?;
    let none = Activity::default();

    let mut reports = Vec::with_capacity(networks.len());
    for mut network in networks {
        let act = activity.get(&Some(network.id)).unwrap_or(&none);
        // The report tells the network as it stood at the period's end: left after it, it was
        // still a member then, with no exit reason yet and no renewal to come.
        if network.left_on.is_some_and(|left| left > period.until) {
            network.left_on = None;
            network.exit_reason = None;
            network.status = Status::Active;
        }
        let joined = network.joined_on.unwrap_or(period.until);
        // The schedule holds the fee joined at first, then its changes.
        let fees = fees::Fees::new(
            joined,
            network.left_on,
            None,
            fee_schedule.get(&network.id).map_or(&[], Vec::as_slice),
        );
        let end = network.left_on.map_or(as_of, |left| left.min(as_of));
        let in_force = fees.in_force(end);
        let fees_cents = fees.pro_rata(period.since, period.until);
        let fees_paid_cents = fees.paid(period.since, period.until);
        let spent_cents = fees_paid_cents.saturating_add(act.meeting_costs_cents);
        let tv = time_value(act.minutes, rate);

        // The recent past: from the window's start, or joining if later, to the judging day.
        let recent_from = window_start.succ_opt().unwrap_or(window_start).max(joined);
        let recent_days = (end - recent_from).num_days().max(0) + 1;
        let recent_spent = fees.pro_rata(Some(recent_from), end) + act.recent.meeting_costs_cents;
        let to_date_spent = fees.paid(None, end) + act.to_date.meeting_costs_cents;
        let to_date = stretch(None, &act.to_date, to_date_spent, rate);
        // A network already left is history: its whole membership is what it was judged on.
        let recent = match network.left_on {
            Some(_) => Stretch {
                spent_cents: fees.pro_rata(None, end) + act.to_date.meeting_costs_cents,
                ..to_date
            },
            None => stretch(
                (recent_from > joined).then_some(recent_from),
                &act.recent,
                recent_spent,
                rate,
            ),
        };

        // A membership that costs nothing to renew has no renewal to decide.
        let renewal = fees
            .next_due(as_of)
            .filter(|(_, fee_cents)| *fee_cents > 0)
            .filter(|_| network.left_on.is_none() && period.until >= request.today)
            .map(|(on, fee_cents)| {
                let basis = RenewalBasis {
                    as_of,
                    recent_days,
                    recent: &recent,
                    to_date: &to_date,
                    rate,
                    fees_to_come: as_of
                        .succ_opt()
                        .zip(on.pred_opt())
                        .map_or(0, |(from, to)| fees.pro_rata(Some(from), to)),
                };
                renewal(on, fee_cents, &basis)
            });
        let won_count = act.won;
        let mut report = NetworkReport {
            membership_days: fees::membership_days(
                joined,
                network.left_on,
                period.since,
                period.until,
            ),
            membership_months: i64::from(crate::domain::date::months_between(joined, end).max(0)),
            next_renewal: renewal.map(|r| r.on),
            id: network.id,
            name: network.name,
            kind: network.kind,
            status: network.status,
            joined_on: network.joined_on,
            left_on: network.left_on,
            exit_reason: network.exit_reason,
            invited_by: network.invited_by,
            fee_cents: in_force.map(|f| f.fee_cents),
            fee_period: in_force.map(|f| f.fee_period),
            meetings: meeting_counts(act),
            hours: hours(act.minutes),
            minutes: act.minutes,
            spent_cents,
            fees_cents,
            fees_paid_cents,
            meeting_costs_cents: act.meeting_costs_cents,
            time_value_cents: tv,
            contacts: contact_depth(act),
            referrals: referral_counts(act),
            concerns: act.concerns.iter().filter(|c| !c.resolved).count() as i64,
            concern_notes: act.concerns.clone(),
            roi: ratio(act.won_value_cents, spent_cents),
            roi_with_time: tv
                .and_then(|tv| ratio(act.won_value_cents, spent_cents.saturating_add(tv))),
            value_per_hour_cents: (act.minutes > 0).then(|| act.won_value_cents * 60 / act.minutes),
            cost_per_won_cents: (won_count > 0).then(|| spent_cents / won_count),
            hours_per_won: (won_count > 0)
                .then(|| round2(act.minutes as f64 / 60.0 / won_count as f64)),
            rating_avg: act
                .ratings
                .recent_average()
                .map(|avg| (avg * 10.0).round() / 10.0),
            last_referral_on: act.last_received_on,
            recent,
            to_date,
            renewal,
            verdict: Verdict::default(),
            retrospective: String::new(),
            evidence: Evidence {
                as_of,
                window_months: thresholds.window_months,
                looking_back: period.until < request.today,
                last_ratings: act.ratings.last.clone(),
                last_won_on: act.last_won_on,
                won_from: act.won_from,
            },
        };
        report.verdict = verdict::judge(&report, &thresholds, &words);
        report.retrospective = prose::retrospective(&report, request.period, &words);
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
    // A report on one network is about that network only: what happened outside any network
    // is left out of every section.
    let outside = match request.network_id {
        Some(_) => None,
        None => activity.get(&None),
    };
    let one_to_one = outside.map_or_else(Totals::default, |act| {
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
            concerns: act.concerns.iter().filter(|c| !c.resolved).count() as i64,
            roi: ratio(act.won_value_cents, spent),
        }
    });
    let through_networks_cents = reports.iter().fold(0i64, |sum, r| {
        sum.saturating_add(r.referrals.won_value_cents)
    });
    let one_to_one_cents = outside.map_or(0, |act| act.won_value_cents);
    let total_cents = through_networks_cents.saturating_add(one_to_one_cents);
    let won_business = WonBusiness {
        total_cents,
        through_networks_cents,
        one_to_one_cents,
        network_share: (total_cents > 0)
            .then(|| round2(through_networks_cents as f64 / total_cents as f64)),
    };
    let checks = prose::checks(&unplaced, &words);
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
        checks,
        next_steps,
    })
}

/// A stretch's figures from its tally.
fn stretch(
    since: Option<NaiveDate>,
    tally: &query::Tally,
    spent_cents: i64,
    rate: Option<i64>,
) -> Stretch {
    Stretch {
        since,
        meetings: tally.meetings,
        hours: hours(tally.minutes),
        minutes: tally.minutes,
        spent_cents,
        meeting_costs_cents: tally.meeting_costs_cents,
        time_value_cents: time_value(tally.minutes, rate),
        received: tally.received,
        given: tally.given,
        won: tally.won,
        won_value_cents: tally.won_value_cents,
    }
}

/// What a renewal is seen from: the judging day, the recent past (over `recent_days`), what was
/// given to date, the hourly rate, and the fees' cost (pro rata) from the judging day to the
/// renewal, already paid for.
struct RenewalBasis<'a> {
    as_of: NaiveDate,
    recent_days: i64,
    recent: &'a Stretch,
    to_date: &'a Stretch,
    rate: Option<i64>,
    fees_to_come: i64,
}

/// The renewal on `on` for `fee_cents`: what was given to date, what is still to come at the
/// pace of the recent past, and what must still be won for the recent past and what is to come
/// until the renewal to pay for themselves.
fn renewal(on: NaiveDate, fee_cents: i64, basis: &RenewalBasis<'_>) -> Renewal {
    let RenewalBasis {
        as_of,
        recent_days,
        recent,
        to_date,
        rate,
        fees_to_come,
    } = *basis;
    let days_left = (on - as_of).num_days().max(0);
    // The meetings to come at the recent pace, each as long and as costly as the recent ones.
    let meetings = forecast::pace(recent.meetings, recent_days, days_left);
    let per_meeting = |total: i64| match recent.meetings {
        0 => 0,
        n => total.saturating_mul(meetings) / n,
    };
    let minutes = per_meeting(recent.minutes);
    let spent_cents = per_meeting(recent.meeting_costs_cents);
    let cost = recent.spent_cents
        + fees_to_come
        + spent_cents
        + recent.time_value_cents.unwrap_or(0)
        + time_value(minutes, rate).unwrap_or(0);
    Renewal {
        on,
        fee_cents,
        days_left,
        paid_cents: to_date.spent_cents,
        hours: to_date.hours,
        forecast: Forecast {
            meetings,
            hours: hours(minutes),
            spent_cents,
            referrals: forecast::expected(recent.received, recent_days, days_left),
        },
        break_even_cents: (cost - recent.won_value_cents).max(0),
    }
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
        // Money adds up without wrapping, however large the amounts recorded.
        t.spent_cents = t.spent_cents.saturating_add(r.spent_cents);
        t.contacts.total += r.contacts.total;
        t.contacts.met_once += r.contacts.met_once;
        t.contacts.met_twice += r.contacts.met_twice;
        t.contacts.met_three_plus += r.contacts.met_three_plus;
        t.referrals.received += r.referrals.received;
        t.referrals.given += r.referrals.given;
        t.referrals.won += r.referrals.won;
        t.referrals.lost += r.referrals.lost;
        t.referrals.open += r.referrals.open;
        t.referrals.won_value_cents = t
            .referrals
            .won_value_cents
            .saturating_add(r.referrals.won_value_cents);
        t.concerns += r.concerns;
    }
    t.hours = hours(t.minutes);
    t.time_value_cents = time_value(t.minutes, rate);
    t.roi = ratio(t.referrals.won_value_cents, t.spent_cents);
    t
}
