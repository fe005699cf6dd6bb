//! The verdict on a network: `stay`, `watch`, `leave`, or `left` for a network already left —
//! read the way a seasoned adviser reads a membership. Each rule is a small function that looks
//! at the network's figures and may return a finding: an effect on the call (or none: a caveat
//! said beside it) and a reason stated with its figure. The strongest effect decides the call.
//!
//! The rules, with their thresholds (defaults in brackets; each overridable with `netjournal
//! config set`):
//! - **Serious concerns** unresolved at the period's end make a network at least `watch`, and
//!   `leave` when it never brought business or when there are `verdict.leave_concerns` [2] of
//!   them; minor ones are listed, never decide; resolved ones are history.
//! - **Too early**: until it has both `verdict.min_meetings` [3] meetings and
//!   `verdict.min_months` [6] months of membership, a network is `watch` — unless it already
//!   won business (then the money decides) or a serious concern decides.
//! - **Paid for, hardly attended**: after a year, fewer than `verdict.min_meetings_per_year` [1]
//!   meeting a year of membership is `leave` when a fee is paid and nothing was won recently.
//! - **The recent past decides**: business is weighed over the last `verdict.window_months`
//!   [12] months up to the period's end, with the lifetime figures beside it. Won at least
//!   `verdict.min_roi` [2] times its cost (fees pro rata, meeting costs, and the time's worth
//!   when `rate.hourly` is set): `stay`; less: `watch` ("barely covers its cost"). Business won
//!   only before that window: `watch`, saying since when nothing came.
//! - **Give-and-take**: nothing won and fewer than `verdict.min_referrals` [1] referral received
//!   recently is `leave` — unless the member gave referrals there or met people three times or
//!   more: then `watch`, saying so. Referrals received but none won yet: `watch`.
//! - **Ratings**: the last three rated meetings averaging `verdict.low_rating` [2.5] or less
//!   make it `watch`; a fall of a point or more against the recent average is said.
//! - **Depth**: more than `verdict.max_met_once` [80 %] of its contacts met only once is
//!   `watch` — a caveat only when the network already pays for itself, as is business that
//!   rests on a single person.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::NetworkReport;
use super::words::Words;
use crate::config::Settings;
use crate::db::report::Severity;
use crate::messages::Msg;

/// The thresholds the rules apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub min_meetings: i64,
    pub min_months: i64,
    pub window_months: i64,
    pub min_referrals: i64,
    pub min_roi: f64,
    pub leave_concerns: i64,
    /// A share, from 0 to 1.
    pub max_met_once: f64,
    pub low_rating: f64,
    pub min_meetings_per_year: f64,
    #[serde(skip)]
    pub hourly_rate_cents: Option<i64>,
}

impl Thresholds {
    pub fn from_settings(settings: &Settings) -> Thresholds {
        Thresholds {
            min_meetings: settings.count("verdict.min_meetings"),
            min_months: settings.count("verdict.min_months"),
            window_months: settings.count("verdict.window_months").max(1),
            min_referrals: settings.count("verdict.min_referrals"),
            min_roi: settings.ratio("verdict.min_roi"),
            leave_concerns: settings.count("verdict.leave_concerns").max(1),
            max_met_once: settings.ratio("verdict.max_met_once") / 100.0,
            low_rating: settings.ratio("verdict.low_rating"),
            min_meetings_per_year: settings.ratio("verdict.min_meetings_per_year"),
            hourly_rate_cents: settings.cents("rate.hourly"),
        }
    }
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_meetings: 3,
            min_months: 6,
            window_months: 12,
            min_referrals: 1,
            min_roi: 2.0,
            leave_concerns: 2,
            max_met_once: 0.8,
            low_rating: 2.5,
            min_meetings_per_year: 1.0,
            hourly_rate_cents: None,
        }
    }
}

/// What the user should do about a network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Call {
    Stay,
    #[default]
    Watch,
    Leave,
    Left,
}

impl Call {
    pub fn label(self, words: &Words) -> String {
        let key = match self {
            Call::Stay => Msg::CallStay,
            Call::Watch => Msg::CallWatch,
            Call::Leave => Msg::CallLeave,
            Call::Left => Msg::CallLeft,
        };
        words.say(key, &[])
    }
}

/// A call with its reasons, each stated with its figure; for `watch`, what to watch for and by
/// when; for `leave`, by when (the renewal).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Verdict {
    pub call: Call,
    pub reasons: Vec<String>,
    pub watch_for: Option<String>,
    pub decide_by: Option<NaiveDate>,
}

/// What one rule found: its effect on the call (`None`: a caveat, said but deciding nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub effect: Option<Call>,
    pub reason: String,
    pub watch_for: Option<String>,
    pub decide_by: Option<NaiveDate>,
}

impl Finding {
    fn new(effect: Call, reason: String) -> Finding {
        Finding {
            effect: Some(effect),
            reason,
            watch_for: None,
            decide_by: None,
        }
    }

