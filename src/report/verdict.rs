//! The verdict on a network: `stay`, `watch`, `leave`, or `left` for a network already left.
//! Each rule is a small function that looks at the network's figures and may return a finding:
//! an effect and a reason stated with its figure. The strongest effect decides the call.
//!
//! Thresholds, with their defaults (all overridable with `netjournal config set`):
//! - `verdict.min_meetings` (3): before this many meetings a network is too new to judge
//!   (`watch`), unless it has already won business;
//! - `verdict.min_referrals` (1): a judged network that brought fewer referrals, and no
//!   business, is to `leave`;
//! - `verdict.min_roi` (1): business won for each unit of money spent needed to `stay`; below
//!   it, `watch`; with an hourly rate set, the time's worth counts as money spent too;
//! - `verdict.leave_concerns` (2): this many concerns make it `leave`; one makes it `watch` —
//!   a concern never leaves a network at `stay`;
//! - `verdict.max_met_once` (80 %): when more of its contacts were met only once, the
//!   relationships are too shallow to bring referrals worth having (`watch`).

use serde::Serialize;

use super::NetworkReport;
use super::words::Words;
use crate::config::Settings;
use crate::i18n::Key;

/// The thresholds the rules apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub min_meetings: i64,
    pub min_referrals: i64,
    pub min_roi: f64,
    pub leave_concerns: i64,
    /// A share, from 0 to 1.
    pub max_met_once: f64,
    #[serde(skip)]
    pub hourly_rate_cents: Option<i64>,
}

impl Thresholds {
    pub fn from_settings(settings: &Settings) -> Thresholds {
        Thresholds {
            min_meetings: settings.count("verdict.min_meetings"),
            min_referrals: settings.count("verdict.min_referrals"),
            min_roi: settings.ratio("verdict.min_roi"),
            leave_concerns: settings.count("verdict.leave_concerns").max(1),
            max_met_once: settings.ratio("verdict.max_met_once") / 100.0,
            hourly_rate_cents: settings.cents("rate.hourly"),
        }
    }
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_meetings: 3,
            min_referrals: 1,
            min_roi: 1.0,
            leave_concerns: 2,
            max_met_once: 0.8,
            hourly_rate_cents: None,
        }
    }
}

/// What the user should do about a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Call {
    Stay,
    Watch,
    Leave,
    Left,
}

impl Call {
    pub fn label(self, words: &Words) -> String {
        let key = match self {
            Call::Stay => Key::CallStay,
            Call::Watch => Key::CallWatch,
            Call::Leave => Key::CallLeave,
            Call::Left => Key::CallLeft,
        };
        words.say(key, &[])
    }
}

/// A call with its reasons, each stated with its figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub call: Call,
    pub reasons: Vec<String>,
}

/// What one rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub effect: Call,
    pub reason: String,
}

impl Finding {
    fn new(effect: Call, reason: String) -> Option<Finding> {
        Some(Finding { effect, reason })
    }
}

type Rule = fn(&NetworkReport, &Thresholds, &Words) -> Option<Finding>;

/// The rules, in the order their reasons are given.
const RULES: &[Rule] = &[
    concerns,
    too_early,
    no_referrals,
    money_return,
    time_cost,
    shallow,
];

/// Judges a network from its figures.
pub fn judge(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Verdict {
    let findings: Vec<Finding> = RULES
        .iter()
        .filter_map(|rule| rule(network, thresholds, words))
        .collect();
    let strongest = findings.iter().map(|f| f.effect).max();
    let mut reasons: Vec<String> = Vec::new();
    let call = match (network.left_on, strongest) {
        (Some(left_on), _) => {
            let reason = network.exit_reason.as_deref().unwrap_or("—");
            reasons.push(words.say(
                Key::ReasonLeft,
                &[
                    ("date", &words.date(left_on)),
                    ("reason", &words.quote(reason)),
                ],
            ));
            Call::Left
        }
        (None, Some(call)) => call,
        // Every rule was silent: judged, but with nothing won and nothing expected.
        (None, None) => {
            reasons.push(nothing_won(network, words));
            Call::Watch
        }
    };
    // The reasons for the call first, then the others.
    let (decisive, others): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.effect == call);
    reasons.extend(decisive.into_iter().chain(others).map(|f| f.reason));
    Verdict { call, reasons }
}

fn nothing_won(network: &NetworkReport, words: &Words) -> String {
    let referrals = words.count(Key::ReferralsReceived, network.referrals.received);
    words.say(Key::ReasonNoneWon, &[("referrals", &referrals)])
}

