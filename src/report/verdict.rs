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

/// "2 referrals received, none won yet", or, when none is still open, "…, 2 lost, none won".
fn nothing_won(network: &NetworkReport, words: &Words) -> String {
    let counts = &network.referrals;
    let referrals = words.count(Key::ReferralsReceived, counts.received);
    if counts.received > 0 && counts.open == 0 {
        let lost = words.count(Key::Lost, counts.lost);
        words.say(
            Key::ReasonAllLost,
            &[("referrals", &referrals), ("lost", &lost)],
        )
    } else {
        words.say(Key::ReasonNoneWon, &[("referrals", &referrals)])
    }
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
    let amounts = [("won", words.money(won)), ("spent", words.money(spent))];
    if won as f64 >= thresholds.min_roi * spent as f64 {
        let reason = words.say(Key::ReasonWon, &pairs(&amounts));
        Finding::new(Call::Stay, reason)
    } else {
        let roi_text = words.ratio(super::ratio(won, spent).unwrap_or(0.0));
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::db::network::Status;
    use crate::domain::Kind;
    use crate::i18n::Lang;
    use crate::report::{ContactDepth, MeetingCounts, ReferralCounts};

    /// A network still active, with the figures that matter to the rules.
    #[derive(Clone, Copy, Default)]
    struct Case {
        meetings: i64,
        received: i64,
        won_cents: i64,
        spent_cents: i64,
        concerns: i64,
        contacts: i64,
        met_once: i64,
        minutes: i64,
        lost: i64,
        left: bool,
    }

    fn network(case: Case, rate: Option<i64>) -> NetworkReport {
        NetworkReport {
            id: 1,
            name: "BNI Montpellier".into(),
            kind: Kind::CoOptation,
            status: if case.left {
                Status::Left
            } else {
                Status::Active
            },
            joined_on: NaiveDate::from_ymd_opt(2024, 1, 10),
            left_on: case
                .left
                .then(|| NaiveDate::from_ymd_opt(2024, 5, 1).unwrap()),
            exit_reason: case
                .left
                .then(|| "one croissant is not a relationship".into()),
            invited_by: None,
            membership_days: 100,
            fee_cents: None,
            fee_period: None,
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
            meeting_costs_cents: case.spent_cents,
            time_value_cents: rate.map(|r| case.minutes * r / 60),
            contacts: ContactDepth {
                total: case.contacts,
                met_once: case.met_once,
                met_twice: case.contacts - case.met_once,
                met_three_plus: 0,
            },
            referrals: ReferralCounts {
                received: case.received,
                won: i64::from(case.won_cents > 0),
                open: case.received - i64::from(case.won_cents > 0) - case.lost,
                lost: case.lost,
                won_value_cents: case.won_cents,
                ..ReferralCounts::default()
            },
            concerns: case.concerns,
            concern_notes: (0..case.concerns)
                .map(|i| format!("concern {}", i + 1))
                .collect(),
            roi: None,
            roi_with_time: None,
            value_per_hour_cents: None,
            verdict: Verdict {
                call: Call::Watch,
                reasons: Vec::new(),
            },
            retrospective: String::new(),
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

    #[test]
    fn each_rule_gives_its_call_with_its_figure() {
        let cases = [
            // Too early: fewer than 3 meetings, nothing won.
            (
                Case {
                    meetings: 2,
                    ..Case::default()
                },
                Call::Watch,
                "only 2 meetings so far: judged after 3 meetings",
            ),
            // At the threshold, no referral: leave.
            (
                Case {
                    meetings: 3,
                    ..Case::default()
                },
                Call::Leave,
                "0 referrals received after 3 meetings",
            ),
            (
                Case {
                    meetings: 6,
                    spent_cents: 54000,
                    ..Case::default()
                },
                Call::Leave,
                "0 referrals received after 6 meetings",
            ),
            // A referral, nothing won yet: watch.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    ..Case::default()
                },
                Call::Watch,
                "1 referral received, none won yet",
            ),
            // Won at least what was spent: stay.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 320000,
                    spent_cents: 54000,
                    ..Case::default()
                },
                Call::Stay,
                "won €3,200 for €540 spent",
            ),
            // Exactly break-even is enough.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 54000,
                    spent_cents: 54000,
                    ..Case::default()
                },
                Call::Stay,
                "won €540 for €540 spent",
            ),
            // One cent below: watch.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 53999,
                    spent_cents: 54000,
                    ..Case::default()
                },
                Call::Watch,
                "won €539.99 for €540 spent: a return of 0.99×, below 1×",
            ),
            // Won with nothing spent.
            (
                Case {
                    meetings: 4,
                    received: 1,
                    won_cents: 50000,
                    ..Case::default()
                },
                Call::Stay,
                "won €500 with nothing spent",
            ),
            // Business won early is not "too early".
            (
                Case {
                    meetings: 1,
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    ..Case::default()
                },
                Call::Stay,
                "won €5,000 for €60 spent",
            ),
            // One concern: watch, never stay.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    concerns: 1,
                    ..Case::default()
                },
                Call::Watch,
                "1 concern: “concern 1”",
            ),
            // Two concerns: leave.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    concerns: 2,
                    ..Case::default()
                },
                Call::Leave,
                "2 concerns: “concern 1”; “concern 2”",
            ),
            // Shallow relationships: above 80 % met once.
            (
                Case {
                    meetings: 6,
                    received: 1,
                    won_cents: 500000,
                    spent_cents: 6000,
                    contacts: 10,
                    met_once: 9,
                    ..Case::default()
                },
                Call::Watch,
                "9 of 10 contacts met only once",
            ),
            // Left: the exit reason comes first.
            (
                Case {
                    meetings: 1,
                    left: true,
                    ..Case::default()
                },
                Call::Left,
                "left on 1 May 2024: “one croissant is not a relationship”",
            ),
        ];
        for (case, call, first_reason) in cases {
            let verdict = judge_case(case);
            assert_eq!(verdict.call, call, "{:?}", verdict.reasons);
            assert_eq!(
                verdict.reasons.first().map(String::as_str),
                Some(first_reason)
            );
        }
    }

    #[test]
    fn referrals_all_lost_are_not_pending() {
        let verdict = judge_case(Case {
            meetings: 4,
            received: 2,
            lost: 2,
            ..Case::default()
        });
        assert_eq!(verdict.call, Call::Watch);
        assert_eq!(verdict.reasons, ["2 referrals received, 2 lost, none won"]);
    }

    #[test]
    fn shallow_rule_boundary() {
        let base = Case {
            meetings: 6,
            received: 1,
            won_cents: 500000,
            spent_cents: 6000,
            contacts: 10,
            ..Case::default()
        };
        // 8 of 10 is exactly 80 %: not above the threshold.
        assert_eq!(
            judge_case(Case {
                met_once: 8,
                ..base
            })
            .call,
            Call::Stay
        );
        assert_eq!(
            judge_case(Case {
                met_once: 9,
                ..base
            })
            .call,
            Call::Watch
        );
        // Too few contacts to say.
        assert_eq!(
            judge_case(Case {
                contacts: 2,
                met_once: 2,
                ..base
            })
            .call,
            Call::Stay
        );
    }

    #[test]
    fn a_concern_never_leaves_a_network_at_stay() {
        for won_cents in [0, 100, 1_000_000] {
            for meetings in [0, 1, 3, 10] {
                let case = Case {
                    meetings,
                    received: 1,
                    won_cents,
                    concerns: 1,
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
    fn a_left_network_states_its_figures() {
        let verdict = judge_case(Case {
            meetings: 1,
            left: true,
            ..Case::default()
        });
        assert_eq!(verdict.reasons[1], "0 referrals received after 1 meeting");
    }

    #[test]
    fn the_time_spent_counts_with_an_hourly_rate() {
        let case = Case {
            meetings: 6,
            received: 1,
            won_cents: 60000,
            spent_cents: 54000,
            minutes: 780,
            ..Case::default()
        };
        let thresholds = Thresholds {
            hourly_rate_cents: Some(6000),
            ..Thresholds::default()
        };
        let without = judge(&network(case, None), &Thresholds::default(), &words());
        assert_eq!(without.call, Call::Stay);
        let with = judge(&network(case, Some(6000)), &thresholds, &words());
        assert_eq!(with.call, Call::Watch);
        assert!(
            with.reasons.contains(
                &"13 hours invested, worth €780 at €60 an hour, for €600 won".to_string()
            ),
            "{:?}",
            with.reasons
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
        let demanding = Thresholds {
            min_roi: 10.0,
            ..Thresholds::default()
        };
        let case = Case {
            meetings: 6,
            received: 1,
            won_cents: 320000,
            spent_cents: 54000,
            ..Case::default()
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
            meetings: 6,
            received: 1,
            won_cents: 320000,
            spent_cents: 54000,
            ..Case::default()
        };
        let verdict = judge(&network(case, None), &Thresholds::default(), &words);
        assert_eq!(verdict.reasons, ["3 200 € gagnés pour 540 € dépensés"]);
        assert_eq!(verdict.call.label(&words), "rester");
    }
}