    fn caveat(reason: String) -> Finding {
        Finding {
            effect: None,
            reason,
            watch_for: None,
            decide_by: None,
        }
    }

    fn watch_for(mut self, what: String, by: Option<NaiveDate>) -> Finding {
        self.watch_for = Some(what);
        self.decide_by = by;
        self
    }
}

/// What the rules read besides the network's figures, worked out once.
struct View<'a> {
    network: &'a NetworkReport,
    thresholds: &'a Thresholds,
    words: &'a Words,
    /// Old enough and attended enough to judge.
    judged: bool,
    /// Business won at some time up to the period's end.
    won_ever: bool,
    /// Fewer meetings than a year of membership calls for, after a year.
    dormant: bool,
    /// What the recent past cost: fees pro rata, meeting costs, and the time's worth if valued.
    recent_cost: i64,
    /// Won at least `min_roi` times the recent cost.
    pays: bool,
    /// "in the last 12 months", "since joining"…
    window: String,
    /// By when a `watch` must be settled: the renewal, or three months on.
    by: Option<NaiveDate>,
}

impl<'a> View<'a> {
    fn new(network: &'a NetworkReport, thresholds: &'a Thresholds, words: &'a Words) -> View<'a> {
        let evidence = &network.evidence;
        let recent = &network.recent;
        let to_date = &network.to_date;
        let months = network.membership_months;
        let judged = to_date.meetings >= thresholds.min_meetings && months >= thresholds.min_months;
        let dormant = months >= 12
            && (to_date.meetings as f64) * 12.0 < thresholds.min_meetings_per_year * months as f64;
        let recent_cost = recent.spent_cents + recent.time_value_cents.unwrap_or(0);
        let won = recent.won_value_cents;
        let pays = won > 0 && won as f64 >= thresholds.min_roi * recent_cost as f64;
        let window = match recent.since {
            None => words.say(Msg::WindowSinceJoining, &[]),
            Some(_) if !evidence.looking_back => {
                words
                    .lang
                    .count(Msg::WindowLast, evidence.window_months, &[])
            }
            Some(_) => words.lang.count(
                Msg::WindowTo,
                evidence.window_months,
                &[("date", &words.date(evidence.as_of))],
            ),
        };
        let by = network.renewal.map(|r| r.on).or_else(|| {
            evidence
                .as_of
                .checked_add_months(Months::new(3))
                .filter(|_| network.left_on.is_none())
        });
        View {
            network,
            thresholds,
            words,
            judged,
            won_ever: to_date.won_value_cents > 0,
            dormant,
            recent_cost,
            pays,
            window,
            by,
        }
    }
}

type Rule = fn(&View<'_>) -> Option<Finding>;

/// The rules, in the order their reasons are given.
const RULES: &[Rule] = &[
    serious_concerns,
    too_early,
    hardly_attended,
    business,
    ratings,
    shallow,
    one_person,
    minor_concerns,
    time_not_counted,
];

/// Judges a network from its figures.
pub fn judge(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Verdict {
    let view = View::new(network, thresholds, words);
    let findings: Vec<Finding> = RULES.iter().filter_map(|rule| rule(&view)).collect();
    let strongest = findings.iter().filter_map(|f| f.effect).max();
    let mut reasons: Vec<String> = Vec::new();
    let call = match (network.left_on, strongest) {
        (Some(left_on), _) => {
            let reason = network.exit_reason.as_deref().unwrap_or("—");
            reasons.push(words.say(
                Msg::ReasonLeft,
                &[
                    ("date", &words.date(left_on)),
                    ("reason", &words.quote(reason)),
                ],
            ));
            Call::Left
        }
        (None, Some(call)) => call,
        // Every rule was silent or a caveat: judged, with nothing won and nothing expected.
        (None, None) => Call::Watch,
    };
    // The reasons for the call first, then the others, then the caveats.
    let rank = |f: &Finding| match f.effect {
        Some(effect) if effect == call => 0,
        Some(_) => 1,
        None => 2,
    };
    let mut findings = findings;
    findings.sort_by_key(rank);
    let decisive = findings.iter().find(|f| f.effect == Some(call));
    let (watch_for, decide_by) = match call {
        Call::Watch => decisive.map_or((None, view.by), |f| {
            (f.watch_for.clone(), f.decide_by.or(view.by))
        }),
        Call::Leave => (None, network.renewal.map(|r| r.on)),
        Call::Stay | Call::Left => (None, None),
    };
    if reasons.is_empty() && findings.iter().all(|f| f.effect.is_none()) {
        reasons.push(nothing_won(network, words));
    }
    reasons.extend(findings.into_iter().map(|f| f.reason));
    Verdict {
        call,
        reasons,
        watch_for,
        decide_by,
    }
}

/// "2 referrals received, none won yet", or, when none is still open, "…, 2 lost, none won".
fn nothing_won(network: &NetworkReport, words: &Words) -> String {
    let counts = &network.referrals;
    let referrals = words.count(Msg::ReferralsReceived, counts.received);
    if counts.received > 0 && counts.open == 0 {
        let lost = words.count(Msg::Lost, counts.lost);
        words.say(
            Msg::ReasonAllLost,
            &[("referrals", &referrals), ("lost", &lost)],
        )
    } else {
        words.say(Msg::ReasonNoneWon, &[("referrals", &referrals)])
    }
}

/// The quoted texts of concerns, three at most.
fn quoted<'c>(view: &View<'_>, concerns: impl Iterator<Item = &'c super::Concern>) -> String {
    let words = view.words;
    let mut texts: Vec<String> = concerns.map(|c| words.quote(&c.text)).collect();
    if texts.len() > 3 {
        texts.truncate(3);
        texts.push("…".into());
    }
    texts.join(&words.say(Msg::ListSeparator, &[]))
}

fn open_concerns(
    network: &NetworkReport,
    severity: Severity,
) -> impl Iterator<Item = &super::Concern> + Clone {
    network
        .concern_notes
        .iter()
        .filter(move |c| !c.resolved && c.severity == severity)
}

/// An unresolved serious concern: at least `watch`, to raise now; `leave` when the network
/// never brought business or when `leave_concerns` of them pile up.
fn serious_concerns(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    let serious = open_concerns(network, Severity::Serious);
    let n = serious.clone().count() as i64;
    if n == 0 {
        return None;
    }
    let words = view.words;
    let reason = words.say(
        Msg::ReasonConcerns,
        &[
            ("concerns", &words.count(Msg::SeriousConcerns, n)),
            ("texts", &quoted(view, serious.clone())),
        ],
    );
    let effect = if n >= view.thresholds.leave_concerns || !view.won_ever {
        Call::Leave
    } else {
        Call::Watch
    };
    let soon = network
        .evidence
        .as_of
        .checked_add_days(chrono::Days::new(30));
    let first = serious.clone().next().map(|c| words.quote(&c.text));
    Some(Finding::new(effect, reason).watch_for(
        words.say(
            Msg::WatchConcern,
            &[("text", first.as_deref().unwrap_or("—"))],
        ),
        soon.map(|soon| view.by.map_or(soon, |by| by.min(soon))),
    ))
}

/// Minor concerns are said, and decide nothing.
fn minor_concerns(view: &View<'_>) -> Option<Finding> {
    let minor = open_concerns(view.network, Severity::Minor);
    let n = minor.clone().count() as i64;
    (n > 0).then(|| {
        Finding::caveat(view.words.say(
            Msg::ReasonConcerns,
            &[
                ("concerns", &view.words.count(Msg::MinorConcerns, n)),
                ("texts", &quoted(view, minor)),
            ],
        ))
    })
}

/// Too young or too little attended to judge, with nothing won yet: `watch` until it has both
/// the meetings and the months.
fn too_early(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    let thresholds = view.thresholds;
    if view.judged || view.won_ever || view.dormant || network.left_on.is_some() {
        return None;
    }
    let words = view.words;
    let joined = network.joined_on?;
    let end = network.evidence.as_of;
    let meetings = words.count(Msg::Meetings, network.to_date.meetings);
    let span = words.span((end - joined).num_days().max(0), joined, end);
    let min_meetings = words.count(Msg::Meetings, thresholds.min_meetings);
    let min_months = words.count(Msg::Months, thresholds.min_months);
    // Only what is still missing is said: months of membership long past are no reason.
    let judgeable = joined
        .checked_add_months(Months::new(thresholds.min_months as u32))
        .filter(|judgeable| *judgeable > end);
    let few_meetings = network.to_date.meetings < thresholds.min_meetings;
    let needs = match (few_meetings, judgeable.is_some()) {
        (true, false) => Msg::NeedsMeetings,
        (false, true) => Msg::NeedsMonths,
        _ => Msg::NeedsMeetingsAndMonths,
    };
    let needs = words.say(
        needs,
        &[("min_meetings", &min_meetings), ("min_months", &min_months)],
    );
    let reason = words.say(
        Msg::ReasonTooEarly,
        &[("meetings", &meetings), ("span", &span), ("needs", &needs)],
    );
    let by = match (judgeable, view.by) {
        (Some(judgeable), Some(by)) => Some(judgeable.min(by).max(end)),
        (judgeable, by) => judgeable.or(by),
    };
    let what = words.say(Msg::WatchTooEarly, &[("needs", &needs)]);
    Some(Finding::new(Call::Watch, reason).watch_for(what, by))
}

/// A membership paid for but hardly attended: "paying €120 a year for 1 meeting in 11 years".
fn hardly_attended(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    if !view.dormant || network.left_on.is_some() {
        return None;
    }
    let words = view.words;
    let joined = network.joined_on?;
    let end = network.evidence.as_of;
    let meetings = words.count(Msg::Meetings, network.to_date.meetings);
    let span = words.span((end - joined).num_days().max(0), joined, end);
    let fee = match (network.fee_cents, network.fee_period) {
        (Some(cents), Some(period)) if cents > 0 && period != crate::domain::FeePeriod::Once => {
            Some(words.fee(cents, period))
        }
        _ => None,
    };
    let finding = match fee {
        Some(fee) => Finding::new(
            if network.recent.won_value_cents > 0 {
                Call::Watch
            } else {
                Call::Leave
            },
            words.say(
                Msg::ReasonPaidUnused,
                &[("fee", &fee), ("meetings", &meetings), ("span", &span)],
            ),
        ),
        None => Finding::new(
            Call::Watch,
            words.say(
                Msg::ReasonUnused,
                &[("meetings", &meetings), ("span", &span)],
            ),
        ),
    };
    Some(finding.watch_for(words.say(Msg::WatchAttend, &[]), view.by))
}

/// What the recent past brought against what it cost, with the lifetime beside it.
fn business(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    let thresholds = view.thresholds;
    if !view.judged && !view.won_ever && network.left_on.is_none() {
        return None;
    }
    let words = view.words;
    let recent = &network.recent;
    let to_date = &network.to_date;
    let won = recent.won_value_cents;
    let window = view.window.as_str();
    if won > 0 {
        let cost = view.recent_cost;
        let spent = spent_words(view);
        let lifetime = lifetime_words(view);
        if cost == 0 {
            let reason = words.say(
                Msg::ReasonWonFree,
                &[
                    ("won", &words.money(won)),
                    ("window", window),
                    ("lifetime", &lifetime),
                ],
            );
            return Some(Finding::new(Call::Stay, reason));
        }
        let roi = words.ratio(super::ratio(won, cost).unwrap_or(0.0));
        let min = words.ratio(thresholds.min_roi);
        let args = [
            ("won", words.money(won)),
            ("spent", spent),
            ("window", window.to_string()),
            ("roi", roi),
            ("min", min),
            ("lifetime", lifetime),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if view.pays {
            return Some(Finding::new(Call::Stay, words.say(Msg::ReasonWon, &args)));
        }
        let key = if won >= cost {
            Msg::ReasonBarelyCovers
        } else {
            Msg::ReasonLowReturn
        };
        // An "about" figure: rounded up to ten units of the currency.
        let missing = (thresholds.min_roi * cost as f64).ceil() as i64 - won;
        let what = words.say(
            Msg::WatchMoreWon,
            &[("missing", &words.money_about(missing, 1000))],
        );
        return Some(Finding::new(Call::Watch, words.say(key, &args)).watch_for(what, view.by));
    }
    if view.won_ever {
        // Business, but not recently: the old wins no longer speak for the network.
        let last = network.evidence.last_won_on.map(|d| words.date(d));
        let as_of = network.evidence.as_of;
        let referral_months = network
            .last_referral_on
            .map(|d| i64::from(crate::domain::date::months_between(d, as_of)));
        let key = match (referral_months, recent.since) {
            // Nothing received within the window either: say for how long.
            (Some(months), Some(_)) if months >= network.evidence.window_months => {
                Msg::ReasonOldReferral
            }
            _ => Msg::ReasonOldWins,
        };
        let reason = words.say(
            key,
            &[
                ("window", window),
                (
                    "months",
                    &words.count(Msg::Months, referral_months.unwrap_or(0)),
                ),
                ("won", &words.money(to_date.won_value_cents)),
                ("date", last.as_deref().unwrap_or("—")),
            ],
        );
        let what = words.say(Msg::WatchReferral, &[]);
        return Some(Finding::new(Call::Watch, reason).watch_for(what, view.by));
    }
    if recent.received > 0 && recent.received >= thresholds.min_referrals {
        let what = words.say(Msg::WatchOpenReferrals, &[]);
        return Some(
            Finding::new(Call::Watch, nothing_won(network, words)).watch_for(what, view.by),
        );
    }
    let meetings = words.count(Msg::Meetings, to_date.meetings);
    let deep = network.contacts.met_three_plus;
    if to_date.given > 0 || deep > 0 {
        // Nothing came back yet, but the member gives and knows people there: not a leave.
        let received = words.count(Msg::ReferralsReceived, to_date.received);
        let mut reason = if to_date.given > 0 {
            words.say(
                Msg::ReasonGivenNotReceived,
                &[
                    ("given", &words.count(Msg::ReferralsGiven, to_date.given)),
                    ("received", &received),
                    ("meetings", &meetings),
                ],
            )
        } else {
            words.say(
                Msg::ReasonNoReferrals,
                &[("referrals", &received), ("meetings", &meetings)],
            )
        };
        if deep > 0 {
            reason += &words.lang.count(Msg::ReasonDeep, deep, &[]);
        }
        let what = words.say(Msg::WatchReturn, &[]);
        return Some(Finding::new(Call::Watch, reason).watch_for(what, view.by));
    }
    let reason = words.say(
        Msg::ReasonNoReferrals,
        &[
            (
                "referrals",
                &words.count(Msg::ReferralsReceived, to_date.received),
            ),
            ("meetings", &meetings),
        ],
    );
    Some(Finding::new(Call::Leave, reason))
}

/// "€1,758 spent" or, with an hourly rate, "€1,758 spent and 97 hours worth €5,820".
fn spent_words(view: &View<'_>) -> String {
    let words = view.words;
    let recent = &view.network.recent;
    let money = words.money(recent.spent_cents);
    match recent.time_value_cents {
        Some(value) if recent.minutes > 0 => words.say(
            Msg::SpentWithTime,
            &[
                ("spent", &money),
                ("hours", &words.hours(recent.minutes)),
                ("value", &words.money(value)),
            ],
        ),
        _ => words.say(Msg::Spent, &[("spent", &money)]),
    }
}

/// "" when the recent past is the whole membership, else "; €25,500 won since joining".
fn lifetime_words(view: &View<'_>) -> String {
    let network = view.network;
    if network.recent.since.is_none()
        || network.to_date.won_value_cents == network.recent.won_value_cents
    {
        return String::new();
    }
    view.words.say(
        Msg::LifetimeWon,
        &[("won", &view.words.money(network.to_date.won_value_cents))],
    )
}

/// Without an hourly rate the time is not counted: said, with the hours per referral won.
fn time_not_counted(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    let recent = &network.recent;
    if view.thresholds.hourly_rate_cents.is_some() || recent.minutes == 0 || !view.judged {
        return None;
    }
    let words = view.words;
    let hours = words.hours(recent.minutes);
    let reason = if recent.won > 0 {
        words.say(
            Msg::ReasonTimeNotCountedPerWon,
            &[
                ("hours", &hours),
                ("window", &view.window),
                ("per_won", &words.hours(recent.minutes / recent.won)),
            ],
        )
    } else {
        words.say(
            Msg::ReasonTimeNotCounted,
            &[("hours", &hours), ("window", &view.window)],
        )
    };
    Some(Finding::caveat(reason))
}

/// The user's own ratings: the last three meetings rated low make it `watch`; a fall against
/// the recent average is said.
fn ratings(view: &View<'_>) -> Option<Finding> {
    let evidence = &view.network.evidence;
    if evidence.last_ratings.len() < 3 || view.network.left_on.is_some() {
        return None;
    }
    let words = view.words;
    let last = evidence.last_ratings.iter().sum::<i64>() as f64 / 3.0;
    let last_text = words.lang.decimal(last, 1);
    if last <= view.thresholds.low_rating {
        let reason = words.say(Msg::ReasonLowRating, &[("avg", &last_text)]);
        let what = words.say(Msg::WatchRatings, &[]);
        return Some(Finding::new(Call::Watch, reason).watch_for(what, view.by));
    }
    let recent = view.network.rating_avg?;
    (recent - last >= 1.0).then(|| {
        Finding::caveat(words.say(
            Msg::ReasonFallingRating,
            &[
                ("avg", &last_text),
                ("recent", &words.lang.decimal(recent, 1)),
                ("window", &view.window),
            ],
        ))
    })
}

/// Most contacts met only once: relationships too shallow to refer or be referred — a caveat
/// when the network already pays for itself.
fn shallow(view: &View<'_>) -> Option<Finding> {
    let contacts = &view.network.contacts;
    if contacts.total < 3
        || (contacts.met_once as f64) <= view.thresholds.max_met_once * contacts.total as f64
    {
        return None;
    }
    let words = view.words;
    let reason = words.say(
        Msg::ReasonShallow,
        &[
            ("once", &contacts.met_once.to_string()),
            ("total", &contacts.total.to_string()),
        ],
    );
    Some(if view.pays {
        Finding::caveat(reason)
    } else {
        Finding::new(Call::Watch, reason)
    })
}

/// The business rests on one person and the member knows few others well: a caveat.
fn one_person(view: &View<'_>) -> Option<Finding> {
    let network = view.network;
    (view.pays && network.evidence.won_from == 1 && network.contacts.met_three_plus <= 1).then(
        || {
            Finding::caveat(
                view.words
                    .say(Msg::ReasonOnePerson, &[("window", &view.window)]),
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::db::network::Status;
    use crate::domain::{FeePeriod, Kind};
    use crate::i18n::Lang;
    use crate::report::{Concern, ContactDepth, Evidence, MeetingCounts, ReferralCounts, Stretch};

    /// A network still active, judged on 2024-06-15, with the figures that matter to the rules.
    /// Unless said otherwise, the recent past is the whole membership.
    #[derive(Clone, Copy)]
    struct Case {
        months: i64,
        meetings: i64,
        received: i64,
        given: i64,
        won_cents: i64,
        /// Won before the recent past, on top of `won_cents`.
        won_before_cents: i64,
        spent_cents: i64,
        serious: i64,
        minor: i64,
        resolved: i64,
        contacts: i64,
        met_once: i64,
        deep: i64,
        minutes: i64,
        fee_cents: Option<i64>,
        ratings: [i64; 3],
        left: bool,
    }

    impl Default for Case {
        fn default() -> Case {
            Case {
                months: 12,
                meetings: 0,
                received: 0,
                given: 0,
                won_cents: 0,
                won_before_cents: 0,
                spent_cents: 0,
                serious: 0,
                minor: 0,
                resolved: 0,
                contacts: 0,
                met_once: 0,
                deep: 0,
                minutes: 0,
                fee_cents: None,
                ratings: [0; 3],
                left: false,
            }
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn network(case: Case, rate: Option<i64>) -> NetworkReport {
        let as_of = day(2024, 6, 15);
        let joined = as_of
            .checked_sub_months(chrono::Months::new(case.months as u32))
            .unwrap();
        let concern = |i: i64, severity, resolved| Concern {
            text: format!("concern {}", i + 1),
            severity,
            resolved,
        };
        let mut concern_notes: Vec<Concern> = (0..case.serious)
            .map(|i| concern(i, Severity::Serious, false))
            .collect();
        concern_notes.extend((0..case.minor).map(|i| concern(i, Severity::Minor, false)));
        concern_notes.extend((0..case.resolved).map(|i| concern(i, Severity::Serious, true)));
        let won = i64::from(case.won_cents > 0);
        let recent = Stretch {
            since: (case.won_before_cents > 0).then(|| day(2023, 6, 16)),
            meetings: case.meetings,
            hours: case.minutes as f64 / 60.0,
            minutes: case.minutes,
            spent_cents: case.spent_cents,
            meeting_costs_cents: 0,
            time_value_cents: rate.map(|r| case.minutes * r / 60),
            received: case.received,
            given: case.given,
            won,
            won_value_cents: case.won_cents,
        };
        let to_date = Stretch {
            since: None,
            won: won + i64::from(case.won_before_cents > 0),
            won_value_cents: case.won_cents + case.won_before_cents,
            ..recent
        };
        let ratings: Vec<i64> = case.ratings.iter().copied().filter(|&r| r > 0).collect();
        NetworkReport {
            id: 1,
            name: "BNI Montpellier".into(),
            kind: Kind::CoOptation,
            status: if case.left {
                Status::Left
            } else {
                Status::Active
            },
            joined_on: Some(joined),
            left_on: case.left.then(|| day(2024, 5, 1)),
            exit_reason: case
                .left
                .then(|| "one croissant is not a relationship".into()),
            invited_by: None,
            membership_days: (as_of - joined).num_days(),
            membership_months: case.months,
            fee_cents: case.fee_cents,
            fee_period: case.fee_cents.map(|_| FeePeriod::Year),
            next_renewal: None,
            meetings: MeetingCounts {
                total: case.meetings,
                in_person: case.meetings,
                remote: 0,
            },
            hours: case.minutes as f64 / 60.0,
            minutes: case.minutes,
            spent_cents: case.spent_cents,
            fees_cents: 0,
            fees_paid_cents: 0,
            meeting_costs_cents: case.spent_cents,
            time_value_cents: rate.map(|r| case.minutes * r / 60),
            contacts: ContactDepth {
                total: case.contacts,
                met_once: case.met_once,
                met_twice: case.contacts - case.met_once - case.deep,
                met_three_plus: case.deep,
            },
            referrals: ReferralCounts {
                received: case.received,
                given: case.given,
                won,
                open: case.received - won,
                lost: 0,
                won_value_cents: case.won_cents,
            },
            concerns: case.serious + case.minor,
            concern_notes,
            roi: None,
            roi_with_time: None,
            value_per_hour_cents: None,
            cost_per_won_cents: None,
            hours_per_won: None,
            rating_avg: (!ratings.is_empty())
                .then(|| ratings.iter().sum::<i64>() as f64 / ratings.len() as f64),
            last_referral_on: (case.won_before_cents > 0).then(|| day(2023, 4, 10)),
            recent,
            to_date,
            renewal: None,
            verdict: Verdict::default(),
            retrospective: String::new(),
            evidence: Evidence {
                as_of,
                window_months: 12,
                looking_back: false,
                last_ratings: ratings,
                last_won_on: (case.won_before_cents > 0).then(|| day(2023, 4, 10)),
                won_from: won,
            },
        }
    }

    fn words() -> Words {
        Words {
            lang: Lang::En,
            currency: "EUR".into(),
        }
    }

    fn judge_case(case: Case) -> Verdict {
        judge(&network(case, None), &Thresholds::default(), &words())
    }

    /// Judged: old enough and attended enough.
    fn judged() -> Case {
        Case {
            meetings: 6,
            ..Case::default()
        }
    }

    #[test]
    fn each_rule_gives_its_call_with_its_figure() {
        let cases = [
            // Too early: too few meetings, or too few months, nothing won.
            (
                Case {
                    meetings: 2,
                    ..Case::default()
                },
                Call::Watch,
                "too early to judge (2 meetings in 12 months); to be judged after 3 meetings",
            ),
            (
                Case {
                    meetings: 3,
                    months: 1,
                    ..Case::default()
                },
                Call::Watch,
                "too early to judge (3 meetings in 1 month); to be judged after 6 months of membership",
            ),
            // Only what is missing is said.
            (
                Case {
                    meetings: 2,
                    months: 1,
                    ..Case::default()
                },
                Call::Watch,
                "too early to judge (2 meetings in 1 month); to be judged after 3 meetings and 6 months of membership",
            ),
            // Judged, nothing received, nothing given, nobody known well: leave.
            (
                judged(),
                Call::Leave,
                "no referral received after 6 meetings",
            ),
            // Given, or known well: watch, saying so.
            (
                Case {
                    given: 6,
                    ..judged()
                },
                Call::Watch,
                "6 referrals given, no referral received after 6 meetings",
            ),
            (
                Case {
                    contacts: 4,
                    deep: 4,
                    ..judged()
                },
                Call::Watch,
                "no referral received after 6 meetings; 4 people met three times or more",
            ),
            // A referral, nothing won yet: watch.
            (
                Case {
                    received: 1,
                    ..judged()
                },
                Call::Watch,
                "1 referral received, none won yet",
            ),
            // Won twice what it cost: stay.
            (
                Case {
                    received: 1,
                    won_cents: 320000,
                    spent_cents: 54000,
                    ..judged()
                },
                Call::Stay,
                "won €3,200 for €540 spent since joining (5.92×)",
            ),
            (
                Case {
                    received: 1,
                    won_cents: 108000,
                    spent_cents: 54000,
                    ..judged()
                },
                Call::Stay,
                "won €1,080 for €540 spent since joining (2×)",
            ),
            // Revenue is not profit: one cent short of twice, or barely more than the cost.
            (
                Case {
                    received: 1,
                    won_cents: 107999,
                    spent_cents: 54000,
                    ..judged()
                },
                Call::Watch,
                "barely covers its cost: won €1,079.99 for €540 spent since joining (1.99×, below the 2× a stay needs)",
            ),
            (
                Case {
                    received: 1,
                    won_cents: 180000,
                    spent_cents: 175800,
                    ..judged()
                },
                Call::Watch,
                "barely covers its cost: won €1,800 for €1,758 spent since joining (1.02×, below the 2× a stay needs)",
            ),
            (
                Case {
                    received: 1,
                    won_cents: 30000,
                    spent_cents: 54000,
                    ..judged()
                },
                Call::Watch,
                "won €300 for €540 spent since joining, a return of 0.55×, below 2×",
            ),
            // Won with nothing spent; won early, before the network could be judged.
            (
                Case {
                    received: 1,
                    won_cents: 50000,
                    ..judged()
                },
                Call::Stay,
                "won €500 since joining with nothing spent",
            ),
            (
                Case {
                    meetings: 1,
                    months: 1,
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    ..Case::default()
                },
                Call::Stay,
                "won €5,000 for €60 spent since joining (83.33×)",
            ),
            // Old wins only: watch, saying since when nothing came.
            (
                Case {
                    won_before_cents: 2000000,
                    spent_cents: 90000,
                    ..judged()
                },
                Call::Watch,
                "no referral received in 14 months; the €20,000 won is older (last business on 10 April 2023)",
            ),
            // A serious concern: watch where business was won, leave where it never was.
            (
                Case {
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    serious: 1,
                    ..judged()
                },
                Call::Watch,
                "an unresolved serious concern (“concern 1”)",
            ),
            (
                Case {
                    meetings: 2,
                    serious: 1,
                    ..Case::default()
                },
                Call::Leave,
                "an unresolved serious concern (“concern 1”)",
            ),
            (
                Case {
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    serious: 2,
                    ..judged()
                },
                Call::Leave,
                "2 unresolved serious concerns (“concern 1”; “concern 2”)",
            ),
            // Minor and resolved concerns never decide.
            (
                Case {
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    minor: 1,
                    resolved: 1,
                    ..judged()
                },
                Call::Stay,
                "won €5,000 for €60 spent since joining (83.33×)",
            ),
            // Shallow relationships: watch when it does not pay for itself.
            (
                Case {
                    received: 1,
                    contacts: 10,
                    met_once: 9,
                    ..judged()
                },
                Call::Watch,
                "1 referral received, none won yet",
            ),
            // Paid for, hardly attended.
            (
                Case {
                    months: 132,
                    meetings: 1,
                    fee_cents: Some(12000),
                    ..Case::default()
                },
                Call::Leave,
                "paying €120 a year for 1 meeting in 11 years",
            ),
            // Low ratings.
            (
                Case {
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    ratings: [2, 3, 2],
                    ..judged()
                },
                Call::Watch,
                "last 3 meetings rated 2.3/5 on average",
            ),
            // Left: the exit reason comes first.
            (
                Case {
                    meetings: 1,
                    left: true,
                    ..Case::default()
                },
                Call::Left,
                "left on 1 May 2024 (“one croissant is not a relationship”)",
            ),
        ];
        for (case, call, first_reason) in cases {
            let verdict = judge_case(case);
            assert_eq!(verdict.call, call, "{:?}", verdict.reasons);
            assert_eq!(
                verdict.reasons.first().map(String::as_str),
                Some(first_reason),
                "{:?}",
                verdict.reasons
            );
            if call == Call::Watch {
                assert!(verdict.watch_for.is_some(), "{:?}", verdict.reasons);
            }
        }
    }

    #[test]
    fn caveats_are_said_and_decide_nothing() {
        let paying = Case {
            received: 1,
            won_cents: 500000,
            spent_cents: 6000,
            contacts: 10,
            met_once: 9,
            minor: 1,
            minutes: 600,
            ..judged()
        };
        let verdict = judge_case(paying);
        assert_eq!(verdict.call, Call::Stay);
        assert_eq!(
            verdict.reasons[1..],
            [
                "9 of 10 contacts met only once",
                "all the business won since joining came from one person",
                "a minor concern (“concern 1”)",
                "10 hours since joining not counted in the cost, 10 hours per referral won (set rate.hourly to count them)",
            ]
        );
    }

    #[test]
    fn a_serious_concern_never_leaves_a_network_at_stay() {
        for won_cents in [0, 100, 1_000_000] {
            for meetings in [0, 1, 3, 10] {
                let case = Case {
                    meetings,
                    received: 1,
                    won_cents,
                    serious: 1,
                    ..Case::default()
                };
                assert_ne!(
                    judge_case(case).call,
                    Call::Stay,
                    "{meetings} meetings, {won_cents} won"
                );
            }
        }
    }

    #[test]
    fn the_time_spent_counts_with_an_hourly_rate() {
        let case = Case {
            received: 1,
            won_cents: 200000,
            spent_cents: 54000,
            minutes: 780,
            ..judged()
        };
        let thresholds = Thresholds {
            hourly_rate_cents: Some(6000),
            ..Thresholds::default()
        };
        let without = judge(&network(case, None), &Thresholds::default(), &words());
        assert_eq!(without.call, Call::Stay);
        let with = judge(&network(case, Some(6000)), &thresholds, &words());
        assert_eq!(with.call, Call::Watch);
        assert_eq!(
            with.reasons[0],
            "barely covers its cost: won €2,000 for €540 spent and 13 hours worth €780 since joining (1.51×, below the 2× a stay needs)"
        );
        assert_eq!(
            with.watch_for.as_deref(),
            Some("about €640 more business won")
        );
    }

    #[test]
    fn thresholds_can_be_raised() {
        let case = Case {
            meetings: 3,
            ..Case::default()
        };
        let patient = Thresholds {
            min_meetings: 4,
            ..Thresholds::default()
        };
        assert_eq!(
            judge(&network(case, None), &patient, &words()).call,
            Call::Watch
        );
        let patient = Thresholds {
            min_months: 13,
            ..Thresholds::default()
        };
        assert_eq!(
            judge(&network(case, None), &patient, &words()).call,
            Call::Watch
        );
        let demanding = Thresholds {
            min_roi: 10.0,
            ..Thresholds::default()
        };
        let case = Case {
            received: 1,
            won_cents: 320000,
            spent_cents: 54000,
            ..judged()
        };
        assert_eq!(
            judge(&network(case, None), &demanding, &words()).call,
            Call::Watch
        );
    }

    #[test]
    fn reasons_are_in_french_when_asked() {
        let words = Words {
            lang: Lang::Fr,
            currency: "EUR".into(),
        };
        let case = Case {
            given: 6,
            contacts: 4,
            deep: 4,
            ..judged()
        };
        let verdict = judge(&network(case, None), &Thresholds::default(), &words);
        assert_eq!(
            verdict.reasons,
            [
                "6 recommandations données, aucune recommandation reçue après 6 réunions ; 4 personnes vues au moins trois fois"
            ]
        );
        assert_eq!(verdict.call.label(&words), "surveiller");
        assert_eq!(
            verdict.watch_for.as_deref(),
            Some("une première recommandation reçue en retour")
        );
    }
}