/// One concern makes a network `watch`; `leave_concerns` of them make it `leave`.
fn concerns(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Option<Finding> {
    let n = network.concerns;
    if n == 0 {
        return None;
    }
    let mut quoted: Vec<String> = network
        .concern_notes
        .iter()
        .take(3)
        .map(|text| words.quote(text))
        .collect();
    if network.concern_notes.len() > 3 {
        quoted.push("…".into());
    }
    let reason = words.say(
        Key::ReasonConcerns,
        &[
            ("concerns", &words.count(Key::Concerns, n)),
            ("texts", &quoted.join(&words.say(Key::ListSeparator, &[]))),
        ],
    );
    let effect = if n >= thresholds.leave_concerns {
        Call::Leave
    } else {
        Call::Watch
    };
    Finding::new(effect, reason)
}

/// Too few meetings to judge, and no business won yet (said only of a network one is still in).
fn too_early(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Option<Finding> {
    let meetings = network.meetings.total;
    if meetings >= thresholds.min_meetings
        || network.referrals.won_value_cents > 0
        || network.left_on.is_some()
    {
        return None;
    }
    let reason = words.say(
        Key::ReasonTooEarly,
        &[
            ("meetings", &words.count(Key::Meetings, meetings)),
            ("min", &words.count(Key::Meetings, thresholds.min_meetings)),
        ],
    );
    Finding::new(Call::Watch, reason)
}

/// Judged, and fewer referrals than expected, none of them won: `leave`.
fn no_referrals(
    network: &NetworkReport,
    thresholds: &Thresholds,
    words: &Words,
) -> Option<Finding> {
    let meetings = network.meetings.total;
    let received = network.referrals.received;
    // A network already left was judged by the user: its figures are stated whatever its size.
    let judged = meetings >= thresholds.min_meetings || network.left_on.is_some();
    if !judged || received >= thresholds.min_referrals || network.referrals.won_value_cents > 0 {
        return None;
    }
    let reason = words.say(
        Key::ReasonNoReferrals,
        &[
            ("referrals", &words.count(Key::ReferralsReceived, received)),
            ("meetings", &words.count(Key::Meetings, meetings)),
        ],
    );
    Finding::new(Call::Leave, reason)
}

/// Business won against money spent: `stay` at `min_roi` or more, `watch` below; referrals
/// received but none won yet: `watch`.
fn money_return(
    network: &NetworkReport,
    thresholds: &Thresholds,
    words: &Words,
) -> Option<Finding> {
    let won = network.referrals.won_value_cents;
    let spent = network.spent_cents;
    if won == 0 {
        let received = network.referrals.received;
        if received == 0 || received < thresholds.min_referrals {
            return None;
        }
        return Finding::new(Call::Watch, nothing_won(network, words));
    }
    if spent == 0 {
        let reason = words.say(Key::ReasonWonFree, &[("won", &words.money(won))]);
        return Finding::new(Call::Stay, reason);
    }
    let roi = won as f64 / spent as f64;
    let amounts = [("won", words.money(won)), ("spent", words.money(spent))];
    if roi >= thresholds.min_roi {
        let reason = words.say(Key::ReasonWon, &pairs(&amounts));
        Finding::new(Call::Stay, reason)
    } else {
        let roi_text = words.ratio(roi);
        let min = words.ratio(thresholds.min_roi);
        let mut args = pairs(&amounts);
        args.extend([("roi", roi_text.as_str()), ("min", min.as_str())]);
        Finding::new(Call::Watch, words.say(Key::ReasonLowReturn, &args))
    }
}

/// With an hourly rate set: the time's worth plus the money spent against the business won.
fn time_cost(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Option<Finding> {
    let rate = thresholds.hourly_rate_cents?;
    let time_value = network.time_value_cents?;
    let won = network.referrals.won_value_cents;
    let judged = network.meetings.total >= thresholds.min_meetings || won > 0;
    let cost = (network.spent_cents + time_value) as f64;
    if !judged || network.minutes == 0 || won as f64 >= cost * thresholds.min_roi {
        return None;
    }
    let reason = words.say(
        Key::ReasonTime,
        &[
            ("hours", &words.hours(network.minutes)),
            ("value", &words.money(time_value)),
            ("rate", &words.money(rate)),
            ("won", &words.money(won)),
        ],
    );
    Finding::new(Call::Watch, reason)
}

/// Most contacts met only once: relationships too shallow to refer or be referred.
fn shallow(network: &NetworkReport, thresholds: &Thresholds, words: &Words) -> Option<Finding> {
    let contacts = &network.contacts;
    if contacts.total < 3
        || (contacts.met_once as f64) <= thresholds.max_met_once * contacts.total as f64
    {
        return None;
    }
    let reason = words.say(
        Key::ReasonShallow,
        &[
            ("once", &contacts.met_once.to_string()),
            ("contacts", &words.count(Key::Contacts, contacts.total)),
        ],
    );
    Finding::new(Call::Watch, reason)
}

fn pairs<'a>(values: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    values
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}
